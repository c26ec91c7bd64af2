// The real corpora of ../shared/corpus built as a writer would (Microsoft's
// WSL docs and 300 support articles, DocFX Markdown): DocFX tabs with and
// without JavaScript, over http and file://, and axe on their page types.
// The copies lack some images, so missing images are not failures here;
// JavaScript errors are.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WIDE, NARROW, assertNone, axeViolations, launchBrowser, screenshot, siteFiles, startServer } from './helpers.mjs';

const SITES = { wsl: process.env.KBSITE_E2E_WSL_SITE, 'kb-support': process.env.KBSITE_E2E_KBSUPPORT_SITE };

/** The site-relative path of the page built from a source file's name. */
function pageOf(dir, stem) {
  const hit = siteFiles(dir, (p) => p.endsWith('.html')).find((p) => p.endsWith('/' + stem + '.html') || p === stem + '.html' || p.endsWith('-' + stem + '.html'));
  assert.ok(hit, `no page for ${stem} in ${dir}`);
  return hit;
}

let browser;
const servers = {};
before(async () => {
  browser = await launchBrowser();
  for (const [name, dir] of Object.entries(SITES)) if (dir) servers[name] = await startServer(dir);
});
after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

function url(name, mode, rel) {
  return mode === 'http' ? new URL(rel, servers[name].base).href : new URL(rel, pathToFileURL(SITES[name] + '/')).href;
}

/** Opens a page, failing on any JavaScript error it raises. */
async function visit(href, { javaScriptEnabled = true, viewport = WIDE, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(href, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

/** What the tab groups show: per group, the visible tab list and panels. */
function tabState(page) {
  return page.evaluate(() => [...document.querySelectorAll('.tabs')].map((g) => {
    const shown = (e) => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
    return {
      list: shown(g.querySelector('.tab-list')),
      panels: [...g.querySelectorAll('.tab-panel')].filter(shown).map((p) => p.dataset.tab),
      labels: [...g.querySelectorAll('.tab-label')].filter(shown).map((l) => l.textContent.trim()),
      selected: [...g.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.dataset.tab),
    };
  }));
}

describe('search by ms.topic on the WSL docs', { skip: !SITES.wsl && 'KBSITE_E2E_WSL_SITE not set (run through go test ./generator/e2e)' }, () => {
  for (const mode of ['http', 'file']) {
    test(`the type filter offers the ms.topic values with counts and keeps one (${mode})`, async () => {
      const v = await visit(url('wsl', mode, 'search.html?q=install&type=how-to'));
      try {
        await v.page.waitForFunction(() => document.getElementById('search-page').dataset.type === 'how-to' &&
          !document.querySelector('.search-field-type').hidden);
        const r = await v.page.evaluate(() => ({
          types: [...document.querySelectorAll('#search-type option')].map((o) => [o.value, o.textContent]),
          meta: [...document.querySelectorAll('#search-results .search-result-meta')].map((m) => m.textContent),
          productShown: !document.querySelector('.search-field-product').hidden,
        }));
        assert.ok(r.types.some(([v, t]) => v === 'how-to' && /^How-to guide \(\d+\)$/.test(t)), JSON.stringify(r.types));
        assert.ok(r.types.some(([v]) => v === 'faq') && r.types.some(([v]) => v === 'install-set-up-deploy'), JSON.stringify(r.types));
        // The type alone: WSL has no products, and an ID derived from a file's
        // path is not shown.
        assert.ok(r.meta.length > 0 && r.meta.every((m) => m === 'How-to guide'), r.meta.join('\n'));
        assert.equal(r.productShown, false, 'the WSL docs have no products: no product filter');
        assertNone(v.errors, 'JavaScript errors');
      } finally {
        await v.close();
      }
    });
  }
});

describe('DocFX tabs on the WSL docs', { skip: !SITES.wsl && 'KBSITE_E2E_WSL_SITE not set (run through go test ./generator/e2e)' }, () => {
  for (const mode of ['http', 'file']) {
    test(`one panel at a time with JavaScript, the same tab across groups, arrow keys (${mode})`, async () => {
      const v = await visit(url('wsl', mode, pageOf(SITES.wsl, 'wsl-container')));
      try {
        let groups = await tabState(v.page);
        assert.ok(groups.length >= 2, `expected two tab groups, got ${groups.length}`);
        for (const g of groups) {
          assert.ok(g.list, 'the tab list shows');
          assert.equal(g.panels.length, 1, `one panel shows: ${g.panels}`);
          assert.deepEqual(g.labels, [], 'the labels give way to the tabs');
        }
        const second = await v.page.locator('.tabs').first().locator('[role="tab"]').nth(1);
        const name = await second.getAttribute('data-tab');
        await second.click();
        groups = await tabState(v.page);
        for (const g of groups) assert.deepEqual(g.panels, [name], 'choosing a tab chooses it in every group');
        await v.page.keyboard.press('ArrowLeft');
        groups = await tabState(v.page);
        assert.notDeepEqual(groups[0].panels, [name], 'ArrowLeft moves to the previous tab');
        if (mode === 'http') {
          assertNone((await axeViolations(v.page)).map((x) => `${x.rule}: ${x.help}: ${x.nodes.join('; ')}`), 'axe violations with tabs');
          await screenshot(v.page, 'corpus-wsl-tabs');
        }
        assertNone(v.errors, 'JavaScript errors');
      } finally {
        await v.close();
      }
    });

    test(`every panel under its label without JavaScript (${mode})`, async () => {
      const v = await visit(url('wsl', mode, pageOf(SITES.wsl, 'wsl-container')), { javaScriptEnabled: false });
      try {
        for (const g of await tabState(v.page)) {
          assert.equal(g.list, false, 'no tab list without JavaScript');
          assert.ok(g.panels.length >= 2, 'every panel shows');
          assert.equal(g.labels.length, g.panels.length, 'each panel under its label');
        }
      } finally {
        await v.close();
      }
    });
  }
});

// Page types of each real site, at both widths, light and dark.
const PAGES = {
  wsl: () => ['index.html', pageOf(SITES.wsl, 'install'), pageOf(SITES.wsl, 'install-manual'), pageOf(SITES.wsl, 'wsl-config'), 'search.html?q=wsl%20--install'],
  'kb-support': () => ['index.html', pageOf(SITES['kb-support'], 'connect-to-wireless-network'), 'az.html'],
};

for (const name of Object.keys(SITES)) {
  describe(`axe on the ${name} site`, { skip: !SITES[name] && `KBSITE_E2E_${name.replace('-', '').toUpperCase()}_SITE not set` }, () => {
    for (const [viewport, scheme] of [[WIDE, 'light'], [NARROW, 'dark']]) {
      test(`0 violations at ${viewport.width} px, ${scheme}`, async () => {
        const found = [];
        for (const rel of PAGES[name]()) {
          const v = await visit(url(name, 'http', rel), { viewport, colorScheme: scheme });
          try {
            if (rel.startsWith('search.html')) await v.page.waitForSelector('#search-results li, .search-status', { timeout: 10_000 }).catch(() => {});
            for (const x of await axeViolations(v.page)) found.push(`${rel}: ${x.rule}: ${x.help}: ${x.nodes.slice(0, 3).join('; ')}`);
            if (viewport === WIDE) await screenshot(v.page, `corpus-${name}-${rel.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
            assertNone(v.errors, `JavaScript errors on ${rel}`);
          } finally {
            await v.close();
          }
        }
        assertNone(found, `axe violations on the ${name} site`);
      });
    }
  });
}
