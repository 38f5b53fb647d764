// big-data.test.mjs: a big dataset (over 2 MB: a province's townships rather than a city's
// districts) loads across frames with its progress on the page's loading card: the download, then
// reading (the boundaries ahead of the parse, its bar filling), checking, building and indexing the
// map (src/ui/app.cpp StepLoading), each step named in both
// languages and the bar filling, and then the same map as the small file gives, its names made
// after the map is first drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openApp, settle, screenshot, items, control, press, fileChooser, waitForMark, VIEWPORTS, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// The shipped data padded with whitespace past the 2 MiB threshold: the same dataset, loaded the
// big way.
const padded = readFileSync(join(ROOT, 'data/campaign.json'), 'utf8') + ' '.repeat(2_500_000);

// Records every state the loading card shows (the step's name, whether the bar is up, its value)
// from the first script on, so nothing depends on catching a moment.
function recordCard() {
  window.__card = [];
  const note = () => {
    const hint = document.getElementById('loading-hint');
    const bar = document.getElementById('loading-progress');
    const card = document.getElementById('loading');
    const figures = document.getElementById('loading-figures');
    // While the page is still being parsed, some of the card may not exist yet.
    if (!hint || !bar || !card || !figures) return;
    window.__card.push({ hint: hint.textContent, bar: !bar.hidden, value: bar.hasAttribute('value') ? bar.value : null,
                         shown: !card.hidden, figures: figures.textContent, title: card.querySelector('.title')?.textContent });
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

for (const [name, viewport] of [['desktop', VIEWPORTS.desktop], ['phone', VIEWPORTS.phone]]) {
  test(`big data (${name}): the loading card shows each step with its progress, then the map`, async () => {
    const { page, context, errors } = await openApp(env, {
      viewport, path: '?data=data/big.json',
      route: async (p) => {
        await p.addInitScript(recordCard);
        await p.route('**/data/big.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: padded }));
      },
    });
    await settle(page);
    const card = await page.evaluate(() => window.__card);
    const hints = [...new Set(card.filter((c) => c.shown && c.bar).map((c) => c.hint))];
    assert.deepEqual(hints, ['正在下载数据 · Downloading the data', '正在读取数据 · Reading the data', '正在检查数据 · Checking the data',
      '正在构建地图 · Building the map', '正在建立地图索引 · Indexing the map', '正在准备地图 · Preparing the map'],
      JSON.stringify(card.slice(0, 40)));
    const download = card.filter((c) => c.hint.startsWith('正在下载'));
    const mb = (Buffer.byteLength(padded) / 1e6).toFixed(1);
    assert.equal(download.at(-1).figures, `${mb} / ${mb} MB`, 'the download, in MB of MB');
    const building = card.filter((c) => c.hint.startsWith('正在构建') && c.value !== null).map((c) => c.value);
    assert.ok(building.length >= 1, 'the bar has a value while the map is built');
    assert.ok(building.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= building[i - 1])), `the bar only fills: ${building}`);
    const reading = card.filter((c) => c.hint.startsWith('正在读取') && c.bar).map((c) => c.value);
    assert.ok(reading.length >= 1 && reading.every((v, i) => v !== null && v >= 0 && v <= 1 && (i === 0 || v >= reading[i - 1])),
      `reading fills its bar: ${reading}`);
    assert.ok(card.some((c) => c.hint.startsWith('正在检查') && c.value === null), 'checking has no known fraction');
    // The map was drawn first; its hit grid and names were made after that frame (app.cpp
    // StepLoading, MapGeometryFinisher) and are there once the app is idle.
    const marks = await page.evaluate(() => Object.fromEntries(['app:first-map-frame', 'app:map-labelled']
      .map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])));
    assert.ok(marks['app:map-labelled'] !== null && marks['app:map-labelled'] > marks['app:first-map-frame'],
      `names after the first map frame: ${JSON.stringify(marks)}`);
    // Done: the card is gone and the map is the shipped data's, with no errors.
    assert.equal(await page.$eval('#loading', (el) => el.hidden), true);
    const names = async (p) => (await items(p)).filter((i) => i.role === 'listitem').map((i) => i.name).sort();
    const big = await names(page);
    assert.ok(big.some((n) => n.startsWith('兖州区 · ')), 'the map lists its areas');
    const small = await openApp(env, { viewport });
    await settle(small.page);
    assert.deepEqual(big, await names(small.page), 'the same areas and goals as the small file gives');
    await small.context.close();
    await screenshot(page, `big-data-${name}-loaded`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A big file imported from the Data menu, by touch on a phone: the loading card comes back over
// the app, named by the file, with each step, and goes when the file's map is drawn; a big file
// the loader refuses leaves the data shown as it was, with its problems.
test('big data: a big file imported by touch loads on the loading card, then shows; a refused one changes nothing', async () => {
  const { page, context, errors } = await openApp(env, { viewport: VIEWPORTS.phone, touch: true, dpr: 2,
    route: async (p) => { await p.addInitScript(recordCard); } });
  await settle(page);
  const dir = mkdtempSync(join(tmpdir(), 'jcm-big-import-'));
  const data = JSON.parse(readFileSync(join(ROOT, 'data/campaign.json'), 'utf8'));
  data.title.zh = '导入的' + data.title.zh;  // to tell the file's data from the page's
  const text = JSON.stringify(data) + ' '.repeat(2_500_000);
  const importFile = async (name, body) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    const chooser = await fileChooser(page, async () => {
      await press(page, control(page, 'button', '数据'), { touch: true });
      await press(page, control(page, 'menuitem', '导入数据（JSON）…'), { touch: true });
    });
    await page.evaluate(() => { window.__card = []; });
    await chooser.setFiles(path);
  };

  await importFile('big-import.json', text);
  await waitForMark(page, 'app:data-imported', 60000);
  await settle(page);
  const card = await page.evaluate(() => window.__card);
  const shown = card.filter((c) => c.shown);
  assert.ok(shown.length > 0 && shown.every((c) => c.title === 'big-import.json'), `the card names the file: ${JSON.stringify(card.slice(0, 5))}`);
  assert.deepEqual([...new Set(shown.filter((c) => c.bar).map((c) => c.hint))], ['正在读取数据 · Reading the data', '正在检查数据 · Checking the data',
    '正在构建地图 · Building the map', '正在建立地图索引 · Indexing the map', '正在准备地图 · Preparing the map'], JSON.stringify(card.slice(0, 40)));
  assert.equal(await page.$eval('#loading', (el) => el.hidden), true, 'the card is gone');
  assert.match(await page.title(), /^导入的/, 'the imported data is shown');
  assert.ok((await items(page)).some((i) => i.role === 'listitem' && i.name.startsWith('兖州区 · ')), 'with its areas');

  await importFile('bad-import.json', text.replace('导入的', '再导入的') + ']');
  const problems = control(page, 'dialog', '数据加载失败');
  await problems.waitFor();
  await settle(page);
  assert.ok((await problems.locator('p').allTextContents()).includes('bad-import.json'), 'the problems name the file');
  assert.equal(await page.$eval('#loading', (el) => el.hidden), true, 'the card is gone');
  assert.match(await page.title(), /^导入的/, 'the data shown before is still shown');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:data-imported').length), 1, 'nothing more was imported');
  await screenshot(page, 'big-data-import-refused-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('big data: the card at each step is readable at phone size (the bar, the figures, nothing cut off)', async () => {
  // The download held back so the card can be looked at; the picture is for a person's eyes.
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page, context } = await openApp(env, {
    viewport: VIEWPORTS.phone, path: '?data=data/big.json', wait: false,
    route: async (p) => {
      await p.route('**/data/big.json', async (r) => { await held; await r.fulfill({ status: 200, contentType: 'application/json', body: padded }); });
    },
  });
  await page.waitForFunction(() => !document.getElementById('loading').hidden);
  const box = await page.$eval('#loading .card', (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, w: innerWidth }; });
  assert.ok(box.left >= 0 && box.right <= box.w, `the card fits the phone (${JSON.stringify(box)})`);
  // Another dataset than the page's own: the card and the tab say which file, not the page's city.
  const named = await page.evaluate(() => ({ title: document.querySelector('#loading .title').textContent,
    subtitle: document.querySelector('#loading .subtitle').textContent, tab: document.title }));
  assert.deepEqual(named, { title: 'big.json', subtitle: '', tab: 'big.json' });
  await screenshot(page, 'big-data-phone-card');
  release();
  await page.waitForFunction(() => performance.getEntriesByName('app:first-map-frame').length > 0, null, { timeout: 60000 });
  await context.close();
});

// A map of 1,500 areas: its semantics mirror (an element for each area on the map and in the
// ranked list, ~3,000 items) is made over several animation frames rather than in one long task
// (platform_web.js jcmMirror.SLICE_MS), and the app says it is idle only once the mirror is whole.
test('many areas: the mirror is made over several frames, and is whole when the app is idle', async () => {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/campaign.json'), 'utf8'));
  const side = 39;   // 39 x 39 - 21 = 1,500 small squares south of the city
  for (let k = 0; k < 1500; k++) {
    const x = 116.0 + (k % side) * 0.02, y = 34.2 + Math.floor(k / side) * 0.02;
    data.areas.push({ id: `t${k}`, name: { zh: `测试区${k}`, en: `Test area ${k}` }, kind: 'district',
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.018, y], [x + 0.018, y + 0.018], [x, y + 0.018], [x, y]]] } });
  }
  const { page, context, errors } = await openApp(env, {
    path: '?data=data/many.json', wait: false,
    route: async (p) => {
      // The CPU of a slower device (4x): on a fast machine 3,000 elements were all made within one
      // slice's 20 ms, and the mirror in one frame, as it should be there.
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      // Counts the animation frames in which the mirror gained elements, from the first script on.
      await p.addInitScript(() => {
        window.__growFrames = 0;
        let grew = false;
        new MutationObserver((list) => {
          if (!grew && list.some((m) => m.addedNodes.length && m.target.closest && m.target.closest('#a11y-tree'))) {
            grew = true;
            window.__growFrames++;
            requestAnimationFrame(() => { grew = false; });
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await p.route('**/data/many.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
    },
  });
  await settle(page, 60000);
  const mirror = await page.evaluate(() => ({
    items: window.jcmSemantics().filter((i) => i.role !== 'textbox').length,
    elements: document.querySelectorAll('#a11y-tree [data-role]').length,
    frames: window.__growFrames,
  }));
  assert.ok(mirror.items > 3000, `the mirror has an item per area in each list: ${JSON.stringify(mirror)}`);
  assert.equal(mirror.elements, mirror.items, 'idle: every item has its element');
  assert.ok(mirror.frames >= 2, `made over several frames: ${JSON.stringify(mirror)}`);
  const last = page.locator('#a11y-tree [role=listitem]').filter({ hasText: '测试区1499' });
  assert.ok(await last.count() >= 1, 'the last area is in the mirror');
  // Another language names every item anew: the app is done in a few frames, the mirror takes
  // more, and idle waits for it.
  await press(page, control(page, 'button', 'English'));
  await settle(page, 60000);
  const english = await page.evaluate(() => ({
    items: window.jcmSemantics().filter((i) => i.role !== 'textbox').length,
    elements: document.querySelectorAll('#a11y-tree [data-role]').length,
    last: [...document.querySelectorAll('#a11y-tree [role=listitem]')].filter((e) => e.textContent.includes('Test area 1499')).length,
  }));
  assert.equal(english.elements, english.items, `idle after the switch: every item has its element ${JSON.stringify(english)}`);
  assert.ok(english.last >= 1, 'the last area, in English');
  assert.deepEqual(errors, []);
  await context.close();
});

// The shipped map with every edge cut into 32 (286,000 vertices, over the 100,000 from which a
// map is drawn in levels of detail: src/core/simplify.h). Its boundaries are quantised
// (docs/data-format.md): on a grid 32 times finer every new point is a whole number, the same
// for both neighbours that share the edge.
function denseData() {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/campaign.json'), 'utf8'));
  const pieces = 32;
  const densify = (ring) => {
    const abs = [];   // absolute positions on the finer grid
    for (const [dx, dy] of ring) {
      const [x, y] = abs.length ? abs[abs.length - 1] : [0, 0];
      abs.push([x + dx * pieces, y + dy * pieces]);
    }
    const out = [];
    for (let k = 0; k + 1 < abs.length; k++) {
      const [p, q] = [abs[k], abs[k + 1]];
      for (let j = 0; j < pieces; j++) out.push([p[0] + (q[0] - p[0]) / pieces * j, p[1] + (q[1] - p[1]) / pieces * j]);
    }
    out.push(abs[abs.length - 1]);
    return out.map((p, k) => (k ? [p[0] - out[k - 1][0], p[1] - out[k - 1][1]] : p));
  };
  for (const area of data.areas) {
    const g = area.geometry;
    if (!g) continue;
    assert.ok(g.transform, 'the shipped boundaries are quantised');
    g.transform.scale = g.transform.scale.map((s) => s / pieces);
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polygons) for (let r = 0; r < poly.length; r++) poly[r] = densify(poly[r]);
  }
  return JSON.stringify(data);
}

test('big map: zoomed in, a finer level of detail is built in shares between frames while the map is drawn, and kept', async () => {
  const body = denseData();
  const { page, context, errors } = await openApp(env, {
    path: '?data=data/dense.json', wait: false,
    route: async (p) => {
      await p.route('**/data/dense.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  await settle(page, 60000);
  const marks = (name) => page.evaluate((n) => performance.getEntriesByName(n).map((m) => m.startTime), name);
  assert.equal((await marks('app:map-level-built')).length, 1, 'drawn in levels of detail');
  // The first frame drew the coarsest level, built at once; the level the fitted view asks for
  // (finer at this size) was built in shares after it, and is what the map shows now.
  const [first] = await marks('app:first-map-frame');
  const fittedStarted = await marks('app:map-level-started'), fittedReady = await marks('app:map-level-ready');
  assert.equal(fittedStarted.length, 1, 'the fitted view asked for a finer level than the first frame drew');
  assert.equal(fittedReady.length, 1, 'and it was built');
  assert.ok(fittedStarted[0] <= first && first < fittedReady[0], `started with the first map frame, ready after it: ${fittedStarted}, ${first}, ${fittedReady}`);
  await screenshot(page, 'big-map-fitted');
  // Zoomed in until the view wants every vertex: each finer level is started, then ready.
  const zoomIn = control(page, 'button', '放大');
  for (let k = 0; k < 8; k++) {
    await press(page, zoomIn);
    await settle(page, 60000);
  }
  const started = await marks('app:map-level-started'), ready = await marks('app:map-level-ready');
  assert.ok(started.length >= 2, 'zooming in asked for a finer level');
  assert.equal(ready.length, started.length, `each level asked for was built (one at a time, none dropped): ${started} / ${ready}`);
  // Built in shares, a task each (Step, marked): the simplification of its 286,000 vertices alone
  // took several (the writing of its buffers is always at least one more).
  const shares = (await marks('app:map-level-share')).filter((t) => t > started.at(-1) && t <= ready.at(-1)).length;
  assert.ok(shares >= 3, `the last level was built in several shares, not in one task: ${shares}`);
  await screenshot(page, 'big-map-zoomed');
  // Zoomed out and in again: those levels are kept, nothing is built again.
  const zoomOut = control(page, 'button', '缩小');
  for (let k = 0; k < 8; k++) await press(page, zoomOut);
  await settle(page, 60000);
  for (let k = 0; k < 8; k++) await press(page, zoomIn);
  await settle(page, 60000);
  assert.equal((await marks('app:map-level-started')).length, started.length, 'no level built twice');
  assert.deepEqual(errors, []);
  await context.close();
});
