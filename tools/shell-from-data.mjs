#!/usr/bin/env node
// shell-from-data.mjs: writes what the page shell says about its city from the page's own
// dataset, so that web/ holds nothing city-specific: index.html's <title>, meta description,
// the canvas's accessible name and the loading card, and the web-app manifest's names.
// (At run time the app sets the title, the canvas name and <html lang> again from the data it
// loaded, for ?data= and the language switch: platform.h SetPageInfo.)
// Usage: node tools/shell-from-data.mjs <site-dir> <dataset.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, dataPath] = process.argv.slice(2);
if (!site || !dataPath) {
  console.error('usage: shell-from-data.mjs <site-dir> <dataset.json>');
  process.exit(2);
}
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const zh = (t) => (t && t.zh) || '';
const en = (t) => (t && (t.en || t.zh)) || '';
const title = { zh: zh(data.title), en: en(data.title) };
const city = { zh: zh(data.city), en: en(data.city) };
if (!title.zh || !city.zh) {
  console.error(`shell-from-data: ${dataPath} has no title or city`);
  process.exit(1);
}
const both = title.en && title.en !== title.zh ? `${title.zh} · ${title.en}` : title.zh;
const description = `${title.zh}：${city.zh}各区域目标的互动地图与看板 · ${title.en}: an interactive map and dashboard of ${city.en}'s areas and goals`;
const canvasLabel = `${city.zh}区域地图与目标看板 / Map of ${city.en}'s areas and goals dashboard`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const indexPath = join(site, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const replace = (re, fn, what) => {
  if (!re.test(html)) { console.error(`shell-from-data: ${indexPath}: no ${what}`); process.exit(1); }
  html = html.replace(re, fn);
};
replace(/<title>[^<]*<\/title>/, () => `<title>${esc(both)}</title>`, '<title>');
replace(/<meta name="description" content="[^"]*">/, () => `<meta name="description" content="${esc(description)}">`, 'meta description');
replace(/(<canvas id="canvas"[^>]*aria-label=")[^"]*"/, (m, a) => `${a}${esc(canvasLabel)}"`, 'canvas aria-label');
replace(/<p class="title">[^<]*<\/p>/, () => `<p class="title">${esc(title.zh)}</p>`, 'loading card title');
replace(/<p class="subtitle">[^<]*<\/p>/, () => `<p class="subtitle">${esc(title.en)}</p>`, 'loading card subtitle');
writeFileSync(indexPath, html);

const manifestPath = join(site, 'manifest.webmanifest');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.name = both;
manifest.short_name = [...title.zh].length <= 12 ? title.zh : city.zh;
manifest.description = description;
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`shell: ${both}`);
