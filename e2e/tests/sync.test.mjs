// Sync end to end: the real app (dev build, real Go bindings, real SQLite
// file) in Debian's Chromium against a real Radicale 3.1 server on
// loopback. Add an account through the UI and pull three contacts; stop
// the server, edit a contact, see the sync fail and the change wait in the
// outbox; start the server again, sync, and find the edit in the server's
// own copy of the vCard.
//
// Needs /usr/bin/radicale (Debian package radicale). Without it the test
// is skipped, except with CI=true, where it fails.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, freePort, ARTIFACTS } from '../lib/harness.mjs';

import { Radicale, USER, PASSWORD, skipWithoutRadicale as skip, unfold } from '../lib/radicale.mjs';

const PEOPLE = [
  { uid: 'e2e-sync-hopper', given: 'Grace', family: 'Hopper', email: 'grace@navy.example' },
  { uid: 'e2e-sync-turing', given: 'Alan', family: 'Turing', email: 'alan@bletchley.example' },
  { uid: 'e2e-sync-johnson', given: 'Katherine', family: 'Johnson', email: 'katherine@nasa.example' },
];

function vcard(p) {
  return [
    'BEGIN:VCARD', 'VERSION:3.0', `UID:${p.uid}`, `N:${p.family};${p.given};;;`, `FN:${p.given} ${p.family}`,
    `EMAIL;TYPE=INTERNET:${p.email}`, 'END:VCARD', '',
  ].join('\r\n');
}

// ---- the test ------------------------------------------------------------

