-- Contacts, their full-text index, the change journal (outbox) and settings.

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY,
    version      INTEGER NOT NULL DEFAULT 1,
    prefix       TEXT NOT NULL DEFAULT '',
    given_name   TEXT NOT NULL DEFAULT '',
    middle_name  TEXT NOT NULL DEFAULT '',
    family_name  TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    company      TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    emails       TEXT NOT NULL DEFAULT '[]',  -- JSON [{"label":…,"value":…}]
    phones       TEXT NOT NULL DEFAULT '[]',  -- JSON [{"label":…,"value":…}]
    tags         TEXT NOT NULL DEFAULT '[]',  -- JSON ["…"]
    display_name TEXT NOT NULL,
    sort_key     TEXT NOT NULL,
    created_at   TEXT NOT NULL,               -- RFC 3339 UTC, millisecond precision
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT                         -- tombstone: NULL while the contact is live
);

-- The list reads live contacts in name order; the partial index makes both
-- the page and the count touch only live rows.
CREATE INDEX contacts_live_by_name ON contacts (sort_key, id) WHERE deleted_at IS NULL;

-- Row counts kept by triggers, so the list's total costs one lookup instead
-- of a scan of 100,000 index entries on every page.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('contacts_live', 0);
CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'contacts_live';
END;
CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE counters SET value = value - 1 WHERE name = 'contacts_live';
END;
CREATE TRIGGER contacts_count_tombstone AFTER UPDATE OF deleted_at ON contacts
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE counters SET value = value + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)
        WHERE name = 'contacts_live';
END;

-- Search index over live contacts, rowid = contacts.rowid. Contentless (the
-- text lives in contacts) with deletes allowed; the store keeps it in step in
-- the same transaction as every change.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, company, emails, phones, tags, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- The outbox: one row per local change, written in the same transaction as
-- the change. The sync engine reads pending rows in seq order.
CREATE TABLE journal (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    fields     TEXT NOT NULL DEFAULT '[]',   -- JSON list of the fields the change touched
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_by_state ON journal (state, seq);
CREATE INDEX journal_by_entity ON journal (entity, entity_id, seq);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
