// records.test.mjs: officials recording progress without a server: a record survives a reload
// (IndexedDB), is marked local, can be reverted (all at once or one by one); export → validate →
// import round-trips; the goals export as CSV with a BOM; an invalid or oversized import changes
// nothing. A report can be recorded entirely by touch on a phone, and the dialog's Save works from
// the keyboard. Every control is found by role and name in the semantics mirror (#a11y-tree).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapAreaButton } from './geo.mjs';
import { setup, openApp, settle, screenshot, saveScreenshot, fileChooser, waitForMark, items, control, press, reveal, truncated, ROOT, VIEWPORTS } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const AREA = '370831';                 // 泗水县
const AREA_NAME = '泗水县';
const GOAL = '聚焦动能转换攻坚拔寨';    // its first goal in the detail (产业转型升级)

// ---- helpers ------------------------------------------------------------------------------------

// A goal's list item in the area detail: the listitem holding the goal's title and its own
// "记录进展" button (the key-projects list repeats some titles, without buttons).
function goalItem(page, title) {
  return page.locator('#a11y-tree [role=listitem]')
    .filter({ has: page.locator('p', { hasText: title }) })
    .filter({ has: page.getByRole('button', { name: '记录进展', exact: true }) })
    .first();
}

// The texts and buttons the app recorded inside the goal's list item (from the items, not pixels).
async function goalState(page, title) {
  const all = await items(page);
  const li = all.find((i) => i.role === 'listitem' &&
    all.some((c) => c.parent === i.index && c.role === 'text' && c.name === title) &&
    all.some((c) => c.parent === i.index && c.role === 'button' && c.name === '记录进展'));
  assert.ok(li, `the goal "${title}" is listed`);
  const kids = all.filter((c) => c.parent === li.index);
  return { texts: kids.filter((c) => c.role === 'text').map((c) => c.name), buttons: kids.filter((c) => c.role === 'button').map((c) => c.name) };
}

// The names of the texts directly in the panel (the local-records bar lives there).
async function panelTexts(page) {
  const all = await items(page);
  const panel = all.find((i) => i.role === 'region' && i.name === '目标看板');
  return all.filter((i) => i.parent === panel.index && i.role === 'text').map((i) => i.name);
}

const dialog = (page) => control(page, 'dialog', '记录进展');

async function openRecordDialog(page, title, opts = {}) {
  await press(page, goalItem(page, title).getByRole('button', { name: '记录进展', exact: true }), opts);
  await dialog(page).waitFor();
  assert.equal(await dialog(page).getAttribute('aria-modal'), 'true', 'the record dialog is modal');
  // It is about that goal.
  assert.ok((await dialog(page).locator('p').allTextContents()).includes(title), 'the dialog names the goal');
}

// Records a report through the dialog: status (toggle button), optional percent (checkbox + slider
// set through its mirrored range input), note (the page's own <input>), Save.
async function recordReport(page, { title = GOAL, status, percent, note, shot }) {
  await openRecordDialog(page, title);
  const chip = control(page, 'button', status);
  await press(page, chip);
  assert.equal(await chip.getAttribute('aria-pressed'), 'true', `${status} is chosen`);
  for (const other of ['正常推进', '存在风险', '严重滞后', '已完成'].filter((s) => s !== status)) {
    assert.equal(await control(page, 'button', other).getAttribute('aria-pressed'), 'false', `${other} is not chosen`);
  }
  if (percent !== undefined) {
    await press(page, control(page, 'checkbox', '填写完成度'));
    assert.equal(await control(page, 'checkbox', '填写完成度').getAttribute('aria-checked'), 'true');
    const slider = control(page, 'slider', '完成度');
    await slider.fill(String(percent));
    await settle(page);
    assert.equal((await items(page)).find((i) => i.role === 'slider' && i.name === '完成度').value, percent);
  }
  if (note !== undefined) {
    await page.click('#text-overlay');
    await page.keyboard.type(note);
    await settle(page);
    assert.equal(await page.inputValue('#text-overlay'), note);
    assert.equal(await page.$eval('#text-overlay', (e) => e.type), 'text', 'a note is a text field, not a search box');
    // Esc leaves the field and keeps what was typed (the search field's own Esc emptied it).
    await page.keyboard.press('Escape');
    await settle(page);
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'text-overlay', 'Esc leaves the field');
    assert.equal(await page.inputValue('#text-overlay'), note, 'and keeps the note');
    assert.equal(await dialog(page).count(), 1, 'the dialog stays open');
  }
  if (shot) await screenshot(page, shot);
  await press(page, control(page, 'button', '保存'));
  await dialog(page).waitFor({ state: 'detached' });
}

