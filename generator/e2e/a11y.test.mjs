// Accessibility and valid HTML, page type by page type: one page of every
// type of the bundled site and of the WSL corpus site (pageTypes in
// helpers.mjs finds them in the built files: home, article, troubleshooter,
// FAQ, product, keyword, A–Z, search with results, 404, an alias page, the
// translations), over http, at 390 and 1280 px in the light and the dark
// colour scheme (on the phone also with every disclosure open: menu, search
// box, contents, TOC). axe-core must find no violations in any of them,
// and the Nu HTML Checker no errors in each page as rendered, scripts run
// (once per page: the markup does not depend on the viewport). Every article
// of the bundled site gets axe too, at 1280 px. Home, article, product or
// keyword and search pages are photographed in each of the 4 states.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, WIDE, assertNone, axeViolations, launchBrowser, load, openPage, pageTypes, screenshot, siteDir, siteFiles, startServer, vnuErrors, withPage } from './helpers.mjs';

const SITES = { bundled: siteDir(), wsl: process.env.KBSITE_E2E_WSL_SITE };

/**
 * What each site's own content breaks, which kbsite renders as written: the
 * WSL docs skip heading levels (release-notes.md: "## Build 17093" then
 * "#### Important:"). The bundled content must pass everything.
 */
const CONTENT = {
  bundled: { axe: [], vnu: null },
  wsl: { axe: ['heading-order'], vnu: /skipping \d+ heading levels?\b/ },
};

/** Types each site must have, so that a page type lost to a markup change fails here. */
const REQUIRED = {
  bundled: ['home', 'article', 'troubleshooter', 'list products', 'list keywords', 'list az', 'search', '404', 'alias', 'translation article'],
  wsl: ['home', 'article', 'faq', 'search', '404'],
};

/** The page types photographed in each state (test-artifacts/screenshots/types-*.png). */
const SHOTS = new Set(['home', 'article', 'list products', 'list keywords', 'search']);

let browser;
const servers = {};
const types = {};
before(async () => {
  browser = await launchBrowser();
  for (const [name, dir] of Object.entries(SITES)) {
    if (!dir) continue;
    servers[name] = await startServer(dir);
    types[name] = pageTypes(dir);
  }
});
after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/**
 * Runs fn(page) on a fresh page as withPage does. The corpus copies lack
 * some of their images: a missing image is no failure there, anything else
 * (a script error, a missing stylesheet) is.
 */
async function onSite(name, opts, fn) {
  if (name === 'bundled') return withPage(browser, opts, fn);
  const p = await openPage(browser, opts);
  try {
    await fn(p.page, p);
    assertNone(p.problems.filter((m) => !/\.(png|jpe?g|gif|svg|webp)\b/i.test(m)), 'errors, console errors or failed requests on the pages visited');
  } finally {
    await p.close();
  }
}

/** Opens a pageTypes entry over http and waits until it is what it should show. */
async function open(page, p, name, entry) {
  const base = servers[name].base;
  let target;
  let redirected;
  if (entry.redirectsTo) {
    // Answering the redirect with 204 keeps the alias page in the tab. The
    // route stays until the page's refresh has asked for the target: the
    // refresh may fire after the load event.
    target = new URL(entry.redirectsTo, base).href;
    p.expect(target);
    let hit;
    redirected = new Promise((resolve) => { hit = resolve; });
    await page.route(target, (r) => { hit(); return r.fulfill({ status: 204 }); });
  }
  await load(page, new URL(entry.rel, base).href, { images: name === 'bundled' });
  if (target) {
    await Promise.race([redirected, new Promise((_, reject) => setTimeout(() => reject(new Error(`${entry.rel}: no redirect to ${target} within 10 s`)), 10000))]);
    await page.unroute(target);
    assert.equal(page.url(), new URL(entry.rel, base).href, `${entry.rel}: the alias page did not stay`);
  }
  if (entry.expect) {
    await page.waitForFunction((t) => document.querySelector('main')?.textContent.replace(/\s+/g, ' ').includes(t), entry.expect)
      .catch(() => assert.fail(`${entry.rel}: the results never show "${entry.expect}"`));
  }
}

