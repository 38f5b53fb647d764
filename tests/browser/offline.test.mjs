// offline.test.mjs: what `make dist` ships. dist/site works from any path of a static host, keeps
// working offline after the first visit (service worker), and picks up a new version cleanly,
// never mixing old and new files; dist/jining-campaign.html shows the map from file:// with
// nothing else beside it, and works there (an area opens). Every request stays on the page's
// origin and the strict CSP (meta tag) reports no violation. What the page shows is checked
// through the app's semantics items (the map region's rectangle, its list of areas, headings).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { setup, ROOT, VIEWPORTS, waitForMark, settle, screenshot, dominantColors, hex, items, control, press } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';
import { customSection } from '../../tools/wasm-bytes.mjs';

const DIST = process.env.JCM_DIST || join(ROOT, 'dist');
const SITE = join(DIST, 'site');
const ONE_FILE = join(DIST, 'jining-campaign.html');

let env, tmp;
before(async () => {
  for (const f of [join(SITE, 'index.html'), join(SITE, 'sw.js'), ONE_FILE]) {
    assert.ok(existsSync(f), `${f} missing: run make dist`);
  }
  env = await setup();
  tmp = mkdtempSync(join(tmpdir(), 'jcm-offline-'));
});
after(async () => {
  await env.close();
  rmSync(tmp, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------------------------
function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name)).split(sep).join('/')])).sort();
}

async function serve(dir) {
  const server = await startServer(dir, { host: '127.0.0.1', port: 0 });
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const AREAS = JSON.parse(readFileSync(join(SITE, 'data/campaign.json'), 'utf8')).areas.map((a) => a.name.zh);

const swVersion = (site) => readFileSync(join(site, 'sw.js'), 'utf8').match(/^const VERSION = '([0-9a-f]+)';$/m)[1];
const cspOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];

// A fresh context that records every request (page and service worker), every page and console
// error, and every CSP violation the page reports.
async function newContext(viewport = VIEWPORTS.desktop) {
  const context = await env.browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));
  });
  const requests = [], errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  });
  return { context, requests, errors };
}

const cspViolations = (page) => page.evaluate(() => window.__csp);

// Resolves once a service worker controls the page; returns the cache names.
async function waitForControl(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return caches.keys();
  });
}

// The map shows several district fills (as in skeleton.test.mjs), inside the map region the app
// reports, and lists every area of the data.
async function assertMapDrawn(page, name) {
  await settle(page);
  const { image } = await screenshot(page, name);
  const all = await items(page);
  const map = all.find((i) => i.role === 'region' && i.name === '地图');
  assert.ok(map, 'the map region is recorded');
  const r = map.rect;
  const colors = dominantColors(image, { x0: r.x + 4, y0: r.y + 4, x1: r.x + r.width - 4, y1: r.y + r.height - 4 }, 0.005);
  const fills = colors.slice(1);
  assert.ok(fills.length >= 3, `expected ≥3 fills besides ${hex(colors[0].rgb)}, got ${fills.map((c) => hex(c.rgb)).join(' ')}`);
  assert.ok(fills.reduce((s, c) => s + c.share, 0) > 0.2, 'districts should cover a good part of the map');
  const list = all.find((i) => i.role === 'list' && i.name === '地图上的区域');
  const areas = all.filter((i) => list && i.parent === list.index).map((i) => i.name.split(' · ')[0]);
  assert.equal(areas.length, AREAS.length, `every area is on the map: ${areas}`);
  for (const a of AREAS) assert.ok(areas.includes(a), `${a} is on the map`);
  return all;
}

// The panel's level-2 heading: the area (or the campaign) shown.
async function panelHeading(page) {
  const all = await items(page);
  return all.find((i) => i.role === 'heading' && i.level === 2 && all[i.parent]?.name === '目标看板')?.name;
}

function assertSameOrigin(requests, base) {
  const origin = new URL(base).origin;
  const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'every request stays on the page\'s origin');
}


