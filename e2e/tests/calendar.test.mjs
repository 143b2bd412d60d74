// Calendar end to end: the real app (dev build, real Go bindings, real
// SQLite file) in Debian's Chromium, syncing with a real Radicale 3.1
// calendar on loopback. Create a weekly meeting with a contact as attendee
// by selecting a slot in the week view, drag one occurrence to another
// time ("this occurrence"), find the meeting on the contact's timeline, and
// after "Sync now" find the series and its moved occurrence in the server's
// own copy of the event.
//
// Needs /usr/bin/radicale (Debian package radicale). Without it the test
// is skipped, except with CI=true, where it fails.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXvfb, startApp, launchBrowser, openPage, tempDir, cli, freePort, ARTIFACTS } from '../lib/harness.mjs';
import { Radicale, USER, PASSWORD, skipWithoutRadicale as skip, unfold } from '../lib/radicale.mjs';

const ADA = { given: 'Ada', family: 'Lovelace', email: 'ada@engines.example' };
const TITLE = 'Engine review';

/** isoDate is a Date's calendar day in UTC, "YYYY-MM-DD". */
const isoDate = (d) => d.toISOString().slice(0, 10);

/** nextMonday is the Monday of next week (UTC): a week the calendar reaches with one "next". */
function nextMonday(now = new Date()) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 7);
  return d;
}

