package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

const ownerColumns = `id, name, email, created_at, updated_at, deleted_at`

func scanOwner(r rowScanner) (crm.Owner, error) {
	var (
		o     crm.Owner
		times recordTimes
	)
	if err := r.Scan(&o.ID, &o.Name, &o.Email, &times.created, &times.updated, &times.deleted); err != nil {
		return o, err
	}
	var err error
	o.CreatedAt, o.UpdatedAt, o.DeletedAt, err = times.parse()
	return o, err
}

// SaveOwner inserts o, or replaces the name and e-mail of the owner with
// its ID (a tombstoned owner comes back to life).
func (d *DB) SaveOwner(ctx context.Context, o crm.Owner) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO owners (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, updated_at = excluded.updated_at, deleted_at = NULL`,
		o.ID, o.Name, o.Email, formatTime(o.CreatedAt), formatTime(o.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: save owner %s: %w", o.ID, err)
	}
	return nil
}

// GetOwner returns one owner, live or tombstoned.
func (d *DB) GetOwner(ctx context.Context, id string) (crm.Owner, error) {
	o, err := scanOwner(d.db.QueryRowContext(ctx, `SELECT `+ownerColumns+` FROM owners WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, crm.Errorf(crm.CodeNotFound, "owner %s does not exist", id)
	}
	if err != nil {
		return o, fmt.Errorf("store: get owner %s: %w", id, err)
	}
	return o, nil
}

// ListOwners returns the live owners by name.
func (d *DB) ListOwners(ctx context.Context) ([]crm.Owner, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+ownerColumns+` FROM owners WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list owners: %w", err)
	}
	defer rows.Close()
	var out []crm.Owner
	for rows.Next() {
		o, err := scanOwner(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list owners: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// DeleteOwner tombstones an owner; the records it owns keep its ID (and
// still show its name).
func (d *DB) DeleteOwner(ctx context.Context, id string, at time.Time) error {
	res, err := d.db.ExecContext(ctx, `UPDATE owners SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, formatTime(at), formatTime(at), id)
	if err != nil {
		return fmt.Errorf("store: delete owner %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.CodeNotFound, "owner %s does not exist", id)
	}
	return nil
}

// SaveExchangeRate stores r as a rate into base, replacing the rate of the
// same currency and date.
func (d *DB) SaveExchangeRate(ctx context.Context, base string, r crm.ExchangeRate, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO exchange_rates (base, currency, rate_date, rate, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (base, currency, rate_date) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at`,
		base, r.Currency, r.Date, r.Rate, formatTime(at))
	if err != nil {
		return fmt.Errorf("store: save rate %s %s: %w", r.Currency, r.Date, err)
	}
	return nil
}

// DeleteExchangeRate removes the rate of currency into base on date.
func (d *DB) DeleteExchangeRate(ctx context.Context, base, currency, date string) error {
	if _, err := d.db.ExecContext(ctx, `DELETE FROM exchange_rates WHERE base = ? AND currency = ? AND rate_date = ?`, base, currency, date); err != nil {
		return fmt.Errorf("store: delete rate %s %s: %w", currency, date, err)
	}
	return nil
}

// ExchangeRates returns the rates into base, by currency and date.
func (d *DB) ExchangeRates(ctx context.Context, base string) ([]crm.ExchangeRate, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT currency, rate_date, rate FROM exchange_rates WHERE base = ? ORDER BY currency, rate_date`, base)
	if err != nil {
		return nil, fmt.Errorf("store: list rates: %w", err)
	}
	defer rows.Close()
	var out []crm.ExchangeRate
	for rows.Next() {
		var r crm.ExchangeRate
		if err := rows.Scan(&r.Currency, &r.Date, &r.Rate); err != nil {
			return nil, fmt.Errorf("store: list rates: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SellingCounts counts the live deals, leads, activities and orders.
func (d *DB) SellingCounts(ctx context.Context) (deals, leads, activities, orders int, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM deals WHERE deleted_at IS NULL),
		(SELECT count(*) FROM leads WHERE deleted_at IS NULL),
		(SELECT count(*) FROM activities WHERE deleted_at IS NULL),
		(SELECT count(*) FROM orders WHERE deleted_at IS NULL)`).Scan(&deals, &leads, &activities, &orders)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("store: count deals, leads, activities and orders: %w", err)
	}
	return deals, leads, activities, orders, nil
}
