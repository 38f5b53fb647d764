// semantics.test.mjs: the UI as software and people see it, through the semantics layer
// (src/ui/semantics.h, the #a11y-tree mirror): every view at four sizes in both languages with
// nothing drawn cut off and every item on screen or marked off-screen; axe-core's WCAG 2.1 A/AA
// rules on the main views; Chromium's own accessibility tree holding the areas, the switches,
// the tabs and every goal's record button by role and name; the keyboard on a mirror element
// doing what a click or tap on the drawn control does, with a visible focus ring; and an app
// that draws nothing more once it has settled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, openApp, settle, control, press, items, truncated, screenshot, saveScreenshot, pixel, VIEWPORTS, SIZES } from './harness.mjs';
import { DATA } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// The UI's names in each language (src/ui/strings.cpp), and the path that selects the language.
const L = {
  zh: {
    path: '', data: '数据', filters: '筛选', overview: '概况', compare: '对比', views: '视图',
    back: '返回全市概况', record: '记录进展', cancel: '取消', help: '键盘操作', close: '关闭',
    lang: 'English', theme: '深色模式', areas: '地图上的区域', problems: '数据加载失败',
    goals: (n) => (n ? `${n} 项目标` : '未报告目标'),
  },
  en: {
    path: '#lang=en', data: 'Data', filters: 'Filters', overview: 'Overview', compare: 'Compare', views: 'Views',
    back: 'Back to city overview', record: 'Record progress', cancel: 'Cancel', help: 'Keyboard', close: 'Close',
    lang: '中文', theme: 'Dark theme', areas: 'Areas on the map', problems: 'The data could not be loaded',
    goals: (n) => (n ? `${n} goals` : 'No goals reported'),
  },
};
const LANGS = ['zh', 'en'];
const QUFU = '370881', SISHUI = '370831';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const sizeTag = ({ vp }) => `${vp.width}x${vp.height}`;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const area = (id) => DATA.areas.find((a) => a.id === id);
const goalsOf = (id) => DATA.goals.filter((g) => g.area === id);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

// The activatable item of an area in the map's list "Areas on the map" (its inner button).
function mapItem(page, id, lang) {
  return page.locator('#a11y-tree').getByRole('list', { name: L[lang].areas, exact: true })
    .getByRole('button', { name: new RegExp(`^${escapeRe(area(id).name[lang])} · `) });
}
const heading2 = (page, name) => page.locator('#a11y-tree').getByRole('heading', { level: 2, name, exact: true });

// What a person would see wrong in the current view: text drawn cut off, and items whose
// rectangle is (partly) outside the viewport although the app does not mark them off-screen, or
// whose rectangle is not a rectangle (negative size: the mirror and a screen reader's
// touch-exploration then have no place for them).
async function layoutProblems(page, view) {
  const out = (await truncated(page)).map((t) => `${view}: drawn cut off: ${t}`);
  const bad = await page.evaluate(() => {
    const res = [], W = innerWidth, H = innerHeight, name = (it) => `${it.role}: ${it.name}`;
    for (const it of window.jcmSemantics()) {
      const r = it.rect;
      if (r.width < 0 || r.height < 0) res.push(`negative size ${JSON.stringify(r)}: ${name(it)}`);
    }
    for (const el of document.querySelectorAll('#a11y-tree [data-role]')) {
      if (el.hasAttribute('data-offscreen')) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5) {
        const label = el.getAttribute('aria-label') || el.textContent;
        res.push(`outside the ${W}x${H} viewport, not marked off-screen: ${el.getAttribute('data-role')}: ${label} ` +
          `(x ${r.left}, y ${r.top}, w ${r.width}, h ${r.height})`);
      }
    }
    return res;
  });
  return out.concat(bad.map((b) => `${view}: ${b}`));
}

async function isSelected(loc) { return (await loc.getAttribute('aria-selected')) === 'true'; }

