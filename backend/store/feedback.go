package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

const feedbackColumns = `id, version, contact_id, company_id, kind, score, comment, received_at, owner_id,
	created_at, updated_at, deleted_at`

func scanFeedback(r rowScanner) (crm.Feedback, error) {
	var (
		f              crm.Feedback
		kind, received string
		times          recordTimes
	)
	if err := r.Scan(&f.ID, &f.Version, &f.ContactID, &f.CompanyID, &kind, &f.Score, &f.Comment, &received, &f.OwnerID,
		&times.created, &times.updated, &times.deleted); err != nil {
		return f, err
	}
	f.Kind = crm.FeedbackKind(kind)
	var err error
	if f.ReceivedAt, err = parseTime(received); err != nil {
		return f, err
	}
	f.CreatedAt, f.UpdatedAt, f.DeletedAt, err = times.parse()
	return f, err
}

// ContactCompanyID returns the company of live contact id ("" when it has
// none); a missing or deleted contact gives crm.CodeNotFound.
func (d *DB) ContactCompanyID(ctx context.Context, id string) (string, error) {
	var company sql.NullString
	err := d.db.QueryRowContext(ctx, `SELECT company_id FROM contacts WHERE id = ? AND deleted_at IS NULL`, id).Scan(&company)
	if errors.Is(err, sql.ErrNoRows) {
		return "", crm.FieldError(crm.CodeNotFound, "contactId", fmt.Sprintf("contact %s does not exist", id))
	}
	if err != nil {
		return "", fmt.Errorf("store: company of contact %s: %w", id, err)
	}
	return company.String, nil
}

// CreateFeedback inserts a new feedback answer (ID, version and timestamps
// set by the caller).
func (d *DB) CreateFeedback(ctx context.Context, f crm.Feedback) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO feedback (id, version, contact_id, company_id, kind, score, comment, received_at, owner_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.Version, f.ContactID, f.CompanyID, string(f.Kind), f.Score, f.Comment, formatTime(f.ReceivedAt), f.OwnerID,
		formatTime(f.CreatedAt), formatTime(f.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: insert feedback %s: %w", f.ID, err)
	}
	return nil
}

