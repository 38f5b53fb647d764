// dashboard.test.mjs: the panel as a citizen or official uses it: Chinese search (typed and
// through an IME), results that select, the accessible summary of the selected area, the
// language switch that persists, the sortable comparison table, filters that change map and
// counts, the countdown and timeline when the data has dates and progress, and layouts at four
// sizes with nothing cut off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, pixel, a11ySummary, VIEWPORTS } from './harness.mjs';
import { DATA, pointInArea } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
// Layout constants (README "Layout"): panel on the right at 34% clamped to 340..480 on wide
// screens; its search field starts 12 px below the 56 px header and is 40 px tall.
const panelX = (w) => w - Math.min(480, Math.max(340, w * 0.34));
const TABS_Y = 56 + 12 + 40 + 8 + 14;

// Clicks down a column of the panel until the hash names an area; returns the hash.
async function clickFirstRow(page, x, fromY, toY) {
  for (let y = fromY; y <= toY; y += 8) {
    await page.mouse.click(x, y);
    await settle(page, 150);
    const h = await hash(page);
    if (/area=/.test(h)) return h;
  }
  return '';
}

test('typing Chinese into search finds 曲阜市, and its result selects it', async () => {
  const { page, errors, context } = await openApp(env);
  await page.click('#text-overlay');          // the real input laid over the search field
  await page.keyboard.type('曲阜');
  await settle(page);
  const summary = await a11ySummary(page);
  assert.match(summary, /曲阜市/);
  assert.match(summary, /搜索结果 "曲阜"/);
  await screenshot(page, 'dashboard-search-qufu');
  await page.keyboard.press('Enter');          // closes the keyboard, keeps the text
  const h = await clickFirstRow(page, panelX(1280) + 60, 150, 280);
  assert.match(h, /area=370881/);
  assert.match(await a11ySummary(page), /^[^\n]*\n曲阜市/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('IME composition: nothing is searched until the text is committed', async () => {
  const { page, errors, context } = await openApp(env);
  await page.click('#text-overlay');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'qufu', selectionStart: 4, selectionEnd: 4 });
  await settle(page);
  assert.doesNotMatch(await a11ySummary(page), /搜索结果/, 'pinyin being composed is not a query');
  await cdp.send('Input.insertText', { text: '曲阜' });
  await settle(page);
  assert.match(await a11ySummary(page), /曲阜市/);
  assert.equal(await page.$eval('#text-overlay', (e) => e.value), '曲阜');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the accessible summary holds the selected area and all its goals, in the chosen language', async () => {
  const { page, errors, context } = await openApp(env, { path: '#area=370831' });
  await settle(page);
  const goals = DATA.goals.filter((g) => g.area === '370831');
  assert.ok(goals.length > 5);
  let summary = await a11ySummary(page);
  for (const g of goals) assert.ok(summary.includes(g.title.zh), `summary lacks ${g.title.zh}`);
  assert.equal(await page.$eval('#a11y-summary', (e) => e.getAttribute('aria-live')), 'polite');

  await page.mouse.click(1234, 27);            // the language switch in the header
  await settle(page);
  summary = await a11ySummary(page);
  for (const g of goals) assert.ok(summary.includes(g.title.en), `summary lacks ${g.title.en}`);
  assert.match(await hash(page), /lang=en/);
  await screenshot(page, 'dashboard-detail-sishui-en');
  await page.evaluate(() => { location.hash = ''; });
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('app:first-map-frame').length > 0);
  await settle(page);
  assert.match(await a11ySummary(page), /Jining/, 'English is remembered across visits');
  assert.deepEqual(errors, []);
  await context.close();
});

