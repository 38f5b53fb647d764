// coordination.test.mjs: officials beyond one device. Two tablets (two browser contexts, each its
// own storage) record different reports with their authors, export, and each merges the other's
// file: both end with every report, once. A conflict (same goal, same day, different reports) is
// shown side by side on a phone, in English, and the chosen side wins; a merge can be undone. The
// printed briefing is generated, printed to PDF by Chromium (page.pdf), and its text and pages
// are checked. Controls are found by role and name in the semantics mirror (#a11y-tree).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openApp, settle, screenshot, fileChooser, items, control, press, truncated, SHOTS, SITE, VIEWPORTS } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const AREA = '370831';  // 泗水县
const dir = mkdtempSync(join(tmpdir(), 'jcm-coordination-'));

const L = {
  zh: { record: '记录进展', save: '保存', author: '填报人', menu: '数据', exportJson: '导出数据（JSON，含本地记录）',
    merge: '合并其他设备的记录…', mergeDialog: '合并记录', doMerge: '合并', undo: '撤销合并', print: '打印简报' },
  en: { record: 'Record progress', save: 'Save', author: 'Reported by', menu: 'Data', exportJson: 'Export data (JSON, with local records)',
    merge: 'Merge records from another device...', mergeDialog: 'Merge records', doMerge: 'Merge', undo: 'Undo merge', print: 'Print briefing' },
};

// The goals of the open area's detail that can be recorded: their titles, in order.
async function goalTitles(page, t) {
  const all = await items(page);
  return all.filter((i) => i.role === 'listitem' && all.some((c) => c.parent === i.index && c.role === 'button' && c.name === t.record))
    .map((li) => all.find((c) => c.parent === li.index && c.role === 'text').name);
}

// The texts the app recorded inside a goal's list item.
async function goalTexts(page, t, title) {
  const all = await items(page);
  const li = all.find((i) => i.role === 'listitem' && all.some((c) => c.parent === i.index && c.role === 'text' && c.name === title) &&
    all.some((c) => c.parent === i.index && c.role === 'button' && c.name === t.record));
  assert.ok(li, `the goal "${title}" is listed`);
  return all.filter((c) => c.parent === li.index && c.role === 'text').map((c) => c.name);
}

function goalButton(page, t, title) {
  return page.locator('#a11y-tree [role=listitem]')
    .filter({ has: page.locator('p', { hasText: title }) })
    .filter({ has: page.getByRole('button', { name: t.record, exact: true }) })
    .first().getByRole('button', { name: t.record, exact: true });
}

// Records a report by finger or mouse: status, then the author (the field is a button until the
// page's one input moves to it), Save.
async function record(page, t, { title, status, author, touch = false }) {
  await press(page, goalButton(page, t, title), { touch });
  await control(page, 'dialog', t.record).waitFor();
  await press(page, control(page, 'button', status), { touch });
  if (author !== undefined) {
    const field = page.locator('#a11y-tree').getByRole('button', { name: new RegExp(`^${t.author}`) });
    await press(page, field, { touch });
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-overlay');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(author);
    await settle(page);
    assert.equal(await page.inputValue('#text-overlay'), author, 'the input edits the author now');
  }
  await press(page, control(page, 'button', t.save), { touch });
  await control(page, 'dialog', t.record).waitFor({ state: 'detached' });
}

async function menu(page, t, item, touch = false) {
  await press(page, control(page, 'button', t.menu), { touch });
  await control(page, 'menu', t.menu).waitFor();
  await press(page, control(page, 'menuitem', item), { touch });
}

async function exportTo(page, t, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), menu(page, t, t.exportJson)]);
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

async function mergeFile(page, t, path, touch = false) {
  const chooser = await fileChooser(page, () => menu(page, t, t.merge, touch));
  await chooser.setFiles(path);
  const dialog = control(page, 'dialog', t.mergeDialog);
  await dialog.waitFor();
  await settle(page);
  return dialog;
}

// The progress reports of an exported file, as "goal|date|status|author" lines, sorted.
function reportsOf(path) {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  return data.goals.flatMap((g) => (g.progress || []).map((r) => `${g.id}|${r.date}|${r.status}|${r.author || ''}`)).sort();
}

const toastSays = (page, text) => page.waitForFunction((s) => (window.jcmSemantics ? window.jcmSemantics() : [])
  .some((i) => i.role === 'dialog' && i.name === s), text, { timeout: 15000 });

