-- Customer feedback (NPS and CSAT answers) and support cases. Neither is
-- written to the sync journal (that is the CardDAV/CalDAV outbox); both keep
-- a version and a deleted_at tombstone for a later team sync. Links are ''
-- when unset. Instants are fixed-width UTC text (store.formatTime), so text
-- order is time order and the report windows are index range scans.

CREATE TABLE feedback (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    contact_id  TEXT NOT NULL,
    company_id  TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('nps', 'csat')),
    score       INTEGER NOT NULL CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5)),
    comment     TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    owner_id    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX feedback_by_contact ON feedback (contact_id, received_at) WHERE deleted_at IS NULL;
CREATE INDEX feedback_by_company ON feedback (company_id, received_at) WHERE deleted_at IS NULL AND company_id <> '';
-- NPS/CSAT over time: a range of received_at counted by kind and score from
-- the index alone (deleted_at is a column, not a partial-index condition, so
-- the index covers the report's query).
CREATE INDEX feedback_by_time ON feedback (received_at, kind, score, deleted_at);

CREATE TABLE cases (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    number      TEXT NOT NULL UNIQUE,
    subject     TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    contact_id  TEXT NOT NULL DEFAULT '',
    company_id  TEXT NOT NULL DEFAULT '',
    priority    TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status      TEXT NOT NULL CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    opened_at   TEXT NOT NULL,
    resolved_at TEXT,
    owner_id    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    CHECK ((status IN ('resolved', 'closed')) = (resolved_at IS NOT NULL))
);
CREATE INDEX cases_by_contact ON cases (contact_id, opened_at) WHERE deleted_at IS NULL AND contact_id <> '';
CREATE INDEX cases_by_company ON cases (company_id, opened_at) WHERE deleted_at IS NULL AND company_id <> '';
-- The backlog (counts by status and priority, oldest opening) from the index alone.
CREATE INDEX cases_by_status ON cases (status, priority, opened_at, deleted_at);
CREATE INDEX cases_by_opened ON cases (opened_at) WHERE deleted_at IS NULL;
-- Resolution time over a window: the cases resolved in a range, from the index alone.
CREATE INDEX cases_by_resolved ON cases (resolved_at, opened_at, deleted_at) WHERE resolved_at IS NOT NULL;
