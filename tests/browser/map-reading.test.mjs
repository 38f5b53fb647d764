// map-reading.test.mjs: what the map says and where it lets a person go, at the four sizes in
// both languages (phone and tablets by touch at DPR 2-3, desktop by mouse):
// - every area is named on the map at the fitted view, in legible type, no label covering another
//   or a zone's marker (labels are recorded as decorative text items, src/ui/view_map.cpp);
// - in the targets mode an area with goals but no targets is in its own legend class "0 (other
//   goals reported)", drawn in that class's colour, not as "no goals reported"; under a filter an
//   area whose goals are all filtered out says "none under the filters";
// - the map stays findable: a long drag cannot take it off screen, zoom stops a little beyond the
//   fit and where the smallest area fills the view (the zoom button then says it is disabled), and
//   labels stay at every step;
// - the keyboard follows the pointer: a click or tap on the map gives the canvas the focus, so L,
//   ? and Esc work; the first Tab shows a focus ring; Tab past the last area and Shift+Tab before
//   the first leave the canvas (no keyboard trap);
// - small things: "1 quantified target" (plural rules), and a selected area keeps its fill colour.
// The first two parts run at every size in both languages. The last two depend on the language only
// through the names of the controls they press, and on the size only through the map's region, and
// they cost most of the time (every drag step and zoom is a software-rendered frame at DPR 2-3), so
// they run on the phone by touch in English and on the desktop by mouse in Chinese: both languages
// and both kinds of pointer stay covered (the tablets' touch is the phone's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, settle, control, press, items, saveScreenshot, decodePng, SIZES } from './harness.mjs';
import { DATA, mapItems, fillColour } from './geo.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const L = {
  zh: {
    path: '', map: '地图', areas: '地图上的区域', zoomIn: '放大', zoomOut: '缩小', reset: '复位', targets: '指标',
    goals: '目标', zero: '0（有其他目标）', none: '未报告目标', underFilters: '筛选后无目标', filters: /^筛选/,
    help: '键盘操作', other: 'English', oneTarget: '1 个量化指标', back: '返回全市概况',
  },
  en: {
    path: '#lang=en', map: 'Map', areas: 'Areas on the map', zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Reset view',
    targets: 'Targets', goals: 'Goals', zero: '0 (has other goals)', none: 'No goals reported',
    underFilters: 'none under the filters', filters: /^Filters/, help: 'Keyboard', other: '中文', oneTarget: '1 quantified target',
    back: 'Back to city overview',
  },
};
const QUFU = '370881', ZOUCHENG = '370883', YANZHOU = '370812', RENCHENG = '370811', LIANGSHAN = '370832';
const area = (id) => DATA.areas.find((a) => a.id === id);
const name = (id, lang) => area(id).name[lang];
const GENERIC = ['County', 'District', 'City', 'Prefecture'];
// The names a label of the area may show: its name, and in English the short form without a
// trailing generic word ("Qufu" for "Qufu City").
function labelForms(a, lang) {
  if (a.label && a.label[lang]) return [a.label[lang]];  // the data's shorter name for the map
  const full = a.name[lang], sp = full.lastIndexOf(' ');
  return lang === 'en' && sp > 0 && GENERIC.includes(full.slice(sp + 1)) ? [full, full.slice(0, sp)] : [full];
}
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (r, box) => r.x >= box.x - 0.5 && r.y >= box.y - 0.5 && r.x + r.width <= box.x + box.width + 0.5 && r.y + r.height <= box.y + box.height + 0.5;
const colourDiff = (p, q) => Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
// A screenshot in CSS pixels (decoding a DPR-3 one would take seconds), decoded.
const shot = async (page) => decodePng(await page.screenshot({ scale: 'css' }));

// The map's region, its labels (decorative text items inside it) and its area items.
async function mapState(page, lang) {
  const all = await items(page);
  const region = all.find((i) => i.role === 'region' && i.name === L[lang].map);
  assert.ok(region, 'the map region is recorded');
  const within = (i) => { for (let p = i.parent; p >= 0; p = all[p].parent) if (p === region.index) return true; return false; };
  const labels = all.filter((i) => i.role === 'text' && i.decorative && within(i));
  return { all, region: region.rect, labels };
}

