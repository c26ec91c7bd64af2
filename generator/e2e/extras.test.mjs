// The article page's extras from site.yaml, over http and file://: the
// "Was this page helpful?" answers (the bundled site's feedback_url is a
// mailto:) and, on the right-to-left fixture, a feedback form URL, the
// "Edit this page" link and the site's own favicon.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, load, setUp, siteURL, startServer, withPage } from './helpers.mjs';

const RTL_SITE = process.env.KBSITE_E2E_RTL_SITE;

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** The answers' hrefs and the page's title, as the reader's browser has them. */
async function answers(page) {
  const links = page.locator('.feedback a.feedback-answer');
  assert.equal(await links.count(), 2, 'Yes and No');
  const question = await page.locator('#feedback-question').textContent();
  const [yes, no] = await links.evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.href, described: a.getAttribute('aria-describedby') })));
  const title = await page.locator('h1').textContent();
  return { question, yes, no, title };
}

describe('"Was this page helpful?"', () => {
  for (const mode of ['http', 'file']) {
    test(`${mode}: Yes and No are mailto: links with the title and address, without JavaScript`, async () => {
      await withPage(ctx.browser, { javaScriptEnabled: false }, async (page) => {
        await load(page, ctx.url(mode, PAGES.article));
        const { question, yes, no, title } = await answers(page);
        assert.equal(question, 'Was this page helpful?');
        for (const [a, word] of [[yes, 'Yes'], [no, 'No']]) {
          assert.equal(a.text, word);
          assert.equal(a.described, 'feedback-question');
          const u = new URL(a.href);
          assert.equal(u.protocol + u.pathname, 'mailto:kb-feedback@example.com');
          assert.equal(u.searchParams.get('subject'), `Was this page helpful? ${word}: ${title}`);
          assert.equal(u.searchParams.get('body'), PAGES.article);
          assert.ok(!a.href.includes('+'), `spaces are %20 for mail programs: ${a.href}`);
        }
      });
    });
  }
});

describe('edit link, feedback form and favicon of the fixture', { skip: !RTL_SITE && 'KBSITE_E2E_RTL_SITE not set (run through go test ./generator/e2e)' }, () => {
  let server;
  before(async () => { server = await startServer(RTL_SITE); });
  after(async () => { await server?.close(); });

  for (const mode of ['http', 'file']) {
    test(`${mode}: "Edit this page" leads to the source, answers carry helpful, title and url, the site's icon loads`, async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, siteURL(mode, { dir: RTL_SITE, server }, 'he/kb/kb307294.html'));
        const edit = page.locator('.edit-link a');
        assert.equal(await edit.getAttribute('href'), 'https://github.com/example/rtl-kb/edit/main/he/kb307294.md');
        assert.equal(await edit.textContent(), 'עריכת הדף');
        const { yes, no, title } = await answers(page);
        for (const [a, value] of [[yes, 'yes'], [no, 'no']]) {
          const u = new URL(a.href);
          assert.equal(u.origin + u.pathname, 'https://help.example.com/feedback');
          assert.deepEqual(Object.fromEntries(u.searchParams), { helpful: value, title, url: 'he/kb/kb307294.html' });
        }
        const icon = page.locator('link[rel="icon"]');
        assert.equal(await icon.getAttribute('type'), 'image/svg+xml');
        assert.match(await icon.getAttribute('href'), /^\.\.\/\.\.\/assets\/site-icon\.[0-9a-f]{10}\.svg$/);
        const loaded = await page.evaluate(async (href) => new Promise((ok) => {
          const img = new Image();
          img.onload = () => ok(img.naturalWidth > 0);
          img.onerror = () => ok(false);
          img.src = href;
        }), await icon.evaluate((l) => l.href));
        assert.ok(loaded, 'the favicon loads');
      });
    });
  }
});
