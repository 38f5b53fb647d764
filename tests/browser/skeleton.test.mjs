// skeleton.test.mjs: the app loads its data at run time and shows Jining's district map at
// desktop and tablet sizes, crisp on high-DPI screens, sleeping when idle, and says clearly in the
// page when its data file is missing or malformed. Where things are on screen comes from the
// app's semantics items (the map region's rectangle, the header's heading), never from layout
// constants.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, openApp, settle, screenshot, dominantColors, pixel, hex, waitForMark, items, control, truncated, VIEWPORTS,
} from './harness.mjs';
import { DATA } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const find = (all, role, name) => all.find((i) => i.role === role && (name === undefined || i.name === name));

// The map's rectangle as the app reports it (the region "地图"), inset a little from its edges.
function mapRect(all) {
  const map = find(all, 'region', '地图');
  assert.ok(map, 'the map region is recorded');
  const r = map.rect;
  return { x0: Math.ceil(r.x) + 4, y0: Math.ceil(r.y) + 4, x1: Math.floor(r.x + r.width) - 4, y1: Math.floor(r.y + r.height) - 4 };
}

// Distinct fills: colours covering ≥0.5% of the map rectangle other than the most common one
// (the background). Eleven districts in a sequential scale plus "no goals" give several.
function fillColors(image, rect) {
  const colors = dominantColors(image, rect, 0.005);
  return { background: colors[0], fills: colors.slice(1) };
}

// Share of a rectangle's pixels clearly unlike `bg` (text drawn on it).
function inkShare(image, r, bg) {
  let ink = 0, total = 0;
  for (let y = Math.ceil(r.y); y < r.y + r.height; y++) {
    for (let x = Math.ceil(r.x); x < r.x + r.width; x++) {
      const p = pixel(image, x, y);
      total++;
      if (Math.max(...p.map((v, k) => Math.abs(v - bg[k]))) > 64) ink++;
    }
  }
  return ink / total;
}

// The areas listed on the map ("地图上的区域"): their names, in the UI language.
function mapAreaNames(all) {
  const list = find(all, 'list', '地图上的区域');
  assert.ok(list, 'the map lists its areas');
  return all.filter((i) => i.parent === list.index && i.role === 'listitem').map((i) => i.name.split(' · ')[0]);
}

for (const [name, viewport] of Object.entries(VIEWPORTS).filter(([n]) => n !== 'phone')) {
  test(`${name} ${viewport.width}x${viewport.height}: the map shows distinct district fills`, async () => {
    const { page, errors, context } = await openApp(env, { viewport });
    await settle(page);
    const { image } = await screenshot(page, `skeleton-${name}-${viewport.width}x${viewport.height}`);
    const all = await items(page);
    const rect = mapRect(all);
    const { background, fills } = fillColors(image, rect);
    assert.ok(fills.length >= 3,
      `expected at least 3 fill colours besides the background ${hex(background.rgb)}, got ${fills.map((c) => hex(c.rgb)).join(' ')}`);
    const covered = fills.reduce((s, c) => s + c.share, 0);
    // Jining is tall and narrow: on a wide, short map (a portrait tablet's upper half, with room
    // kept for the metric switch, the legend and the zoom buttons) it fills about a fifth.
    assert.ok(covered > 0.15, `districts should cover a good part of the map area, covered ${(covered * 100).toFixed(1)}%`);
    // The header is drawn (not a blank canvas): its background, left of the title, differs from
    // the map background, and the title's rectangle holds drawn text (more than one colour).
    const title = all.find((i) => i.role === 'heading' && i.level === 1);
    assert.equal(title?.name, DATA.title.zh, 'the header shows the dataset title');
    const headerBg = pixel(image, title.rect.x / 2, title.rect.y + title.rect.height / 2);
    assert.notDeepEqual(headerBg, background.rgb, 'header should be drawn');
    const ink = inkShare(image, title.rect, headerBg);
    assert.ok(ink > 0.05, `the title is drawn as text: ${(ink * 100).toFixed(1)}% of its rectangle differs from the header`);
    // Every area is on the map, the panel beside or below it; nothing is drawn cut off.
    assert.deepEqual(mapAreaNames(all).sort(), DATA.areas.map((a) => a.name.zh).sort());
    assert.ok(find(all, 'region', '目标看板'), 'the panel region is recorded');
    assert.deepEqual(await truncated(page), [], 'no text is drawn cut off');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the page fetches its data at run time and marks data-loaded before first-map-frame', async () => {
  const requests = [];
  const { page, errors, context } = await openApp(env, {
    route: async (p) => p.on('request', (r) => requests.push(new URL(r.url()).pathname)),
  });
  assert.ok(requests.includes('/data/campaign.json'), `data/campaign.json should be fetched, saw ${requests.join(' ')}`);
  assert.ok(!requests.includes('/assets/ui-font-ext.otf'), 'the shipped data needs only the small font subset');
  const marks = await page.evaluate(() => ['app:data-loaded', 'app:first-map-frame']
    .map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1));
  assert.ok(marks[0] > 0 && marks[1] >= marks[0], `marks in order: ${marks}`);
  await settle(page);
  // What was fetched is what is shown: the title, and the areas on the map with their figures.
  const all = await items(page);
  assert.equal(all.find((i) => i.role === 'heading' && i.level === 1)?.name, DATA.title.zh);
  const names = mapAreaNames(all);
  for (const name of ['兖州区', '曲阜市', '泗水县', '邹城市', '任城区', '梁山县']) {
    assert.ok(names.includes(name), `the map should list ${name}: ${names.join(' ')}`);
  }
  const qufu = DATA.goals.filter((g) => g.area === '370881').length;
  // (an activatable list item's name is on the button inside it)
  assert.equal(await control(page, 'button', `曲阜市 · 县级市 · ${qufu} 项目标`).count(), 1, '曲阜市 with its number of goals');
  assert.ok(all.some((i) => i.role === 'listitem' && i.name.startsWith('任城区') && /未报告目标/.test(i.name)),
    'an area without goals says so');
  assert.deepEqual(errors, []);
  await context.close();
});