test('two tablets record, export, and each merges the other: both end with every report, once; a merge can be undone', async () => {
  const t = L.zh;
  const a = await openApp(env, { path: `#area=${AREA}`, viewport: VIEWPORTS.tabletLandscape, dpr: 2, touch: true });
  const b = await openApp(env, { path: `#area=${AREA}`, viewport: VIEWPORTS.tabletPortrait, dpr: 2, touch: true });
  await settle(a.page);
  await settle(b.page);
  const [first, second] = await goalTitles(a.page, t);
  assert.ok(first && second, 'the area has two goals to record');

  await record(a.page, t, { title: first, status: '存在风险', author: '王明', touch: true });
  await record(b.page, t, { title: second, status: '已完成', author: '李华', touch: true });
  const shown = await goalTexts(a.page, t, first);
  assert.ok(shown.some((s) => /^已报告 \d{4}-\d{2}-\d{2} · 填报人 王明$/.test(s)), `the report shows its author: ${shown}`);
  await screenshot(a.page, 'coordination-tablet-author');

  const fileA = await exportTo(a.page, t, 'tablet-a.json');
  const fileB = await exportTo(b.page, t, 'tablet-b.json');
  assert.match(readFileSync(fileA, 'utf8'), /"author": "王明"/, 'the export carries the author');

  // A merges B's file: one new report from one author; nothing changes before "合并".
  let dialog = await mergeFile(a.page, t, fileB, true);
  const said = (await dialog.locator('p').allTextContents()).join('\n');
  assert.match(said, /1 条新记录（来自 1 位填报人）/, `the summary: ${said}`);
  assert.match(said, /填报人 李华/);
  assert.deepEqual(await truncated(a.page), []);
  await screenshot(a.page, 'coordination-merge-dialog-tablet');
  assert.ok((await goalTexts(a.page, t, second)).some((s) => s.endsWith(' · 暂无报告')), 'not merged yet');
  await press(a.page, control(a.page, 'button', t.doMerge), { touch: true });
  await dialog.waitFor({ state: 'detached' });
  await toastSays(a.page, '已合并 1 条记录');
  let texts = await goalTexts(a.page, t, second);
  assert.ok(texts.some((s) => s.endsWith(' · 已完成')), `merged: ${texts}`);
  assert.ok(texts.some((s) => / · 填报人 李华$/.test(s)), `with its author: ${texts}`);

  // Undo restores what A had; merging again brings it back.
  await press(a.page, control(a.page, 'button', t.undo), { touch: true });
  await toastSays(a.page, '已撤销合并');
  texts = await goalTexts(a.page, t, second);
  assert.ok(texts.some((s) => s.endsWith(' · 暂无报告')), `undone: ${texts}`);
  assert.equal(await control(a.page, 'button', t.undo).count(), 0, 'nothing left to undo');
  dialog = await mergeFile(a.page, t, fileB, true);
  await press(a.page, control(a.page, 'button', t.doMerge), { touch: true });
  await dialog.waitFor({ state: 'detached' });

  // B merges A's file.
  dialog = await mergeFile(b.page, t, fileA, true);
  assert.match((await dialog.locator('p').allTextContents()).join('\n'), /1 条新记录（来自 1 位填报人）/);
  await press(b.page, control(b.page, 'button', t.doMerge), { touch: true });
  await dialog.waitFor({ state: 'detached' });

  // Both now hold the same two reports, once each.
  const mergedA = reportsOf(await exportTo(a.page, t, 'merged-a.json'));
  const mergedB = reportsOf(await exportTo(b.page, t, 'merged-b.json'));
  assert.equal(mergedA.length, 2, `two reports: ${mergedA}`);
  assert.deepEqual(mergedA, mergedB);
  assert.ok(mergedA.some((r) => r.endsWith('|yellow|王明')) && mergedA.some((r) => r.endsWith('|done|李华')));

  // The same file again has nothing new.
  const chooser = await fileChooser(a.page, () => menu(a.page, t, t.merge, true));
  await chooser.setFiles(fileB);
  await toastSays(a.page, 'tablet-b.json 中没有新的记录（1 条已有）');
  assert.equal(await control(a.page, 'dialog', t.mergeDialog).count(), 0);
  assert.deepEqual(a.errors.filter((e) => !/download/i.test(e)), []);
  assert.deepEqual(b.errors.filter((e) => !/download/i.test(e)), []);
  await a.context.close();
  await b.context.close();
});

