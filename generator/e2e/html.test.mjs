// Valid HTML: the Nu HTML Checker (vnu.jar, from the vnu-jar package) finds
// no errors in any generated page. All pages go to one run of the checker,
// which is slow to start. (a11y.test.mjs checks each page type again as the
// browser renders it, script and all.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { assertNone, siteDir, siteFiles, vnuErrors } from './helpers.mjs';

test('the Nu HTML Checker finds no errors in any page', async () => {
  const dir = siteDir();
  const pages = siteFiles(dir, (p) => p.endsWith('.html'));
  assert.ok(pages.length > 20, `only ${pages.length} pages`);
  const errors = await vnuErrors(pages.map((p) => join(dir, p)), (f) => f.replace(dir + '/', ''));
  assertNone(errors, `HTML errors in the ${pages.length} pages`);
});
