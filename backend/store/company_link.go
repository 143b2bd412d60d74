package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// companyLinker finds (or creates) the company a contact's company name
// names, remembering what it found for the length of one transaction so a
// bulk insert asks once per company.
type companyLinker struct {
	tx    *sql.Tx
	found map[string]string // name key → company id
}

func newCompanyLinker(tx *sql.Tx) *companyLinker {
	return &companyLinker{tx: tx, found: map[string]string{}}
}

// companyFor returns the id of the live company whose key matches name,
// creating the company when there is none, or nil when name is empty.
func (l *companyLinker) companyFor(ctx context.Context, name string, now time.Time) (any, error) {
	key := crm.CompanyKey(name)
	if key == "" {
		return nil, nil
	}
	if id, ok := l.found[key]; ok {
		return id, nil
	}
	var id string
	err := l.tx.QueryRowContext(ctx, `SELECT id FROM companies WHERE name_key = ? AND deleted_at IS NULL`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id = crm.NewID(now)
		_, err = l.tx.ExecContext(ctx, `INSERT INTO companies (id, name, name_key, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, id, crm.CleanLine(name), key, formatTime(now), formatTime(now))
	}
	if err != nil {
		return nil, fmt.Errorf("store: company %q: %w", name, err)
	}
	l.found[key] = id
	return id, nil
}
