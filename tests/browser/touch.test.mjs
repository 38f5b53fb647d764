// touch.test.mjs: what officials on tablets and citizens on phones hit in their first minute, with
// real touch events (CDP Input.dispatchTouchEvent on hasTouch contexts): a swipe scrolls the panel
// and presses nothing, the phone's sheet is pulled up and down by its handle, the browser's Back
// returns to the previous view, and a link with a broken percent-escape is read as far as it can be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, control, press, items, truncated, screenshot, VIEWPORTS, SIZES } from './harness.mjs';
import { mapAreaButton } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const hash = (page) => page.evaluate(() => { try { return decodeURIComponent(location.hash); } catch { return location.hash; } });
const itemNamed = async (page, role, start) => (await items(page)).find((i) => i.role === role && i.name.startsWith(start));

// One finger from (x, y) by dy pixels in `steps` moves, then lifted.
async function swipe(cdp, x, y, dy, steps = 12) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / steps }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

for (const [name, viewport] of [['phone', VIEWPORTS.phone], ['tablet', VIEWPORTS.tabletPortrait]]) {
  test(`${name}: a swipe on the panel scrolls it and presses nothing; a tap still selects`, async () => {
    const { page, errors, context } = await openApp(env, { viewport, touch: true, dpr: 2 });
    await settle(page);
    const cdp = await context.newCDPSession(page);
    // The ranked row of 曲阜市 starts below the fold.
    const before = await itemNamed(page, 'listitem', '曲阜市: ');
    assert.ok(before && before.offscreen, 'the row starts out of view');
    const panel = (await items(page)).find((i) => i.role === 'region' && i.name === '目标看板');
    const x = panel.rect.x + panel.rect.width / 2, y = panel.rect.y + panel.rect.height - 40;
    let row = before;
    for (let k = 0; k < 8 && row.offscreen; k++) {
      await swipe(cdp, x, y, -200);
      await settle(page);
      row = await itemNamed(page, 'listitem', '曲阜市: ');
    }
    assert.ok(!row.offscreen, 'swipes brought the row into view');
    assert.doesNotMatch(await hash(page), /area=/, 'no swipe pressed a row');
    await screenshot(page, `touch-swiped-${name}`);
    // A swipe that starts on the row itself scrolls, and does not open it.
    await swipe(cdp, row.rect.x + row.rect.width / 2, row.rect.y + row.rect.height / 2, -60, 6);
    await settle(page);
    assert.doesNotMatch(await hash(page), /area=/);
    const now = await itemNamed(page, 'listitem', '曲阜市: ');
    assert.ok(now.rect.y < row.rect.y - 30 || now.offscreen, `the panel followed the finger (${row.rect.y} -> ${now.rect.y})`);
    // A tap opens it.
    await press(page, page.locator('#a11y-tree [role=listitem] button').filter({ hasText: '曲阜市: ' }), { touch: true });
    assert.match(await hash(page), /area=370881/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone: the sheet is pulled down to peek and up to full by its handle; the map fills what is left', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.phone, touch: true, dpr: 3, path: '#lang=en' });
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const handle = control(page, 'button', 'Resize the panel');
  const half = await handle.boundingBox();
  const mapHeight = async () => (await items(page)).find((i) => i.role === 'region' && i.name === 'Map')?.rect.height ?? 0;
  const mapHalf = await mapHeight();
  await swipe(cdp, half.x + half.width / 2, half.y + half.height / 2, 260);
  await settle(page);
  const peek = await handle.boundingBox();
  assert.ok(peek.y > half.y + 100, `dragged down to peek (${half.y} -> ${peek.y})`);
  assert.ok(await mapHeight() > mapHalf + 100, 'the map grew');
  assert.ok(await control(page, 'tab', 'Overview').isVisible(), 'peek still shows the tabs');
  assert.deepEqual(await truncated(page), []);
  await screenshot(page, 'touch-sheet-peek');
  await swipe(cdp, peek.x + peek.width / 2, peek.y + peek.height / 2, -(peek.y - 60));
  await settle(page);
  const full = await handle.boundingBox();
  assert.ok(full.y < 100, `pulled up to full (${full.y})`);
  await screenshot(page, 'touch-sheet-full');
  // A tap on the handle steps it on (full -> peek), the chevron gives the map back.
  await press(page, handle, { touch: true });
  assert.ok((await handle.boundingBox()).y > half.y, 'a tap from full goes to peek');
  assert.deepEqual(errors, []);
  await context.close();
});

// Four sizes (phone and tablets by touch, desktop by mouse), each in one language (below).
const NAMES = {
  zh: { path: '', compare: '对比', overview: '概况', sishui: '泗水县' },
  en: { path: '#lang=en', compare: 'Compare', overview: 'Overview', sishui: 'Sishui County' },
};
// Each size in one language, alternating (the phone in Chinese, the portrait tablet in English, ...):
// the language changes only the names of the controls pressed, the size which way the panel lies.
for (const [sizeIndex, size] of SIZES.entries()) {
  {
    const lang = sizeIndex % 2 === 0 ? 'zh' : 'en';
    const n = NAMES[lang], tag = `${lang}-${size.vp.width}x${size.vp.height}`;
    test(`Back ${tag}: returns to the previous view (area, then compare), and never leaves the app meanwhile`, async () => {
      const { page, errors, context } = await openApp(env, { viewport: size.vp, touch: size.touch, dpr: size.dpr, path: n.path });
      await settle(page);
      const start = page.url();
      await press(page, control(page, 'tab', n.compare), { touch: size.touch });
      assert.match(await hash(page), /tab=compare/);
      await press(page, mapAreaButton(page, '370831', lang), { touch: size.touch });
      assert.match(await hash(page), /area=370831/);
      const heading = (await items(page)).find((i) => i.role === 'heading' && i.name === n.sishui);
      assert.ok(heading && !heading.offscreen, 'the detail opens at its top: its heading is in view');
      await page.goBack();
      await settle(page);
      assert.doesNotMatch(await hash(page), /area=/);
      assert.equal(await control(page, 'tab', n.compare).getAttribute('aria-selected'), 'true', 'back on the comparison');
      await page.goBack();
      await settle(page);
      assert.equal(await control(page, 'tab', n.overview).getAttribute('aria-selected'), 'true', 'back on the overview');
      assert.equal(new URL(page.url()).pathname, new URL(start).pathname, 'still in the app');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('phone, English: with filters on, the search row keeps the counted filter chip and the panel toggle whole', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.phone, touch: true, dpr: 3, path: '#lang=en' });
  await settle(page);
  await press(page, control(page, 'button', 'Filters'), { touch: true });
  await press(page, control(page, 'button', 'Industrial transformation and upgrading'), { touch: true });
  await press(page, control(page, 'button', 'Attracting investment and talent'), { touch: true });
  const all = await items(page);
  const chip = all.find((i) => i.role === 'button' && i.name === 'Filters (2)');
  const toggle = all.find((i) => i.role === 'button' && i.name === 'Expand panel');
  assert.ok(chip && toggle, 'the chip counts two filters; the panel toggle is there');
  assert.ok(!chip.truncated, 'the chip\'s label is whole');
  // The toggle (44 px wide) is whole and inside the panel's padding, beside the chip: the search
  // field makes room for the chip's count (it measured the chip without it: the toggle was pushed
  // against the screen's edge, or past it).
  assert.ok(toggle.rect.width >= 43 && toggle.rect.x + toggle.rect.width <= 390 - 12, `the toggle is whole: ${JSON.stringify(toggle.rect)}`);
  assert.ok(chip.rect.x + chip.rect.width <= toggle.rect.x, 'the chip ends before the toggle');
  assert.ok(Math.abs((chip.rect.y + chip.rect.height / 2) - (toggle.rect.y + toggle.rect.height / 2)) < 4, 'on one row');
  await screenshot(page, 'touch-phone-filters-counted-en');
  assert.deepEqual(errors, []);
  await context.close();
});

// The notice of a broken link opens on the page's first view: Back closes it (not the page), and
// Back can still leave (it came back each time: a review found Back trapped in the app).
test('a link with a broken percent-escape: Back closes its notice, and a few more leave the page', async () => {
  const { page, errors, context } = await openApp(env, { path: '#lang=en&area=%E6%9B' });
  await settle(page);
  const dialog = page.locator('#a11y-tree [role=dialog]');
  await dialog.waitFor();
  await page.goBack();
  await dialog.waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(await control(page, 'button', '中文').count(), 1, 'still in the app, in English');
  let left = false;
  for (let k = 0; k < 3 && !left; k++) {
    await page.goBack();
    left = !page.url().startsWith('http');
    if (!left) {
      await settle(page);
      assert.equal(await dialog.count(), 0, 'the notice does not come back');
    }
  }
  assert.ok(left, `Back leaves the page: ${page.url()}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with a broken percent-escape: the rest applies, a notice says what was ignored, input still works', async () => {
  const { page, errors, context } = await openApp(env, { path: '#lang=en&area=%E6%9B' });
  await settle(page);
  const dialog = page.locator('#a11y-tree [role=dialog]');
  await dialog.waitFor();
  assert.match(await dialog.innerText().catch(() => '') + (await items(page)).map((i) => i.name).join('\n'), /could not be read and was ignored: area=%E6%9B/);
  assert.equal(await control(page, 'button', '中文').count(), 1, 'lang=en applied');
  await press(page, control(page, 'button', 'Close'));
  // A broken hash at run time: the app keeps taking input.
  await page.evaluate(() => { location.hash = '#%'; });
  await settle(page);
  await dialog.waitFor();  // the notice again, for this link
  assert.match((await items(page)).map((i) => i.name).join('\n'), /could not be read and was ignored: %/);
  await press(page, control(page, 'button', 'Close'));
  await press(page, mapAreaButton(page, '370881', 'en'));
  assert.match(await hash(page), /area=370881/);
  assert.deepEqual(errors, []);
  await context.close();
});
