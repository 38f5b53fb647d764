// deferred-code.test.mjs: the wasm comes in two parts (CMakeLists.txt JCM_WASM_SPLIT, web/app.js
// `deferred`). The first view fetches only the first part; the rest
// (jining-campaign.deferred.wasm) is fetched once the map is shown and joined to the running app,
// so what it holds (here: the language switch, SetLanguage) then runs without loading anything.
// A link to a view (here an area) fetches both parts at once and starts with both. If the fetch
// after the map fails, or a site's own data runs deferred code before the first map frame (data
// of a shape the profile did not see), a deferred function still works: it loads the part on
// demand. If the part cannot be loaded at all, the page says so. A part of another build is
// never joined.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openApp, settle, control, press, waitForMark, VIEWPORTS, SITE, ROOT } from './harness.mjs';
import { startServer } from '../../tools/serve.mjs';
import { findItem, DATA, areaName } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const DEFERRED = /jining-campaign\.deferred\.wasm$/;
const listen = (page) => {
  const lines = [];
  page.on('console', (m) => lines.push(m.text()));
  return lines;
};

test('the first view fetches the first part of the code only; the rest arrives after the map and is joined at once', async () => {
  let logged = [];
  const { context, page, errors } = await openApp(env, { viewport: VIEWPORTS.phone, dpr: 3, touch: true,
    route: (p) => { logged = listen(p); } });
  try {
    await waitForMark(page, 'app:deferred-code-ready');
    const timing = await page.evaluate(() => ({
      map: performance.getEntriesByName('app:first-map-frame')[0].startTime,
      parts: performance.getEntriesByType('resource').filter((r) => /\.wasm$/.test(r.name))
        .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime })),
    }));
    const rest = timing.parts.filter((p) => DEFERRED.test(p.name));
    assert.equal(rest.length, 1, `the deferred part is fetched once: ${JSON.stringify(timing.parts)}`);
    assert.ok(rest[0].start >= timing.map, `fetched after the first map frame (${rest[0].start} ms, map ${timing.map} ms)`);
    assert.ok(timing.parts.some((p) => p.name === 'jining-campaign.wasm' && p.start < timing.map), 'the first part comes first');

    await settle(page);
    await press(page, control(page, 'button', 'English'), { touch: true });
    assert.ok(await findItem(page, 'heading', /Jining/), 'the language switch (deferred code) works');
    assert.deepEqual(logged.filter((t) => /placeholder/.test(t)), [], 'no deferred function had to load the part on demand');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('when the deferred part could not be fetched ahead, a deferred function loads it on demand and works', async () => {
  // The ahead-of-time fetch (a fetch()) fails; the on-demand load (a synchronous XHR) is served.
  const route = (page) => page.route(DEFERRED, (r) => (r.request().resourceType() === 'fetch' ? r.abort() : r.continue()));
  const { context, page, errors } = await openApp(env, { route });
  const logged = listen(page);
  try {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /deferred\.wasm$/.test(r.name)),
      null, { timeout: 20000, polling: 50 });
    await settle(page);
    await press(page, control(page, 'button', 'English'));
    assert.ok(await findItem(page, 'heading', /Jining/), 'the language switch works after loading on demand');
    assert.ok(logged.some((t) => /placeholder function called/.test(t)), 'the part was loaded on demand');
    assert.ok(await page.evaluate(() => performance.getEntriesByName('app:deferred-code-ready').length === 1));
    // The failed fetch is a console error of the browser's own (net::ERR_FAILED); nothing else.
    assert.deepEqual(errors.filter((e) => !/ERR_FAILED|Failed to load resource/.test(e)), []);
  } finally { await context.close(); }
});

test('when the deferred part cannot be loaded at all, the page says which file and why', async () => {
  const route = (page) => page.route(DEFERRED, (r) => r.abort());
  const { context, page } = await openApp(env, { route });
  try {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /deferred\.wasm$/.test(r.name)),
      null, { timeout: 20000, polling: 50 });
    await settle(page);
    await control(page, 'button', 'English').click({ force: true });
    const panel = page.locator('#error-panel');
    await panel.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await page.locator('#error-title').textContent(), /Part of the app could not be loaded/);
    assert.match(await page.locator('#error-detail').textContent(), /jining-campaign\.deferred\.wasm/);
  } finally { await context.close(); }
});