// Opens the app, runs `fn` with it, closes it; a failure also names where it was (`app.at`, set
// by the test) and the page's errors (a crash of the app shows as a wait that never ends).
async function session(opts, fn) {
  const app = await openApp(env, opts);
  try {
    return await fn(app);
  } catch (e) {
    if (app.at) e.message += `\n  (at: ${app.at})`;
    if (app.errors.length) e.message += `\n  page errors: ${app.errors.join('\n  ')}`;
    throw e;
  } finally {
    await app.context.close();
  }
}

// ---- 1. the walk ------------------------------------------------------------------------------

// One context per size and language walks every view. What is wrong on the way (a view that did
// not open or close, text cut off, items off the screen) is collected, so that one run lists it all.
for (const size of SIZES) {
  for (const lang of LANGS) {
    const s = L[lang], tag = `${lang}-${sizeTag(size)}`, how = size.touch ? 'tap' : 'click';
    test(`walk ${tag}${size.touch ? ' (touch)' : ''}: every view, nothing cut off, every item on screen or marked off-screen`, () =>
      session({ viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path }, async (app) => {
        const { page, errors } = app;
        const problems = [];
        let ringSeen = false;
        const expect = (ok, what) => { if (!ok) problems.push(what); return ok; };
        const tap = (loc) => press(page, loc, { touch: size.touch });
        const look = async (view) => {
          app.at = view;
          problems.push(...await layoutProblems(page, view));
          // The canvas's focus ring (a frame round the whole app) is for keyboard users only.
          if (view !== 'help' && !ringSeen && await page.evaluate(() => {
            const st = getComputedStyle(document.getElementById('canvas'));
            return st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0;
          })) {
            ringSeen = true;
            problems.push(`${view} (first seen here): the canvas shows its keyboard focus ring (a frame round the app) after a ${how}`);
          }
          await saveScreenshot(page, `walk-${view}-${tag}`);
        };
        // Presses `loc` (by tap or click) and checks `done()`; if the press did not do it, says
        // so, then activates the control through its mirror element to walk on.
        const pressFor = async (view, loc, what, done) => {
          app.at = `${view}: ${what}`;
          const name = await loc.textContent();
          await tap(loc);
          if (expect(await done(), `${view}: a ${how} on "${name}" did not ${what}`)) return;
          await loc.dispatchEvent('click');
          await settle(page);
          assert.ok(await done(), `${view}: could not ${what} at all`);
        };
        const closeWith = (view, closer, opened) => pressFor(view, closer, 'close it', async () => await opened.count() === 0);

        await settle(page);
        expect(await isSelected(control(page, 'tab', s.overview)), 'overview: the overview tab is not selected at first');
        await look('overview');

        const filters = control(page, 'button', s.filters);
        const pressed = async () => await filters.getAttribute('aria-pressed') === 'true';
        await pressFor('filters', filters, 'open them', pressed);
        expect(await control(page, 'button', DATA.categories[0].name[lang]).count() === 1, 'filters: no category chips');
        await look('filters');
        await pressFor('filters', filters, 'close them', async () => !(await pressed()));

        for (const [id, view] of [[QUFU, 'area-qufu'], [SISHUI, 'area-sishui']]) {
          await pressFor(view, mapItem(page, id, lang), 'select the area', async () => new RegExp(`area=${id}`).test(await hash(page)));
          expect(await heading2(page, area(id).name[lang]).count() === 1, `${view}: no heading "${area(id).name[lang]}"`);
          await look(view);
        }

        const recordDialog = control(page, 'dialog', s.record);
        await pressFor('record', control(page, 'button', s.record).first(), 'open the dialog', async () => await recordDialog.count() === 1);
        await look('record');
        await closeWith('record', control(page, 'button', s.cancel), recordDialog);

        const dataButton = control(page, 'button', s.data), menu = control(page, 'menu', s.data);
        await pressFor('data', dataButton, 'open the menu', async () => await menu.count() === 1);
        expect(await dataButton.getAttribute('aria-expanded') === 'true', 'data: the button is not expanded');
        await look('data');
        await closeWith('data', dataButton, menu);

        app.at = 'help: open';
        await page.focus('#canvas');
        await page.keyboard.press('?');
        await settle(page);
        const help = control(page, 'dialog', s.help);
        assert.equal(await help.count(), 1, "'?' on the map did not open the help");
        await look('help');
        await closeWith('help', control(page, 'button', s.close), help);

        await pressFor('compare', control(page, 'button', s.back), 'go back to the city overview', async () => !/area=/.test(await hash(page)));
        await pressFor('compare', control(page, 'tab', s.compare), 'select the tab', () => isSelected(control(page, 'tab', s.compare)));
        expect(await control(page, 'table', s.compare).count() === 1, 'compare: no table');
        await look('compare');

        app.at = null;
        assert.deepEqual(errors, []);
        assert.equal(problems.length, 0, `${problems.length} problems at ${tag}:\n  ${problems.join('\n  ')}`);
      }));
  }
}

