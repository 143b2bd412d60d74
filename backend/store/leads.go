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

// Leads are not written to the sync journal: the journal is the
// CardDAV/CalDAV outbox. A conversion's contact is, like any contact.

const leadColumns = `id, version, name, email, phone, company_name, title, source, status, industry, company_size, country,
	score, score_reasons, owner_id, notes, converted_contact_id, converted_company_id, converted_deal_id, converted_at,
	created_at, updated_at, deleted_at`

func scanLead(r rowScanner) (crm.Lead, error) {
	var (
		l                      crm.Lead
		reasons                string
		contact, company, deal sql.NullString
		convertedAt            sql.NullString
		times                  recordTimes
	)
	err := r.Scan(&l.ID, &l.Version, &l.Name, &l.Email, &l.Phone, &l.CompanyName, &l.Title, &l.Source, &l.Status,
		&l.Industry, &l.CompanySize, &l.Country, &l.Score, &reasons, &l.OwnerID, &l.Notes,
		&contact, &company, &deal, &convertedAt, &times.created, &times.updated, &times.deleted)
	if err != nil {
		return l, err
	}
	if err := json.Unmarshal([]byte(reasons), &l.ScoreReasons); err != nil {
		return l, fmt.Errorf("store: lead %s score reasons: %w", l.ID, err)
	}
	l.ConvertedContactID, l.ConvertedCompanyID, l.ConvertedDealID = contact.String, company.String, deal.String
	if convertedAt.Valid {
		t, err := parseTime(convertedAt.String)
		if err != nil {
			return l, err
		}
		l.ConvertedAt = &t
	}
	l.CreatedAt, l.UpdatedAt, l.DeletedAt, err = times.parse()
	return l, err
}

func encodeReasons(rs []crm.ScoreReason) string {
	if rs == nil {
		rs = []crm.ScoreReason{}
	}
	b, _ := json.Marshal(rs) // strings and ints always marshal
	return string(b)
}

// GetLead returns one lead, live, tombstoned or converted.
func (d *DB) GetLead(ctx context.Context, id string) (crm.Lead, error) {
	return getLead(ctx, d.db, id)
}

func getLead(ctx context.Context, q queryRower, id string) (crm.Lead, error) {
	l, err := scanLead(q.QueryRowContext(ctx, `SELECT `+leadColumns+` FROM leads WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, crm.Errorf(crm.CodeNotFound, "lead %s does not exist", id)
	}
	if err != nil {
		return l, fmt.Errorf("store: get lead %s: %w", id, err)
	}
	return l, nil
}

// CreateLead inserts a new lead (ID, version, score and timestamps set by
// the caller).
func (d *DB) CreateLead(ctx context.Context, l crm.Lead) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO leads (id, version, name, email, phone, company_name, title, source, status,
		industry, company_size, country, score, score_reasons, owner_id, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ID, l.Version, l.Name, l.Email, l.Phone, l.CompanyName, l.Title, l.Source, string(l.Status),
		l.Industry, l.CompanySize, l.Country, l.Score, encodeReasons(l.ScoreReasons), l.OwnerID, l.Notes,
		formatTime(l.CreatedAt), formatTime(l.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: insert lead %s: %w", l.ID, err)
	}
	return nil
}

// CreateLeads inserts many new leads in one transaction (seeding).
func (d *DB) CreateLeads(ctx context.Context, ls []crm.Lead) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO leads (id, version, name, email, phone, company_name, title, source, status,
			industry, company_size, country, score, score_reasons, owner_id, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("store: prepare lead insert: %w", err)
		}
		defer stmt.Close()
		for _, l := range ls {
			if _, err := stmt.ExecContext(ctx, l.ID, l.Version, l.Name, l.Email, l.Phone, l.CompanyName, l.Title, l.Source,
				string(l.Status), l.Industry, l.CompanySize, l.Country, l.Score, encodeReasons(l.ScoreReasons), l.OwnerID, l.Notes,
				formatTime(l.CreatedAt), formatTime(l.UpdatedAt)); err != nil {
				return fmt.Errorf("store: insert lead %s: %w", l.ID, err)
			}
		}
		return nil
	})
}

// UpdateLead replaces the fields and score of a live, unconverted lead
// whose stored version is l.Version-1. A stale version gives
// crm.CodeVersionConflict, a converted lead crm.CodeLeadConverted.
func (d *DB) UpdateLead(ctx context.Context, l crm.Lead) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := writableLead(ctx, tx, l.ID, l.Version-1); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE leads SET version = ?, name = ?, email = ?, phone = ?, company_name = ?, title = ?,
			source = ?, status = ?, industry = ?, company_size = ?, country = ?, score = ?, score_reasons = ?, owner_id = ?, notes = ?,
			updated_at = ? WHERE id = ?`,
			l.Version, l.Name, l.Email, l.Phone, l.CompanyName, l.Title, l.Source, string(l.Status), l.Industry, l.CompanySize,
			l.Country, l.Score, encodeReasons(l.ScoreReasons), l.OwnerID, l.Notes, formatTime(l.UpdatedAt), l.ID)
		if err != nil {
			return fmt.Errorf("store: update lead %s: %w", l.ID, err)
		}
		return nil
	})
}

