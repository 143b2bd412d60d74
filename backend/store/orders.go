package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// Orders are not journalled: the journal is the CardDAV/CalDAV outbox.

const orderColumns = `id, version, number, coalesce(company_id, ''), coalesce(contact_id, ''), order_date, currency,
	total_minor, payment_status, due_date, paid_at, notes, coalesce(deal_id, ''), created_at, updated_at, deleted_at`

func scanOrder(r rowScanner) (crm.Order, error) {
	var (
		o     crm.Order
		times recordTimes
	)
	err := r.Scan(&o.ID, &o.Version, &o.Number, &o.CompanyID, &o.ContactID, &o.OrderDate, &o.Currency,
		&o.Total.Minor, &o.PaymentStatus, &o.DueDate, &o.PaidAt, &o.Notes, &o.DealID,
		&times.created, &times.updated, &times.deleted)
	if err != nil {
		return o, err
	}
	o.Total.Currency = o.Currency
	o.CreatedAt, o.UpdatedAt, o.DeletedAt, err = times.parse()
	return o, err
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateOrder stores a new order with its lines and returns it as stored.
// A blank number gets the order year's next one ("2026-0007": one more than
// the highest number of that year ever given or typed, deleted orders
// included, skipping numbers live orders hold).
func (d *DB) CreateOrder(ctx context.Context, o crm.Order) (crm.Order, error) {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		if o.Number == "" {
			if len(o.OrderDate) < 4 {
				return crm.FieldError(crm.CodeDateInvalid, "orderDate", "an order needs a date")
			}
			n, err := nextOrderNumber(ctx, tx, o.OrderDate[:4])
			if err != nil {
				return err
			}
			o.Number = n
		}
		if err := checkNumberFree(ctx, tx, o.Number, o.ID); err != nil {
			return err
		}
		if err := noteNumber(ctx, tx, o.Number); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO orders (id, version, number, company_id, contact_id, customer_key, order_date,
			currency, total_minor, payment_status, due_date, paid_at, notes, deal_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.ID, o.Version, o.Number, nullable(o.CompanyID), nullable(o.ContactID), o.CustomerKey(), o.OrderDate,
			o.Currency, o.Total.Minor, o.PaymentStatus, o.DueDate, o.PaidAt, o.Notes, nullable(o.DealID),
			formatTime(o.CreatedAt), formatTime(o.UpdatedAt))
		if err != nil {
			return fmt.Errorf("store: create order %s: %w", o.ID, err)
		}
		return insertOrderLines(ctx, tx, o)
	})
	if err != nil {
		return crm.Order{}, err
	}
	return d.GetOrder(ctx, o.ID)
}

// nextOrderNumber is year's next free "YYYY-NNNN" number.
func nextOrderNumber(ctx context.Context, tx *sql.Tx, year string) (string, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT last FROM order_counters WHERE year = ?`, year).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: next order number: %w", err)
	}
	for {
		last++
		n := fmt.Sprintf("%s-%04d", year, last)
		if err := checkNumberFree(ctx, tx, n, ""); err == nil {
			return n, nil
		} else if crm.ErrorCode(err) != crm.CodeInvalidInput {
			return "", err
		}
	}
}

// noteNumber moves the year's counter up to a number of the form
// "YYYY-N", so automatic numbers continue after it.
func noteNumber(ctx context.Context, tx *sql.Tx, number string) error {
	year, rest, ok := strings.Cut(number, "-")
	if !ok || len(year) != 4 || strings.Trim(year, "0123456789") != "" || rest == "" || strings.Trim(rest, "0123456789") != "" || len(rest) > 15 {
		return nil
	}
	n, err := strconv.ParseInt(rest, 10, 64)
	if err != nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_counters (year, last) VALUES (?, ?)
		ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)`, year, n); err != nil {
		return fmt.Errorf("store: order counter %s: %w", year, err)
	}
	return nil
}

// checkNumberFree refuses a number a live order other than id already has.
func checkNumberFree(ctx context.Context, tx *sql.Tx, number, id string) error {
	var other string
	err := tx.QueryRowContext(ctx, `SELECT id FROM orders WHERE number = ? AND deleted_at IS NULL AND id <> ?`, number, id).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: check order number %s: %w", number, err)
	}
	return crm.FieldError(crm.CodeInvalidInput, "number", fmt.Sprintf("order number %s is taken", number))
}

