// Search UI: the header box with results as you type (an ARIA combobox) and
// the shareable results page search.html?q=...&product=...&type=..., with its
// filters, counts and history, over http under
// a sub-path and over file://, from pages deeper in the tree. Every page
// visited must log no errors and make no failing request (withPage).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { NARROW, ROOT, WIDE, load, screenshot, setUp, withPage } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const ARTICLE = 'kb/kb307294.html';
const HOSTILE = ['<img src=x onerror=window.__pwned=1>', '"><script>window.__pwned=1</script>'];

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** Types q into the header box key by key and waits for its results. */
async function type(page, q) {
  const box = page.locator('#search-input');
  // On a phone the box is folded behind the header's search button.
  if (!(await box.isVisible())) await page.locator('.search-toggle summary').click();
  await box.click();
  await box.fill('');
  await box.pressSequentially(q);
  await page.waitForFunction((want) => document.getElementById('search-popup')?.dataset.q === want, q);
}

/** What the dropdown shows: result IDs, link targets and state. */
function dropdown(page) {
  return page.evaluate(() => {
    const input = document.getElementById('search-input');
    const popup = document.getElementById('search-popup');
    const opts = [...document.querySelectorAll('#search-listbox [role="option"]')];
    return {
      expanded: input.getAttribute('aria-expanded'),
      open: !popup.hidden,
      activedescendant: input.getAttribute('aria-activedescendant'),
      ids: opts.filter((o) => !o.classList.contains('search-option-all'))
        .map((o) => o.querySelector('.search-option-meta').textContent.split(' · ')[0]),
      hrefs: opts.map((o) => o.href),
      selected: opts.filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.id),
      marks: [...popup.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase()),
      empty: popup.querySelector('.search-empty')?.hidden ? '' : popup.querySelector('.search-empty')?.textContent,
      status: document.querySelector('.search-form [role="status"]').textContent,
    };
  });
}

/** What the results page lists. */
function resultsPage(page) {
  return page.evaluate(() => {
   const optionState = (o) => {
     const m = / \((\d+)\)$/.exec(o.textContent);
     return [o.value, o.dataset.name || o.textContent, m ? Number(m[1]) : null, o.disabled];
   };
   return {
    ids: [...document.querySelectorAll('#search-results .search-result-meta')].map((m) => m.textContent.split(' · ')[0]),
    meta: [...document.querySelectorAll('#search-results .search-result-meta')].map((m) => m.textContent),
    hrefs: [...document.querySelectorAll('#search-results a')].map((a) => a.href),
    summary: document.getElementById('search-summary').textContent,
    q: document.getElementById('search-page-q').value,
    product: document.getElementById('search-product').value,
    type: document.getElementById('search-type').value,
    // [value, name, count or null, disabled] of each option.
    products: [...document.getElementById('search-product').options].map((o) => [o.value, o.dataset.name || o.textContent]),
    productCounts: [...document.getElementById('search-product').options].map(optionState),
    types: [...document.getElementById('search-type').options].map(optionState),
    typeShown: !document.querySelector('.search-field-type').hidden,
    nojs: document.querySelector('.search-nojs').hidden,
    marks: [...document.querySelectorAll('#search-results mark')].length,
  };
  });
}

async function waitPage(page, q, product = '', type = '') {
  await page.waitForFunction(([q, p, t]) => {
    const d = document.getElementById('search-page').dataset;
    return d.q === q && d.product === p && d.type === t && !document.getElementById('search-page').hasAttribute('aria-busy');
  }, [q, product, type]);
}