// writableLead returns the live lead id if it is at version base and not
// converted, else the error that says why not.
func writableLead(ctx context.Context, tx *sql.Tx, id string, base int) (crm.Lead, error) {
	cur, err := getLead(ctx, tx, id)
	if err != nil {
		return cur, err
	}
	switch {
	case cur.DeletedAt != nil:
		return cur, crm.Errorf(crm.CodeNotFound, "lead %s was deleted", id)
	case cur.Status == crm.LeadConverted:
		return cur, crm.Errorf(crm.CodeLeadConverted, "lead %s was already converted", id)
	case cur.Version != base:
		return cur, crm.Errorf(crm.CodeVersionConflict, "lead %s changed elsewhere: it is at version %d, the edit was based on version %d",
			id, cur.Version, base)
	}
	return cur, nil
}

// DeleteLead tombstones a live lead.
func (d *DB) DeleteLead(ctx context.Context, id string) error {
	now := formatTime(d.clock.Now())
	res, err := d.db.ExecContext(ctx, `UPDATE leads SET deleted_at = ?, updated_at = ?, version = version + 1
		WHERE id = ? AND deleted_at IS NULL`, now, now, id)
	if err != nil {
		return fmt.Errorf("store: delete lead %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "lead %s does not exist or was already deleted", id)
	}
	return nil
}

// RestoreLead brings a tombstoned lead back.
func (d *DB) RestoreLead(ctx context.Context, id string) error {
	now := formatTime(d.clock.Now())
	res, err := d.db.ExecContext(ctx, `UPDATE leads SET deleted_at = NULL, updated_at = ?, version = version + 1
		WHERE id = ? AND deleted_at IS NOT NULL`, now, id)
	if err != nil {
		return fmt.Errorf("store: restore lead %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "lead %s is not deleted", id)
	}
	return nil
}

// ListLeads returns a window of live leads matching f, in f.Sort order,
// with the total that match.
func (d *DB) ListLeads(ctx context.Context, f crm.LeadFilter) (crm.LeadPage, error) {
	page := crm.LeadPage{Offset: f.Offset}
	where := []string{`deleted_at IS NULL`}
	var args []any
	if f.Status != "" {
		where, args = append(where, `status = ?`), append(args, string(f.Status))
	}
	if f.Source != "" {
		where, args = append(where, `source = ? COLLATE NOCASE`), append(args, f.Source)
	}
	if f.OwnerID != "" {
		where, args = append(where, `owner_id = ?`), append(args, f.OwnerID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, `(name || ' ' || email || ' ' || company_name || ' ' || title) LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscaper.Replace(q)+"%")
	}
	cond := strings.Join(where, ` AND `)
	order := `score DESC, id`
	switch f.Sort {
	case crm.LeadsByName:
		order = `lower(CASE WHEN name <> '' THEN name ELSE email END), id`
	case crm.LeadsByNewest:
		order = `created_at DESC, id DESC`
	}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: list leads: begin: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM leads WHERE `+cond, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count leads: %w", err)
	}
	page.Items, err = collectLeads(tx.QueryContext(ctx, `SELECT `+leadColumns+` FROM leads WHERE `+cond+`
		ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...))
	if err != nil {
		return page, fmt.Errorf("store: list leads: %w", err)
	}
	return page, nil
}

// AllLeads returns every live lead (rescoring after a rules change).
func (d *DB) AllLeads(ctx context.Context) ([]crm.Lead, error) {
	ls, err := collectLeads(d.db.QueryContext(ctx, `SELECT `+leadColumns+` FROM leads WHERE deleted_at IS NULL ORDER BY id`))
	if err != nil {
		return nil, fmt.Errorf("store: all leads: %w", err)
	}
	return ls, nil
}

func collectLeads(rows *sql.Rows, err error) ([]crm.Lead, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crm.Lead
	for rows.Next() {
		l, err := scanLead(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SetLeadScores writes derived scores in one transaction, leaving each
// lead's version and updated_at alone (a score is not an edit).
func (d *DB) SetLeadScores(ctx context.Context, scores []crm.LeadScore) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE leads SET score = ?, score_reasons = ? WHERE id = ?`)
		if err != nil {
			return fmt.Errorf("store: prepare lead score: %w", err)
		}
		defer stmt.Close()
		for _, s := range scores {
			if _, err := stmt.ExecContext(ctx, s.Score, encodeReasons(s.Reasons), s.LeadID); err != nil {
				return fmt.Errorf("store: score lead %s: %w", s.LeadID, err)
			}
		}
		return nil
	})
}

// LeadEngagement counts the live activities logged on a lead by kind
// ("call" → 3).
func (d *DB) LeadEngagement(ctx context.Context, leadID string) (map[string]int, error) {
	out := map[string]int{}
	rows, err := d.db.QueryContext(ctx, `SELECT kind, count(*) FROM activities
		WHERE lead_id = ? AND deleted_at IS NULL GROUP BY kind`, leadID)
	if err != nil {
		return nil, fmt.Errorf("store: engagement of lead %s: %w", leadID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, fmt.Errorf("store: engagement of lead %s: %w", leadID, err)
		}
		out[kind] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: engagement of lead %s: %w", leadID, err)
	}
	return out, nil
}

// AllLeadEngagement counts the live activities of every lead by kind,
// keyed by lead id (rescoring all leads at once).
func (d *DB) AllLeadEngagement(ctx context.Context) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	rows, err := d.db.QueryContext(ctx, `SELECT lead_id, kind, count(*) FROM activities
		WHERE lead_id IS NOT NULL AND lead_id <> '' AND deleted_at IS NULL GROUP BY lead_id, kind`)
	if err != nil {
		return nil, fmt.Errorf("store: engagement of leads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lead, kind string
		var n int
		if err := rows.Scan(&lead, &kind, &n); err != nil {
			return nil, fmt.Errorf("store: engagement of leads: %w", err)
		}
		if out[lead] == nil {
			out[lead] = map[string]int{}
		}
		out[lead][kind] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: engagement of leads: %w", err)
	}
	return out, nil
}

// ConvertLead writes a conversion in one transaction: the contact (linked
// to the new or existing company), the deal, the lead's activities
// re-pointed to them (lead_id kept, so the lead's history stays whole) and
// the lead marked converted. Nothing is written when any step fails. A lead
// converted before gives crm.CodeLeadConverted.
func (d *DB) ConvertLead(ctx context.Context, conv crm.LeadConversion) (crm.ConversionResult, error) {
	return d.convertLead(ctx, conv, insertDeal)
}

// dealInserter writes a deal inside a transaction (D1's insertDeal; tests
// inject a failing one).
type dealInserter func(ctx context.Context, tx *sql.Tx, d crm.Deal) error

func (d *DB) convertLead(ctx context.Context, conv crm.LeadConversion, addDeal dealInserter) (crm.ConversionResult, error) {
	var res crm.ConversionResult
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		res = crm.ConversionResult{}
		if _, err := writableLead(ctx, tx, conv.LeadID, conv.BaseVersion); err != nil {
			return err
		}
		contact := conv.Contact
		switch {
		case conv.CompanyID != "":
			co, err := getCompany(ctx, tx, conv.CompanyID)
			if err != nil {
				return err
			}
			if co.DeletedAt != nil {
				return crm.Errorf(crm.CodeNotFound, "company %s was deleted", co.ID)
			}
			contact.Company = co.Name
		case conv.NewCompany != nil:
			co := *conv.NewCompany
			key := crm.CompanyKey(co.Name)
			other, name, err := companyNamed(ctx, tx, key)
			if err != nil {
				return err
			}
			if other == "" {
				if _, err := tx.ExecContext(ctx, `INSERT INTO companies (id, version, name, name_key, industry, website, size, phone, address, notes, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					co.ID, co.Version, co.Name, key, co.Industry, co.Website, co.Size, co.Phone, encodeAddress(co.Address), co.Notes,
					formatTime(co.CreatedAt), formatTime(co.UpdatedAt)); err != nil {
					return fmt.Errorf("store: convert lead %s: insert company: %w", conv.LeadID, err)
				}
				name = co.Name
			}
			contact.Company = name
		}
		ins, err := newContactInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		if err := ins.insert(ctx, contact); err != nil {
			return err
		}
		if err := ins.index(ctx); err != nil {
			return err
		}
		res.ContactID = contact.ID
		var companyID sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT company_id FROM contacts WHERE id = ?`, contact.ID).Scan(&companyID); err != nil {
			return fmt.Errorf("store: convert lead %s: read contact: %w", conv.LeadID, err)
		}
		res.CompanyID = companyID.String
		if conv.Deal != nil {
			deal := *conv.Deal
			deal.CompanyID, deal.ContactIDs, deal.LeadID = res.CompanyID, []string{contact.ID}, conv.LeadID
			if err := addDeal(ctx, tx, deal); err != nil {
				return fmt.Errorf("store: convert lead %s: %w", conv.LeadID, err)
			}
			res.DealID = deal.ID
		}
		if _, err := tx.ExecContext(ctx, `UPDATE activities SET contact_id = ?, company_id = ?, deal_id = ? WHERE lead_id = ?`,
			res.ContactID, nullIfEmpty(res.CompanyID), nullIfEmpty(res.DealID), conv.LeadID); err != nil {
			return fmt.Errorf("store: convert lead %s: re-point activities: %w", conv.LeadID, err)
		}
		at := formatTime(conv.At)
		if _, err := tx.ExecContext(ctx, `UPDATE leads SET status = 'converted', version = version + 1, converted_contact_id = ?,
			converted_company_id = ?, converted_deal_id = ?, converted_at = ?, updated_at = ? WHERE id = ?`,
			res.ContactID, nullIfEmpty(res.CompanyID), nullIfEmpty(res.DealID), at, at, conv.LeadID); err != nil {
			return fmt.Errorf("store: convert lead %s: mark converted: %w", conv.LeadID, err)
		}
		return nil
	})
	if err != nil {
		return crm.ConversionResult{}, err
	}
	return res, nil
}
