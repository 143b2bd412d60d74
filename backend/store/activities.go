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

// activityColumns selects a whole activity from the table aliased a.
const activityColumns = `a.id, a.version, a.kind, a.occurred_at, a.duration_minutes, a.outcome, a.subject, a.body,
	a.contact_id, a.company_id, a.lead_id, a.deal_id, a.owner_id, a.email, a.email_message_id, a.created_at, a.updated_at, a.deleted_at`

// emailJSON is the stored form of crm.EmailMeta (without the Message-ID,
// which has its own column).
type emailJSON struct {
	From string   `json:"from"`
	To   []string `json:"to"`
	Cc   []string `json:"cc"`
	Date string   `json:"date,omitempty"`
}

func encodeEmail(m *crm.EmailMeta) (sql.NullString, string) {
	if m == nil {
		return sql.NullString{}, ""
	}
	e := emailJSON{From: m.From, To: m.To, Cc: m.Cc}
	if !m.Date.IsZero() {
		e.Date = formatTime(m.Date)
	}
	b, _ := json.Marshal(e) // strings and string slices always marshal
	return sql.NullString{String: string(b), Valid: true}, m.MessageID
}

func nullID(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func scanActivity(r rowScanner, extra ...any) (crm.Activity, error) {
	var (
		a                          crm.Activity
		kind, occurred             string
		contact, company, lead, dl sql.NullString
		email                      sql.NullString
		msgID                      string
		times                      recordTimes
	)
	dest := append([]any{&a.ID, &a.Version, &kind, &occurred, &a.DurationMinutes, &a.Outcome, &a.Subject, &a.Body,
		&contact, &company, &lead, &dl, &a.OwnerID, &email, &msgID, &times.created, &times.updated, &times.deleted}, extra...)
	if err := r.Scan(dest...); err != nil {
		return a, err
	}
	a.Kind = crm.ActivityKind(kind)
	a.ContactID, a.CompanyID, a.LeadID, a.DealID = contact.String, company.String, lead.String, dl.String
	var err error
	if a.OccurredAt, err = parseTime(occurred); err != nil {
		return a, err
	}
	if email.Valid {
		var e emailJSON
		if err := json.Unmarshal([]byte(email.String), &e); err != nil {
			return a, fmt.Errorf("store: activity %s e-mail: %w", a.ID, err)
		}
		m := &crm.EmailMeta{From: e.From, To: e.To, Cc: e.Cc, MessageID: msgID}
		if e.Date != "" {
			if m.Date, err = parseTime(e.Date); err != nil {
				return a, err
			}
		}
		a.Email = m
	}
	a.CreatedAt, a.UpdatedAt, a.DeletedAt, err = times.parse()
	return a, err
}

// GetActivity returns one activity, live or tombstoned.
func (d *DB) GetActivity(ctx context.Context, id string) (crm.Activity, error) {
	return getActivity(ctx, d.db, id)
}

func getActivity(ctx context.Context, q queryRower, id string) (crm.Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, `SELECT `+activityColumns+` FROM activities a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, crm.Errorf(crm.CodeNotFound, "activity %s does not exist", id)
	}
	if err != nil {
		return a, fmt.Errorf("store: get activity %s: %w", id, err)
	}
	return a, nil
}

// InsertActivity stores a new activity (ID, version and timestamps set by
// the caller). Activities are not journalled: they do not sync by DAV.
func (d *DB) InsertActivity(ctx context.Context, a crm.Activity) error {
	email, msgID := encodeEmail(a.Email)
	_, err := d.db.ExecContext(ctx, `INSERT INTO activities (id, version, kind, occurred_at, duration_minutes, outcome, subject, body,
		contact_id, company_id, lead_id, deal_id, owner_id, email, email_message_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Version, string(a.Kind), formatTime(a.OccurredAt), a.DurationMinutes, a.Outcome, a.Subject, a.Body,
		nullID(a.ContactID), nullID(a.CompanyID), nullID(a.LeadID), nullID(a.DealID), a.OwnerID, email, msgID,
		formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: insert activity %s: %w", a.ID, err)
	}
	return nil
}

// UpdateActivity replaces the fields of a live activity whose stored version
// is a.Version-1; a stale version gives crm.CodeVersionConflict, a deleted
// or unknown activity crm.CodeNotFound.
func (d *DB) UpdateActivity(ctx context.Context, a crm.Activity) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := getActivity(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		switch {
		case cur.DeletedAt != nil:
			return crm.Errorf(crm.CodeNotFound, "activity %s was deleted", a.ID)
		case cur.Version != a.Version-1:
			return crm.Errorf(crm.CodeVersionConflict, "activity %s changed elsewhere: it is at version %d, the edit was based on version %d",
				a.ID, cur.Version, a.Version-1)
		}
		email, msgID := encodeEmail(a.Email)
		_, err = tx.ExecContext(ctx, `UPDATE activities SET version = ?, kind = ?, occurred_at = ?, duration_minutes = ?, outcome = ?,
			subject = ?, body = ?, contact_id = ?, company_id = ?, lead_id = ?, deal_id = ?, owner_id = ?, email = ?, email_message_id = ?,
			updated_at = ? WHERE id = ?`,
			a.Version, string(a.Kind), formatTime(a.OccurredAt), a.DurationMinutes, a.Outcome, a.Subject, a.Body,
			nullID(a.ContactID), nullID(a.CompanyID), nullID(a.LeadID), nullID(a.DealID), a.OwnerID, email, msgID,
			formatTime(a.UpdatedAt), a.ID)
		if err != nil {
			return fmt.Errorf("store: update activity %s: %w", a.ID, err)
		}
		return nil
	})
}