for (const mode of ['http', 'file']) {
  describe(`search over ${mode}`, () => {
    const url = (rel) => ctx.url(mode, rel);

    test('typing shows results as you type, with links that work from a deep page', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await type(page, 'proxy');
        const d = await dropdown(page);
        assert.equal(d.open, true);
        assert.equal(d.expanded, 'true');
        assert.ok(d.ids.slice(0, 3).includes('KB310221'), `KB310221 not in the top 3: ${d.ids}`);
        assert.ok(d.marks.includes('proxy'), `no highlighted "proxy": ${d.marks}`);
        assert.match(d.status, /^\d+ results?/);
        // Every link lands on a real page of the site, anchor included.
        for (const href of d.hrefs) {
          assert.ok(href.startsWith(url('')), `${href} leaves the site`);
          const rel = decodeURI(href.slice(url('').length).split('#')[0].split('?')[0]);
          assert.ok(readdirSync(join(ctx.dir, rel.split('/').slice(0, -1).join('/') || '.')).includes(rel.split('/').pop()), `${href}: no such file`);
        }
        assert.ok(d.hrefs.at(-1).includes('search.html?q=proxy'), 'the last option opens the results page');
      });
    });

    test('a typo still finds (pasword, firewal), and so does a prefix (passp)', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await type(page, 'pasword');
        let d = await dropdown(page);
        assert.ok(d.ids.length > 0, 'pasword finds nothing');
        assert.ok(d.marks.some((m) => m.startsWith('password')), `password is not highlighted: ${d.marks}`);
        await type(page, 'firewal');
        d = await dropdown(page);
        assert.ok(d.ids.length > 0, 'firewal finds nothing');
        assert.ok(d.marks.some((m) => m.startsWith('firewall')), `firewall is not highlighted: ${d.marks}`);
        await type(page, 'passp');
        d = await dropdown(page);
        assert.ok(d.ids.length > 0, 'passp finds nothing');
        assert.ok(d.marks.some((m) => m.startsWith('passport')), `passport is not highlighted: ${d.marks}`);
      });
    });

    test('a translated page speaks its language in the box (its search-text script)', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('de/kb/kb305159.html'));
        await type(page, 'zzqxj');
        const d = await dropdown(page);
        assert.equal(d.status, 'Keine Ergebnisse');
        assert.match(d.empty, /^Keine Artikel entsprechen „zzqxj“/);
        assert.equal(await page.getAttribute('#search-listbox', 'aria-label'), 'Passende Artikel');
        // An English page of the same site keeps English.
        await load(page, url(ARTICLE));
        await type(page, 'zzqxj');
        assert.equal((await dropdown(page)).status, 'No results');
      });
    });

    test('an article ID typed alone comes first', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await type(page, '307294');
        assert.equal((await dropdown(page)).ids[0], 'KB307294');
      });
    });

    test('no results suggests a spelling that runs the corrected query', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('products/windows-messenger.html'));
        await type(page, 'pasord');
        const d = await dropdown(page);
        assert.deepEqual(d.ids, []);
        assert.equal(d.expanded, 'false');
        assert.match(d.empty, /No articles match “pasord”\.Did you mean password\?/);
        assert.equal(d.status, 'No results');
        await page.click('.search-suggest a');
        await page.waitForFunction(() => document.getElementById('search-popup').dataset.q === 'password');
        assert.equal(await page.inputValue('#search-input'), 'password');
        assert.ok((await dropdown(page)).ids.length > 0);
      });
    });

    test('keyboard: arrows move through the results and Enter opens one', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await type(page, 'proxy');
        let d = await dropdown(page);
        assert.equal(d.activedescendant, null);
        await page.keyboard.press('ArrowDown');
        d = await dropdown(page);
        assert.equal(d.activedescendant, 'search-opt-0');
        assert.deepEqual(d.selected, ['search-opt-0']);
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
        d = await dropdown(page);
        assert.deepEqual(d.selected, ['search-opt-1']);
        assert.equal(d.activedescendant, 'search-opt-1');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'focus left the box');
        const target = d.hrefs[1];
        await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
        assert.equal(page.url(), target);
        await page.waitForLoadState('load');
      });
    });

    test('Enter with nothing selected goes to the results page', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await type(page, 'proxy');
        await Promise.all([page.waitForURL(/search\.html\?q=proxy$/), page.keyboard.press('Enter')]);
        assert.equal(page.url(), url('search.html?q=proxy'));
        await waitPage(page, 'proxy');
        assert.ok((await resultsPage(page)).ids.includes('KB310221'));
      });
    });

    test('/ focuses the box, Esc closes the dropdown and a second Esc clears it', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        await page.click('h1');
        await page.keyboard.press('/');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
        assert.equal(await page.inputValue('#search-input'), '', 'the / was typed into the box');
        await page.keyboard.type('proxy');
        await page.waitForFunction(() => document.getElementById('search-popup').dataset.q === 'proxy');
        assert.equal((await dropdown(page)).open, true);
        // A / inside the box is just a character.
        await page.keyboard.press('/');
        assert.equal(await page.inputValue('#search-input'), 'proxy/');
        await page.keyboard.press('Backspace');
        await page.waitForFunction(() => document.getElementById('search-popup').dataset.q === 'proxy');
        await page.keyboard.press('Escape');
        let d = await dropdown(page);
        assert.equal(d.open, false);
        assert.equal(d.expanded, 'false');
        assert.equal(await page.inputValue('#search-input'), 'proxy', 'the first Esc cleared the box');
        await page.keyboard.press('ArrowDown');
        assert.equal((await dropdown(page)).open, true, 'ArrowDown does not reopen the dropdown');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        d = await dropdown(page);
        assert.equal(await page.inputValue('#search-input'), '');
        assert.equal(d.open, false);
      });
    });

    test('/ in another field is just a character, and the index loads only when wanted', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        const asked = [];
        page.on('request', (req) => { if (req.url().includes('/search/en/')) asked.push(req.url()); });
        await load(page, url(ARTICLE));
        assert.deepEqual(asked, [], 'a page nobody searches from loads index files');
        await load(page, url('search.html'));
        assert.equal(await page.evaluate(() => document.activeElement.id), 'search-page-q', 'the empty results page does not focus its box');
        await page.keyboard.type('a/b');
        assert.equal(await page.inputValue('#search-page-q'), 'a/b');
        assert.equal(await page.inputValue('#search-input'), '');
      });
    });

    test('hostile queries render as text, in the dropdown and on the results page', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url(ARTICLE));
        for (const q of HOSTILE) {
          await type(page, q);
          const text = await page.evaluate(() => document.getElementById('search-popup').textContent);
          if ((await dropdown(page)).ids.length === 0) assert.ok(text.includes(q), `the query is not shown as text: ${text}`);
          else assert.ok((await dropdown(page)).hrefs.at(-1).includes('search.html?q='));
          assert.equal(await page.evaluate(() => document.querySelectorAll('.search-form img, .search-form script').length), 0);
        }
        for (const q of HOSTILE) {
          await load(page, url('search.html?q=' + encodeURIComponent(q)));
          await waitPage(page, q);
          const r = await resultsPage(page);
          assert.equal(r.q, q);
          assert.ok(r.summary.includes(`“${q}”`), r.summary);
          assert.ok((await page.title()).includes(q));
          assert.equal(await page.evaluate(() => document.querySelectorAll('#search-page img, #search-page script').length), 0);
        }
        assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      });
    });

    test('the results page lists every match and the product filter narrows them', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('search.html?q=proxy'));
        await waitPage(page, 'proxy');
        const all = await resultsPage(page);
        assert.equal(all.nojs, true, 'the no-JavaScript message still shows');
        assert.equal(all.q, 'proxy');
        assert.ok(all.ids.length >= 4, `only ${all.ids}`);
        assert.ok(all.ids.slice(0, 3).includes('KB310221'));
        assert.match(all.summary, new RegExp(`^${all.ids.length} articles match “proxy”\\.$`));
        assert.ok(all.marks > 0);
        assert.ok(all.products.length > 3, `products: ${all.products}`);
        assert.deepEqual(all.products[0], ['', 'All products']);
        assert.ok(all.products.some(([v, n]) => v === 'msn-messenger' && n === 'MSN Messenger 6.x'));
        for (const href of all.hrefs) assert.ok(href.startsWith(url('kb/')), href);

        await page.selectOption('#search-product', 'msn-messenger');
        await waitPage(page, 'proxy', 'msn-messenger');
        const some = await resultsPage(page);
        assert.ok(some.ids.length > 0 && some.ids.length < all.ids.length, `${some.ids} vs ${all.ids}`);
        assert.ok(some.meta.every((m) => m.includes('MSN Messenger 6.x')), some.meta.join('\n'));
        assert.ok(!some.ids.includes('KB310221'));
        assert.match(some.summary, /\(MSN Messenger 6\.x\)/);
        assert.equal(page.url(), url('search.html?q=proxy&product=msn-messenger'));

        // The filtered address is shareable.
        await load(page, url('search.html?q=proxy&product=msn-messenger'));
        await waitPage(page, 'proxy', 'msn-messenger');
        const again = await resultsPage(page);
        assert.equal(again.product, 'msn-messenger');
        assert.deepEqual(again.ids, some.ids);

        // Typing on the page updates the results and the address.
        await page.fill('#search-page-q', '307294');
        await waitPage(page, '307294', 'msn-messenger');
        await page.selectOption('#search-product', '');
        await waitPage(page, '307294', '');
        assert.equal((await resultsPage(page)).ids[0], 'KB307294');
        assert.equal(page.url(), url('search.html?q=307294'));
      });
    });

    test('the type filter narrows the results, each filter value shows its count, and the address and back/forward keep them', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('search.html?q=messenger'));
        await waitPage(page, 'messenger');
        const all = await resultsPage(page);
        assert.equal(all.typeShown, true, 'the bundled site has article types');
        assert.deepEqual(all.types[0], ['', 'All types', null, false]);
        const types = Object.fromEntries(all.types.slice(1).map(([v, , n]) => [v, n]));
        assert.deepEqual(Object.keys(types).sort(), ['how-to', 'reference', 'troubleshooter', 'troubleshooting']);
        // Every bundled English article has a type: the counts add up to the total.
        const total = Number(/^(\d+) articles match/.exec(all.summary)[1]);
        assert.equal(Object.values(types).reduce((a, b) => a + b, 0), total, JSON.stringify(all.types));
        assert.ok(all.productCounts.slice(1).every(([, , n]) => n !== null), JSON.stringify(all.productCounts));

        await page.selectOption('#search-type', 'how-to');
        await waitPage(page, 'messenger', '', 'how-to');
        const howto = await resultsPage(page);
        assert.equal(page.url(), url('search.html?q=messenger&type=how-to'));
        assert.equal(howto.ids.length, types['how-to']);
        assert.ok(howto.meta.every((m) => m.split(' · ')[1] === 'How-to guide'), howto.meta.join('\n'));
        assert.match(howto.summary, new RegExp(`^${types['how-to']} articles match “messenger” \\(How-to guide\\)\\.$`));
        // Product counts now count how-to articles only, as choosing one gives.
        const xp = howto.productCounts.find(([v]) => v === 'windows-xp')[2];
        assert.ok(xp > 0 && xp < howto.ids.length, JSON.stringify(howto.productCounts));

        await page.selectOption('#search-product', 'windows-xp');
        await waitPage(page, 'messenger', 'windows-xp', 'how-to');
        const both = await resultsPage(page);
        assert.equal(page.url(), url('search.html?q=messenger&product=windows-xp&type=how-to'));
        assert.equal(both.ids.length, xp);
        assert.match(both.summary, /\(Microsoft Windows XP Home Edition and Professional, How-to guide\)\.$/);

        // Back and forward restore the query, the filters and the results.
        await page.goBack();
        await waitPage(page, 'messenger', '', 'how-to');
        let r = await resultsPage(page);
        assert.deepEqual([r.q, r.product, r.type, r.ids], ['messenger', '', 'how-to', howto.ids]);
        await page.goBack();
        await waitPage(page, 'messenger');
        r = await resultsPage(page);
        assert.deepEqual([r.q, r.product, r.type, r.ids], ['messenger', '', '', all.ids]);
        assert.equal(page.url(), url('search.html?q=messenger'));
        await page.goForward();
        await waitPage(page, 'messenger', '', 'how-to');
        await page.goForward();
        await waitPage(page, 'messenger', 'windows-xp', 'how-to');
        assert.deepEqual((await resultsPage(page)).ids, both.ids);

        // The address is shareable: opened anew, it shows the same.
        await load(page, url('search.html?q=messenger&product=windows-xp&type=how-to'));
        await waitPage(page, 'messenger', 'windows-xp', 'how-to');
        r = await resultsPage(page);
        assert.deepEqual([r.product, r.type, r.ids], ['windows-xp', 'how-to', both.ids]);

        // A type with no match is offered with 0, disabled; the header box still works here.
        await page.fill('#search-page-q', 'proxy');
        await waitPage(page, 'proxy', 'windows-xp', 'how-to');
        r = await resultsPage(page);
        assert.ok(r.types.some(([, , n, off]) => n === 0 && off), JSON.stringify(r.types));
        await type(page, 'passport');
        assert.ok((await dropdown(page)).ids.length > 0, 'the header box finds nothing on the results page');
      });
    });

    test('an unknown type finds nothing and offers to search every type', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('search.html?q=messenger&type=nope'));
        await waitPage(page, 'messenger', '', 'nope');
        const r = await resultsPage(page);
        assert.deepEqual(r.ids, []);
        assert.equal(r.type, 'nope');
        const link = page.locator('#search-extra .search-alt a');
        assert.equal(await link.textContent(), 'Search all article types instead');
        await Promise.all([page.waitForURL(/q=messenger$/), link.click()]);
        await waitPage(page, 'messenger');
        assert.ok((await resultsPage(page)).ids.length > 0);
      });
    });

    test('the results page suggests a spelling when nothing matches', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('search.html?q=pasord'));
        await waitPage(page, 'pasord');
        const r = await resultsPage(page);
        assert.deepEqual(r.ids, []);
        assert.match(r.summary, /No articles match “pasord”/);
        const link = page.locator('#search-extra .search-suggest a');
        assert.equal(await link.textContent(), 'password');
        await Promise.all([page.waitForURL(/q=password$/), link.click()]);
        await waitPage(page, 'password');
        assert.ok((await resultsPage(page)).ids.length > 0);
      });
    });

    test('a corrected word says so, and the original can be searched as typed', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, url('search.html?q=pasword'));
        await waitPage(page, 'pasword');
        const r = await resultsPage(page);
        assert.ok(r.ids.length > 0, 'pasword finds nothing');
        assert.match(r.summary, /articles? match(es)? “password”/);
        const note = page.locator('#search-extra .search-corrected');
        assert.equal(await note.textContent(), 'Showing results for password (no results for pasword) Search for “pasword” instead');
        assert.deepEqual(await note.locator('em').allTextContents(), ['password', 'pasword']);
        await Promise.all([page.waitForURL(/q=pasword&exact=1$/), note.locator('a').click()]);
        await page.waitForFunction(() => document.getElementById('search-summary').textContent.includes('No articles match'));
        const exact = await resultsPage(page);
        assert.deepEqual(exact.ids, []);
        assert.match(exact.summary, /No articles match “pasword”/);

        // The header box says it too.
        await type(page, 'pasword');
        assert.equal(await page.locator('#search-popup .search-corrected em').first().textContent(), 'password');
      });
    });
  });
}

