// Shared helpers for kbsite's end-to-end browser tests (*.test.mjs beside
// this file). The tests drive Debian's Chromium through playwright-core and
// never download a browser of their own.
//
// Run them with `make test` (through generator/e2e/e2e_test.go, which builds
// the site once and passes it in KBSITE_E2E_SITE), or alone with
// `node --test generator/e2e/*.test.mjs`, which builds the site itself.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = process.env.KBSITE_E2E_ARTIFACTS || join(ROOT, 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The sub-path the test server publishes the site under. */
export const PREFIX = '/help/';

export const WIDE = { width: 1280, height: 800 };
export const NARROW = { width: 360, height: 740 };
/** The phone the accessibility matrix and the reading-comfort tests use. */
export const PHONE = { width: 390, height: 844 };

/**
 * One page of each kind in the bundled site (content/), by site-relative
 * path. The tests assume these exist; change them with the content.
 */
export const PAGES = {
  home: 'index.html',
  product: 'products/windows-messenger.html',
  article: 'kb/kb307294.html',
  az: 'az.html',
  notFound: '404.html',
};

/**
 * The search results page, once it exists: set it to its site-relative path
 * with a query, e.g. 'search/index.html?q=password'. While it is null the
 * accessibility and layout tests list it as a to-do instead of checking it.
 */
export const SEARCH_RESULTS_PAGE = 'search.html?q=proxy';

/** Article used for the navigation walk; its "Related articles" are followed. */
export const WALK = {
  productTitle: 'Windows Messenger 4.7 and 5.0',
  productPath: 'products/windows-messenger.html',
  articleTitle: 'Common solutions for Windows Messenger account logon problems',
  articlePath: 'kb/kb307294.html',
};

/** An alias (old ID) page and the article it must land on. */
export const ALIAS = { from: 'kb/q307294.html', to: 'kb/kb307294.html' };

let builtSite;

/**
 * The built site's folder: KBSITE_E2E_SITE when set (the Go wrapper builds
 * it once for all test files), else a fresh build of content/ into a
 * temporary folder.
 */
export function siteDir() {
  if (process.env.KBSITE_E2E_SITE) return resolve(process.env.KBSITE_E2E_SITE);
  if (builtSite) return builtSite;
  const parent = mkdtempSync(join(tmpdir(), 'kbsite-e2e-'));
  const out = join(parent, 'site');
  execFileSync('go', ['run', './generator/cmd/kbsite', 'build', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  process.on('exit', () => rmSync(parent, { recursive: true, force: true }));
  builtSite = out;
  return out;
}

/** Every file of the site, as sorted site-relative paths with '/'. */
export function siteFiles(dir, filter = () => true) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(p)) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The site's alias pages (old-ID redirects) with the article each names. */
export function aliasPages(dir) {
  return siteFiles(dir, (p) => p.endsWith('.html'))
    .map((rel) => {
      const m = readFileSync(join(dir, rel), 'utf8').match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/);
      return m && { from: rel, to: new URL(m[1], 'http://x/' + rel).pathname.slice(1) };
    })
    .filter(Boolean);
}

/**
 * One page of each type in a built site, found from its files rather than
 * named, so new pages and new page types are checked as they appear: the
 * type is the page's body class (page-home, page-article, ...), refined for
 * articles (troubleshooter, FAQ) and list pages (by folder, or by name at
 * the root: products, keywords, az), plus "alias" for redirect pages and
 * "translation <class>" for pages in another language than the home page.
 * Of each type the largest file is taken, as the one with the most in it.
 * The search page comes with a query: the words of the chosen article's
 * title, so it has results, and `expect` is the title they must show.
 * Returns [{type, rel, expect?, redirectsTo?}] sorted by type.
 */