for (const name of Object.keys(SITES)) {
  describe(`every page type of the ${name} site`, { skip: !SITES[name] && `KBSITE_E2E_${name.toUpperCase()}_SITE not set (run through go test ./generator/e2e)` }, () => {
    test('has each type it must', () => {
      const found = types[name].map((t) => t.type);
      assertNone(REQUIRED[name].filter((t) => !found.includes(t)), `page types missing from ${found.join(', ')}`);
    });

    for (const colorScheme of ['light', 'dark']) {
      for (const viewport of [PHONE, WIDE]) {
        test(`axe: 0 violations at ${viewport.width} px, ${colorScheme}`, async () => {
          await onSite(name, { viewport, colorScheme }, async (page, p) => {
            const found = [];
            for (const entry of types[name]) {
              await open(page, p, name, entry);
              if (SHOTS.has(entry.type)) await screenshot(page, `types-${name}-${entry.type.replace(/ /g, '-')}-${viewport.width}-${colorScheme}`, { fullPage: entry.type !== 'article' });
              // On a phone the menu, the search box and the TOC fold into
              // disclosures: check them open too.
              for (const state of viewport === PHONE ? ['as loaded', 'disclosures open'] : ['as loaded']) {
                if (state === 'disclosures open') await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
                for (const v of await axeViolations(page, { disable: CONTENT[name].axe })) {
                  found.push(`${entry.type} (${entry.rel}, ${state}): ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
                }
              }
            }
            assertNone(found, `axe violations (${name}, ${colorScheme}, ${viewport.width} px)`);
          });
        });
      }
    }
  });
}

/**
 * Tabs through the page's first stops and lists those without a visible
 * focus indicator (an outline or a box shadow) or not on screen.
 */
async function unseenFocus(page, stops = 60) {
  const bad = new Set();
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      const box = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      return ring && box.width > 0 && box.height > 0 ? '' : `${name}${ring ? ' (not on screen)' : ' (no focus ring)'}`;
    });
    if (r === null) break;
    if (r) bad.add(r);
  }
  return [...bad];
}

// axe does not check that keyboard focus can be seen (WCAG 2.4.7).
for (const name of Object.keys(SITES)) {
  test(`keyboard: every focus stop shows a focus ring on each page type of the ${name} site`, { skip: !SITES[name] && 'not built' }, async () => {
    await onSite(name, {}, async (page, p) => {
      const found = [];
      for (const entry of types[name].filter((t) => !t.redirectsTo)) {
        await open(page, p, name, entry);
        for (const b of await unseenFocus(page)) found.push(`${entry.type} (${entry.rel}): ${b}`);
      }
      assertNone(found, 'focus stops without a visible focus indicator');
    });
  });
}

test('vnu: 0 errors in every page type as rendered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kbsite-rendered-'));
  const names = new Map();
  try {
    for (const name of Object.keys(servers)) {
      await onSite(name, {}, async (page, p) => {
        for (const entry of types[name]) {
          await open(page, p, name, entry);
          const file = join(dir, `${name}-${names.size}.html`);
          writeFileSync(file, await page.content());
          names.set(file, `${name} ${entry.type} (${entry.rel}, rendered)`);
        }
      });
    }
    // Each error starts with the site's name (names' values).
    const errors = (await vnuErrors([...names.keys()], (f) => names.get(f) ?? f))
      .filter((e) => !CONTENT[e.split(' ')[0]]?.vnu?.test(e));
    assertNone(errors, `HTML errors in ${names.size} rendered pages`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Article bodies differ (tables, code, callouts, images): each one, wide.
for (const colorScheme of ['light', 'dark']) {
  test(`axe: every article of the bundled site (${colorScheme}, 1280 px)`, async () => {
    const articles = siteFiles(SITES.bundled, (p) => /[\\/]kb[\\/]kb[^\\/]*\.html$/.test(p));
    await withPage(browser, { colorScheme }, async (page) => {
      const found = [];
      for (const rel of articles) {
        await load(page, new URL(rel, servers.bundled.base).href);
        for (const v of await axeViolations(page)) found.push(`${rel}: ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
      }
      assertNone(found, `axe violations (${colorScheme}, ${articles.length} articles)`);
    });
  });
}