describe('without JavaScript', () => {
  test('the box submits to search.html, which explains and links to the A–Z index', async () => {
    const context = await ctx.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(ctx.url('http', ARTICLE));
      await page.fill('#search-input', 'proxy');
      await Promise.all([page.waitForURL(/search\.html\?q=proxy$/), page.press('#search-input', 'Enter')]);
      assert.equal(page.url(), ctx.url('http', 'search.html?q=proxy'));
      assert.match(await page.textContent('.search-nojs'), /Search needs JavaScript/);
      assert.equal(await page.getAttribute('.search-nojs a[href$="az.html"]', 'href'), 'az.html');
      assert.equal(await page.isVisible('.search-page-form'), false);
    } finally {
      await context.close();
    }
  });
});

/** Runs axe on the page as it is and returns its violations, readably. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('accessibility and looks', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [WIDE, NARROW]) {
      const tag = `${colorScheme === 'dark' ? '-dark' : ''}${viewport === NARROW ? '-360' : ''}`;
      test(`axe: search.html?q=proxy (${colorScheme}, ${viewport.width} px)`, async () => {
        await withPage(ctx.browser, { colorScheme, viewport }, async (page) => {
          await load(page, ctx.url('http', 'search.html?q=proxy'));
          await waitPage(page, 'proxy');
          await screenshot(page, `search-page${tag}`);
          assert.deepEqual(await axe(page), []);
        });
      });
      test(`axe: the open dropdown with a selection (${colorScheme}, ${viewport.width} px)`, async () => {
        await withPage(ctx.browser, { colorScheme, viewport }, async (page) => {
          await load(page, ctx.url('http', ARTICLE));
          await type(page, 'passw');
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          await screenshot(page, `search-dropdown${tag}`, { fullPage: false });
          assert.deepEqual(await axe(page), []);
          const wide = await page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth);
          assert.equal(wide, false, 'the dropdown makes the page scroll sideways');
        });
      });
    }
    test(`axe: no results with a suggestion (${colorScheme})`, async () => {
      await withPage(ctx.browser, { colorScheme }, async (page) => {
        await load(page, ctx.url('http', 'search.html?q=pasord&product=msn-messenger'));
        await waitPage(page, 'pasord', 'msn-messenger');
        await type(page, 'pasord');
        await screenshot(page, `search-none${colorScheme === 'dark' ? '-dark' : ''}`, { fullPage: false });
        assert.deepEqual(await axe(page), []);
      });
    });
  }
});

// search-ui.js is on every page (6.5 KiB: it loads search-engine.js itself,
// on first use); the results page's own code, search-page.js, only on
// search.html. TestArticleWeight keeps the whole page small.
for (const [name, max] of [['search-ui', 6.5 * 1024], ['search-page', 4 * 1024]]) {
  test(`${name}.js stays small`, () => {
    const dir = join(ctx.dir, 'assets');
    const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.js$`).test(f));
    assert.ok(file, `${name}.js is not published`);
    const gz = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    assert.ok(gz < max, `${name}.js is ${gz} bytes gzipped`);
  });
}
