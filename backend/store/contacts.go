package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// labeledJSON is the stored form of a crm.LabeledValue.
type labeledJSON struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

func encodeLabeled(vs []crm.LabeledValue) string {
	out := make([]labeledJSON, len(vs))
	for i, v := range vs {
		out[i] = labeledJSON(v)
	}
	b, _ := json.Marshal(out) // a slice of string pairs always marshals
	return string(b)
}

func decodeLabeled(s string) ([]crm.LabeledValue, error) {
	var in []labeledJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, err
	}
	if len(in) == 0 {
		return nil, nil
	}
	out := make([]crm.LabeledValue, len(in))
	for i, v := range in {
		out[i] = crm.LabeledValue(v)
	}
	return out, nil
}

func decodeStringList(s string) ([]string, error) {
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}

func encodeStrings(vs []string) string {
	if vs == nil {
		vs = []string{}
	}
	b, _ := json.Marshal(vs) // a string slice always marshals
	return string(b)
}

type rowScanner interface{ Scan(dest ...any) error }

func scanContact(r rowScanner) (crm.Contact, error) {
	var (
		c       crm.Contact
		lists   storedLists
		times   recordTimes
		company sql.NullString
	)
	dest := append([]any{&c.ID, &c.Version}, contactFieldTargets(&c.ContactFields, &lists)...)
	if err := r.Scan(append(dest, &times.created, &times.updated, &times.deleted, &company)...); err != nil {
		return c, err
	}
	c.CompanyID = company.String
	var err error
	if err = lists.decode(&c.ContactFields); err != nil {
		return c, fmt.Errorf("store: contact %s %w", c.ID, err)
	}
	c.CreatedAt, c.UpdatedAt, c.DeletedAt, err = times.parse()
	return c, err
}

// CreateContact inserts a new contact (its ID, version and timestamps already
// set by the caller), indexes it and journals the creation, in one transaction.
func (d *DB) CreateContact(ctx context.Context, c crm.Contact) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := newContactInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		if err := ins.insert(ctx, c); err != nil {
			return err
		}
		return ins.index(ctx)
	})
}

// CreateContacts inserts many new contacts in one transaction (seeding and
// imports), each indexed and journalled like CreateContact.
func (d *DB) CreateContacts(ctx context.Context, cs []crm.Contact) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := newContactInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		for _, c := range cs {
			if err := ins.insert(ctx, c); err != nil {
				return err
			}
		}
		return ins.index(ctx)
	})
}

// contactInserter inserts contacts and their journal rows, then indexes
// them all at once. Indexing last matters: FTS5 keeps new index entries in
// memory until a statement savepoint makes it flush them, and the journal
// insert (AUTOINCREMENT also writes sqlite_sequence) opens one. Interleaved,
// every contact became its own on-disk index segment; measured on 50,000
// contacts, 11-43 s interleaved against 4 s indexed after the batch.
type contactInserter struct {
	contact, fts, journal *sql.Stmt
	companies             *companyLinker
	pending               []pendingIndex
}

// pendingIndex is a contact inserted but not yet indexed.
type pendingIndex struct {
	rowid  int64
	fields crm.ContactFields
	id     string
}

func newContactInserter(ctx context.Context, tx *sql.Tx) (*contactInserter, error) {
	ins := contactInserter{companies: newCompanyLinker(tx)}
	var err error
	if ins.contact, err = tx.PrepareContext(ctx, insertContactSQL); err != nil {
		return nil, fmt.Errorf("store: prepare contact insert: %w", err)
	}
	if ins.fts, err = tx.PrepareContext(ctx, ftsInsertSQL); err != nil {
		ins.close()
		return nil, fmt.Errorf("store: prepare search index insert: %w", err)
	}
	if ins.journal, err = tx.PrepareContext(ctx, journalInsertSQL); err != nil {
		ins.close()
		return nil, fmt.Errorf("store: prepare journal insert: %w", err)
	}
	return &ins, nil
}

