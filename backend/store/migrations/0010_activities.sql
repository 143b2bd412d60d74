-- Activities: the interaction timeline (calls, e-mails, meetings, visits,
-- notes) of contacts, companies, leads and deals. Local records: not in the
-- sync journal, but with id, version, timestamps and a tombstone like every
-- record so team sync can come later.

CREATE TABLE activities (
    id               TEXT PRIMARY KEY,
    version          INTEGER NOT NULL DEFAULT 1,
    kind             TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'visit', 'note')),
    occurred_at      TEXT NOT NULL,                -- UTC instant, fixed width (store.formatTime)
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    outcome          TEXT NOT NULL DEFAULT '',
    subject          TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL DEFAULT '',
    contact_id       TEXT,                         -- NULL for none, each
    company_id       TEXT,
    lead_id          TEXT,
    deal_id          TEXT,
    owner_id         TEXT NOT NULL DEFAULT '',
    -- An e-mail logged from a message file: JSON {"from":…,"to":[…],"cc":[…],"date":…}
    -- and its Message-ID (an .eml dropped twice on one contact is logged once).
    email            TEXT,
    email_message_id TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);

-- Timelines read live rows newest first and page by (occurred_at, id).
CREATE INDEX activities_live ON activities (occurred_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX activities_by_contact ON activities (contact_id, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL AND contact_id IS NOT NULL;
CREATE INDEX activities_by_company ON activities (company_id, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL AND company_id IS NOT NULL;
CREATE INDEX activities_by_lead ON activities (lead_id, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL AND lead_id IS NOT NULL;
CREATE INDEX activities_by_deal ON activities (deal_id, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL AND deal_id IS NOT NULL;
CREATE INDEX activities_by_owner ON activities (owner_id, occurred_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX activities_by_message ON activities (email_message_id) WHERE email_message_id <> '';

-- Search index over live activities' subject and body (issue 7), rowid =
-- activities.rowid, kept by triggers.
CREATE VIRTUAL TABLE activities_fts USING fts5 (
    subject, body,
    content = 'activities',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER activities_fts_insert AFTER INSERT ON activities WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO activities_fts (rowid, subject, body) VALUES (NEW.rowid, NEW.subject, NEW.body);
END;
CREATE TRIGGER activities_fts_update AFTER UPDATE OF subject, body, deleted_at ON activities
BEGIN
    INSERT INTO activities_fts (activities_fts, rowid, subject, body)
        SELECT 'delete', OLD.rowid, OLD.subject, OLD.body WHERE OLD.deleted_at IS NULL;
    INSERT INTO activities_fts (rowid, subject, body)
        SELECT NEW.rowid, NEW.subject, NEW.body WHERE NEW.deleted_at IS NULL;
END;
