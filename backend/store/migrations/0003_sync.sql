-- Sync state: accounts, their address books, the link between a contact
-- and the object that carries it on a server (with the exact bytes last
-- seen there: the merge base), and the conflict inbox.

CREATE TABLE accounts (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    url          TEXT NOT NULL,
    username     TEXT NOT NULL DEFAULT '',
    cert_pin     TEXT NOT NULL DEFAULT '',   -- SHA-256 of a certificate the user trusted
    created_at   TEXT NOT NULL,
    last_sync_at TEXT,
    last_error   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE collections (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    href       TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    enabled    INTEGER NOT NULL DEFAULT 1,
    is_default INTEGER NOT NULL DEFAULT 0,    -- new local contacts are uploaded here
    sync_token TEXT NOT NULL DEFAULT '',
    ctag       TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, href)
);

CREATE TABLE remote_links (
    collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    href          TEXT NOT NULL,
    contact_id    TEXT NOT NULL UNIQUE REFERENCES contacts (id),
    uid           TEXT NOT NULL,
    etag          TEXT NOT NULL DEFAULT '',
    base          BLOB,                        -- NULL while the first upload is in flight
    creating      INTEGER NOT NULL DEFAULT 0,  -- 1 from before the first PUT until confirmed
    PRIMARY KEY (collection_id, href)
);

CREATE TABLE conflicts (
    id         TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    field      TEXT NOT NULL,
    base       TEXT NOT NULL,                  -- JSON of the field's value
    mine       TEXT NOT NULL,
    theirs     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (contact_id, field)
);