func (ins *contactInserter) insert(ctx context.Context, c crm.Contact) error {
	var rowid int64
	company, err := ins.companies.companyFor(ctx, c.Company, c.CreatedAt)
	if err != nil {
		return err
	}
	args := append([]any{c.ID, c.Version}, contactFieldValues(c.ContactFields)...)
	args = append(args, c.DisplayName(), c.SortKey(), formatTime(c.CreatedAt), formatTime(c.UpdatedAt), company)
	err = ins.contact.QueryRowContext(ctx, args...).Scan(&rowid)
	if err != nil {
		return fmt.Errorf("store: insert contact %s: %w", c.ID, err)
	}
	if _, err := ins.journal.ExecContext(ctx, crm.EntityContact, c.ID, crm.OpCreate, "[]", formatTime(c.CreatedAt)); err != nil {
		return fmt.Errorf("store: journal contact %s: %w", c.ID, err)
	}
	ins.pending = append(ins.pending, pendingIndex{rowid: rowid, fields: c.ContactFields, id: c.ID})
	return nil
}

// index adds every inserted contact to the search index.
func (ins *contactInserter) index(ctx context.Context) error {
	for _, p := range ins.pending {
		if _, err := ins.fts.ExecContext(ctx, ftsArgs(p.rowid, p.fields)...); err != nil {
			return fmt.Errorf("store: index contact %s: %w", p.id, err)
		}
	}
	ins.pending = ins.pending[:0]
	return nil
}

func (ins *contactInserter) close() {
	for _, s := range []*sql.Stmt{ins.contact, ins.fts, ins.journal} {
		if s != nil {
			s.Close()
		}
	}
}

// UpdateContact replaces the editable fields of a live contact whose stored
// version is c.Version-1 (the version the edit was based on), re-indexes it
// and journals which fields changed. A stale version gives
// crm.CodeVersionConflict; a missing or deleted contact crm.CodeNotFound.
func (d *DB) UpdateContact(ctx context.Context, c crm.Contact, changed []string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return d.updateContactTx(ctx, tx, c, changed) })
}

// updateContactTx is UpdateContact inside tx.
func (d *DB) updateContactTx(ctx context.Context, tx *sql.Tx, c crm.Contact, changed []string) error {
	var rowid int64
	company, err := newCompanyLinker(tx).companyFor(ctx, c.Company, c.UpdatedAt)
	if err != nil {
		return err
	}
	args := append([]any{c.Version}, contactFieldValues(c.ContactFields)...)
	args = append(args, c.DisplayName(), c.SortKey(), formatTime(c.UpdatedAt), company, c.ID, c.Version-1)
	err = tx.QueryRowContext(ctx, updateContactSQL, args...).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return d.whyNotWritable(ctx, tx, c.ID, c.Version-1)
	}
	if err != nil {
		return fmt.Errorf("store: update contact %s: %w", c.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM contacts_fts WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("store: unindex contact %s: %w", c.ID, err)
	}
	if _, err := tx.ExecContext(ctx, ftsInsertSQL, ftsArgs(rowid, c.ContactFields)...); err != nil {
		return fmt.Errorf("store: index contact %s: %w", c.ID, err)
	}
	return insertJournal(ctx, tx, crm.EntityContact, c.ID, crm.OpUpdate, changed, c.UpdatedAt)
}

// insertContactSQL inserts a contact and returns its rowid.
var insertContactSQL = `INSERT INTO contacts
	(id, version, ` + strings.Join(contactFieldColumns, ", ") + `, display_name, sort_key, created_at, updated_at, company_id)
	VALUES (` + placeholders(len(contactFieldColumns)+7) + `)
	RETURNING rowid`

// updateContactSQL replaces a contact's fields if it is live and at the
// version the edit was based on.
var updateContactSQL = `UPDATE contacts SET version = ?, ` + strings.Join(contactFieldColumns, " = ?, ") + ` = ?,
	display_name = ?, sort_key = ?, updated_at = ?, company_id = ?
	WHERE id = ? AND version = ? AND deleted_at IS NULL
	RETURNING rowid`

