// import-encoding.test.mjs: a chosen or dropped file reaches the loader as bytes, exactly like
// fetched data (src/platform/platform_web.js $jcmImport reads it with readAsArrayBuffer), so a
// dataset saved as GBK (what Windows Notepad and WPS write by default) is refused with "save as
// UTF-8, not GBK" instead of passing with every name turned into "?"; the same dataset saved as
// UTF-8 is taken. Both by the file chooser (#import-file) and by dropping the file on the page.
//
// What the app shows is read from its accessible text (the semantics tree and the live summary),
// polled for the expected words: no pixel positions, no fixed sleeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openApp, fileChooser, ROOT } from './harness.mjs';
import { appText, waitForText } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// tests/fixtures/invalid/gbk-encoded.json is tests/fixtures/valid/minimal.json saved as GBK
// (tests/fixtures/make-fixtures.py); 示例市 is its city.
const GBK = readFileSync(join(ROOT, 'tests/fixtures/invalid/gbk-encoded.json'));
const UTF8 = readFileSync(join(ROOT, 'tests/fixtures/valid/minimal.json'));


async function choose(page, name, buffer) {
  const chooser = await fileChooser(page, () => page.evaluate(() => document.getElementById('import-file').click()));
  await chooser.setFiles({ name, mimeType: 'application/json', buffer });
}

async function drop(page, name, buffer) {
  await page.evaluate(({ name, bytes }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, bytes: [...buffer] });
}

for (const [how, give] of [['the file chooser', choose], ['a drop on the page', drop]]) {
  test(`a GBK file given by ${how} is refused with "save as UTF-8, not GBK"; its UTF-8 copy is taken`, async () => {
    const { page, errors, context } = await openApp(env);
    await waitForText(page, ['济宁']);
    const tag = how === 'the file chooser' ? 'chosen' : 'dropped';

    await give(page, `${tag}-gbk.json`, GBK);
    // The problem names the file and says what to do (zh or en, whichever the app shows).
    await waitForText(page, [`${tag}-gbk.json`, 'GBK', 'UTF-8']);
    const refused = await appText(page);
    assert.ok(/另存为 UTF-8 编码|save it as UTF-8, not GBK/.test(refused), refused);
    assert.ok(refused.includes('济宁'), 'the shipped data is still shown');
    assert.ok(!refused.includes('示例市'), 'nothing of the refused file is shown');
    assert.ok(!refused.includes('\uFFFD'), 'no replacement characters: the bytes were not decoded by the browser');

    await give(page, `${tag}-utf8.json`, UTF8);
    await waitForText(page, ['示例市']);
    assert.ok(!(await appText(page)).includes('GBK'), 'the problem is gone');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