func insertOrderLines(ctx context.Context, tx *sql.Tx, o crm.Order) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM order_lines WHERE order_id = ?`, o.ID); err != nil {
		return fmt.Errorf("store: order %s lines: %w", o.ID, err)
	}
	for i, l := range o.Lines {
		_, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_id, position, product, quantity, unit_minor, total_minor)
			VALUES (?, ?, ?, ?, ?, ?)`, o.ID, i, l.Product, l.Quantity, l.UnitPrice.Minor, l.Total.Minor)
		if err != nil {
			return fmt.Errorf("store: order %s line %d: %w", o.ID, i, err)
		}
	}
	return nil
}

// UpdateOrder replaces the fields and lines of o.ID, which must be live
// and at baseVersion (crm.CodeVersionConflict otherwise); o.Version is the
// new version.
func (d *DB) UpdateOrder(ctx context.Context, o crm.Order, baseVersion int) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkNumberFree(ctx, tx, o.Number, o.ID); err != nil {
			return err
		}
		if err := noteNumber(ctx, tx, o.Number); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE orders SET version = ?, number = ?, company_id = ?, contact_id = ?, customer_key = ?,
			order_date = ?, currency = ?, total_minor = ?, payment_status = ?, due_date = ?, paid_at = ?, notes = ?, deal_id = ?,
			updated_at = ? WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			o.Version, o.Number, nullable(o.CompanyID), nullable(o.ContactID), o.CustomerKey(), o.OrderDate, o.Currency,
			o.Total.Minor, o.PaymentStatus, o.DueDate, o.PaidAt, o.Notes, nullable(o.DealID), formatTime(o.UpdatedAt),
			o.ID, baseVersion)
		if err != nil {
			return fmt.Errorf("store: update order %s: %w", o.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return orderMissing(ctx, tx, o.ID, baseVersion)
		}
		return insertOrderLines(ctx, tx, o)
	})
}

