-- Companies (accounts) and the contacts' link to them, user-defined custom
-- fields and their values, contact photos, and the vCard a contact was
-- imported from (the carrier of every property Fieldbook does not model).

CREATE TABLE companies (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 1,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,                 -- crm.CompanyKey(name): how contacts find their company
    industry   TEXT NOT NULL DEFAULT '',
    website    TEXT NOT NULL DEFAULT '',
    size       TEXT NOT NULL DEFAULT '',      -- a head-count band such as "11-50"
    phone      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '{}',    -- JSON {"label":…,"street":…,…}
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX companies_live_by_key ON companies (name_key) WHERE deleted_at IS NULL;

-- A contact's company: set by the store from the contact's company name on
-- every write (created when no live company has that name).
ALTER TABLE contacts ADD COLUMN company_id TEXT REFERENCES companies (id);
CREATE INDEX contacts_by_company ON contacts (company_id, sort_key) WHERE deleted_at IS NULL;

-- Custom field values: JSON {"<custom field id>": "<canonical text>"}.
ALTER TABLE contacts ADD COLUMN custom TEXT NOT NULL DEFAULT '{}';

-- The vCard this contact came from by import, byte for byte; export patches
-- the user's fields into it so unknown properties and groups survive.
ALTER TABLE contacts ADD COLUMN card BLOB;

CREATE TABLE custom_fields (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
    options    TEXT NOT NULL DEFAULT '[]',    -- JSON ["…"]: the choices of a 'choice' field
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE contact_photos (
    contact_id TEXT PRIMARY KEY REFERENCES contacts (id),
    media_type TEXT NOT NULL,                 -- image/jpeg, image/png, …
    data       BLOB NOT NULL,
    updated_at TEXT NOT NULL
);
