-- Campaigns (issue 7): saved contact filters, campaigns with their cost,
-- the contacts a campaign targets (a snapshot of its filter's matches, with
-- their responses) and the deals attributed to a campaign. Like the other
-- selling records they are not journalled; they keep id, version,
-- timestamps and a tombstone for team sync later.

-- A named filter over a list (entity 'contact' only for now); filter is the
-- JSON of crm.ContactFilter {"query","tags","companyId","hasEmail"}.
CREATE TABLE saved_filters (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    entity     TEXT NOT NULL DEFAULT 'contact' CHECK (entity IN ('contact')),
    filter     TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX saved_filters_live ON saved_filters (entity, name) WHERE deleted_at IS NULL;

CREATE TABLE campaigns (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL DEFAULT 1,
    name       TEXT NOT NULL,
    channel    TEXT NOT NULL DEFAULT 'other'
               CHECK (channel IN ('email', 'phone', 'event', 'ads', 'social', 'mail', 'other')),
    cost_minor INTEGER NOT NULL DEFAULT 0 CHECK (cost_minor >= 0),
    currency   TEXT NOT NULL,
    starts_on  TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
    ends_on    TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD or ''
    filter_id  TEXT REFERENCES saved_filters (id),
    owner_id   TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    -- Kept by the triggers below: the list and the ROI report read them
    -- instead of counting campaign_contacts (thousands of rows a campaign).
    targeted   INTEGER NOT NULL DEFAULT 0,
    responded  INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX campaigns_live_by_start ON campaigns (starts_on, name) WHERE deleted_at IS NULL;

-- The contacts a campaign targets. Targeting again adds new matches of the
-- filter and keeps the rows (and responses) already there.
CREATE TABLE campaign_contacts (
    campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
    contact_id   TEXT NOT NULL REFERENCES contacts (id),
    added_at     TEXT NOT NULL,
    responded_at TEXT,
    response     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX campaign_contacts_by_contact ON campaign_contacts (contact_id);

-- The targeted contacts are a snapshot: a contact deleted later still
-- counts as targeted (and as a response) for the campaign's results.
CREATE TRIGGER campaign_contacts_count_insert AFTER INSERT ON campaign_contacts
BEGIN
    UPDATE campaigns SET targeted = targeted + 1, responded = responded + (NEW.responded_at IS NOT NULL)
        WHERE id = NEW.campaign_id;
END;
CREATE TRIGGER campaign_contacts_count_response AFTER UPDATE OF responded_at ON campaign_contacts
    WHEN (OLD.responded_at IS NULL) <> (NEW.responded_at IS NULL)
BEGIN
    UPDATE campaigns SET responded = responded + (CASE WHEN NEW.responded_at IS NULL THEN -1 ELSE 1 END)
        WHERE id = NEW.campaign_id;
END;
CREATE TRIGGER campaign_contacts_count_delete AFTER DELETE ON campaign_contacts
BEGIN
    UPDATE campaigns SET targeted = targeted - 1, responded = responded - (OLD.responded_at IS NOT NULL)
        WHERE id = OLD.campaign_id;
END;

-- The campaign a deal is attributed to (its revenue counts to the
-- campaign's return on investment).
ALTER TABLE deals ADD COLUMN campaign_id TEXT REFERENCES campaigns (id);
CREATE INDEX deals_by_campaign ON deals (campaign_id) WHERE campaign_id IS NOT NULL;
