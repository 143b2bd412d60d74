package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

const campaignColumns = `id, version, name, channel, cost_minor, currency, starts_on, ends_on, coalesce(filter_id, ''),
	owner_id, notes, created_at, updated_at, deleted_at`

func scanCampaign(r rowScanner) (crm.Campaign, error) {
	var (
		c     crm.Campaign
		times recordTimes
	)
	err := r.Scan(&c.ID, &c.Version, &c.Name, &c.Channel, &c.Cost.Minor, &c.Cost.Currency, &c.StartsOn, &c.EndsOn,
		&c.FilterID, &c.OwnerID, &c.Notes, &times.created, &times.updated, &times.deleted)
	if err != nil {
		return c, err
	}
	c.CreatedAt, c.UpdatedAt, c.DeletedAt, err = times.parse()
	return c, err
}

// checkCampaignFilter refuses a filter that does not exist or was deleted
// (crm.CodeCampaignInvalid), before the foreign key would.
func checkCampaignFilter(ctx context.Context, q queryRowQuerier, id string) error {
	if id == "" {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM saved_filters WHERE id = ? AND deleted_at IS NULL`, id).Scan(&n); err != nil {
		return fmt.Errorf("store: check filter %s: %w", id, err)
	}
	if n == 0 {
		return crm.FieldError(crm.CodeCampaignInvalid, "filterId", fmt.Sprintf("saved filter %s does not exist", id))
	}
	return nil
}

// CreateCampaign inserts a new campaign (ID, version and timestamps set by
// the caller).
func (d *DB) CreateCampaign(ctx context.Context, c crm.Campaign) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCampaignFilter(ctx, tx, c.FilterID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO campaigns (id, version, name, channel, cost_minor, currency, starts_on, ends_on,
			filter_id, owner_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Version, c.Name, string(c.Channel), c.Cost.Minor, c.Cost.Currency, c.StartsOn, c.EndsOn,
			nullText(c.FilterID), c.OwnerID, c.Notes, formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
		if err != nil {
			return fmt.Errorf("store: insert campaign %s: %w", c.ID, err)
		}
		return nil
	})
}

// UpdateCampaign replaces the fields of a live campaign whose stored
// version is c.Version-1 (else crm.CodeVersionConflict).
func (d *DB) UpdateCampaign(ctx context.Context, c crm.Campaign) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCampaignFilter(ctx, tx, c.FilterID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE campaigns SET version = ?, name = ?, channel = ?, cost_minor = ?, currency = ?,
			starts_on = ?, ends_on = ?, filter_id = ?, owner_id = ?, notes = ?, updated_at = ?
			WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			c.Version, c.Name, string(c.Channel), c.Cost.Minor, c.Cost.Currency, c.StartsOn, c.EndsOn,
			nullText(c.FilterID), c.OwnerID, c.Notes, formatTime(c.UpdatedAt), c.ID, c.Version-1)
		if err != nil {
			return fmt.Errorf("store: update campaign %s: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		cur, err := getCampaign(ctx, tx, c.ID)
		switch {
		case err != nil:
			return err
		case cur.DeletedAt != nil:
			return crm.Errorf(crm.CodeNotFound, "campaign %s was deleted", c.ID)
		default:
			return crm.Errorf(crm.CodeVersionConflict, "campaign %s changed elsewhere: it is at version %d, the edit was based on version %d",
				c.ID, cur.Version, c.Version-1)
		}
	})
}

// GetCampaign returns one campaign, live or tombstoned.
func (d *DB) GetCampaign(ctx context.Context, id string) (crm.Campaign, error) {
	return getCampaign(ctx, d.db, id)
}

func getCampaign(ctx context.Context, q queryRowQuerier, id string) (crm.Campaign, error) {
	c, err := scanCampaign(q.QueryRowContext(ctx, `SELECT `+campaignColumns+` FROM campaigns WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "campaign %s does not exist", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: get campaign %s: %w", id, err)
	}
	return c, nil
}

