// Orders end to end: the real app (dev build, real Go bindings, real SQLite)
// in Debian's Chromium. Enter an order with two lines from the keyboard for
// a company (totals computed by the backend in minor units), mark it paid,
// find it on the company's page, switch to Bengali, and see the re-order
// reminder made for a customer who orders on a rhythm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems, dbPath;

before(async () => {
  xvfb = await startXvfb();
  dbPath = join(tempDir(), 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '20', '--seed', '3', '--selling=false');
  app = await startApp({ display: xvfb.display, dbPath, name: 'orders' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '20 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const appErrors = () => problems.pageErrors.filter((m) => !/\/wails\//.test(m));

/** isoDate is the local calendar day d days from today, "YYYY-MM-DD". */
function isoDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A company name from the seeded data (the first in the companies list). */
async function firstCompany() {
  await page.getByTestId('nav-companies').click();
  const row = page.getByTestId('company-row').first();
  await row.waitFor();
  return (await row.innerText()).split('\n')[0].trim();
}

async function newOrder({ company, lines, date }) {
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('order-new').click();
  const editor = page.getByTestId('order-editor');
  await editor.getByTestId('order-company').fill(company.slice(0, 6));
  await page.getByTestId('order-company-option').filter({ hasText: company }).first().click();
  if (date) {
    await editor.getByTestId('order-date').fill(date);
    await editor.getByTestId('order-date').press('Enter');
  }
  for (const [i, l] of lines.entries()) {
    await editor.getByTestId('line-product').nth(i).fill(l.product);
    await editor.getByTestId('line-quantity').nth(i).fill(String(l.quantity));
    await editor.getByTestId('line-price').nth(i).fill(l.price);
    if (i < lines.length - 1) await editor.getByTestId('line-price').nth(i).press('Enter');
  }
  return editor;
}

test('an order with two lines: the backend totals it exactly, and it can be marked paid', async () => {
  const company = await firstCompany();
  // The test machine has no phone region: the home currency is USD.
  const editor = await newOrder({ company, lines: [{ product: 'Sample', quantity: 3, price: '0.10' }, { product: 'Tin', quantity: 12, price: '19.99' }] });
  await editor.getByTestId('line-total').nth(1).filter({ hasText: '$239.88' }).waitFor();
  await editor.getByTestId('order-total').filter({ hasText: '$240.18' }).waitFor();
  assert.equal(await editor.getByTestId('line-total').nth(0).innerText(), '$0.30');
  await page.screenshot({ path: join(ARTIFACTS, 'orders-editor.png') });
  await page.keyboard.press('Control+s');
  await editor.waitFor({ state: 'detached' });

  const row = page.getByTestId('order-row').filter({ hasText: company });
  await row.filter({ hasText: '$240.18' }).waitFor();
  assert.match(await row.innerText(), /\d{4}-0001/);
  assert.match(await row.getByTestId('order-state').innerText(), /due/i);
  await row.getByTestId('order-mark-paid').click();
  await row.getByTestId('order-state').filter({ hasText: /paid/i }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'orders-list.png') });

  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-row').filter({ hasText: company }).first().click();
  const section = page.getByTestId('customer-orders');
  await section.getByTestId('customer-order').filter({ hasText: '$240.18' }).waitFor();
  assert.deepEqual(appErrors(), []);
});

test('a customer who orders every 30 days gets one re-order task, shown in the Re-order tab', async () => {
  const company = await firstCompany();
  // Two more orders, 90 and 60 days ago, beside today's from the test above.
  for (const days of [-90, -60]) {
    await newOrder({ company, date: isoDate(days), lines: [{ product: 'Beans', quantity: 1, price: '5' }] });
    await page.keyboard.press('Control+s');
    await page.getByTestId('order-editor').waitFor({ state: 'detached' });
  }
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-tab-reorder').click();
  const row = page.getByTestId('reorder-row').filter({ hasText: company });
  await row.waitFor();
  // Order days 90 and 60 days ago and today: gaps of 30 and 60 days → median 45.
  assert.match(await row.getByTestId('reorder-median').innerText(), /every 45 days/);
  await page.getByTestId('reorder-lead').fill('60');
  await page.getByTestId('reorder-lead').press('Enter');
  await row.getByTestId('reorder-status').filter({ hasText: /due soon/i }).waitFor();
  await row.getByTestId('reorder-open-task').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'orders-reorder.png') });
  await row.getByTestId('reorder-open-task').click();
  await page.getByTestId('task-title').waitFor();
  assert.match(await page.getByTestId('task-title').inputValue(), new RegExp(`^Re-order due: ${company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Escape');
  await page.getByTestId('task-title').waitFor({ state: 'detached' });
  assert.deepEqual(appErrors(), []);
});

test('in Bengali the amounts come from the backend in Bengali digits', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByLabel('Language').click();
  await page.getByRole('option', { name: 'বাংলা (Bengali)' }).click();
  await page.getByTestId('nav-orders').click();
  const first = page.getByTestId('order-total-cell').first();
  await first.filter({ hasText: /[০-৯]/ }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'orders-bn.png') });
  assert.deepEqual(appErrors(), []);
});