// Finds the label of each area; says which have none.
function labelled(labels, lang) {
  const found = new Map(), missing = [];
  for (const a of DATA.areas) {
    const forms = labelForms(a, lang);
    const l = labels.find((x) => forms.includes(x.name));
    if (l) found.set(a.id, l); else missing.push(a.name[lang]);
  }
  return { found, missing };
}

// One finger from (x, y) moved by (dx, dy) in `steps`, then lifted (CDP touch events).
async function drag(page, cdp, x, y, dx, dy, steps = 3) {
  if (cdp) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + dy, { steps });
    await page.mouse.up();
  }
  await settle(page);
}

for (const [sizeIndex, size] of SIZES.entries()) {
  for (const lang of ['zh', 'en']) {
    const s = L[lang], tag = `${lang}-${size.vp.width}x${size.vp.height}`;
    const moves = (sizeIndex === 0 && lang === 'en') || (sizeIndex === SIZES.length - 1 && lang === 'zh'); // the findable and focus parts
    test(`map ${tag}${size.touch ? ' (touch)' : ''}: every area named; the zero class${moves ? '; the map stays findable; focus follows the pointer' : ''}`, async () => {
      const app = await openApp(env, { viewport: size.vp, dpr: size.dpr, touch: size.touch, path: s.path });
      const { page, errors, context } = app;
      const tap = (loc) => press(page, loc, { touch: size.touch });
      const cdp = size.touch ? await context.newCDPSession(page) : null;
      try {
        await settle(page);
        await saveScreenshot(page, `map-reading-${tag}`);

        // ---- every area named, legibly, nothing covering anything ----
        const fit = await mapState(page, lang);
        const { found, missing } = labelled(fit.labels, lang);
        const zones = DATA.areas.filter((a) => a.marker);
        const markers = (await mapItems(page, lang)).filter((i) => zones.some((a) => i.name.startsWith(a.name[lang] + ' · ')));
        assert.equal(markers.length, zones.length, 'every zone marker is on the map');
        assert.deepEqual(missing, [], `every area is named on the map at ${tag}`);
        for (const l of fit.labels) {
          assert.ok(inside(l.rect, fit.region), `the label ${l.name} lies inside the map`);
          assert.ok(l.rect.height >= 11, `the label ${l.name} is legible (${l.rect.height} px high)`);
          for (const o of fit.labels) if (o !== l) assert.ok(!overlap(l.rect, o.rect), `labels ${l.name} and ${o.name} overlap`);
          for (const m of markers) assert.ok(!overlap(l.rect, m.rect), `the label ${l.name} covers the marker of ${m.name}`);
        }
        // ... nor under the legend (its rows, as the mirror gives them).
        const legendRows = (await items(page)).filter((i, _, all) => i.role === 'listitem' && all[i.parent]?.role === 'list' && all[i.parent].name === s.goals);
        assert.ok(legendRows.length >= 2, `the goals legend has rows: ${legendRows.map((i) => i.name)}`);
        for (const l of fit.labels) for (const r of legendRows) assert.ok(!overlap(l.rect, r.rect), `the label ${l.name} lies under the legend row ${r.name}`);

        // ---- the zero class in the targets mode ----
        const hasTargets = (id) => DATA.goals.some((g) => g.area === id && g.target);
        const hasGoals = (id) => DATA.goals.some((g) => g.area === id);
        await tap(control(page, 'button', s.targets));
        const legend = (await items(page)).filter((i, _, all) => i.role === 'listitem' && all[i.parent]?.role === 'list' && all[i.parent].name === s.targets);
        const zero = legend.find((i) => i.name === s.zero), none = legend.find((i) => i.name === s.none);
        assert.ok(zero && none, `the targets legend has "${s.zero}" and "${s.none}": ${legend.map((i) => i.name)}`);
        assert.ok(legend.indexOf(zero) < legend.indexOf(none), 'the zero class comes before "no goals reported"');
        const img = await shot(page);
        // A swatch is drawn at the left end of its legend row.
        const swatch = (i) => fillColour(img, { x: i.rect.x + 2, y: i.rect.y + 5, width: 8, height: Math.max(2, i.rect.height - 10) });
        const zeroColour = swatch(zero), noneColour = swatch(none);
        assert.ok(colourDiff(zeroColour, noneColour) > 30, `the two classes look different (${zeroColour} / ${noneColour})`);
        const areasNow = await mapItems(page, lang);
        const itemOf = (id) => areasNow.find((i) => i.name.startsWith(name(id, lang) + ' · '));
        for (const id of [ZOUCHENG, YANZHOU]) {
          assert.ok(hasGoals(id) && !hasTargets(id), `${id}: goals but no targets in the data`);
          const c = fillColour(img, itemOf(id).rect);
          assert.ok(colourDiff(c, zeroColour) < 16, `${name(id, lang)} is drawn in the zero class (${c} vs ${zeroColour})`);
        }
        const lc = fillColour(img, itemOf(LIANGSHAN).rect);
        assert.ok(!hasGoals(LIANGSHAN) && colourDiff(lc, noneColour) < 16, `${name(LIANGSHAN, lang)} is "no goals reported" (${lc} vs ${noneColour})`);
        const qc = fillColour(img, itemOf(QUFU).rect);
        assert.ok(colourDiff(qc, zeroColour) > 30 && colourDiff(qc, noneColour) > 30, `${name(QUFU, lang)} has targets: a scale colour (${qc})`);
        await saveScreenshot(page, `map-reading-targets-${tag}`);
        await tap(control(page, 'button', s.goals));

        // ---- under a filter, "none under the filters" for an area whose goals are all hidden ----
        const cat = DATA.categories.find((c) => c.id === 'key-projects');
        assert.ok(!DATA.goals.some((g) => g.area === ZOUCHENG && g.category === cat.id), 'Zoucheng has no key projects');
        await tap(control(page, 'button', s.filters));
        await tap(control(page, 'button', cat.name[lang]));
        const filtered = await mapItems(page, lang);
        const says = (id) => filtered.find((i) => i.name.startsWith(name(id, lang) + ' · ')).name;
        assert.match(says(ZOUCHENG), new RegExp(`${s.underFilters}$`), 'an area with goals, none under the filter');
        assert.match(says(RENCHENG), new RegExp(`${s.none}$`), 'an area without any goal');
        const texts = (await items(page)).map((i) => i.name);
        assert.ok(!texts.some((t) => t.startsWith(name(ZOUCHENG, lang)) && t.endsWith(s.none)), `nothing says ${name(ZOUCHENG, lang)}: ${s.none}`);
        await tap(control(page, 'button', cat.name[lang]));
        await tap(control(page, 'button', s.filters));

        if (!moves) { assert.deepEqual(errors, []); return; }

        // ---- the map stays findable ----
        const onMap = async () => (await mapItems(page, lang)).filter((i) => !i.offscreen).length;
        const c = { x: fit.region.x + fit.region.width / 2, y: fit.region.y + fit.region.height / 2 };
        const far = Math.max(size.vp.width, size.vp.height) * 1.5;
        for (const [dx, dy] of [[far, 0], [-far, -far / 2], [0, far]]) {
          // From the middle of the map, several long drags the same way.
          for (let k = 0; k < 3; k++) await drag(page, cdp, c.x, c.y, Math.sign(dx) * Math.min(Math.abs(dx) / 3, fit.region.width / 2 - 8), Math.sign(dy) * Math.min(Math.abs(dy) / 3, fit.region.height / 2 - 8));
          assert.ok(await onMap() > 0, `after dragging by (${dx}, ${dy}) some of the map is still on screen`);
        }
        await tap(control(page, 'button', s.reset));
        assert.equal(await onMap(), DATA.areas.length, 'reset brings every area back');

        const zoomOut = control(page, 'button', s.zoomOut), zoomIn = control(page, 'button', s.zoomIn);
        const disabled = async (loc) => (await loc.getAttribute('aria-disabled')) === 'true';
        assert.ok(!(await disabled(zoomOut)) && !(await disabled(zoomIn)), 'at the fit both zoom buttons work');
        let presses = 0;
        while (!(await disabled(zoomOut)) && presses < 6) { await tap(zoomOut); presses++; }
        assert.ok(await disabled(zoomOut), `zooming out stops (still possible after ${presses} presses)`);
        assert.ok(presses <= 2, `zoom out stops a little beyond the fit (${presses} presses)`);
        assert.equal(await onMap(), DATA.areas.length, 'zoomed out fully, every area is on screen');
        assert.ok((await mapState(page, lang)).labels.length >= found.size - 2, 'and (nearly all) named');
        await tap(control(page, 'button', s.reset));
        presses = 0;
        while (!(await disabled(zoomIn)) && presses < 16) {
          await tap(zoomIn);
          presses++;
          const now = await mapState(page, lang);
          assert.ok(now.labels.some((l) => inside(l.rect, now.region)), `a label is on the map after ${presses} zoom-ins`);
        }
        assert.ok(await disabled(zoomIn), `zooming in stops (still possible after ${presses} presses)`);
        await saveScreenshot(page, `map-reading-zoomed-${tag}`);
        await tap(control(page, 'button', s.reset));

        // ---- focus follows the pointer; the keyboard is never trapped in the canvas ----
        await page.evaluate(() => document.activeElement && document.activeElement.blur());
        const before = await shot(page);
        const qufuItem = (await mapItems(page, lang)).find((i) => i.name.startsWith(name(QUFU, lang) + ' · '));
        const fill0 = fillColour(before, qufuItem.rect);
        await tap(page.locator('#a11y-tree').getByRole('list', { name: s.areas, exact: true })
          .getByRole('button', { name: new RegExp(`^${name(QUFU, lang)} · `) }));
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'canvas', `a ${size.touch ? 'tap' : 'click'} on the map focuses the canvas`);
        const outline = () => page.evaluate(() => getComputedStyle(document.getElementById('canvas')).outlineStyle);
        assert.equal(await outline(), 'none', 'no focus ring after a pointer');
        // The selected area keeps its fill (an outline marks it), and its detail counts in the right plural.
        const fill1 = fillColour(await shot(page), qufuItem.rect);
        assert.ok(colourDiff(fill0, fill1) < 16, `the selected area keeps its fill (${fill0} -> ${fill1})`);
        const detail = (await items(page)).map((i) => i.name);
        assert.ok(detail.some((t) => t.includes(s.oneTarget) && !t.includes(s.oneTarget + 's')), `"${s.oneTarget}" in the detail of ${name(QUFU, lang)}`);
        await page.keyboard.press('l');
        await settle(page);
        await control(page, 'button', L[lang === 'zh' ? 'en' : 'zh'].other).waitFor({ state: 'attached', timeout: 5000 });
        await page.keyboard.press('l');
        await settle(page);
        await control(page, 'button', s.other).waitFor({ state: 'attached', timeout: 5000 });
        await page.keyboard.press('?');
        await settle(page);
        await page.locator('#a11y-tree').getByRole('dialog', { name: s.help }).waitFor({ state: 'attached', timeout: 5000 });
        await page.keyboard.press('Escape');
        await settle(page);
        assert.equal(await page.locator('#a11y-tree').getByRole('dialog', { name: s.help }).count(), 0, 'Esc closes the help');
        await page.keyboard.press('Escape');
        await settle(page);
        assert.equal((await mapItems(page, lang)).filter((i) => i.selected).length, 0, 'Esc goes back to the overview');

        await page.keyboard.press('Tab');
        await settle(page);
        assert.equal(await outline(), 'solid', 'the first Tab shows the focus ring');
        assert.equal((await mapItems(page, lang)).filter((i) => i.selected).length, 1, 'Tab selects an area');
        let tabs = 1;
        while (await page.evaluate(() => document.activeElement?.id === 'canvas') && tabs < DATA.areas.length + 2) {
          await page.keyboard.press('Tab');
          await settle(page);
          tabs++;
        }
        assert.equal(tabs, DATA.areas.length + 1, 'Tab walks every area, then leaves the canvas');
        assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#a11y-tree')), 'focus moved to the page\'s next control');
        await page.focus('#canvas');
        await page.keyboard.press('Shift+Tab');
        await settle(page);
        let back = 1;
        while (await page.evaluate(() => document.activeElement?.id === 'canvas') && back < DATA.areas.length + 2) {
          await page.keyboard.press('Shift+Tab');
          await settle(page);
          back++;
        }
        assert.ok(back <= DATA.areas.length + 1, 'Shift+Tab leaves the canvas too');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}