// ---- 2. axe-core ------------------------------------------------------------------------------

// axe-core's violations in the current view: [{id, impact, help, html}] per offending node.
async function axeViolations(page, view) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => ({ view, id: v.id, impact: v.impact, help: v.help, html: n.html })));
}

// One line per rule and node, naming the views it was found in.
function axeReport(found) {
  const byKey = new Map();
  for (const f of found) {
    const key = `${f.id} (${f.impact}): ${f.help}\n      ${f.html.length > 300 ? f.html.slice(0, 300) + '…' : f.html}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(f.view);
  }
  return [...byKey].map(([key, views]) => `[${views.join(', ')}] ${key}`);
}

const BROKEN = '{\n  "schema_version": 1,\n  "id": "x",,\n}\n';

for (const size of [SIZES[3], SIZES[0]]) {
  for (const lang of LANGS) {
    const s = L[lang], tag = `${lang}-${sizeTag(size)}`;
    test(`axe (WCAG 2.1 A/AA) ${tag}: overview, area detail, record dialog, data menu, compare, problems panel (laid out whole)`, async () => {
      const found = [], layout = [];
      await session({ viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path }, async ({ page, errors }) => {
        const tap = (loc) => press(page, loc, { touch: size.touch });
        await settle(page);
        found.push(...await axeViolations(page, 'overview'));
        await tap(mapItem(page, SISHUI, lang));
        assert.equal(await heading2(page, area(SISHUI).name[lang]).count(), 1);
        found.push(...await axeViolations(page, 'area detail'));
        await tap(control(page, 'button', s.record).first());
        assert.equal(await control(page, 'dialog', s.record).count(), 1);
        found.push(...await axeViolations(page, 'record dialog'));
        // (closed through the mirror element: the walk tests the tap on Cancel)
        await control(page, 'button', s.cancel).dispatchEvent('click');
        await settle(page);
        await tap(control(page, 'button', s.data));
        assert.equal(await control(page, 'menu', s.data).count(), 1);
        found.push(...await axeViolations(page, 'data menu'));
        await tap(control(page, 'button', s.data));
        await tap(control(page, 'button', s.back));
        await tap(control(page, 'tab', s.compare));
        assert.ok(await isSelected(control(page, 'tab', s.compare)));
        found.push(...await axeViolations(page, 'compare'));
        assert.deepEqual(errors, []);
      });
      await session({
        viewport: size.vp, dpr: size.dpr, touch: size.touch, wait: false, path: `?data=data/broken.json${s.path}`,
        route: (p) => p.route('**/data/broken.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: BROKEN })),
      }, async ({ page, errors }) => {
        await control(page, 'dialog', s.problems).waitFor({ state: 'attached', timeout: 20000 });
        await settle(page);
        await saveScreenshot(page, `axe-problems-${tag}`);
        found.push(...await axeViolations(page, 'problems panel'));
        layout.push(...await layoutProblems(page, 'problems panel'));
        assert.deepEqual(errors, []);
      });
      const report = axeReport(found);
      assert.equal(report.length + layout.length, 0,
        `${found.length} axe violations at ${tag}:\n  ${report.join('\n  ')}` + (layout.length ? `\n  and in the layout:\n  ${layout.join('\n  ')}` : ''));
    });
  }
}

// ---- 3. Chromium's accessibility tree -----------------------------------------------------------

// The full AX tree (CDP), with helpers to look things up by role and name as a screen reader does.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n) => n.role && n.role.value;
  const name = (n) => (n.name && n.name.value) || '';
  const description = (n) => (n.description && n.description.value) || '';
  const prop = (n, p) => { const x = (n.properties || []).find((q) => q.name === p); return x && x.value.value; };
  const live = nodes.filter((n) => !n.ignored);
  const find = (r, nm) => live.filter((n) => role(n) === r && (typeof nm === 'string' ? name(n) === nm : nm.test(name(n))));
  const ancestors = (n) => { const out = []; for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) out.push(p); return out; };
  const descendants = (n) => {
    const out = [], stack = [...(n.childIds || [])];
    while (stack.length) { const c = byId.get(stack.pop()); if (!c) continue; out.push(c); stack.push(...(c.childIds || [])); }
    return out.filter((c) => !c.ignored);
  };
  return { role, name, description, prop, find, ancestors, descendants };
}

for (const size of [SIZES[3], SIZES[0]]) {
  for (const lang of LANGS) {
    const s = L[lang], tag = `${lang}-${sizeTag(size)}`;
    test(`accessibility tree ${tag}: every area, the switches, the tabs, every goal's record button (saying whose)`, async () => {
      const missing = [];
      await session({ viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path }, async ({ page, errors }) => {
        await settle(page);
        let ax = await axTree(page);
        const areaList = ax.find('list', s.areas);
        if (areaList.length !== 1) missing.push(`list "${s.areas}" (found ${areaList.length})`);
        for (const a of DATA.areas) {
          const n = goalsOf(a.id).length;
          const want = `${a.name[lang]} · ${a.kind && DATA.area_kinds.find((k) => k.id === a.kind).name[lang]} · ${s.goals(n)}`;
          const hits = ax.find('button', want);
          if (hits.length !== 1) { missing.push(`button "${want}" (found ${hits.length})`); continue; }
          if (!ax.ancestors(hits[0]).some((p) => ax.role(p) === 'list' && ax.name(p) === s.areas)) missing.push(`button "${want}" is not in the list "${s.areas}"`);
        }
        if (areaList.length === 1) {
          const inList = ax.descendants(areaList[0]).filter((d) => ax.role(d) === 'button');
          if (inList.length !== DATA.areas.length) missing.push(`the list "${s.areas}" holds ${inList.length} buttons, the data ${DATA.areas.length} areas`);
        }
        const langSwitch = ax.find('button', s.lang);
        if (langSwitch.length !== 1) missing.push(`language switch: button "${s.lang}" (found ${langSwitch.length})`);
        const theme = ax.find('button', s.theme);
        if (theme.length !== 1) missing.push(`theme switch: button "${s.theme}" (found ${theme.length})`);
        else if (ax.prop(theme[0], 'pressed') !== 'false') missing.push(`theme switch: pressed should be "false", is ${JSON.stringify(ax.prop(theme[0], 'pressed'))}`);
        const tablist = ax.find('tablist', s.views);
        if (tablist.length !== 1) missing.push(`tablist "${s.views}" (found ${tablist.length})`);
        for (const [t, selected] of [[s.overview, true], [s.compare, false]]) {
          const hits = ax.find('tab', t);
          if (hits.length !== 1) { missing.push(`tab "${t}" (found ${hits.length})`); continue; }
          if (!!ax.prop(hits[0], 'selected') !== selected) missing.push(`tab "${t}": selected should be ${selected}`);
          if (tablist.length === 1 && !ax.ancestors(hits[0]).includes(tablist[0])) missing.push(`tab "${t}" is not in the tablist`);
        }

        await press(page, mapItem(page, SISHUI, lang), { touch: size.touch });
        await heading2(page, area(SISHUI).name[lang]).waitFor({ state: 'attached' });
        ax = await axTree(page);
        if (ax.find('heading', area(SISHUI).name[lang]).length !== 1) missing.push(`heading "${area(SISHUI).name[lang]}"`);
        const goals = goalsOf(SISHUI);
        assert.ok(goals.length >= 20, 'the data has the goals of 泗水县');
        const recordButtons = ax.find('button', s.record);
        if (recordButtons.length !== goals.length) missing.push(`${recordButtons.length} "${s.record}" buttons for ${goals.length} goals`);
        for (const g of goals) {
          // The goal's list item: it holds the goal's title as text, and its record button.
          const titled = ax.find('StaticText', g.title[lang]).map((t) => ax.ancestors(t).find((p) => ax.role(p) === 'listitem')).filter(Boolean);
          const ok = titled.some((li) => ax.descendants(li).some((d) => ax.role(d) === 'button' && ax.name(d) === s.record));
          if (!ok) missing.push(`goal "${g.title[lang]}": no list item with its title and a "${s.record}" button`);
          // ... which says whose it is: described by the goal's title (each is named as drawn).
          const described = titled.some((li) => ax.descendants(li).some((d) => ax.role(d) === 'button' && ax.name(d) === s.record && ax.description(d) === g.title[lang]));
          if (!described) missing.push(`goal "${g.title[lang]}": its "${s.record}" button is not described by the goal's title`);
        }
        assert.deepEqual(errors, []);
      });
      assert.equal(missing.length, 0, `missing from Chromium's accessibility tree at ${tag}:\n  ${missing.join('\n  ')}`);
    });
  }
}