// orderMissing explains why an update or delete of id at baseVersion
// touched no row.
func orderMissing(ctx context.Context, q queryRower, id string, baseVersion int) error {
	cur, err := readOrderRow(ctx, q, id)
	if err != nil {
		return err
	}
	if cur.DeletedAt != nil {
		return crm.Errorf(crm.CodeNotFound, "order %s was deleted", id)
	}
	return crm.Errorf(crm.CodeVersionConflict,
		"order %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
}

// DeleteOrder tombstones order id, seen at baseVersion; the version grows.
func (d *DB) DeleteOrder(ctx context.Context, id string, baseVersion int, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE orders SET deleted_at = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND version = ? AND deleted_at IS NULL`, formatTime(at), formatTime(at), id, baseVersion)
		if err != nil {
			return fmt.Errorf("store: delete order %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return orderMissing(ctx, tx, id, baseVersion)
		}
		return nil
	})
}

// RestoreOrder brings back a deleted order, unless a live order took its
// number since.
func (d *DB) RestoreOrder(ctx context.Context, id string, at time.Time) (crm.Order, error) {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := readOrderRow(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.DeletedAt == nil {
			return nil
		}
		if err := checkNumberFree(ctx, tx, cur.Number, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE orders SET deleted_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?`,
			formatTime(at), id); err != nil {
			return fmt.Errorf("store: restore order %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return crm.Order{}, err
	}
	return d.GetOrder(ctx, id)
}

func readOrderRow(ctx context.Context, q queryRower, id string) (crm.Order, error) {
	o, err := scanOrder(q.QueryRowContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, crm.Errorf(crm.CodeNotFound, "order %s does not exist", id)
	}
	if err != nil {
		return o, fmt.Errorf("store: get order %s: %w", id, err)
	}
	return o, nil
}

// GetOrder returns one order, live or tombstoned, with its lines.
func (d *DB) GetOrder(ctx context.Context, id string) (crm.Order, error) {
	o, err := readOrderRow(ctx, d.db, id)
	if err != nil {
		return o, err
	}
	orders := []crm.Order{o}
	if err := d.loadOrderLines(ctx, orders); err != nil {
		return o, err
	}
	return orders[0], nil
}

// loadOrderLines fills the lines of orders, 500 orders per query.
func (d *DB) loadOrderLines(ctx context.Context, orders []crm.Order) error {
	for len(orders) > 500 {
		if err := d.loadOrderLines(ctx, orders[:500]); err != nil {
			return err
		}
		orders = orders[500:]
	}
	if len(orders) == 0 {
		return nil
	}
	at := make(map[string]int, len(orders))
	args := make([]any, len(orders))
	for i, o := range orders {
		at[o.ID] = i
		args[i] = o.ID
	}
	rows, err := d.db.QueryContext(ctx, `SELECT order_id, product, quantity, unit_minor, total_minor FROM order_lines
		WHERE order_id IN (?`+strings.Repeat(", ?", len(orders)-1)+`) ORDER BY order_id, position`, args...)
	if err != nil {
		return fmt.Errorf("store: order lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			l  crm.OrderLine
		)
		if err := rows.Scan(&id, &l.Product, &l.Quantity, &l.UnitPrice.Minor, &l.Total.Minor); err != nil {
			return fmt.Errorf("store: order lines: %w", err)
		}
		o := &orders[at[id]]
		l.UnitPrice.Currency, l.Total.Currency = o.Currency, o.Currency
		o.Lines = append(o.Lines, l)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: order lines: %w", err)
	}
	return nil
}

// ListOrders returns a window of live orders matching q, the newest order
// date first, with their lines, and how many match in all.
func (d *DB) ListOrders(ctx context.Context, q crm.OrderListQuery) (crm.OrderPage, error) {
	where := []string{"deleted_at IS NULL"}
	var args []any
	if q.CompanyID != "" {
		where, args = append(where, "company_id = ?"), append(args, q.CompanyID)
	}
	if q.ContactID != "" {
		where, args = append(where, "contact_id = ?"), append(args, q.ContactID)
	}
	switch q.Status {
	case "":
	case crm.PaymentPaid:
		where = append(where, "payment_status = 'paid'")
	case crm.PaymentDue:
		where, args = append(where, "payment_status = 'due' AND (due_date = '' OR due_date >= ?)"), append(args, q.Today)
	case crm.PaymentOverdue:
		where, args = append(where, "payment_status = 'due' AND due_date <> '' AND due_date < ?"), append(args, q.Today)
	default:
		return crm.OrderPage{}, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("%q is not a payment status", q.Status))
	}
	cond := strings.Join(where, " AND ")
	var page crm.OrderPage
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM orders WHERE `+cond, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("store: count orders: %w", err)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE `+cond+
		` ORDER BY order_date DESC, number DESC LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return page, fmt.Errorf("store: list orders: %w", err)
	}
	if page.Orders, err = collectOrders(rows); err != nil {
		return page, err
	}
	return page, d.loadOrderLines(ctx, page.Orders)
}

func collectOrders(rows *sql.Rows) ([]crm.Order, error) {
	defer rows.Close()
	var out []crm.Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, fmt.Errorf("store: read orders: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read orders: %w", err)
	}
	return out, nil
}

// OverdueOrders returns the live orders still due whose due date is before
// today (YYYY-MM-DD), the longest overdue first.
func (d *DB) OverdueOrders(ctx context.Context, today string) ([]crm.Order, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT `+orderColumns+` FROM orders INDEXED BY orders_unpaid
		WHERE deleted_at IS NULL AND payment_status = 'due' AND due_date <> '' AND due_date < ?
		ORDER BY due_date, order_date, number`, today)
	if err != nil {
		return nil, fmt.Errorf("store: overdue orders: %w", err)
	}
	list, err := collectOrders(rows)
	if err != nil {
		return nil, err
	}
	return list, d.loadOrderLines(ctx, list)
}