// ListCampaigns returns the live campaigns, the latest start first
// (campaigns without a start last), then by name.
func (d *DB) ListCampaigns(ctx context.Context) ([]crm.Campaign, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+campaignColumns+` FROM campaigns WHERE deleted_at IS NULL
		ORDER BY starts_on = '', starts_on DESC, name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list campaigns: %w", err)
	}
	defer rows.Close()
	var out []crm.Campaign
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list campaigns: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SetCampaignDeleted tombstones a live campaign (deleted) or brings a
// tombstoned one back, bumping its version.
func (d *DB) SetCampaignDeleted(ctx context.Context, id string, deleted bool, at time.Time) error {
	cond, stamp := "deleted_at IS NULL", any(formatTime(at))
	if !deleted {
		cond, stamp = "deleted_at IS NOT NULL", nil
	}
	res, err := d.db.ExecContext(ctx, `UPDATE campaigns SET deleted_at = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND `+cond, stamp, formatTime(at), id)
	if err != nil {
		return fmt.Errorf("store: delete campaign %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if deleted {
			return crm.Errorf(crm.CodeNotFound, "campaign %s does not exist or is already deleted", id)
		}
		return crm.Errorf(crm.CodeNotFound, "campaign %s does not exist or is not deleted", id)
	}
	return nil
}

// liveCampaign fails with crm.CodeNotFound unless campaign id is live.
func liveCampaign(ctx context.Context, q queryRowQuerier, id string) error {
	c, err := getCampaign(ctx, q, id)
	if err != nil {
		return err
	}
	if c.DeletedAt != nil {
		return crm.Errorf(crm.CodeNotFound, "campaign %s was deleted", id)
	}
	return nil
}

// TargetCampaign adds every live contact f selects that the campaign does
// not target yet, stamped at; contacts already targeted keep their row and
// response. It returns how many were added.
func (d *DB) TargetCampaign(ctx context.Context, campaignID string, f crm.ContactFilter, at time.Time) (int, error) {
	var added int
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if err := liveCampaign(ctx, tx, campaignID); err != nil {
			return err
		}
		where, args := contactFilterWhere(f)
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO campaign_contacts (campaign_id, contact_id, added_at)
			SELECT ?, c.id, ? FROM contacts c`+where, append([]any{campaignID, formatTime(at)}, args...)...)
		if err != nil {
			return fmt.Errorf("store: target campaign %s: %w", campaignID, err)
		}
		n, err := res.RowsAffected()
		added = int(n)
		return err
	})
	return added, err
}

// CampaignContacts returns a window of a campaign's targeted contacts in
// name order (deleted contacts left out) and how many there are.
func (d *DB) CampaignContacts(ctx context.Context, campaignID string, offset, limit int) ([]crm.CampaignContact, int, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("store: campaign contacts: begin: %w", err)
	}
	defer tx.Rollback()
	const from = ` FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id
		WHERE cc.campaign_id = ? AND c.deleted_at IS NULL`
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*)`+from, campaignID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count campaign contacts: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.display_name, coalesce(json_extract(c.emails, '$[0].value'), ''),
		cc.added_at, cc.responded_at, cc.response`+from+` ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, campaignID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: campaign contacts: %w", err)
	}
	defer rows.Close()
	var out []crm.CampaignContact
	for rows.Next() {
		var (
			cc        crm.CampaignContact
			added     string
			responded sql.NullString
		)
		if err := rows.Scan(&cc.ContactID, &cc.Name, &cc.Email, &added, &responded, &cc.Response); err != nil {
			return nil, 0, fmt.Errorf("store: campaign contacts: %w", err)
		}
		if cc.AddedAt, err = parseTime(added); err != nil {
			return nil, 0, err
		}
		if cc.RespondedAt, err = parseOptionalTime(responded); err != nil {
			return nil, 0, err
		}
		out = append(out, cc)
	}
	return out, total, rows.Err()
}

// RecordCampaignResponse marks contact as having responded to the campaign
// at respondedAt with response; a nil respondedAt clears the response. A
// contact not targeted yet is added (someone the campaign reached anyway).
func (d *DB) RecordCampaignResponse(ctx context.Context, campaignID, contactID, response string, respondedAt *time.Time, now time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := liveCampaign(ctx, tx, campaignID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE id = ? AND deleted_at IS NULL`, contactID).Scan(&n); err != nil {
			return fmt.Errorf("store: check contact %s: %w", contactID, err)
		}
		if n == 0 {
			return crm.Errorf(crm.CodeNotFound, "contact %s does not exist", contactID)
		}
		if respondedAt == nil {
			response = ""
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO campaign_contacts (campaign_id, contact_id, added_at, responded_at, response)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (campaign_id, contact_id) DO UPDATE SET responded_at = excluded.responded_at, response = excluded.response`,
			campaignID, contactID, formatTime(now), formatOptionalTime(respondedAt), response)
		if err != nil {
			return fmt.Errorf("store: response of %s to campaign %s: %w", contactID, campaignID, err)
		}
		return nil
	})
}

// SetDealCampaign attributes a live deal to a live campaign, or detaches it
// when campaignID is "". It does not change the deal's version: the
// attribution is the campaign's record, not an edit of the deal.
func (d *DB) SetDealCampaign(ctx context.Context, dealID, campaignID string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if campaignID != "" {
			if err := liveCampaign(ctx, tx, campaignID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE deals SET campaign_id = ? WHERE id = ? AND deleted_at IS NULL`, nullText(campaignID), dealID)
		if err != nil {
			return fmt.Errorf("store: attribute deal %s: %w", dealID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return crm.Errorf(crm.CodeNotFound, "deal %s does not exist or was deleted", dealID)
		}
		return nil
	})
}

