// harness.mjs: what every browser test needs: the built site served on 127.0.0.1, Debian's
// Chromium driven by playwright-core, page-error collection, screenshots and pixel access.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SITE = process.env.JCM_SITE || join(ROOT, 'build/site');
export const SHOTS = join(ROOT, 'build/test-output/screenshots');
mkdirSync(SHOTS, { recursive: true });

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  tabletLandscape: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
};

// The four sizes every touch-first check runs at: phone and tablets by touch at DPR 2-3, the
// desktop by mouse.
export const SIZES = [
  { vp: VIEWPORTS.phone, touch: true, dpr: 3 },
  { vp: VIEWPORTS.tabletPortrait, touch: true, dpr: 2 },
  { vp: VIEWPORTS.tabletLandscape, touch: true, dpr: 2 },
  { vp: VIEWPORTS.desktop, touch: false, dpr: 1 },
];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--mute-audio',
];

// Starts the server and the browser once per test file.
// `args`: more Chromium flags (tools/bench.mjs measures the browser with one of V8's).
export async function setup({ args = [] } = {}) {
  const server = await startServer(SITE, { host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// Opens the app in a fresh context; collects page errors and console errors.
export async function openApp(env, { viewport = VIEWPORTS.desktop, path = '', dpr = 1, touch = false, wait = true, route } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor: dpr, hasTouch: touch, isMobile: false });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  if (route) await route(page);
  await page.goto(env.base + path);
  if (wait) await waitForMark(page, 'app:first-map-frame');
  return { context, page, errors };
}

// Waits for the app's performance mark `name` in the page's current document. One evaluation
// that the page answers when the mark is made (a PerformanceObserver), renewed every second and
// after a navigation: waitForFunction's polling made Playwright set up its selector engine in the
// page during the app's start-up, ~45 ms of main thread that ended up in the measured start-up.
export async function waitForMark(page, name, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`waitForMark: no mark ${name} within ${timeout} ms`);
    try {
      const seen = await page.evaluate(([n, ms]) => new Promise((ok) => {
        if (performance.getEntriesByName(n).length) { ok(true); return; }
        const watch = new PerformanceObserver((list) => {
          if (list.getEntriesByName(n).length) { watch.disconnect(); ok(true); }
        });
        watch.observe({ type: 'mark' });
        setTimeout(() => { watch.disconnect(); ok(false); }, ms);
      }), [name, Math.min(left, 1000)]);
      if (seen) return;
    } catch (e) {  // a navigation replaced the document meanwhile: ask the new one
      if (!/context was destroyed|navigat/i.test(String(e && e.message))) throw e;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
}

// Waits until the app has stopped drawing: its frame loop sleeps when nothing is left to draw
// and its semantics mirror is whole, and says so on <html data-app-idle="1">. After an input, the app is awake until it has drawn
// the result, so this waits for the result, not for a guessed time.
export async function settle(page, timeout = 15000) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-app-idle') === '1', null,
    { timeout, polling: 'raf' });
}

// The file chooser that `action` (a tap, a click, a key) makes the page open. Adding the listener
// makes Playwright turn on the browser's chooser interception, by a message the page handles as a
// task of its own: under load the page handled a key sent right after it first, and the chooser
// opened (and, headless, closed) unseen; the wait then timed out although the app had asked for
// the picker with the user's activation (seen 1 load in 6 at a 6x CPU slowdown, and once in CI).
// A round trip through the page, on the same channel, makes sure interception is on first.
export async function fileChooser(page, action) {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  try {
    await action();
  } catch (e) {
    chooser.catch(() => {});  // the action's error is the one to report
    throw e;
  }
  return chooser;
}

// ---- the semantics layer: find controls by role and name, as a person or screen reader does --

// Every item the app recorded in its last drawn frame (src/ui/semantics.h), with role, name,
// state and rectangle (CSS px). Textboxes are the page's own <input>s and have no mirror element.
export async function items(page) {
  return page.evaluate(() => (window.jcmSemantics ? window.jcmSemantics() : []));
}

// The mirrored element of a control, by ARIA role and accessible name (string: exact; RegExp).
export function control(page, role, name) {
  return page.locator('#a11y-tree').getByRole(role, { name, exact: typeof name === 'string' });
}