// whyNotWritable explains a failed conditional write: the contact is gone,
// deleted, or at another version than the edit expected.
func (d *DB) whyNotWritable(ctx context.Context, tx *sql.Tx, id string, expected int) error {
	var version int
	var deleted sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT version, deleted_at FROM contacts WHERE id = ?`, id).Scan(&version, &deleted)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return crm.Errorf(crm.CodeNotFound, "contact %s does not exist", id)
	case err != nil:
		return fmt.Errorf("store: read contact %s: %w", id, err)
	case deleted.Valid:
		return crm.Errorf(crm.CodeNotFound, "contact %s was deleted", id)
	default:
		return crm.Errorf(crm.CodeVersionConflict, "contact %s changed elsewhere: it is at version %d, the edit was based on version %d", id, version, expected)
	}
}

// DeleteContact tombstones a live contact (so the deletion can sync and be
// undone), removes it from the search index and journals it.
func (d *DB) DeleteContact(ctx context.Context, id string) (crm.Contact, error) {
	return d.setDeleted(ctx, id, true)
}

// RestoreContact brings back a tombstoned contact, re-indexes and journals it.
func (d *DB) RestoreContact(ctx context.Context, id string) (crm.Contact, error) {
	return d.setDeleted(ctx, id, false)
}

func (d *DB) setDeleted(ctx context.Context, id string, deleted bool) (crm.Contact, error) {
	var out crm.Contact
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		now := d.clock.Now()
		cond, op, stamp := "deleted_at IS NULL", crm.OpDelete, any(formatTime(now))
		if !deleted {
			cond, op, stamp = "deleted_at IS NOT NULL", crm.OpRestore, nil
		}
		var rowid int64
		err := tx.QueryRowContext(ctx, `UPDATE contacts SET deleted_at = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND `+cond+` RETURNING rowid`, stamp, formatTime(now), id).Scan(&rowid)
		if errors.Is(err, sql.ErrNoRows) {
			if deleted {
				return crm.Errorf(crm.CodeNotFound, "contact %s does not exist or is already deleted", id)
			}
			return crm.Errorf(crm.CodeNotFound, "contact %s does not exist or is not deleted", id)
		}
		if err != nil {
			return fmt.Errorf("store: %s contact %s: %w", op, id, err)
		}
		if out, err = scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.rowid = ?`, rowid)); err != nil {
			return fmt.Errorf("store: read contact %s: %w", id, err)
		}
		if deleted {
			_, err = tx.ExecContext(ctx, `DELETE FROM contacts_fts WHERE rowid = ?`, rowid)
		} else {
			_, err = tx.ExecContext(ctx, ftsInsertSQL, ftsArgs(rowid, out.ContactFields)...)
		}
		if err != nil {
			return fmt.Errorf("store: reindex contact %s: %w", id, err)
		}
		return insertJournal(ctx, tx, crm.EntityContact, id, op, nil, now)
	})
	return out, err
}

// GetContact returns one contact, live or tombstoned.
func (d *DB) GetContact(ctx context.Context, id string) (crm.Contact, error) {
	c, err := scanContact(d.db.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "contact %s does not exist", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: get contact %s: %w", id, err)
	}
	return c, nil
}

// ListContacts returns a window of live contacts in name order and the total.
func (d *DB) ListContacts(ctx context.Context, offset, limit int) (crm.ContactPage, error) {
	page := crm.ContactPage{Offset: offset}
	var err error
	if page.Total, err = d.liveContacts(ctx, d.db); err != nil {
		return page, err
	}
	page.Items, err = collectContacts(d.db.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c INDEXED BY contacts_live_by_name
		WHERE c.deleted_at IS NULL ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, limit, offset))
	if err != nil {
		return page, fmt.Errorf("store: list contacts: %w", err)
	}
	return page, nil
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// liveContacts reads the trigger-maintained count of live contacts.
func (d *DB) liveContacts(ctx context.Context, q queryRower) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'contacts_live'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count contacts: %w", err)
	}
	return n, nil
}

