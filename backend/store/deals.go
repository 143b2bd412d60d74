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

// dealFrom joins a deal (d) to its stage (s), owner (o) and company (co).
const dealFrom = ` FROM deals d JOIN stages s ON s.id = d.stage_id
	LEFT JOIN owners o ON o.id = d.owner_id LEFT JOIN companies co ON co.id = d.company_id`

// dealColumns selects a crm.DealView (without its contacts) from dealFrom.
const dealColumns = `d.id, d.version, d.title, d.pipeline_id, d.stage_id, d.status, d.amount_minor, d.currency,
	d.probability, d.expected_close, d.owner_id, coalesce(d.company_id, ''), coalesce(d.lead_id, ''), d.close_reason,
	d.closed_at, d.notes, d.created_at, d.updated_at, d.deleted_at,
	s.name, s.probability, coalesce(o.name, ''), coalesce(co.name, '')`

func scanDeal(r rowScanner) (crm.DealView, error) {
	var (
		v      crm.DealView
		prob   sql.NullInt64
		closed sql.NullString
		times  recordTimes
	)
	err := r.Scan(&v.ID, &v.Version, &v.Title, &v.PipelineID, &v.StageID, &v.Status, &v.Amount.Minor, &v.Amount.Currency,
		&prob, &v.ExpectedClose, &v.OwnerID, &v.CompanyID, &v.LeadID, &v.CloseReason,
		&closed, &v.Notes, &times.created, &times.updated, &times.deleted,
		&v.StageName, &v.StageProbability, &v.OwnerName, &v.CompanyName)
	if err != nil {
		return v, err
	}
	if prob.Valid {
		p := int(prob.Int64)
		v.Probability = &p
	}
	if v.ClosedAt, err = parseOptionalTime(closed); err != nil {
		return v, err
	}
	v.CreatedAt, v.UpdatedAt, v.DeletedAt, err = times.parse()
	return v, err
}

func parseOptionalTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

func formatOptionalTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return formatTime(*t)
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// CreateDeal inserts a new deal (ID, version and timestamps set by the
// caller) with its contacts and the first row of its stage history.
func (d *DB) CreateDeal(ctx context.Context, deal crm.Deal) error {
	return d.inTx(ctx, func(tx *sql.Tx) error { return insertDeal(ctx, tx, deal) })
}

