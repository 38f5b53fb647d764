// A small static file server for the built site (no dependencies): correct MIME types (wasm),
// precompressed .gz files when the client accepts them, no caching surprises during development.
// Usage: node tools/serve.mjs <dir> [--host 127.0.0.1] [--port 8080] [--quiet]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const root = resolve(args[0] && !args[0].startsWith('--') ? args[0] : 'build/site');
const host = opt('--host', process.env.HOST || '127.0.0.1');
const port = Number(opt('--port', process.env.PORT || 8080));
const quiet = args.includes('--quiet');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.geojson': 'application/geo+json; charset=utf-8',
  '.wasm': 'application/wasm', '.otf': 'font/otf', '.ttf': 'font/ttf', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.ico': 'image/x-icon',
};

export function startServer(dir, { host: h = '127.0.0.1', port: p = 0, log = false } = {}) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) { res.writeHead(403).end('forbidden'); return; }
      let info = await stat(path).catch(() => null);
      if (info && info.isDirectory()) { path = join(path, 'index.html'); info = await stat(path).catch(() => null); }
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: ' + url.pathname);
        if (log) console.log(`404 ${url.pathname}`);
        return;
      }
      const headers = { 'content-type': types[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      const gz = await stat(path + '.gz').catch(() => null);
      let file = path, size = info.size;
      if (gz && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        file = path + '.gz';
        size = gz.size;
        headers['content-encoding'] = 'gzip';
        headers['vary'] = 'accept-encoding';
      }
      headers['content-length'] = size;
      // Streamed, as a static host sends it: the headers go at once, not after the whole file
      // was read (a 20 MB dataset's headers came 330-470 ms late).
      const stream = req.method === 'HEAD' ? null : createReadStream(file);
      if (stream) await new Promise((ok, fail) => stream.once('open', ok).once('error', fail));
      res.writeHead(200, headers);
      if (!stream) { res.end(); return; }
      // A read error cuts the body short (the headers are gone); a client that goes away closes
      // the file: pipeline destroys both sides either way.
      pipeline(stream, res, () => {});
      if (log) console.log(`200 ${url.pathname} ${size}`);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500).end(String(err));
      else res.destroy();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(p, h, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer(root, { host, port, log: !quiet }).then((s) => {
    const a = s.address();
    console.log(`Jining Campaign Map: http://${a.address}:${a.port}/  (serving ${root})`);
  }, (err) => {
    console.error(`serve: cannot listen on ${host}:${port}: ${err.message}` +
      (err.code === 'EADDRINUSE' ? ` (port in use: try PORT=${port + 1} make serve)` : ''));
    process.exit(1);
  });
}