// Opens the header's data menu and chooses an item.
async function menu(page, item) {
  await press(page, control(page, 'button', '数据'));
  await control(page, 'menu', '数据').waitFor();
  assert.equal(await control(page, 'button', '数据').getAttribute('aria-expanded'), 'true');
  await press(page, control(page, 'menuitem', item));
}

const MENU = {
  import: '导入数据（JSON）…',
  exportJson: '导出数据（JSON，含本地记录）',
  exportCsv: '导出目标清单（CSV）',
  exportPng: '导出当前视图（PNG）',
};

// The local records as stored in IndexedDB ("jcm" / "kv", key "edits:<dataset id>"): null if none.
// (Not the undo of a bulk change, "edits-undo:<dataset id>", whose value starts with its kind.)
async function stored(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('jcm', 1);
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) { db.close(); ok(null); return; }
      const all = db.transaction('kv', 'readonly').objectStore('kv').getAll();
      all.onsuccess = () => { db.close(); ok(all.result.filter((v) => typeof v === 'string' && v.startsWith('{') && v.includes('"edits"')).join('\n') || null); };
      all.onerror = () => fail(all.error);
    };
  }));
}

async function waitForStored(page, test, what) {
  const start = Date.now();
  for (;;) {
    const value = await stored(page);
    if (test(value)) return value;
    if (Date.now() - start > 10000) assert.fail(`IndexedDB never held ${what}: ${value}`);
    await page.waitForFunction(() => true, null, { polling: 'raf' });  // next frame, then look again
  }
}

const hasRecords = (v) => v !== null && /"goal"/.test(v);

async function reload(page) {
  await page.reload();
  await waitForMark(page, 'app:first-map-frame');
  await settle(page);
}

// Waits until the goal's status line reads `status` (stored records arrive after the first frame).
async function waitForGoalStatus(page, title, status) {
  await page.waitForFunction(([t, s]) => {
    const all = window.jcmSemantics ? window.jcmSemantics() : [];
    return all.some((i) => i.role === 'text' && i.name.endsWith(' · ' + s) &&
      all.some((p) => p.role === 'text' && p.parent === i.parent && p.name === t));
  }, [title, status], { timeout: 15000 });
  await settle(page);
}

// ---- tests --------------------------------------------------------------------------------------

