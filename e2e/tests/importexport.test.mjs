// Import and export end to end: the real app imports a German Outlook CSV
// (Windows-1252, semicolons) through the wizard — detection, mapping,
// preview, progress, result with the skipped rows and why — and exports the
// book as vCard 4.0 through the export dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, ARTIFACTS } from '../lib/harness.mjs';

const ROWS = 20_000;
let xvfb, app, browser, page, problems, dir, csvPath;

before(async () => {
  xvfb = await startXvfb();
  dir = tempDir();
  const dbPath = join(dir, 'e2e.db');
  cli(dbPath, 'seed', '--contacts', '50', '--seed', '5', '--selling=false');
  // A German Outlook export: Windows-1252, semicolons, CRLF.
  const lines = ['Vorname;Nachname;E-Mail-Adresse;Mobiltelefon;Firma;Abteilung'];
  lines.push('Jürgen;Müller;juergen.mueller@example.de;+49 170 1234567;Bäckerei Müller;Vertrieb');
  lines.push(';;;;;'); // blank: ignored
  lines.push(';;;+49 170 0000000;;'); // a phone alone: skipped, no name
  lines.push('Zoë;Straße;keine-adresse;;Größe GmbH;'); // bad e-mail: imported without it
  for (let i = 0; i < ROWS; i++) lines.push(`Vorname${i};Nachname${i};person${i}@example.de;+49 30 ${String(i).padStart(7, '0')};Firma ${i % 50};`);
  csvPath = join(dir, 'Kontakte.csv');
  writeFileSync(csvPath, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));
  app = await startApp({ display: xvfb.display, dbPath, name: 'importexport' });
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
  await page.getByTestId('status-contacts').filter({ hasText: '50 contacts' }).waitFor();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await xvfb?.stop();
});

const wizard = () => page.getByRole('dialog', { name: 'Import contacts' });

test('import a CSV through the wizard: detection, mapping, preview, progress, result', async () => {
  await page.getByTestId('import-open').click();
  await wizard().getByTestId('import-path').fill(csvPath);
  await wizard().getByTestId('import-next').click();

  // What was detected, and the columns mapped from the German Outlook header.
  assert.equal(await wizard().getByTestId('import-detected-encoding').innerText(), 'windows-1252');
  assert.match(await wizard().getByTestId('import-detected-delimiter').innerText(), /Semicolon/);
  assert.equal(await wizard().getByTestId('import-detected-profile').innerText(), 'Outlook (de)');
  const columnRows = wizard().getByTestId('import-column-row');
  assert.equal(await columnRows.count(), 6);
  assert.equal(await wizard().getByTestId('import-target-0').inputValue(), 'First name');
  assert.equal(await wizard().getByTestId('import-target-1').inputValue(), 'Last name');
  // The user chooses not to import the company.
  await wizard().getByTestId('import-target-4').click();
  await page.getByRole('option', { name: '— Do not import —' }).click();
  assert.equal(await wizard().getByTestId('import-target-4').inputValue(), '— Do not import —');
  await page.screenshot({ path: join(ARTIFACTS, 'import-columns.png') });

  await wizard().getByTestId('import-next').click();
  const preview = wizard().getByTestId('import-preview-row');
  await preview.first().waitFor();
  assert.match(await preview.nth(0).innerText(), /Jürgen Müller\s+juergen\.mueller@example\.de/);
  assert.doesNotMatch(await preview.nth(0).innerText(), /Bäckerei/); // company not imported
  assert.match(await preview.nth(1).innerText(), /No name, company or e-mail/i);
  assert.match(await preview.nth(2).innerText(), /Zoë Straße[\s\S]*1 value left out/i);
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png') });

  await wizard().getByTestId('import-start').click();
  // The progress step: a bar, bytes read and counts while 20,000 rows go in.
  await wizard().getByTestId('import-progress').waitFor();
  await wizard().getByTestId('import-progress-counts').filter({ hasText: /imported/ }).waitFor({ timeout: 20_000 }).catch(() => {});
  await page.screenshot({ path: join(ARTIFACTS, 'import-progress.png') });

  const result = wizard().getByTestId('import-result');
  await result.waitFor({ timeout: 120_000 });
  assert.equal(await result.getByTestId('import-result-imported').innerText(), (ROWS + 2).toLocaleString('en'));
  assert.equal(await result.getByTestId('import-result-skipped').innerText(), '1');
  assert.equal(await result.getByTestId('import-result-warnings').innerText(), '1');
  const skipped = result.getByTestId('import-entry-skipped');
  assert.equal(await skipped.count(), 1);
  assert.match(await skipped.innerText(), /^2\s*\(line 4\)[\s\S]*No name, company or e-mail/);
  assert.match(await result.getByTestId('import-entry-warning').innerText(), /Zoë Straße[\s\S]*keine-adresse/);
  await page.screenshot({ path: join(ARTIFACTS, 'import-result.png') });
  await wizard().getByTestId('import-close').click();

  // The list and the status bar follow without a reload.
  await page.getByTestId('status-contacts').filter({ hasText: `${(50 + ROWS + 2).toLocaleString('en')} contacts` }).waitFor();
  await page.getByRole('textbox', { name: 'Search contacts' }).fill('müller jürgen');
  await page.getByTestId('contact-row').filter({ hasText: 'Jürgen Müller' }).first().click();
  const detail = page.getByTestId('contact-detail');
  await detail.getByRole('heading', { name: 'Jürgen Müller' }).waitFor();
  assert.match(await detail.innerText(), /\+49 170 1234567/);
  assert.doesNotMatch(await detail.innerText(), /Bäckerei/);
});

test('Ctrl+I opens the import wizard', async () => {
  await page.getByRole('textbox', { name: 'Search contacts' }).click();
  await page.keyboard.press('Control+i');
  await wizard().getByTestId('import-path').waitFor();
  await page.keyboard.press('Escape');
  await wizard().waitFor({ state: 'hidden' });
});

test('export the search results as vCard 4.0 through the dialog', async () => {
  const search = page.getByRole('textbox', { name: 'Search contacts' });
  await search.fill('');
  await page.getByTestId('contact-count').filter({ hasText: /contacts$/ }).waitFor();
  await search.fill('juergen.mueller');
  await page.getByTestId('contact-count').filter({ hasText: /^1 result$/ }).waitFor();
  await page.getByTestId('export-open').click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await dialog.getByText('vCard 4.0').click();
  await dialog.getByText(/The search results for/).click();
  const out = join(dir, 'export.vcf');
  await dialog.getByTestId('export-path').fill(out);
  await page.screenshot({ path: join(ARTIFACTS, 'export-dialog.png') });
  await dialog.getByTestId('export-run').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(existsSync(out), 'the export file exists');
  const text = readFileSync(out, 'utf8');
  assert.equal(text.match(/BEGIN:VCARD/g)?.length, 1);
  assert.match(text, /VERSION:4\.0/);
  assert.match(text, /FN:Jürgen Müller/);
});

test('no page errors or dialogs', () => {
  assert.deepEqual(problems.dialogs, []);
  assert.deepEqual(problems.pageErrors.filter((m) => !/\/wails\//.test(m)), []);
});