// insertDeal writes a new deal, its contacts and the first row of its stage
// history (entered at CreatedAt) in tx. The leads conversion calls it
// inside its own transaction.
func insertDeal(ctx context.Context, tx *sql.Tx, deal crm.Deal) error {
	status := deal.Status
	if status == "" {
		status = crm.DealOpen
	}
	if err := checkDealLinks(ctx, tx, deal); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO deals (id, version, title, pipeline_id, stage_id, status, amount_minor, currency,
		probability, expected_close, owner_id, company_id, lead_id, close_reason, closed_at, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		deal.ID, deal.Version, deal.Title, deal.PipelineID, deal.StageID, string(status), deal.Amount.Minor, deal.Amount.Currency,
		nullInt(deal.Probability), deal.ExpectedClose, deal.OwnerID, nullText(deal.CompanyID), nullText(deal.LeadID),
		deal.CloseReason, formatOptionalTime(deal.ClosedAt), deal.Notes, formatTime(deal.CreatedAt), formatTime(deal.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: insert deal %s: %w", deal.ID, err)
	}
	if err := writeDealContacts(ctx, tx, deal.ID, deal.ContactIDs); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO deal_stages (deal_id, stage_id, status, entered_at) VALUES (?, ?, ?, ?)`,
		deal.ID, deal.StageID, string(status), formatTime(deal.CreatedAt)); err != nil {
		return fmt.Errorf("store: stage history of deal %s: %w", deal.ID, err)
	}
	return nil
}

// checkDealLinks refuses a deal whose company, stage or contacts do not
// exist (crm.CodeDealInvalid), before a foreign key would.
func checkDealLinks(ctx context.Context, tx *sql.Tx, deal crm.Deal) error {
	exists := func(table, id string) (bool, error) {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
		if err != nil {
			return false, fmt.Errorf("store: check deal %s: %s %s: %w", deal.ID, table, id, err)
		}
		return n > 0, nil
	}
	check := func(table, field, id string) error {
		ok, err := exists(table, id)
		if err == nil && !ok {
			err = crm.FieldError(crm.CodeDealInvalid, field, fmt.Sprintf("%s %s does not exist", strings.TrimSuffix(table, "s"), id))
		}
		return err
	}
	if deal.CompanyID != "" {
		if err := check("companies", "companyId", deal.CompanyID); err != nil {
			return err
		}
	}
	if err := check("stages", "stageId", deal.StageID); err != nil {
		return err
	}
	for _, c := range deal.ContactIDs {
		if err := check("contacts", "contactIds", c); err != nil {
			return err
		}
	}
	return nil
}

func writeDealContacts(ctx context.Context, tx *sql.Tx, dealID string, ids []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM deal_contacts WHERE deal_id = ?`, dealID); err != nil {
		return fmt.Errorf("store: contacts of deal %s: %w", dealID, err)
	}
	for i, c := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO deal_contacts (deal_id, contact_id, position) VALUES (?, ?, ?)`, dealID, c, i); err != nil {
			return fmt.Errorf("store: link contact %s to deal %s: %w", c, dealID, err)
		}
	}
	return nil
}

// GetDeal returns one deal, live or tombstoned, with its names and contacts.
func (d *DB) GetDeal(ctx context.Context, id string) (crm.DealView, error) {
	return getDeal(ctx, d.db, id)
}

func getDeal(ctx context.Context, q queryRowQuerier, id string) (crm.DealView, error) {
	v, err := scanDeal(q.QueryRowContext(ctx, `SELECT `+dealColumns+dealFrom+` WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, crm.Errorf(crm.CodeNotFound, "deal %s does not exist", id)
	}
	if err != nil {
		return v, fmt.Errorf("store: get deal %s: %w", id, err)
	}
	vs := []crm.DealView{v}
	if err := attachContacts(ctx, q, vs); err != nil {
		return v, err
	}
	return vs[0], nil
}