describe('sync with a real Radicale server', { skip }, () => {
  let xvfb, app, browser, page, problems, radicale, davState, appDir;
  const EDITED = 'Codebreaker in chief';
  const edited = PEOPLE[1];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    davState = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-radicale-'));
    radicale = new Radicale(davState, await freePort());
    radicale.setup();
    await radicale.start();
    await radicale.provision();
    for (const p of PEOPLE) {
      await radicale.mustDav('PUT', `/${USER}/contacts/${p.uid}.vcf`, {
        headers: { 'Content-Type': 'text/vcard; charset=utf-8', 'If-None-Match': '*' },
        body: vcard(p),
      });
    }
    assert.equal((await radicale.cards()).size, 3, 'the server holds the three cards before the app starts');

    xvfb = await startXvfb();
    appDir = tempDir();
    app = await startApp({ display: xvfb.display, dbPath: join(appDir, 'e2e.db'), name: 'app-sync' });
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
    await page.getByTestId('status-contacts').filter({ hasText: '0 contacts' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await xvfb?.stop();
    await radicale?.stop();
    if (davState) rmSync(davState, { recursive: true, force: true });
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  const statusSync = () => page.getByTestId('status-sync');
  const rows = () => page.getByTestId('contact-list').getByTestId('contact-row');
  const detail = () => page.getByTestId('contact-detail');

  /** waitState waits until the status bar's sync state is one of states, and returns it. */
  async function waitState(states, what, timeout = 20_000) {
    const deadline = Date.now() + timeout;
    let got;
    for (;;) {
      got = await statusSync().getAttribute('data-state');
      if (states.includes(got)) return got;
      if (Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
    assert.fail(`${what}: status-sync data-state is ${got} (“${await statusSync().innerText()}”); want ${states.join(' or ')}`);
  }

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

  /** summary reads the last sync's counters from the Sync page. */
  async function summary() {
    const out = {};
    for (const k of ['fetched', 'applied', 'pushed', 'failed', 'conflicts']) {
      out[k] = Number((await page.getByTestId(`summary-${k}`).innerText()).split('\n')[0].trim());
    }
    return out;
  }

  test('add the account through the UI; the first sync brings the three contacts', async () => {
    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-page').waitFor();
    assert.equal(await statusSync().getAttribute('data-state'), 'not-set-up');
    await page.getByTestId('add-account').click();
    await page.getByTestId('account-url-input').fill(radicale.base);
    await page.getByTestId('account-user-input').fill(USER);
    await page.getByTestId('account-password-input').fill(PASSWORD);
    await page.getByTestId('find-address-books').click();

    await page.getByTestId('add-account-books').waitFor();
    const books = page.getByTestId('address-book-checkbox');
    assert.equal(await books.count(), 1, 'Radicale has exactly one address book for alice');
    assert.match(await books.getAttribute('data-href'), /\/alice\/contacts\/$/);
    assert.ok(await books.isChecked(), 'the found address book is chosen by default');
    await page.getByTestId('add-account-submit').click();
    await page.getByTestId('add-account-books').waitFor({ state: 'detached' });

    // Adding syncs at once; the summary appears when that sync has finished.
    await page.getByTestId('sync-summary').waitFor({ timeout: 20_000 });
    await waitState(['online'], 'after the first sync');
    const s = await summary();
    assert.equal(s.failed, 0, `first sync summary ${JSON.stringify(s)}`);
    assert.equal(s.conflicts, 0, `first sync summary ${JSON.stringify(s)}`);
    assert.equal(s.fetched, 3, `first sync summary ${JSON.stringify(s)}`);
    assert.equal(await page.getByTestId('sync-errors').count(), 0, 'no sync errors are shown');
    assert.match(await page.getByTestId('account-url').innerText(), new RegExp(`127\\.0\\.0\\.1:${radicale.port}`));

    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('status-contacts').filter({ hasText: '3 contacts' }).waitFor();
    // The list's order is the app's business; all three names must be in it.
    const got = await rows().allInnerTexts();
    assert.equal(got.length, 3, `list shows ${JSON.stringify(got)}`);
    for (const p of PEOPLE) assert.ok(got.some((r) => r.includes(`${p.given} ${p.family}`)), `${p.given} ${p.family} in ${JSON.stringify(got)}`);
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('turing');
    await expectRows(['Alan Turing'], 'search for a synced contact');
    await rows().first().click();
    await detail().getByRole('heading', { name: 'Alan Turing' }).waitFor();
    await detail().getByText(edited.email).waitFor();
  });

  test('server down: edit offline, Sync now fails, the change waits in the outbox', async () => {
    await radicale.stop();

    await detail().getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByLabel('Job title').fill(EDITED);
    await form.getByRole('button', { name: 'Save' }).click();
    await detail().getByTestId('detail-title').filter({ hasText: EDITED }).waitFor();

    await page.getByTestId('nav-sync').click();
    await page.getByTestId('sync-page').waitFor();
    await page.getByTestId('sync-now').click();
    const state = await waitState(['offline', 'error'], 'Sync now with the server down');
    assert.ok(['offline', 'error'].includes(state));
    // The sync page says so too.
    const online = page.getByTestId('sync-online');
    await online.waitFor();
    assert.equal(await online.getAttribute('data-online'), 'false', 'the Sync page shows the account offline');

    await page.getByTestId('sync-tab-outbox').click();
    const row = page.getByTestId('outbox-row').filter({ hasText: 'Alan Turing' });
    await row.waitFor();
    assert.equal(await page.getByTestId('outbox-row').count(), 1, 'exactly the one edit waits');
    assert.match(await row.innerText(), /Job title|title/i, 'the outbox names the changed field');
    assert.equal(await page.getByTestId('outbox-count').innerText(), '1');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'sync-offline.png') });

    // It really was down: the connection is refused.
    await assert.rejects(fetch(radicale.base, { signal: AbortSignal.timeout(1000) }), 'Radicale still answers after stop()');
  });

  test('server back: Sync now pushes the edit, the outbox empties, the server has it', async () => {
    await radicale.start();
    await page.getByTestId('sync-now').click();
    await waitState(['online'], 'Sync now with the server back');
    await page.getByTestId('outbox-empty').waitFor();
    assert.equal(await page.getByTestId('outbox-row').count(), 0);
    assert.equal(await page.getByTestId('sync-online').getAttribute('data-online'), 'true');
    const s = await summary();
    assert.equal(s.failed, 0, `second sync summary ${JSON.stringify(s)}`);
    assert.equal(s.conflicts, 0, `second sync summary ${JSON.stringify(s)}`);
    assert.equal(s.pushed, 1, `second sync summary ${JSON.stringify(s)}`);

    const cards = await radicale.cards();
    assert.equal(cards.size, 3, `the server still has three cards: ${[...cards.keys()].join(', ')}`);
    const card = [...cards.values()].map(unfold).find((c) => c.includes(`UID:${edited.uid}`));
    assert.ok(card, `the server has ${edited.uid}`);
    assert.match(card, new RegExp(`^TITLE[^:\\r\\n]*:${EDITED}\\r?$`, 'm'), `the edit is in the server's vCard:\n${card}`);
    assert.match(card, /^FN[^:\r\n]*:Alan Turing\r?$/m, 'the name survived the round trip');
    assert.match(card, new RegExp(`^EMAIL[^:\\r\\n]*:${edited.email.replace(/\./g, '\\.')}\\r?$`, 'm'), 'the e-mail survived the round trip');
    for (const other of [PEOPLE[0], PEOPLE[2]]) {
      const c = [...cards.values()].map(unfold).find((x) => x.includes(`UID:${other.uid}`));
      assert.ok(c && !/^TITLE/m.test(c), `${other.uid} untouched`);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'sync-online.png') });
  });

  test('no errors from Fieldbook’s own code in the page, no dialogs', () => {
    assert.deepEqual(problems.pageErrors.filter((m) => !/\/wails\//.test(m)), []);
    assert.deepEqual(problems.dialogs, []);
  });
});
