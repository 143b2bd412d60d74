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

// companyColumns selects a whole company from the table aliased co, with
// the live people count last.
const companyColumns = `co.id, co.version, co.name, co.industry, co.website, co.size, co.phone, co.address, co.notes,
	co.created_at, co.updated_at, co.deleted_at,
	(SELECT count(*) FROM contacts p INDEXED BY contacts_by_company WHERE p.company_id = co.id AND p.deleted_at IS NULL)`

func encodeAddress(a crm.Address) string {
	b, _ := json.Marshal(addressJSON(a)) // a struct of strings always marshals
	return string(b)
}

func scanCompany(r rowScanner) (crm.Company, error) {
	var (
		c       crm.Company
		address string
		times   recordTimes
	)
	err := r.Scan(&c.ID, &c.Version, &c.Name, &c.Industry, &c.Website, &c.Size, &c.Phone, &address, &c.Notes,
		&times.created, &times.updated, &times.deleted, &c.People)
	if err != nil {
		return c, err
	}
	var a addressJSON
	if err := json.Unmarshal([]byte(address), &a); err != nil {
		return c, fmt.Errorf("store: company %s address: %w", c.ID, err)
	}
	c.Address = crm.Address(a)
	c.CreatedAt, c.UpdatedAt, c.DeletedAt, err = times.parse()
	return c, err
}

// GetCompany returns one company, live or tombstoned, with its people count.
func (d *DB) GetCompany(ctx context.Context, id string) (crm.Company, error) {
	return getCompany(ctx, d.db, id)
}

func getCompany(ctx context.Context, q queryRower, id string) (crm.Company, error) {
	c, err := scanCompany(q.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies co WHERE co.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, crm.Errorf(crm.CodeNotFound, "company %s does not exist", id)
	}
	if err != nil {
		return c, fmt.Errorf("store: get company %s: %w", id, err)
	}
	return c, nil
}

// companyNamed returns the id and name of the live company whose key is
// key, or "" when there is none.
func companyNamed(ctx context.Context, q queryRower, key string) (id, name string, err error) {
	err = q.QueryRowContext(ctx, `SELECT id, name FROM companies WHERE name_key = ? AND deleted_at IS NULL`, key).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: find company %q: %w", key, err)
	}
	return id, name, nil
}

// CreateCompany inserts a new company (ID, version and timestamps set by the
// caller). A live company with the same name key gives crm.CodeCompanyExists.
func (d *DB) CreateCompany(ctx context.Context, c crm.Company) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		key := crm.CompanyKey(c.Name)
		other, name, err := companyNamed(ctx, tx, key)
		if err != nil {
			return err
		}
		if other != "" {
			return &crm.Error{Code: crm.CodeCompanyExists, Field: "name", Message: fmt.Sprintf("there is already a company called %q", name)}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO companies (id, version, name, name_key, industry, website, size, phone, address, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Version, c.Name, key, c.Industry, c.Website, c.Size, c.Phone, encodeAddress(c.Address), c.Notes,
			formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
		if err != nil {
			return fmt.Errorf("store: insert company %s: %w", c.ID, err)
		}
		return nil
	})
}

