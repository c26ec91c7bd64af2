// The home page (templates/home.html) and the all-topics page: the large
// search box is the site's real search over http and file://, and the
// search page's form without JavaScript; featured articles, product cards
// and the top topics lead where they say; axe finds nothing on either page
// at phone and desktop widths, light and dark.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NARROW, PAGES, WIDE, assertNone, axeViolations, load, setUp, withPage } from './helpers.mjs';

const TOPICS = 'topics.html';
const PHONE = { width: 390, height: 844 };

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** The page's path after the site root ("search.html?q=proxy"). */
function rel(page, mode) {
  const root = ctx.url(mode, PAGES.home).replace(/index\.html$/, '');
  assert.ok(page.url().startsWith(root), `left the site: ${page.url()}`);
  return page.url().slice(root.length);
}

for (const mode of ['http', 'file']) {
  describe(`home search box over ${mode}`, () => {
    for (const viewport of [WIDE, PHONE]) {
      test(`shows results as you type and opens the one chosen (${viewport.width} px)`, async () => {
        await withPage(ctx.browser, { viewport }, async (page) => {
          await load(page, ctx.url(mode, PAGES.home));
          assert.equal(await page.locator('.search-form').count(), 1, 'the home page has one search box');
          const box = page.locator('.hero-search #search-input');
          assert.ok(await box.isVisible(), 'the large box is not shown');
          const height = await box.evaluate((el) => el.getBoundingClientRect().height);
          assert.ok(height >= 48, `the box is ${height} px high, not large`);
          await box.click();
          await box.pressSequentially('proxy');
          // Results for the whole word, not for a prefix typed on the way
          // ("pro"): the popup says which query it shows.
          await page.waitForFunction(() => document.getElementById('search-popup')?.dataset.q === 'proxy');
          const first = page.locator('#search-listbox [role="option"]').first();
          const href = await first.getAttribute('href');
          assert.match(href, /^kb\/kb\d+\.html/, 'results link articles relative to the home page');
          await box.press('ArrowDown');
          await Promise.all([page.waitForEvent('load'), box.press('Enter')]);
          assert.equal(rel(page, mode), href);
        });
      });
    }

    test('Enter opens the search page with the query', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, PAGES.home));
        await page.fill('#search-input', 'proxy');
        // Let the results as you type arrive, so that leaving the page
        // cancels no index request still on its way.
        await page.waitForFunction(() => document.getElementById('search-popup')?.dataset.q === 'proxy');
        await Promise.all([page.waitForEvent('load'), page.press('#search-input', 'Enter')]);
        assert.equal(rel(page, mode), 'search.html?q=proxy');
        await page.locator('#search-results a').first().waitFor();
      });
    });

    test('"/" focuses the box', async () => {
      await withPage(ctx.browser, { viewport: PHONE }, async (page) => {
        await load(page, ctx.url(mode, PAGES.home));
        await page.keyboard.press('/');
        await page.waitForFunction(() => document.activeElement?.id === 'search-input');
      });
    });
  });
}

test('without JavaScript the box submits to the search page', async () => {
  await withPage(ctx.browser, { javaScriptEnabled: false }, async (page) => {
    await load(page, ctx.url('http', PAGES.home));
    await page.fill('#search-input', 'firewall');
    await Promise.all([page.waitForEvent('load'), page.press('#search-input', 'Enter')]);
    assert.equal(rel(page, 'http'), 'search.html?q=firewall');
  });
});

test('featured articles, product cards and top topics lead to their pages', async () => {
  await withPage(ctx.browser, {}, async (page) => {
    await load(page, ctx.url('http', PAGES.home));
    const featured = await page.locator('.featured-list .card-title').allTextContents();
    assert.deepEqual(featured, ['Common solutions for Windows Messenger account logon problems',
      'How to check for and correct proxy settings that prevent Windows Messenger sign-in on a LAN',
      'How to use Windows Messenger behind a firewall or a NAT device'], 'site.yaml featured, in order');
    const counts = await page.locator('.product-list .count').allTextContents();
    assert.ok(counts.length > 1 && counts.every((c) => /^\d+ articles?$/.test(c)), `product counts ${counts}`);
    const topics = page.locator('.top-topics li');
    assert.equal(await topics.count(), 12, 'the top 12 topics, not all of them');
    const dates = await page.locator('.recent-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.ok(dates.length > 0 && dates.every((d) => /^\d{4}-\d\d-\d\d$/.test(d)), `dates ${dates}`);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'most recent first');
    await Promise.all([page.waitForEvent('load'), page.locator('.more-link a').click()]);
    assert.equal(rel(page, 'http'), TOPICS);
    const all = await page.locator('.topic-list li').count();
    assert.ok(all > 12, `the topics page lists ${all} topics`);
    const jump = await page.locator('.letter-nav a').allTextContents();
    assert.deepEqual(jump, [...jump].sort((a, b) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b, 'en'))), `jump bar ${jump}`);
  });
});

describe('axe on the home and topics pages', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [PHONE, WIDE, NARROW]) {
      test(`${colorScheme}, ${viewport.width} px`, async () => {
        await withPage(ctx.browser, { viewport, colorScheme }, async (page) => {
          const found = [];
          for (const p of [PAGES.home, TOPICS, 'de/index.html', 'de/topics.html']) {
            await load(page, ctx.url('http', p));
            for (const v of await axeViolations(page)) {
              found.push(`${p}: ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
            }
          }
          assertNone(found, `axe violations (${colorScheme}, ${viewport.width} px)`);
        });
      });
    }
  }
});
