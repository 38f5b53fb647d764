#!/usr/bin/env node
// wasm-size.mjs: where the wasm's bytes go, by library and by function. Reads a build linked with
// function names (make wasm-size: --profiling-funcs, otherwise the same flags as the shipped
// build) and parses the module itself: the size of each section, of each function body in the
// code section, named from the "name" section. Libraries are told apart by their symbols
// (ImGui, SDL, nlohmann/json, the app's jcm::, the C/C++ runtime). Sizes are uncompressed; the
// gzip share of the code section is given for the whole module only.
// Usage: node tools/wasm-size.mjs <file.wasm> [--top N] [--markdown]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { reader, sections as wasmSections } from './wasm-bytes.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) { console.error('usage: wasm-size.mjs <file.wasm> [--top N] [--markdown]'); process.exit(2); }
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const buf = readFileSync(file);
let parts;
try { parts = wasmSections(buf); } catch (e) { console.error(`${file}: ${e.message}`); process.exit(1); }

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let importedFunctions = 0;
const bodies = [], names = new Map();
for (const part of parts) {
  const r = reader(buf, part.start);
  const name = part.id === 0 ? 'custom: ' + part.name : SECTION[part.id] || `#${part.id}`;
  if (part.id === 2) {  // imports: functions among them shift the code section's indices
    for (let n = r.leb(), i = 0; i < n; i++) {
      r.str(); r.str();
      const kind = r.u8();
      if (kind === 0) { r.leb(); importedFunctions++; }
      else if (kind === 1) { r.u8(); const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
      else if (kind === 2) { const f = r.leb(); r.leb(); if (f & 1) r.leb(); }
      else if (kind === 3) { r.pos += 2; }
    }
  }
  if (part.id === 10) for (let n = r.leb(), i = 0; i < n; i++) { const s = r.leb(); bodies.push(s); r.pos += s; }
  if (name === 'custom: name') {
    while (r.pos < part.end) {
      const sub = r.u8(), len = r.leb(), subEnd = r.pos + len;
      if (sub === 1) for (let n = r.leb(), i = 0; i < n; i++) { const idx = r.leb(); names.set(idx, r.str()); }
      r.pos = subEnd;
    }
  }
  sections.push({ name, size: part.end - part.body });
}

// The library a function belongs to, by its (demangled, as emscripten writes it) name.
function library(n) {
  if (/^jcm::|^\(anonymous namespace\)::.*jcm|jcm_/.test(n) || /\bjcm::/.test(n) || n === 'main') return 'app (jcm)';
  if (/nlohmann/.test(n)) return 'nlohmann/json';
  if (/^ImGui|^Im[A-Z]|^stbtt_|^stb_|^stbrp|^ImGui_Impl|STB_TEXTEDIT|stbtt__|stbrp__/.test(n) || /\bIm[A-Z]\w+::/.test(n)) return 'Dear ImGui (+ stb)';
  if (/^SDL_|^SDL2|^Emscripten_|^GLES2_|^SDL|^emscripten_.*sdl|^Blit|^SDL_Blit|^egl|^Emscripten|^RLE|^Map1to|^Blit_|^BlitRGB|^Blit2|^Blit4|^calc_|^SDL_Calculate/i.test(n)) return 'SDL2';
  if (/^std::|^__cxa|^__cxx|^operator |^__gxx|^__dynamic_cast|^typeinfo|^vtable|^__cxxabiv1/.test(n)) return 'C++ runtime (libc++/abi)';
  if (/^emscripten_|^_emscripten|^__wasm|^stackAlloc|^stackSave|^stackRestore|^dlmalloc|^malloc|^free|^realloc|^calloc|^memcpy|^memset|^memmove|^str|^__|^printf|^vsn?printf|^fmt_|^pop_arg|^pad|^out|^sn?printf|^[a-z_0-9]+$/.test(n)) return 'C runtime (musl, malloc)';
  if (/^\(anonymous namespace\)::/.test(n)) return 'file-local (anonymous namespace: app, ImGui internals)';
  return 'other';
}
const fns = bodies.map((size, i) => ({ name: names.get(i + importedFunctions) || `func[${i + importedFunctions}]`, size }));
const byLib = new Map();
for (const f of fns) { const l = library(f.name); byLib.set(l, (byLib.get(l) || 0) + f.size); }
const total = buf.length, code = sections.find((s) => s.name === 'code')?.size || 0;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const pct = (n, of) => ((100 * n) / of).toFixed(1) + '%';

const out = [];
out.push(`${file}: ${kb(total)} (${kb(gzipSync(buf, { level: 9 }).length)} gzip -9), ${fns.length} functions, ${names.size ? 'named' : 'NOT named (link with --profiling-funcs)'}`);
out.push('', '| section | bytes | share |', '|---|---:|---:|');
for (const s of [...sections].sort((a, b) => b.size - a.size)) out.push(`| ${s.name} | ${s.size.toLocaleString('en')} | ${pct(s.size, total)} |`);
out.push('', '| library (code section, by function names) | bytes | share of code |', '|---|---:|---:|');
for (const [l, s] of [...byLib].sort((a, b) => b[1] - a[1])) out.push(`| ${l} | ${s.toLocaleString('en')} | ${pct(s, code)} |`);
out.push('', `| largest ${top} functions | library | bytes |`, '|---|---|---:|');
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) {
  const n = f.name.length > 90 ? f.name.slice(0, 87) + '…' : f.name;
  out.push(`| \`${n.replace(/\|/g, '\\|')}\` | ${library(f.name)} | ${f.size.toLocaleString('en')} |`);
}
console.log(out.join('\n'));