test('comparison table: ranked by goals, sortable by name, a row selects its area', async () => {
  const { page, errors, context } = await openApp(env);
  const x0 = panelX(1280);
  await page.mouse.click(x0 + 93, TABS_Y);     // the second tab, 对比
  await settle(page);
  let lines = (await a11ySummary(page)).split('\n').filter((l) => l.includes(': '));
  const names = () => lines.map((l) => l.split(':')[0]);
  const counts = lines.map((l) => Number(l.match(/目标 (\d+)/)[1]));
  assert.equal(lines.length, DATA.areas.length);
  assert.deepEqual([...counts].sort((a, b) => b - a), counts, 'default order: most goals first');
  await screenshot(page, 'dashboard-compare');

  await page.mouse.click(x0 + 30, TABS_Y + 44);  // the 区域 column header
  await settle(page);
  lines = (await a11ySummary(page)).split('\n').filter((l) => l.includes(': '));
  const byName = names();
  const sorted = [...byName].sort();
  assert.ok(JSON.stringify(byName) === JSON.stringify(sorted) || JSON.stringify(byName) === JSON.stringify(sorted.reverse()),
    `sorted by name: ${byName}`);
  const h = await clickFirstRow(page, x0 + 40, TABS_Y + 62, TABS_Y + 140);
  const first = DATA.areas.find((a) => a.name.zh === byName[0]);
  assert.equal(h, `#area=${first.id}&lang=zh`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('filters: a category chip narrows the counts and the map', async () => {
  const { page, errors, context } = await openApp(env);
  await page.mouse.move(5, 790);
  await settle(page);
  const before = (await screenshot(page, 'dashboard-filter-before')).image;
  await page.mouse.click(1226, 56 + 12 + 20);  // 筛选
  await settle(page);
  await screenshot(page, 'dashboard-filters-open');
  await page.mouse.click(panelX(1280) + 50, 162);  // the first category chip
  await settle(page);  // the app sees the release over the chip before the pointer leaves
  await page.mouse.move(5, 790);
  await settle(page);
  const cat = DATA.categories[0].id;
  const expected = DATA.goals.filter((g) => g.category === cat).length;
  const summary = await a11ySummary(page);
  assert.match(summary, new RegExp(`目标 ${expected},`), `totals count only ${cat}: ${summary.split('\n')[3]}`);
  const after = (await screenshot(page, 'dashboard-filter-after')).image;
  // Some district changes colour (its count under the filter differs).
  const changed = ['370812', '370881', '370831', '370883'].some((id) => {
    const p = pointInArea(VIEWPORTS.desktop, id);
    const a = pixel(before, p.x - 4, p.y + 16), b = pixel(after, p.x - 4, p.y + 16);
    return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 20;
  });
  assert.ok(changed, 'the map recolours under the filter');
  assert.deepEqual(errors, []);
  await context.close();
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

test('with dates and progress: day N of 100, status colours, a timeline', async () => {
  const today = await (async () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  })();
  const body = withProgress(today);
  const { page, errors, context } = await openApp(env, {
    path: '?data=data/progress.json',
    route: (p) => p.route('**/data/progress.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body })),
  });
  await settle(page);
  const summary = await a11ySummary(page);
  assert.match(summary, /第 11 天 \/ 共 100 天/);
  await screenshot(page, 'dashboard-progress-overview');
  // The fourth metric chip, 状态, colours areas by their worst reported status: 泗水县 red.
  await page.mouse.click(12 + 150, 80);
  await settle(page);
  await page.mouse.move(5, 790);
  await settle(page);
  const shot = (await screenshot(page, 'dashboard-progress-status-map')).image;
  const p = pointInArea(VIEWPORTS.desktop, '370831');
  const [r, g, b] = pixel(shot, p.x - 4, p.y + 16);
  assert.ok(r > 150 && g < 90 && b < 90, `泗水县 should be red, is ${[r, g, b]}`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`layout ${viewport.width}x${viewport.height}: search, filters and header fit on screen`, async () => {
    const { page, errors, context } = await openApp(env, { viewport });
    await settle(page);
    const box = await page.$eval('#text-overlay', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, hidden: e.hidden }; });
    assert.equal(box.hidden, false);
    assert.ok(box.x >= 0 && box.y >= 56 && box.x + box.w <= viewport.width && box.y + box.h <= viewport.height,
      `search field inside the viewport: ${JSON.stringify(box)}`);
    assert.ok(box.w >= 120, 'search field wide enough to type in');
    assert.ok(box.h >= 40, 'search field tall enough to tap');
    await screenshot(page, `dashboard-${name}-${viewport.width}x${viewport.height}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('dark theme follows the system; the header switch changes it and is remembered', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.tabletLandscape, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base);
  await page.waitForFunction(() => performance.getEntriesByName('app:first-map-frame').length > 0);
  await page.mouse.move(5, 700);
  await settle(page);
  const dark = (await screenshot(page, 'dashboard-dark-1024x768')).image;
  const lum = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  assert.ok(lum(pixel(dark, 20, 30)) < 60, 'dark header');
  assert.ok(lum(pixel(dark, 1000, 400)) < 60, 'dark panel');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  // The theme switch sits left of the language switch in the header.
  const langW = 28 + 7 * 8;  // "English" at 16 px is ~50 px wide, plus padding
  await page.mouse.click(1024 - 12 - langW - 8 - 22, 27);
  await settle(page);
  await page.mouse.move(5, 700);
  await settle(page);
  const light = (await screenshot(page, 'dashboard-light-after-switch')).image;
  assert.ok(lum(pixel(light, 1000, 400)) > 200, 'light panel after the switch');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('app:first-map-frame').length > 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the choice is remembered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard reaches the panel and the data menu: P then Enter sorts the table, D then Enter imports', async () => {
  const { page, errors, context } = await openApp(env);
  await page.focus('#canvas');
  await page.keyboard.press('c');                 // Compare tab
  await settle(page);
  const order = async () => (await a11ySummary(page)).split('\n').filter((l) => l.includes(': ')).map((l) => l.split(':')[0]);
  const before = await order();
  await page.keyboard.press('p');                 // keyboard into the panel: the first control is the 区域 header
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page);
  const after = await order();
  assert.notDeepEqual(after, before, 'Enter on the focused header sorts the table');
  const sorted = [...after].sort();
  assert.ok(JSON.stringify(after) === JSON.stringify(sorted) || JSON.stringify(after) === JSON.stringify(sorted.reverse()),
    `sorted by name: ${after}`);
  await screenshot(page, 'dashboard-keyboard-panel');
  await page.keyboard.press('Escape');
  await settle(page);
  await page.keyboard.press('d');                 // the data menu, keyboard-navigable
  await settle(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Enter')]);
  assert.ok(chooser, 'Enter on the first item opens the file picker');
  assert.deepEqual(errors, []);
  await context.close();
});