// DeleteActivity tombstones a live activity at the instant at.
func (d *DB) DeleteActivity(ctx context.Context, id string, at time.Time) error {
	return d.setActivityTombstone(ctx, id, at, true)
}

// RestoreActivity brings a tombstoned activity back.
func (d *DB) RestoreActivity(ctx context.Context, id string, at time.Time) error {
	return d.setActivityTombstone(ctx, id, at, false)
}

func (d *DB) setActivityTombstone(ctx context.Context, id string, at time.Time, deleted bool) error {
	now := formatTime(at)
	var res sql.Result
	var err error
	if deleted {
		res, err = d.db.ExecContext(ctx, `UPDATE activities SET deleted_at = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND deleted_at IS NULL`, now, now, id)
	} else {
		res, err = d.db.ExecContext(ctx, `UPDATE activities SET deleted_at = NULL, updated_at = ?, version = version + 1
			WHERE id = ? AND deleted_at IS NOT NULL`, now, id)
	}
	if err != nil {
		return fmt.Errorf("store: delete or restore activity %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := d.GetActivity(ctx, id); err != nil {
			return err
		}
		if deleted {
			return crm.Errorf(crm.CodeNotFound, "activity %s was already deleted", id)
		}
		return crm.Errorf(crm.CodeNotFound, "activity %s is not deleted", id)
	}
	return nil
}

// EmailActivity returns the live e-mail activity of contactID logged from
// the message messageID, and false when there is none.
func (d *DB) EmailActivity(ctx context.Context, contactID, messageID string) (crm.Activity, bool, error) {
	if messageID == "" {
		return crm.Activity{}, false, nil
	}
	var id string
	err := d.db.QueryRowContext(ctx, `SELECT id FROM activities INDEXED BY activities_by_message
		WHERE email_message_id = ? AND email_message_id <> '' AND contact_id IS ? AND deleted_at IS NULL LIMIT 1`, messageID, nullID(contactID)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return crm.Activity{}, false, nil
	}
	if err != nil {
		return crm.Activity{}, false, fmt.Errorf("store: find e-mail %s: %w", messageID, err)
	}
	a, err := d.GetActivity(ctx, id)
	return a, err == nil, err
}

// timelineCursor is the keyset position after an activity: its stored
// instant and ID, the TimelinePage.Next a caller hands back.
func timelineCursor(a crm.Activity) string {
	return formatTime(a.OccurredAt) + "|" + a.ID
}

func parseCursor(s string) (occurred, id string, err error) {
	occurred, id, ok := strings.Cut(s, "|")
	if !ok || id == "" {
		return "", "", crm.FieldError(crm.CodeInvalidInput, "before", "the timeline cursor is not one this app gave out")
	}
	if _, err := parseTime(occurred); err != nil {
		return "", "", crm.FieldError(crm.CodeInvalidInput, "before", "the timeline cursor is not one this app gave out")
	}
	return occurred, id, nil
}