// SearchContacts returns a window of the live contacts matching every word
// of query as a word prefix (names, company, title, e-mails, phones — also
// any run of their digits —, tags and notes), in name order like the list.
// A blank query lists every contact.
func (d *DB) SearchContacts(ctx context.Context, query string, offset, limit int) (crm.ContactPage, error) {
	match := ftsQuery(query)
	if match == "" {
		return d.ListContacts(ctx, offset, limit)
	}
	page := crm.ContactPage{Offset: offset}
	// Read consistently: the count and the rows come from one snapshot.
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: search %q: begin: %w", query, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?`, match).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: search %q: count matches: %w", query, err)
	}
	live, err := d.liveContacts(ctx, tx)
	if err != nil {
		return page, err
	}
	want := min(limit, max(0, page.Total-offset)) // rows a full window holds
	switch plan := d.search.plan(page.Total, live, offset, limit); plan.query {
	case searchProbeNames:
		page.Items, err = collectContacts(tx.QueryContext(ctx, plan.query, match, limit, offset, plan.walkCap))
		if err == nil && len(page.Items) == want {
			return page, nil
		}
		// The matches were not spread evenly (say, all in one script that
		// sorts late): walk the names with the set of matches instead.
		fallthrough
	default:
		q := plan.query
		if q == searchProbeNames {
			q = searchWalkNames
		}
		page.Items, err = collectContacts(tx.QueryContext(ctx, q, match, limit, offset))
	}
	if err != nil {
		return page, fmt.Errorf("store: search %q: %w", query, err)
	}
	return page, nil
}

// The three ways to read a window of search results in name order. Which is
// fastest depends on how many contacts match. Measured on 100,000 contacts:
// sorting the matches' keys costs ~1 µs a match (~35 ms for a one-letter
// query); building the set of matches ~1 ms per 10,000 and walking the
// whole name index 4-9 ms, and the matches may all sit at its end (Japanese
// names sort after Latin ones); probing the FTS index for one row costs
// ~17 µs, so probing pays only when matches are dense, and its walk is capped.
var (
	// Few matches: sort their keys, then read the window's rows.
	searchSortMatches = `SELECT ` + contactColumns + ` FROM contacts c JOIN (
		SELECT m.rowid AS r, m.sort_key AS k, m.id AS i FROM contacts m
		WHERE m.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1)
		ORDER BY m.sort_key, m.id LIMIT ?2 OFFSET ?3) w ON c.rowid = w.r
		ORDER BY w.k, w.i`
	// Matches everywhere: walk names in order and probe the index per row,
	// stopping when the window is full or after ?4 names.
	searchProbeNames = `SELECT ` + contactColumns + ` FROM (
		SELECT rowid AS rid, * FROM contacts INDEXED BY contacts_live_by_name
		WHERE deleted_at IS NULL ORDER BY sort_key, id LIMIT ?4) c
		WHERE EXISTS (SELECT 1 FROM contacts_fts f WHERE f.contacts_fts MATCH ?1 AND f.rowid = c.rid)
		ORDER BY c.sort_key, c.id LIMIT ?2 OFFSET ?3`
	// In between: build the set of matching rowids once, walk names in order.
	searchWalkNames = `SELECT ` + contactColumns + ` FROM contacts c INDEXED BY contacts_live_by_name
		WHERE c.deleted_at IS NULL
		AND c.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1)
		ORDER BY c.sort_key, c.id LIMIT ?2 OFFSET ?3`
)

// searchTuning holds the thresholds that pick a search plan.
type searchTuning struct {
	sortUpTo  int // sort the keys of at most this many matches
	maxProbes int // expected FTS probes for searchProbeNames
}

// defaultSearchTuning fits the measurements above.
var defaultSearchTuning = searchTuning{sortUpTo: 4000, maxProbes: 250}

// searchPlan is the query for one window; walkCap bounds searchProbeNames.
type searchPlan struct {
	query   string
	walkCap int
}

// plan picks how to read the window [offset, offset+limit) of total
// matches among live contacts.
func (t searchTuning) plan(total, live, offset, limit int) searchPlan {
	if total <= t.sortUpTo {
		return searchPlan{query: searchSortMatches}
	}
	// Names walked before the window is full, if matches are spread evenly.
	expected := (offset + limit) * live / total
	if expected <= t.maxProbes {
		return searchPlan{query: searchProbeNames, walkCap: 3 * expected}
	}
	return searchPlan{query: searchWalkNames}
}

func collectContacts(rows *sql.Rows, err error) ([]crm.Contact, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crm.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read contact row: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read contact rows: %w", err)
	}
	return out, nil
}

// ContactCounts returns how many contacts are live and how many tombstoned.
func (d *DB) ContactCounts(ctx context.Context) (live, deleted int, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE deleted_at IS NULL),
		count(*) FILTER (WHERE deleted_at IS NOT NULL) FROM contacts`).Scan(&live, &deleted)
	if err != nil {
		return 0, 0, fmt.Errorf("store: count contacts: %w", err)
	}
	return live, deleted, nil
}
