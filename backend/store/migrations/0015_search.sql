-- Full-text indexes for the global search box (Ctrl+K) over companies,
-- meetings, tasks, leads, deals and support cases; contacts_fts (0001)
-- already covers contacts and their notes, activities_fts (0010) activities. Each index is contentless (the text lives in its table), holds live
-- rows only (rowid = the table's rowid) and is kept by triggers, so every
-- writer — the UI, imports, sync — keeps it in step in its own transaction.
-- JSON columns are read only when valid: a damaged value indexes as empty
-- instead of failing the write.

CREATE VIRTUAL TABLE companies_fts USING fts5 (
    name, details, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- details: industry, website, phone as written and as bare digits, address.
CREATE VIEW companies_fts_source AS
SELECT c.rowid AS rowid, c.name AS name,
    c.industry || ' ' || c.website || ' ' || c.phone || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(c.phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '') || ' ' ||
    coalesce((SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(c.address) THEN c.address ELSE '{}' END) j
              WHERE j.type = 'text'), '') AS details,
    c.notes AS notes
FROM companies c WHERE c.deleted_at IS NULL;

INSERT INTO companies_fts (rowid, name, details, notes) SELECT rowid, name, details, notes FROM companies_fts_source;
CREATE TRIGGER companies_fts_insert AFTER INSERT ON companies WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO companies_fts (rowid, name, details, notes)
        SELECT rowid, name, details, notes FROM companies_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER companies_fts_update AFTER UPDATE OF name, industry, website, phone, address, notes, deleted_at ON companies
BEGIN
    DELETE FROM companies_fts WHERE rowid = OLD.rowid;
    INSERT INTO companies_fts (rowid, name, details, notes)
        SELECT rowid, name, details, notes FROM companies_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER companies_fts_delete AFTER DELETE ON companies
BEGIN
    DELETE FROM companies_fts WHERE rowid = OLD.rowid;
END;

-- Meetings: title, location, the attendees' and organizer's names and
-- e-mails, notes.
CREATE VIRTUAL TABLE events_fts USING fts5 (
    title, location, people, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE VIEW events_fts_source AS
SELECT e.rowid AS rowid, e.title AS title, e.location AS location,
    coalesce((SELECT group_concat(coalesce(json_extract(j.value, '$.name'), '') || ' ' || coalesce(json_extract(j.value, '$.email'), ''), ' ')
              FROM json_each(CASE WHEN json_valid(e.attendees) AND json_type(e.attendees) = 'array' THEN e.attendees ELSE '[]' END) j
              WHERE j.type = 'object'), '') || ' ' ||
    CASE WHEN json_valid(e.organizer) AND json_type(e.organizer) = 'object'
        THEN coalesce(json_extract(e.organizer, '$.name'), '') || ' ' || coalesce(json_extract(e.organizer, '$.email'), '')
        ELSE '' END AS people,
    e.notes AS notes
FROM events e WHERE e.deleted_at IS NULL;

INSERT INTO events_fts (rowid, title, location, people, notes) SELECT rowid, title, location, people, notes FROM events_fts_source;
CREATE TRIGGER events_fts_insert AFTER INSERT ON events WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO events_fts (rowid, title, location, people, notes)
        SELECT rowid, title, location, people, notes FROM events_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, location, attendees, organizer, notes, deleted_at ON events
BEGIN
    DELETE FROM events_fts WHERE rowid = OLD.rowid;
    INSERT INTO events_fts (rowid, title, location, people, notes)
        SELECT rowid, title, location, people, notes FROM events_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events
BEGIN
    DELETE FROM events_fts WHERE rowid = OLD.rowid;
END;

-- Tasks: title and notes.
CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    title, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO tasks_fts (rowid, title, notes) SELECT rowid, title, notes FROM tasks WHERE deleted_at IS NULL;
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO tasks_fts (rowid, title, notes) VALUES (NEW.rowid, NEW.title, NEW.notes);
END;
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, notes, deleted_at ON tasks
BEGIN
    DELETE FROM tasks_fts WHERE rowid = OLD.rowid;
    INSERT INTO tasks_fts (rowid, title, notes) SELECT NEW.rowid, NEW.title, NEW.notes WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks
BEGIN
    DELETE FROM tasks_fts WHERE rowid = OLD.rowid;
END;

-- Leads: name, company, the ways to reach them (e-mail, phone as written
-- and as bare digits) with title and source, notes.
CREATE VIRTUAL TABLE leads_fts USING fts5 (
    name, company, details, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE VIEW leads_fts_source AS
SELECT l.rowid AS rowid, l.name AS name, l.company_name AS company,
    l.email || ' ' || l.phone || ' ' ||
    replace(replace(replace(replace(replace(replace(replace(l.phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '') || ' ' ||
    l.title || ' ' || l.source AS details,
    l.notes AS notes
FROM leads l WHERE l.deleted_at IS NULL;
INSERT INTO leads_fts (rowid, name, company, details, notes) SELECT rowid, name, company, details, notes FROM leads_fts_source;
CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO leads_fts (rowid, name, company, details, notes)
        SELECT rowid, name, company, details, notes FROM leads_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER leads_fts_update AFTER UPDATE OF name, company_name, email, phone, title, source, notes, deleted_at ON leads
BEGIN
    DELETE FROM leads_fts WHERE rowid = OLD.rowid;
    INSERT INTO leads_fts (rowid, name, company, details, notes)
        SELECT rowid, name, company, details, notes FROM leads_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads
BEGIN
    DELETE FROM leads_fts WHERE rowid = OLD.rowid;
END;

-- Deals: title, the company's name when the deal was written, notes and
-- the close reason.
CREATE VIRTUAL TABLE deals_fts USING fts5 (
    title, company, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE VIEW deals_fts_source AS
SELECT d.rowid AS rowid, d.title AS title,
    coalesce((SELECT c.name FROM companies c WHERE c.id = d.company_id), '') AS company,
    d.notes || ' ' || d.close_reason AS notes
FROM deals d WHERE d.deleted_at IS NULL;
INSERT INTO deals_fts (rowid, title, company, notes) SELECT rowid, title, company, notes FROM deals_fts_source;
CREATE TRIGGER deals_fts_insert AFTER INSERT ON deals WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO deals_fts (rowid, title, company, notes)
        SELECT rowid, title, company, notes FROM deals_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER deals_fts_update AFTER UPDATE OF title, company_id, notes, close_reason, deleted_at ON deals
BEGIN
    DELETE FROM deals_fts WHERE rowid = OLD.rowid;
    INSERT INTO deals_fts (rowid, title, company, notes)
        SELECT rowid, title, company, notes FROM deals_fts_source WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER deals_fts_delete AFTER DELETE ON deals
BEGIN
    DELETE FROM deals_fts WHERE rowid = OLD.rowid;
END;

-- Support cases: subject, number, description.
CREATE VIRTUAL TABLE cases_fts USING fts5 (
    subject, number, description,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO cases_fts (rowid, subject, number, description) SELECT rowid, subject, number, description FROM cases WHERE deleted_at IS NULL;
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO cases_fts (rowid, subject, number, description) VALUES (NEW.rowid, NEW.subject, NEW.number, NEW.description);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF subject, number, description, deleted_at ON cases
BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.rowid;
    INSERT INTO cases_fts (rowid, subject, number, description)
        SELECT NEW.rowid, NEW.subject, NEW.number, NEW.description WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases
BEGIN
    DELETE FROM cases_fts WHERE rowid = OLD.rowid;
END;

-- Activities: activities_fts (0010_activities) already indexes subject and body.