// UpdateDeal replaces the fields of a live deal whose stored version is
// deal.Version-1 (else crm.CodeVersionConflict). When its stage or status
// changes, the current stage visit is closed and a new one opened at
// deal.UpdatedAt, in the same transaction.
func (d *DB) UpdateDeal(ctx context.Context, deal crm.Deal) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := getDeal(ctx, tx, deal.ID)
		if err != nil {
			return err
		}
		switch {
		case cur.DeletedAt != nil:
			return crm.Errorf(crm.CodeNotFound, "deal %s was deleted", deal.ID)
		case cur.Version != deal.Version-1:
			return crm.Errorf(crm.CodeVersionConflict, "deal %s changed elsewhere: it is at version %d, the edit was based on version %d",
				deal.ID, cur.Version, deal.Version-1)
		}
		if err := checkDealLinks(ctx, tx, deal); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE deals SET version = ?, title = ?, pipeline_id = ?, stage_id = ?, status = ?, amount_minor = ?,
			currency = ?, probability = ?, expected_close = ?, owner_id = ?, company_id = ?, lead_id = ?, close_reason = ?, closed_at = ?,
			notes = ?, updated_at = ? WHERE id = ?`,
			deal.Version, deal.Title, deal.PipelineID, deal.StageID, string(deal.Status), deal.Amount.Minor, deal.Amount.Currency,
			nullInt(deal.Probability), deal.ExpectedClose, deal.OwnerID, nullText(deal.CompanyID), nullText(deal.LeadID),
			deal.CloseReason, formatOptionalTime(deal.ClosedAt), deal.Notes, formatTime(deal.UpdatedAt), deal.ID)
		if err != nil {
			return fmt.Errorf("store: update deal %s: %w", deal.ID, err)
		}
		if !sameStrings(cur.ContactIDs, deal.ContactIDs) {
			if err := writeDealContacts(ctx, tx, deal.ID, deal.ContactIDs); err != nil {
				return err
			}
		}
		if cur.StageID == deal.StageID && cur.Status == deal.Status {
			return nil
		}
		at := formatTime(deal.UpdatedAt)
		if _, err := tx.ExecContext(ctx, `UPDATE deal_stages SET left_at = ? WHERE deal_id = ? AND left_at IS NULL`, at, deal.ID); err != nil {
			return fmt.Errorf("store: close stage visit of deal %s: %w", deal.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO deal_stages (deal_id, stage_id, status, entered_at) VALUES (?, ?, ?, ?)`,
			deal.ID, deal.StageID, string(deal.Status), at); err != nil {
			return fmt.Errorf("store: stage history of deal %s: %w", deal.ID, err)
		}
		return nil
	})
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// DeleteDeal tombstones a live deal (its version grows by one).
func (d *DB) DeleteDeal(ctx context.Context, id string, at time.Time) error {
	res, err := d.db.ExecContext(ctx, `UPDATE deals SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL`,
		formatTime(at), formatTime(at), id)
	if err != nil {
		return fmt.Errorf("store: delete deal %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "deal %s does not exist", id)
	}
	return nil
}

// RestoreDeal brings a tombstoned deal back (undo of a delete). A deal
// whose stage or pipeline was removed meanwhile gives crm.CodeDealInvalid.
func (d *DB) RestoreDeal(ctx context.Context, id string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		var stageGone, pipelineGone sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT s.deleted_at, p.deleted_at FROM deals d JOIN stages s ON s.id = d.stage_id
			JOIN pipelines p ON p.id = d.pipeline_id WHERE d.id = ? AND d.deleted_at IS NOT NULL`, id).Scan(&stageGone, &pipelineGone)
		if errors.Is(err, sql.ErrNoRows) {
			return crm.Errorf(crm.CodeNotFound, "deal %s is not deleted", id)
		}
		if err != nil {
			return fmt.Errorf("store: restore deal %s: %w", id, err)
		}
		if stageGone.Valid || pipelineGone.Valid {
			return crm.Errorf(crm.CodeDealInvalid, "the deal's stage was removed; it cannot come back")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE deals SET deleted_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?`,
			formatTime(at), id); err != nil {
			return fmt.Errorf("store: restore deal %s: %w", id, err)
		}
		return nil
	})
}

