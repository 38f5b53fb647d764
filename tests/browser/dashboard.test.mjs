// dashboard.test.mjs: the panel as a citizen or official uses it, found through the app's
// semantics mirror (roles and names, never layout positions): Chinese search (typed and through
// an IME), results that select, an area's detail with all its goals in the chosen language, the
// language switch that persists, the sortable comparison table (by pointer and by keyboard, its
// tabs' aria-selected), filters that change map and counts (toggles' aria-pressed), the countdown,
// timeline and status colours when the data has dates and progress, layouts at four sizes with
// nothing cut off, the dark theme, and the keyboard into the panel and the data menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, fileChooser, items, control, press, reveal, truncated, waitForMark, a11ySummary, VIEWPORTS } from './harness.mjs';
import { appTests } from './harness.mjs';
import { DATA, areaItem, findItem, neutralPoint, fillColour } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const { open, appTest, track } = appTests(() => env);

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const colourDiff = (p, q) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
const lum = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const tree = (page) => page.locator('#a11y-tree');
const goalsOf = (id) => DATA.goals.filter((g) => g.area === id);

// The compare table "对比": its body rows, each as its cells' texts in order (the mirror's DOM).
const compareTable = (page, name = '对比') => tree(page).getByRole('table', { name, exact: true });
async function tableRows(page, name) {
  const table = compareTable(page, name);
  await table.waitFor({ state: 'attached', timeout: 5000 });
  return table.evaluate((t) => [...t.querySelectorAll('[role=row]')]
    .filter((r) => r.querySelector('[role=cell]'))
    .map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent)));
}
const names = (rows) => rows.map((r) => r[0]);
// Names in the order a Chinese reader expects (pinyin, by the browser's collator), either way.
async function isSortedByName(page, list) {
  const up = await page.evaluate((l) => [...l].sort(new Intl.Collator('zh-u-co-pinyin').compare), list);
  return JSON.stringify(list) === JSON.stringify(up) || JSON.stringify(list) === JSON.stringify([...up].reverse());
}

// The results of a search: the items of the list "搜索结果".
async function searchResults(page) {
  const all = await items(page);
  const list = all.find((i) => i.role === 'list' && (i.name === '搜索结果' || i.name === 'Results'));
  return list ? all.filter((i) => i.parent === list.index).map((i) => i.name) : null;
}

// Names of every listitem (the goals of an area's detail are listitems named by their titles).
async function listitemNames(page) {
  return new Set((await items(page)).filter((i) => i.role === 'listitem').map((i) => i.name));
}

// The overview's tile "<n> 目标" (or "<n> Goals"): the number of goals counted.
async function goalTile(page, word = '目标') {
  const re = new RegExp(`^(\\d+) ${word}$`);
  const tile = (await items(page)).find((i) => i.role === 'text' && re.test(i.name));
  return tile ? Number(tile.name.match(re)[1]) : null;
}

async function pointerAway(page) {
  const p = await neutralPoint(page);
  await page.mouse.move(p.x, p.y);
  await settle(page);
}

appTest('typing Chinese into search finds 曲阜市, and its result selects it', async () => {
  const { page, errors, context } = await open();
  await settle(page);
  const search = page.getByRole('searchbox', { name: '搜索区域、目标、项目、原文' });  // the real <input type=search> over the field
  await search.click();
  await page.keyboard.type('曲阜');
  await settle(page);
  const results = await searchResults(page);
  assert.ok(results && results.length >= 1, 'a list of search results');
  assert.equal(results[0], '曲阜市 · 县级市', `the area comes first: ${results}`);
  assert.ok(await findItem(page, 'heading', `搜索结果 (${results.length})`), 'the heading counts the results');
  assert.equal(await search.inputValue(), '曲阜');
  await screenshot(page, 'dashboard-search-qufu');
  await page.keyboard.press('Enter');          // closes the keyboard, keeps the text
  await settle(page);
  assert.deepEqual(await searchResults(page), results, 'Enter keeps the query and its results');
  await press(page, control(page, 'button', '曲阜市 · 县级市'));
  assert.match(await hash(page), /area=370881/);
  assert.ok(await findItem(page, 'heading', '曲阜市'), 'the result opens the area');
  assert.match(await a11ySummary(page), /^[^\n]*\n曲阜市/);
  assert.deepEqual(errors, []);
  await context.close();
});

