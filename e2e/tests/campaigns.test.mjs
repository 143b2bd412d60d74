// Campaigns end to end: the real app (dev build, real Go bindings, real
// SQLite) in Debian's Chromium. A saved filter built in the UI, a campaign
// targeting it, a response, a won deal attributed to it, and its ROI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems;

before(async () => {
  xvfb = await startXvfb();
  const dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '20', '--seed', '3', '--calendar=false', '--selling=false');
  app = await startApp({ display: xvfb.display, dbPath, name: 'campaigns' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, app.url));
  await page.getByTestId('status-contacts').filter({ hasText: '20 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

/** Calls a bound Go method the way the front end does (setup the campaigns UI does not own). */
function call(service, method, ...args) {
  return page.evaluate(({ service, method, args }) => window.go.app[service][method](...args), { service, method, args });
}

const detail = () => page.getByTestId('campaign-detail');

test('build a filter, create a campaign on it and target its contacts', async () => {
  // Two visitors of the fair, tagged like the list they came from.
  for (const givenName of ['Ada', 'Bert']) {
    await call('ContactsService', 'Create', { givenName, familyName: 'Fairgoer', tags: ['expo2026'] });
  }
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-none-selected').waitFor();
  await page.keyboard.press('n');
  const editor = page.getByTestId('campaign-editor');
  await editor.getByTestId('campaign-name').fill('Expo 2026');
  await editor.getByTestId('campaign-cost').fill('500');
  await editor.getByTestId('campaign-new-filter').click();

  const builder = page.getByRole('dialog');
  await builder.getByTestId('filter-name').fill('Expo visitors');
  await builder.getByTestId('filter-tags').fill('expo2026');
  await builder.getByTestId('filter-tags').press('Enter');
  await builder.getByTestId('filter-preview-count').filter({ hasText: /^2 contacts match$/ }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'campaigns-filter.png') });
  await builder.getByTestId('filter-save').click();
  await builder.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="campaign-filter"]')?.value === 'Expo visitors');
  await editor.getByTestId('campaign-save').click();

  await detail().getByTestId('campaign-title').filter({ hasText: 'Expo 2026' }).waitFor();
  await detail().getByTestId('campaign-target').click();
  const rows = detail().getByTestId('campaign-contact-row');
  await rows.nth(1).waitFor();
  assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.name)), ['Ada Fairgoer', 'Bert Fairgoer']);
  await detail().getByTestId('stat-targeted').filter({ hasText: /^2$/ }).waitFor();
  // Nobody responded yet, no revenue: the whole cost is lost.
  await detail().getByTestId('stat-roi').filter({ hasText: '-100%' }).waitFor();
});

test('mark a response and attribute a won deal: the ROI follows', async () => {
  await detail().getByTestId('campaign-contact-row').filter({ hasText: 'Ada Fairgoer' }).getByTestId('campaign-contact-respond').click();
  await detail().getByTestId('campaign-contact-row').filter({ hasText: 'Ada Fairgoer' }).and(page.locator('[data-responded="true"]')).waitFor();
  await detail().getByTestId('stat-response-rate').filter({ hasText: '50%' }).waitFor();

  // A deal worth four times the cost, in the home currency, won.
  const home = await call('CurrencyService', 'Home');
  const deal = await call('DealsService', 'Create', { title: 'Expo stand order', amount: '2000', currency: home, contactIds: [] });
  await call('DealsService', 'Win', deal.id, deal.version, 'met at the fair');

  const picker = detail().getByTestId('campaign-deal-picker');
  await picker.fill('Expo stand');
  await page.getByRole('option', { name: /Expo stand order/ }).click();
  await detail().getByTestId('campaign-deal-row').filter({ hasText: 'Expo stand order' }).waitFor();

  // (2,000 − 500) / 500 = 300 %.
  await detail().getByTestId('stat-roi').filter({ hasText: '300%' }).waitFor();
  await detail().getByTestId('stat-deals').filter({ hasText: '1' }).waitFor();
  const row = page.getByTestId('campaign-row').filter({ hasText: 'Expo 2026' });
  await row.getByTestId('campaign-row-roi').filter({ hasText: '300%' }).waitFor();
  await row.getByTestId('campaign-row-rate').filter({ hasText: '50%' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'campaigns-detail.png') });
  assert.equal(await call('CampaignsService', 'DealCampaign', deal.id), (await call('CampaignsService', 'List'))[0].id);
  assert.deepEqual(appErrors(), []);
});

test("the deal editor's Campaign select shows the attribution and changes it", async () => {
  // The attributed deal's link opens it in the deals area's editor.
  await detail().getByTestId('campaign-deal-row').getByRole('link', { name: 'Expo stand order' }).click();
  const editor = page.getByTestId('deal-editor');
  const select = editor.getByTestId('deal-campaign');
  await select.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-campaign"]')?.value === 'Expo 2026');
  await page.screenshot({ path: join(ARTIFACTS, 'campaigns-deal-editor.png') });
  // Detach it there: the campaign has no revenue left.
  // The clear button beside the input (×).
  await select.locator('xpath=ancestor::div[contains(@class, "Input-wrapper")][1]//button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="deal-campaign"]')?.value === '');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-row').filter({ hasText: 'Expo 2026' }).click();
  await detail().getByTestId('stat-roi').filter({ hasText: '-100%' }).waitFor();
  assert.equal(await detail().getByTestId('campaign-deal-row').count(), 0);
  assert.deepEqual(appErrors(), []);
});
