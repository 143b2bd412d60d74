// Duplicates end to end: two records of one person (umlauts spelt two ways, same company) are
// suggested on the Contacts toolbar; the merge screen shows both side by side; merging keeps every
// value; Undo brings both back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems;

before(async () => {
  xvfb = await startXvfb();
  const dbPath = join(tempDir(), 'dups.db');
  app = await startApp({ display: xvfb.display, dbPath, name: 'dups' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('contact-empty').waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const status = (text) => page.getByTestId('status-contacts').filter({ hasText: text }).waitFor();

async function createContact({ first, last, company, email, phone }) {
  await page.getByRole('button', { name: 'New contact' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('First name').fill(first);
  await form.getByLabel('Last name').fill(last);
  await form.getByLabel('Company').fill(company);
  if (email) {
    await form.getByRole('button', { name: 'Add e-mail' }).click();
    await form.getByLabel('E-mail 1', { exact: true }).fill(email);
  }
  if (phone) {
    await form.getByRole('button', { name: 'Add phone' }).click();
    await form.getByLabel('Phone 1', { exact: true }).fill(phone);
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('contact-detail').getByRole('heading', { name: `${first} ${last}` }).waitFor();
}

test('a duplicate pair is found, merged keeping every value, and the merge undone', async () => {
  await createContact({ first: 'Jürgen', last: 'Müller', company: 'Siemens AG', email: 'j.mueller@siemens.example' });
  await createContact({ first: 'Juergen', last: 'Mueller', company: 'SIEMENS AG', phone: '+49 30 1234567' });
  await status('2 contacts');

  // The toolbar button counts the pair (the count refreshes when the list is opened).
  await page.getByTestId('duplicates-button').click();
  const modal = page.getByTestId('duplicates-modal');
  const pair = modal.getByTestId('duplicate-pair');
  await pair.waitFor();
  assert.equal(await pair.count(), 1);
  assert.match(await pair.innerText(), /Jürgen Müller/);
  assert.match(await pair.innerText(), /Juergen Mueller/);
  await pair.getByTestId('reason-name').waitFor();
  await page.getByTestId('duplicates-count').filter({ hasText: '1' }).waitFor();
  await page.screenshot({ path: ARTIFACTS + 'duplicates-list.png' });

  await pair.getByTestId('duplicate-merge').click();
  const merge = page.getByTestId('merge-modal');
  const table = merge.getByTestId('merge-table');
  await table.waitFor();
  // Both records side by side, a choice where the name differs, the union of the lists.
  await merge.getByTestId('merge-row-givenName').getByRole('radio').first().waitFor();
  assert.equal(await merge.getByTestId('merge-row-givenName').getByRole('radio').count(), 2);
  await merge.getByTestId('merge-result-emails').filter({ hasText: 'j.mueller@siemens.example' }).waitFor();
  await merge.getByTestId('merge-result-phones').filter({ hasText: '+49 30 1234567' }).waitFor();
  // Keep the first record, but take the other's spelling of the given name.
  await merge.getByTestId('merge-survivor').getByText('Jürgen Müller').click();
  await merge.getByTestId('merge-pick-givenName-b').click();
  await merge.getByTestId('merge-result-givenName').filter({ hasText: 'Juergen' }).waitFor();
  await merge.getByTestId('merge-result-notes').filter({ hasText: 'Given name (merged): Jürgen' }).waitFor();
  await page.screenshot({ path: ARTIFACTS + 'duplicates-merge.png' });

  await page.keyboard.press('Enter'); // Enter merges
  await page.getByTestId('merge-notification').waitFor();
  await status('1 contact');
  await modal.getByTestId('duplicates-none').waitFor();
  await modal.getByTestId('recent-merge').first().waitFor();
  await page.keyboard.press('Escape'); // Esc closes
  await modal.waitFor({ state: 'detached' });

  // The survivor holds both records' values.
  await page.getByTestId('contact-row').first().click();
  const detail = page.getByTestId('contact-detail');
  await detail.getByRole('heading', { name: 'Juergen Müller' }).waitFor();
  const text = await detail.innerText();
  assert.match(text, /j\.mueller@siemens\.example/);
  assert.match(text, /\+49 30 1234567/);
  await page.screenshot({ path: ARTIFACTS + 'duplicates-merged.png' });

  await page.getByTestId('merge-notification').getByTestId('merge-undo').click();
  await status('2 contacts');
  await page.getByTestId('contact-row').filter({ hasText: 'Jürgen Müller' }).waitFor();
  await page.getByTestId('contact-row').filter({ hasText: 'Juergen Mueller' }).waitFor();

  assert.deepEqual(problems.dialogs, []);
  assert.deepEqual(problems.pageErrors.filter((m) => !/\/wails\//.test(m)), []);
});