// ---- 4. activation parity and the focus ring ------------------------------------------------------

// What the app shows, without positions (focus may scroll the panel): hash and every item's
// role, name and state.
async function state(page) {
  const list = (await items(page)).map((i) => `${i.role}|${i.name}|${i.value}|${i.selected}|${i.checked}|${i.expanded}`);
  return { hash: await hash(page), items: list };
}

// Moves the pointer off the controls, onto the header's title, so no hover is left behind.
async function pointerAway(page) {
  const h = (await items(page)).find((i) => i.role === 'heading' && i.level === 1);
  await page.mouse.move(h.rect.x + h.rect.width / 2, h.rect.y + h.rect.height / 2);
  await settle(page);
}

// The keyboard focus on a mirror element shows a ring: pixels just outside its rectangle differ
// between a focused and an unfocused screenshot (same scroll position), and are the ring's colour.
async function focusRingProblems(page, loc, label, dpr) {
  await loc.focus();
  await settle(page);
  const problems = [];
  if (!(await loc.evaluate((el) => el.matches(':focus-visible')))) problems.push(`${label}: keyboard focus does not match :focus-visible`);
  const box = await loc.boundingBox();
  const on = (await screenshot(page, `focus-${label}-on`)).image;
  await loc.evaluate((el) => el.blur());
  await settle(page);
  const off = (await screenshot(page, `focus-${label}-off`)).image;
  await loc.focus();
  await settle(page);
  // Samples 2.5 CSS px outside the rectangle (the ring: 3 px wide, 1 px off), corners skipped.
  const d = 2.5, pts = [];
  for (let x = box.x + 6; x <= box.x + box.width - 6; x += 2) pts.push([x, box.y - d], [x, box.y + box.height + d]);
  for (let y = box.y + 6; y <= box.y + box.height - 6; y += 2) pts.push([box.x - d, y], [box.x + box.width + d, y]);
  const inside = pts.filter(([x, y]) => x >= 0 && y >= 0 && x * dpr < on.width - 1 && y * dpr < on.height - 1);
  const close = (a, b, t) => a.every((v, i) => Math.abs(v - b[i]) <= t);
  let differ = 0, ring = 0;
  for (const [x, y] of inside) {
    const a = pixel(on, x * dpr, y * dpr), b = pixel(off, x * dpr, y * dpr);
    if (!close(a, b, 40)) differ++;
    if (close(a, [0xb5, 0x45, 0x2f], 48)) ring++;
  }
  if (inside.length < 8 || differ / inside.length < 0.6 || ring / inside.length < 0.6) {
    problems.push(`${label}: no visible focus ring around ${JSON.stringify(box)}: ${differ}/${inside.length} samples differ, ${ring} ring-coloured`);
  }
  return problems;
}