test('a recorded report is marked local, survives a reload, and can be reverted', async () => {
  const { page, errors, context } = await openApp(env, { path: `#area=${AREA}` });
  await settle(page);
  let goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 暂无报告'), `not reported before: ${goal.texts}`);
  assert.deepEqual(await stored(page), null, 'a fresh profile holds no records');

  await recordReport(page, { status: '严重滞后', percent: 40, note: '进度滞后', shot: 'records-dialog' });
  goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 严重滞后'), `the goal shows the new status: ${goal.texts}`);
  assert.ok(goal.texts.includes('仅存本机'), 'marked as on this device only');
  assert.ok(goal.texts.includes('进度滞后'), 'the note is shown');
  assert.ok(goal.texts.includes('完成度 40%'), `the percentage is shown: ${goal.texts}`);
  assert.ok(goal.texts.some((t) => /^已报告 \d{4}-\d{2}-\d{2}$/.test(t)), `the report's date: ${goal.texts}`);
  assert.ok(goal.buttons.includes('撤销'), 'the record can be reverted');
  assert.ok((await panelTexts(page)).includes('1 条进展记录仅存本机'), 'the panel says one record is on this device only');
  await control(page, 'button', '全部撤销').waitFor();
  await screenshot(page, 'records-after-save');

  const saved = await waitForStored(page, hasRecords, 'the record');
  assert.match(saved, /"status": ?"red"/);
  assert.match(saved, /进度滞后/);
  assert.match(saved, /"percent": ?40\b/);
  await reload(page);
  await waitForGoalStatus(page, GOAL, '严重滞后');
  goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('仅存本机'), 'still marked local after a reload');
  assert.ok(goal.texts.includes('进度滞后'), 'with its note');
  assert.ok(goal.texts.includes('完成度 40%'), 'and its percentage');
  assert.ok((await panelTexts(page)).includes('1 条进展记录仅存本机'));
  await screenshot(page, 'records-after-reload');
  // The overview dates the data by its newest report: this one.
  await press(page, control(page, 'button', '返回全市概况'));
  const dated = (await items(page)).map((i) => i.name).find((t) => t.startsWith('数据截至 '));
  assert.match(dated || '', /^数据截至 \d{4}-\d{2}-\d{2}（最新进展记录）$/, `the overview dates the data: ${dated}`);
  await press(page, page.locator('#a11y-tree').getByRole('list', { name: '地图上的区域', exact: true })
    .getByRole('button', { name: new RegExp(`^${AREA_NAME} · `) }));

  // "全部撤销" in the local-records bar reverts everything.
  await press(page, control(page, 'button', '全部撤销'));
  goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 暂无报告'), `reverted: ${goal.texts}`);
  assert.ok(!goal.texts.some((t) => /本地/.test(t)), 'no local mark left');
  assert.ok(!(await panelTexts(page)).some((t) => /本地进展记录/.test(t)), 'the local-records bar is gone');
  assert.equal(await control(page, 'button', '全部撤销').count(), 0);
  await waitForStored(page, (v) => !hasRecords(v), 'no records');
  await reload(page);
  assert.equal((await items(page)).find((i) => i.role === 'heading' && i.level === 2)?.name, AREA_NAME);
  goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 暂无报告'), `the revert was saved too: ${goal.texts}`);
  // ... and can still be taken back after the reload (a tablet's browser may discard a page left
  // in the background), once: taken, no undo is offered after the next reload.
  await press(page, control(page, 'button', '恢复已撤销的记录'));
  await waitForGoalStatus(page, GOAL, '严重滞后');
  await waitForStored(page, hasRecords, 'the record taken back');
  await reload(page);
  await waitForGoalStatus(page, GOAL, '严重滞后');
  assert.equal(await control(page, 'button', '恢复已撤销的记录').count(), 0, 'no undo once taken');
  assert.deepEqual(errors.filter((e) => !/download/i.test(e)), []);
  await context.close();
});

test('export → validate → import gives back the same data; CSV has a BOM', async () => {
  const { page, errors, context } = await openApp(env, { path: `#area=${AREA}` });
  await settle(page);
  await recordReport(page, { status: '严重滞后', note: 'export me' });
  const dir = mkdtempSync(join(tmpdir(), 'jcm-export-'));

  const [json] = await Promise.all([page.waitForEvent('download'), menu(page, MENU.exportJson)]);
  const jsonPath = join(dir, json.suggestedFilename());
  await json.saveAs(jsonPath);
  const exported = readFileSync(jsonPath, 'utf8');
  assert.match(exported, /"status": "red"/);
  assert.match(exported, /export me/);

  const validator = join(ROOT, 'build/native/jcm-validate');
  assert.ok(existsSync(validator), 'the native validator is built by the unit tests first');
  execFileSync(validator, [jsonPath], { stdio: 'pipe' });  // throws on exit code != 0

  const [csv] = await Promise.all([page.waitForEvent('download'), menu(page, MENU.exportCsv)]);
  const csvPath = join(dir, csv.suggestedFilename());
  await csv.saveAs(csvPath);
  const bytes = readFileSync(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel and WPS');
  assert.match(bytes.toString('utf8'), /\r\n/);
  assert.match(bytes.toString('utf8'), new RegExp(GOAL), 'the goals are listed');

  const [png] = await Promise.all([page.waitForEvent('download'), menu(page, MENU.exportPng)]);
  const pngPath = join(dir, png.suggestedFilename());
  await png.saveAs(pngPath);
  const pngBytes = readFileSync(pngPath);
  assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(pngBytes.length > 20000, `the PNG holds the picture (${pngBytes.length} bytes)`);
  // The picture is the map alone, drawn for the frame it is taken from (title, legend and sources
  // with it; no panel, header or controls), at the canvas's size.
  assert.ok(await page.evaluate(() => performance.getEntriesByName('app:map-figure').length === 1), 'the picture was drawn');
  const size = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const canvas = document.getElementById('canvas');
    return [img.width, img.height, canvas.width, canvas.height];
  }, pngBytes.toString('base64'));
  assert.deepEqual(size.slice(0, 2), size.slice(2), `the canvas's size: ${size}`);
  assert.equal(await control(page, 'menu', '数据').count(), 0, 'the menu closed');

  // Import the exported file in a fresh browser profile: the data (with the record) comes back.
  const fresh = await openApp(env, { path: `#area=${AREA}` });
  await settle(fresh.page);
  assert.ok((await goalState(fresh.page, GOAL)).texts.includes('工作举措 · 暂无报告'), 'a fresh profile starts without it');
  const chooser = await fileChooser(fresh.page, () => menu(fresh.page, MENU.import));
  await chooser.setFiles(jsonPath);
  await waitForMark(fresh.page, 'app:data-imported');
  await settle(fresh.page);
  const goal = await goalState(fresh.page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 严重滞后'), `the imported record is shown: ${goal.texts}`);
  assert.ok(goal.texts.includes('export me'));
  const [again] = await Promise.all([fresh.page.waitForEvent('download'), menu(fresh.page, MENU.exportJson)]);
  const againPath = join(dir, 'again.json');
  await again.saveAs(againPath);
  assert.equal(readFileSync(againPath, 'utf8'), exported, 'export → import → export is byte-identical');
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  await context.close();
});