// A phone, by touch: the clear button empties the field (the input, focused, too) and keeps the
// keyboard on it for the next query.
appTest('phone: the clear button empties the search and keeps the focus in it', async () => {
  const { page, errors, context } = await open({ viewport: VIEWPORTS.phone, dpr: 3, touch: true, path: '#lang=en' });
  await settle(page);
  assert.equal(await control(page, 'button', 'Clear search').count(), 0, 'nothing to clear yet');
  const search = page.locator('#text-overlay');
  await search.tap();
  await page.keyboard.type('Qufu');
  await settle(page);
  assert.ok((await searchResults(page))?.length >= 1, 'results');
  await screenshot(page, 'dashboard-search-clear-button-phone-en');
  await press(page, control(page, 'button', 'Clear search'), { touch: true });
  assert.equal(await search.inputValue(), '', 'the input is empty');
  assert.equal(await searchResults(page), null, 'no results: the overview again');
  assert.ok(await search.evaluate((e) => e === document.activeElement), 'the input keeps the focus');
  await page.keyboard.type('Sishui');
  await settle(page);
  assert.equal(await search.inputValue(), 'Sishui');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('IME composition: nothing is searched until the text is committed', async () => {
  const { page, errors, context } = await open();
  await settle(page);
  await page.locator('#text-overlay').click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'qufu', selectionStart: 4, selectionEnd: 4 });
  await settle(page);
  assert.equal(await searchResults(page), null, 'pinyin being composed is not a query');
  assert.ok(await control(page, 'tab', '概况').count(), 'the overview is still shown');
  await cdp.send('Input.insertText', { text: '曲阜' });
  await settle(page);
  const results = await searchResults(page);
  assert.ok(results && results.includes('曲阜市 · 县级市'), `committed text is searched: ${results}`);
  assert.equal(await page.$eval('#text-overlay', (e) => e.value), '曲阜');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('an area\'s detail lists all its goals, in the chosen language, and shows their source text', async () => {
  const { page, errors, context } = await open({ path: '#area=370831' });
  await settle(page);
  const goals = goalsOf('370831');
  assert.ok(goals.length > 5);
  let listed = await listitemNames(page);
  for (const g of goals) assert.ok(listed.has(g.title.zh), `the detail lacks ${g.title.zh}`);
  assert.equal(await page.$eval('#a11y-summary', (e) => e.getAttribute('aria-live')), 'polite');
  assert.equal((await a11ySummary(page)).split('\n')[1], '泗水县', 'the live region names the open area');

  // A goal's "原文" button expands to the verbatim quote (aria-expanded follows).
  const g = goals.find((x) => x.quote);
  const goalItem = tree(page).getByRole('listitem').filter({ has: page.locator('p').filter({ hasText: g.title.zh }) });
  const source = goalItem.getByRole('button', { name: '原文', exact: true });
  assert.equal(await source.getAttribute('aria-expanded'), 'false');
  await press(page, source);
  assert.equal(await source.getAttribute('aria-expanded'), 'true', 'aria-expanded after the click');
  assert.ok((await items(page)).some((i) => i.role === 'text' && i.name.includes(g.quote)), `the quote is shown: ${g.quote}`);

  await press(page, control(page, 'button', 'English'));  // the language switch in the header
  listed = await listitemNames(page);
  for (const x of goals) assert.ok(listed.has(x.title.en), `the detail lacks ${x.title.en}`);
  assert.ok(await findItem(page, 'heading', 'Sishui County'));
  assert.match(await hash(page), /lang=en/);
  await screenshot(page, 'dashboard-detail-sishui-en');
  await page.evaluate(() => { location.hash = ''; });
  await page.reload();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
  assert.ok(await findItem(page, 'heading', /Jining/), 'English is remembered across visits');
  assert.equal(await control(page, 'button', '中文').count(), 1, 'the switch offers 中文');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('comparison table: ranked by goals, sortable by name, a row selects its area; tabs say which is selected', async () => {
  const { page, errors, context } = await open();
  await settle(page);
  const overview = control(page, 'tab', '概况'), compare = control(page, 'tab', '对比');
  assert.equal(await overview.getAttribute('aria-selected'), 'true');
  assert.equal(await compare.getAttribute('aria-selected'), 'false');
  await press(page, compare);
  assert.equal(await compare.getAttribute('aria-selected'), 'true', 'the clicked tab is selected');
  assert.equal(await overview.getAttribute('aria-selected'), 'false');
  let rows = await tableRows(page);
  assert.equal(rows.length, DATA.areas.length, 'one row per area');
  for (const r of rows) {
    const a = DATA.areas.find((x) => x.name.zh === r[0]);
    assert.ok(a, `row ${r[0]} is an area`);
    // An area without goals in the report shows "–" (as the map's "no goals reported"), not 0.
    // (Cells: the name, the five figures from the goals on, the area's kind.)
    if (goalsOf(a.id).length === 0) assert.deepEqual(r.slice(1, 6), r.slice(1, 6).map(() => '–'), `${r[0]}: no goals reported`);
    else assert.equal(Number(r[1]), goalsOf(a.id).length, `${r[0]}: its number of goals`);
    assert.equal(r.length, 7, `${r[0]}: seven cells`);
  }
  const counts = rows.map((r) => (r[1] === '–' ? 0 : Number(r[1])));
  assert.deepEqual([...counts].sort((a, b) => b - a), counts, 'default order: most goals first');
  const header = (name) => compareTable(page).getByRole('columnheader', { name, exact: true });
  assert.equal(await header('目标').getAttribute('aria-sort'), 'descending');
  await screenshot(page, 'dashboard-compare');

  await press(page, compareTable(page).getByRole('button', { name: '区域', exact: true }));  // the 区域 column header
  rows = await tableRows(page);
  const byName = names(rows);
  assert.ok(await isSortedByName(page, byName), `sorted by name: ${byName}`);
  assert.match(await header('区域').getAttribute('aria-sort'), /^(ascending|descending)$/);
  assert.equal(await header('目标').getAttribute('aria-sort'), 'none');
  await press(page, compareTable(page).getByRole('button', { name: byName[0], exact: true }));  // the first row
  const first = DATA.areas.find((a) => a.name.zh === byName[0]);
  assert.equal(await hash(page), `#area=${first.id}&lang=zh`);
  assert.ok(await findItem(page, 'heading', byName[0]));
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('mirror elements work from the keyboard: Enter on a focused tab and on a table row', async () => {
  const { page, errors, context } = await open();
  await settle(page);
  const compare = control(page, 'tab', '对比');
  await compare.focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await compare.getAttribute('aria-selected'), 'true', 'Enter on the focused tab opens the comparison');
  const rows = await tableRows(page);
  const last = rows[rows.length - 1][0];
  const row = compareTable(page).getByRole('button', { name: last, exact: true });
  await row.focus();                          // focus scrolls the table to the row
  await reveal(page, row);
  await page.keyboard.press('Enter');
  await settle(page);
  const area = DATA.areas.find((a) => a.name.zh === last);
  assert.match(await hash(page), new RegExp(`area=${area.id}`), 'Enter on the focused row opens its area');
  assert.ok(await findItem(page, 'heading', last));
  const back = control(page, 'button', '返回全市概况');
  await back.focus();
  await page.keyboard.press('Space');
  await settle(page);
  assert.doesNotMatch(await hash(page), /area=/, 'Space on the focused back button closes the detail');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('filters: a category chip narrows the counts and the map; the toggles say they are on', async () => {
  const { page, errors, context } = await open();
  await settle(page);
  await pointerAway(page);
  const before = (await screenshot(page, 'dashboard-filter-before')).image;
  const ids = ['370812', '370881', '370831', '370883'];
  const boxes = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await areaItem(page, id)).rect])));
  assert.equal(await goalTile(page), DATA.goals.length, 'the tile counts every goal');
  const filters = control(page, 'button', /^筛选/);
  assert.equal(await filters.getAttribute('aria-pressed'), 'false');
  await press(page, filters);
  assert.equal(await filters.getAttribute('aria-pressed'), 'true', 'the open filters toggle is pressed');
  await screenshot(page, 'dashboard-filters-open');
  const cat = DATA.categories[0];
  const chip = control(page, 'button', cat.name.zh);
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await press(page, chip);
  await pointerAway(page);  // press settled first: the app saw the release over the chip
  assert.equal(await chip.getAttribute('aria-pressed'), 'true', 'the chosen chip is pressed');
  assert.equal(await control(page, 'button', '筛选 (1)').count(), 1, 'the filters button counts one active filter');
  const expected = DATA.goals.filter((g) => g.category === cat.id).length;
  assert.equal(await goalTile(page), expected, `totals count only ${cat.id}`);
  const all = await items(page);
  const byCat = all.find((i) => i.role === 'list' && i.name === '目标分类');
  assert.deepEqual(all.filter((i) => i.parent === byCat.index).map((i) => i.name), [`${cat.name.zh}: ${expected}`]);
  const after = (await screenshot(page, 'dashboard-filter-after')).image;
  // Some district changes colour (its count under the filter differs).
  const changed = ids.filter((id) => colourDiff(fillColour(before, boxes[id]), fillColour(after, boxes[id])) > 20);
  assert.ok(changed.length > 0, 'the map recolours under the filter');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('share: the link names the view and its filters; the data menu copies it; the link opens the same view', async () => {
  const { page, errors, context } = await open({ path: '#area=370831' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base.replace(/\/$/, '') });
  await settle(page);
  await press(page, control(page, 'button', /^筛选/));
  const cat = DATA.categories.find((c) => c.id === 'rural');
  await press(page, control(page, 'button', cat.name.zh));
  assert.match(await hash(page), /^#?area=370831&cat=rural&lang=zh$/, 'the filter is in the link');
  await press(page, control(page, 'button', '数据'));
  await press(page, tree(page).getByRole('menuitem', { name: '分享本视图的链接', exact: true }));
  await tree(page).getByRole('dialog', { name: '链接已复制，可粘贴发送' }).waitFor({ state: 'attached', timeout: 10000 });
  await screenshot(page, 'dashboard-link-copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the clipboard holds the view\'s address');
  const other = await open({ path: copied.slice(env.base.length) });
  await settle(other.page);
  assert.equal(await control(other.page, 'heading', '泗水县').count(), 1, 'the same area');
  assert.equal(await control(other.page, 'button', cat.name.zh).getAttribute('aria-pressed'), 'true', 'the same filter');
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
});

// A copy of the data with dates and progress: the countdown and the timeline appear.
function withProgress(today) {
  const d = structuredClone(DATA);
  const day = (offset) => new Date(Date.parse(today) + offset * 86400000).toISOString().slice(0, 10);
  d.campaign.start = day(-10);
  d.campaign.end = day(89);
  const sishui = d.goals.filter((g) => g.area === '370831');
  sishui[0].progress = [{ date: day(-5), status: 'green', percent: 30 }, { date: day(-1), status: 'red', percent: 35,
    note: { zh: '进度滞后', en: 'Behind schedule' } }];
  sishui[1].progress = [{ date: day(-3), status: 'done', percent: 100 }];
  return JSON.stringify(d);
}

appTest('with dates and progress: day N of 100, a timeline, status counts and colours', async () => {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const body = withProgress(today);
  const { page, errors, context } = await open({
    path: '?data=data/progress.json',
    route: (p) => p.route('**/data/progress.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body })),
  });
  await settle(page);
  assert.ok(await findItem(page, 'text', /^第 11 天 \/ 共 100 天/), 'the countdown');
  const timeline = await findItem(page, 'slider', '时间轴');
  assert.ok(timeline, 'a timeline slider');
  assert.ok(timeline.max > timeline.min, `the timeline spans days: ${timeline.min}..${timeline.max}`);
  const all = await items(page);
  const status = all.find((i) => i.role === 'list' && i.name === '进展状态');
  const mix = all.filter((i) => i.parent === status.index).map((i) => i.name);
  assert.ok(mix.includes('严重滞后 1') && mix.includes('已完成 1'), `the status mix counts the reports: ${mix}`);
  await screenshot(page, 'dashboard-progress-overview');
  // The fourth metric chip, 状态, colours areas by their worst reported status: 泗水县 red.
  const metric = (n) => tree(page).getByRole('group', { name: '地图着色', exact: true }).getByRole('button', { name: n, exact: true });
  const statusChip = metric('状态');
  await press(page, statusChip);
  await pointerAway(page);
  assert.equal(await statusChip.getAttribute('aria-pressed'), 'true');
  assert.equal(await metric('目标').getAttribute('aria-pressed'), 'false', 'only one metric at a time');
  const shot = (await screenshot(page, 'dashboard-progress-status-map')).image;
  const [r, g, b] = fillColour(shot, (await areaItem(page, '370831')).rect);
  assert.ok(r > 150 && g < 90 && b < 90, `泗水县 should be red, is ${[r, g, b]}`);
  const [r2, g2, b2] = fillColour(shot, (await areaItem(page, '370881')).rect);
  assert.ok(!(r2 > 150 && g2 < 90 && b2 < 90), `曲阜市 (nothing reported) is not red: ${[r2, g2, b2]}`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  appTest(`layout ${viewport.width}x${viewport.height}: search, filters and header fit on screen, nothing cut off`, async () => {
    const { page, errors, context } = await open({ viewport });
    await settle(page);
    const box = await page.$eval('#text-overlay', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, hidden: e.hidden }; });
    assert.equal(box.hidden, false);
    const ph = await page.locator('#text-overlay').evaluate((e) => {
      const cs = getComputedStyle(e);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return { text: e.placeholder, width: ctx.measureText(e.placeholder).width,
        room: e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
    });
    assert.ok(ph.width <= ph.room, `the placeholder "${ph.text}" fits the field (${ph.width.toFixed(0)} of ${ph.room.toFixed(0)} px)`);
    const header = (await items(page)).find((i) => i.role === 'heading' && i.level === 1);
    assert.ok(box.x >= 0 && box.y >= header.rect.y + header.rect.height && box.x + box.w <= viewport.width && box.y + box.h <= viewport.height,
      `search field inside the viewport, below the header: ${JSON.stringify(box)}`);
    assert.ok(box.w >= 120, 'search field wide enough to type in');
    assert.ok(box.h >= 40, 'search field tall enough to tap');
    // The drawn search field (its item) and the page's <input> over it: same place, same name.
    const field = (await items(page)).find((i) => i.role === 'textbox');
    assert.ok(field && Math.abs(field.rect.x - box.x) <= 1 && Math.abs(field.rect.y - box.y) <= 1 && Math.abs(field.rect.width - box.w) <= 1,
      `the <input> lies over the drawn field: ${JSON.stringify(field && field.rect)}`);
    assert.equal(await page.getByRole('searchbox', { name: field.name, exact: true }).count(), 1, `the <input> is named "${field.name}"`);
    for (const [role, label] of [['button', 'English'], ['button', '深色模式'], ['button', '数据'], ['button', '筛选'], ['tab', '概况'], ['tab', '对比']]) {
      const el = control(page, role, label);
      assert.equal(await el.count(), 1, `${label} is there`);
      const r = await el.boundingBox();
      assert.ok(r && r.width >= 24 && r.x >= 0 && r.y >= 0 && r.x + r.width <= viewport.width && r.y + r.height <= viewport.height,
        `${label} on screen: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(await truncated(page), [], 'no text drawn cut off');
    await screenshot(page, `dashboard-${name}-${viewport.width}x${viewport.height}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

appTest('dark theme follows the system; the header switch changes it and is remembered', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.tabletLandscape, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = [];
  track({ context, errors });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(env.base);
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
  await pointerAway(page);
  const dark = (await screenshot(page, 'dashboard-dark-1024x768')).image;
  const region = async (n) => (await findItem(page, 'region', n)).rect;
  const heading = (await items(page)).find((i) => i.role === 'heading' && i.level === 1).rect;
  assert.ok(lum(fillColour(dark, heading)) < 60, 'dark header');
  assert.ok(lum(fillColour(dark, await region('目标看板'))) < 60, 'dark panel');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const toggle = control(page, 'button', '深色模式');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the switch says dark is on');
  await press(page, toggle);
  await pointerAway(page);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'and off after the click');
  const light = (await screenshot(page, 'dashboard-light-after-switch')).image;
  assert.ok(lum(fillColour(light, await region('目标看板'))) > 200, 'light panel after the switch');
  assert.ok(lum(fillColour(light, heading)) > 200, 'light header after the switch');
  await page.reload();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the choice is remembered');
  assert.equal(await control(page, 'button', '深色模式').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('keyboard into the panel: C opens the comparison, P then Enter sorts the table by the 区域 header', async () => {
  const { page, errors } = await open();
  await settle(page);
  await page.focus('#canvas');
  await page.keyboard.press('c');                 // Compare tab
  await settle(page);
  assert.equal(await control(page, 'tab', '对比').getAttribute('aria-selected'), 'true', 'C opens the comparison');
  const before = names(await tableRows(page));
  await page.keyboard.press('p');                 // keyboard into the panel: the first control is the 区域 header
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page);
  await screenshot(page, 'dashboard-keyboard-panel');
  const after = names(await tableRows(page));
  assert.notDeepEqual(after, before, 'Enter on the focused header sorts the table');
  assert.ok(await isSortedByName(page, after), `sorted by name: ${after}`);
  assert.match(await compareTable(page).getByRole('columnheader', { name: '区域', exact: true }).getAttribute('aria-sort'), /^(ascending|descending)$/);
  assert.deepEqual(errors, []);
});

appTest('keyboard and the data menu: D opens it, Enter on its first item opens the file chooser', async () => {
  const { page, errors } = await open();
  await settle(page);
  await page.focus('#canvas');
  const dataButton = control(page, 'button', '数据');
  assert.equal(await dataButton.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('d');                 // the data menu, keyboard-navigable
  await settle(page);
  assert.equal(await dataButton.getAttribute('aria-expanded'), 'true', 'D opens the data menu');
  const menu = tree(page).getByRole('menu', { name: '数据', exact: true });
  assert.deepEqual(await menu.getByRole('menuitem').allTextContents(),
    ['导入数据（JSON）…', '导出数据（JSON，含本地记录）', '导出目标清单（CSV）', '导出当前视图（PNG）', '打印简报',
      '合并其他设备的记录…', '分享本视图的链接']);
  await screenshot(page, 'dashboard-data-menu');
  const chooser = await fileChooser(page, () => page.keyboard.press('Enter'));
  assert.ok(chooser, 'Enter on the first item opens the file picker');
  assert.deepEqual(errors, []);
});