test('high-DPI: the canvas backing store is sized by devicePixelRatio', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.tabletLandscape, dpr: 2 });
  await settle(page);
  const size = await page.$eval('#canvas', (c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight }));
  assert.equal(size.w, size.cw * 2);
  assert.equal(size.h, size.ch * 2);
  // The items stay in CSS pixels: map and panel side by side fill the page's width.
  const all = await items(page);
  const map = find(all, 'region', '地图'), panel = find(all, 'region', '目标看板');
  assert.equal(Math.round(map.rect.width + panel.rect.width), size.cw, 'item rectangles are CSS pixels');
  assert.equal(Math.round(map.rect.y + map.rect.height), size.ch);
  const { image } = await screenshot(page, 'skeleton-tablet-1024x768-dpr2');
  assert.equal(image.width, size.w, 'the screenshot has device pixels');
  assert.deepEqual(errors, []);
  await context.close();
});

test('render on demand: idle stops drawing, input wakes it, then it sleeps again', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.addInitScript(() => {
    window.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.__raf = raf;  // the test's own frame counter, not counted
    window.requestAnimationFrame = (cb) => { window.__rafCalls++; return raf(cb); };
    // Every value the app gives its idle flag, in order.
    window.__idle = [];
    const set = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
      if (name === 'data-app-idle' && this === document.documentElement) window.__idle.push(String(value));
      return set.call(this, name, value);
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base);
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
  // Idle for 60 display frames (the browser's own clock, about a second): the app asks for none.
  const idle = await page.evaluate(() => new Promise((done) => {
    const start = window.__rafCalls, flags = window.__idle.length;
    let n = 0;
    const tick = () => {
      if (++n < 60) { window.__raf(tick); return; }
      done({ frames: window.__rafCalls - start, flagChanges: window.__idle.slice(flags) });
    };
    window.__raf(tick);
  }));
  assert.ok(idle.frames <= 2, `idle for 60 display frames should schedule (almost) no frames, saw ${idle.frames}`);
  assert.deepEqual(idle.flagChanges, [], 'the app stayed asleep');

  // Move the pointer over two areas (their items' rectangles on the map): the app wakes and draws.
  const all = await items(page);
  const area = (name) => all.find((i) => i.role === 'listitem' && i.name.startsWith(name + ' · ')).rect;
  const before = await page.evaluate(() => ({ raf: window.__rafCalls, flags: window.__idle.length }));
  for (const name of ['曲阜市', '邹城市']) {
    const r = area(name);
    await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  }
  await page.waitForFunction((b) => window.__rafCalls - b.raf >= 2, before, { timeout: 5000 });
  await settle(page);
  const woke = await page.evaluate((b) => ({ frames: window.__rafCalls - b.raf, flags: window.__idle.slice(b.flags) }), before);
  assert.ok(woke.frames >= 2, `input should wake the loop, saw ${woke.frames} frames`);
  assert.equal(woke.flags[0], '0', `the app said it was awake: ${woke.flags}`);
  assert.equal(woke.flags.at(-1), '1', `and went back to sleep: ${woke.flags}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('idle means nothing on its way: while the stored records have not answered, the app sleeps but is not idle', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.addInitScript(() => {
    window.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.__raf = raf;
    window.requestAnimationFrame = (cb) => { window.__rafCalls++; return raf(cb); };
    // Every IndexedDB answer (the device's stored records) is held until the test lets it go,
    // as a busy machine's storage answers late.
    window.__held = [];
    window.__release = () => { const h = window.__held; window.__held = null; for (const f of h) f(); return h.length; };
    const d = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
    Object.defineProperty(IDBRequest.prototype, 'onsuccess', {
      get() { return d.get.call(this); },
      set(fn) {
        d.set.call(this, fn && function (e) {
          if (window.__held) window.__held.push(() => fn.call(this, e)); else fn.call(this, e);
        });
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.base);
  await waitForMark(page, 'app:first-map-frame');
  // The frame loop pauses (no frame asked for over 30 display frames) with the answer still held.
  await page.waitForFunction(() => new Promise((done) => {
    const start = window.__rafCalls;
    let n = 0;
    const tick = () => (++n < 30 ? window.__raf(tick) : done(window.__rafCalls === start));
    window.__raf(tick);
  }), null, { timeout: 20000, polling: 100 });
  assert.ok(await page.evaluate(() => window.__held.length) > 0, 'the storage request is held');
  assert.notEqual(await page.evaluate(() => document.documentElement.getAttribute('data-app-idle')), '1',
    'asleep with a storage request out is not idle');
  assert.ok(await page.evaluate(() => window.__release()) > 0);
  await settle(page);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-app-idle')), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a missing data file is reported in the page, naming the file and the problem', async () => {
  const { page, errors, context } = await openApp(env, { path: '?data=data/no-such-file.json', wait: false });
  const dialog = control(page, 'dialog', '数据加载失败');
  await dialog.waitFor({ timeout: 20000 });
  await settle(page);
  const texts = await dialog.locator('p').allTextContents();
  assert.ok(texts.some((t) => /no-such-file\.json/.test(t)), `the dialog names the file: ${texts}`);
  assert.ok(texts.some((t) => /404/.test(t)), `and the HTTP status: ${texts}`);
  assert.equal(await dialog.getAttribute('aria-modal'), 'true', 'with no data to show, the problem is all there is');
  const loadingHidden = await page.$eval('#loading', (e) => e.hidden);
  assert.ok(loadingHidden, 'the loading indicator gives way to the message');
  assert.match(await page.$eval('#a11y-summary', (e) => e.textContent), /数据加载失败/, 'screen readers hear it');
  await screenshot(page, 'skeleton-error-missing-file');
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await context.close();
});

test('a malformed data file is reported with its line and column', async () => {
  const broken = '{\n  "schema_version": 1,\n  "id": "x",,\n}\n';
  const { page, errors, context } = await openApp(env, {
    path: '?data=data/broken.json', wait: false,
    route: (p) => p.route('**/data/broken.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: broken })),
  });
  const dialog = control(page, 'dialog', '数据加载失败');
  await dialog.waitFor({ timeout: 20000 });
  await settle(page);
  const texts = await dialog.locator('p').allTextContents();
  assert.ok(texts.some((t) => /broken\.json/.test(t)), `the dialog names the file: ${texts}`);
  assert.ok(texts.some((t) => /^3:\d+$/.test(t)), `and gives line 3 with a column: ${texts}`);
  assert.ok(texts.some((t) => /JSON/.test(t)), `and says what is wrong: ${texts}`);
  await screenshot(page, 'skeleton-error-malformed');
  assert.deepEqual(errors, []);
  await context.close();
});