for (const size of [SIZES[3], SIZES[0]]) {
  const lang = 'zh', s = L[lang], tag = `${lang}-${sizeTag(size)}`;
  test(`activation parity ${tag}: Enter on the mirror element = ${size.touch ? 'tap' : 'click'} on the drawn control; focus ring`, async () => {
    const steps = [
      ['filters', (p) => control(p, 'button', s.filters)],
      ['chip', (p) => control(p, 'button', DATA.categories[0].name[lang])],
      ['map-area', (p) => mapItem(p, QUFU, lang)],
      ['back', (p) => control(p, 'button', s.back)],
      ['compare-tab', (p) => control(p, 'tab', s.compare)],
    ];
    const opts = { viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path };
    const ringProblems = [];
    await session(opts, (drawn) => session(opts, async (keys) => {
      await settle(drawn.page);
      await settle(keys.page);
      let before = await state(drawn.page);
      assert.deepEqual(await state(keys.page), before, 'both pages start the same');
      for (const [label, find] of steps) {
        await press(drawn.page, find(drawn.page), { touch: size.touch });
        if (!size.touch) await pointerAway(drawn.page);
        const byPointer = await state(drawn.page);
        assert.notDeepEqual(byPointer, before, `${label}: the ${size.touch ? 'tap' : 'click'} changed something`);

        const loc = find(keys.page);
        ringProblems.push(...await focusRingProblems(keys.page, loc, `${label}-${tag}`, size.dpr));
        await keys.page.keyboard.press('Enter');
        await settle(keys.page);
        if (!size.touch) await pointerAway(keys.page);
        const byKey = await state(keys.page);
        assert.deepEqual(byKey, byPointer, `${label}: Enter on the mirror element gives what the ${size.touch ? 'tap' : 'click'} gave`);
        before = byPointer;
      }
      assert.ok(await isSelected(control(keys.page, 'tab', s.compare)), 'the steps end on the compare tab');
      assert.deepEqual(drawn.errors, []);
      assert.deepEqual(keys.errors, []);
    }));
    assert.equal(ringProblems.length, 0, ringProblems.join('\n'));
  });
}

