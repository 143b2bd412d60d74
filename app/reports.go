package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
	"fieldbook/backend/reports"
)

// Dashboard sources: the bound services whose lists the home page shows.
type (
	// DayMeetings lists calendar occurrences in a window (CalendarService).
	DayMeetings interface {
		Occurrences(q OccurrenceQuery) ([]OccurrenceDTO, error)
	}
	// TaskLists lists tasks (TasksService).
	TaskLists interface {
		Tasks(q TaskQuery) ([]TaskDTO, error)
	}
	// RecentActivity pages the activity timeline (ActivitiesService).
	RecentActivity interface {
		Timeline(req TimelineRequest) (TimelinePage, error)
	}
)

// ReportsService is bound to the front end: the home dashboard and the
// reports (a table, a chart and CSV export each) over the selling and
// service data.
type ReportsService struct {
	ctx      context.Context
	svc      *reports.Service
	lang     func() string
	zone     func(context.Context) (*time.Location, error)
	clock    crm.Clock
	dialogs  *SwitchableDialogs
	meetings DayMeetings
	tasks    TaskLists
	recent   RecentActivity
}

// NewReportsService builds the reports binding: lang is the UI language
// cells are written for, zone the user's zone ("today"), dialogs the save
// dialog of ExportCSV; meetings, tasks and recent feed the dashboard.
func NewReportsService(ctx context.Context, svc *reports.Service, lang func() string, zone func(context.Context) (*time.Location, error),
	clock crm.Clock, dialogs *SwitchableDialogs, meetings DayMeetings, tasks TaskLists, recent RecentActivity) *ReportsService {
	return &ReportsService{ctx: ctx, svc: svc, lang: lang, zone: zone, clock: clock, dialogs: dialogs,
		meetings: meetings, tasks: tasks, recent: recent}
}

// Reports lists the reports in menu order.
func (s *ReportsService) Reports() []ReportInfo {
	cat := reports.Catalogue()
	out := make([]ReportInfo, len(cat))
	for i, r := range cat {
		out[i] = ReportInfo{Name: r.Name, Filters: r.Filters, Chart: r.Chart}
	}
	return out
}

func (f ReportFilters) filters() reports.Filters {
	return reports.Filters{Range: reports.Range{From: strings.TrimSpace(f.From), To: strings.TrimSpace(f.To)},
		OwnerID: f.OwnerID, PipelineID: f.PipelineID, Period: f.Period}
}

// Run computes one report, its cells written for the UI language.
func (s *ReportsService) Run(name string, f ReportFilters) (ReportDTO, error) {
	r, err := s.svc.Run(s.ctx, name, f.filters())
	if err != nil {
		return ReportDTO{}, err
	}
	return toReportDTO(r, s.lang()), nil
}

