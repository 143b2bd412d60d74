package reports

import (
	"context"
	"time"

	"fieldbook/backend/crm"
)

// OverduePayment is an unpaid order past its due date.
type OverduePayment struct {
	OrderID, Number       string
	CompanyID, ContactID  string
	CustomerName, DueDate string
	DaysOverdue           int
	Amount                crm.Money
}

// Dashboard is the home page's selling figures for today (the app adds
// the day's meetings and tasks and the recent activity from their own
// services).
type Dashboard struct {
	Today    string
	Pipeline Result
	// Forecast is this month's weighted forecast, Won what was won this
	// month, in the home currency.
	Forecast, Won crm.Money
	MissingRates  []string
	// OverduePayments are the unpaid orders past due, longest overdue first.
	OverduePayments []OverduePayment
}

// maxOverdue is how many overdue payments the dashboard lists.
const maxOverdue = 20

// Dashboard computes the dashboard's figures.
func (s *Service) Dashboard(ctx context.Context) (Dashboard, error) {
	pipe, err := s.Run(ctx, "pipeline_by_stage", Filters{})
	if err != nil {
		return Dashboard{}, err
	}
	loc, err := s.location(ctx)
	if err != nil {
		return Dashboard{}, err
	}
	now := s.clock.Now().In(loc)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, loc)
	last := first.AddDate(0, 1, -1)
	fc, err := s.Run(ctx, "forecast", Filters{Range: Range{From: first.Format(time.DateOnly), To: last.Format(time.DateOnly)}})
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Today: now.Format(time.DateOnly), Pipeline: pipe,
		Forecast: crm.Money{Currency: pipe.Home}, Won: crm.Money{Currency: pipe.Home}, MissingRates: fc.MissingRates}
	if len(fc.Rows) == 1 {
		d.Forecast, d.Won = fc.Rows[0].Cells[2].Money, fc.Rows[0].Cells[3].Money
	}
	if d.OverduePayments, err = s.overduePayments(ctx, d.Today); err != nil && !isMissingTable(err) {
		return Dashboard{}, err
	}
	return d, nil
}

// overduePayments lists unpaid orders whose due date is before today.
func (s *Service) overduePayments(ctx context.Context, today string) ([]OverduePayment, error) {
	rows, err := s.db.ReportQuery(ctx, `SELECT o.id, o.number, COALESCE(o.company_id, ''), COALESCE(o.contact_id, ''),
			COALESCE(co.name, c.display_name, ''), o.due_date, o.total_minor, o.currency
		FROM orders o LEFT JOIN companies co ON co.id = o.company_id LEFT JOIN contacts c ON c.id = o.contact_id
		WHERE o.deleted_at IS NULL AND o.payment_status = 'due' AND o.due_date <> '' AND o.due_date < ?
		ORDER BY o.due_date, o.number LIMIT ?`, today, maxOverdue)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t, _ := time.Parse(time.DateOnly, today)
	var out []OverduePayment
	for rows.Next() {
		var p OverduePayment
		if err := rows.Scan(&p.OrderID, &p.Number, &p.CompanyID, &p.ContactID, &p.CustomerName, &p.DueDate, &p.Amount.Minor, &p.Amount.Currency); err != nil {
			return nil, err
		}
		if due, err := time.Parse(time.DateOnly, p.DueDate); err == nil {
			p.DaysOverdue = int(t.Sub(due).Hours()/24 + 0.5)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
