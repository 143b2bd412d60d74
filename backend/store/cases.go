package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

const caseColumns = `id, number, version, subject, description, contact_id, company_id, priority, status,
	opened_at, resolved_at, owner_id, created_at, updated_at, deleted_at`

func scanCase(r rowScanner) (crm.Case, error) {
	var (
		c                        crm.Case
		priority, status, opened string
		resolved                 sql.NullString
		times                    recordTimes
	)
	if err := r.Scan(&c.ID, &c.Number, &c.Version, &c.Subject, &c.Description, &c.ContactID, &c.CompanyID, &priority, &status,
		&opened, &resolved, &c.OwnerID, &times.created, &times.updated, &times.deleted); err != nil {
		return c, err
	}
	c.Priority, c.Status = crm.CasePriority(priority), crm.CaseStatus(status)
	var err error
	if c.OpenedAt, err = parseTime(opened); err != nil {
		return c, err
	}
	if resolved.Valid {
		t, err := parseTime(resolved.String)
		if err != nil {
			return c, err
		}
		c.ResolvedAt = &t
	}
	c.CreatedAt, c.UpdatedAt, c.DeletedAt, err = times.parse()
	return c, err
}

func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return formatTime(*t)
}

// CaseNumberPrefix is the start of the numbers of the cases opened in
// year: "C-2026-".
func CaseNumberPrefix(year int) string { return fmt.Sprintf("C-%04d-", year) }