test('an invalid import shows the problems and changes nothing; an oversized one is refused unread', async () => {
  const { page, errors, context } = await openApp(env, { path: `#area=${AREA}` });
  await settle(page);
  const heading = async () => {  // the level-2 heading of the panel: the area shown
    const all = await items(page);
    return all.find((i) => i.role === 'heading' && i.level === 2 && all[i.parent]?.name === '目标看板')?.name;
  };
  assert.equal(await heading(), AREA_NAME);
  const dir = mkdtempSync(join(tmpdir(), 'jcm-import-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"schema_version": 1, "id": }');
  let chooser = await fileChooser(page, () => menu(page, MENU.import));
  await chooser.setFiles(bad);
  let problems = control(page, 'dialog', '数据加载失败');
  await problems.waitFor();
  await settle(page);
  let texts = await problems.locator('p').allTextContents();
  assert.ok(texts.includes('bad.json'), `the dialog names the file: ${texts}`);
  assert.ok(texts.some((t) => /^1:\d+$/.test(t)), `with the line and column: ${texts}`);
  assert.ok(texts.some((t) => /保留|kept/i.test(t)), `and says the data shown is kept: ${texts}`);
  assert.equal(await heading(), AREA_NAME, 'the area shown before is still shown');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:data-imported').length), 0, 'nothing was imported');
  assert.ok((await goalState(page, GOAL)).texts.includes('工作举措 · 暂无报告'));
  await screenshot(page, 'records-invalid-import');

  const huge = join(dir, 'huge.json');
  writeFileSync(huge, Buffer.alloc(65 * 1024 * 1024, 0x20));
  chooser = await fileChooser(page, () => menu(page, MENU.import));
  await chooser.setFiles(huge);
  await page.waitForFunction(() => (window.jcmSemantics ? window.jcmSemantics() : []).some((i) => i.role === 'text' && i.name === 'huge.json'));
  await settle(page);
  problems = page.locator('#a11y-tree [role=dialog]').filter({ has: page.locator('p', { hasText: 'huge.json' }) });
  texts = await problems.locator('p').allTextContents();
  assert.ok(texts.some((t) => /huge\.json/.test(t) && /too large|过大/.test(t)), `refused as too large: ${texts}`);
  assert.equal(await heading(), AREA_NAME, 'still the same area');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('app:data-imported').length), 0, 'nothing was imported');
  await screenshot(page, 'records-oversized-import');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, touch only: record a report with a percentage and a note, then revert it', async () => {
  const { page, errors, context } = await openApp(env, { path: `#area=${AREA}`, viewport: VIEWPORTS.phone, dpr: 3, touch: true });
  await settle(page);
  const touch = { touch: true };
  await openRecordDialog(page, GOAL, touch);
  assert.deepEqual((await truncated(page)).filter((t) => !/^textbox/.test(t)), [], 'nothing in the dialog is cut off on a phone');
  // The goal's first report: no status is chosen for the person, and Save waits for one.
  for (const s of ['正常推进', '存在风险', '严重滞后', '已完成']) assert.equal(await control(page, 'button', s).getAttribute('aria-pressed'), 'false', `${s} is not chosen for them`);
  assert.equal(await control(page, 'button', '保存').getAttribute('aria-disabled'), 'true', 'Save waits for a status');
  await press(page, control(page, 'button', '保存'), touch);
  assert.equal(await dialog(page).count(), 1, 'a tap on Save without a status keeps the dialog');
  assert.ok((await items(page)).some((i) => i.name === '状态（请选择一项）'), 'the status label asks for one');
  await press(page, control(page, 'button', '存在风险'), touch);
  assert.equal(await control(page, 'button', '保存').getAttribute('aria-disabled'), null, 'Save is enabled once a status is chosen');
  // press() waits for the app to sleep: by then the tap's result must be drawn.
  assert.equal(await control(page, 'button', '存在风险').getAttribute('aria-pressed'), 'true', 'a tap on 存在风险 chose it');
  assert.equal(await control(page, 'button', '正常推进').getAttribute('aria-pressed'), 'false');
  // The date opens the browser's date picker over it (no day after today); the day picked there
  // is the report's. (The picker is the browser's own: the test sets the input as it would.)
  const day = (back) => page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() - n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, back);
  const today = await day(0), earlier = await day(12);
  await press(page, control(page, 'button', `选择日期：${today}（今天）`), touch);
  const picker = page.locator('input[type=date]');
  assert.equal(await picker.getAttribute('data-open'), '1', 'the browser was asked to open its date picker');
  assert.equal(await picker.getAttribute('max'), today, 'no day after today');
  await picker.fill(earlier);
  await control(page, 'button', `选择日期：${earlier}`).waitFor();
  await press(page, control(page, 'checkbox', '填写完成度'), touch);
  assert.equal(await control(page, 'checkbox', '填写完成度').getAttribute('aria-checked'), 'true');

  // Tap the slider's track at three quarters of its width: the value follows the finger.
  const slider = control(page, 'slider', '完成度');
  const box = await reveal(page, slider);
  await slider.tap({ force: true, position: { x: box.width * 0.75, y: box.height / 2 } });
  await settle(page);
  const percent = (await items(page)).find((i) => i.role === 'slider' && i.name === '完成度').value;
  assert.ok(percent >= 60 && percent <= 90, `the tap set about 75%: ${percent}`);

  await page.locator('#text-overlay').tap();
  await page.keyboard.type('触屏记录');
  await settle(page);
  assert.equal(await page.inputValue('#text-overlay'), '触屏记录');
  // The page has one <input>: a tap on the author field moves it there with the author's own
  // text (it kept the note's, and the author was saved as the note followed by the name).
  await press(page, control(page, 'button', '填报人'), touch);
  await control(page, 'button', '说明：触屏记录').waitFor();
  assert.equal(await page.inputValue('#text-overlay'), '', 'the author field starts empty');
  await page.locator('#text-overlay').tap();
  await page.keyboard.type('李明');
  await settle(page);
  assert.equal(await page.inputValue('#text-overlay'), '李明');
  await press(page, control(page, 'button', '说明：触屏记录'), touch);
  await control(page, 'button', '填报人：李明').waitFor();
  assert.equal(await page.inputValue('#text-overlay'), '触屏记录', 'back on the note, the input holds the note');
  await saveScreenshot(page, 'records-phone-dialog');
  await press(page, control(page, 'button', '保存'), touch);
  await dialog(page).waitFor({ state: 'detached' });

  let goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 存在风险'), `saved by touch: ${goal.texts}`);
  assert.ok(goal.texts.includes(`完成度 ${percent}%`), `with the percentage: ${goal.texts}`);
  assert.ok(goal.texts.includes('触屏记录'), 'and the note');
  assert.ok(goal.texts.some((t) => /· 填报人 李明$/.test(t)), `and its author: ${goal.texts}`);
  assert.ok(goal.texts.some((t) => t.includes(earlier)), `on the day picked: ${goal.texts}`);
  assert.ok(goal.texts.includes('仅存本机'));
  await waitForStored(page, hasRecords, 'the record');
  await saveScreenshot(page, 'records-phone-after-save');

  // Revert this one record with its own "撤销".
  await press(page, goalItem(page, GOAL).getByRole('button', { name: '撤销', exact: true }), touch);
  goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 暂无报告'), `reverted by touch: ${goal.texts}`);
  assert.ok(!goal.texts.includes('触屏记录'));
  await waitForStored(page, (v) => !hasRecords(v), 'no records');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, touch only, English: the amount done against a goal\'s target, by the steppers and typed', async () => {
  const { page, errors, context } = await openApp(env, { path: '#lang=en&area=370881', viewport: VIEWPORTS.phone, dpr: 3, touch: true });
  await settle(page);
  const touch = { touch: true };
  // 曲阜市's "69 key projects" (a target: 69 projects).
  const goal = page.locator('#a11y-tree').getByRole('listitem').filter({ hasText: /69 key projects/ }).first();
  await press(page, goal.getByRole('button', { name: 'Record progress', exact: true }), touch);
  await press(page, control(page, 'checkbox', 'Record the amount done'), touch);
  for (let k = 0; k < 3; k++) await press(page, control(page, 'button', 'Increase the amount done'), touch);
  const all = await items(page);
  assert.equal(all.find((i) => i.role === 'slider' && i.name === 'Done so far')?.value, 3, 'three taps on + made it 3');
  assert.ok(all.some((i) => i.name === 'Type the amount done: 3'), 'the amount is in its field');
  assert.ok(all.some((i) => i.name === 'of 69 projects'), 'beside it, the target');
  assert.deepEqual((await truncated(page)).filter((t) => !/^textbox/.test(t)), [], 'nothing in the dialog is cut off on a phone');
  await press(page, control(page, 'button', 'On track'), touch);
  // Typed: a tap on the field brings the page's input there, a number's (the phone's digits).
  await press(page, control(page, 'button', 'Type the amount done: 3'), touch);
  const input = page.locator('#text-overlay');
  await page.waitForFunction(() => {
    const el = document.getElementById('text-overlay');
    return el && el.inputMode === 'decimal' && el.value === '3' && document.activeElement === el;
  });
  await input.fill('3S');  // a slip of the finger: said, and Save waits
  await page.locator('#a11y-tree').getByRole('button', { name: 'Save', exact: true, disabled: true }).waitFor();
  assert.ok((await items(page)).some((i) => i.name === 'Type a number, such as 35 or 12.5'), 'the message says what to type');
  await input.fill('35');
  await page.locator('#a11y-tree').getByRole('button', { name: 'Save', exact: true, disabled: false }).waitFor();
  assert.equal((await items(page)).find((i) => i.role === 'slider' && i.name === 'Done so far')?.value, 35, 'the slider is on the typed amount');
  await screenshot(page, 'record-amount-typed-phone-en');
  await press(page, control(page, 'button', 'Save'), touch);
  await control(page, 'dialog', 'Record progress').waitFor({ state: 'detached' });
  assert.ok((await items(page)).some((i) => i.name === 'Done so far: 35 of 69 projects'), 'the detail says it');
  await waitForStored(page, (v) => hasRecords(v) && /"achieved": ?35\b/.test(v), 'the record with its amount');
  assert.deepEqual(errors, []);
  await context.close();
});