test('a link to an area fetches both parts at once, and the app starts with both joined', async () => {
  const area = DATA.areas.find((a) => DATA.goals.some((g) => g.area === a.id));
  const { context, page, errors } = await openApp(env, { viewport: VIEWPORTS.phone, dpr: 3, touch: true, path: `#area=${area.id}`,
    route: (p) => p.on('console', (m) => { if (/placeholder/.test(m.text())) errors.push(`on demand: ${m.text()}`); }) });
  try {
    const marks = await page.evaluate(() => ({
      joined: performance.getEntriesByName('app:deferred-code-ready').map((m) => m.startTime),
      map: performance.getEntriesByName('app:first-map-frame')[0].startTime,
    }));
    assert.equal(marks.joined.length, 1, 'the deferred part is joined');
    assert.ok(marks.joined[0] < marks.map, `joined before the first map frame (${marks.joined[0]} < ${marks.map} ms)`);
    await settle(page);
    assert.ok(await findItem(page, 'heading', areaName(area.id)), 'the linked area is open');
    assert.deepEqual(errors, [], 'nothing loaded on demand, no errors');
  } finally { await context.close(); }
});

// A site whose own data/campaign.json is another city's skeleton (no goals, no campaign dates):
// its first frame runs code the profile (the shipped data) never ran. Served as files, as a host
// would, with nothing routed.
test('a site whose own data takes code beyond the first part loads the rest on demand and shows its map', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jcm-deferred-'));
  cpSync(SITE, dir, { recursive: true });
  writeFileSync(join(dir, 'data/campaign.json'), readFileSync(join(ROOT, 'tests/fixtures/valid/second-city-skeleton.json')));
  const server = await startServer(dir, { host: '127.0.0.1', port: 0 });
  const own = { base: `http://127.0.0.1:${server.address().port}/`, browser: env.browser };
  let logged = [];
  const { context, page, errors } = await openApp(own, { route: (p) => { logged = listen(p); } });
  try {
    await settle(page);
    assert.ok(logged.some((t) => /placeholder function called/.test(t)), 'the rest was loaded on demand before the first map frame');
    const marks = await page.evaluate(() => ({
      joined: performance.getEntriesByName('app:deferred-code-ready').map((m) => m.startTime),
      map: performance.getEntriesByName('app:first-map-frame')[0].startTime,
    }));
    assert.equal(marks.joined.length, 1);
    assert.ok(marks.joined[0] < marks.map, 'joined before the first map frame');
    assert.equal(await page.evaluate(() => document.getElementById('error-panel').hidden), true, 'no error shown');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a deferred part of another build (a stale cache) is not joined: the right one is fetched again', async () => {
  // The first answer for the deferred part is the same file with another build id; a request
  // that bypasses the cache gets the real one.
  const real = readFileSync(join(SITE, 'jining-campaign.deferred.wasm'));
  const stale = Buffer.from(real);
  const at = stale.lastIndexOf(Buffer.from('jcm-build'));
  assert.ok(at > 0, 'the deferred part carries a build id');
  stale[at + 'jcm-build'.length] ^= 1;  // one character of the id changed
  let served = 0;
  const route = (p) => p.route(DEFERRED, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: served++ === 0 ? stale : real }));
  const { context, page, errors } = await openApp(env, { route });
  try {
    await waitForMark(page, 'app:deferred-code-ready');
    assert.equal(served, 2, 'fetched twice: the stale part was refused');
    await settle(page);
    await press(page, control(page, 'button', 'English'));
    assert.ok(await findItem(page, 'heading', /Jining/), 'the deferred code that was joined works');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('a stalled deferred part does not keep another dataset from starting', async () => {
  // ?data= names another file (here the shipped data under another name), so both parts are
  // fetched at once; the deferred one never answers. The wait for it is bounded.
  const body = readFileSync(join(ROOT, 'data/campaign.json'));
  const route = async (p) => {
    await p.route(DEFERRED, () => { /* never answered */ });
    await p.route('**/data/other.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  };
  const { context, page, errors } = await openApp(env, { path: '?data=data/other.json', route, wait: false });
  try {
    await waitForMark(page, 'app:first-map-frame', 30000);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('app:deferred-code-ready').length), 0, 'started without it');
    assert.equal(await page.evaluate(() => document.getElementById('error-panel').hidden), true, 'no error shown');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});