// DealHistory returns the stage visits of a deal, oldest first.
func (d *DB) DealHistory(ctx context.Context, id string) ([]crm.StageVisit, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT h.stage_id, coalesce(s.name, ''), h.status, h.entered_at, h.left_at
		FROM deal_stages h LEFT JOIN stages s ON s.id = h.stage_id
		WHERE h.deal_id = ? ORDER BY h.entered_at, h.rowid`, id)
	if err != nil {
		return nil, fmt.Errorf("store: history of deal %s: %w", id, err)
	}
	defer rows.Close()
	var out []crm.StageVisit
	for rows.Next() {
		var (
			v       crm.StageVisit
			entered string
			left    sql.NullString
		)
		if err := rows.Scan(&v.StageID, &v.StageName, &v.Status, &entered, &left); err != nil {
			return nil, fmt.Errorf("store: history of deal %s: %w", id, err)
		}
		if v.EnteredAt, err = parseTime(entered); err != nil {
			return nil, err
		}
		if v.LeftAt, err = parseOptionalTime(left); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// attachContacts fills in the contacts (ID and display name, in the order
// they were given) of each deal in vs.
func attachContacts(ctx context.Context, q querier, vs []crm.DealView) error {
	at := make(map[string]int, len(vs))
	for i := range vs {
		at[vs[i].ID] = i
		vs[i].ContactIDs, vs[i].Contacts = nil, nil
	}
	const chunk = 500
	for start := 0; start < len(vs); start += chunk {
		end := min(start+chunk, len(vs))
		args := make([]any, 0, end-start)
		for _, v := range vs[start:end] {
			args = append(args, v.ID)
		}
		rows, err := q.QueryContext(ctx, `SELECT dc.deal_id, dc.contact_id, coalesce(c.display_name, '') FROM deal_contacts dc
			LEFT JOIN contacts c ON c.id = dc.contact_id
			WHERE dc.deal_id IN (`+placeholders(len(args))+`) ORDER BY dc.deal_id, dc.position`, args...)
		if err != nil {
			return fmt.Errorf("store: contacts of deals: %w", err)
		}
		for rows.Next() {
			var dealID string
			var ref crm.NamedRef
			if err := rows.Scan(&dealID, &ref.ID, &ref.Name); err != nil {
				rows.Close()
				return fmt.Errorf("store: contacts of deals: %w", err)
			}
			i := at[dealID]
			vs[i].ContactIDs = append(vs[i].ContactIDs, ref.ID)
			vs[i].Contacts = append(vs[i].Contacts, ref)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: contacts of deals: %w", err)
		}
	}
	return nil
}

// dealWhere turns f into a WHERE clause over dealFrom (live deals only).
func dealWhere(f crm.DealFilter) (string, []any) {
	where := []string{"d.deleted_at IS NULL"}
	var args []any
	if f.PipelineID != "" {
		where = append(where, "d.pipeline_id = ?")
		args = append(args, f.PipelineID)
	}
	if f.OwnerID != "" {
		where = append(where, "d.owner_id = ?")
		args = append(args, f.OwnerID)
	}
	switch f.Status {
	case crm.DealOpen:
		// Literal, so the partial indexes on open deals apply.
		where = append(where, "d.status = 'open'")
	case crm.DealWon, crm.DealLost:
		where = append(where, "d.status = '"+string(f.Status)+"'", "d.status <> 'open'")
	case "":
	default:
		where = append(where, "d.status = ?")
		args = append(args, string(f.Status))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + likeEscaper.Replace(q) + "%"
		where = append(where, `(d.title LIKE ? ESCAPE '\' OR co.name LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	if !f.ClosedFrom.IsZero() {
		where = append(where, "d.closed_at >= ?")
		args = append(args, formatTime(f.ClosedFrom))
	}
	if !f.ClosedTo.IsZero() {
		where = append(where, "d.closed_at < ?")
		args = append(args, formatTime(f.ClosedTo))
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// DealFigures returns the figures (amount, probability, dates) of every
// live deal f selects, in no particular order: what totals are made of.
// It reads the deals table alone (StageProbability is left 0: the caller
// has the stages), so a board of thousands of deals sums quickly.
func (d *DB) DealFigures(ctx context.Context, f crm.DealFilter) ([]crm.DealFigures, error) {
	where, args := dealWhere(f)
	from := ` FROM deals d`
	if strings.TrimSpace(f.Query) != "" {
		from += ` LEFT JOIN companies co ON co.id = d.company_id`
	}
	rows, err := d.db.QueryContext(ctx, `SELECT d.id, d.stage_id, d.status, d.amount_minor, d.currency, d.probability,
		d.expected_close, d.closed_at`+from+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: deal figures: %w", err)
	}
	defer rows.Close()
	var out []crm.DealFigures
	for rows.Next() {
		var (
			g      crm.DealFigures
			prob   sql.NullInt64
			closed sql.NullString
		)
		if err := rows.Scan(&g.ID, &g.StageID, &g.Status, &g.Amount.Minor, &g.Amount.Currency, &prob,
			&g.ExpectedClose, &closed); err != nil {
			return nil, fmt.Errorf("store: deal figures: %w", err)
		}
		if prob.Valid {
			p := int(prob.Int64)
			g.Probability = &p
		}
		if g.ClosedAt, err = parseOptionalTime(closed); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// FirstDealsPerStage returns, for each live stage of f.PipelineID, the
// first perStage live deals f selects in card order (expected close,
// soonest first, deals without one last; then the most recently updated),
// with their contacts. Each stage is read through the board index with a
// LIMIT, so the cost follows the cards shown, not the deals in the stage.
func (d *DB) FirstDealsPerStage(ctx context.Context, f crm.DealFilter, perStage int) ([]crm.DealView, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: board cards: begin: %w", err)
	}
	defer tx.Rollback()
	stages, err := liveStages(ctx, tx, f.PipelineID)
	if err != nil {
		return nil, err
	}
	where, args := dealWhere(f)
	var out []crm.DealView
	for _, st := range stages {
		stageArgs := append(append([]any{}, args...), st.ID)
		dated, err := collectDeals(ctx, tx, `SELECT `+dealColumns+dealFrom+where+` AND d.stage_id = ? AND d.expected_close <> ''
			ORDER BY d.expected_close, d.updated_at DESC, d.id LIMIT ?`, append(stageArgs, perStage)...)
		if err != nil {
			return nil, err
		}
		out = append(out, dated...)
		if rest := perStage - len(dated); rest > 0 {
			undated, err := collectDeals(ctx, tx, `SELECT `+dealColumns+dealFrom+where+` AND d.stage_id = ? AND d.expected_close = ''
				ORDER BY d.updated_at DESC, d.id LIMIT ?`, append(stageArgs, rest)...)
			if err != nil {
				return nil, err
			}
			out = append(out, undated...)
		}
	}
	return out, nil
}

func collectDeals(ctx context.Context, q querier, query string, args ...any) ([]crm.DealView, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list deals: %w", err)
	}
	var out []crm.DealView
	for rows.Next() {
		v, err := scanDeal(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: read deal row: %w", err)
		}
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read deal rows: %w", err)
	}
	if err := attachContacts(ctx, q, out); err != nil {
		return nil, err
	}
	return out, nil
}

var dealOrder = map[crm.DealSort]string{
	crm.SortDealTitle:         "d.title COLLATE NOCASE %[1]s, d.id",
	crm.SortDealAmount:        "d.amount_minor %[1]s, d.currency, d.id",
	crm.SortDealExpectedClose: "d.expected_close = '', d.expected_close %[1]s, d.id",
	crm.SortDealStage:         "s.position %[1]s, d.updated_at DESC, d.id",
	crm.SortDealOwner:         "coalesce(o.name, '') = '', o.name COLLATE NOCASE %[1]s, d.id",
	crm.SortDealUpdated:       "d.updated_at %[1]s, d.id",
}

// ListDeals returns a window of the live deals f selects, sorted, and how
// many there are. An unknown sort sorts by last update, newest first.
func (d *DB) ListDeals(ctx context.Context, f crm.DealFilter, sort crm.DealSort, desc bool, offset, limit int) ([]crm.DealView, int, error) {
	order, ok := dealOrder[sort]
	if !ok {
		order, desc = dealOrder[crm.SortDealUpdated], true
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	where, args := dealWhere(f)
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("store: list deals: begin: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*)`+dealFrom+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count deals: %w", err)
	}
	items, err := collectDeals(ctx, tx, `SELECT `+dealColumns+dealFrom+where+` ORDER BY `+fmt.Sprintf(order, dir)+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	return items, total, err
}

// DealsByID returns the deals with the given IDs (live or not) in the order
// of ids; unknown IDs are left out.
func (d *DB) DealsByID(ctx context.Context, ids []string) ([]crm.DealView, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	got, err := collectDeals(ctx, d.db, `SELECT `+dealColumns+dealFrom+` WHERE d.id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]crm.DealView, len(got))
	for _, v := range got {
		byID[v.ID] = v
	}
	out := make([]crm.DealView, 0, len(got))
	for _, id := range ids {
		if v, ok := byID[id]; ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// dealsListOrder lists a record's deals: open first, then by last update.
const dealsListOrder = ` ORDER BY d.status <> 'open', d.updated_at DESC, d.id`

// DealsForCompany returns the live deals of a company, open ones first.
func (d *DB) DealsForCompany(ctx context.Context, companyID string) ([]crm.DealView, error) {
	return collectDeals(ctx, d.db, `SELECT `+dealColumns+dealFrom+` WHERE d.company_id = ? AND d.deleted_at IS NULL`+dealsListOrder, companyID)
}

// DealsForContact returns the live deals a contact is linked to, open ones
// first.
func (d *DB) DealsForContact(ctx context.Context, contactID string) ([]crm.DealView, error) {
	return collectDeals(ctx, d.db, `SELECT `+dealColumns+dealFrom+` WHERE d.deleted_at IS NULL
		AND d.id IN (SELECT deal_id FROM deal_contacts WHERE contact_id = ?)`+dealsListOrder, contactID)
}
