-- Leads: prospects before they become a contact, a company and a deal.
-- Not journalled (the journal is the CardDAV/CalDAV outbox); id, version,
-- timestamps and the tombstone are kept so team sync can come later.
-- score and score_reasons (JSON [{ruleId,label,points}]) are derived from
-- the scoring rules (setting 'lead_scoring_rules') and stored so lists can
-- sort by score.
CREATE TABLE leads (
    id                   TEXT PRIMARY KEY,
    version              INTEGER NOT NULL DEFAULT 1,
    name                 TEXT NOT NULL DEFAULT '',
    email                TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    company_name         TEXT NOT NULL DEFAULT '',
    title                TEXT NOT NULL DEFAULT '',
    source               TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
    industry             TEXT NOT NULL DEFAULT '',
    company_size         TEXT NOT NULL DEFAULT '',
    country              TEXT NOT NULL DEFAULT '',
    score                INTEGER NOT NULL DEFAULT 0,
    score_reasons        TEXT NOT NULL DEFAULT '[]',
    owner_id             TEXT NOT NULL DEFAULT '',
    notes                TEXT NOT NULL DEFAULT '',
    converted_contact_id TEXT,
    converted_company_id TEXT,
    converted_deal_id    TEXT,
    converted_at         TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT
);

CREATE INDEX leads_by_score ON leads (score DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_by_status ON leads (status, score DESC) WHERE deleted_at IS NULL;