test('a conflict is shown side by side on a phone in English, and the chosen side wins', async () => {
  const t = L.en;
  const opts = { path: `#area=${AREA}&lang=en`, viewport: VIEWPORTS.phone, dpr: 3, touch: true };
  const a = await openApp(env, opts);
  const b = await openApp(env, opts);
  await settle(a.page);
  await settle(b.page);
  // The detail is in the sheet; pull it up to read the goals.
  const [goal] = await goalTitles(a.page, t);
  await record(a.page, t, { title: goal, status: 'On track', author: 'Wang Ming', touch: true });
  await record(b.page, t, { title: goal, status: 'Off track', author: 'Li Hua', touch: true });
  const fileB = await exportTo(b.page, t, 'phone-b.json');

  const dialog = await mergeFile(a.page, t, fileB, true);
  const said = (await dialog.locator('p').allTextContents()).join('\n');
  assert.match(said, /^1 conflict from 1 author$/m, `the summary: ${said}`);
  assert.match(said, /This device/);
  assert.match(said, /Imported file/);
  assert.match(said, /On track · Reported by Wang Ming/);
  assert.match(said, /Off track · Reported by Li Hua/);
  const keep = control(a.page, 'button', "Keep this device's"), take = control(a.page, 'button', 'Take the imported');
  assert.equal(await keep.getAttribute('aria-pressed'), 'true', "this device's report is kept unless chosen otherwise");
  assert.equal(await take.getAttribute('aria-pressed'), 'false');
  await press(a.page, take, { touch: true });
  assert.equal(await take.getAttribute('aria-pressed'), 'true');
  assert.equal(await keep.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await truncated(a.page), []);
  await screenshot(a.page, 'coordination-conflict-phone-en');
  await press(a.page, control(a.page, 'button', t.doMerge), { touch: true });
  await dialog.waitFor({ state: 'detached' });
  await toastSays(a.page, 'Merged 1 report');
  const texts = await goalTexts(a.page, t, goal);
  assert.ok(texts.some((s) => s.endsWith(' · Off track')), `the imported side won: ${texts}`);
  assert.ok(texts.some((s) => / by Li Hua$/.test(s)), `by its author: ${texts}`);
  assert.deepEqual(a.errors.filter((e) => !/download/i.test(e)), []);
  await a.context.close();
  await b.context.close();
});

// ---- the printed briefing -----------------------------------------------------------------------

// Chromium writes a PDF's text with the font's first code point for each glyph, and Noto Sans
// CJK shares glyphs between radicals and ideographs: 工 comes out as the Kangxi radical ⼯ (NFKC
// maps those back) and 鱼 as the radical-supplement ⻥ (no Unicode mapping: this table).
const RADICALS = { '⻓': '长', '⻔': '门', '⻢': '马', '⻥': '鱼', '⻦': '鸟', '⻋': '车', '⻅': '见', '⻆': '角', '⻉': '贝',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻄': '西', '⻘': '青' };
const ideographs = (s) => s.normalize('NFKC').replace(/[\u2e80-\u2eff]/gu, (c) => RADICALS[c] || c);

// The text of each page of a PDF (pdf.js, no rendering), and each page rendered to PNG.
async function readPdf(bytes, pngPrefix) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; ++n) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const view = page.getViewport({ scale: 1 });
    pages.push({ text: content.items.map((i) => i.str).join(''), width: view.width, height: view.height });
    if (pngPrefix && n <= 2) {
      const { createCanvas } = await import('@napi-rs/canvas');
      const vp = page.getViewport({ scale: 1.5 });
      const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport: vp }).promise;
      writeFileSync(join(SHOTS, `${pngPrefix}-page${n}.png`), canvas.toBuffer('image/png'));
    }
  }
  return pages;
}