// A phone's Back with the dialog open closes the dialog (nothing recorded), not the area behind it.
test('phone: Back closes the record dialog and keeps the area; the next Back leaves the area', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.phone, dpr: 3, touch: true });
  await settle(page);
  await press(page, mapAreaButton(page, AREA), { touch: true });
  await page.waitForFunction((id) => location.hash.includes(`area=${id}`), AREA);
  await settle(page);
  await openRecordDialog(page, GOAL, { touch: true });
  await page.goBack();
  await dialog(page).waitFor({ state: 'detached' });
  await settle(page);
  assert.match(new URL(page.url()).hash, new RegExp(`area=${AREA}`), 'still on the area');
  assert.equal(await control(page, 'heading', AREA_NAME).count(), 1, 'its detail still shown');
  assert.equal(await stored(page), null, 'nothing recorded');
  await page.goBack();
  await settle(page);
  assert.doesNotMatch(new URL(page.url()).hash, /area=/, 'the next Back leaves the area');
  // Forward with the dialog open: it closes, and Forward goes on to the area.
  await page.goForward();
  await settle(page);
  assert.match(new URL(page.url()).hash, new RegExp(`area=${AREA}`), 'Forward returns to the area');
  // A link edited with the dialog open: it closes, and the link's view is shown.
  await openRecordDialog(page, GOAL, { touch: true });
  await page.evaluate(() => { location.hash = 'lang=zh'; });
  await dialog(page).waitFor({ state: 'detached' });
  await settle(page);
  assert.doesNotMatch(new URL(page.url()).hash, /area=/, 'an edited link goes to its view');
  assert.equal(await control(page, 'heading', AREA_NAME).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// Opened from a link (the page's first history entry), Back with the record dialog or the data
// menu open closed the page, and the record being typed with it (a phone review).
test('phone, opened from a link: Back closes the record dialog (its note kept) and the data menu, not the page', async () => {
  const { page, errors, context } = await openApp(env, { viewport: VIEWPORTS.phone, dpr: 3, touch: true, path: `#area=${AREA}` });
  await settle(page);
  const url = page.url();
  await openRecordDialog(page, GOAL, { touch: true });
  await page.locator('#text-overlay').tap();
  await page.keyboard.type('征地滞后');
  await settle(page);
  await page.goBack();
  await dialog(page).waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(new URL(page.url()).pathname, new URL(url).pathname, 'still in the app');
  assert.match(new URL(page.url()).hash, new RegExp(`area=${AREA}`), 'on the area');
  assert.equal(await control(page, 'heading', AREA_NAME).count(), 1, 'its detail still shown');
  await openRecordDialog(page, GOAL, { touch: true });
  assert.equal(await page.inputValue('#text-overlay'), '征地滞后', 'the note typed is still there');
  await press(page, control(page, 'button', '取消'), { touch: true });
  await dialog(page).waitFor({ state: 'detached' });
  // The data menu, after the dialog closed by Cancel: Back closes it too, and the app stays.
  await press(page, control(page, 'button', '数据'), { touch: true });
  await control(page, 'menu', '数据').waitFor();
  await page.goBack();
  await control(page, 'menu', '数据').waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(new URL(page.url()).pathname, new URL(url).pathname, 'still in the app');
  assert.equal(await control(page, 'heading', AREA_NAME).count(), 1, 'the area still shown');
  // Closed by Cancel, the dialog's guard is gone: the next Back leaves the page (it showed the same
  // view again).
  await openRecordDialog(page, GOAL, { touch: true });
  await press(page, control(page, 'button', '取消'), { touch: true });
  await dialog(page).waitFor({ state: 'detached' });
  await press(page, control(page, 'button', 'English'), { touch: true });
  assert.match(new URL(page.url()).hash, /lang=en/);
  await settle(page);
  await page.goBack();
  assert.ok(!page.url().startsWith('http'), `Back leaves the page: ${page.url()}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: the record dialog is saved with Enter on the mirrored Save button', async () => {
  const { page, errors, context } = await openApp(env, { path: `#area=${AREA}` });
  await settle(page);
  const hash = await page.evaluate(() => location.hash);
  await openRecordDialog(page, GOAL);
  // Keyboard only inside the dialog: focus a control's mirror element, press a key.
  await control(page, 'button', '已完成').focus();
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await control(page, 'button', '已完成').getAttribute('aria-pressed'), 'true', 'Space chose 已完成');
  const save = control(page, 'button', '保存');
  await save.focus();
  assert.ok(await save.evaluate((el) => el === document.activeElement), 'Save has the keyboard focus');
  await page.keyboard.press('Enter');
  await settle(page);
  await dialog(page).waitFor({ state: 'detached' });
  const goal = await goalState(page, GOAL);
  assert.ok(goal.texts.includes('工作举措 · 已完成'), `saved from the keyboard: ${goal.texts}`);
  assert.ok(goal.texts.includes('仅存本机'));
  // (The address is written out as the app writes it when the dialog opens: "&lang=zh" added.)
  const area = (h) => (h.match(/area=[^&]*/) || [''])[0];
  assert.equal(area(await page.evaluate(() => location.hash)), area(hash), 'the keys did not also drive the map');
  await waitForStored(page, hasRecords, 'the record');
  assert.deepEqual(errors, []);
  await context.close();
});
