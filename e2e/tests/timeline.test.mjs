// The activity timeline end to end: the real app (dev build, real Go
// bindings, real SQLite) in Debian's Chromium. Log a call on a contact in
// two clicks, see it on the contact's and the company's timeline, drop an
// .eml file on the contact page, and read the Timeline area.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems, dbPath;

const EML = readFileSync(new URL('../../backend/activities/testdata/plain_ascii.eml', import.meta.url), 'latin1');

before(async () => {
  xvfb = await startXvfb();
  dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '20', '--seed', '3', '--selling=false');
  app = await startApp({ display: xvfb.display, dbPath, name: 'timeline' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '20 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const contactDetail = () => page.getByTestId('contact-detail');
const companyDetail = () => page.getByTestId('company-detail');

function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

/** Drops files (name, text, type) on the page the way a file manager does: dragenter, dragover, drop. */
async function dropFiles(files) {
  const dataTransfer = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover']) await page.dispatchEvent('[data-testid="contact-detail"]', type, { dataTransfer });
  await page.getByTestId('eml-drop-overlay').waitFor();
  await page.dispatchEvent('[data-testid="contact-detail"]', 'drop', { dataTransfer });
}

test('log a call on a contact in two clicks and see it on the contact and its company', async () => {
  await page.getByTestId('nav-contacts').click();
  await page.getByRole('button', { name: 'New contact' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('First name').fill('Tess');
  await form.getByLabel('Last name').fill('Logwell');
  await form.getByLabel('Company').fill('Loggers Ltd');
  await form.getByRole('button', { name: 'Save' }).click();
  await contactDetail().getByRole('heading', { name: 'Tess Logwell' }).waitFor();
  await contactDetail().getByTestId('activity-empty').waitFor();

  await contactDetail().getByTestId('log-button').click();
  await page.getByTestId('log-call').click();
  await page.getByTestId('log-subject').fill('Discussed the spring order');
  await page.getByTestId('log-outcome').fill('Connected');
  await page.getByTestId('log-duration').fill('12');
  await page.getByTestId('log-body').fill('Wants 40 chairs <delivered> in March');
  await page.screenshot({ path: join(ARTIFACTS, 'timeline-log-form.png') });
  await page.getByTestId('log-save').click();

  const entry = contactDetail().getByTestId('activity').filter({ hasText: 'Discussed the spring order' });
  await entry.waitFor();
  assert.equal(await entry.getAttribute('data-kind'), 'call');
  assert.match(await entry.getByTestId('activity-meta').innerText(), /12 min · Connected/);
  assert.equal(await entry.getByTestId('activity-body').innerText(), 'Wants 40 chairs <delivered> in March');

  // The keyboard: L opens the form, Ctrl+Enter saves.
  await contactDetail().getByRole('heading', { name: 'Tess Logwell' }).click();
  await page.keyboard.press('l');
  await page.getByTestId('log-subject').fill('Left a note about pricing');
  await page.keyboard.press('Control+Enter');
  await contactDetail().getByTestId('activity').filter({ hasText: 'Left a note about pricing' }).waitFor();
  assert.deepEqual(await contactDetail().getByTestId('activity-subject').allInnerTexts(), ['Left a note about pricing', 'Discussed the spring order']);

  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-search').fill('loggers');
  await page.getByTestId('company-row').filter({ hasText: 'Loggers Ltd' }).click();
  const onCompany = companyDetail().getByTestId('activity').filter({ hasText: 'Discussed the spring order' });
  await onCompany.waitFor();
  assert.equal(await onCompany.getByTestId('activity-contact').innerText(), 'Tess Logwell');
  await page.screenshot({ path: join(ARTIFACTS, 'timeline-company.png') });
});

test('drop an .eml on the contact page and the e-mail is logged; other files are refused', async () => {
  await companyDetail().getByTestId('company-person').filter({ hasText: 'Tess Logwell' }).click();
  await contactDetail().getByRole('heading', { name: 'Tess Logwell' }).waitFor();

  await dropFiles([{ name: 'quote.eml', text: EML, type: 'message/rfc822' }]);
  const mail = contactDetail().getByTestId('activity').filter({ hasText: 'Quote for 40 chairs' });
  await mail.waitFor();
  assert.equal(await mail.getAttribute('data-kind'), 'email');
  assert.match(await mail.getByTestId('activity-email').innerText(), /From Ann Lee <ann@acme\.test> to Bob Stone <bob@fieldbook\.test>, carol@fieldbook\.test/);
  assert.match(await mail.getByTestId('activity-body').innerText(), /40 chairs at 120 EUR each/);
  assert.equal(await page.getByTestId('eml-drop-overlay').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'timeline-contact.png') });

  // The same message again is not logged twice.
  await dropFiles([{ name: 'quote.eml', text: EML, type: 'message/rfc822' }]);
  await page.getByText('This e-mail was logged before: Quote for 40 chairs').waitFor();
  assert.equal(await contactDetail().getByTestId('activity').filter({ hasText: 'Quote for 40 chairs' }).count(), 1);

  await dropFiles([{ name: 'holiday.jpg', text: 'not a mail', type: 'image/jpeg' }]);
  await page.getByText('holiday.jpg is not an e-mail message.', { exact: false }).waitFor();
  await dropFiles([{ name: 'broken.eml', text: '\u0000\u0001 garbage', type: '' }]);
  await page.getByText('This file is not an e-mail message Fieldbook can read', { exact: false }).waitFor();
});

test('the Timeline area lists recent activity, filtered by kind', async () => {
  await page.getByTestId('nav-timeline').click();
  const list = page.getByTestId('timeline-page');
  await list.getByTestId('activity').filter({ hasText: 'Quote for 40 chairs' }).waitFor();
  assert.equal(await list.getByTestId('activity').count(), 3);
  await list.getByTestId('kind-filter').getByText('Call', { exact: true }).click();
  await list.getByTestId('activity').filter({ hasText: 'Quote for 40 chairs' }).waitFor({ state: 'detached' });
  assert.deepEqual(await list.getByTestId('activity-subject').allInnerTexts(), ['Left a note about pricing', 'Discussed the spring order']);
  await page.screenshot({ path: join(ARTIFACTS, 'timeline-area.png') });
  assert.deepEqual(appErrors(), []);
});