export function pageTypes(dir) {
  const lang = (html) => html.match(/<html[^>]*\slang="([^"]*)"/)?.[1];
  const siteLang = lang(readFileSync(join(dir, 'index.html'), 'utf8'));
  const aliases = new Map(aliasPages(dir).map((a) => [a.from, a.to]));
  const best = new Map();
  for (const rel of siteFiles(dir, (p) => p.endsWith('.html'))) {
    const html = readFileSync(join(dir, rel), 'utf8');
    const type = aliases.has(rel) ? 'alias' : pageType(rel, html, lang(html) !== siteLang);
    if (!best.has(type) || html.length > best.get(type).html.length) best.set(type, { rel, html });
  }
  const out = [...best].sort(([a], [b]) => a.localeCompare(b)).map(([type, { rel }]) => ({ type, rel }));
  for (const p of out) {
    if (p.type === 'alias') p.redirectsTo = aliases.get(p.rel);
    if (p.type === 'search' && best.has('article')) {
      const title = unentity(best.get('article').html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)[1].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
      p.rel += '?q=' + encodeURIComponent(title.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
      p.expect = title;
    }
  }
  return out;
}

/** The type pageTypes files a non-alias page under. */
function pageType(rel, html, translated) {
  const kind = html.match(/<body[^>]*\sclass="(?:[^"]*\s)?page-([\w-]+)/)?.[1] ?? 'page';
  if (translated) return `translation ${kind}`;
  if (kind === 'article') {
    if (/<[^>]+\sdata-troubleshooter[\s=>]/.test(html)) return 'troubleshooter';
    if (/"@type":"FAQPage"/.test(html)) return 'faq';
    return kind;
  }
  return kind === 'list' ? `list ${rel.split('/')[0].replace(/\.html$/, '')}` : kind;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references html/template writes. */
function unentity(s) {
  return s.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e) => e[0] !== '#' ? ENTITIES[e] ?? m
    : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves dir under PREFIX on 127.0.0.1 (a free port). A folder serves its
 * index.html; a missing file answers 404 with the site's 404.html. Nothing
 * outside PREFIX exists, so a link that escapes the sub-path is a 404.
 */
