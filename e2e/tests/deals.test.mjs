// Deals end to end: the real app (dev build, real Go bindings, real SQLite)
// in Debian's Chromium. Set the home currency to USD with rates for JPY and
// EUR, create a deal in each, check the stage total is the hand-computed USD
// sum, drag a deal to another stage with the real mouse, move one with the
// keyboard, drop one on "Won", and see the won total and the stage totals
// follow. Screenshots of the board go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems;

// Rates: 1 JPY = 0.0067 USD, 1 EUR = 1.08 USD.
// Tokyo pilot: ¥1,500,000 × 0.0067 = $10,050.00
// Berlin rollout: €12,000.50 × 1.08 = $12,960.54
// Both in "Qualified": $23,010.54.
const TOKYO = { title: 'Tokyo pilot', amount: '1500000', currency: 'JPY', usd: '$10,050.00' };
const BERLIN = { title: 'Berlin rollout', amount: '12000.50', currency: 'EUR', usd: '$12,960.54' };
const BOTH = '$23,010.54';

before(async () => {
  process.env.TZ = 'UTC';
  xvfb = await startXvfb();
  const dbPath = join(tempDir(), 'e2e.db');
  app = await startApp({ display: xvfb.display, dbPath, name: 'deals' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const appErrors = () => problems.pageErrors.filter((m) => !/\/wails\//.test(m));
const column = (name) => page.locator(`[data-testid="deal-column"][data-stage-name="${name}"]`);
const total = (name) => column(name).getByTestId('deal-column-total');
const card = (title) => page.locator(`[data-testid="deal-card"][data-title="${title}"]`);

/** pick chooses an option of a Mantine Select by typing part of its label. */
async function pick(input, typed, option) {
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * pickUp presses the real mouse on a card and moves it until dnd-kit starts the drag (after 6 px),
 * which the Won/Lost zones show. It first waits until the card itself is under the pointer: a
 * closing editor's overlay fades out for a moment and would take the press.
 */
async function pickUp(from) {
  const a = await from.boundingBox();
  assert.ok(a, 'the card is on screen');
  const [x, y] = [a.x + a.width / 2, a.y + a.height / 2];
  await page.waitForFunction(([px, py]) => document.elementFromPoint(px, py)?.closest('[data-testid="deal-card"]') != null, [x, y]);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 4 });
  await page.getByTestId('deal-drop-won').waitFor();
}

/** drag picks up a card and moves the real mouse onto a target in steps. */
async function drag(from, to) {
  await pickUp(from);
  const b = await to().boundingBox();
  assert.ok(b, 'the drop target is on screen');
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 60), { steps: 15 });
  await page.mouse.up();
}

test('home currency USD with rates for JPY and EUR', async () => {
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('settings-currency');
  await panel.scrollIntoViewIfNeeded();
  await pick(page.getByTestId('settings-home-currency'), 'USD', /^USD — /);
  await panel.getByText(/worth in USD, from a date on/).waitFor();

  for (const [code, rate] of [['JPY', '0.0067'], ['EUR', '1.08']]) {
    await pick(panel.getByTestId('rate-currency'), code, new RegExp(`^${code} — `));
    await panel.getByTestId('rate-value-input').fill(rate);
    await panel.getByTestId('rate-save').click();
    await panel.locator(`[data-testid="rate-row"][data-currency="${code}"]`).waitFor();
  }
  assert.equal(await panel.getByTestId('rate-row').count(), 2);
  await panel.screenshot({ path: join(ARTIFACTS, 'deals-settings-currency.png') });
  await panel.locator('[data-testid="rate-row"][data-currency="JPY"]').getByTestId('rate-value').filter({ hasText: '1 JPY = 0.0067 USD' }).waitFor();
  await page.getByTestId('settings-pipelines').getByTestId('pipeline-stage').first().waitFor();
  assert.deepEqual(await page.getByTestId('pipeline-stage-name').evaluateAll((els) => els.map((e) => e.value)), ['Qualified', 'Meeting', 'Proposal', 'Negotiation']);
});

test('a deal in JPY and one in EUR: the stage total is their USD sum', async () => {
  await page.getByTestId('nav-deals').click();
  await page.getByTestId('deal-board').waitFor();
  assert.equal(await page.getByTestId('deal-column').count(), 4);

  for (const d of [TOKYO, BERLIN]) {
    await page.keyboard.press('n');
    const editor = page.getByTestId('deal-editor');
    await editor.waitFor();
    await editor.getByTestId('deal-title').fill(d.title);
    await editor.getByTestId('deal-amount').fill(d.amount);
    await pick(editor.getByTestId('deal-currency'), d.currency, new RegExp(`^${d.currency} — `));
    await page.getByTestId('deal-save').click();
    await editor.waitFor({ state: 'detached' });
    await card(d.title).waitFor();
  }
  await total('Qualified').filter({ hasText: BOTH }).waitFor();
  assert.equal(await column('Qualified').getByTestId('deal-column-count').innerText(), '2');
  assert.equal(await card(TOKYO.title).getByTestId('deal-card-amount').innerText(), '¥1,500,000');
  assert.equal(await card(BERLIN.title).getByTestId('deal-card-amount').innerText(), '€12,000.50');
  assert.equal(await column('Qualified').getByTestId('deal-column-missing-rates').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'deals-board.png') });
});

test('drag a deal to another stage with the mouse', async () => {
  await drag(card(BERLIN.title), () => column('Meeting'));
  await column('Meeting').locator(`[data-title="${BERLIN.title}"]`).waitFor();
  await total('Meeting').filter({ hasText: BERLIN.usd }).waitFor();
  await total('Qualified').filter({ hasText: TOKYO.usd }).waitFor();
  // The move is stored: the editor's history has both stages.
  await card(BERLIN.title).click();
  const rows = page.getByTestId('deal-history-row');
  await rows.nth(1).waitFor();
  assert.deepEqual((await rows.allInnerTexts()).map((t) => t.split('\t')[0].trim()), ['Qualified', 'Meeting']);
  await page.screenshot({ path: join(ARTIFACTS, 'deals-editor.png') });
  await page.getByTestId('deal-cancel').click();
});

test('move a deal with the keyboard', async () => {
  await card(TOKYO.title).focus();
  await page.keyboard.press('Space');
  // Picked up: the Won and Lost zones show, and the card is over its own stage.
  await page.getByTestId('deal-drop-zones').waitFor();
  await column('Qualified').and(page.locator('[data-over="true"]')).waitFor();
  await page.keyboard.press('ArrowRight');
  await column('Meeting').and(page.locator('[data-over="true"]')).waitFor();
  await page.keyboard.press('ArrowRight');
  await column('Proposal').and(page.locator('[data-over="true"]')).waitFor();
  await page.keyboard.press('Space');
  await column('Proposal').locator(`[data-title="${TOKYO.title}"]`).waitFor();
  await total('Proposal').filter({ hasText: TOKYO.usd }).waitFor();
  await total('Qualified').filter({ hasText: '$0.00' }).waitFor();
});

test('drop a deal on Won: the won total and the stage totals change', async () => {
  const wonBefore = await page.getByTestId('deal-won-total').getAttribute('data-count');
  assert.equal(wonBefore, '0');
  await page.mouse.move(0, 0);
  // The Won and Lost zones appear only while dragging.
  const zone = page.getByTestId('deal-drop-won');
  assert.equal(await zone.count(), 0);
  await pickUp(card(BERLIN.title));
  await page.screenshot({ path: join(ARTIFACTS, 'deals-dragging.png') });
  const b = await zone.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.mouse.up();
  await page.getByTestId('deal-won-total').filter({ hasText: `1 deal · ${BERLIN.usd}` }).waitFor();
  await total('Meeting').filter({ hasText: '$0.00' }).waitFor();
  assert.equal(await card(BERLIN.title).count(), 0);
  assert.equal(await page.getByTestId('deal-drop-won').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'deals-won.png') });

  // The table lists it as won with its home amount.
  await page.getByTestId('deal-view').getByText('Table').click();
  await page.getByTestId('deal-table-status').click();
  await page.getByRole('option', { name: 'Won' }).click();
  const row = page.getByTestId('deal-row').filter({ hasText: BERLIN.title });
  await row.waitFor();
  assert.equal(await row.getByTestId('deal-row-home').innerText(), BERLIN.usd);
  assert.equal(await row.getByTestId('deal-row-status').textContent(), 'Won');
  await page.screenshot({ path: join(ARTIFACTS, 'deals-table.png') });
  await page.getByTestId('deal-view').getByText('Board').click();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-pipelines').scrollIntoViewIfNeeded();
  await page.getByTestId('settings-owners').screenshot({ path: join(ARTIFACTS, 'deals-settings-owners.png') });
  await page.getByTestId('settings-pipelines').screenshot({ path: join(ARTIFACTS, 'deals-settings-pipelines.png') });

  assert.deepEqual(appErrors(), []);
  assert.deepEqual(problems.dialogs, []);
});

test("a company's page lists its deals, and a deal started there belongs to it", async () => {
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-new').click();
  const form = page.getByTestId('company-form');
  await form.getByTestId('company-name').fill('Globex');
  await form.getByTestId('company-save').click();
  const detail = page.getByTestId('company-detail');
  await detail.getByTestId('company-title').filter({ hasText: 'Globex' }).waitFor();
  await detail.getByTestId('company-deals-empty').waitFor();

  await detail.getByTestId('company-deal-new').click();
  const editor = page.getByTestId('deal-editor');
  await editor.waitFor();
  assert.equal(await editor.getByTestId('deal-company').getAttribute('placeholder'), 'Globex');
  await editor.getByTestId('deal-title').fill('Globex expansion');
  await editor.getByTestId('deal-amount').fill('4,000');
  await page.getByTestId('deal-save').click();
  await editor.waitFor({ state: 'detached' });
  const row = detail.getByTestId('company-deal').filter({ hasText: 'Globex expansion' });
  await row.waitFor();
  assert.equal(await row.getByTestId('company-deal-amount').innerText(), '$4,000.00');
  await page.screenshot({ path: join(ARTIFACTS, 'deals-company.png') });

  // The title links to the deal on the Deals page.
  await row.getByTestId('company-deal-title').click();
  await page.getByTestId('deal-editor').waitFor();
  assert.equal(await page.getByTestId('deal-title').inputValue(), 'Globex expansion');
  await page.getByTestId('deal-cancel').click();
  await card('Globex expansion').getByTestId('deal-card-company').filter({ hasText: 'Globex' }).waitFor();
});

test('delete a deal from its editor, and Undo brings it back', async () => {
  await card(TOKYO.title).click();
  await page.getByTestId('deal-editor').waitFor();
  await page.getByTestId('deal-delete').click();
  const note = page.getByTestId('deal-delete-notification');
  await note.waitFor();
  await card(TOKYO.title).waitFor({ state: 'detached' });
  await total('Proposal').filter({ hasText: '$0.00' }).waitFor();
  await note.getByTestId('deal-undo').click();
  await card(TOKYO.title).waitFor();
  await total('Proposal').filter({ hasText: TOKYO.usd }).waitFor();
});

test('the board in Bengali', async () => {
  await page.getByTestId('nav-settings').click();
  await page.locator('#settings-language').click();
  await page.getByRole('option', { name: 'বাংলা (Bengali)' }).click();
  await page.getByTestId('nav-deals').click();
  await column('Proposal').getByText('ভারযুক্ত', { exact: false }).waitFor();
  // Amounts are the backend's, written for the saved language: Bengali digits once it is saved.
  await page.getByTestId('deal-won-total').filter({ hasText: /[০-৯]/ }).waitFor();
  await total('Proposal').filter({ hasText: /[০-৯]/ }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'deals-board-bn.png') });
  await page.getByTestId('nav-settings').click();
  await page.locator('#settings-language').click();
  await page.getByRole('option', { name: 'English' }).click();
  assert.deepEqual(appErrors(), []);
});
