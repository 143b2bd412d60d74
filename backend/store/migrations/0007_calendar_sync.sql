-- CalDAV sync. A collection is an address book or a calendar; a calendar
-- remembers which components it takes and the server's colour for it. A
-- meeting or task is tied to the object that carries it on a server by a
-- calendar link (like remote_links for contacts: href, UID, ETag and the
-- exact bytes last seen there, the merge base). Conflicts on meetings and
-- tasks wait in calendar_conflicts, beside the contacts' conflicts.

ALTER TABLE collections ADD COLUMN kind TEXT NOT NULL DEFAULT 'addressbook';  -- 'addressbook' | 'calendar'
ALTER TABLE collections ADD COLUMN components TEXT NOT NULL DEFAULT '';      -- a calendar's: 'VEVENT', 'VTODO' or 'VEVENT,VTODO'
ALTER TABLE collections ADD COLUMN color TEXT NOT NULL DEFAULT '';           -- a calendar's colour on the server, "#RRGGBB" or ''

CREATE TABLE calendar_links (
    collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    href          TEXT NOT NULL,
    item_kind     TEXT NOT NULL,               -- 'event' | 'task': the table item_id is in
    item_id       TEXT NOT NULL UNIQUE,
    uid           TEXT NOT NULL,
    etag          TEXT NOT NULL DEFAULT '',
    base          BLOB,                        -- NULL while the first upload is in flight
    creating      INTEGER NOT NULL DEFAULT 0,  -- 1 from before the first PUT until confirmed
    PRIMARY KEY (collection_id, href)
);

CREATE TABLE calendar_conflicts (
    id         TEXT PRIMARY KEY,
    entity     TEXT NOT NULL,                  -- 'event' | 'task'
    item_id    TEXT NOT NULL,
    field      TEXT NOT NULL,
    base       TEXT NOT NULL,                  -- JSON of the field's value
    mine       TEXT NOT NULL,
    theirs     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (item_id, field)
);
