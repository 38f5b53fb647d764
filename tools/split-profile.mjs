// split-profile.mjs <web-profile-build> <out-list>: which functions the first views leave for
// jining-campaign.deferred.wasm (make split-profile; BENCHMARKS.md "Wasm size").
//
// The build is Emscripten's SPLIT_MODULE instrumentation (CMake JCM_WASM_SPLIT=instrument): its
// jining-campaign.wasm records which functions run, jining-campaign.wasm.orig is the module with
// names. Each scenario opens the site in a fresh headless Chromium context, waits for the first
// map frame, does what a person does first (touches or points at an area, opens it), and reads the
// profile (wasm-split's __write_profile export). The profiles are merged and wasm-split says which
// functions none of them called: those are written, one binaryen name a line, to the list the
// shipped build splits out. Anything not on the list (a new function, a renamed one) stays in the
// first part: a stale list costs bytes, never a missing function.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const [build, out] = process.argv.slice(2);
if (!build || !out) { console.error('usage: split-profile.mjs <web-profile-build> <out-list>'); process.exit(2); }
const site = join(build, 'site');
const work = mkdtempSync(join(tmpdir(), 'jcm-split-'));

// What a first visit does, at the sizes and in the languages people use (harness.mjs's sizes).
// A link to a view (an area, a tab) is not profiled: web/app.js joins both parts before the app
// starts for those.
const DESKTOP = { viewport: { width: 1280, height: 800 }, dpr: 1, touch: false };
const PHONE = { viewport: { width: 390, height: 844 }, dpr: 3, touch: true };
const SCENARIOS = [
  { name: 'desktop-zh', ...DESKTOP, path: '' },
  { name: 'desktop-en', ...DESKTOP, path: '#lang=en' },
  { name: 'phone-zh', ...PHONE, path: '' },
  { name: 'phone-en', ...PHONE, path: '#lang=en' },
  { name: 'tablet-portrait', viewport: { width: 768, height: 1024 }, dpr: 2, touch: true, path: '' },
  { name: 'tablet-landscape-en', viewport: { width: 1024, height: 768 }, dpr: 2, touch: true, path: '#lang=en' },
  // A campaign under way: the page's data with dates and progress reports (a valid fixture served
  // as data/campaign.json), as the shipped data will have them once reports come in. Other
  // shapes of data (another city's skeleton, holes...) were measured and left out: each costs the
  // first view kilobytes for data it does not ship (BENCHMARKS.md "Wasm size"); a page opened
  // with ?data= fetches both parts at once anyway (web/app.js).
  { name: 'progress', ...DESKTOP, path: '', data: 'tests/fixtures/valid/progress-and-colours.json' },
];

const idle = (page) => page.waitForFunction(() => document.documentElement.getAttribute('data-app-idle') === '1',
  null, { timeout: 30000, polling: 'raf' });

const server = await startServer(site, { host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const profiles = [];
for (const s of SCENARIOS) {
  const context = await browser.newContext({ viewport: s.viewport, deviceScaleFactor: s.dpr, hasTouch: s.touch });
  const page = await context.newPage();
  // The instance's exports, for __write_profile (app.js keeps the module to itself).
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      return instantiate.apply(this, args).then((r) => { window.__jcmExports = (r.instance || r).exports; return r; });
    };
  });
  if (s.data) {  // served as the page's own data/campaign.json
    const body = readFileSync(new URL(`../${s.data}`, import.meta.url));
    await page.route('**/data/campaign.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  await page.goto(base + s.path);
  await page.waitForFunction(() => performance.getEntriesByName('app:first-map-frame').length > 0, null,
    { timeout: 60000, polling: 50 });
  await idle(page);
  // A first touch or hover on the map's middle, then a tap or click there (opens an area or
  // clears the selection: either is what people do first).
  const box = await page.locator('canvas').boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  if (s.touch) await page.touchscreen.tap(x, y);
  else { await page.mouse.move(x, y); await idle(page); await page.mouse.click(x, y); }
  await idle(page);
  const bytes = await page.evaluate(() => {
    const ex = window.__jcmExports;
    const mem = Object.values(ex).find((e) => e instanceof WebAssembly.Memory);
    // A fresh page of memory past the heap for the profile (read at once, before anything runs).
    const size = 1 << 20, at = mem.grow(size / 65536) * 65536;
    const n = ex.__write_profile(at, size);
    return Array.from(new Uint8Array(mem.buffer, at, n));
  });
  const file = join(work, `${s.name}.prof`);
  writeFileSync(file, Buffer.from(bytes));
  profiles.push(file);
  console.log(`split-profile: ${s.name}: ${bytes.length} B of profile`);
  await context.close();
}
await browser.close();
await new Promise((ok) => server.close(ok));

// The tool and flags the build uses (CMakeLists.txt), from the build's cache.
const cache = readFileSync(join(build, 'CMakeCache.txt'), 'utf8');
const cached = (name) => (cache.match(new RegExp(`^${name}:[A-Z]+=(.*)$`, 'm')) || [])[1];
const tool = cached('JCM_WASM_SPLIT_TOOL') || 'wasm-split';
const flags = (cached('JCM_WASM_SPLIT_FLAGS') || '').split(';').filter(Boolean);
const merged = join(work, 'merged.prof');
execFileSync(tool, ['--merge-profiles', ...profiles, '-o', merged]);
const verbose = execFileSync(tool, [...flags,
  join(build, 'jining-campaign.wasm.orig'), '-o1', join(work, 'p.wasm'), '-o2', join(work, 'd.wasm'),
  `--profile=${merged}`, '--verbose'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const prefix = 'Splitting out functions: ';
const line = verbose.split('\n').find((l) => l.startsWith(prefix));
if (!line) { console.error('split-profile: wasm-split listed no functions to split out'); process.exit(1); }
// Binaryen's names escape ',' (\2c), so ", " separates them.
const names = line.slice(prefix.length).split(', ').filter(Boolean).sort();
const before = (() => { try { return readFileSync(out, 'utf8').split('\n').filter(Boolean).length; } catch { return 0; } })();
writeFileSync(out, names.join('\n') + '\n');
console.log(`split-profile: ${names.length} functions deferred (was ${before}), written to ${out}`);
