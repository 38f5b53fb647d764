// make-dist.mjs: turns the built site into what gets deployed (`make dist`):
//
//   <out>/site/                 static folder for any static host, under any path (relative URLs
//                               only): the site + icons/*.png (from web/*.svg via rsvg-convert),
//                               manifest.webmanifest, sw.js with this version's file list and
//                               hashes, and a .gz next to every compressible file of 1 KB or more
//   <out>/jining-campaign.html  the one-file build, for file:// (USB stick, e-mail): the same JS,
//                               CSS and page scripts inline; wasm, data and font as base64 data
//                               blocks (window.jcmEmbedded): app.js compiles the wasm from
//                               there, and platform_web.js's jcm_fetch consults them
//
// The version is a hash of the content of every precached file; it names the service worker's
// cache, so any change to any file gives a new version (see web/sw.js and README "Deploying").
// Idempotent: its own output works as input (.gz and sw.js are rebuilt, data-sw is kept).
//
// Usage: node tools/make-dist.mjs [--site build/site] [--out dist] [--no-single] [--quiet]
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TOP = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const SITE = resolve(opt('--site', join(TOP, 'build/site')));
const OUT = resolve(opt('--out', join(TOP, 'dist')));
const SINGLE = !args.includes('--no-single');
const QUIET = args.includes('--quiet');

const die = (msg) => { console.error(`make-dist: ${msg}`); process.exit(1); };
const sha256 = (buf) => createHash('sha256').update(buf).digest();
const sri = (buf) => 'sha256-' + sha256(buf).toString('base64');
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';

// Files that are build by-products, not part of the site.
const SKIP = [/\.gz$/, /^sw\.js$/, /^assets\/ui-font\.chars\.txt$/, /(^|\/)\.[^/]*$/];
// Deployed but not precached: the fonts. The app draws its text with the system's fonts where
// they cover CJK (nearly every device), and fetches the subset font only where they do not, and
// the extended one (GB2312, 1.5 MB) only for a dataset with characters the subset lacks:
// precaching them would cost every visitor. The service worker keeps them once fetched (RUNTIME).
const NOT_PRECACHED = [/^assets\/ui-font\.otf$/, /^assets\/ui-font-ext\.otf$/];
const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|wasm|otf|ttf|svg|webmanifest|txt|csv)$/;
const ICONS = [   // [output, source svg, size]
  ['icons/icon-192.png', 'web/icon.svg', 192],
  ['icons/icon-512.png', 'web/icon.svg', 512],
  ['icons/icon-maskable-512.png', 'web/icon-maskable.svg', 512],
  ['icons/apple-touch-icon-180.png', 'web/icon-maskable.svg', 180],
];

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [relative(base, p).split(sep).join('/')];
  }).sort();
}

// ---- checks shared by both outputs -------------------------------------------------------------
function checkCsp(html, where) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!m) die(`${where}: no Content-Security-Policy meta tag`);
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) {
    if (m[1].split(/[\s;]+/).includes(bad)) die(`${where}: CSP must not allow ${bad}: ${m[1]}`);
  }
  return m[1];
}

