// map.test.mjs: the map as a person uses it, found through the app's semantics mirror (roles and
// names; the map itself is aimed at through its list "地图上的区域", whose items sit on the areas):
// hover shows a tooltip and emphasis, click or tap selects (and sets the hash), a click on empty
// space clears, wheel, drag, the zoom buttons (by mouse and, through the mirror, by keyboard) and
// a two-finger pinch move the view, keys work, a deep link opens with its selection, and a tap
// leaves nothing hovered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, pixel, items, control, press, a11ySummary, VIEWPORTS } from './harness.mjs';
import { appTests } from './harness.mjs';
import { DATA, areaName, mapAreaButton, mapItems, areaItem, findItem, centre, inRect, neutralPoint, fillColour } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const { open, appTest } = appTests(() => env);

const YANZHOU = '370812', QUFU = '370881', SISHUI = '370831', RENCHENG = '370811', HITECH = 'jining-hitech-zone';

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const brightness = ([r, g, b]) => r + g + b;
const colourDiff = (p, q) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
const frame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));

// The map region and what is drawn over it (zoom buttons, colour chips, legend), from the items.
async function mapLayout(page, lang = 'zh') {
  const all = await items(page);
  const region = all.find((i) => i.role === 'region' && i.name === (lang === 'zh' ? '地图' : 'Map'));
  assert.ok(region, 'the map region is in the items');
  const overlays = all.filter((i) => i.parent === region.index && (i.role === 'button' || i.role === 'list')
    && i.rect.width < region.rect.width).map((i) => i.rect);
  return { region: region.rect, overlays };
}

// Share of sampled map pixels (outside the controls drawn over the map) that differ.
function changedShare(a, b, { region, overlays }, scale = 1) {
  let changed = 0, total = 0;
  for (let y = region.y + 4; y < region.y + region.height - 4; y += 4) {
    for (let x = region.x + 4; x < region.x + region.width - 4; x += 4) {
      if (overlays.some((r) => inRect(r, x, y))) continue;
      total++;
      if (colourDiff(pixel(a, x * scale, y * scale), pixel(b, x * scale, y * scale)) > 30) changed++;
    }
  }
  return changed / total;
}

// A point of empty map (background, in no area): the colour most common along a line 12 px
// inside the region's edge (the fitted map keeps 24 px from it; the canvas' focus ring is on the
// edge itself), at a point whose 15 x 15 neighbourhood is all that colour and that is under no
// item; the one nearest the region's centre.
async function emptyPoint(page, img, layout) {
  const { region, overlays } = layout;
  const areaBoxes = (await mapItems(page)).map((i) => i.rect);
  const counts = new Map();
  const key = (x, y) => pixel(img, x, y).join(',');
  const count = (x, y) => { if (!overlays.some((r) => inRect(r, x, y))) counts.set(key(x, y), (counts.get(key(x, y)) || 0) + 1); };
  const [x0, y0, x1, y1] = [region.x + 12, region.y + 12, region.x + region.width - 12, region.y + region.height - 12];
  for (let x = x0; x < x1; x += 3) { count(x, y0); count(x, y1); }
  for (let y = y0; y < y1; y += 3) { count(x0, y); count(x1, y); }
  const bg = [...counts.entries()].sort((p, q) => q[1] - p[1])[0][0];
  const c = centre(region);
  let best = null;
  for (let y = region.y + 10; y < region.y + region.height - 10; y += 6) {
    for (let x = region.x + 10; x < region.x + region.width - 10; x += 6) {
      if ([...overlays, ...areaBoxes].some((r) => inRect({ x: r.x - 8, y: r.y - 8, width: r.width + 16, height: r.height + 16 }, x, y))) continue;
      let uniform = true;
      for (let dy = -7; dy <= 7 && uniform; dy++) for (let dx = -7; dx <= 7 && uniform; dx++) uniform = key(x + dx, y + dy) === bg;
      if (!uniform) continue;
      const d = Math.hypot(x - c.x, y - c.y);
      if (!best || d < best.d) best = { x, y, d };
    }
  }
  assert.ok(best, 'some empty map is on screen');
  return best;
}

