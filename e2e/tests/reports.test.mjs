// The home dashboard and the reports end to end: the real app (dev build, real
// Go bindings, real SQLite) in Debian's Chromium. The app opens on the
// dashboard with the seeded tasks and meetings; the activities report changes
// with the date range; the CSV export of a report matches its table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems, dir;

before(async () => {
  xvfb = await startXvfb();
  dir = tempDir();
  const dbPath = join(dir, 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '20', '--seed', '3');
  app = await startApp({ display: xvfb.display, dbPath, name: 'reports' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, app.url));
  await page.getByTestId('status-contacts').filter({ hasText: /\d+ contacts/ }).waitFor(); // 20 + the seed's converted leads
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

/** Calls a bound Go method through the page's window.go object. */
function call(service, method, ...args) {
  return page.evaluate(([s, m, a]) => window.go.app[s][m](...a), [service, method, args]);
}

/** Noon `daysAgo` days before today (local zone), as an RFC 3339 instant. */
const isoNoon = (daysAgo) => {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  d.setHours(12, 0, 0, 0);
  return d.toISOString();
};

test('the app opens on the dashboard with the seeded tasks and meetings', async () => {
  await page.getByTestId('dashboard-page').waitFor();
  assert.equal(await page.getByTestId('nav-dashboard').getAttribute('aria-current'), 'page');
  // The numbers the dashboard shows, against the tasks and meetings services asked directly.
  const today = await call('TasksService', 'Tasks', { list: 'today' });
  const overdue = await call('TasksService', 'Tasks', { list: 'overdue' });
  assert.ok(overdue.length > 0, 'the seed makes overdue tasks');
  await page.getByTestId('stat-overdue-tasks-value').filter({ hasText: String(overdue.length) }).waitFor();
  assert.equal(await page.getByTestId('stat-tasks-value').textContent(), String(today.length));
  assert.equal(await page.getByTestId('dash-task').count(), today.length);
  // Overdue payments: the seeded orders that are due and past their due date.
  const overduePayments = await call('OrdersService', 'Overdue');
  assert.ok(overduePayments.length > 0, 'the seed makes overdue payments');
  assert.equal(await page.getByTestId('stat-overdue-payments-value').textContent(), String(overduePayments.length));
  assert.equal(await page.getByTestId('dash-overdue-payment').count(), Math.min(5, overduePayments.length));
  const meetings = Number(await page.getByTestId('stat-meetings-value').textContent());
  assert.equal(await page.getByTestId('dash-meeting').count(), meetings);
  // An overdue task opens in the tasks area.
  const first = page.getByTestId('dash-overdue-task').first();
  const title = (await first.getByTestId('dash-row-title').textContent()).split(' · ')[0];
  await first.click();
  await page.waitForFunction(() => location.hash.startsWith('#/tasks'));
  // It opens in the task editor.
  const editor = page.getByTestId('task-editor');
  await editor.waitFor();
  assert.equal(await editor.getByTestId('task-title').inputValue(), title);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard-page').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'reports-dashboard.png') });
  await page.getByTestId('card-recent').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'reports-dashboard-lower.png') });
});

test('a logged activity shows on the dashboard at once', async () => {
  const contacts = await call('ContactsService', 'List', { query: '', offset: 0, limit: 1 });
  const contactId = contacts.items[0].id;
  const owner = await call('OwnersService', 'SaveOwner', { id: '', name: 'Rita Reporter', email: 'rita@example.com' });
  // Three calls this week and two e-mails about ten weeks ago, all Rita's.
  for (const d of [0, 1, 2]) {
    await call('ActivitiesService', 'Log', {
      kind: 'call', occurredAt: isoNoon(d), durationMinutes: 5, outcome: '', subject: `Report call ${d}`, body: '',
      contactId, companyId: '', leadId: '', dealId: '', ownerId: owner.id,
    });
  }
  for (const d of [70, 71]) {
    await call('ActivitiesService', 'Log', {
      kind: 'email', occurredAt: isoNoon(d), durationMinutes: 0, outcome: '', subject: `Report mail ${d}`, body: '',
      contactId, companyId: '', leadId: '', dealId: '', ownerId: owner.id,
    });
  }
  await page.getByTestId('dash-activity').filter({ hasText: 'Report call 0' }).waitFor();
});