// Waits until the element has a rectangle on screen; if it is scrolled out of view, gives it the
// keyboard focus first, which scrolls the app's panel to it (as Tab would for a keyboard user).
export async function reveal(page, locator, timeout = 15000) {
  await locator.waitFor({ state: 'attached', timeout });
  const onScreen = () => locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1 && r.top >= -1 && r.left >= -1;
  });
  if (!(await onScreen())) {
    await locator.focus();
    const start = Date.now();
    while (!(await onScreen())) {
      if (Date.now() - start > timeout) throw new Error('reveal: the control never came into view');
      await settle(page);
    }
  }
  return locator.boundingBox();
}

// Clicks (or, with touch, taps) the drawn control at its item's rectangle: the event goes through
// the transparent mirror to the canvas, exactly like a person's click. Then waits for the result.
export async function press(page, locator, { touch = false } = {}) {
  await reveal(page, locator);
  if (touch) await locator.tap({ force: true });
  else await locator.click({ force: true });
  await settle(page);
}

// Items whose text the app drew cut off (role: name), for the no-truncation checks.
export async function truncated(page) {
  return (await items(page)).filter((i) => i.truncated).map((i) => `${i.role}: ${i.name}`);
}

export async function screenshot(page, name) {
  const file = join(SHOTS, `${name}.png`);
  const buf = await page.screenshot({ path: file });
  return { file, image: decodePng(buf) };
}

export async function a11ySummary(page) {
  return page.$eval('#a11y-summary', (el) => el.textContent);
}

// ---- pixels -----------------------------------------------------------------------------------

// Minimal PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots are).
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng: only 8-bit non-interlaced PNGs');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`decodePng: colour type ${colorType} unsupported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 4);
  const prev = Buffer.alloc(stride), cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    raw.copy(cur, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = cur[i];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * bpp];
      out[(y * width + x) * 4 + 1] = cur[x * bpp + 1];
      out[(y * width + x) * 4 + 2] = cur[x * bpp + 2];
      out[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3] : 255;
    }
    cur.copy(prev);
  }
  return { width, height, data: out };
}

export function pixel(img, x, y) {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
}

// Colours covering at least `minShare` of the sampled pixels of a rectangle, most common first.
export function dominantColors(img, { x0, y0, x1, y1 }, minShare = 0.01, step = 2) {
  const counts = new Map();
  let total = 0;
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      const [r, g, b] = pixel(img, x, y);
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) || 0) + 1);
      total++;
    }
  }
  return [...counts.entries()]
    .filter(([, n]) => n / total >= minShare)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => ({ rgb: [(k >> 16) & 255, (k >> 8) & 255, k & 255], share: n / total }));
}

export const hex = ([r, g, b]) => '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');

// Saves a screenshot to SHOTS without decoding it (decoding a dpr-3 page takes seconds): for
// screenshots that are only looked at, not measured.
export async function saveScreenshot(page, name) {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Tests that open their pages with `open` and are declared with `appTest`: when a step fails while
// a page reported errors (a crashed app never settles, and the timeout alone would hide why), the
// failure says so; the test's browser contexts are closed either way. `getEnv` gives setup()'s env.
export function appTests(getEnv) {
  const opened = [];
  async function open(opts) {
    const app = await openApp(getEnv(), opts);
    opened.push(app);
    return app;
  }
  function appTest(name, fn) {
    test(name, async () => {
      opened.length = 0;
      try {
        await fn();
      } catch (e) {
        const errs = opened.flatMap((a) => a.errors);
        if (errs.length) e.message += `\n    page errors: ${errs.join(' | ')}`;
        throw e;
      } finally {
        for (const a of opened.splice(0)) await a.context.close().catch(() => {});
      }
    });
  }
  // A context the test made itself, closed and checked like open's.
  const track = (app) => opened.push(app);
  return { open, appTest, track };
}

// Everything the app says in words: the mirrored items' text and the live summary.
export async function appText(page) {
  return page.evaluate(() => (document.getElementById('a11y-tree')?.innerText || '') + '\n' +
    (document.getElementById('a11y-summary')?.textContent || ''));
}

// Waits until the app's text contains every one of `words`; fails with what it showed instead.
export async function waitForText(page, words, timeout = 20000) {
  try {
    await page.waitForFunction((ws) => {
      const t = (document.getElementById('a11y-tree')?.innerText || '') + '\n' +
        (document.getElementById('a11y-summary')?.textContent || '');
      return ws.every((w) => t.includes(w));
    }, words, { timeout, polling: 100 });
  } catch (err) {
    throw new Error(`the app never showed ${JSON.stringify(words)}; it shows:\n${await appText(page)}`);
  }
}
