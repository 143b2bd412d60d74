-- Deals: pipelines with ordered stages (each with a default probability),
-- deals moving through them (amount in integer minor units + ISO 4217
-- code), the contacts a deal concerns, and its stage history. Selling
-- records are not journalled (the journal is the CardDAV/CalDAV outbox);
-- they keep id, version, timestamps and a tombstone for team sync later.

CREATE TABLE pipelines (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE stages (
    id          TEXT PRIMARY KEY,
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
    deleted_at  TEXT
);
CREATE INDEX stages_by_pipeline ON stages (pipeline_id, position) WHERE deleted_at IS NULL;

CREATE TABLE deals (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    title          TEXT NOT NULL,
    pipeline_id    TEXT NOT NULL REFERENCES pipelines (id),
    stage_id       TEXT NOT NULL REFERENCES stages (id),
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    amount_minor   INTEGER NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL,
    probability    INTEGER CHECK (probability IS NULL OR probability BETWEEN 0 AND 100), -- NULL: the stage's
    expected_close TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
    owner_id       TEXT NOT NULL DEFAULT '',  -- owners.id ('' = nobody)
    company_id     TEXT REFERENCES companies (id),
    lead_id        TEXT,                      -- the lead it was converted from
    close_reason   TEXT NOT NULL DEFAULT '',
    closed_at      TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
-- The board: open deals of a pipeline by stage, in card order.
CREATE INDEX deals_open_by_stage ON deals (pipeline_id, stage_id, expected_close, updated_at)
    WHERE deleted_at IS NULL AND status = 'open';
-- Won and lost deals of a period.
CREATE INDEX deals_closed ON deals (pipeline_id, closed_at) WHERE deleted_at IS NULL AND status <> 'open';
CREATE INDEX deals_by_company ON deals (company_id) WHERE deleted_at IS NULL AND company_id IS NOT NULL;
CREATE INDEX deals_by_lead ON deals (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX deals_live_by_updated ON deals (updated_at) WHERE deleted_at IS NULL;

CREATE TABLE deal_contacts (
    deal_id    TEXT NOT NULL REFERENCES deals (id),
    contact_id TEXT NOT NULL REFERENCES contacts (id),
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deal_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX deal_contacts_by_contact ON deal_contacts (contact_id);

-- Stage history: a row per visit of a stage; a change of status (won,
-- lost, reopened) starts a new row too. left_at is NULL for the current one.
CREATE TABLE deal_stages (
    deal_id    TEXT NOT NULL REFERENCES deals (id),
    stage_id   TEXT NOT NULL REFERENCES stages (id),
    status     TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    entered_at TEXT NOT NULL,
    left_at    TEXT
);
CREATE INDEX deal_stages_by_deal ON deal_stages (deal_id, entered_at);

-- The default pipeline, so a new database has a board.
INSERT INTO pipelines (id, name, position, created_at, updated_at)
VALUES ('01900000-0000-7000-8000-000000000001', 'Sales', 0,
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO stages (id, pipeline_id, name, position, probability) VALUES
    ('01900000-0000-7000-8000-000000000011', '01900000-0000-7000-8000-000000000001', 'Qualified', 0, 10),
    ('01900000-0000-7000-8000-000000000012', '01900000-0000-7000-8000-000000000001', 'Meeting', 1, 25),
    ('01900000-0000-7000-8000-000000000013', '01900000-0000-7000-8000-000000000001', 'Proposal', 2, 50),
    ('01900000-0000-7000-8000-000000000014', '01900000-0000-7000-8000-000000000001', 'Negotiation', 3, 75);
