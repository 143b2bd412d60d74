-- Duplicates: pairs the user said are not the same person, and the merge
-- log that lets a merge be undone.

CREATE TABLE duplicate_dismissals (
    contact_a  TEXT NOT NULL,                  -- the smaller id of the pair
    contact_b  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (contact_a, contact_b),
    CHECK (contact_a < contact_b)
);

CREATE TABLE merges (
    id              TEXT PRIMARY KEY,
    keep_id         TEXT NOT NULL REFERENCES contacts (id),
    other_id        TEXT NOT NULL REFERENCES contacts (id),
    keep_before     TEXT NOT NULL,              -- JSON snapshot of the survivor before the merge
    other_before    TEXT NOT NULL,              -- JSON snapshot of the merged-away contact
    keep_version    INTEGER NOT NULL,           -- the survivor's version right after the merge
    photo_moved     INTEGER NOT NULL DEFAULT 0, -- the other's photo went to the survivor
    created_at      TEXT NOT NULL,
    undone_at       TEXT
);
CREATE INDEX merges_by_time ON merges (created_at);