// The header's buttons are met in the order they are seen; the data menu works as a menu does
// from the keyboard: Enter opens it, the arrows move between its items, Esc closes it and the
// focus goes back to its button (also after choosing an item); Esc in the record dialog cancels it.
test('keyboard en-1280x800: header order, the data menu (arrows, Esc) and Esc in a dialog', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.desktop, path: '#lang=en&area=370831' });
  await settle(page);
  const header = (await items(page)).filter((i) => i.role === 'button' && i.rect.y < 60);
  assert.deepEqual(header.map((i) => i.name), ['Data', 'Dark theme', '中文'], 'in the order they are seen');
  assert.deepEqual(header.map((i) => i.rect.x), header.map((i) => i.rect.x).sort((a, b) => a - b));
  const data = control(page, 'button', 'Data');
  await data.focus();
  await page.keyboard.press('Enter');
  const menu = control(page, 'menu', 'Data');
  await menu.waitFor();
  assert.equal(await data.getAttribute('aria-expanded'), 'true', 'expanded as soon as the menu is there');
  const focused = () => page.evaluate(() => `${document.activeElement.getAttribute('role') || document.activeElement.tagName.toLowerCase()}|${document.activeElement.textContent}`);
  await page.keyboard.press('ArrowDown');
  const first = await focused();
  assert.match(first, /^menuitem\|/, 'ArrowDown goes into the menu');
  await page.keyboard.press('ArrowDown');
  const second = await focused();
  assert.match(second, /^menuitem\|/);
  assert.notEqual(second, first, 'and on to the next item');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), first);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(await focused(), 'button|Data', 'Esc closes the menu, back on its button');
  assert.equal(await data.getAttribute('aria-expanded'), 'false');
  // Choosing an item (export the goals as CSV) also gives the focus back to the button.
  await page.keyboard.press('Enter');
  await menu.waitFor();
  const csv = control(page, 'menuitem', 'Export goals (CSV)');
  await csv.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await menu.waitFor({ state: 'detached' });
  assert.equal(await focused(), 'button|Data', 'after an item, back on the menu button');
  // Esc in the record dialog cancels it.
  const record = control(page, 'button', 'Record progress').first();
  await record.focus();
  await page.keyboard.press('Enter');
  const dialog = control(page, 'dialog', 'Record progress');
  await dialog.waitFor();
  // Opened from the keyboard, the focus goes into it; Tab goes round its controls in the order
  // they are seen, the note (the page's text field) among them, and never leaves it.
  const where = () => page.evaluate(() => {
    const el = document.activeElement;
    const inDialog = !!el.closest('[role=dialog]') || el.id === 'text-overlay';
    return `${inDialog ? '' : 'OUTSIDE '}${el.id === 'text-overlay' ? 'note' : (el.getAttribute('aria-label') || el.textContent)}`;
  });
  await page.waitForFunction(() => !!document.activeElement.closest('[role=dialog]'));
  const stops = [await where()];
  for (let k = 0; k < 12; k++) { await page.keyboard.press('Tab'); stops.push(await where()); }
  assert.ok(!stops.some((x) => x.startsWith('OUTSIDE')), `Tab stays in the dialog: ${stops}`);
  assert.equal(stops[0], 'Previous day', `the first control has the focus: ${stops}`);
  const order = stops.slice(0, stops.indexOf('Previous day', 1));
  assert.deepEqual(order.filter((x) => ['Record a percentage', 'note', 'Reported by', 'Cancel', 'Save'].includes(x)),
    ['Record a percentage', 'note', 'Reported by', 'Cancel', 'Save'], `in the order seen: ${order}`);
  await control(page, 'button', 'Previous day').focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await where(), 'Save', 'Shift+Tab from the first goes round to the last');
  // The field lent to the author (Enter on it) keeps the focus; the note, now a button, takes the
  // note's place among the dialog's controls (before Cancel), and Tab goes on from the author.
  await control(page, 'button', 'Reported by').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'text-overlay' && document.activeElement.getAttribute('aria-label') === 'Reported by');
  await settle(page);
  const order2 = await page.evaluate(() => [...document.querySelector('[role=dialog]').querySelectorAll('button')].map((b) => b.textContent));
  assert.ok(order2.indexOf('Note') >= 0 && order2.indexOf('Note') < order2.indexOf('Cancel'), `the note before Cancel: ${order2}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-overlay', 'the author keeps the focus');
  await page.keyboard.press('Tab');
  assert.equal(await where(), 'Cancel', 'Tab from the author goes on to Cancel');
  await control(page, 'button', 'Cancel').focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(new URL(page.url()).hash, /area=370831/, 'the area stays');
  await settle(page);
  assert.equal(await focused(), 'button|Record progress', 'the focus is back on the button that opened it');
  assert.deepEqual(errors, []);
  await context.close();
});

// The search box (the page's own <input>, outside the app's canvas) is met by Tab where it is
// seen, among the panel's controls: it was the page's last stop, after every area of the list.
test('keyboard en-1280x800: Tab reaches the search box where it lies', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.desktop, path: '#lang=en' });
  await settle(page);
  // Each stop as "region: role|name"; the search box as "region: search".
  const name = () => page.evaluate(() => {
    const el = document.activeElement, region = el.closest('section');
    const what = el.id === 'text-overlay' ? 'search' : `${el.getAttribute('role') || el.tagName.toLowerCase()}|${el.getAttribute('aria-label') || el.textContent}`;
    return `${region ? region.getAttribute('aria-label') : '(page)'}: ${what}`;
  });
  await control(page, 'button', '中文').focus();
  const stops = [];
  for (let k = 0; k < 40 && !stops.some((x) => x.endsWith(': search')); k++) { await page.keyboard.press('Tab'); stops.push(await name()); }
  const at = stops.findIndex((x) => x.endsWith(': search'));
  assert.ok(at > 0, `Tab reaches the search box: ${stops}`);
  const panel = stops[at].split(': ')[0];
  assert.notEqual(panel, '(page)', 'the search box lies in the panel');
  assert.ok(stops.slice(0, at).every((x) => !x.startsWith(panel + ': ')), `the panel's first stop: ${stops}`);
  // On from it, and back: the neighbours are the panel's controls, not the page's ends.
  await page.keyboard.press('Tab');
  const after = await name();
  assert.ok(after.startsWith(panel + ': ') && !after.endsWith(': search'), `Tab goes on into the panel: ${after}`);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await name(), stops[at], 'Shift+Tab comes back to it');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await name(), stops[at - 1], 'and before it, what Tab met before it');
  // Typed into, it searches (it is still the app's search box).
  await page.keyboard.press('Tab');
  await page.keyboard.type('Qufu');
  await page.waitForFunction(() => window.jcmSemantics().some((i) => /Results/.test(i.name)));
  await settle(page);
  assert.equal(await name(), stops[at], 'typing keeps the focus in it');
  assert.equal(await page.inputValue('#text-overlay'), 'Qufu', 'every letter in it');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- 5. idle ----------------------------------------------------------------------------------

