// robustness.test.mjs: the app survives losing its WebGL context (and starts, or says why not,
// without WebGL 2 or with a host that sends the wasm with the wrong type). WEBGL_lose_context drops the
// context the way a GPU reset does; once the browser restores it, the app recreates its GL objects
// (src/main.cpp, RecreateGlObjectsIfContextRestored; the map's GPU buffers too, platform/map_gl.cpp)
// and shows the same picture, without a reload,
// keeps its semantics items meanwhile, and still answers input afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, items, control, press, waitForMark } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// Share of pixels whose colour differs by more than `tolerance` in any channel.
function differingShare(a, b, tolerance = 8) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > tolerance || Math.abs(a.data[i + 1] - b.data[i + 1]) > tolerance ||
        Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance) differ++;
  }
  return differ / (a.width * a.height);
}

// Loses (or restores) the canvas's context and resolves when the matching event has fired.
function contextEvent(page, action) {
  return page.evaluate((what) => new Promise((resolve, reject) => {
    const canvas = document.getElementById('canvas');
    const gl = canvas.getContext('webgl2');
    // getExtension answers null while the context is lost: keep the object from before.
    const ext = window.__jcmLoseContext || (window.__jcmLoseContext = gl && gl.getExtension('WEBGL_lose_context'));
    if (!ext) { reject(new Error('WEBGL_lose_context is not available')); return; }
    const type = what === 'lose' ? 'webglcontextlost' : 'webglcontextrestored';
    canvas.addEventListener(type, () => resolve(gl.isContextLost()), { once: true });
    if (what === 'lose') ext.loseContext(); else ext.restoreContext();
  }), action);
}

// The items without the per-frame noise: role, name, state and rectangle.
const shape = (all) => all.map((i) => `${i.role}|${i.name}|${i.selected}|${i.checked}|${i.expanded}|${i.rect.x},${i.rect.y},${i.rect.width},${i.rect.height}`);

test('losing and restoring the WebGL context recovers the picture without a reload', async () => {
  const { page, errors, context } = await openApp(env);
  await settle(page);
  const built = () => page.evaluate(() => performance.getEntriesByName('app:map-buffers-built').length);
  assert.equal(await built(), 1, 'the map is drawn from GPU buffers, built once');
  const { image: before } = await screenshot(page, 'robustness-before-context-loss');
  const itemsBefore = shape(await items(page));
  await page.evaluate(() => { window.__jcmNotReloaded = true; });

  for (let round = 1; round <= 2; round++) {
    assert.equal(await contextEvent(page, 'lose'), true, `round ${round}: the context should be lost`);
    await settle(page);
    const { image: lost } = await screenshot(page, `robustness-context-lost-${round}`);
    // The test means something only if losing the context really blanked the canvas.
    assert.ok(differingShare(before, lost) > 0.2, `round ${round}: the canvas should be blank while the context is lost`);

    assert.equal(await contextEvent(page, 'restore'), false, `round ${round}: the context should be restored`);
    // The restored context is redrawn: wait until the app has drawn it and sleeps again.
    await page.waitForFunction(() => !document.getElementById('canvas').getContext('webgl2').isContextLost());
    await settle(page);
    const { image: after } = await screenshot(page, `robustness-context-restored-${round}`);
    const share = differingShare(before, after);
    assert.ok(share < 0.005, `round ${round}: the picture after restoring should match the one before; ${(share * 100).toFixed(2)}% of pixels differ`);
    assert.deepEqual(shape(await items(page)), itemsBefore, `round ${round}: the same items (controls) as before`);
    assert.equal(await built(), round + 1, `round ${round}: the map's buffers were built again in the new context`);
  }

  // Still working: clicking an area on the map (at its item's rectangle) opens it, drawn.
  await press(page, control(page, 'button', /^曲阜市 · /));
  const all = await items(page);
  assert.equal(all.find((i) => i.role === 'heading' && i.level === 2 && all[i.parent]?.name === '目标看板')?.name, '曲阜市');
  const { image: selected } = await screenshot(page, 'robustness-after-restore-selected');
  assert.ok(differingShare(before, selected) > 0.01, 'the new view is drawn');

  assert.equal(await page.evaluate(() => window.__jcmNotReloaded), true, 'the page must not have reloaded');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:first-map-frame').length), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// web/app.js compiles the wasm while it makes the WebGL context: without WebGL 2 the page says so,
// once, and the app is never started (so no second error replaces the first).
test('without WebGL 2 the page says so, and only that', async () => {
  const { context, page, errors } = await openApp(env, {
    wait: false,
    route: (p) => p.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }),
  });
  await page.waitForFunction(() => !document.getElementById('error-panel').hidden);
  // The wasm's download and compilation end after the error is shown: wait for the network to
  // be quiet, then the app must still not have started.
  await page.waitForLoadState('networkidle');
  assert.match(await page.textContent('#error-title'), /WebGL 2 is not available/);
  // Nothing works behind this one: only Reload is offered (Continue is for a font that failed).
  assert.deepEqual(await page.getByRole('button').evaluateAll((bs) => bs.map((b) => b.textContent)), ['重新加载 · Reload']);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:wasm-ready').length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('loading').hidden), true);
  assert.deepEqual(errors, []);
  await context.close();
});

// Input while the app loads (the wasm held back here, as on a slow link) is no one's yet: moving
// the mouse over the loading card, a key, a changed hash must throw nothing (the module's
// exports are stubs that throw until it runs), and the app then starts as usual.
test('input while the app is still loading throws nothing', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { context, page, errors } = await openApp(env, {
    wait: false,
    route: (p) => p.route('**/jining-campaign.wasm', async (route) => { await held; await route.continue(); }),
  });
  // Across the loading card (found as the page's element, not by a position on the screen).
  const card = await page.locator('#loading .card').boundingBox();
  assert.ok(card, 'the loading card is shown');
  for (let i = 0; i <= 4; i++) await page.mouse.move(card.x + card.width * i / 4, card.y + card.height / 2);
  await page.keyboard.press('Tab');
  await page.evaluate(() => { location.hash = 'lang=en'; });
  await page.waitForFunction(() => location.hash === '#lang=en');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:wasm-ready').length), 0, 'the wasm was still held');
  release();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
  assert.match(await page.evaluate(() => document.documentElement.lang), /^en/, 'the hash set while loading applies');
  assert.deepEqual(errors, []);
  await context.close();
});

// A host that sends the wasm with another type than application/wasm: streaming compilation
// would refuse it, so app.js compiles the whole download instead.
test('a wasm served with the wrong MIME type still starts the app', async () => {
  const { context, page, errors } = await openApp(env, {
    route: async (p) => {
      await p.route('**/jining-campaign.wasm', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      });
      await p.addInitScript(() => {  // records whether streaming compilation was asked for
        const original = WebAssembly.compileStreaming;
        WebAssembly.compileStreaming = (...args) => { window.jcmStreamed = true; return original(...args); };
      });
    },
  });
  await settle(page);
  assert.equal(await page.evaluate(() => window.jcmStreamed), undefined, 'the wasm was not streamed');
  assert.equal(await control(page, 'button', /^曲阜市 · /).count(), 1, 'the map\'s areas are there');
  assert.deepEqual(errors, []);
  await context.close();
});