export async function startServer(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const send = (status, body, type, extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      send(404, existsSync(page) ? readFileSync(page) : 'not found', 'text/html; charset=utf-8');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', 'text/plain');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request', 'text/plain');
    }
    if (pathname === PREFIX.slice(0, -1)) return send(301, '', 'text/plain', { Location: PREFIX });
    if (!pathname.startsWith(PREFIX) || pathname.includes('\0')) return notFound();
    let file = resolve(root, '.' + pathname.slice(PREFIX.length - 1));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      send(200, body, TYPES[extname(file).toLowerCase()] || 'application/octet-stream');
    } catch {
      notFound();
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: origin + PREFIX,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** The URL a site-relative path has in each way the tests load the site. */
export function siteURL(mode, ctx, rel) {
  if (mode === 'http') return new URL(rel, ctx.server.base).href;
  return new URL(rel, pathToFileURL(ctx.dir + sep)).href;
}

/** Launches Debian's Chromium; one browser serves a whole test file. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (make test-deps does)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/**
 * Opens a page in a fresh context and records every JavaScript error,
 * console error, failed request and HTTP error response on it. check()
 * fails the test if there was any; expect(url) allows one such response
 * for url (a deliberate 404 document).
 */
export async function openPage(browser, { viewport = WIDE, colorScheme = 'light', media = 'screen', javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce', javaScriptEnabled });
  const page = await context.newPage();
  await page.emulateMedia({ media, colorScheme });
  page.setDefaultTimeout(15_000);
  const problems = [];
  const expected = new Set();
  page.on('pageerror', (err) => problems.push(`JavaScript error on ${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url || page.url();
    if (expected.has(where) && /status of 404|ERR_FILE_NOT_FOUND/.test(msg.text())) return;
    // Chromium asks for /favicon.ico at the server root on its own when a
    // page names no icon (alias pages). That is the host's business.
    if (isFaviconProbe(where)) return;
    problems.push(`console error on ${page.url()}: ${msg.text()} (${where})`);
  });
  // The document each request was made for, and how many main-frame
  // navigations had started by then: a request cancelled because the page
  // was left (net::ERR_ABORTED once the next navigation started, even before
  // the URL changes) is no failure.
  const madeFor = new WeakMap();
  let navigations = 0;
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
    madeFor.set(req, { url: page.url(), navigations });
  });
  page.on('requestfailed', (req) => {
    if (isFaviconProbe(req.url()) || expected.has(req.url())) return;
    // The browser fetches the page's icon after the load event; leaving the
    // page at once cancels it. A missing icon still fails (HTTP 404 below).
    if (/\/favicon\.[0-9a-f]+\.svg$/.test(req.url()) && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    const at = madeFor.get(req);
    const left = !req.isNavigationRequest() && at && (at.url !== page.url() || at.navigations < navigations);
    if (left && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText}) from ${page.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !expected.has(res.url()) && !isFaviconProbe(res.url())) {
      problems.push(`HTTP ${res.status()} for ${res.url()} from ${page.url()}`);
    }
  });
  return {
    page,
    context,
    problems,
    expect: (url) => expected.add(url),
    check() {
      assertNone(problems, 'errors, console errors or failed requests on the pages visited');
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Runs fn(page) on a fresh page and then fails if anything went wrong on
 * any page it visited.
 */
export async function withPage(browser, opts, fn) {
  const p = await openPage(browser, opts);
  try {
    await fn(p.page, p);
    p.check();
  } finally {
    await p.close();
  }
}

function isFaviconProbe(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && u.pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/**
 * Loads url and waits until it and its subresources have loaded, lazy
 * images included; fails if an image is broken.
 */
export async function load(page, url, { images = true } = {}) {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (url.startsWith('http')) {
    assert.ok(res, `no response for ${url}`);
  }
  const broken = await page.evaluate(async () => {
    const imgs = [...document.images];
    for (const img of imgs) img.loading = 'eager';
    await Promise.all(imgs.map((img) => img.decode().catch(() => {})));
    return imgs.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
  });
  if (images) assertNone(broken, `broken images on ${url}`);
  return res;
}

/** Writes a PNG of the page under test-artifacts/screenshots/. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name + '.png');
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe on the loaded page and returns its violations, readably; the
 * rules named in disable are not run.
 */
export async function axeViolations(page, { disable = [] } = {}) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (disable) => {
    const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
    const res = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return res.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, disable);
  return violations;
}

const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * Runs the Nu HTML Checker once over files (starting Java is the slow
 * part) and returns its errors as "name:line:col: message" lines, each
 * file named by what names(file) says. A page with a known error goes along
 * to prove the checker really checks.
 */
export async function vnuErrors(files, names = (f) => f) {
  assert.ok(existsSync(VNU), `${VNU} is missing: run npm ci`);
  const canaryDir = mkdtempSync(join(tmpdir(), 'kbsite-vnu-'));
  const canary = join(canaryDir, 'canary.html');
  writeFileSync(canary, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><img src="x.png"></body></html>');
  let res;
  try {
    res = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', canary, ...files]);
  } finally {
    rmSync(canaryDir, { recursive: true, force: true });
  }
  // The JSON report goes to stderr; the exit code is 1 when there are errors.
  let report;
  try {
    report = JSON.parse(res.stderr || res.stdout);
  } catch {
    assert.fail(`vnu.jar exited ${res.code} without a JSON report:\n${res.stderr}\n${res.stdout}`);
  }
  const problems = report.messages.filter((m) => m.type !== 'info');
  const isCanary = (m) => (m.url || '').endsWith('/canary.html');
  assert.ok(problems.some((m) => isCanary(m) && /alt/.test(m.message)), `the checker missed the known error: ${JSON.stringify(report).slice(0, 500)}`);
  return problems
    .filter((m) => !isCanary(m))
    .map((m) => `${m.url ? names(fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, '⏎')}` : ''}`);
}

function run(cmd, args) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

/**
 * Fails with every item listed, one a line, when items is not empty (node's
 * own diff of long arrays skips lines).
 */
export function assertNone(items, what) {
  if (items.length > 0) {
    assert.fail(`${what} (${items.length}):\n  ${items.join('\n  ')}`);
  }
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
export function luminance(css) {
  const m = css.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/);
  assert.ok(m, `not an rgb() colour: ${css}`);
  assert.ok(m[4] === undefined || Number(m[4]) === 1, `background is not opaque: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Shared set-up for a test file: the built site, a server for it and one
 * browser. Call from before(); call close() from after().
 */
export async function setUp() {
  const dir = siteDir();
  assert.ok(existsSync(join(dir, 'index.html')), `no built site in ${dir}`);
  const server = await startServer(dir);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    dir,
    server,
    browser,
    url: (mode, rel) => siteURL(mode, { dir, server }, rel),
    async close() {
      await browser?.close();
      await server.close();
    },
  };
}