// Counts the app's drawing (WebGL draw and clear calls), installed before the app starts.
const countDrawing = (page) => page.addInitScript(() => {
  window.__jcmDraws = 0;
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    for (const m of ['drawElements', 'drawArrays', 'clear']) {
      const f = C.prototype[m];
      C.prototype[m] = function (...a) { window.__jcmDraws++; return f.apply(this, a); };
    }
  }
});

// Over one second of a settled app: no mirror mutation, no change of the idle flag, no drawing.
async function idleSecond(page) {
  await page.evaluate(() => {
    window.__jcmMutations = [];
    const note = (list) => { for (const m of list) window.__jcmMutations.push(`${m.type} ${m.attributeName || ''} on ${m.target.nodeName}${m.target.id ? '#' + m.target.id : ''}`); };
    window.__jcmObservers = [new MutationObserver(note), new MutationObserver(note), new MutationObserver(note)];
    window.__jcmObservers[0].observe(document.getElementById('a11y-tree'), { subtree: true, childList: true, attributes: true, characterData: true });
    window.__jcmObservers[1].observe(document.documentElement, { attributes: true, attributeFilter: ['data-app-idle'] });
    window.__jcmObservers[2].observe(document.getElementById('a11y-summary'), { subtree: true, childList: true, characterData: true });
    window.__jcmDraws0 = window.__jcmDraws;
  });
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction((t) => performance.now() - t > 1000, t0, { polling: 'raf', timeout: 10000 });
  return page.evaluate(() => {
    for (const o of window.__jcmObservers) { window.__jcmMutations.push(...o.takeRecords().map((m) => `${m.type} ${m.attributeName || ''} on ${m.target.nodeName}`)); o.disconnect(); }
    return { mutations: window.__jcmMutations, idle: document.documentElement.getAttribute('data-app-idle'), draws: window.__jcmDraws - window.__jcmDraws0, total: window.__jcmDraws };
  });
}

