// wasm-bytes.mjs: the little of the wasm binary format the tools and tests need: a reader of
// LEB128 numbers and names, the list of a module's sections, and a custom section to append
// (tools/wasm-size.mjs, tools/mark-split.mjs, tests/browser/offline.test.mjs).

// Reads `buf` from `pos` on: bytes, unsigned LEB128 numbers, names (a length, then UTF-8).
export function reader(buf, pos = 0) {
  const r = {
    buf, pos,
    u8: () => buf[r.pos++],
    leb: () => { let v = 0, shift = 0, b; do { b = buf[r.pos++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; },
    str: () => { const n = r.leb(); const s = buf.toString('utf8', r.pos, r.pos + n); r.pos += n; return s; },
  };
  return r;
}

// The module's sections in order: { id, name (a custom section's own name, else ''), body (where
// its bytes begin, after its size), start (its contents: after a custom section's name), end }.
// Throws if `buf` is not a wasm module.
export function sections(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [], r = reader(buf, 8);
  while (r.pos < buf.length) {
    const id = r.u8(), size = r.leb(), body = r.pos, end = body + size;
    const name = id === 0 ? r.str() : '';
    out.push({ id, name, body, start: r.pos, end });
    r.pos = end;
  }
  return out;
}

const lebBytes = (n) => { const out = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };

// A custom section (id 0) named `name` holding `payload`: appended to a module, it keeps it valid.
export function customSection(name, payload) {
  const body = Buffer.concat([lebBytes(Buffer.byteLength(name)), Buffer.from(name), Buffer.from(payload)]);
  return Buffer.concat([Buffer.from([0]), lebBytes(body.length), body]);
}