// CreateCase inserts a new case (ID, version and timestamps set by the
// caller) and gives it the next number of the UTC year it was opened in,
// in the same transaction: "C-2026-0001", "C-2026-0002", … (numbers of
// deleted cases are not reused; past 9999 the sequence simply grows). It
// returns the case with its number.
func (d *DB) CreateCase(ctx context.Context, c crm.Case) (crm.Case, error) {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		prefix := CaseNumberPrefix(c.OpenedAt.UTC().Year())
		var last sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT max(CAST(substr(number, ?) AS INTEGER)) FROM cases WHERE number LIKE ? ESCAPE '\'`,
			len(prefix)+1, likeEscaper.Replace(prefix)+"%").Scan(&last)
		if err != nil {
			return fmt.Errorf("store: next case number: %w", err)
		}
		c.Number = fmt.Sprintf("%s%04d", prefix, last.Int64+1)
		_, err = tx.ExecContext(ctx, `INSERT INTO cases (id, number, version, subject, description, contact_id, company_id, priority, status,
			opened_at, resolved_at, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Number, c.Version, c.Subject, c.Description, c.ContactID, c.CompanyID, string(c.Priority), string(c.Status),
			formatTime(c.OpenedAt), nullTime(c.ResolvedAt), c.OwnerID, formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
		if err != nil {
			return fmt.Errorf("store: insert case %s: %w", c.ID, err)
		}
		return nil
	})
	return c, err
}

// UpdateCase replaces the fields, opening and resolution instants of a live
// case whose stored version is c.Version-1 (the number stays); a stale
// version gives crm.CodeVersionConflict.
func (d *DB) UpdateCase(ctx context.Context, c crm.Case) error {
	res, err := d.db.ExecContext(ctx, `UPDATE cases SET version = ?, subject = ?, description = ?, contact_id = ?, company_id = ?,
		priority = ?, status = ?, opened_at = ?, resolved_at = ?, owner_id = ?, updated_at = ?
		WHERE id = ? AND version = ? AND deleted_at IS NULL`,
		c.Version, c.Subject, c.Description, c.ContactID, c.CompanyID, string(c.Priority), string(c.Status),
		formatTime(c.OpenedAt), nullTime(c.ResolvedAt), c.OwnerID, formatTime(c.UpdatedAt), c.ID, c.Version-1)
	if err != nil {
		return fmt.Errorf("store: update case %s: %w", c.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		cur, err := d.GetCase(ctx, c.ID)
		switch {
		case err != nil:
			return err
		case cur.DeletedAt != nil:
			return crm.Errorf(crm.CodeNotFound, "case %s was deleted", cur.Number)
		default:
			return crm.Errorf(crm.CodeVersionConflict, "case %s changed elsewhere: it is at version %d, the edit was based on version %d",
				cur.Number, cur.Version, c.Version-1)
		}
	}
	return nil
}

// DeleteCase tombstones a live case and returns it as deleted.
func (d *DB) DeleteCase(ctx context.Context, id string) (crm.Case, error) {
	return d.setCaseDeleted(ctx, id, true)
}

// RestoreCase brings back a tombstoned case.
func (d *DB) RestoreCase(ctx context.Context, id string) (crm.Case, error) {
	return d.setCaseDeleted(ctx, id, false)
}

func (d *DB) setCaseDeleted(ctx context.Context, id string, deleted bool) (crm.Case, error) {
	now := formatTime(d.clock.Now())
	query := `UPDATE cases SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL`
	args := []any{now, now, id}
	if !deleted {
		query = `UPDATE cases SET deleted_at = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NOT NULL`
		args = []any{now, id}
	}
	res, err := d.db.ExecContext(ctx, query, args...)
	if err != nil {
		return crm.Case{}, fmt.Errorf("store: delete/restore case %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		cur, err := d.GetCase(ctx, id)
		if err != nil {
			return crm.Case{}, err
		}
		if deleted {
			return crm.Case{}, crm.Errorf(crm.CodeNotFound, "case %s was already deleted", cur.Number)
		}
		return crm.Case{}, crm.Errorf(crm.CodeNotFound, "case %s is not deleted", cur.Number)
	}
	return d.GetCase(ctx, id)
}

// GetCase returns one case, live or tombstoned.
func (d *DB) GetCase(ctx context.Context, id string) (crm.Case, error) {
	c, err := scanCase(d.db.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "case %s does not exist", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: get case %s: %w", id, err)
	}
	return c, nil
}

// caseOrder is the ORDER BY of each sort (ascending; the number breaks ties).
var caseOrder = map[crm.CaseSort]string{
	crm.CaseSortOpened:   `opened_at %[1]s`,
	crm.CaseSortUpdated:  `updated_at %[1]s`,
	crm.CaseSortPriority: `CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END %[1]s, opened_at %[1]s`,
	crm.CaseSortNumber:   `substr(number, 3, 4) %[1]s, CAST(substr(number, 8) AS INTEGER) %[1]s`,
	crm.CaseSortSubject:  `subject COLLATE NOCASE %[1]s`,
}

// ListCases returns a window of the live cases q selects in q's order
// (opened first by default), with how many match. A Limit of 0 or less
// returns every match.
func (d *DB) ListCases(ctx context.Context, q crm.CaseQuery) (crm.CasePage, error) {
	page := crm.CasePage{Offset: q.Offset}
	where, args := caseWhere(q)
	order, ok := caseOrder[q.Sort]
	if !ok {
		order = caseOrder[crm.CaseSortOpened]
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	order = fmt.Sprintf(order, dir) + `, number ` + dir
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: list cases: begin: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count cases: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	page.Items, err = collectCases(tx.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, limit, q.Offset)...))
	if err != nil {
		return page, fmt.Errorf("store: list cases: %w", err)
	}
	return page, nil
}

func caseWhere(q crm.CaseQuery) (string, []any) {
	where := `deleted_at IS NULL`
	var args []any
	add := func(cond string, vs ...any) {
		where += ` AND ` + cond
		args = append(args, vs...)
	}
	if len(q.Statuses) > 0 {
		vs := make([]any, len(q.Statuses))
		for i, s := range q.Statuses {
			vs[i] = string(s)
		}
		add(`status IN (`+placeholders(len(vs))+`)`, vs...)
	}
	if len(q.Priorities) > 0 {
		vs := make([]any, len(q.Priorities))
		for i, p := range q.Priorities {
			vs[i] = string(p)
		}
		add(`priority IN (`+placeholders(len(vs))+`)`, vs...)
	}
	if q.OwnerID != "" {
		add(`owner_id = ?`, q.OwnerID)
	}
	if q.ContactID != "" {
		add(`contact_id = ?`, q.ContactID)
	}
	if q.CompanyID != "" {
		add(`company_id = ?`, q.CompanyID)
	}
	if text := strings.TrimSpace(q.Text); text != "" {
		like := "%" + likeEscaper.Replace(text) + "%"
		add(`(number LIKE ? ESCAPE '\' OR subject LIKE ? ESCAPE '\' OR description LIKE ? ESCAPE '\')`, like, like, like)
	}
	if !q.From.IsZero() {
		add(`opened_at >= ?`, formatTime(q.From))
	}
	if !q.To.IsZero() {
		add(`opened_at < ?`, formatTime(q.To))
	}
	return where, args
}