// ActivityTimeline returns one page of live activities newest first
// (occurred_at, then id, descending), for one contact, company (its own
// activities and its people's), lead or deal, or all when none is set;
// filtered by kinds and owner. q.Limit must be positive. The page's Next
// is the cursor of the page after it, "" at the end.
func (d *DB) ActivityTimeline(ctx context.Context, q crm.TimelineQuery) (crm.TimelinePage, error) {
	var page crm.TimelinePage
	var filter []string
	var args []any
	if q.Before != "" {
		occ, id, err := parseCursor(q.Before)
		if err != nil {
			return page, err
		}
		filter = append(filter, `(a.occurred_at, a.id) < (?, ?)`)
		args = append(args, occ, id)
	}
	if len(q.Kinds) > 0 {
		marks := make([]string, len(q.Kinds))
		for i, k := range q.Kinds {
			marks[i] = "?"
			args = append(args, string(k))
		}
		filter = append(filter, `a.kind IN (`+strings.Join(marks, ", ")+`)`)
	}
	if q.OwnerID != "" {
		filter = append(filter, `a.owner_id = ?`)
		args = append(args, q.OwnerID)
	}
	order := ` ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?`
	// One index per scope; the company scope is the union of its own
	// activities and those of its live people, each read in index order.
	part := func(from, where string, whereArgs ...any) (string, []any) {
		conds := append([]string{`a.deleted_at IS NULL`}, where)
		conds = append(conds, filter...)
		all := append(append([]any{}, whereArgs...), args...)
		return `SELECT ` + activityColumns + ` FROM ` + from + ` WHERE ` + strings.Join(conds, " AND ") + order, append(all, q.Limit+1)
	}
	var query string
	var qargs []any
	switch {
	case q.ContactID != "":
		query, qargs = part(`activities a INDEXED BY activities_by_contact`, `a.contact_id = ?`, q.ContactID)
	case q.LeadID != "":
		query, qargs = part(`activities a INDEXED BY activities_by_lead`, `a.lead_id = ?`, q.LeadID)
	case q.DealID != "":
		query, qargs = part(`activities a INDEXED BY activities_by_deal`, `a.deal_id = ?`, q.DealID)
	case q.CompanyID != "":
		own, ownArgs := part(`activities a INDEXED BY activities_by_company`, `a.company_id = ?`, q.CompanyID)
		people, peopleArgs := part(`activities a INDEXED BY activities_by_contact`,
			`a.contact_id IN (SELECT p.id FROM contacts p INDEXED BY contacts_by_company WHERE p.company_id = ? AND p.deleted_at IS NULL)`, q.CompanyID)
		query = `SELECT * FROM (SELECT * FROM (` + own + `) UNION SELECT * FROM (` + people + `)) a` + order
		qargs = append(append(ownArgs, peopleArgs...), q.Limit+1)
	case q.OwnerID != "":
		query, qargs = part(`activities a INDEXED BY activities_by_owner`, `1`)
	default:
		query, qargs = part(`activities a INDEXED BY activities_live`, `1`)
	}
	// Names for display: the contact's and the company's (the activity's
	// own company, else the contact's).
	query = `SELECT a.*, coalesce(c.display_name, ''), coalesce(co.name, '') FROM (` + query + `) a
		LEFT JOIN contacts c ON c.id = a.contact_id
		LEFT JOIN companies co ON co.id = coalesce(a.company_id, c.company_id)
		ORDER BY a.occurred_at DESC, a.id DESC`
	rows, err := d.db.QueryContext(ctx, query, qargs...)
	if err != nil {
		return page, fmt.Errorf("store: timeline: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v crm.ActivityView
		a, err := scanActivity(rows, &v.ContactName, &v.CompanyName)
		if err != nil {
			return page, fmt.Errorf("store: timeline row: %w", err)
		}
		v.Activity = a
		page.Items = append(page.Items, v)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("store: timeline rows: %w", err)
	}
	if len(page.Items) > q.Limit {
		page.Items = page.Items[:q.Limit]
		page.Next = timelineCursor(page.Items[q.Limit-1].Activity)
	}
	return page, nil
}
