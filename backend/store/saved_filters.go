package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// contactFilterWhere turns f into the WHERE clause of a query over contacts
// aliased c (live contacts only). FilterContacts and campaign targeting
// share it, so a filter's preview and its snapshot select the same people.
func contactFilterWhere(f crm.ContactFilter) (string, []any) {
	where := []string{"c.deleted_at IS NULL"}
	var args []any
	// One search-index match narrows the rows: the text as word prefixes in
	// any column, each tag as a phrase in the tags column. A tag is then
	// checked exactly (case folded) against the stored list.
	var match []string
	if q := ftsQuery(f.Query); q != "" {
		match = append(match, "("+q+")")
	}
	for _, tag := range f.Tags {
		if tag = strings.TrimSpace(tag); tag == "" {
			continue
		}
		if phrase := ftsPhrase(tag); phrase != "" {
			match = append(match, "tags : "+phrase)
		}
		where = append(where, "EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = ? COLLATE NOCASE)")
		args = append(args, tag)
	}
	if len(match) > 0 {
		// Right after the first clause, as its argument comes first.
		where = append(where[:1], append([]string{"c.rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)"}, where[1:]...)...)
		args = append([]any{strings.Join(match, " AND ")}, args...)
	}
	if f.CompanyID != "" {
		where = append(where, "c.company_id = ?")
		args = append(args, f.CompanyID)
	}
	if f.HasEmail {
		where = append(where, "c.emails <> '[]'")
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// ftsPhrase is s's words as one quoted FTS5 phrase ("" when s has none).
func ftsPhrase(s string) string {
	q := ftsQuery(s) // "w1"* "w2"*
	if q == "" {
		return ""
	}
	words := strings.Fields(strings.NewReplacer(`"*`, " ", `"`, " ").Replace(q))
	return `"` + strings.Join(words, " ") + `"`
}

// onlyQuery reports whether f is a plain text search (or nothing), which
// the contacts list's own tuned search answers.
func onlyQuery(f crm.ContactFilter) bool {
	for _, t := range f.Tags {
		if strings.TrimSpace(t) != "" {
			return false
		}
	}
	return f.CompanyID == "" && !f.HasEmail
}

// FilterContacts returns a window of the live contacts f selects, in name
// order like the contacts list, and how many there are. A filter that is
// only text is the contacts search itself.
func (d *DB) FilterContacts(ctx context.Context, f crm.ContactFilter, offset, limit int) (crm.ContactPage, error) {
	if onlyQuery(f) {
		return d.SearchContacts(ctx, f.Query, offset, limit)
	}
	page := crm.ContactPage{Offset: offset}
	where, args := contactFilterWhere(f)
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: filter contacts: begin: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts c`+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: filter contacts: count: %w", err)
	}
	page.Items, err = collectContacts(tx.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c`+where+
		` ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, append(args, limit, offset)...))
	if err != nil {
		return page, fmt.Errorf("store: filter contacts: %w", err)
	}
	return page, nil
}

func scanSavedFilter(r rowScanner) (crm.SavedFilter, error) {
	var (
		f     crm.SavedFilter
		js    string
		times recordTimes
	)
	if err := r.Scan(&f.ID, &f.Name, &f.Entity, &js, &times.created, &times.updated, &times.deleted); err != nil {
		return f, err
	}
	if err := json.Unmarshal([]byte(js), &f.Filter); err != nil {
		return f, fmt.Errorf("store: saved filter %s: %w", f.ID, err)
	}
	var err error
	f.CreatedAt, f.UpdatedAt, f.DeletedAt, err = times.parse()
	return f, err
}

const savedFilterColumns = `id, name, entity, filter, created_at, updated_at, deleted_at`

// SaveFilter inserts a saved filter or replaces the name and filter of an
// existing live one (same ID).
func (d *DB) SaveFilter(ctx context.Context, f crm.SavedFilter) error {
	js, err := json.Marshal(f.Filter)
	if err != nil {
		return fmt.Errorf("store: save filter %s: %w", f.ID, err)
	}
	_, err = d.db.ExecContext(ctx, `INSERT INTO saved_filters (id, name, entity, filter, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter = excluded.filter, updated_at = excluded.updated_at`,
		f.ID, f.Name, f.Entity, string(js), formatTime(f.CreatedAt), formatTime(f.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: save filter %s: %w", f.ID, err)
	}
	return nil
}

// GetFilter returns one saved filter, live or tombstoned.
func (d *DB) GetFilter(ctx context.Context, id string) (crm.SavedFilter, error) {
	f, err := scanSavedFilter(d.db.QueryRowContext(ctx, `SELECT `+savedFilterColumns+` FROM saved_filters WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, crm.Errorf(crm.CodeNotFound, "saved filter %s does not exist", id)
	}
	if err != nil {
		return f, fmt.Errorf("store: get filter %s: %w", id, err)
	}
	return f, nil
}

// ListFilters returns the live saved filters of entity, by name.
func (d *DB) ListFilters(ctx context.Context, entity string) ([]crm.SavedFilter, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+savedFilterColumns+` FROM saved_filters
		WHERE entity = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`, entity)
	if err != nil {
		return nil, fmt.Errorf("store: list filters: %w", err)
	}
	defer rows.Close()
	var out []crm.SavedFilter
	for rows.Next() {
		f, err := scanSavedFilter(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list filters: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// DeleteFilter tombstones a live saved filter. Campaigns keep pointing at
// it (their targeted contacts are a snapshot) but cannot target again.
func (d *DB) DeleteFilter(ctx context.Context, id string, at time.Time) error {
	now := formatTime(at)
	res, err := d.db.ExecContext(ctx, `UPDATE saved_filters SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, now, now, id)
	if err != nil {
		return fmt.Errorf("store: delete filter %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "saved filter %s does not exist or is already deleted", id)
	}
	return nil
}