func collectCases(rows *sql.Rows, err error) ([]crm.Case, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crm.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CasesResolvedBetween returns the live cases resolved (or closed) in
// [from, to), by resolution instant: the input of the resolution-time
// report.
func (d *DB) CasesResolvedBetween(ctx context.Context, from, to time.Time) ([]crm.Case, error) {
	out, err := collectCases(d.db.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases INDEXED BY cases_by_resolved
		WHERE deleted_at IS NULL AND resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ? ORDER BY resolved_at, number`,
		formatTime(from), formatTime(to)))
	if err != nil {
		return nil, fmt.Errorf("store: cases resolved between: %w", err)
	}
	return out, nil
}

// OpenCases returns the live cases not yet done (open or pending), oldest
// first: the backlog.
func (d *DB) OpenCases(ctx context.Context) ([]crm.Case, error) {
	out, err := collectCases(d.db.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases INDEXED BY cases_by_status
		WHERE deleted_at IS NULL AND status IN ('open', 'pending') ORDER BY opened_at, number`))
	if err != nil {
		return nil, fmt.Errorf("store: open cases: %w", err)
	}
	return out, nil
}

// ResolutionTimes returns the resolution times (resolved_at − opened_at, to
// the millisecond) of the live cases resolved in [from, to), read from the
// covering index cases_by_resolved only: what the resolution-time report
// aggregates.
func (d *DB) ResolutionTimes(ctx context.Context, from, to time.Time) ([]time.Duration, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT CAST(round((julianday(resolved_at) - julianday(opened_at)) * 86400000.0) AS INTEGER)
		FROM cases INDEXED BY cases_by_resolved
		WHERE deleted_at IS NULL AND resolved_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?`, formatTime(from), formatTime(to))
	if err != nil {
		return nil, fmt.Errorf("store: resolution times: %w", err)
	}
	defer rows.Close()
	var out []time.Duration
	for rows.Next() {
		var ms int64
		if err := rows.Scan(&ms); err != nil {
			return nil, fmt.Errorf("store: resolution times: %w", err)
		}
		out = append(out, time.Duration(ms)*time.Millisecond)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: resolution times: %w", err)
	}
	return out, nil
}

// CaseBacklog counts the live open and pending cases by status and
// priority, and returns the opening instant of the oldest (nil when there
// is none).
func (d *DB) CaseBacklog(ctx context.Context) ([]crm.BacklogCount, *time.Time, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT status, priority, count(*), min(opened_at) FROM cases INDEXED BY cases_by_status
		WHERE deleted_at IS NULL AND status IN ('open', 'pending') GROUP BY status, priority ORDER BY status, priority`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: case backlog: %w", err)
	}
	defer rows.Close()
	var (
		out    []crm.BacklogCount
		oldest *time.Time
	)
	for rows.Next() {
		var (
			c                        crm.BacklogCount
			status, priority, opened string
		)
		if err := rows.Scan(&status, &priority, &c.Count, &opened); err != nil {
			return nil, nil, fmt.Errorf("store: case backlog: %w", err)
		}
		t, err := parseTime(opened)
		if err != nil {
			return nil, nil, err
		}
		if oldest == nil || t.Before(*oldest) {
			oldest = &t
		}
		c.Status, c.Priority = crm.CaseStatus(status), crm.CasePriority(priority)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: case backlog: %w", err)
	}
	return out, oldest, nil
}