// UpdateFeedback replaces the fields of a live answer whose stored version
// is f.Version-1; a stale version gives crm.CodeVersionConflict.
func (d *DB) UpdateFeedback(ctx context.Context, f crm.Feedback) error {
	res, err := d.db.ExecContext(ctx, `UPDATE feedback SET version = ?, contact_id = ?, company_id = ?, kind = ?, score = ?, comment = ?,
		received_at = ?, owner_id = ?, updated_at = ? WHERE id = ? AND version = ? AND deleted_at IS NULL`,
		f.Version, f.ContactID, f.CompanyID, string(f.Kind), f.Score, f.Comment, formatTime(f.ReceivedAt), f.OwnerID,
		formatTime(f.UpdatedAt), f.ID, f.Version-1)
	if err != nil {
		return fmt.Errorf("store: update feedback %s: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return d.whyFeedbackNotWritable(ctx, f.ID, f.Version-1)
	}
	return nil
}

func (d *DB) whyFeedbackNotWritable(ctx context.Context, id string, base int) error {
	cur, err := d.GetFeedback(ctx, id)
	switch {
	case err != nil:
		return err
	case cur.DeletedAt != nil:
		return crm.Errorf(crm.CodeNotFound, "feedback %s was deleted", id)
	default:
		return crm.Errorf(crm.CodeVersionConflict, "feedback %s changed elsewhere: it is at version %d, the edit was based on version %d",
			id, cur.Version, base)
	}
}

// DeleteFeedback tombstones a live answer and returns it as deleted.
func (d *DB) DeleteFeedback(ctx context.Context, id string) (crm.Feedback, error) {
	return d.setFeedbackDeleted(ctx, id, true)
}

// RestoreFeedback brings back a tombstoned answer.
func (d *DB) RestoreFeedback(ctx context.Context, id string) (crm.Feedback, error) {
	return d.setFeedbackDeleted(ctx, id, false)
}

func (d *DB) setFeedbackDeleted(ctx context.Context, id string, deleted bool) (crm.Feedback, error) {
	now := formatTime(d.clock.Now())
	query := `UPDATE feedback SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL`
	args := []any{now, now, id}
	if !deleted {
		query = `UPDATE feedback SET deleted_at = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NOT NULL`
		args = []any{now, id}
	}
	res, err := d.db.ExecContext(ctx, query, args...)
	if err != nil {
		return crm.Feedback{}, fmt.Errorf("store: delete/restore feedback %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := d.GetFeedback(ctx, id); err != nil {
			return crm.Feedback{}, err
		}
		if deleted {
			return crm.Feedback{}, crm.Errorf(crm.CodeNotFound, "feedback %s was already deleted", id)
		}
		return crm.Feedback{}, crm.Errorf(crm.CodeNotFound, "feedback %s is not deleted", id)
	}
	return d.GetFeedback(ctx, id)
}

// GetFeedback returns one answer, live or tombstoned.
func (d *DB) GetFeedback(ctx context.Context, id string) (crm.Feedback, error) {
	f, err := scanFeedback(d.db.QueryRowContext(ctx, `SELECT `+feedbackColumns+` FROM feedback WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, crm.Errorf(crm.CodeNotFound, "feedback %s does not exist", id)
	}
	if err != nil {
		return f, fmt.Errorf("store: get feedback %s: %w", id, err)
	}
	return f, nil
}

// ListFeedback returns a window of the live answers q selects, newest
// first, with how many match. A Limit of 0 or less returns every match.
func (d *DB) ListFeedback(ctx context.Context, q crm.FeedbackQuery) (crm.FeedbackPage, error) {
	page := crm.FeedbackPage{Offset: q.Offset}
	index, where, args := feedbackWhere(q)
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: list feedback: begin: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM feedback `+index+` WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count feedback: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+feedbackColumns+` FROM feedback `+index+` WHERE `+where+`
		ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	if err != nil {
		return page, fmt.Errorf("store: list feedback: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		f, err := scanFeedback(rows)
		if err != nil {
			return page, fmt.Errorf("store: read feedback row: %w", err)
		}
		page.Items = append(page.Items, f)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("store: read feedback rows: %w", err)
	}
	return page, nil
}

// feedbackWhere builds the filter of q and picks the index that serves it.
func feedbackWhere(q crm.FeedbackQuery) (index, where string, args []any) {
	where = `deleted_at IS NULL`
	switch {
	case q.ContactID != "":
		index = `INDEXED BY feedback_by_contact`
	case q.CompanyID != "":
		index = `INDEXED BY feedback_by_company`
		where += ` AND company_id <> ''`
	case !q.From.IsZero() || !q.To.IsZero():
		index = `INDEXED BY feedback_by_time`
	}
	add := func(cond string, v any) {
		where += ` AND ` + cond
		args = append(args, v)
	}
	if q.ContactID != "" {
		add(`contact_id = ?`, q.ContactID)
	}
	if q.CompanyID != "" {
		add(`company_id = ?`, q.CompanyID)
	}
	if q.Kind != "" {
		add(`kind = ?`, string(q.Kind))
	}
	if q.OwnerID != "" {
		add(`owner_id = ?`, q.OwnerID)
	}
	if !q.From.IsZero() {
		add(`received_at >= ?`, formatTime(q.From))
	}
	if !q.To.IsZero() {
		add(`received_at < ?`, formatTime(q.To))
	}
	return index, where, args
}

// FeedbackBetween returns every live answer received in [from, to), oldest
// first: the input of the NPS/CSAT summaries and reports.
func (d *DB) FeedbackBetween(ctx context.Context, from, to time.Time) ([]crm.Feedback, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+feedbackColumns+` FROM feedback INDEXED BY feedback_by_time
		WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? ORDER BY received_at, id`, formatTime(from), formatTime(to))
	if err != nil {
		return nil, fmt.Errorf("store: feedback between: %w", err)
	}
	defer rows.Close()
	var out []crm.Feedback
	for rows.Next() {
		f, err := scanFeedback(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read feedback row: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read feedback rows: %w", err)
	}
	return out, nil
}

// FeedbackCounts returns how many live answers of each kind gave each
// score among those received in [from, to), read from the covering index
// feedback_by_time only: what the NPS/CSAT reports aggregate.
func (d *DB) FeedbackCounts(ctx context.Context, from, to time.Time) ([]crm.ScoreCount, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT kind, score, count(*) FROM feedback INDEXED BY feedback_by_time
		WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ? GROUP BY kind, score ORDER BY kind, score`,
		formatTime(from), formatTime(to))
	if err != nil {
		return nil, fmt.Errorf("store: feedback counts: %w", err)
	}
	defer rows.Close()
	var out []crm.ScoreCount
	for rows.Next() {
		var (
			c    crm.ScoreCount
			kind string
		)
		if err := rows.Scan(&kind, &c.Score, &c.Count); err != nil {
			return nil, fmt.Errorf("store: feedback counts: %w", err)
		}
		c.Kind = crm.FeedbackKind(kind)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feedback counts: %w", err)
	}
	return out, nil
}
