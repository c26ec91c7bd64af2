// The error guard every other test relies on must itself catch each kind of
// problem, over http and over file://, or the other tests prove nothing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, siteURL, startServer } from './helpers.mjs';

const PAGES = {
  'missing-css.html': '<link rel="stylesheet" href="assets/nope.css">',
  'missing-img.html': '<img src="images/nope.png" alt="">',
  'js-error.html': '<script>undefinedFunction()</script>',
  'console-error.html': '<script>console.error("boom")</script>',
  'clean.html': '<p>fine</p>',
};

let dir, server, browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kbsite-guard-'));
  for (const [name, body] of Object.entries(PAGES)) {
    writeFileSync(join(dir, name), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>${body}</head><body><p>x</p></body></html>`);
  }
  server = await startServer(dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const mode of ['http', 'file']) {
  for (const name of Object.keys(PAGES)) {
    const clean = name === 'clean.html';
    test(`over ${mode}, the guard ${clean ? 'passes' : 'catches'} ${name}`, async () => {
      const p = await openPage(browser);
      try {
        await p.page.goto(siteURL(mode, { dir, server }, name), { waitUntil: 'load' });
        if (clean) p.check();
        else assert.throws(() => p.check(), /errors, console errors or failed requests/);
      } finally {
        await p.close();
      }
    });
  }
}