// DealCampaign returns the ID of the campaign deal dealID is attributed to
// ("" for none).
func (d *DB) DealCampaign(ctx context.Context, dealID string) (string, error) {
	var id sql.NullString
	err := d.db.QueryRowContext(ctx, `SELECT campaign_id FROM deals WHERE id = ?`, dealID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", crm.Errorf(crm.CodeNotFound, "deal %s does not exist", dealID)
	}
	if err != nil {
		return "", fmt.Errorf("store: campaign of deal %s: %w", dealID, err)
	}
	return id.String, nil
}

// CampaignDeals returns the live deals attributed to a campaign, open ones
// first.
func (d *DB) CampaignDeals(ctx context.Context, campaignID string) ([]crm.DealView, error) {
	return collectDeals(ctx, d.db, `SELECT `+dealColumns+dealFrom+` WHERE d.campaign_id = ? AND d.deleted_at IS NULL`+dealsListOrder, campaignID)
}

// CampaignFigures returns the inputs of the return on investment of the
// live campaigns with the given IDs (every live campaign when ids is
// empty), in the order of ListCampaigns: cost, targeted and responded
// contacts (the snapshot, also contacts deleted since; counted by
// triggers), attributed live deals and the won ones' amounts dated by
// their closing day. The reports read it for campaign ROI.
func (d *DB) CampaignFigures(ctx context.Context, ids ...string) ([]crm.CampaignFigures, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: campaign figures: begin: %w", err)
	}
	defer tx.Rollback()
	where, args := "deleted_at IS NULL", []any{}
	if len(ids) > 0 {
		where += ` AND id IN (` + placeholders(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, cost_minor, currency, CASE WHEN starts_on <> '' THEN starts_on ELSE substr(created_at, 1, 10) END,
		targeted, responded, (SELECT count(*) FROM deals d WHERE d.campaign_id = campaigns.id AND d.deleted_at IS NULL)
		FROM campaigns WHERE `+where+` ORDER BY starts_on = '', starts_on DESC, name COLLATE NOCASE, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: campaign figures: %w", err)
	}
	var out []crm.CampaignFigures
	index := map[string]int{}
	for rows.Next() {
		var f crm.CampaignFigures
		if err := rows.Scan(&f.CampaignID, &f.Name, &f.Cost.Minor, &f.Cost.Currency, &f.CostDate, &f.Targeted, &f.Responded, &f.Deals); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: campaign figures: %w", err)
		}
		index[f.CampaignID] = len(out)
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: campaign figures: %w", err)
	}
	wonWhere := "campaign_id IS NOT NULL"
	if len(ids) > 0 {
		wonWhere = `campaign_id IN (` + placeholders(len(ids)) + `)`
	}
	won, err := tx.QueryContext(ctx, `SELECT campaign_id, amount_minor, currency, substr(coalesce(closed_at, updated_at), 1, 10)
		FROM deals INDEXED BY deals_by_campaign WHERE `+wonWhere+` AND deleted_at IS NULL AND status = 'won'`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: campaign revenue: %w", err)
	}
	defer won.Close()
	for won.Next() {
		var (
			id string
			m  crm.DatedMoney
		)
		if err := won.Scan(&id, &m.Amount.Minor, &m.Amount.Currency, &m.Date); err != nil {
			return nil, fmt.Errorf("store: campaign revenue: %w", err)
		}
		if i, ok := index[id]; ok {
			out[i].Won = append(out[i].Won, m)
		}
	}
	return out, won.Err()
}
