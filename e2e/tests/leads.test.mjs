// Leads end to end: the real app (dev build, real Go bindings, real SQLite)
// in Debian's Chromium. Create a lead with N, see its score and the reasons
// for it, convert it into a contact, a company and a deal in one step, land
// on the new contact, and find the deal (through DealsService) and the
// converted lead with its history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems, dbPath;

before(async () => {
  xvfb = await startXvfb();
  dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '5', '--seed', '3');
  app = await startApp({ display: xvfb.display, dbPath, name: 'leads' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, app.url));
  await page.getByTestId('status-contacts').filter({ hasText: '5 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const appErrors = () => problems.pageErrors.filter((m) => !/\/wails\//.test(m));

test('create a lead with N and see its score with the reasons', async () => {
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('leads-page').waitFor();
  await page.keyboard.press('n');
  const form = page.getByTestId('lead-form');
  await form.getByTestId('lead-name').fill('Rina Das');
  await form.getByTestId('lead-email').fill('rina@baytraders.example');
  await form.getByTestId('lead-company').fill('Bay Traders');
  await form.getByTestId('lead-title').fill('Director of Purchasing');
  await form.getByTestId('lead-source').click();
  await page.getByRole('option', { name: 'Referral' }).click();
  await form.getByTestId('lead-save').click();

  // referral 20 + senior title 10 + e-mail known 5
  const detail = page.getByTestId('lead-detail');
  await detail.getByTestId('lead-detail-name').filter({ hasText: 'Rina Das' }).waitFor();
  const row = page.getByTestId('lead-row').filter({ hasText: 'Rina Das' });
  await row.getByTestId('lead-score').filter({ hasText: '35' }).waitFor();
  await detail.getByTestId('lead-score').click();
  const reasons = page.getByTestId('lead-score-reasons');
  await reasons.waitFor();
  const texts = (await reasons.getByTestId('lead-score-reason').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.deepEqual(texts, ['+20 Source: referral', '+10 Senior title', '+5 E-mail known']);
  await page.screenshot({ path: join(ARTIFACTS, 'leads-score.png') });
  await page.keyboard.press('Escape');
});

test('convert it with a deal in one step and land on the new contact', async () => {
  await page.getByTestId('lead-detail').getByTestId('lead-convert').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('lead-convert-company-new').waitFor();
  await dialog.getByTestId('lead-convert-amount').fill('12,500');
  await dialog.getByTestId('lead-convert-currency').click();
  await page.getByRole('option', { name: 'EUR', exact: true }).click();
  await dialog.getByTestId('lead-convert-stage').click();
  await page.getByRole('option', { name: /^Meeting/ }).click();
  await page.screenshot({ path: join(ARTIFACTS, 'leads-convert.png') });
  await dialog.getByTestId('lead-convert-submit').click();

  // The contact page of the new contact, with its company.
  const contact = page.getByTestId('contact-detail');
  await contact.getByRole('heading', { name: 'Rina Das' }).waitFor();
  assert.equal(await contact.getByTestId('detail-company-link').innerText(), 'Bay Traders');
  await page.getByTestId('status-contacts').filter({ hasText: '6 contacts' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'leads-landed-on-contact.png') });
});

test('the lead stays readable as converted, and its deal exists in the chosen stage', async () => {
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('lead-filter-status').click();
  await page.getByRole('option', { name: 'Converted' }).click();
  await page.getByTestId('lead-row').filter({ hasText: 'Rina Das' }).click();
  const banner = page.getByTestId('lead-converted');
  await banner.waitFor();
  assert.equal(await page.getByTestId('lead-detail').getByTestId('lead-convert').count(), 0);
  assert.match(await page.getByTestId('lead-detail-status').textContent(), /Converted/);

  const contactHref = await banner.getByTestId('lead-open-contact').getAttribute('href');
  const contactId = new URLSearchParams(contactHref.split('?')[1]).get('id');
  const dealHref = await banner.getByRole('link', { name: 'Open deal' }).getAttribute('href');
  const dealId = new URLSearchParams(dealHref.split('?')[1]).get('id');
  const deal = await page.evaluate((id) => window.go.app.DealsService.Get(id), dealId);
  assert.equal(deal.title, 'Bay Traders');
  assert.equal(deal.amount.minor, 1250000);
  assert.equal(deal.amount.currency, 'EUR');
  assert.equal(deal.stageName, 'Meeting');
  assert.deepEqual(deal.contacts.map((c) => c.id), [contactId]);
  assert.equal(deal.companyName, 'Bay Traders');

  // A second conversion is refused by the backend.
  const lead = await page.evaluate(async () => {
    const page = await window.go.app.LeadsService.List({ query: 'Rina', status: '', source: '', ownerId: '', sort: '', offset: 0, limit: 10 });
    return page.items[0];
  });
  const err = await page.evaluate(
    ([id, v]) => window.go.app.LeadsService.Convert(id, v, { companyId: '', createCompany: false, createDeal: false, dealTitle: '', pipelineId: '', stageId: '', amount: '', currency: '', ownerId: '' }).then(() => '', (e) => String(e?.message ?? e)),
    [lead.id, lead.version],
  );
  assert.match(err, /lead_converted/);
  await page.screenshot({ path: join(ARTIFACTS, 'leads-converted.png') });
});

test('a rules change in Settings rescores the leads', async () => {
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('scoring-rules');
  const referral = panel.getByTestId('scoring-rule').filter({ has: page.locator('input[value="Source: referral"]') });
  await referral.waitFor();
  await referral.getByLabel('Points').fill('50');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'leads-scoring-rules.png') });
  await panel.getByTestId('scoring-save').click();
  await page.getByText('Scoring rules saved; every lead was rescored').waitFor();

  await page.getByTestId('nav-leads').click();
  // 50 + 10 + 5: the converted lead is rescored too.
  await page.getByTestId('lead-row').filter({ hasText: 'Rina Das' }).getByTestId('lead-score').filter({ hasText: '65' }).waitFor();
  assert.deepEqual(appErrors(), []);
  assert.deepEqual(problems.dialogs, []);
});