// Share of near-white pixels in a rectangle (CSS px): the tooltip is a white box.
function whiteShare(img, r, scale = 1) {
  let white = 0, total = 0;
  for (let y = r.y; y < r.y + r.height; y += 2) {
    for (let x = r.x; x < r.x + r.width; x += 2) { total++; if (brightness(pixel(img, x * scale, y * scale)) > 740) white++; }
  }
  return white / total;
}
// Pixels of a rectangle (CSS px, dpr 1) that were light and became dark: an outline drawn.
function darkened(a, b, r) {
  let n = 0;
  for (let y = Math.max(0, r.y); y < r.y + r.height; y++) {
    for (let x = Math.max(0, r.x); x < r.x + r.width; x++) {
      if (brightness(pixel(a, x, y)) > 450 && brightness(pixel(b, x, y)) < 250) n++;
    }
  }
  return n;
}
// Where the tooltip appears: below and to the right of the pointer.
const tooltipWindow = (p) => ({ x: p.x + 30, y: p.y + 20, width: 80, height: 60 });

// Positions of the areas' map items by id, for the ones on screen.
async function positions(page) {
  const out = {};
  for (const a of DATA.areas) {
    const it = await areaItem(page, a.id);
    if (!it.offscreen && it.rect.width > 0) out[a.id] = centre(it.rect);
  }
  return out;
}
const distance = (pos, a, b) => Math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);

// Waits (up to 5 s) for a condition in the page; says whether it came true. For changes that do
// not start with an input the app sees (an edited hash), where `settle` alone could come too early.
async function eventually(page, fn, arg) {
  try { await page.waitForFunction(fn, arg, { timeout: 5000, polling: 100 }); return true; } catch { return false; }
}

async function selectedAreaNames(page) {
  return (await mapItems(page)).filter((i) => i.selected).map((i) => i.name.split(' · ')[0]);
}

