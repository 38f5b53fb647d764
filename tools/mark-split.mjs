// mark-split.mjs <site>: ties the wasm's two parts together (CMakeLists.txt JCM_WASM_SPLIT; run by
// tools/assemble-site.sh). When the site has jining-campaign.deferred.wasm, both parts get the
// same build id (a "jcm-build" custom section: a hash of the two), which web/app.js compares
// before joining them, so a part of another build (say, from a stale cache) is never joined;
// and index.html's wasm preload link names the deferred part (data-deferred), so a build without
// one fetches nothing. Idempotent: a part that has an id is left as it is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { customSection, sections } from './wasm-bytes.mjs';

const site = process.argv[2];
if (!site) { console.error('usage: mark-split.mjs <site>'); process.exit(2); }
const first = join(site, 'jining-campaign.wasm');
const rest = join(site, 'jining-campaign.deferred.wasm');
const index = join(site, 'index.html');
const SECTION = 'jcm-build';

const hasSection = (bytes, name) => sections(bytes).some((s) => s.id === 0 && s.name === name);

let html = readFileSync(index, 'utf8');
const link = /<link rel="preload" href="jining-campaign\.wasm"[^>]*>/;
if (!link.test(html)) { console.error(`mark-split: ${index} has no preload link for jining-campaign.wasm`); process.exit(1); }
html = html.replace(link, (tag) => tag.replace(/ data-deferred="[^"]*"/, ''));
if (existsSync(rest)) {
  const a = readFileSync(first), b = readFileSync(rest);
  if (!hasSection(a, SECTION) || !hasSection(b, SECTION)) {
    const id = Buffer.from(createHash('sha256').update(a).update(b).digest('hex').slice(0, 16));
    if (!hasSection(a, SECTION)) writeFileSync(first, Buffer.concat([a, customSection(SECTION, id)]));
    if (!hasSection(b, SECTION)) writeFileSync(rest, Buffer.concat([b, customSection(SECTION, id)]));
  }
  html = html.replace(link, (tag) => tag.replace(/>$/, ' data-deferred="jining-campaign.deferred.wasm">'));
}
writeFileSync(index, html);