for (const size of [SIZES[3], SIZES[0]]) {
  const lang = 'zh', s = L[lang], tag = `${lang}-${sizeTag(size)}`;
  test(`idle ${tag}: once settled, the app draws and publishes nothing for a second`, () =>
    session({ viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path, route: countDrawing }, async ({ page, errors }) => {
      const tap = (loc) => press(page, loc, { touch: size.touch });
      const phases = [
        ['after load', async () => {}],
        ['after selecting an area', () => tap(mapItem(page, QUFU, lang))],
        ['after opening the compare tab', async () => { await tap(control(page, 'button', s.back)); await tap(control(page, 'tab', s.compare)); }],
      ];
      for (const [when, act] of phases) {
        await act();
        await settle(page);
        const r = await idleSecond(page);
        assert.ok(r.total > 0, 'the draw counter sees the app drawing');
        assert.equal(r.idle, '1', `${when}: data-app-idle stayed 1`);
        assert.deepEqual(r.mutations, [], `${when}: nothing in the mirror, the summary or the idle flag changed`);
        assert.equal(r.draws, 0, `${when}: the app drew ${r.draws} times while idle`);
      }
      assert.ok(await isSelected(control(page, 'tab', s.compare)), 'the last phase is on the compare tab');
      assert.deepEqual(errors, []);
    }));
}