// CustomerOrderDates returns, for every customer with live orders, its
// order dates oldest first (customers in key order). key, when not "",
// keeps only that customer.
func (d *DB) CustomerOrderDates(ctx context.Context, key string) ([]crm.CustomerOrderDates, error) {
	q := `SELECT customer_key, coalesce(company_id, ''), coalesce(contact_id, ''), order_date FROM orders INDEXED BY orders_by_customer
		WHERE deleted_at IS NULL`
	var args []any
	if key != "" {
		q, args = q+` AND customer_key = ?`, append(args, key)
	}
	rows, err := d.db.QueryContext(ctx, q+` ORDER BY customer_key, order_date`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: order dates: %w", err)
	}
	defer rows.Close()
	var out []crm.CustomerOrderDates
	for rows.Next() {
		var k, company, contact, date string
		if err := rows.Scan(&k, &company, &contact, &date); err != nil {
			return nil, fmt.Errorf("store: order dates: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Key != k {
			c := crm.CustomerOrderDates{Key: k}
			if strings.HasPrefix(k, "company:") {
				c.CompanyID = company
			} else {
				c.ContactID = contact
			}
			out = append(out, c)
		}
		out[len(out)-1].Dates = append(out[len(out)-1].Dates, date)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: order dates: %w", err)
	}
	return out, nil
}

// ReorderTask returns the task made to remind customer key to re-order
// around expected (YYYY-MM-DD); ok is false when none was made.
func (d *DB) ReorderTask(ctx context.Context, key, expected string) (taskID string, ok bool, err error) {
	err = d.db.QueryRowContext(ctx, `SELECT task_id FROM reorder_reminders WHERE customer_key = ? AND expected_date = ?`,
		key, expected).Scan(&taskID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: re-order reminder %s %s: %w", key, expected, err)
	}
	return taskID, true, nil
}

// SaveReorderTask records the re-order reminder r; a reminder already
// recorded for the customer and date is kept.
func (d *DB) SaveReorderTask(ctx context.Context, r crm.ReorderReminder, at time.Time) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO reorder_reminders (customer_key, expected_date, last_order, task_id, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, r.CustomerKey, r.ExpectedDate, r.LastOrder, r.TaskID, formatTime(at))
	if err != nil {
		return fmt.Errorf("store: save re-order reminder %s %s: %w", r.CustomerKey, r.ExpectedDate, err)
	}
	return nil
}

// UnsettledReorders returns the re-order reminders whose customer has not
// ordered again yet (as far as SettleReorder was told).
func (d *DB) UnsettledReorders(ctx context.Context) ([]crm.ReorderReminder, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT customer_key, expected_date, last_order, task_id FROM reorder_reminders
		WHERE settled_at IS NULL ORDER BY customer_key, expected_date`)
	if err != nil {
		return nil, fmt.Errorf("store: open re-order reminders: %w", err)
	}
	defer rows.Close()
	var out []crm.ReorderReminder
	for rows.Next() {
		var r crm.ReorderReminder
		if err := rows.Scan(&r.CustomerKey, &r.ExpectedDate, &r.LastOrder, &r.TaskID); err != nil {
			return nil, fmt.Errorf("store: open re-order reminders: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SettleReorder marks the reminder of customer key for expected as done:
// the customer ordered again.
func (d *DB) SettleReorder(ctx context.Context, key, expected string, at time.Time) error {
	if _, err := d.db.ExecContext(ctx, `UPDATE reorder_reminders SET settled_at = ? WHERE customer_key = ? AND expected_date = ?`,
		formatTime(at), key, expected); err != nil {
		return fmt.Errorf("store: settle re-order reminder %s %s: %w", key, expected, err)
	}
	return nil
}

// ReorderTasks returns the task of the latest re-order reminder of every
// customer, by customer key.
func (d *DB) ReorderTasks(ctx context.Context) (map[string]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT customer_key, task_id FROM reorder_reminders r
		WHERE expected_date = (SELECT max(expected_date) FROM reorder_reminders WHERE customer_key = r.customer_key)`)
	if err != nil {
		return nil, fmt.Errorf("store: re-order reminders: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, id string
		if err := rows.Scan(&k, &id); err != nil {
			return nil, fmt.Errorf("store: re-order reminders: %w", err)
		}
		out[k] = id
	}
	return out, rows.Err()
}

// OrderDates returns the dates of the live orders of company companyID or
// of contact contactID (whichever is set), oldest first.
func (d *DB) OrderDates(ctx context.Context, companyID, contactID string) ([]string, error) {
	q, arg := `SELECT order_date FROM orders INDEXED BY orders_by_company WHERE company_id = ? AND deleted_at IS NULL ORDER BY order_date`, companyID
	if companyID == "" {
		q, arg = `SELECT order_date FROM orders INDEXED BY orders_by_contact WHERE contact_id = ? AND deleted_at IS NULL ORDER BY order_date`, contactID
	}
	rows, err := d.db.QueryContext(ctx, q, arg)
	if err != nil {
		return nil, fmt.Errorf("store: order dates of %s%s: %w", companyID, contactID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("store: order dates: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
