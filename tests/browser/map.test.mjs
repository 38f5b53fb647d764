// map.test.mjs: the map as a person uses it: hover shows a tooltip and emphasis, click or tap
// selects (and sets the hash), wheel, drag, buttons and a two-finger pinch move the view, keys
// work, a deep link opens with its selection, and a tap leaves nothing hovered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, pixel, a11ySummary, VIEWPORTS } from './harness.mjs';
import { pointInArea, areaName, mapRect } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const YANZHOU = '370812', QUFU = '370881', SISHUI = '370831';

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const brightness = ([r, g, b]) => r + g + b;

// Share of sampled map pixels that differ between two screenshots.
function changedShare(a, b, viewport) {
  const r = mapRect(viewport);
  let changed = 0, total = 0;
  for (let y = r.y + 4; y < r.y + r.h - 4; y += 4) {
    for (let x = r.x + 4; x < r.x + r.w - 70; x += 4) {
      const p = pixel(a, x, y), q = pixel(b, x, y);
      total++;
      if (Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) > 30) changed++;
    }
  }
  return changed / total;
}

test('hover shows a tooltip and lightens the area; click selects it and sets the hash', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await openApp(env, { viewport });
  const p = pointInArea(viewport, YANZHOU);
  await page.mouse.move(5, 700);
  await settle(page);
  const before = (await screenshot(page, 'map-before-hover')).image;
  await page.mouse.move(p.x, p.y);
  await settle(page);
  const hovered = (await screenshot(page, 'map-hover-yanzhou')).image;
  // Sample just below the area's label (drawn at its most interior point) and left of the tooltip.
  assert.ok(brightness(pixel(hovered, p.x - 4, p.y + 16)) > brightness(pixel(before, p.x - 4, p.y + 16)) + 20,
    'the hovered area is drawn lighter');
  // The tooltip: a near-white box to the lower right of the pointer where the map was coloured.
  let white = 0;
  for (let dx = 20; dx < 60; dx += 4) if (brightness(pixel(hovered, p.x + dx, p.y + 30)) > 740) white++;
  assert.ok(white >= 8, `tooltip box expected below-right of the pointer (${white} white samples)`);

  await page.mouse.click(p.x, p.y);
  await settle(page);
  assert.match(await hash(page), /area=370812/);
  const summary = await a11ySummary(page);
  assert.ok(summary.includes(areaName(YANZHOU)), summary.slice(0, 200));
  await screenshot(page, 'map-selected-yanzhou-desktop');

  // Clicking empty space (background at the map's left edge) clears the selection.
  await page.mouse.click(30, 450);
  await settle(page);
  assert.doesNotMatch(await hash(page), /area=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('wheel zooms, drag pans, the fit button restores the view', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await openApp(env, { viewport });
  const r = mapRect(viewport);
  await page.mouse.move(5, 700);  // nothing hovered in the baseline
  await settle(page);
  const start = (await screenshot(page, 'map-view-start')).image;

  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.wheel(0, -300);
  await settle(page);
  const zoomed = (await screenshot(page, 'map-view-zoomed')).image;
  assert.ok(changedShare(start, zoomed, viewport) > 0.1, 'wheel should zoom the map');

  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w / 2 + 120, r.y + r.h / 2 + 60, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  const panned = (await screenshot(page, 'map-view-panned')).image;
  assert.ok(changedShare(zoomed, panned, viewport) > 0.1, 'drag should pan the map');
  assert.doesNotMatch(await hash(page), /area=/, 'a drag does not select');

  // The fit button is the lowest of the three at the map's bottom-right corner.
  await page.mouse.click(r.x + r.w - 12 - 22, r.y + r.h - 12 - 22);
  await settle(page);  // let the app see the release over the button before the pointer leaves
  await page.mouse.move(5, 700);
  await settle(page);
  const reset = (await screenshot(page, 'map-view-reset')).image;
  assert.ok(changedShare(start, reset, viewport) < 0.02, 'fit restores the initial view');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: + zooms, arrows pan, Tab selects the next area, Esc clears', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await openApp(env, { viewport });
  await page.mouse.move(5, 700);
  await page.focus('#canvas');
  await settle(page);
  const start = (await screenshot(page, 'map-keys-start')).image;
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  const moved = (await screenshot(page, 'map-keys-moved')).image;
  assert.ok(changedShare(start, moved, viewport) > 0.1, 'keys should move the view');
  await page.keyboard.press('Tab');
  await settle(page);
  assert.match(await hash(page), /area=/);
  await page.keyboard.press('Escape');
  await settle(page);
  assert.doesNotMatch(await hash(page), /area=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link opens with its area selected; changing the hash selects another', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.tabletLandscape, path: `#area=${QUFU}` });
  await settle(page);
  let summary = await a11ySummary(page);
  assert.ok(summary.includes(areaName(QUFU)), summary.slice(0, 300));
  assert.ok(summary.includes('69'), 'the detail lists 曲阜市 goals (its 69 projects)');
  await screenshot(page, 'map-deeplink-qufu-tablet');
  await page.evaluate((id) => { location.hash = `area=${id}&lang=en`; }, SISHUI);
  await settle(page);
  summary = await a11ySummary(page);
  assert.ok(summary.includes(areaName(SISHUI, 'en')), summary.slice(0, 300));
  assert.deepEqual(errors, []);
  await context.close();
});

test('touch: a tap selects without leaving a hover; a two-finger pinch zooms without selecting', async () => {
  const viewport = VIEWPORTS.tabletPortrait;
  const { page, errors, context } = await openApp(env, { viewport, touch: true });
  const p = pointInArea(viewport, SISHUI);
  await settle(page);
  const start = (await screenshot(page, 'map-touch-start')).image;
  await page.touchscreen.tap(p.x, p.y);
  await settle(page, 400);
  assert.match(await hash(page), /area=370831/);
  const tapped = (await screenshot(page, 'map-touch-tapped')).image;
  // No stuck hover: the tapped area keeps its normal fill (not the lighter hover fill).
  const d = pixel(start, p.x - 4, p.y + 16).map((v, i) => Math.abs(v - pixel(tapped, p.x - 4, p.y + 16)[i]));
  assert.ok(d[0] + d[1] + d[2] < 20, `tapped area should not look hovered (diff ${d})`);

  await page.evaluate(() => { location.hash = ''; });
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const r = mapRect(viewport);
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  const touch = (type, dist) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - dist, y: cy, id: 1 }, { x: cx + dist, y: cy, id: 2 }],
  });
  await touch('touchStart', 30);
  for (let dist = 40; dist <= 150; dist += 10) { await touch('touchMove', dist); await page.waitForTimeout(16); }
  await touch('touchEnd', 0);
  await settle(page, 400);
  const pinched = (await screenshot(page, 'map-touch-pinched')).image;
  assert.ok(changedShare(start, pinched, viewport) > 0.1, 'pinch should zoom the map');
  assert.doesNotMatch(await hash(page), /area=/, 'a pinch does not select');
  assert.deepEqual(errors, []);
  await context.close();
});
