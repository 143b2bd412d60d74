// Customer feedback and support cases end to end: the real app (dev build,
// real Go bindings, real SQLite) in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems;

before(async () => {
  xvfb = await startXvfb();
  const dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '10', '--seed', '3');
  app = await startApp({ display: xvfb.display, dbPath, name: 'care' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, app.url));
  await page.getByTestId('status-contacts').filter({ hasText: '10 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

async function createContact(first, last, company) {
  await page.getByTestId('nav-contacts').click();
  await page.getByRole('button', { name: 'New contact' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('First name').fill(first);
  await form.getByLabel('Last name').fill(last);
  await form.getByLabel('Company').fill(company);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('contact-detail').getByRole('heading', { name: `${first} ${last}` }).waitFor();
}

/** Picks a contact in a LinkPicker by typing part of the name. */
async function pickContact(scope, testId, text, name) {
  await scope.getByTestId(testId).fill(text);
  await page.getByTestId(`${testId}-option`).filter({ hasText: name }).first().click();
}

async function recordNPS(score, comment) {
  await page.keyboard.press('n');
  const form = page.getByTestId('feedback-form');
  await form.waitFor();
  await pickContact(form, 'feedback-contact', 'Bouvier', 'Marge Bouvier');
  await form.getByTestId(`score-${score}`).click();
  await form.getByTestId('feedback-comment').fill(comment);
  await form.getByTestId('feedback-save').click();
  await form.waitFor({ state: 'detached' });
}

test('an NPS of 9 and one of 3 for a contact make an NPS of 0', async () => {
  await createContact('Marge', 'Bouvier', 'Springfield Bakery');
  await page.getByTestId('nav-feedback').click();
  await page.getByTestId('feedback-page').waitFor();
  await page.getByTestId('feedback-empty').waitFor();

  await recordNPS(9, 'Lovely <b>service</b>');
  await page.getByTestId('nps-score').filter({ hasText: /^\+100$/ }).waitFor();
  await recordNPS(3, 'Delivery was late');

  const nps = page.getByTestId('nps-score');
  await nps.filter({ hasText: /^0$/ }).waitFor();
  assert.equal(await nps.getAttribute('data-score'), '0');
  assert.match(await page.getByTestId('feedback-summary').innerText(), /2 answers · Promoters 1 · passives 0 · detractors 1/);
  const rows = page.getByTestId('feedback-row');
  assert.equal(await rows.count(), 2);
  // The comment is text, never markup.
  assert.equal(await rows.filter({ hasText: 'Lovely <b>service</b>' }).count(), 1);
  assert.deepEqual(await page.getByTestId('feedback-score').allInnerTexts(), ['3', '9']);
  await page.screenshot({ path: join(ARTIFACTS, 'care-feedback.png') });

  // The contact's page shows both answers, the latest first.
  await rows.first().getByRole('link', { name: 'Marge Bouvier' }).click();
  const section = page.getByTestId('customer-feedback');
  await section.getByTestId('customer-feedback-item').nth(1).waitFor();
  assert.match(await section.getByTestId('customer-latest-nps').textContent(), /Latest NPS: 3/);
});

test('open a case, resolve it, and see its resolution time', async () => {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-page').waitFor();
  await page.getByTestId('cases-empty').waitFor();
  await page.keyboard.press('n');
  const editor = page.getByTestId('case-editor');
  await editor.waitFor();
  await editor.getByTestId('case-subject').fill('Oven thermostat broken');
  await editor.getByTestId('case-description').fill('Bread burns at 180 °C.');
  await pickContact(editor, 'case-contact', 'Bouvier', 'Marge Bouvier');
  await editor.getByTestId('case-save').click();
  await editor.waitFor({ state: 'detached' });

  const row = page.getByTestId('case-row').filter({ hasText: 'Oven thermostat broken' });
  await row.waitFor();
  const number = await row.getAttribute('data-number');
  assert.match(number, /^C-\d{4}-0001$/);
  assert.match(await row.innerText(), /Springfield Bakery/); // the contact's company, filled in
  assert.equal(await row.getByTestId('case-row-resolution').innerText(), '');
  await page.getByTestId('case-stats').filter({ hasText: '1 open case' }).waitFor();

  await row.click();
  await editor.getByTestId('case-resolve').click();
  const resolution = editor.getByTestId('case-resolution');
  await resolution.waitFor();
  assert.match(await resolution.innerText(), /^Resolution time: \d+ min$/);
  assert.equal(await editor.getByTestId('case-status').textContent(), 'Resolved');
  await editor.getByTestId('case-reopen').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'care-case.png') });
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });

  // Resolved cases leave the default (open and pending) list; with every status they show their time.
  await page.getByTestId('cases-empty').waitFor();
  await page.getByTestId('case-stats').filter({ hasText: 'Resolved in the last 30 days: 1' }).waitFor();
  await page.getByTestId('case-filter-status').click({ force: true });
  await page.getByRole('option', { name: 'Resolved' }).click();
  await page.keyboard.press('Escape');
  const done = page.getByTestId('case-row').filter({ hasText: number });
  await done.waitFor();
  assert.match(await done.getByTestId('case-row-resolution').innerText(), /^\d+ min$/);
  assert.deepEqual(appErrors(), []);
});
