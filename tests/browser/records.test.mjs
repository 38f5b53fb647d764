// records.test.mjs: officials recording progress without a server: a record survives a reload
// (IndexedDB), is marked local, can be reverted; export → validate → import round-trips; the
// goals export as CSV with a BOM; an invalid or oversized import changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openApp, settle, screenshot, a11ySummary, waitForMark, ROOT, VIEWPORTS } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// Desktop 1280x800 positions (the header's right-hand buttons, the data menu's items, the first
// goal's "record progress" link in 泗水县's detail, and the dialog's controls).
const DATA_MENU = { x: 1100, y: 27 };
const MENU = { import: 78, exportJson: 151, exportCsv: 195, exportPng: 239 };
const RECORD_FIRST_GOAL = { x: 994, y: 636 };
const CHIP_RED = { x: 655, y: 249 };
const SAVE = { x: 823, y: 413 };

async function menu(page, item) {
  await page.mouse.click(DATA_MENU.x, DATA_MENU.y);
  await settle(page);
  await page.mouse.click(1180, MENU[item]);
}

async function recordRed(page, note) {
  await page.mouse.click(RECORD_FIRST_GOAL.x, RECORD_FIRST_GOAL.y);
  await settle(page);
  await page.mouse.click(CHIP_RED.x, CHIP_RED.y);
  await page.click('#text-overlay');
  await page.keyboard.type(note);
  await settle(page);
  await screenshot(page, 'records-dialog');
  await page.mouse.click(SAVE.x, SAVE.y);
  await settle(page);
}

test('a recorded report is marked local, survives a reload, and can be reverted', async () => {
  const { page, errors, context } = await openApp(env, { path: '#area=370831' });
  await settle(page);
  await recordRed(page, '进度滞后');
  let summary = await a11ySummary(page);
  assert.match(summary, /严重滞后/, summary.slice(0, 300));
  await screenshot(page, 'records-after-save');

  await page.reload();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page, 600);
  summary = await a11ySummary(page);
  assert.match(summary, /严重滞后/, 'the record is still there after a reload');
  await screenshot(page, 'records-after-reload');

  assert.match(summary, /1 条本地进展记录尚未发布/);

  // "全部撤销" sits in the local-records bar under the search field: find it along that row.
  for (let x = 860; x < 1270 && /严重滞后/.test(await a11ySummary(page)); x += 24) {
    await page.mouse.click(x, 56 + 12 + 40 + 8 + 44);
    await settle(page, 120);
  }
  summary = await a11ySummary(page);
  assert.doesNotMatch(summary, /严重滞后/, 'reverted');
  assert.doesNotMatch(summary, /本地进展记录/);
  await page.reload();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page, 600);
  assert.doesNotMatch(await a11ySummary(page), /严重滞后/, 'the revert was saved too');
  assert.deepEqual(errors.filter((e) => !/download/i.test(e)), []);
  await context.close();
});

test('export → validate → import gives back the same data; CSV has a BOM', async () => {
  const { page, errors, context } = await openApp(env, { path: '#area=370831' });
  await settle(page);
  await recordRed(page, 'export me');
  const dir = mkdtempSync(join(tmpdir(), 'jcm-export-'));

  const [json] = await Promise.all([page.waitForEvent('download'), menu(page, 'exportJson')]);
  const jsonPath = join(dir, json.suggestedFilename());
  await json.saveAs(jsonPath);
  const exported = readFileSync(jsonPath, 'utf8');
  assert.match(exported, /"status": "red"/);

  const validator = join(ROOT, 'build/native/jcm-validate');
  assert.ok(existsSync(validator), 'the native validator is built by the unit tests first');
  execFileSync(validator, [jsonPath], { stdio: 'pipe' });  // throws on exit code != 0

  const [csv] = await Promise.all([page.waitForEvent('download'), menu(page, 'exportCsv')]);
  const csvPath = join(dir, csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel and WPS');
  assert.match(bytes.toString('utf8'), /\r\n/);

  const [png] = await Promise.all([page.waitForEvent('download'), menu(page, 'exportPng')]);
  const pngPath = join(dir, png.suggestedFilename());
  await png.saveAs(pngPath);
  const pngBytes = readFileSync(pngPath);
  assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(pngBytes.length > 20000, `the PNG holds the picture (${pngBytes.length} bytes)`);

  // Import the exported file in a fresh browser profile: the data (with the record) comes back.
  const fresh = await openApp(env, { path: '#area=370831' });
  const [chooser] = await Promise.all([fresh.page.waitForEvent('filechooser'), menu(fresh.page, 'import')]);
  await chooser.setFiles(jsonPath);
  await waitForMark(fresh.page, 'app:data-imported');
  await settle(fresh.page);
  assert.match(await a11ySummary(fresh.page), /严重滞后/);
  const [again] = await Promise.all([fresh.page.waitForEvent('download'), menu(fresh.page, 'exportJson')]);
  const againPath = join(dir, 'again.json');
  await again.saveAs(againPath);
  assert.equal(readFileSync(againPath, 'utf8'), exported, 'export → import → export is byte-identical');
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  await context.close();
});

test('an invalid import shows the problems and changes nothing; an oversized one is refused unread', async () => {
  const { page, errors, context } = await openApp(env, { path: '#area=370831' });
  await settle(page);
  const before = await a11ySummary(page);
  const dir = mkdtempSync(join(tmpdir(), 'jcm-import-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"schema_version": 1, "id": }');
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'import')]);
  await chooser.setFiles(bad);
  await settle(page, 500);
  let summary = await a11ySummary(page);
  assert.match(summary, /bad\.json/);
  assert.ok(summary.includes(before.split('\n')[1]), 'the area shown before is still shown');
  await screenshot(page, 'records-invalid-import');

  const huge = join(dir, 'huge.json');
  writeFileSync(huge, Buffer.alloc(17 * 1024 * 1024, 0x20));
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'import')]);
  await chooser.setFiles(huge);
  await settle(page, 500);
  summary = await a11ySummary(page);
  assert.match(summary, /huge\.json/);
  assert.match(summary, /too large|过大/);
  assert.deepEqual(errors, []);
  await context.close();
});