// UpdateCompany replaces the fields of a live company whose stored version is
// c.Version-1. When the name changes, every live contact of the company gets
// the new name as its company text, each as a journalled contact update (so
// sync sends the new ORG), in the same transaction. Renaming onto the name of
// another live company gives crm.CodeCompanyExists; a stale version
// crm.CodeVersionConflict.
func (d *DB) UpdateCompany(ctx context.Context, c crm.Company) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := getCompany(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		switch {
		case cur.DeletedAt != nil:
			return crm.Errorf(crm.CodeNotFound, "company %s was deleted", c.ID)
		case cur.Version != c.Version-1:
			return crm.Errorf(crm.CodeVersionConflict, "company %s changed elsewhere: it is at version %d, the edit was based on version %d",
				c.ID, cur.Version, c.Version-1)
		}
		key := crm.CompanyKey(c.Name)
		other, name, err := companyNamed(ctx, tx, key)
		if err != nil {
			return err
		}
		if other != "" && other != c.ID {
			return &crm.Error{Code: crm.CodeCompanyExists, Field: "name",
				Message: fmt.Sprintf("there is already a company called %q; rename its contacts' company instead, or pick another name", name)}
		}
		_, err = tx.ExecContext(ctx, `UPDATE companies SET version = ?, name = ?, name_key = ?, industry = ?, website = ?, size = ?,
			phone = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?`,
			c.Version, c.Name, key, c.Industry, c.Website, c.Size, c.Phone, encodeAddress(c.Address), c.Notes,
			formatTime(c.UpdatedAt), c.ID)
		if err != nil {
			return fmt.Errorf("store: update company %s: %w", c.ID, err)
		}
		if cur.Name == c.Name {
			return nil
		}
		people, err := collectContacts(tx.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c INDEXED BY contacts_by_company
			WHERE c.company_id = ? AND c.deleted_at IS NULL`, c.ID))
		if err != nil {
			return fmt.Errorf("store: people of company %s: %w", c.ID, err)
		}
		for _, p := range people {
			if p.Company == c.Name {
				continue
			}
			p.Company, p.Version, p.UpdatedAt = c.Name, p.Version+1, c.UpdatedAt
			if err := d.updateContactTx(ctx, tx, p, []string{"company"}); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteCompany tombstones a live company that has no live people; one that
// still has people gives crm.CodeCompanyHasPeople.
func (d *DB) DeleteCompany(ctx context.Context, id string) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := getCompany(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.DeletedAt != nil {
			return crm.Errorf(crm.CodeNotFound, "company %s was already deleted", id)
		}
		if cur.People > 0 {
			return crm.Errorf(crm.CodeCompanyHasPeople, "%s still has %d people; move them to another company or delete them first", cur.Name, cur.People)
		}
		now := formatTime(d.clock.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE companies SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("store: delete company %s: %w", id, err)
		}
		return nil
	})
}

// ListCompanies returns a window of live companies in name order, only those
// whose name contains query (compared as crm.CompanyKey) when it is not
// blank, with the total that match.
func (d *DB) ListCompanies(ctx context.Context, query string, offset, limit int) (crm.CompanyPage, error) {
	page := crm.CompanyPage{Offset: offset}
	where := `co.deleted_at IS NULL`
	var args []any
	if key := crm.CompanyKey(query); key != "" {
		where += ` AND co.name_key LIKE ? ESCAPE '\'`
		args = append(args, "%"+likeEscaper.Replace(key)+"%")
	}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: list companies: begin: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM companies co WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count companies: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+companyColumns+` FROM companies co WHERE `+where+`
		ORDER BY co.name_key, co.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("store: list companies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCompany(rows)
		if err != nil {
			return page, fmt.Errorf("store: read company row: %w", err)
		}
		page.Items = append(page.Items, c)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("store: read company rows: %w", err)
	}
	return page, nil
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// CompanyPeople returns a window of the live contacts of company id in name
// order and how many there are.
func (d *DB) CompanyPeople(ctx context.Context, id string, offset, limit int) (crm.ContactPage, error) {
	page := crm.ContactPage{Offset: offset}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return page, fmt.Errorf("store: people of company %s: begin: %w", id, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts INDEXED BY contacts_by_company
		WHERE company_id = ? AND deleted_at IS NULL`, id).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count people of company %s: %w", id, err)
	}
	page.Items, err = collectContacts(tx.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c INDEXED BY contacts_by_company
		WHERE c.company_id = ? AND c.deleted_at IS NULL ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`, id, limit, offset))
	if err != nil {
		return page, fmt.Errorf("store: people of company %s: %w", id, err)
	}
	return page, nil
}