// ---- the files ----------------------------------------------------------------------------------
test('dist/site: gzip copies, manifest with icons, CSP meta, relative URLs, a versioned precache list', () => {
  const files = walk(SITE);
  for (const f of ['jining-campaign.js', 'jining-campaign.wasm', 'data/campaign.json', 'assets/ui-font.otf', 'index.html']) {
    assert.ok(files.includes(f + '.gz'), `${f}.gz missing`);
    assert.ok(gunzipSync(readFileSync(join(SITE, f + '.gz'))).equals(readFileSync(join(SITE, f))), `${f}.gz matches ${f}`);
  }
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  const csp = cspOf(html);
  assert.ok(csp, 'index.html has a CSP meta tag');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) assert.ok(!csp.includes(bad), `CSP must not allow ${bad}`);
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest">/);
  const touchIcon = html.match(/<link rel="apple-touch-icon" href="([^"]+)">/);
  assert.ok(touchIcon && existsSync(join(SITE, touchIcon[1])), 'an Apple touch icon');
  assert.doesNotMatch(html, /\b(?:src|href)="(?:\/|https?:)/, 'relative URLs only');

  const manifest = JSON.parse(readFileSync(join(SITE, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
    assert.ok(icon, `a ${size}px PNG icon`);
    const png = readFileSync(join(SITE, icon.src));
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon.src} is ${size}x${size}`);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');

  // sw.js lists every file of the site with its hash but the fonts: deployed, and cached once a
  // device asks for them (only one without CJK fonts, or a dataset with rare characters, does),
  // not precached at every visitor's cost. The version is a hash over every file.
  const sw = readFileSync(join(SITE, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]);
  const fonts = ['assets/ui-font-ext.otf', 'assets/ui-font.otf'];
  for (const f of fonts) assert.ok(files.includes(f), `${f} is deployed`);
  assert.deepEqual(JSON.parse(sw.match(/^const RUNTIME = (.*);$/m)[1]).sort(), fonts);
  const site = files.filter((f) => f !== 'sw.js' && !f.endsWith('.gz'));
  const expected = site.filter((f) => !fonts.includes(f));
  assert.deepEqual(Object.keys(list).sort(), expected);
  const sriOf = (f) => 'sha256-' + createHash('sha256').update(readFileSync(join(SITE, f))).digest('base64');
  for (const f of expected) assert.equal(list[f], sriOf(f), f);
  const version = createHash('sha256').update(site.map((f) => `${f}\0${sriOf(f)}\n`).join('')).digest('hex').slice(0, 16);
  assert.equal(swVersion(SITE), version);
});

// ---- offline ------------------------------------------------------------------------------------
test('dist/site under a sub-path: first visit, then offline reload still shows the map', async () => {
  const root = join(tmp, 'host');
  cpSync(SITE, join(root, 'apps/jining'), { recursive: true });
  const server = await serve(root);
  const base = server.base + 'apps/jining/';
  const { context, requests, errors } = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(base);
    await waitForMark(page, 'app:first-map-frame');
    const keys = await waitForControl(page);
    assert.deepEqual(keys, [`jcm:/apps/jining/:${swVersion(SITE)}`]);
    // Installable (a test browser context is incognito, which alone rules out installing).
    const { installabilityErrors } = await (await context.newCDPSession(page)).send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

    await context.setOffline(true);
    const fromNetwork = [];
    page.on('response', (r) => { if (!r.fromServiceWorker()) fromNetwork.push(r.url()); });
    await page.reload();
    await waitForMark(page, 'app:first-map-frame');
    await assertMapDrawn(page, 'offline-reload');
    assert.deepEqual(fromNetwork.filter((u) => !u.startsWith('data:')), [], 'offline, everything comes from the service worker');

    // A deep link with a query and a hash also opens offline.
    await page.goto(base + 'index.html?data=data/campaign.json#area=370881');
    await waitForMark(page, 'app:first-map-frame');
    await settle(page);
    assert.equal(await page.evaluate(() => document.getElementById('error-panel').hidden), true);
    assert.equal(await panelHeading(page), '曲阜市', 'the deep link opens its area');
    assert.deepEqual(fromNetwork.filter((u) => !u.startsWith('data:')), [], 'still nothing from the network');

    assertSameOrigin(requests, base);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

// ---- updates ------------------------------------------------------------------------------------
test('a new version is picked up cleanly; a half-deployed one is refused', async () => {
  const www = join(tmp, 'www');
  cpSync(SITE, www, { recursive: true });
  // Version 2: the same site with changed JS and wasm (marked so the test can tell them apart).
  const input = join(tmp, 'v2-input'), v2 = join(tmp, 'v2');
  cpSync(SITE, input, { recursive: true });
  writeFileSync(join(input, 'jining-campaign.js'), readFileSync(join(input, 'jining-campaign.js'), 'utf8') + "\nself.__jcmTestBuild = 'v2';\n");
  writeFileSync(join(input, 'jining-campaign.wasm'), Buffer.concat([readFileSync(join(input, 'jining-campaign.wasm')), customSection('jcm-test', 'v2')]));
  execFileSync(process.execPath, [join(ROOT, 'tools/make-dist.mjs'), '--site', input, '--out', v2, '--no-single', '--quiet']);
  const v1Key = `jcm:/:${swVersion(SITE)}`, v2Key = `jcm:/:${swVersion(join(v2, 'site'))}`;
  assert.notEqual(v1Key, v2Key);

  const server = await serve(www);
  const { context, requests, errors } = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.base);
    await waitForMark(page, 'app:first-map-frame');
    assert.deepEqual(await waitForControl(page), [v1Key]);

    // Half deployed: the new sw.js is up, the other files are still the old ones. Its install
    // fails the hash check; version 1 stays in charge, complete.
    for (const f of ['sw.js', 'sw.js.gz']) cpSync(join(v2, 'site', f), join(www, f));
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const found = new Promise((ok) => reg.addEventListener('updatefound', () => ok(reg.installing), { once: true }));
      await reg.update().catch(() => {});
      const w = await Promise.race([found, new Promise((ok) => setTimeout(ok, 10000, null))]);
      if (!w) return 'no new worker';
      return new Promise((ok) => {
        const check = () => { if (w.state === 'redundant' || w.state === 'activated') ok(w.state); };
        w.addEventListener('statechange', check);
        check();
      });
    });
    assert.equal(state, 'redundant', 'the half-deployed version is not installed');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [v1Key]);
    await page.reload();
    await waitForMark(page, 'app:first-map-frame');
    assert.equal(await page.evaluate(() => self.__jcmTestBuild), undefined, 'still version 1');

    // Fully deployed: the new version installs, takes over, deletes the old cache, and the page
    // reloads once into version 2: its JS and its wasm, both from the new cache.
    rmSync(www, { recursive: true });
    cpSync(join(v2, 'site'), www, { recursive: true });
    const responses = [];
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    page.on('response', (r) => responses.push(r));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update())).catch(() => {});
    await reloaded;
    await waitForMark(page, 'app:first-map-frame');
    assert.equal(await page.evaluate(() => self.__jcmTestBuild), 'v2', 'the page runs version 2\'s JS');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [v2Key], 'only version 2 is cached');
    const after = responses.filter((r) => r.request().frame() === page.mainFrame() && !r.url().startsWith('data:'));
    const wasm = after.filter((r) => r.url().endsWith('/jining-campaign.wasm')).at(-1);
    assert.ok(wasm, 'the reloaded page fetched the wasm');
    assert.ok((await wasm.body()).includes(Buffer.from('jcm-test')), 'and got version 2\'s wasm');
    assert.ok(wasm.fromServiceWorker(), 'from the service worker');
    await assertMapDrawn(page, 'offline-updated');

    assertSameOrigin(requests, server.base);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

// ---- the one-file build -------------------------------------------------------------------------
test('dist/jining-campaign.html opened from file:// (alone in a folder) shows the map', async () => {
  const usb = join(tmp, 'usb-stick');
  mkdirSync(usb);
  cpSync(ONE_FILE, join(usb, 'jining-campaign.html'));
  const html = readFileSync(ONE_FILE, 'utf8');
  const csp = cspOf(html);
  assert.ok(csp, 'the one-file page has a CSP meta tag');
  assert.doesNotMatch(csp, /'unsafe-(inline|eval)'/);
  assert.match(csp, /script-src 'sha256-[^']+'/);

  const { context, requests, errors } = await newContext();
  try {
    const page = await context.newPage();
    const url = 'file://' + join(usb, 'jining-campaign.html');
    await page.goto(url);
    await waitForMark(page, 'app:first-map-frame');
    await assertMapDrawn(page, 'one-file');  // the embedded data is loaded: every area is listed
    // It works, not only shows: clicking an area on the map (at its item's rectangle) opens it.
    await press(page, control(page, 'button', /^曲阜市 · /));
    assert.equal(await panelHeading(page), '曲阜市');
    assert.match(await page.evaluate(() => location.hash), /area=370881/);
    await screenshot(page, 'one-file-area');
    // The printed briefing works here too: its layout is carried inline, allowed by its hash.
    await press(page, control(page, 'button', '数据'));
    await press(page, control(page, 'menuitem', '打印简报：曲阜市'));
    const briefing = page.frameLocator('iframe#jcm-print').locator('h1');
    await briefing.waitFor({ state: 'attached' });
    assert.equal(await briefing.evaluate((h) => getComputedStyle(h).fontSize), '24px', 'the briefing is styled');
    assert.doesNotMatch(await page.locator('iframe#jcm-print').getAttribute('srcdoc'), /href="briefing\.css"/, 'nothing to fetch');
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [url], 'nothing is requested but the page itself');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
