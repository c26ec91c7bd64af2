// What the browser benchmarks (search-bench.mjs, relevance.mjs) share: a
// static server on 127.0.0.1 that logs every response, the harness pages
// that run kbsite's and Pagefind's engines, and Debian's headless Chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.wasm': 'application/wasm', '.css': 'text/css' };

// serve starts a static server for root; harness is the page served at
// /__bench/harness.html, or a function given each /__bench/ request (it
// answers it and returns true, or returns false for a 404). It resolves to
// { url, log, close }; log has each response's size raw and gzip -6 (as a
// server would send it, or raw when that is smaller). With noStore, every
// response forbids caching: each page the plain browser opens starts with
// an empty cache, as a new context does.
export function serve(root, harness, { noStore = false } = {}) {
  const log = [];
  const gzCache = new Map();
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    let body, file = null;
    if (typeof harness === 'function' && u.pathname.startsWith('/__bench/')) {
      log.push({ path: u.pathname + u.search, raw: 0, gz: 0, status: 200 });
      if (!harness(u, req, res)) res.writeHead(404).end();
      return;
    }
    if (u.pathname === '/__bench/harness.html') body = Buffer.from(harness);
    else {
      file = path.join(root, decodeURIComponent(u.pathname));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      try {
        if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
        body = fs.readFileSync(file);
      } catch { res.writeHead(404).end(); log.push({ path: u.pathname, raw: 0, gz: 0, status: 404 }); return; }
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(u.pathname)] || 'application/octet-stream',
      'Content-Length': body.length, 'Cache-Control': noStore ? 'no-store' : 'max-age=3600' });
    res.end(body);
    // The gzip size is worked out when it is read, not here: the server
    // is one thread, and compressing before answering delayed each of the
    // (parallel) requests of a keystroke behind the others'.
    const sent = body;
    log.push({
      path: u.pathname, raw: body.length, status: 200,
      get gz() {
        let gz = file ? gzCache.get(file) : undefined;
        if (gz === undefined) {
          gz = Math.min(sent.length, zlib.gzipSync(sent, { level: 6 }).length);
          if (file) gzCache.set(file, gz);
        }
        return gz;
      },
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}`, log, close: () => server.close() })));
}

// The harness pages define window.bench(q): it runs one query and returns
// its start (performance.now()) and time, the number of results shown and found, the top 3 as text and
// the top 10 as hits (kbsite: source file; Pagefind: URL).
export function kbsiteHarness(root) {
  const assets = fs.readdirSync(path.join(root, 'assets'));
  const engine = assets.find((f) => /^search-engine\..*js$/.test(f));
  if (!engine) throw new Error(`no assets/search-engine.*.js in ${root}`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>kbsite search bench</title>
<script src="/assets/${engine}"></script></head><body><script>
var engine = null;
window.bench = async function (q) {
  if (!engine) engine = KBSearch.create({ lang: 'en', load: KBSearch.scriptLoader('/') });
  var t0 = performance.now();
  var r = await engine.search(q, { limit: 10 });
  var t1 = performance.now();
  return { t0: t0, ms: t1 - t0, n: r.results.length, total: r.total, top: r.results.slice(0, 3).map(function (x) { return x.title + ' ' + x.url + ' ' + (x.excerpt ? 'x' : ''); }),
    hits: r.results.map(function (x) { return x.source; }) };
};
</script></body></html>`;
}

export function pagefindHarness() {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pagefind search bench</title></head><body>
<script type="module">
const pf = await import('/pagefind/pagefind.js');
window.bench = async function (q) {
  const t0 = performance.now();
  const s = await pf.search(q);
  const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
  const t1 = performance.now();
  return { t0: t0, ms: t1 - t0, n: data.length, total: s.results.length, top: data.slice(0, 3).map((d) => d.meta.title + ' ' + d.url + ' ' + (d.excerpt ? 'x' : '')),
    hits: data.map((d) => d.url) };
};
window.benchReady = true;
</script></body></html>`;
}

// launchChromium starts Debian's Chromium (CHROMIUM overrides the path).
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync'],
  });
}

// launchPlain starts Debian's Chromium on url with no driver attached: no
// DevTools session watches its requests. Playwright's does (it enables the
// Network domain on every page), and that costs about 0.7 ms a request
// inside the page (10 parallel fetches: 24-31 ms driven, 16-20 ms plain),
// which a reader's browser does not pay. It returns { done, kill }; done
// resolves when the browser exits.
export function launchPlain(url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbsite-bench-chromium-'));
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
    '--user-data-dir=' + dir, url], { stdio: 'ignore' });
  // The browser's helpers may still be writing the profile when it exits.
  const done = new Promise((resolve) => child.on('close', () => {
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch { /* a leftover temp folder */ }
    resolve();
  }));
  return { done, kill: () => child.kill() };
}
