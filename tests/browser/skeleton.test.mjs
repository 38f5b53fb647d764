// skeleton.test.mjs: the app loads its data at run time and shows Jining's district map at
// desktop and tablet sizes, crisp on high-DPI screens, sleeping when idle, and says clearly in the
// page when its data file is missing or malformed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, openApp, settle, screenshot, dominantColors, pixel, hex, a11ySummary, waitForMark, VIEWPORTS,
} from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// The map's rectangle for a viewport, from the app's documented layout (header 56 px; wide
// screens: panel on the right, 34% of the width clamped to 340..480; otherwise map on top, 52%).
function mapRect({ width, height }) {
  const body = height - 56;
  if (width >= 900 && width >= body) {
    const panel = Math.min(480, Math.max(340, width * 0.34));
    return { x0: 0, y0: 60, x1: Math.floor(width - panel) - 4, y1: height - 4 };
  }
  return { x0: 0, y0: 60, x1: width, y1: 56 + Math.floor(body * 0.52) - 4 };
}

// Distinct fills: colours covering ≥0.5% of the map rectangle other than the most common one
// (the background). Eleven districts in a sequential scale plus "no goals" give several.
function fillColors(image, rect) {
  const colors = dominantColors(image, rect, 0.005);
  return { background: colors[0], fills: colors.slice(1) };
}

for (const [name, viewport] of Object.entries(VIEWPORTS).filter(([n]) => n !== 'phone')) {
  test(`${name} ${viewport.width}x${viewport.height}: the map shows distinct district fills`, async () => {
    const { page, errors, context } = await openApp(env, { viewport });
    await settle(page);
    const { image } = await screenshot(page, `skeleton-${name}-${viewport.width}x${viewport.height}`);
    const rect = mapRect(viewport);
    const { background, fills } = fillColors(image, rect);
    assert.ok(fills.length >= 3,
      `expected at least 3 fill colours besides the background ${hex(background.rgb)}, got ${fills.map((c) => hex(c.rgb)).join(' ')}`);
    const covered = fills.reduce((s, c) => s + c.share, 0);
    assert.ok(covered > 0.2, `districts should cover a good part of the map area, covered ${(covered * 100).toFixed(1)}%`);
    // The header is drawn (not a blank canvas): its row differs from the map background.
    assert.notDeepEqual(pixel(image, 4, 10), background.rgb, 'header should be drawn');
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
  const summary = await a11ySummary(page);
  for (const name of ['兖州区', '曲阜市', '泗水县', '邹城市', '任城区', '梁山县']) {
    assert.ok(summary.includes(name), `summary should name ${name}: ${summary.slice(0, 200)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('high-DPI: the canvas backing store is sized by devicePixelRatio', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.tabletLandscape, dpr: 2 });
  await settle(page);
  const size = await page.$eval('#canvas', (c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight }));
  assert.equal(size.w, size.cw * 2);
  assert.equal(size.h, size.ch * 2);
  await screenshot(page, 'skeleton-tablet-1024x768-dpr2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('render on demand: idle stops drawing, input wakes it', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
  await context.addInitScript(() => {
    window.__rafCalls = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { window.__rafCalls++; return raf(cb); };
  });
  const page = await context.newPage();
  await page.goto(env.base);
  await waitForMark(page, 'app:first-map-frame');
  await page.waitForTimeout(500);
  const idleStart = await page.evaluate(() => window.__rafCalls);
  await page.waitForTimeout(1000);
  const idleFrames = (await page.evaluate(() => window.__rafCalls)) - idleStart;
  assert.ok(idleFrames <= 2, `idle for 1 s should schedule (almost) no frames, saw ${idleFrames}`);
  await page.mouse.move(300, 400);
  await page.mouse.move(320, 420);
  await page.waitForTimeout(300);
  const afterInput = (await page.evaluate(() => window.__rafCalls)) - idleStart - idleFrames;
  assert.ok(afterInput >= 2, `input should wake the loop, saw ${afterInput} frames`);
  await context.close();
});

test('a missing data file is reported in the page, naming the file and the problem', async () => {
  const { page, errors, context } = await openApp(env, { path: '?data=data/no-such-file.json', wait: false });
  await page.waitForFunction(() => document.getElementById('a11y-summary').textContent.length > 0, null, { timeout: 20000 });
  await settle(page);
  const summary = await a11ySummary(page);
  assert.match(summary, /no-such-file\.json/);
  assert.match(summary, /404/);
  const loadingHidden = await page.$eval('#loading', (e) => e.hidden);
  assert.ok(loadingHidden, 'the loading indicator gives way to the message');
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
  await page.waitForFunction(() => document.getElementById('a11y-summary').textContent.length > 0, null, { timeout: 20000 });
  await settle(page);
  const summary = await a11ySummary(page);
  assert.match(summary, /broken\.json/);
  assert.match(summary, /:3:\d+/, `summary should give line 3: ${summary}`);
  await screenshot(page, 'skeleton-error-malformed');
  assert.deepEqual(errors, []);
  await context.close();
});