describe('calendar with a real Radicale server', { skip }, () => {
  let xvfb, app, browser, page, problems, radicale, davState, dbPath;
  const monday = nextMonday();
  const mondayISO = isoDate(monday);
  const tuesdayISO = isoDate(new Date(monday.getTime() + 86_400_000));

  before(async () => {
    // The app and its CLI read the user's zone from $TZ: UTC, so the slots
    // the test clicks are the instants it checks on the server.
    process.env.TZ = 'UTC';
    davState = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-radicale-'));
    radicale = new Radicale(davState, await freePort());
    radicale.setup();
    await radicale.start();
    await radicale.provision();
    await radicale.provisionCalendar('Team');

    // The app's database: Ada as a contact, the server as an account (its
    // calendar picked up by the first sync).
    dbPath = join(tempDir(), 'e2e.db');
    const card = join(tempDir(), 'ada.vcf');
    writeFileSync(card, ['BEGIN:VCARD', 'VERSION:3.0', `N:${ADA.family};${ADA.given};;;`, `FN:${ADA.given} ${ADA.family}`,
      `EMAIL;TYPE=INTERNET:${ADA.email}`, 'END:VCARD', ''].join('\r\n'));
    cli(dbPath, 'import', card);
    execFileSync(process.env.FIELDBOOK_BIN, ['--db', dbPath, 'account', 'add', radicale.base, '--user', USER],
      { input: `${PASSWORD}\n`, encoding: 'utf8' });
    cli(dbPath, 'sync');

    xvfb = await startXvfb();
    app = await startApp({ display: xvfb.display, dbPath, name: 'calendar' });
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, `${app.url}#/contacts`)); // the app opens on the dashboard
    await page.getByTestId('status-contacts').filter({ hasText: '1 contact' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await xvfb?.stop();
    await radicale?.stop();
    if (davState) rmSync(davState, { recursive: true, force: true });
  });

  const appErrors = () => problems.pageErrors.filter((m) => !/\/wails\//.test(m));

  /** slot is the centre of a week-view slot: the day's column at a time "HH:MM". */
  async function slot(day, time) {
    const col = await page.locator(`.fc-timegrid-col[data-date="${day}"]`).boundingBox();
    const row = await page.locator(`.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox();
    assert.ok(col && row, `slot ${day} ${time} is on screen`);
    return { x: col.x + col.width / 2, y: row.y + row.height / 2 };
  }

  async function drag(from, to) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Several steps: FullCalendar starts a drag only after the pointer moved.
    await page.mouse.move(from.x, from.y + 5, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
  }

  test('the server calendar is there, and the week view shows next week', async () => {
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-page').waitFor();
    await page.getByTestId('calendar-row').filter({ hasText: 'Team' }).waitFor();
    await page.getByTestId('calendar-views').getByText('Week').click();
    await page.getByTestId('calendar-next').click();
    await page.locator(`.fc-timegrid-col[data-date="${mondayISO}"]`).waitFor();
  });

  test('select a slot, make it a weekly meeting with Ada, and save', async () => {
    // 10:00–11:00 on Monday: press on 10:00, release on 10:30 (slots are 30 min).
    await page.locator('.fc-timegrid-slot-lane[data-time="10:00:00"]').scrollIntoViewIfNeeded();
    await drag(await slot(mondayISO, '10:00'), await slot(mondayISO, '10:30'));
    const editor = page.getByTestId('meeting-editor');
    await editor.waitFor();
    assert.equal(await editor.getByTestId('meeting-start-time').inputValue(), '10:00');
    assert.equal(await editor.getByTestId('meeting-end-time').inputValue(), '11:00');

    await editor.getByTestId('meeting-title').fill(TITLE);
    await editor.getByTestId('meeting-location').fill('Analytical Engine room');
    await editor.getByTestId('meeting-notes').fill('Bring the punched cards.');
    await editor.getByTestId('meeting-calendar').click();
    await page.getByRole('option', { name: 'Team' }).click();
    await editor.getByTestId('repeat-freq').click();
    await page.getByRole('option', { name: 'Weekly' }).click();
    await editor.getByTestId('repeat-days').waitFor();
    assert.ok(await editor.getByTestId('repeat-day-MO').isChecked(), 'weekly on the day it starts: Monday');

    await editor.getByTestId('attendee-search').fill('Lovelace');
    await page.getByTestId('attendee-option').filter({ hasText: 'Ada Lovelace' }).click();
    await editor.getByTestId('attendee-row').filter({ hasText: ADA.email }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-editor.png') });

    await page.getByTestId('meeting-save').click();
    await editor.waitFor({ state: 'detached' });
    const events = page.getByTestId('calendar-event').filter({ hasText: TITLE });
    await events.first().waitFor();
    assert.equal(await events.count(), 1, 'one occurrence in the week shown');
    await page.getByTestId('calendar-next').click();
    await events.first().waitFor();
    assert.equal(await events.count(), 1, 'and one in the week after: it repeats');
    await page.getByTestId('calendar-prev').click();
    await page.locator(`.fc-timegrid-col[data-date="${mondayISO}"]`).waitFor();
  });

  test('drag one occurrence to Tuesday 14:00: only that occurrence moves', async () => {
    const event = page.locator(`.fc-timegrid-col[data-date="${mondayISO}"] .fc-event`).filter({ hasText: TITLE });
    const box = await event.boundingBox();
    assert.ok(box, 'the occurrence is on screen');
    const from = { x: box.x + box.width / 2, y: box.y + 8 };
    const mondayTen = await slot(mondayISO, '10:00');
    const target = await slot(tuesdayISO, '14:00');
    await drag(from, { x: target.x, y: target.y + (from.y - mondayTen.y) });

    const scope = page.getByTestId('scope-dialog');
    await scope.waitFor();
    assert.equal(await scope.getAttribute('data-action'), 'move');
    await page.getByTestId('scope-this').click();

    const moved = page.locator(`.fc-timegrid-col[data-date="${tuesdayISO}"] .fc-event`).filter({ hasText: TITLE });
    await moved.waitFor();
    assert.equal(await page.locator(`.fc-timegrid-col[data-date="${mondayISO}"] .fc-event`).filter({ hasText: TITLE }).count(), 0);
    assert.match(await moved.innerText(), /14:00/);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-week-moved.png') });

    // The week after still has its Monday 10:00 occurrence.
    await page.getByTestId('calendar-next').click();
    const nextMondayISO = isoDate(new Date(monday.getTime() + 7 * 86_400_000));
    await page.locator(`.fc-timegrid-col[data-date="${nextMondayISO}"] .fc-event`).filter({ hasText: TITLE }).waitFor();
    await page.getByTestId('calendar-prev').click();
  });

  test("the meeting is on Ada's timeline", async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contact-row').filter({ hasText: 'Ada Lovelace' }).click();
    const meetings = page.getByTestId('contact-meetings');
    await meetings.getByTestId('contact-meeting').first().waitFor();
    const rows = meetings.getByTestId('contact-meeting');
    assert.ok((await rows.count()) >= 1);
    assert.match(await rows.first().innerText(), new RegExp(TITLE));
    assert.match(await meetings.innerText(), /Bring the punched cards\./);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-contact-timeline.png') });
  });

  test('after Sync now the server holds the series with the moved occurrence', async () => {
    await page.keyboard.press('Control+Shift+S');
    let event;
    const deadline = Date.now() + 30_000;
    while (!event) {
      const objects = [...(await radicale.objects(`/${USER}/calendar/`)).values()].map(unfold);
      event = objects.find((o) => o.includes(`SUMMARY:${TITLE}`));
      if (event) break;
      assert.ok(Date.now() < deadline, 'the meeting reached the server within 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(event, /RRULE:FREQ=WEEKLY/);
    assert.match(event, new RegExp(`ATTENDEE[^\\r\\n]*mailto:${ADA.email}`, 'i'));
    assert.match(event, /LOCATION:Analytical Engine room/);
    const compact = mondayISO.replaceAll('-', '');
    assert.match(event, new RegExp(`RECURRENCE-ID[^:\\r\\n]*:${compact}T100000`), 'the moved occurrence is an override of Monday 10:00');
    assert.match(event, new RegExp(`DTSTART[^:\\r\\n]*:${tuesdayISO.replaceAll('-', '')}T140000`), 'moved to Tuesday 14:00');
    assert.deepEqual(appErrors(), []);
    assert.deepEqual(problems.dialogs, []);
  });
});