// CSV returns a report as CSV text (UTF-8 with a byte order mark).
func (s *ReportsService) CSV(name string, f ReportFilters) (string, error) {
	r, err := s.svc.Run(s.ctx, name, f.filters())
	if err != nil {
		return "", err
	}
	b, err := reports.CSV(r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// ExportCSV asks where to save a report as CSV and writes it; it returns
// the path written, "" when the user cancelled.
func (s *ReportsService) ExportCSV(name string, f ReportFilters) (string, error) {
	return s.SaveCSV(name, f, "")
}

// SaveCSV writes report name with filters f as CSV to path, an absolute
// file path typed in the export dialog; with path "" it asks where with
// the save dialog first. It returns the path written ("" when the dialog
// was cancelled).
func (s *ReportsService) SaveCSV(name string, f ReportFilters, path string) (string, error) {
	r, err := s.svc.Run(s.ctx, name, f.filters())
	if err != nil {
		return "", err
	}
	b, err := reports.CSV(r)
	if err != nil {
		return "", err
	}
	if path = strings.TrimSpace(path); path == "" {
		if s.dialogs == nil {
			return "", fmt.Errorf("reports: no window: file dialogs are not available")
		}
		d, err := s.dialogs.get()
		if err != nil {
			return "", err
		}
		path, err = d.SaveFile("Export report", fmt.Sprintf("%s-%s-%s.csv", name, r.Filters.From, r.Filters.To))
		if err != nil || path == "" {
			return "", err
		}
	} else if !filepath.IsAbs(path) {
		return "", crm.FieldError(crm.CodeInvalidInput, "path", fmt.Sprintf("%q is not a full path to a file", path))
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return "", crm.FieldError(crm.CodeFileUnreadable, "path", fmt.Sprintf("cannot write %s: %v", path, err))
	}
	return path, nil
}

// recentCount is how many activities the dashboard shows.
const recentCount = 10

// Dashboard returns the home page for today in the user's zone.
func (s *ReportsService) Dashboard() (DashboardDTO, error) {
	d, err := s.svc.Dashboard(s.ctx)
	if err != nil {
		return DashboardDTO{}, err
	}
	lang := s.lang()
	out := DashboardDTO{Today: d.Today, Pipeline: toReportDTO(d.Pipeline, lang),
		Forecast: toMoneyDTO(d.Forecast, lang), Won: toMoneyDTO(d.Won, lang), MissingRates: orEmpty(d.MissingRates),
		Meetings: []OccurrenceDTO{}, Tasks: []TaskDTO{}, OverdueTasks: []TaskDTO{}, OverduePayments: []OverduePayment{}, Recent: []Activity{}}
	for _, p := range d.OverduePayments {
		out.OverduePayments = append(out.OverduePayments, OverduePayment{OrderID: p.OrderID, Number: p.Number,
			CustomerName: p.CustomerName, CompanyID: p.CompanyID, ContactID: p.ContactID, DueDate: p.DueDate,
			DaysOverdue: p.DaysOverdue, Amount: toMoneyDTO(p.Amount, lang)})
	}
	loc, err := s.zone(s.ctx)
	if err != nil {
		return DashboardDTO{}, fmt.Errorf("reports: user zone: %w", err)
	}
	day, err := time.ParseInLocation(time.DateOnly, d.Today, loc)
	if err != nil {
		return DashboardDTO{}, fmt.Errorf("reports: today: %w", err)
	}
	if s.meetings != nil {
		m, err := s.meetings.Occurrences(OccurrenceQuery{From: instant(day), To: instant(day.AddDate(0, 0, 1))})
		if err != nil {
			return DashboardDTO{}, err
		}
		out.Meetings = append(out.Meetings, m...)
	}
	if s.tasks != nil {
		t, err := s.tasks.Tasks(TaskQuery{List: crm.TaskListToday})
		if err != nil {
			return DashboardDTO{}, err
		}
		out.Tasks = append(out.Tasks, t...)
		o, err := s.tasks.Tasks(TaskQuery{List: crm.TaskListOverdue})
		if err != nil {
			return DashboardDTO{}, err
		}
		out.OverdueTasks = append(out.OverdueTasks, o...)
	}
	if s.recent != nil {
		p, err := s.recent.Timeline(TimelineRequest{Limit: recentCount})
		if err != nil {
			return DashboardDTO{}, err
		}
		out.Recent = append(out.Recent, p.Items...)
	}
	return out, nil
}

// toReportDTO writes a result for readers of lang.
func toReportDTO(r reports.Result, lang string) ReportDTO {
	out := ReportDTO{Name: r.Name, Home: r.Home, Columns: []ReportColumn{}, Rows: []ReportRow{},
		MissingRates: orEmpty(r.MissingRates), Extra: map[string]ReportCell{},
		Filters: ReportFilters{From: r.Filters.From, To: r.Filters.To, OwnerID: r.Filters.OwnerID, PipelineID: r.Filters.PipelineID, Period: r.Filters.Period},
		Chart:   ReportChart{Kind: r.Chart.Kind, Categories: []string{}, Series: []ReportSeries{}}}
	for _, c := range r.Columns {
		out.Columns = append(out.Columns, ReportColumn{Key: c.Key, Kind: string(c.Kind), Label: c.Label})
	}
	for _, row := range r.Rows {
		out.Rows = append(out.Rows, toReportRow(row, lang))
	}
	if r.Total != nil {
		t := toReportRow(*r.Total, lang)
		out.Total = &t
	}
	for k, c := range r.Extra {
		out.Extra[k] = toReportCell(c, lang)
	}
	for _, c := range r.Chart.Categories {
		out.Chart.Categories = append(out.Chart.Categories, toReportCell(c, lang).Text)
	}
	for _, se := range r.Chart.Series {
		ds := ReportSeries{Key: se.Key, Label: se.Label, Unit: se.Unit, Values: []string{}, Texts: []string{}}
		for _, v := range se.Values {
			c := toReportCell(v, lang)
			val := c.Value
			if v.Kind == reports.KindPercent {
				val = v.Percent(2) // charts draw percentages
			}
			ds.Values = append(ds.Values, val)
			ds.Texts = append(ds.Texts, c.Text)
		}
		out.Chart.Series = append(out.Chart.Series, ds)
	}
	return out
}

func toReportRow(r reports.Row, lang string) ReportRow {
	out := ReportRow{ID: r.ID, Cells: make([]ReportCell, len(r.Cells))}
	for i, c := range r.Cells {
		out.Cells[i] = toReportCell(c, lang)
	}
	return out
}

// noValue is what a cell without a value shows.
const noValue = "—"

// toReportCell writes one cell for lang: money with the backend's money
// formatter, numbers with the language's digits.
func toReportCell(c reports.Cell, lang string) ReportCell {
	out := ReportCell{Value: c.Raw()}
	switch c.Kind {
	case reports.KindMoney:
		out.Currency = c.Money.Currency
		if c.Money.Currency != "" {
			out.Text = money.Format(c.Money, lang)
		}
	case reports.KindPercent:
		if c.Den == 0 {
			out.Text = noValue
		} else {
			out.Text = localDigits(c.Percent(1), lang) + "%"
		}
		out.Num, out.Den = fmt.Sprint(c.Num), fmt.Sprint(c.Den)
	case reports.KindInt, reports.KindNumber:
		if out.Value == "" {
			out.Text = noValue
		} else {
			out.Text = localDigits(out.Value, lang)
		}
	case reports.KindMonth:
		out.Text = monthText(c.Text, lang)
	case reports.KindDate:
		out.Text = localDigits(c.Text, lang)
	default:
		out.Text = c.Text
	}
	return out
}

// localDigits writes ASCII digits in the script of lang (Bengali digits
// for "bn").
func localDigits(s, lang string) string {
	if !strings.HasPrefix(lang, "bn") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '০' + (r - '0')
		}
		return r
	}, s)
}

var monthNames = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"bn": {"জানু", "ফেব্রু", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টে", "অক্টো", "নভে", "ডিসে"},
}

// monthText writes "2026-03" as "Mar 2026" in lang.
func monthText(m, lang string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	names, ok := monthNames[strings.SplitN(lang, "-", 2)[0]]
	if !ok {
		names = monthNames["en"]
	}
	return names[t.Month()-1] + " " + localDigits(fmt.Sprint(t.Year()), lang)
}
