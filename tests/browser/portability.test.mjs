// portability.test.mjs: nothing about Jining is built in: another city's dataset in the same
// format, loaded with ?data=, gives that city's map and dashboard. What is shown is read from the
// app's semantics items; where the map is comes from its region's rectangle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, screenshot, dominantColors, items, control, press, truncated, VIEWPORTS } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// A made-up city near 120°E 30°N: four areas (one L-shaped, one with a hole), its own kinds and
// categories, goals only in two areas.
function otherCity() {
  const sq = (x, y, w, h) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
  return {
    schema_version: 1,
    id: 'lakeside-2021',
    title: { zh: '湖滨市重点项目', en: 'Lakeside key projects' },
    city: { zh: '湖滨市', en: 'Lakeside' },
    source: { title: { zh: '湖滨市政府工作报告' }, outlet: { zh: '湖滨日报' }, file: 'lakeside.txt' },
    campaign: { name: { zh: '项目攻坚年', en: 'Year of projects' }, asks: { zh: '全力推进项目建设' }, quote: '全力推进项目建设' },
    boundary_source: { name: { zh: '手绘示意', en: 'Hand-drawn sketch' }, url: 'https://example.org', licence: 'CC0-1.0' },
    area_kinds: [{ id: 'ward', name: { zh: '街区', en: 'Ward' } }],
    categories: [{ id: 'transport', name: { zh: '交通', en: 'Transport' }, color: '#0077bb' },
      { id: 'water', name: { zh: '水利', en: 'Water' } }],
    areas: [
      { id: 'north', name: { zh: '北岸区', en: 'North Shore' }, kind: 'ward',
        geometry: { type: 'Polygon', coordinates: [[[120.0, 30.2], [120.3, 30.2], [120.3, 30.3], [120.1, 30.3], [120.1, 30.4], [120.0, 30.4], [120.0, 30.2]]] } },
      { id: 'south', name: { zh: '南岸区', en: 'South Shore' }, kind: 'ward',
        geometry: { type: 'Polygon', coordinates: [sq(120.0, 29.9, 0.3, 0.3), sq(120.1, 30.0, 0.1, 0.1)] } },
      { id: 'east', name: { zh: '东湖区', en: 'East Lake' }, kind: 'ward', geometry: { type: 'Polygon', coordinates: [sq(120.3, 29.9, 0.2, 0.4)] } },
      { id: 'isle', name: { zh: '湖心岛', en: 'Isle' }, kind: 'ward', geometry: { type: 'Polygon', coordinates: [sq(120.1, 30.0, 0.1, 0.1)] } },
    ],
    goals: [
      { id: 'n1', area: 'north', category: 'transport', kind: 'project', title: { zh: '新建跨湖大桥', en: 'A new bridge' }, quote: '新建跨湖大桥' },
      { id: 'n2', area: 'north', category: 'water', kind: 'action', title: { zh: '疏浚航道', en: 'Dredge the channel' }, quote: '疏浚航道' },
      { id: 's1', area: 'south', category: 'water', kind: 'target', title: { zh: '治理河道12公里', en: '12 km of river works' }, quote: '治理河道12公里',
        target: { value: 12, unit: { zh: '公里', en: 'km' } } },
    ],
  };
}