appTest('hover outlines the area and shows a tooltip; click selects it and sets the hash; empty space clears', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await open({ viewport });
  await settle(page);
  const away = await neutralPoint(page);
  await page.mouse.move(away.x, away.y);
  await settle(page);
  const before = (await screenshot(page, 'map-before-hover')).image;
  const item = await areaItem(page, YANZHOU);
  const p = centre(item.rect);
  await page.mouse.move(p.x, p.y);
  await settle(page);
  const hovered = (await screenshot(page, 'map-hover-yanzhou')).image;
  // Colour keeps meaning the count: the fill inside the area's item box (around its label) stays.
  const f0 = fillColour(before, item.rect), f1 = fillColour(hovered, item.rect);
  assert.ok(colourDiff(f0, f1) < 12, `the hovered area keeps its fill (${f0} -> ${f1})`);
  // Emphasis: a dark outline appears around the area (left of and above the pointer, where the
  // tooltip is not), where the borders were light.
  const outline = darkened(before, hovered, { x: p.x - 110, y: p.y - 110, width: 130, height: 220 });
  assert.ok(outline > 150, `the hovered area is outlined (${outline} pixels turned dark)`);
  // The tooltip: a near-white box to the lower right of the pointer where the map was coloured.
  const w0 = whiteShare(before, tooltipWindow(p)), w1 = whiteShare(hovered, tooltipWindow(p));
  assert.ok(w0 < 0.05 && w1 > 0.5, `tooltip box expected below-right of the pointer (white ${w0.toFixed(2)} -> ${w1.toFixed(2)})`);

  await page.mouse.click(p.x, p.y);
  await settle(page);
  assert.match(await hash(page), /area=370812/);
  assert.ok(await findItem(page, 'heading', areaName(YANZHOU)), 'the panel shows 兖州区');
  assert.deepEqual(await selectedAreaNames(page), [areaName(YANZHOU)]);
  await assert.doesNotReject(mapAreaButton(page, YANZHOU).and(page.locator('[aria-current="true"]')).waitFor({ timeout: 2000 }),
    'the map list marks the selected area (aria-current)');
  const summary = await a11ySummary(page);
  assert.equal(summary.split('\n')[1], areaName(YANZHOU), `live region: ${summary}`);
  await screenshot(page, 'map-selected-yanzhou-desktop');

  // Clicking empty space (map background, found in the screenshot) clears the selection.
  const shot = (await screenshot(page, 'map-selected-before-empty-click')).image;
  const empty = await emptyPoint(page, shot, await mapLayout(page));
  await page.mouse.click(empty.x, empty.y);
  await settle(page);
  assert.doesNotMatch(await hash(page), /area=/, `click on empty map at ${empty.x},${empty.y} clears`);
  assert.deepEqual(await selectedAreaNames(page), []);
  assert.equal(await findItem(page, 'heading', areaName(YANZHOU)), undefined, 'the panel is back to the overview');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('wheel zooms, drag pans, the fit button restores the view; zoom buttons work from the keyboard', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await open({ viewport });
  await settle(page);
  const layout = await mapLayout(page);
  const away = await neutralPoint(page);
  await page.mouse.move(away.x, away.y);  // nothing hovered in the baseline
  await settle(page);
  const start = (await screenshot(page, 'map-view-start')).image;
  const pos0 = await positions(page);
  assert.equal(Object.keys(pos0).length, DATA.areas.length, 'every area is on screen in the fitted view');

  const c = centre(layout.region);
  await page.mouse.move(c.x, c.y);
  await page.mouse.wheel(0, -300);
  await settle(page);
  const zoomed = (await screenshot(page, 'map-view-zoomed')).image;
  assert.ok(changedShare(start, zoomed, layout) > 0.1, 'wheel should zoom the map');
  const pos1 = await positions(page);
  assert.ok(distance(pos1, RENCHENG, HITECH) > 1.3 * distance(pos0, RENCHENG, HITECH), 'areas move apart when zoomed in');

  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 120, c.y + 60, { steps: 6 });
  await page.mouse.up();
  await settle(page);
  const panned = (await screenshot(page, 'map-view-panned')).image;
  assert.ok(changedShare(zoomed, panned, layout) > 0.1, 'drag should pan the map');
  const pos2 = await positions(page);
  const both = Object.keys(pos1).filter((id) => pos2[id]);
  assert.ok(both.length >= 4, 'some areas stay on screen');
  for (const id of both) {
    assert.ok(Math.abs(pos2[id].x - pos1[id].x - 120) <= 3 && Math.abs(pos2[id].y - pos1[id].y - 60) <= 3,
      `${areaName(id)} follows the drag: ${JSON.stringify([pos1[id], pos2[id]])}`);
  }
  assert.doesNotMatch(await hash(page), /area=/, 'a drag does not select');

  await press(page, control(page, 'button', '复位'));  // press settles: the app sees the release over the button
  await page.mouse.move(away.x, away.y);
  await settle(page);
  const reset = (await screenshot(page, 'map-view-reset')).image;
  assert.ok(changedShare(start, reset, layout) < 0.02, 'fit restores the initial view');
  assert.deepEqual(await positions(page), pos0, 'every area is back where it was');

  // The zoom buttons' mirror elements, focused and activated from the keyboard.
  await control(page, 'button', '放大').focus();
  await page.keyboard.press('Enter');
  await settle(page);
  const pos3 = await positions(page);
  assert.ok(distance(pos3, RENCHENG, HITECH) > 1.15 * distance(pos0, RENCHENG, HITECH), 'Enter on 放大 zooms in');
  await control(page, 'button', '缩小').focus();
  await page.keyboard.press('Space');
  await settle(page);
  const pos4 = await positions(page);
  assert.ok(distance(pos4, RENCHENG, HITECH) < 0.9 * distance(pos3, RENCHENG, HITECH), 'Space on 缩小 zooms out');
  await control(page, 'button', '复位').focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(await positions(page), pos0, 'Enter on 复位 fits again');
  assert.doesNotMatch(await hash(page), /area=/, 'the buttons select nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('keyboard: + zooms, arrows pan, 0 fits, Tab selects the next area, Esc clears', async () => {
  const viewport = VIEWPORTS.desktop;
  const { page, errors, context } = await open({ viewport });
  await settle(page);
  const layout = await mapLayout(page);
  const away = await neutralPoint(page);
  await page.mouse.move(away.x, away.y);
  await page.focus('#canvas');
  await settle(page);
  const start = (await screenshot(page, 'map-keys-start')).image;
  const pos0 = await positions(page);
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  const moved = (await screenshot(page, 'map-keys-moved')).image;
  assert.ok(changedShare(start, moved, layout) > 0.1, 'keys should move the view');
  const pos1 = await positions(page);
  assert.ok(distance(pos1, RENCHENG, HITECH) > 1.1 * distance(pos0, RENCHENG, HITECH), '+ zooms in');
  await page.keyboard.press('0');
  await settle(page);
  assert.deepEqual(await positions(page), pos0, '0 fits the view again');

  const entries = await page.evaluate(() => history.length);
  await page.keyboard.press('Tab');
  await settle(page);
  const h = await hash(page);
  const m = h.match(/area=([^&]+)/);
  assert.ok(m, `Tab selects an area: ${h}`);
  assert.deepEqual(await selectedAreaNames(page), [areaName(m[1])], 'the map list marks the area Tab selected');
  assert.ok(await findItem(page, 'heading', areaName(m[1])), 'the panel shows it');
  await page.keyboard.press('Tab');
  await settle(page);
  const m2 = (await hash(page)).match(/area=([^&]+)/);
  assert.ok(m2 && m2[1] !== m[1], 'Tab again selects another area');
  // Walking the areas is one history entry, not one per area passed: Back returns to where it began.
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one history entry for the walk');
  await page.keyboard.press('Escape');
  await settle(page);
  assert.doesNotMatch(await hash(page), /area=/);
  assert.deepEqual(await selectedAreaNames(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('a deep link opens with its area selected; changing the hash selects another', async () => {
  const { page, errors, context } = await open({ viewport: VIEWPORTS.tabletLandscape, path: `#area=${QUFU}` });
  await settle(page);
  assert.ok(await findItem(page, 'heading', areaName(QUFU)), 'the detail of 曲阜市 is open');
  assert.deepEqual(await selectedAreaNames(page), [areaName(QUFU)]);
  const all = await items(page);
  assert.ok(all.some((i) => i.name.includes('69')), 'the detail lists 曲阜市 goals (its 69 projects)');
  const names = new Set(all.filter((i) => i.role === 'listitem').map((i) => i.name));
  for (const g of DATA.goals.filter((x) => x.area === QUFU)) assert.ok(names.has(g.title.zh), `detail lacks the goal ${g.title.zh}`);
  assert.ok((await a11ySummary(page)).includes(areaName(QUFU)));
  await screenshot(page, 'map-deeplink-qufu-tablet');

  await page.evaluate((id) => { location.hash = `area=${id}&lang=en`; }, SISHUI);
  await eventually(page, (name) => window.jcmSemantics().some((i) => i.role === 'heading' && i.name === name), areaName(SISHUI, 'en'));
  await settle(page);
  assert.ok(await findItem(page, 'heading', areaName(SISHUI, 'en')), 'the detail of Sishui County, in English');
  assert.deepEqual((await mapItems(page, 'en')).filter((i) => i.selected).map((i) => i.name.split(' · ')[0]), [areaName(SISHUI, 'en')]);
  await assert.doesNotReject(control(page, 'button', '中文').waitFor({ timeout: 2000 }), 'the UI is in English');
  assert.ok((await a11ySummary(page)).includes(areaName(SISHUI, 'en')));

  // An edited hash that names no area (README: edited hashes are followed) is the overview again.
  await page.evaluate(() => { location.hash = 'lang=en'; });
  assert.ok(await eventually(page, (name) => !window.jcmSemantics().some((i) => i.role === 'heading' && i.name === name), areaName(SISHUI, 'en')),
    'a hash without area= closes the detail');
  await settle(page);
  assert.deepEqual((await mapItems(page, 'en')).filter((i) => i.selected), [], 'and selects no area');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('touch: a tap selects without leaving a hover; a tap on the back button returns to the overview', async () => {
  const viewport = VIEWPORTS.phone, dpr = 3;
  const { page, errors, context } = await open({ viewport, touch: true, dpr });
  await settle(page);
  const layout = await mapLayout(page);
  await press(page, mapAreaButton(page, SISHUI), { touch: true });
  assert.match(await hash(page), /area=370831/);
  assert.deepEqual(await selectedAreaNames(page), [areaName(SISHUI)]);
  assert.ok(await findItem(page, 'heading', areaName(SISHUI)), 'the panel shows 泗水县');
  const tapped = (await screenshot(page, 'map-touch-tapped')).image;
  // No stuck hover (no tooltip, no hover outline): the map looks exactly as when the same area is
  // opened by a link, with no pointer at all.
  const ref = await open({ viewport, touch: true, dpr, path: `#area=${SISHUI}` });
  await settle(ref.page);
  const linked = (await screenshot(ref.page, 'map-touch-linked')).image;
  assert.deepEqual(ref.errors, []);
  await ref.context.close();
  const diff = changedShare(linked, tapped, layout, dpr);
  assert.ok(diff < 0.005, `the tapped map should look like the linked one, nothing hovered (${(diff * 100).toFixed(2)}% differ)`);

  await press(page, control(page, 'button', '返回全市概况'), { touch: true });
  assert.doesNotMatch(await hash(page), /area=/);
  assert.equal(await findItem(page, 'heading', areaName(SISHUI)), undefined, 'the tap on 返回全市概况 closes the detail');
  assert.deepEqual(await selectedAreaNames(page), [], 'and no area stays selected');
  assert.deepEqual(errors, []);
  await context.close();
});

appTest('touch: a two-finger pinch zooms without selecting', async () => {
  const viewport = VIEWPORTS.phone, dpr = 3;
  const { page, errors, context } = await open({ viewport, touch: true, dpr });
  await settle(page);
  const layout = await mapLayout(page);
  const start = (await screenshot(page, 'map-touch-start')).image;
  const pos0 = await positions(page);
  const cdp = await context.newCDPSession(page);
  const { x: cx, y: cy } = centre(layout.region);
  const touch = (type, dist) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - dist, y: cy, id: 1 }, { x: cx + dist, y: cy, id: 2 }],
  });
  await touch('touchStart', 30);
  for (let dist = 40; dist <= 90; dist += 10) { await touch('touchMove', dist); await frame(page); }
  await touch('touchEnd', 0);
  await settle(page);
  const pinched = (await screenshot(page, 'map-touch-pinched')).image;
  assert.ok(changedShare(start, pinched, layout, dpr) > 0.1, 'pinch should zoom the map');
  const pos1 = await positions(page);
  assert.ok(pos1[RENCHENG] && pos1[HITECH], 'the areas near the pinch stay on screen');
  assert.ok(distance(pos1, RENCHENG, HITECH) > 1.5 * distance(pos0, RENCHENG, HITECH), 'areas move apart under the pinch');
  assert.doesNotMatch(await hash(page), /area=/, 'a pinch does not select');
  assert.deepEqual(await selectedAreaNames(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
