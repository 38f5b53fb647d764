// robustness.test.mjs: the app survives losing its WebGL context. WEBGL_lose_context drops the
// context the way a GPU reset does; once the browser restores it, the app recreates its GL objects
// (src/main.cpp, RecreateGlObjectsIfContextRestored) and shows the same picture, without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot } from './harness.mjs';

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

test('losing and restoring the WebGL context recovers the picture without a reload', async () => {
  const { page, errors, context } = await openApp(env);
  await settle(page, 500);
  const { image: before } = await screenshot(page, 'robustness-before-context-loss');
  await page.evaluate(() => { window.__jcmNotReloaded = true; });

  for (let round = 1; round <= 2; round++) {
    assert.equal(await contextEvent(page, 'lose'), true, `round ${round}: the context should be lost`);
    await settle(page, 300);
    const { image: lost } = await screenshot(page, `robustness-context-lost-${round}`);
    // The test means something only if losing the context really blanked the canvas.
    assert.ok(differingShare(before, lost) > 0.2, `round ${round}: the canvas should be blank while the context is lost`);

    assert.equal(await contextEvent(page, 'restore'), false, `round ${round}: the context should be restored`);
    await settle(page, 500);
    const { image: after } = await screenshot(page, `robustness-context-restored-${round}`);
    const share = differingShare(before, after);
    assert.ok(share < 0.005, `round ${round}: the picture after restoring should match the one before; ${(share * 100).toFixed(2)}% of pixels differ`);
  }

  assert.equal(await page.evaluate(() => window.__jcmNotReloaded), true, 'the page must not have reloaded');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:first-map-frame').length), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