test("another city's data gives that city's map and dashboard", async () => {
  const city = otherCity();
  const body = JSON.stringify(city);
  const viewport = VIEWPORTS.desktop;
  const requests = [];
  const { page, errors, context } = await openApp(env, {
    viewport, path: '?data=data/lakeside.json',
    route: async (p) => {
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await p.route('**/data/lakeside.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  // 滨, 岸, 东, 交 are not in the font subset made from Jining's data; this browser's fonts have
  // them (Noto Sans CJK), so it draws every glyph and no font file is fetched.
  await settle(page);
  assert.deepEqual(requests.filter((r) => r.endsWith('.otf')), [], 'no font file is fetched');
  assert.equal((await page.evaluate(() => window.jcmFonts)).missing, 0, 'every character has a glyph');
  let all = await items(page);
  // The pointer rests on the header's title (nothing there reacts to hover), not on an area.
  const title = all.find((i) => i.role === 'heading' && i.level === 1);
  await page.mouse.move(title.rect.x + title.rect.width / 2, title.rect.y + title.rect.height / 2);
  await settle(page);
  all = await items(page);

  assert.equal(all.find((i) => i.role === 'heading' && i.level === 1)?.name, '湖滨市重点项目', 'the header shows its title');
  const list = all.find((i) => i.role === 'list' && i.name === '地图上的区域');
  assert.ok(list, 'the map lists its areas');
  const onMap = all.filter((i) => i.parent === list.index).map((i) => i.name);
  assert.deepEqual(onMap.map((n) => n.split(' · ')[0]).sort(), ['东湖区', '北岸区', '南岸区', '湖心岛'].sort(), `the four areas: ${onMap}`);
  assert.ok(onMap.includes('北岸区 · 街区 · 2 项目标'), `its own area kind and counts: ${onMap}`);
  assert.ok(onMap.includes('东湖区 · 街区 · 未报告目标'), 'an area without goals says so');
  const jining = all.filter((i) => /济宁|兖州|曲阜/.test(i.name)).map((i) => `${i.role}: ${i.name}`);
  assert.deepEqual(jining, [], 'nothing of Jining is left');
  assert.ok(all.some((i) => i.role === 'text' && i.name === '2/4 报告目标的区域'), 'two of the four areas report goals');
  // Its own categories in the dashboard.
  const texts = all.map((i) => i.name).join('\n');
  for (const cat of ['交通', '水利']) assert.match(texts, new RegExp(cat), `category ${cat} is shown`);
  assert.deepEqual(await truncated(page), [], 'nothing is drawn cut off');

  const { image } = await screenshot(page, 'portability-lakeside');
  const map = all.find((i) => i.role === 'region' && i.name === '地图').rect;
  const colors = dominantColors(image, { x0: map.x + 4, y0: map.y + 44, x1: map.x + map.width - 4, y1: map.y + map.height - 100 }, 0.01);
  assert.ok(colors.length >= 3, `background plus at least two fills: ${colors.length}`);

  // Clicking an area on the map (at its item's rectangle) opens that city's area with its goals.
  await press(page, control(page, 'button', '南岸区 · 街区 · 1 项目标'));
  all = await items(page);
  assert.equal(all.find((i) => i.role === 'heading' && i.level === 2 && all[i.parent]?.name === '目标看板')?.name, '南岸区');
  assert.ok(all.some((i) => i.role === 'text' && i.name === '指标：12 公里'), 'its target with its own unit');
  assert.match(await page.evaluate(() => location.hash), /area=south/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Names outside GB2312 (信阳市浉河区, 宿州市埇桥区), which neither bundled font has.
function rareNamesCity() {
  const city = otherCity();
  city.id = 'rare-names';
  city.title = { zh: '浉河–埇桥示例', en: 'Shihe–Yongqiao example' };
  city.areas[0].name = { zh: '浉河区', en: 'Shihe' };
  city.areas[1].name = { zh: '埇桥区', en: 'Yongqiao' };
  return JSON.stringify(city);
}

async function checkRareNames(page, shot) {
  const all = await items(page);
  assert.equal(all.find((i) => i.role === 'heading' && i.level === 1)?.name, '浉河–埇桥示例');
  await press(page, control(page, 'button', /^浉河区 · /), { touch: true });
  assert.equal((await items(page)).find((i) => i.role === 'heading' && i.level === 2)?.name, '浉河区');
  await screenshot(page, shot);
}

// With a CJK system font (this browser has Noto Sans CJK) the browser draws every glyph into the
// app's atlas: the rare names too, and nothing shows as "?".
test('every character is drawn by the browser with the system font, rare names too, with no font file', async () => {
  const body = rareNamesCity();
  const requests = [];
  const { page, errors, context } = await openApp(env, {
    viewport: VIEWPORTS.tabletLandscape, dpr: 2, touch: true, path: '?data=data/rare.json',
    route: async (p) => {
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await p.route('**/data/rare.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    },
  });
  await settle(page);
  const fonts = await page.evaluate(() => window.jcmFonts);
  assert.equal(fonts.missing, 0, 'every character has a glyph');
  assert.ok(fonts.drawn > 100, `all of them drawn by the browser: ${JSON.stringify(fonts)}`);
  assert.deepEqual(requests.filter((r) => r.endsWith('.otf')), [], 'no font file is fetched');
  await checkRareNames(page, 'portability-rare-names');
  assert.deepEqual(errors, []);
  await context.close();
});

// The glyph bake draws a row's run of ideographs with one fillText, letter-spaced to the cells
// (platform_web.js jcm_draw_glyphs); a browser without canvas letter-spacing gets one call per
// character. Both must put the same pixels in the same cells: the same page, rare names (a
// fallback font's glyphs) included, drawn both ways, comes out identical at DPR 1 and 2.
test('ideographs drawn in runs land exactly where one call per character puts them', async () => {
  const body = rareNamesCity();
  for (const dpr of [1, 2]) {
    const shots = [], calls = [];
    for (const runs of [true, false]) {
      const { page, errors, context } = await openApp(env, {
        viewport: VIEWPORTS.phone, dpr, path: '?data=data/rare.json',
        route: async (p) => {
          await p.addInitScript((keep) => {
            const proto = CanvasRenderingContext2D.prototype, fill = proto.fillText;
            window.glyphCalls = 0;
            proto.fillText = function (...a) { window.glyphCalls++; return fill.apply(this, a); };
            if (!keep) delete proto.letterSpacing;
          }, runs);
          await p.route('**/data/rare.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
        },
      });
      await settle(page);
      assert.equal((await page.evaluate(() => window.jcmFonts)).missing, 0, 'every character has a glyph');
      calls.push(await page.evaluate(() => window.glyphCalls));
      shots.push(await page.screenshot());
      assert.deepEqual(errors, []);
      await context.close();
    }
    assert.ok(calls[0] < calls[1], `runs take fewer calls (${calls[0]} against ${calls[1]} one by one)`);
    assert.ok(shots[0].equals(shots[1]), `DPR ${dpr}: the same pixels drawn in runs and one by one`);
  }
});

// A device without a CJK font (simulated: its "国" does not come out one em wide, as where it is
// a missing-glyph box), opening the rare names' city.
async function rareCityWithoutCjkFont(p, body) {
  await p.addInitScript(() => {
    const measure = CanvasRenderingContext2D.prototype.measureText;
    CanvasRenderingContext2D.prototype.measureText = function (text) {
      const m = measure.call(this, text);
      return text === '\u56fd' ? { width: m.width / 2, fontBoundingBoxAscent: m.fontBoundingBoxAscent, fontBoundingBoxDescent: m.fontBoundingBoxDescent } : m;
    };
  });
  await p.route('**/data/rare.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
}

// The last resort: no CJK system font (simulated: rareCityWithoutCjkFont) and no font file (both fail, as offline
// before they were cached). The page says the font could not be loaded (on such a device the
// browser's own CJK glyphs would be boxes), and behind it the browser draws every glyph, Latin
// too (the web build has no built-in font of ImGui's), at the three sizes: nothing is "?".
test('without a CJK system font or a font file, the browser draws every glyph', async () => {
  const body = rareNamesCity();
  const { page, errors, context } = await openApp(env, {
    viewport: VIEWPORTS.phone, dpr: 3, touch: true, path: '?data=data/rare.json',
    route: async (p) => {
      await rareCityWithoutCjkFont(p, body);
      await p.route('**/assets/*.otf', (r) => r.fulfill({ status: 404, body: '' }));
    },
  });
  await settle(page);
  assert.ok(await page.evaluate(() => performance.getEntriesByName(location.origin + '/assets/ui-font.otf').length > 0), 'the font file was asked for');
  const fonts = await page.evaluate(() => window.jcmFonts);
  assert.equal(fonts.missing, 0, 'every character has a glyph');
  // As many as where the system's fonts draw every character of the same page (ASCII included;
  // ImGui's built-in font, before, left the browser only the characters beyond Latin-1).
  const withSystemFont = await openApp(env, {
    viewport: VIEWPORTS.phone, dpr: 3, touch: true, path: '?data=data/rare.json',
    route: (p) => p.route('**/data/rare.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body })),
  });
  await settle(withSystemFont.page);
  const all = (await withSystemFont.page.evaluate(() => window.jcmFonts)).drawn;
  await withSystemFont.context.close();
  assert.ok(all > 100 && fonts.drawn === all, `all of them drawn by the browser, Latin too: ${fonts.drawn} of ${all}`);
  assert.match(await page.locator('#error-panel:not([hidden])').innerText(),
    /The font could not be loaded[\s\S]*404[\s\S]*English is not affected/);
  await screenshot(page, 'portability-rare-names-no-font-notice-phone');
  assert.equal((await items(page)).find((i) => i.role === 'heading' && i.level === 1)?.name, '浉河–埇桥示例');
  // The app works behind the notice: the page offers to go on to it (focused, for a keyboard).
  const goOn = page.getByRole('button', { name: /Continue/ });
  assert.ok(await goOn.evaluate((b) => b === document.activeElement), 'Continue has the focus');
  await goOn.tap();
  await page.locator('#error-panel').waitFor({ state: 'hidden' });
  assert.ok(await page.evaluate(() => document.activeElement === document.getElementById('canvas')), 'the map has the focus');
  await screenshot(page, 'portability-rare-names-no-font-phone');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

// A device without a CJK font (simulated: its "国" does not come out one em wide, as where it is
// a missing-glyph box): the app fetches its subset font, then the extended one for the GB2312
// characters the subset lacks, and the browser draws what neither has.
test('without a CJK system font the bundled fonts are fetched, and the browser draws what they lack', async () => {
  const body = rareNamesCity();
  const { page, errors, context } = await openApp(env, {
    viewport: VIEWPORTS.tabletLandscape, dpr: 2, touch: true, path: '?data=data/rare.json',
    route: async (p) => {
      await rareCityWithoutCjkFont(p, body);
    },
  });
  await page.waitForFunction(() => ['/assets/ui-font.otf', '/assets/ui-font-ext.otf']
    .every((f) => performance.getEntriesByName(location.origin + f).length > 0) && window.jcmFonts && window.jcmFonts.missing === 0,
  null, { timeout: 20000 });
  await settle(page);
  const fonts = await page.evaluate(() => window.jcmFonts);
  assert.equal(fonts.missing, 0, 'every character has a glyph');
  assert.ok(fonts.drawn >= 2 && fonts.drawn < 20, `浉 and 埇 (and only the few the fonts lack) are drawn by the browser: ${JSON.stringify(fonts)}`);
  await checkRareNames(page, 'portability-rare-names-bundled-fonts');
  assert.deepEqual(errors, []);
  await context.close();
});
