// Navigation as a reader does it, over http (the site under a sub-path) and
// over file:// (the site opened from disk): browsing from the home page to
// a related article and back, table-of-contents links, "Back to the top",
// and old-ID alias pages.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALIAS, NARROW, PAGES, PREFIX, WALK, WIDE, aliasPages, load, setUp, withPage } from './helpers.mjs';

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** Where the page is now, as a site-relative path (no query or hash). */
function here(page, mode) {
  const u = new URL(page.url());
  if (mode === 'http') {
    assert.ok(u.pathname.startsWith(PREFIX), `left the ${PREFIX} sub-path: ${u.href}`);
    return u.pathname.slice(PREFIX.length);
  }
  const root = new URL(ctx.url('file', 'index.html')).pathname.replace(/index\.html$/, '');
  assert.ok(u.pathname.startsWith(root), `left the site folder: ${u.href}`);
  return u.pathname.slice(root.length);
}

async function h1(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

/** Is the element's top edge inside the viewport? */
async function topInView(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
}

for (const mode of ['http', 'file']) {
  describe(`over ${mode}`, () => {
    test('home → product → article → related article → back and forward', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        // Over http start at the bare sub-path: the folder serves index.html.
        await load(page, mode === 'http' ? ctx.server.base : ctx.url(mode, PAGES.home));
        assert.match(here(page, mode), /^(index\.html)?$/);

        await Promise.all([page.waitForEvent('load'), page.locator('.product-list a', { hasText: WALK.productTitle }).click()]);
        assert.equal(here(page, mode), WALK.productPath);
        assert.equal(await h1(page), WALK.productTitle);

        await Promise.all([page.waitForEvent('load'), page.locator('.article-list a', { hasText: WALK.articleTitle }).click()]);
        assert.equal(here(page, mode), WALK.articlePath);
        assert.equal(await h1(page), WALK.articleTitle);

        const related = page.locator('section.related a').first();
        const relatedTitle = (await related.textContent()).trim();
        const relatedHref = await related.getAttribute('href');
        await Promise.all([page.waitForEvent('load'), related.click()]);
        assert.equal(here(page, mode), new URL(relatedHref, 'http://x/' + WALK.articlePath).pathname.slice(1));
        assert.equal(await h1(page), relatedTitle);
        assert.notEqual(relatedTitle, WALK.articleTitle);

        await page.goBack({ waitUntil: 'load' });
        assert.equal(here(page, mode), WALK.articlePath);
        assert.equal(await h1(page), WALK.articleTitle);

        await page.goBack({ waitUntil: 'load' });
        assert.equal(here(page, mode), WALK.productPath);

        await page.goForward({ waitUntil: 'load' });
        assert.equal(here(page, mode), WALK.articlePath);

        // The breadcrumb leads back to the product, and "Home" home.
        await Promise.all([page.waitForEvent('load'), page.locator('.breadcrumbs a', { hasText: WALK.productTitle }).click()]);
        assert.equal(here(page, mode), WALK.productPath);
        await Promise.all([page.waitForEvent('load'), page.locator('.breadcrumbs a', { hasText: 'Home' }).click()]);
        assert.equal(here(page, mode), 'index.html');
      });
    });

    for (const viewport of [WIDE, NARROW]) {
      test(`table of contents links scroll to their sections at ${viewport.width} px`, async () => {
        await withPage(ctx.browser, { viewport }, async (page) => {
          await load(page, ctx.url(mode, PAGES.article));
          // Narrow, the list is folded under the title: unfold it first.
          if (viewport === NARROW) await page.locator('nav.toc summary').click();
          const ids = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          assert.ok(ids.length >= 3, `expected a table of contents, got ${ids.length} links`);
          // Each one, bottom-up so every click has to scroll.
          for (const href of ids.reverse()) {
            assert.match(href, /^#[\w-]+$/);
            const link = page.locator(`nav.toc a[href="${href}"]`);
            await link.scrollIntoViewIfNeeded();
            await link.click();
            await page.waitForFunction((h) => location.hash === h, href);
            assert.equal(new URL(page.url()).hash, href);
            assert.ok(await topInView(page, href), `${href}: the heading is not in the viewport after clicking its TOC link`);
            assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), href.slice(1));
          }
        });
      });
    }

    test('"Back to the top" scrolls back to the top', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        for (const rel of [PAGES.article, PAGES.az]) {
          await load(page, ctx.url(mode, rel));
          await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
          assert.ok((await page.evaluate(() => window.scrollY)) > 200, `${rel} is too short to test scrolling`);
          await page.locator('.site-footer a', { hasText: 'Back to the top' }).click();
          await page.waitForFunction(() => location.hash === '#top');
          assert.equal(await page.evaluate(() => window.scrollY), 0, `${rel}: not at the top`);
          assert.ok(await topInView(page, '#top'));
        }
        // Articles with a long resolution have "Back to the top" links in the body too.
        const rel = 'kb/kb822498.html';
        await load(page, ctx.url(mode, rel));
        const inBody = page.locator('.article-body .back-to-top a');
        assert.ok((await inBody.count()) > 0, `${rel} has no "Back to the top" links in its body`);
        const last = inBody.last();
        await last.scrollIntoViewIfNeeded();
        assert.ok((await page.evaluate(() => window.scrollY)) > 200);
        await last.click();
        await page.waitForFunction(() => location.hash === '#top');
        assert.equal(await page.evaluate(() => window.scrollY), 0);
      });
    });

    test(`alias page ${ALIAS.from} lands on ${ALIAS.to}`, async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await Promise.all([
          page.waitForURL((u) => u.pathname.endsWith('/' + ALIAS.to), { waitUntil: 'load' }),
          page.goto(ctx.url(mode, ALIAS.from)),
        ]);
        assert.equal(here(page, mode), ALIAS.to);
        assert.equal(await h1(page), WALK.articleTitle);
      });
    });
  });
}

test('every alias page redirects to its article over http', async () => {
  const aliases = aliasPages(ctx.dir);
  assert.ok(aliases.length > 0, 'the site has no alias pages');
  await withPage(ctx.browser, {}, async (page) => {
    for (const { from, to } of aliases) {
      await Promise.all([
        page.waitForURL((u) => u.pathname === PREFIX + to, { waitUntil: 'load' }),
        page.goto(ctx.url('http', from)),
      ]);
      assert.equal(here(page, 'http'), to, `${from} did not land on ${to}`);
      assert.ok(await page.locator('article.kb-article h1').isVisible(), `${to} is not an article`);
    }
  });
});

test('a missing page over http answers 404 with the not-found page', async () => {
  await withPage(ctx.browser, {}, async (page, p) => {
    const url = ctx.url('http', 'no-such-page.html');
    p.expect(url);
    const res = await load(page, url);
    assert.equal(res.status(), 404);
    assert.equal(await h1(page), 'Page not found');
    // Its links work from the site root.
    await Promise.all([page.waitForEvent('load'), page.locator('main a', { hasText: 'A–Z index' }).click()]);
    assert.equal(here(page, 'http'), 'az.html');
  });
});

test('nothing is served outside the sub-path', async () => {
  const res = await fetch(ctx.server.origin + '/index.html');
  assert.equal(res.status, 404);
  await res.arrayBuffer();
});
