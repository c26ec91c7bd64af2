// Accessibility: axe-core finds no violations on each kind of page, in the
// light and the dark colour scheme, at desktop and phone widths.

import { after, before, describe, test } from 'node:test';
import { NARROW, assertNone, axeViolations, PAGES, SEARCH_RESULTS_PAGE, WIDE, load, setUp, siteFiles, withPage } from './helpers.mjs';

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** Checks each page in turn in one browser tab and reports all violations at once. */
async function checkPages(rels, { colorScheme, viewport = WIDE }) {
  await withPage(ctx.browser, { colorScheme, viewport }, async (page) => {
    const found = [];
    for (const rel of rels) {
      await load(page, ctx.url('http', rel));
      for (const v of await axeViolations(page)) {
        found.push(`${rel}: ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
      }
    }
    assertNone(found, `axe violations (${colorScheme}, ${viewport.width} px)`);
  });
}

const checkPage = (rel, opts) => checkPages([rel], opts);

// Every article too: their bodies differ (tables, code, callouts, images).
const articles = () => siteFiles(ctx.dir, (p) => /[\\/]kb[\\/]kb[^\\/]*\.html$/.test(p));

for (const colorScheme of ['light', 'dark']) {
  describe(`${colorScheme} colour scheme`, () => {
    for (const [kind, rel] of Object.entries(PAGES)) {
      test(`axe: ${kind} page (${rel})`, () => checkPage(rel, { colorScheme }));
    }
    test('axe: product page at 360 px', () => checkPage(PAGES.product, { colorScheme, viewport: NARROW }));
    test('axe: article page at 360 px', () => checkPage(PAGES.article, { colorScheme, viewport: NARROW }));
    test('axe: a keyword page', () => checkPage('keywords/password.html', { colorScheme }));
    test('axe: every article', async () => {
      await checkPages(articles(), { colorScheme });
    });
    // The search results page: set SEARCH_RESULTS_PAGE in helpers.mjs once it exists.
    test('axe: search results page', { todo: SEARCH_RESULTS_PAGE ? false : 'no search results page yet' }, async () => {
      if (SEARCH_RESULTS_PAGE) await checkPage(SEARCH_RESULTS_PAGE, { colorScheme });
    });
  });
}
