#!/usr/bin/env node
// Minifies the site's scripts in place with terser (npm), and its style sheets (below): Emscripten's glue keeps every name
// without Closure (not usable with Debian's toolchain, docs/toolchain.md), and app.js is read as
// written. Local names are shortened and dead code dropped; names at the top of a script
// (createJcmModule, what the page and the tests reach) are kept. The web build (build/web) keeps
// the readable files. BENCHMARKS.md "Page weight" has what it saves.
// Usage: node tools/minify.mjs <file.js|file.css>...
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/minify.mjs <file.js>...');
  process.exit(2);
}
const gz = (s) => gzipSync(s, { level: 9 }).length;
// Our own style sheets: comments, the white space around { } ; , > and after : go (outside
// strings; a space before : can be a selector's, as in "#tree :focus-visible");
// nothing else changes.
// Comments go first, in one left-to-right pass with the strings, so that a quote in a comment
// ("the app's") does not start a string.
function minifyCss(css) {
  const out = css.replace(/\/\*[\s\S]*?\*\/|("[^"]*"|'[^']*')/g, (m, string) => string || '')
    .split(/("[^"]*"|'[^']*')/).map((part, i) => (i % 2 ? part : part
    .replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}')))
    .join('').trim();
  if (out.includes('/*')) throw new Error('a comment is left after minifying (an unclosed string or comment?)');
  return out;
}
for (const file of files) {
  const src = readFileSync(file, 'utf8');
  let out;
  try {
    out = file.endsWith('.css') ? { code: minifyCss(src) }
      : await minify(src, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  } catch (e) {
    console.error(`minify: ${file}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ''}`);
    process.exit(1);
  }
  writeFileSync(file + '.tmp', out.code);
  renameSync(file + '.tmp', file);
  console.log(`minify: ${file}  ${src.length} -> ${out.code.length} bytes, gzip -9 ${gz(src)} -> ${gz(out.code)}`);
}
