#!/usr/bin/env node
// Minifies the site's scripts in place with terser (npm), and its page, style sheets and data (below): Emscripten's glue keeps every name
// without Closure (not usable with Debian's toolchain, docs/toolchain.md), and app.js is read as
// written. Local names are shortened and dead code dropped; names at the top of a script
// (createJcmModule, what the page and the tests reach) are kept. The web build (build/web) keeps
// the readable files. BENCHMARKS.md "Page weight" has what it saves.
// Usage: node tools/minify.mjs <file.js|file.css|file.json|file.html>...
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
// Data files: the white space between tokens goes; every token stays as written (strings,
// numbers, a key repeated), so the app reads the same data and reports the same problems, by JSON
// pointer (their line and column are then the served file's). Not valid JSON: left as it is.
function minifyJson(text) {
  let out = '', i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {  // a string, escapes and all
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') out += c;
      i++;
    }
  }
  return out;
}
for (const file of files) {
  const src = readFileSync(file, 'utf8');
  let out;
  try {
    if (file.endsWith('.json')) {
      try { JSON.parse(src); } catch { console.log(`minify: ${file}: not valid JSON, left as it is`); continue; }
      out = { code: minifyJson(src) };
      if (JSON.stringify(JSON.parse(out.code)) !== JSON.stringify(JSON.parse(src))) throw new Error('the data changed');
    } else if (file.endsWith('.html')) {  // the line breaks and indentation between tags (web/index.html has no inline elements on separate lines, whose space this would remove)
      out = { code: src.replace(/>\s*\n\s*</g, '><') };
    } else if (file.endsWith('.css')) {
      out = { code: minifyCss(src) };
    } else {
      out = await minify(src, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    }
  } catch (e) {
    console.error(`minify: ${file}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ''}`);
    process.exit(1);
  }
  writeFileSync(file + '.tmp', out.code);
  renameSync(file + '.tmp', file);
  console.log(`minify: ${file}  ${src.length} -> ${out.code.length} bytes, gzip -9 ${gz(src)} -> ${gz(out.code)}`);
}