test('the activities report follows the date range, and its CSV matches the table', async () => {
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('reports-page').waitFor();
  await page.getByTestId('report-activities').click();
  await page.getByTestId('report-title').filter({ hasText: 'Activities per owner' }).waitFor();
  await page.getByTestId('report-chart').waitFor();
  const row = () => page.getByTestId('report-row').filter({ hasText: 'Rita Reporter' });
  const cells = async () => (await row().locator('td').allTextContents()).map((s) => s.trim());
  // Last 12 months (the default): 3 calls and 2 e-mails.
  await row().waitFor();
  const headers = (await page.getByTestId('report-table').locator('thead th').allTextContents()).map((s) => s.trim());
  assert.deepEqual(headers, ['Owner', 'Calls', 'E-mails', 'Meetings', 'Visits', 'Notes', 'Total']);
  assert.deepEqual(await cells(), ['Rita Reporter', '3', '2', '0', '0', '0', '5']);

  // This month: the e-mails of ten weeks ago drop out (the calls of the last 3 days may straddle a month start).
  await page.getByTestId('report-preset').click();
  await page.getByRole('option', { name: 'This month' }).click();
  await page.waitForFunction(() => location.hash.includes('range=thisMonth'));
  const calls = new Date().getDate() >= 3 ? 3 : new Date().getDate();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="report-row"]')].some((r) => r.textContent.startsWith('Rita Reporter') && r.querySelectorAll('td')[6]?.textContent.trim() === String(n)),
    calls,
  );
  const monthCells = await cells();
  assert.deepEqual(monthCells, ['Rita Reporter', String(calls), '0', '0', '0', '0', String(calls)]);

  // Reopening the same hash gives the same report and range.
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#\/reports\/activities\?range=thisMonth/);
  await page.reload();
  await page.getByTestId('report-title').filter({ hasText: 'Activities per owner' }).waitFor();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="report-row"]')].some((r) => r.textContent.startsWith('Rita Reporter') && r.querySelectorAll('td')[6]?.textContent.trim() === String(n)),
    calls,
  );

  // Sorting by Total descending puts the biggest total first.
  await page.getByTestId('sort-total').click();
  await page.getByTestId('sort-total').click();
  const totals = (await page.getByTestId('report-row').locator('td:nth-child(7)').allTextContents()).map(Number);
  assert.deepEqual(totals, [...totals].sort((a, b) => b - a));

  // Export through the dialog: a typed path (Browse… opens the system's save dialog, which a
  // test cannot drive); the app writes the file with the page's filters, and we read it back.
  const file = join(dir, 'activities.csv');
  await page.getByTestId('report-export').click();
  await page.getByTestId('report-export-path').fill(file);
  await page.getByTestId('report-export-run').click();
  await page.getByTestId('report-export-path').waitFor({ state: 'detached' });
  assert.ok(existsSync(file), 'the exported file exists');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'owner,call,email,meeting,visit,note,total');
  const rita = lines.find((l) => l.startsWith('Rita Reporter,'));
  assert.equal(rita, monthCells.join(','));
  await page.screenshot({ path: join(ARTIFACTS, 'reports-activities.png'), fullPage: true });
});

test('revenue by period draws the seeded orders, by quarter too', async () => {
  await page.getByTestId('report-revenue').click();
  await page.getByTestId('report-title').filter({ hasText: 'Revenue by period' }).waitFor();
  await page.getByTestId('report-preset').click();
  await page.getByRole('option', { name: 'Last 12 months' }).click();
  await page.getByTestId('report-row').first().waitFor();
  const months = await page.getByTestId('report-row').count();
  assert.ok(months >= 12 && months <= 13, `12 or 13 monthly rows, not ${months}`);
  await page.getByTestId('report-period').getByText('Quarter').click();
  await page.waitForFunction(() => location.hash.includes('period=quarter'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length <= 5);
  const orders = (await page.getByTestId('report-total').locator('td').nth(1).textContent()).trim();
  assert.match(orders, /^[1-9]\d*$/, 'the seeded orders are counted');
  await page.screenshot({ path: join(ARTIFACTS, 'reports-revenue.png'), fullPage: true });
  assert.deepEqual(appErrors(), []);
  assert.deepEqual(problems.dialogs, []);
});

test('the dashboard in Bengali', async () => {
  await call('SettingsService', 'SetLanguage', 'bn');
  await page.goto(`${app.url}#/dashboard`);
  await page.reload(); // the saved language applies at start
  await page.getByTestId('nav-dashboard').filter({ hasText: 'ড্যাশবোর্ড' }).waitFor();
  await page.getByTestId('stat-overdue-tasks').filter({ hasText: 'সময় পেরোনো কাজ' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'reports-dashboard-bn.png') });
  await call('SettingsService', 'SetLanguage', 'en');
  assert.deepEqual(appErrors(), []);
});