for (const lang of ['zh', 'en']) {
  test(`the briefing (${lang}) prints to A4 PDF with the map, the summary, every area and the reports`, async () => {
    const t = L[lang];
    const { page, errors, context } = await openApp(env, { path: `#area=${AREA}${lang === 'en' ? '&lang=en' : ''}` });
    await settle(page);
    const [goal] = await goalTitles(page, t);
    await record(page, t, { title: goal, status: lang === 'en' ? 'At risk' : '存在风险', author: lang === 'en' ? 'Wang Ming' : '王明' });
    // With an area shown the data menu prints that area's briefing; the city's, from the overview.
    await press(page, control(page, 'button', lang === 'en' ? 'Back to city overview' : '返回全市概况'));
    await settle(page);
    await menu(page, t, t.print);
    // The briefing is a generated document in a frame the browser prints.
    const frame = page.locator('iframe#jcm-print');
    await frame.waitFor({ state: 'attached' });
    const html = await frame.getAttribute('srcdoc');
    assert.match(html, lang === 'en' ? /<html lang="en">/ : /<html lang="zh-CN">/);

    // In the app's frame it is laid out by briefing.css, which the page's CSP lets in.
    const inFrame = page.frameLocator('iframe#jcm-print');
    await inFrame.locator('h1').waitFor({ state: 'attached' });
    assert.equal(await inFrame.locator('h1').evaluate((h) => getComputedStyle(h).fontSize), '24px', 'the briefing is styled (18pt title)');
    assert.ok(/进展简报|Progress briefing/.test(await inFrame.locator('h1').textContent()));

    // Printed by Chromium as a person's "Save as PDF" would: the same document, at the site's
    // address and under the app's CSP, with its own print CSS.
    const csp = readFileSync(join(SITE, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
    const printer = await context.newPage();
    await printer.route(env.base + 'briefing-test.html', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp } }));
    const blocked = [];
    printer.on('console', (m) => { if (m.type() === 'error') blocked.push(m.text()); });
    await printer.goto(env.base + 'briefing-test.html', { waitUntil: 'load' });
    assert.equal(await printer.locator('h1').evaluate((h) => getComputedStyle(h).fontSize), '24px');
    assert.deepEqual(blocked, [], 'nothing in the briefing is blocked by the CSP');
    await printer.emulateMedia({ media: 'print' });
    await printer.screenshot({ path: join(SHOTS, `briefing-${lang}-print-media.png`), fullPage: true });
    const pdf = await printer.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, `briefing-${lang}.pdf`), pdf);
    const pages = await readPdf(pdf, `briefing-${lang}`);
    assert.ok(pages.length >= 2, `several pages: ${pages.length}`);
    for (const p of pages) {  // A4 portrait: 595 × 842 pt
      assert.ok(Math.abs(p.width - 595.3) < 2 && Math.abs(p.height - 841.9) < 2, `an A4 page: ${p.width} × ${p.height}`);
    }
    const text = ideographs(pages.map((p) => p.text).join('\n')).replace(/\s+/g, '');
    const has = (s) => assert.ok(text.includes(ideographs(s).replace(/\s+/g, '')), `the PDF says "${s}"`);
    const areas = JSON.parse(readFileSync(join(SITE, 'data/campaign.json'), 'utf8')).areas;
    const names = areas.map((a) => a.name.zh);
    if (lang === 'zh') {  // each area named once on the map (no doubled halo text), once more for its section or the uncovered list
      const count = (s) => text.split(s).length - 1;
      for (const a of areas) {  // (on the map by its label where it has one: 高新区, besides each 济宁高新区)
        const full = ideographs(a.name.zh), onMap = ideographs((a.label && a.label.zh) || a.name.zh);
        if (onMap === full) assert.ok(count(full) >= 2, `${full} is on the map and in the text`);
        else assert.ok(count(full) >= 1 && count(onMap) >= count(full) + 1, `${full} is in the text, ${onMap} on the map`);
      }
      assert.ok(!text.includes(ideographs(names[0] + names[0])), 'map names are not printed twice');
    }
    if (lang === 'zh') {
      has('济宁重点工作“百日攻坚”');
      has('进展简报');
      has('泗水县');
      has('兖州区');
      has('报道未涉及的区域（未报告目标）');
      has('填报人王明');
      has('存在风险');
      has('原文');
    } else {
      has('Progress briefing');
      has('Sishui');
      has('Areas the report does not cover');
      has('Reported by Wang Ming');
      has('At risk');
      has('Source text');
    }
    assert.match(html, /<svg class="map"/, 'the map is drawn as vector graphics');
    assert.ok((html.match(/<path /g) || []).length >= 10, 'every area with a boundary is on the map');
    assert.ok(ideographs(pages.at(-1).text).replace(/\s+/g, '').includes(ideographs(lang === 'zh' ? '边界数据' : 'Boundaries')), 'the last page names the boundary source');
    assert.deepEqual(errors.filter((e) => !/download/i.test(e)), []);
    await context.close();
  });
}
