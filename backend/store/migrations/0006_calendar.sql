-- Calendars, meetings (VEVENT) and tasks (VTODO). Like contacts, every
-- local change writes the row and a journal row (entity 'event' / 'task')
-- in one transaction; deleting is a tombstone.

CREATE TABLE calendars (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    name          TEXT NOT NULL,
    color         TEXT NOT NULL DEFAULT '#3B82F6',  -- "#RRGGBB"
    collection_id TEXT REFERENCES collections (id) ON DELETE SET NULL,  -- the CalDAV calendar it syncs with
    is_default    INTEGER NOT NULL DEFAULT 0,       -- new meetings and tasks go here
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
-- At most one live default calendar.
CREATE UNIQUE INDEX calendars_one_default ON calendars (is_default) WHERE is_default = 1 AND deleted_at IS NULL;

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    calendar_id    TEXT NOT NULL REFERENCES calendars (id),
    version        INTEGER NOT NULL DEFAULT 1,
    uid            TEXT NOT NULL,                  -- iCalendar UID, byte for byte
    title          TEXT NOT NULL DEFAULT '',
    location       TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    start_local    TEXT NOT NULL,                  -- wall clock "2006-01-02T15:04:05" in time_zone, or a date
    end_local      TEXT NOT NULL,                  -- (all-day: exclusive date)
    all_day        INTEGER NOT NULL DEFAULT 0,
    time_zone      TEXT NOT NULL DEFAULT '',       -- IANA name, '' floating, or the TZID text of a custom VTIMEZONE
    rrule          TEXT NOT NULL DEFAULT '',
    ex_dates       TEXT NOT NULL DEFAULT '[]',     -- JSON ["…"] in the form of start_local
    r_dates        TEXT NOT NULL DEFAULT '[]',
    attendees      TEXT NOT NULL DEFAULT '[]',     -- JSON [{"email","name","role","status"}]
    organizer      TEXT NOT NULL DEFAULT '{}',     -- JSON {"email","name","role","status"}
    reminders      TEXT NOT NULL DEFAULT '[]',     -- JSON [{"minutesBefore"}]
    busy           TEXT NOT NULL DEFAULT 'busy',
    private        INTEGER NOT NULL DEFAULT 0,
    categories     TEXT NOT NULL DEFAULT '[]',
    status         TEXT NOT NULL DEFAULT 'confirmed',
    overrides      TEXT NOT NULL DEFAULT '[]',     -- JSON [{"recurrenceId", "fields": {…}}]
    recurrence_id  TEXT NOT NULL DEFAULT '',       -- an override kept without its series
    zones          TEXT NOT NULL DEFAULT '',       -- the raw VTIMEZONE blocks the event uses
    card           BLOB,                           -- the iCalendar object it was imported from
    original_tzid  TEXT NOT NULL DEFAULT '',       -- TZID text as received ("W. Europe Standard Time")
    start_utc      TEXT NOT NULL,                  -- first occurrence, fixed-width UTC text
    end_utc        TEXT NOT NULL,
    series_end_utc TEXT,                           -- end of the last occurrence; NULL: never ends
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
-- Range reads: live series starting before the window's end.
CREATE INDEX events_live_by_start ON events (start_utc) WHERE deleted_at IS NULL;
CREATE INDEX events_by_uid ON events (uid);
CREATE INDEX events_by_calendar ON events (calendar_id) WHERE deleted_at IS NULL;

-- The lower-cased e-mails of each event's attendees and organizer (series
-- and overrides), kept by the store on every write: the contact timeline.
CREATE TABLE event_attendees (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    email_key TEXT NOT NULL,
    PRIMARY KEY (event_id, email_key)
) WITHOUT ROWID;
CREATE INDEX event_attendees_by_email ON event_attendees (email_key, event_id);

CREATE TABLE tasks (
    id               TEXT PRIMARY KEY,
    calendar_id      TEXT NOT NULL REFERENCES calendars (id),
    version          INTEGER NOT NULL DEFAULT 1,
    uid              TEXT NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    due              TEXT NOT NULL DEFAULT '',     -- wall clock in time_zone, a date, or ''
    start_local      TEXT NOT NULL DEFAULT '',
    time_zone        TEXT NOT NULL DEFAULT '',
    priority         INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'needs-action',
    percent_complete INTEGER NOT NULL DEFAULT 0,
    completed_at     TEXT NOT NULL DEFAULT '',     -- RFC 3339 UTC, '' while open
    rrule            TEXT NOT NULL DEFAULT '',
    reminders        TEXT NOT NULL DEFAULT '[]',
    categories       TEXT NOT NULL DEFAULT '[]',
    contact_id       TEXT NOT NULL DEFAULT '',     -- local links ('' for none)
    company_id       TEXT NOT NULL DEFAULT '',
    deal_id          TEXT NOT NULL DEFAULT '',
    zones            TEXT NOT NULL DEFAULT '',
    card             BLOB,
    original_tzid    TEXT NOT NULL DEFAULT '',
    due_utc          TEXT,                         -- NULL: no due date
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX tasks_live_by_due ON tasks (due_utc) WHERE deleted_at IS NULL;
CREATE INDEX tasks_live_by_due_date ON tasks (due) WHERE deleted_at IS NULL;  -- tasks due on a date
CREATE INDEX tasks_by_contact ON tasks (contact_id) WHERE deleted_at IS NULL AND contact_id <> '';
CREATE INDEX tasks_by_company ON tasks (company_id) WHERE deleted_at IS NULL AND company_id <> '';
CREATE INDEX tasks_by_uid ON tasks (uid);
CREATE INDEX tasks_by_calendar ON tasks (calendar_id) WHERE deleted_at IS NULL;

-- The lower-cased (ASCII) e-mails of every contact, kept by triggers, so a
-- meeting's attendees find their contacts without reading every contact.
CREATE TABLE contact_emails (
    email_key  TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (email_key, contact_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO contact_emails (email_key, contact_id)
    SELECT lower(trim(json_extract(j.value, '$.value'))), c.id FROM contacts c, json_each(c.emails) j
    WHERE trim(coalesce(json_extract(j.value, '$.value'), '')) <> '';
CREATE TRIGGER contact_emails_insert AFTER INSERT ON contacts
BEGIN
    INSERT OR IGNORE INTO contact_emails (email_key, contact_id)
        SELECT lower(trim(json_extract(j.value, '$.value'))), NEW.id FROM json_each(NEW.emails) j
        WHERE trim(coalesce(json_extract(j.value, '$.value'), '')) <> '';
END;
CREATE TRIGGER contact_emails_update AFTER UPDATE OF emails ON contacts
BEGIN
    DELETE FROM contact_emails WHERE contact_id = OLD.id AND email_key IN
        (SELECT lower(trim(json_extract(j.value, '$.value'))) FROM json_each(OLD.emails) j);
    INSERT OR IGNORE INTO contact_emails (email_key, contact_id)
        SELECT lower(trim(json_extract(j.value, '$.value'))), NEW.id FROM json_each(NEW.emails) j
        WHERE trim(coalesce(json_extract(j.value, '$.value'), '')) <> '';
END;
