// The search box end to end: the real app (dev build, real Go bindings, a
// real SQLite file filled by `fieldbook seed`) in Debian's Chromium. Ctrl+K
// opens it anywhere, part of a seeded contact's name finds the contact and
// Enter opens it; a word of a seeded meeting finds the meeting and Enter
// opens it in the calendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems;

before(async () => {
  xvfb = await startXvfb();
  const dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '60', '--seed', '11', '--selling=false');
  app = await startApp({ display: xvfb.display, dbPath, name: 'search' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '60 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

const input = () => page.getByTestId('search-input');
const hits = () => page.getByTestId('search-hit');

test('Ctrl+K, part of a seeded name, Enter opens the contact', async () => {
  // A seeded contact's name, as the list shows it (any script).
  const first = page.getByTestId('contact-row').first();
  await first.waitFor();
  const name = (await first.locator('.fb-row-name').innerText()).trim();
  const words = name.split(/\s+/);
  assert.ok(words.length >= 2, `a seeded name has two words: ${name}`);
  // "Jürgen Müller" → "jür mül": the start of each word.
  const typed = words
    .slice(0, 2)
    .map((w) => [...w].slice(0, 3).join(''))
    .join(' ');

  // The sidebar shows the box's button with its shortcut.
  await page.getByTestId('search-open').filter({ hasText: 'Ctrl K' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'search-sidebar.png') });

  // The shortcut works while a text field has the focus too.
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-search').focus();
  await page.keyboard.press('Control+k');
  await input().waitFor();
  await input().pressSequentially(typed);
  const hit = hits().filter({ hasText: name }).first();
  await hit.waitFor();
  assert.equal(await hits().first().getAttribute('data-kind'), 'contact');
  assert.ok((await page.locator('[data-testid="search-hit"] mark').count()) >= 1, 'the typed words are marked');
  await page.screenshot({ path: join(ARTIFACTS, 'search-contact.png') });

  // The best hit is selected: Enter opens it.
  const id = await hits().first().getAttribute('data-id');
  const firstTitle = (await hits().first().getByTestId('search-hit-title').innerText()).trim();
  await page.keyboard.press('Enter');
  await input().waitFor({ state: 'detached' });
  await page.getByTestId('contact-detail').getByRole('heading', { name: firstTitle }).waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/contacts/);
  assert.ok(id);
});

test('a word of a meeting, arrow keys, Enter opens the meeting; Esc closes', async () => {
  await page.keyboard.press('Control+k');
  await input().waitFor();
  await input().pressSequentially('quarterly busin');
  const meeting = hits().filter({ hasText: 'Quarterly business review' });
  await meeting.waitFor();
  assert.equal(await meeting.getAttribute('data-kind'), 'event');
  await page.screenshot({ path: join(ARTIFACTS, 'search-meeting.png') });
  // Walk to it with the arrows: down as many times as it is far from the top.
  const all = await hits().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  for (let i = 0; i < all.indexOf('event'); i++) await page.keyboard.press('ArrowDown');
  assert.equal(await meeting.getAttribute('data-selected'), 'true');
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('meeting-editor');
  await editor.waitFor();
  assert.equal(await editor.getByTestId('meeting-title').inputValue(), 'Quarterly business review');
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });

  // Esc closes the box; nothing found says so.
  await page.keyboard.press('Control+k');
  await input().pressSequentially('zzqx');
  await page.getByTestId('search-status').filter({ hasText: 'Nothing found' }).waitFor();
  await page.keyboard.press('Escape');
  await input().waitFor({ state: 'detached' });
  assert.deepEqual(appErrors(), []);
});
