// Package reports computes Fieldbook's KPIs offline: one file per report,
// each an aggregate query over the local database plus the computation
// that needs Go (exact money conversion into the home currency with
// backend/money, medians, zone-aware months). Every report returns a
// Result: columns and rows for the table and the CSV, and series for a
// chart. Amounts are never floats; ratios carry their numerator and
// denominator.
package reports

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// DB runs the reports' read-only queries (store.DB.ReportQuery).
type DB interface {
	ReportQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Rates gives the converter into the home currency (currencies.Service).
type Rates interface {
	Converter(ctx context.Context) (*money.Converter, error)
}

// Service computes reports.
type Service struct {
	db    DB
	rates Rates
	clock crm.Clock
	zone  func(context.Context) (*time.Location, error)
}

// New returns a Service reading db, converting with rates, "today" from
// clock in the user's zone.
func New(db DB, rates Rates, clock crm.Clock, zone func(context.Context) (*time.Location, error)) *Service {
	return &Service{db: db, rates: rates, clock: clock, zone: zone}
}

// Range is a span of local dates, both inclusive ("YYYY-MM-DD").
type Range struct {
	From, To string
}

// Filters narrow a report. Empty fields mean "all"; an empty range means
// the last 12 whole months up to today.
type Filters struct {
	Range
	OwnerID    string
	PipelineID string
	// Period is the revenue report's bucket: day, week, month (default) or quarter.
	Period string
}

// Periods are the revenue buckets.
var Periods = []string{"day", "week", "month", "quarter"}

// Kind is what a column or cell holds.
type Kind string

// The cell kinds.
const (
	KindText    Kind = "text"
	KindInt     Kind = "int"
	KindMoney   Kind = "money"
	KindPercent Kind = "percent" // a ratio Num/Den shown as a percentage
	KindNumber  Kind = "number"  // a decimal measure (days, hours, a score)
	KindMonth   Kind = "month"   // "YYYY-MM"
	KindDate    Kind = "date"    // "YYYY-MM-DD"
)

// Column is one table column: Key names it (CSV header, i18n key); Label
// is the data's own name for data-named columns ("" otherwise).
type Column struct {
	Key   string
	Kind  Kind
	Label string
}

// Cell is one value. Which fields count depends on Kind: Text (text, month,
// date), Int, Money, Num/Den (percent: Den 0 = no value), Float with
// Decimals (number; Null = no value).
type Cell struct {
	Kind     Kind
	Text     string
	Int      int64
	Money    crm.Money
	Num, Den int64
	Float    float64
	Decimals int
	Null     bool
}

// TextCell is a text cell.
func TextCell(s string) Cell { return Cell{Kind: KindText, Text: s} }

// IntCell is a count.
func IntCell(n int64) Cell { return Cell{Kind: KindInt, Int: n} }

// MoneyCell is an amount.
func MoneyCell(m crm.Money) Cell { return Cell{Kind: KindMoney, Money: m} }

// MonthCell is a month "YYYY-MM".
func MonthCell(m string) Cell { return Cell{Kind: KindMonth, Text: m} }

// DateCell is a date "YYYY-MM-DD".
func DateCell(d string) Cell { return Cell{Kind: KindDate, Text: d} }

// RatioCell is num/den as a percentage; den 0 is "no value".
func RatioCell(num, den int64) Cell { return Cell{Kind: KindPercent, Num: num, Den: den} }

// NumberCell is a measure written with decimals digits.
func NumberCell(f float64, decimals int) Cell {
	return Cell{Kind: KindNumber, Float: f, Decimals: decimals}
}

// NullNumber is a measure with no value (nothing to average).
func NullNumber() Cell { return Cell{Kind: KindNumber, Null: true} }

// Row is one table row; ID names what it is about (a stage, an owner, a
// month) for drill-down, "" when nothing.
type Row struct {
	ID    string
	Cells []Cell
}

// Series is one chart series, values parallel to the chart's categories.
// Unit is count, money, percent, days, hours or score.
type Series struct {
	Key, Label, Unit string
	Values           []Cell
}

// Chart is a category axis and its series.
type Chart struct {
	Kind       string
	Categories []Cell
	Series     []Series
}

// Result is one report run.
type Result struct {
	Name    string
	Filters Filters // as resolved
	Home    string
	Columns []Column
	Rows    []Row
	Total   *Row
	Chart   Chart
	// MissingRates lists currencies left out of converted totals for want
	// of an exchange rate.
	MissingRates []string
	// Extra holds scalar figures (a backlog, a retention's parts).
	Extra map[string]Cell
}

// Info describes a report: its name, which filters apply and its chart.
type Info struct {
	Name    string
	Filters []string
	Chart   string
}

type runner func(s *Service, ctx context.Context, q query) (Result, error)

type entry struct {
	Info
	run runner
}

// catalogue lists the reports in menu order.
var catalogue = []entry{
	{Info{"pipeline_by_stage", []string{"owner", "pipeline"}, "bar"}, (*Service).pipelineByStage},
	{Info{"forecast", []string{"range", "owner", "pipeline"}, "bar"}, (*Service).forecast},
	{Info{"win_rate", []string{"range", "owner", "pipeline"}, "bar"}, (*Service).winRate},
	{Info{"sales_cycle", []string{"range", "owner", "pipeline"}, "bar"}, (*Service).salesCycle},
	{Info{"lead_conversion", []string{"range", "owner"}, "bar"}, (*Service).leadConversion},
	{Info{"revenue", []string{"range", "period", "owner", "pipeline"}, "line"}, (*Service).revenue},
	{Info{"activities", []string{"range", "owner"}, "stacked"}, (*Service).activities},
	{Info{"campaign_roi", []string{"range", "owner"}, "bar"}, (*Service).campaignROI},
	{Info{"nps_csat", []string{"range", "owner"}, "line"}, (*Service).npsCSAT},
	{Info{"case_resolution", []string{"range", "owner"}, "barline"}, (*Service).caseResolution},
	{Info{"retention", []string{"range"}, "bar"}, (*Service).retention},
}

// Catalogue lists the reports in menu order.
func Catalogue() []Info {
	out := make([]Info, len(catalogue))
	for i, e := range catalogue {
		out[i] = e.Info
	}
	return out
}

// CodeUnknown and CodeInvalid are the reports' error codes.
const (
	CodeUnknown = "report_unknown"
	CodeInvalid = "report_invalid"
)

// query is a resolved run: filters, the zone, the range as UTC instants
// (stored text) and local dates, today, and the converter.
type query struct {
	Filters
	loc          *time.Location
	from, to     time.Time // [from, to) instants: local midnight of From and of the day after To
	fromTS, toTS string    // the same as stored timestamps
	today        string
	conv         *money.Converter
}

// Run computes the report name with f.
func (s *Service) Run(ctx context.Context, name string, f Filters) (Result, error) {
	for _, e := range catalogue {
		if e.Name != name {
			continue
		}
		q, err := s.resolve(ctx, f)
		if err != nil {
			return Result{}, err
		}
		r, err := e.run(s, ctx, q)
		if err != nil {
			if isMissingTable(err) {
				r = Result{}
			} else {
				return Result{}, fmt.Errorf("reports: %s: %w", name, err)
			}
		}
		r.Name, r.Filters, r.Home = name, q.Filters, q.conv.Home()
		if r.Chart.Kind == "" {
			r.Chart.Kind = e.Chart
		}
		return r, nil
	}
	return Result{}, crm.FieldError(CodeUnknown, "name", fmt.Sprintf("there is no report %q", name))
}

// isMissingTable tells a query on a table this build does not have (a
// report over an area not yet in the database): the report is empty.
func isMissingTable(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "no such column"))
}

