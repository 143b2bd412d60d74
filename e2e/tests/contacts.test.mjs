// The contacts slice end to end: the real app (dev build, real Go bindings,
// real SQLite file) in Debian's Chromium. Create, find, edit, delete + undo,
// survive a restart, and render hostile text as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

let xvfb, app, browser, page, problems, dbPath;

before(async () => {
  xvfb = await startXvfb();
  dbPath = join(tempDir(), 'e2e.db');
  // Other people in the book, so search has something to tell apart.
  cli(dbPath, 'seed', '--contacts', '300', '--seed', '11', '--calendar=false', '--selling=false'); // contacts only: the test counts pending changes
  app = await startApp({ display: xvfb.display, dbPath });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '300 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const list = () => page.getByTestId('contact-list');
const rows = () => list().getByTestId('contact-row');
const detail = () => page.getByTestId('contact-detail');
const search = () => page.getByRole('textbox', { name: 'Search contacts' });

/** appErrors are page errors from Fieldbook's own code (Wails' dev overlay is not ours). */
function appErrors() {
  return problems.pageErrors.filter((m) => !/\/wails\//.test(m));
}

async function searchFor(text) {
  await search().fill(text);
}

/**
 * expectRows waits until the list shows exactly rows whose text includes
 * each of names, in order (the list refreshes a moment after typing).
 */
async function expectRows(names, what) {
  const deadline = Date.now() + 15_000;
  let got = [];
  for (;;) {
    got = await rows().allInnerTexts();
    if (got.length === names.length && names.every((n, i) => got[i].includes(n))) return;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: list shows ${JSON.stringify(got)}; want rows with ${JSON.stringify(names)}`);
}

test('create a contact through the form', async () => {
  await page.getByRole('button', { name: 'New contact' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('First name').fill('Ada');
  await form.getByLabel('Last name').fill('Lovelace');
  await form.getByLabel('Company').fill('Analytical Engines');
  await form.getByLabel('Job title').fill('Mathematician');
  await form.getByRole('button', { name: 'Add e-mail' }).click();
  await form.getByLabel('E-mail 1', { exact: true }).fill('ada@engines.example');
  await form.getByRole('button', { name: 'Add phone' }).click();
  await form.getByLabel('Phone 1', { exact: true }).fill('+44 20 7946 0958');
  await form.getByRole('button', { name: 'Save' }).click();

  await detail().getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
  await page.getByTestId('status-contacts').filter({ hasText: '301 contacts' }).waitFor();
  assert.match(await detail().innerText(), /ada@engines\.example/);
  assert.match(await detail().innerText(), /\+44 20 7946 0958/);
});

test('find it by search as you type: by name, e-mail and phone digits', async () => {
  for (const q of ['lovel', 'ada@engines', '79460958', 'analytical math']) {
    await searchFor(q);
    await expectRows(['Ada Lovelace'], `search ${q}`);
  }
  await searchFor('lovelace nosuchword');
  await page.getByText('No contacts match').waitFor();
  await expectRows([], 'search with a word nobody has');
});

test('edit it', async () => {
  await searchFor('lovelace');
  await expectRows(['Ada Lovelace'], 'search before editing');
  await rows().first().click();
  await detail().getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('Company').fill('Babbage & Co');
  await form.getByRole('button', { name: 'Save' }).click();
  await detail().getByTestId('detail-company').filter({ hasText: 'Babbage & Co' }).waitFor();
  await expectRows(['Babbage & Co'], 'the list after the edit');
});

test('add a nickname, a home address, a website, a birthday without a year and a profile', async () => {
  await detail().getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('Nickname').fill('Enchantress of Numbers');
  await form.getByRole('button', { name: 'Add address' }).click();
  const address = form.getByRole('group', { name: 'Address 1' });
  await address.getByLabel('Address 1 label').selectOption('home');
  await address.getByLabel('Street').fill("12 St James's Square\nFlat 2");
  await address.getByLabel('City').fill('London');
  await address.getByLabel('Postcode').fill('SW1Y 4JH');
  await address.getByLabel('Country').fill('United Kingdom');
  await form.getByRole('button', { name: 'Add website' }).click();
  await form.getByLabel('Website 1', { exact: true }).fill('https://ada.example/notes');
  await form.getByLabel('Birthday day').fill('10');
  await form.getByLabel('Birthday month').selectOption({ label: 'December' });
  await form.getByLabel('Personal profile').fill('Loves poetry and horses; ask about her mother.');
  await form.getByRole('button', { name: 'Save' }).click();

  await detail().getByTestId('detail-nickname').filter({ hasText: '“Enchantress of Numbers”' }).waitFor();
  const addr = detail().getByTestId('detail-addresses').getByTestId('address');
  assert.equal(await addr.count(), 1);
  assert.match(await addr.innerText(), /^Home\n+12 St James's Square\nFlat 2\nLondon, SW1Y 4JH\nUnited Kingdom$/);
  const site = detail().getByTestId('detail-urls').getByRole('link', { name: 'https://ada.example/notes' });
  assert.equal(await site.getAttribute('href'), 'https://ada.example/notes');
  // No year was entered, so none is shown.
  assert.match(await detail().getByTestId('detail-birthday').innerText(), /^(December 10|10 December)$/);
  assert.equal(await detail().getByTestId('contact-profile').innerText(), 'Loves poetry and horses; ask about her mother.');

  // A web address that is not one is refused with the translated message; the saved one stays.
  await detail().getByRole('button', { name: 'Edit' }).click();
  assert.equal(await form.getByLabel('Birthday day').inputValue(), '10');
  assert.equal(await form.getByLabel('Birthday year').inputValue(), '');
  await form.getByRole('group', { name: 'Address 1' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'contact-form.png') });
  await form.getByLabel('Website 1', { exact: true }).fill('not a url');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('This is not a valid web address.').waitFor();
  assert.equal(await form.getByLabel('Website 1', { exact: true }).getAttribute('aria-invalid'), 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await detail().getByRole('link', { name: 'https://ada.example/notes' }).waitFor();
});

test('a wrong e-mail address is refused with a translated message and loses nothing', async () => {
  await detail().getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('E-mail 1', { exact: true }).fill('not an address');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('This is not a valid e-mail address.').waitFor();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await detail().getByText('ada@engines.example').waitFor();
});

test('delete it and undo', async () => {
  await detail().getByRole('button', { name: 'Delete' }).click();
  const note = page.getByRole('alert').filter({ hasText: 'Contact deleted' });
  await note.waitFor();
  await page.getByTestId('status-contacts').filter({ hasText: '300 contacts' }).waitFor();
  await page.getByText('No contacts match').waitFor();
  await note.getByRole('button', { name: 'Undo' }).click();
  await expectRows(['Ada Lovelace'], 'the list after undo');
  await page.getByTestId('status-contacts').filter({ hasText: '301 contacts' }).waitFor();
});

test('markup in a name is shown as text and runs nothing', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  await page.getByRole('button', { name: 'New contact' }).click();
  const form = page.getByTestId('contact-form');
  await form.getByLabel('First name').fill(evil);
  await form.getByLabel('Notes').fill('<script>alert(2)</script>');
  await form.getByRole('button', { name: 'Save' }).click();
  await detail().getByRole('heading', { name: evil }).waitFor();
  await searchFor('img onerror');
  await expectRows([evil], 'search for the markup contact');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img src=x> element was created');
  assert.equal(await page.locator('#root script').count(), 0, 'no <script> element inside the app');
  assert.equal(await detail().getByTestId('contact-notes').innerText(), '<script>alert(2)</script>');
  await page.waitForTimeout(300);
  assert.deepEqual(problems.dialogs, [], 'no dialog fired');
});

test('the main window, screenshot for a person to look at', async () => {
  await searchFor('');
  await rows().first().click();
  await page.screenshot({ path: join(ARTIFACTS, 'main-window.png') });
});

test('restart the app: the contact and its edit are still there', async () => {
  await app.stop();
  app = await startApp({ display: xvfb.display, dbPath, name: 'app-restarted' });
  await page.goto(`${app.url}#/contacts`); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '302 contacts' }).waitFor();
  await searchFor('lovelace');
  await expectRows(['Ada Lovelace'], 'search after the restart');
  await rows().first().click();
  await detail().getByTestId('detail-company').filter({ hasText: 'Babbage & Co' }).waitFor();
  const stats = JSON.parse(cli(dbPath, 'stats', '--json'));
  assert.equal(stats.contacts, 302);
  // create, two updates, delete, restore for Ada; create for the markup contact; 300 seeded.
  assert.equal(stats.pendingChanges, 300 + 5 + 1);
});

test('switch the interface to Bengali; the choice survives a restart', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByLabel('Language').click();
  await page.getByRole('option', { name: 'বাংলা (Bengali)' }).click();
  await page.getByTestId('nav-contacts').filter({ hasText: 'পরিচিতি' }).waitFor();
  // Numbers follow the language: ৩০২ is 302 in Bengali digits.
  await page.getByTestId('status-contacts').filter({ hasText: '৩০২টি পরিচিতি' }).waitFor();
  await page.getByTestId('nav-contacts').click();
  await page.getByRole('textbox', { name: 'পরিচিতি খুঁজুন' }).fill('রহ');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, 'main-window-bn.png') });

  await app.stop();
  app = await startApp({ display: xvfb.display, dbPath, name: 'app-restarted-bn' });
  await page.goto(app.url);
  await page.getByTestId('nav-contacts').filter({ hasText: 'পরিচিতি' }).waitFor();
});

test('no errors from Fieldbook’s own code in the page', () => {
  assert.deepEqual(appErrors(), []);
});