// Relative URLs only: no root-relative, protocol-relative or absolute http(s) references.
function checkRelative(text, where) {
  const bad = text.match(/\b(?:src|href)\s*=\s*["'](?:\/|https?:)[^"']*["']|url\(\s*["']?(?:\/|https?:)[^)]*\)|"(?:src|start_url|scope|id)"\s*:\s*"(?:\/|https?:)[^"]*"/);
  if (bad) die(`${where}: not a relative URL: ${bad[0]}`);
}

// ---- dist/site ---------------------------------------------------------------------------------
function buildSite() {
  for (const f of ['index.html', 'jining-campaign.js', 'jining-campaign.wasm', 'data/campaign.json', 'assets/ui-font.otf']) {
    if (!existsSync(join(SITE, f))) die(`${join(SITE, f)} missing: build the site first (make site)`);
  }
  const dest = join(OUT, 'site');
  const tmp = dest + '.tmp';
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of walk(SITE)) {
    if (SKIP.some((re) => re.test(f))) continue;
    mkdirSync(dirname(join(tmp, f)), { recursive: true });
    writeFileSync(join(tmp, f), readFileSync(join(SITE, f)));   // fresh modes, no read-only copies
  }
  for (const f of ['manifest.webmanifest', 'icon.svg']) {
    if (!existsSync(join(tmp, f))) cpSync(join(TOP, 'web', f), join(tmp, f));
  }

  // Icons for the manifest, drawn from our own SVG artwork.
  mkdirSync(join(tmp, 'icons'), { recursive: true });
  for (const [out, svg, size] of ICONS) {
    try {
      execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', join(tmp, out), join(TOP, svg)]);
    } catch (err) {
      die(`rsvg-convert failed for ${out} (${err.code === 'ENOENT' ? 'not installed: apt-get install librsvg2-bin, or run tools/install-deps.sh' : err.message})`);
    }
  }
  // The icons index.html names (the tab's in data-href: app.js sets it once the map is shown).
  for (const m of readFileSync(join(tmp, 'index.html'), 'utf8').matchAll(/<link rel="(?:icon|apple-touch-icon)"(?: href="data:[^"]*")? (?:data-)?href="([^"]+)"/g)) {
    if (!existsSync(join(tmp, m[1]))) die(`index.html: ${m[1]} is not in the site`);
  }
  const manifest = JSON.parse(readFileSync(join(tmp, 'manifest.webmanifest'), 'utf8'));
  for (const icon of manifest.icons || []) {
    if (!existsSync(join(tmp, icon.src))) die(`manifest.webmanifest: icon ${icon.src} is not in the site`);
  }
  checkRelative(readFileSync(join(tmp, 'manifest.webmanifest'), 'utf8'), 'manifest.webmanifest');

  // index.html: mark it for service-worker registration (web/app.js registers only when marked).
  let html = readFileSync(join(tmp, 'index.html'), 'utf8');
  if (!/<html[^>]*\sdata-sw=/.test(html)) {
    if (!/<html\b/.test(html)) die('index.html: no <html> tag');
    html = html.replace(/<html\b/, () => '<html data-sw="sw.js"');
  }
  if (!html.includes('rel="manifest"')) die('index.html: no <link rel="manifest">');
  checkCsp(html, 'index.html');
  writeFileSync(join(tmp, 'index.html'), html);
  for (const f of walk(tmp).filter((f) => /\.(html|css|js)$/.test(f) && !f.startsWith('jining-campaign'))) {
    checkRelative(readFileSync(join(tmp, f), 'utf8'), f);
  }

  // The version: a hash over every file's path and content hash (the runtime-cached ones too, so a
  // new font is a new version and never meets an old cache).
  const all = walk(tmp);
  const runtime = all.filter((f) => NOT_PRECACHED.some((re) => re.test(f)));
  const files = all.filter((f) => !runtime.includes(f));
  const integrity = Object.fromEntries(files.map((f) => [f, sri(readFileSync(join(tmp, f)))]));
  const hashed = all.map((f) => `${f}\0${integrity[f] || sri(readFileSync(join(tmp, f)))}\n`).join('');
  const version = sha256(hashed).toString('hex').slice(0, 16);
  let sw = readFileSync(join(TOP, 'web/sw.js'), 'utf8');
  const swVersion = /^const VERSION = .*;$/m, swFiles = /^const FILES = .*;$/m, swRuntime = /^const RUNTIME = .*;$/m;
  if (!swVersion.test(sw) || !swFiles.test(sw) || !swRuntime.test(sw)) die('web/sw.js: the VERSION/FILES/RUNTIME lines to fill in are missing');
  sw = sw.replace(swVersion, () => `const VERSION = '${version}';`)
    .replace(swFiles, () => `const FILES = ${JSON.stringify(integrity)};`)
    .replace(swRuntime, () => `const RUNTIME = ${JSON.stringify(runtime)};`);
  writeFileSync(join(tmp, 'sw.js'), sw);

  // Precompressed copies next to the files (served by hosts that support them, e.g. tools/serve.mjs).
  for (const f of walk(tmp)) {
    if (!COMPRESSIBLE.test(f)) continue;
    const raw = readFileSync(join(tmp, f));
    if (raw.length < 1024) continue;
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length < raw.length * 0.95) writeFileSync(join(tmp, f + '.gz'), gz);
  }

  rmSync(dest, { recursive: true, force: true });
  renameSync(tmp, dest);
  return { dest, version, files };
}

// ---- dist/jining-campaign.html -----------------------------------------------------------------
function buildSingle() {
  const read = (f) => readFileSync(join(SITE, f));
  const text = (f) => read(f).toString('utf8');
  let html = text('index.html').replace(/<html([^>]*) data-sw="[^"]*"/, (_, a) => `<html${a}`);
  const scriptHashes = [], styleHashes = [];
  const safe = (body, where) => {
    if (/<\/(script|style)|<!--|<script/i.test(body)) die(`${where} contains </script, </style, <script or <!--: cannot inline`);
    return body;
  };
  const inlineScript = (body, where) => {
    scriptHashes.push(`'${sri(Buffer.from(safe(body, where)))}'`);
    return `<script>${body}</script>`;
  };
  const replaceOnce = (re, fn, what) => {
    if (!re.test(html)) die(`index.html: cannot find ${what} to inline`);
    html = html.replace(re, fn);
  };

  // Wasm, data and font: base64 data blocks (never executed, so no CSP hash needed), decoded into
  // window.jcmEmbedded = {url: Uint8Array}. app.js compiles the wasm from there and fetches
  // nothing (no -sSINGLE_FILE link needed: its data: URL fetch would need connect-src data:).
  // The wasm's deferred part too, when the build is split (CMakeLists.txt): compiled once the map
  // is shown, as on the site.
  const deferredWasm = existsSync(join(SITE, 'jining-campaign.deferred.wasm')) ? ['jining-campaign.deferred.wasm'] : [];
  const embedded = ['jining-campaign.wasm', ...deferredWasm, 'data/campaign.json', 'assets/ui-font.otf'].map((url) =>
    `<script type="application/x-jcm-base64" data-url="${url}">${read(url).toString('base64')}</script>\n`).join('');
  const loader = "(function(){'use strict';var m={};" +
    "document.querySelectorAll('script[type=\"application/x-jcm-base64\"]').forEach(function(el){" +
    'var s=atob(el.textContent),b=new Uint8Array(s.length);for(var i=0;i<s.length;i++)b[i]=s.charCodeAt(i);' +
    'm[el.getAttribute(\'data-url\')]=b;el.remove();});window.jcmEmbedded=m;})();';
  const appJs = text('jining-campaign.js');
  if (!/jcmEmbedded\[["']jining-campaign\.wasm["']\]/.test(text('app.js'))) die('app.js does not compile the embedded wasm');
  if (deferredWasm.length && !/jining-campaign\.deferred\.wasm/.test(text('app.js'))) die('app.js does not load the deferred wasm');

  replaceOnce(/[ \t]*<link rel="preload"[^>]*>\n?/g, () => '', 'the preload links');
  html = html.replace(/[ \t]*<link rel="(?:manifest|apple-touch-icon)"[^>]*>\n?/g, () => '');
  replaceOnce(/<link rel="icon" href="data:," data-href="icon\.svg"/, () => `<link rel="icon" href="data:image/svg+xml;base64,${read('icon.svg').toString('base64')}"`, 'the icon');
  replaceOnce(/<link rel="stylesheet" href="style\.css">/, () => {
    const css = safe(text('style.css'), 'style.css');
    styleHashes.push(`'${sri(Buffer.from(css))}'`);
    return `<style>${css}</style>`;
  }, 'style.css');
  // The printed briefing's layout, for the frame it is printed in (platform_web.js
  // jcm_print_document); media "not all": it never styles this page.
  replaceOnce(/<\/head>/, () => {
    const css = safe(text('briefing.css'), 'briefing.css');
    styleHashes.push(`'${sri(Buffer.from(css))}'`);
    return `<style id="jcm-briefing-css" media="not all">${css}</style>\n</head>`;
  }, 'briefing.css');
  replaceOnce(/<script src="jining-campaign\.js" defer><\/script>/, () =>
    embedded + inlineScript(loader, 'loader') + '\n' + inlineScript(appJs, 'jining-campaign.js'), 'jining-campaign.js');
  replaceOnce(/<script src="app\.js" defer><\/script>/, () => inlineScript(text('app.js'), 'app.js'), 'app.js');

  // Nothing may be fetched: everything is inline or a data: URL.
  const external = html.match(/\b(?:src|href)="(?!data:)[^"]*"/);
  if (external) die(`one-file page still references ${external[0]}`);
  const csp = ["default-src 'none'", `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styleHashes.join(' ')}`, 'img-src data: blob:', "connect-src 'none'", "object-src 'none'",
    "base-uri 'none'", "form-action 'none'"].join('; ');
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta tag');
  checkCsp(html, 'jining-campaign.html');
  const dest = join(OUT, 'jining-campaign.html');
  writeFileSync(dest + '.tmp', html);
  renameSync(dest + '.tmp', dest);
  return dest;
}

mkdirSync(OUT, { recursive: true });
const site = buildSite();
const single = SINGLE ? buildSingle() : null;
if (!QUIET) {
  console.log(`dist: ${relative(process.cwd(), site.dest) || '.'}  version ${site.version}  (${site.files.length} files precached)`);
  for (const f of ['index.html', 'jining-campaign.js', 'jining-campaign.wasm', 'jining-campaign.deferred.wasm', 'data/campaign.json', 'assets/ui-font.otf']) {
    if (!existsSync(join(site.dest, f))) continue;  // the deferred part: only in a split build
    const raw = statSync(join(site.dest, f)).size;
    const gz = existsSync(join(site.dest, f + '.gz')) ? statSync(join(site.dest, f + '.gz')).size : raw;
    console.log(`  ${f.padEnd(30)} ${kb(raw)}  gz ${kb(gz)}`);
  }
  if (single) {
    const raw = readFileSync(single);
    console.log(`dist: ${relative(process.cwd(), single)}  ${kb(raw.length)}  gz ${kb(gzipSync(raw, { level: 9 }).length)}`);
  }
}
