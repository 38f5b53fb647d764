#!/usr/bin/env node
// start-profile.mjs: where a cold load's time goes, for changing the start-up (BENCHMARKS.md).
//
//   node tools/start-profile.mjs profile SITE [N] [--under REGEX] [--query ?data=FILE]
//     N cold loads of SITE (a built site folder), each in a fresh browser context, with a CPU
//     profile from navigation to app:first-map-frame; prints the mean inclusive and self time per
//     function. With --under, the time under the first frame matching REGEX, by the function it
//     called. For function names in the wasm, profile the make wasm-size build (build/web-size:
//     tools/assemble-site.sh build/web-size build/web-size/site, then copy build/site/assets).
//   node tools/start-profile.mjs ab SITE_A SITE_B [N] [QUERY]
//     N cold loads of each site, alternating (A first in every other pair), one browser: the
//     median of each start-up mark and of the spans between them.
// Same browser and flags as the browser tests (tests/browser/harness.mjs).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, VIEWPORTS, waitForMark } from '../tests/browser/harness.mjs';
import { startServer } from './serve.mjs';

const [mode, ...rest] = process.argv.slice(2);
const flag = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest.splice(i, 2)[1] : null; };
const under = flag('--under');
const query = flag('--query') || '';
const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[s.length >> 1] : NaN; };

async function withSites(sites, fn) {
  const servers = await Promise.all(sites.map((s) => startServer(s, { host: '127.0.0.1', port: 0 })));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await fn(browser, servers.map((s) => `http://127.0.0.1:${s.address().port}/`));
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  }
}

async function coldLoad(browser, url, during) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (during) await during.start(cdp);
    await page.goto(url);
    await waitForMark(page, 'app:first-map-frame', 60000);
    const result = during ? await during.stop(cdp) : null;
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('app:', ''), m.startTime])));
    return { marks, result };
  } finally {
    await context.close();
  }
}

if (mode === 'profile') {
  const [site, n = '3'] = rest;
  const runs = Number(n);
  const incl = new Map(), self = new Map(), below = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) || 0) + v);
  const re = under ? new RegExp(under) : null;
  await withSites([site], async (browser, [base]) => {
    for (let r = 0; r < runs; r++) {
      const { result: profile } = await coldLoad(browser, base + query, {
        // The debugger makes V8 name wasm functions from the module's name section.
        async start(cdp) { await cdp.send('Debugger.enable'); await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); },
        async stop(cdp) { return (await cdp.send('Profiler.stop')).profile; },
      });
      const byId = new Map(profile.nodes.map((node) => [node.id, node])), parent = new Map();
      for (const node of profile.nodes) for (const c of node.children || []) parent.set(c, node.id);
      const name = (node) => (node.callFrame.functionName || '(anonymous)').slice(0, 110) +
        (node.callFrame.url && !/wasm/.test(node.callFrame.url) ? ' @' + node.callFrame.url.split('/').pop() : '');
      for (let k = 0; k < profile.samples.length; k++) {
        const ms = (profile.timeDeltas[k + 1] || 0) / 1000 / runs;
        const chain = [];
        for (let id = profile.samples[k]; id !== undefined; id = parent.get(id)) chain.push(name(byId.get(id)));
        add(self, chain[0], ms);
        for (const f of new Set(chain)) add(incl, f, ms);
        const at = re ? chain.findIndex((f) => re.test(f)) : -1;
        if (at >= 0) add(below, at > 0 ? chain[at - 1] : '(itself)', ms);
      }
    }
  });
  const print = (title, m, top) => {
    console.log(title);
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
  };
  if (re) print(`ms per load under /${under}/, by what it called`, below, 30);
  else { print('ms per load, inclusive', incl, 60); print('ms per load, self', self, 30); }
} else if (mode === 'ab') {
  const [a, b, n = '7', query = ''] = rest;
  const res = [[], []];
  await withSites([a, b], async (browser, bases) => {
    for (let i = 0; i < Number(n); i++)
      for (const k of (i % 2 ? [1, 0] : [0, 1])) res[k].push((await coldLoad(browser, bases[k] + query)).marks);
  });
  const keys = [...new Set(res.flat().flatMap((m) => Object.keys(m)))].filter((k) => res.every((r) => r.some((m) => k in m)));
  keys.sort((x, y) => median(res[0].map((m) => m[x])) - median(res[0].map((m) => m[y])));
  console.log(`${'mark (median ms)'.padEnd(28)}${'A'.padStart(8)}${'B'.padStart(8)}   A: ${a}  B: ${b}  (${n} loads each)`);
  for (const k of keys) console.log(k.padEnd(28) + [0, 1].map((j) => median(res[j].map((m) => m[k])).toFixed(0).padStart(8)).join(''));
  for (let j = 1; j < keys.length; j++) {
    const span = (r) => median(r.map((m) => m[keys[j]] - m[keys[j - 1]]));
    console.log(`  ${keys[j - 1]} → ${keys[j]}`.padEnd(60) + [0, 1].map((x) => span(res[x]).toFixed(0).padStart(8)).join(''));
  }
} else {
  console.error('usage: start-profile.mjs profile SITE [N] [--under REGEX] [--query Q] | ab SITE_A SITE_B [N] [QUERY]');
  process.exit(2);
}