const timeLayout = "2006-01-02T15:04:05.000Z"

func stamp(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("reports: bad timestamp %q: %w", s, err)
	}
	return t, nil
}

func (s *Service) location(ctx context.Context) (*time.Location, error) {
	loc, err := s.zone(ctx)
	if err != nil {
		return nil, fmt.Errorf("reports: user zone: %w", err)
	}
	if loc == nil {
		loc = time.UTC
	}
	return loc, nil
}

// resolve fills in the default range and reads the zone and rates.
func (s *Service) resolve(ctx context.Context, f Filters) (query, error) {
	loc, err := s.location(ctx)
	if err != nil {
		return query{}, err
	}
	now := s.clock.Now().In(loc)
	today := now.Format(time.DateOnly)
	if f.To == "" {
		f.To = today
	}
	to, err := time.ParseInLocation(time.DateOnly, f.To, loc)
	if err != nil {
		return query{}, crm.FieldError(CodeInvalid, "to", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", f.To))
	}
	if f.From == "" {
		f.From = time.Date(to.Year(), to.Month()-11, 1, 0, 0, 0, 0, loc).Format(time.DateOnly)
	}
	from, err := time.ParseInLocation(time.DateOnly, f.From, loc)
	if err != nil {
		return query{}, crm.FieldError(CodeInvalid, "from", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", f.From))
	}
	if to.Before(from) {
		return query{}, crm.FieldError(CodeInvalid, "to", "the range ends before it starts")
	}
	switch f.Period {
	case "":
		f.Period = "month"
	case "day", "week", "month", "quarter":
	default:
		return query{}, crm.FieldError(CodeInvalid, "period", fmt.Sprintf("%q is not day, week, month or quarter", f.Period))
	}
	conv, err := s.rates.Converter(ctx)
	if err != nil {
		return query{}, fmt.Errorf("reports: exchange rates: %w", err)
	}
	end := to.AddDate(0, 0, 1)
	return query{Filters: f, loc: loc, from: from, to: end, fromTS: stamp(from), toTS: stamp(end), today: today, conv: conv}, nil
}

// localDate is the day of a stored instant in loc.
func localDate(ts string, loc *time.Location) (string, error) {
	t, err := parseStamp(ts)
	if err != nil {
		return "", err
	}
	return t.In(loc).Format(time.DateOnly), nil
}

// months lists "YYYY-MM" from the month of from to the month of to (dates).
func months(from, to string) []string {
	var out []string
	if len(from) < 7 || len(to) < 7 {
		return out
	}
	t, err := time.Parse("2006-01", from[:7])
	if err != nil {
		return out
	}
	for m := t.Format("2006-01"); m <= to[:7]; m = t.Format("2006-01") {
		out = append(out, m)
		t = t.AddDate(0, 1, 0)
	}
	return out
}

// ownerNames maps owner ids to names (tombstoned owners too).
func (s *Service) ownerNames(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.ReportQuery(ctx, `SELECT id, name FROM owners`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

// dealWhere is the owner/pipeline condition on deals aliased d.
func dealWhere(q query) (string, []any) {
	var conds []string
	var args []any
	if q.OwnerID != "" {
		conds = append(conds, "d.owner_id = ?")
		args = append(args, q.OwnerID)
	}
	if q.PipelineID != "" {
		conds = append(conds, "d.pipeline_id = ?")
		args = append(args, q.PipelineID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " AND " + strings.Join(conds, " AND "), args
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }
