package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// saveTo is a save dialog that answers path.
type saveTo struct {
	FileDialogs
	path string
}

func (d saveTo) SaveFile(title, defaultName string) (string, error) { return d.path, nil }

func TestReportsService(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dialogs := &SwitchableDialogs{}
	s := NewServices(ctx, db, Config{Version: "test", DefaultLanguage: "en", Clock: crm.SystemClock{}, Events: &recorder{}, Dialogs: dialogs})
	if len(s.Reports.Reports()) != 11 || s.Reports.Reports()[0].Name != "pipeline_by_stage" {
		t.Fatalf("catalogue %+v", s.Reports.Reports())
	}
	// Home USD (no phone region). Two open deals in Qualified (10%):
	// 1,234.50 + 100.00 = 1,334.50, weighted 123.45 + 10.00 = 133.45.
	var dealID string
	for _, amount := range []string{"1234.50", "100"} {
		d, err := s.Deals.Create(DealInput{Title: "Deal", Amount: amount, Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		dealID = d.ID
	}
	r, err := s.Reports.Run("pipeline_by_stage", ReportFilters{})
	if err != nil {
		t.Fatal(err)
	}
	q := r.Rows[0]
	if q.Cells[0].Text != "Qualified" || q.Cells[2].Text != "2" || q.Cells[3].Text != "$1,334.50" || q.Cells[3].Value != "1334.50" ||
		q.Cells[4].Value != "133.45" || q.Cells[1].Text != "10.0%" || q.Cells[1].Num != "10" || q.Cells[1].Den != "100" {
		t.Errorf("qualified row %+v", q)
	}
	if len(r.Chart.Categories) != 4 || r.Chart.Series[0].Values[0] != "1334.50" || r.Chart.Series[0].Texts[0] != "$1,334.50" {
		t.Errorf("chart %+v", r.Chart)
	}
	// In Bengali the count uses Bengali digits.
	if _, err := s.Settings.SetLanguage("bn"); err != nil {
		t.Fatal(err)
	}
	r, err = s.Reports.Run("pipeline_by_stage", ReportFilters{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Rows[0].Cells[2].Text; got != "২" {
		t.Errorf("bn count %q", got)
	}
	if got := r.Rows[0].Cells[2].Value; got != "2" {
		t.Errorf("bn raw value %q", got)
	}
	if _, err := s.Reports.Run("nope", ReportFilters{}); crm.ErrorCode(err) != "report_unknown" {
		t.Errorf("unknown report: %v", err)
	}
	text, err := s.Reports.CSV("pipeline_by_stage", ReportFilters{})
	if err != nil || !strings.HasPrefix(text, "\uFEFFstage,probability,count,total,total_currency,weighted,weighted_currency\r\nQualified,0.1000,2,1334.50,USD,133.45,USD\r\n") {
		t.Errorf("csv %q, %v", text, err)
	}
	// Export: no window yet, then a dialog answering a path.
	if _, err := s.Reports.ExportCSV("pipeline_by_stage", ReportFilters{}); err == nil {
		t.Error("export without a window succeeded")
	}
	out := filepath.Join(t.TempDir(), "pipeline.csv")
	dialogs.Set(saveTo{path: out})
	path, err := s.Reports.ExportCSV("pipeline_by_stage", ReportFilters{})
	if err != nil || path != out {
		t.Fatalf("export = %q, %v", path, err)
	}
	if b, _ := os.ReadFile(out); string(b) != text {
		t.Errorf("exported file differs from CSV():\n%s", b)
	}
	// A path typed in the export dialog: written without asking; a relative
	// path or a missing folder is refused with a message, nothing written.
	typed := filepath.Join(t.TempDir(), "typed.csv")
	if path, err := s.Reports.SaveCSV("pipeline_by_stage", ReportFilters{}, typed); err != nil || path != typed {
		t.Fatalf("SaveCSV to a path = %q, %v", path, err)
	}
	if b, _ := os.ReadFile(typed); string(b) != text {
		t.Errorf("file written to the typed path differs from CSV():\n%s", b)
	}
	if _, err := s.Reports.SaveCSV("pipeline_by_stage", ReportFilters{}, "report.csv"); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Errorf("relative path: %v", err)
	}
	if _, err := s.Reports.SaveCSV("pipeline_by_stage", ReportFilters{}, filepath.Join(t.TempDir(), "no", "such", "x.csv")); crm.ErrorCode(err) != crm.CodeFileUnreadable {
		t.Errorf("missing folder: %v", err)
	}
	// The dashboard: the pipeline, and a call just logged in the recent list.
	if _, err := s.Activities.Log(ActivityInput{Kind: "call", OccurredAt: time.Now().UTC().Format(time.RFC3339), Subject: "Hello",
		DealID: dealID}); err != nil {
		t.Fatal(err)
	}
	// Today's all-day meeting, a task due today and one due yesterday.
	loc, err := s.Calendar.svc.UserLocation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(loc)
	today, tomorrow, yesterday := now.Format(time.DateOnly), now.AddDate(0, 0, 1).Format(time.DateOnly), now.AddDate(0, 0, -1).Format(time.DateOnly)
	if _, err := s.Calendar.CreateEvent(EventInput{Title: "Board meeting", Start: today, End: tomorrow, AllDay: true}); err != nil {
		t.Fatal(err)
	}
	for _, in := range []TaskInput{{Title: "Today's task", Due: today}, {Title: "Late task", Due: yesterday}} {
		if _, err := s.Tasks.CreateTask(in); err != nil {
			t.Fatal(err)
		}
	}
	d, err := s.Reports.Dashboard()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Meetings) != 1 || d.Meetings[0].Title != "Board meeting" || len(d.Tasks) != 1 || d.Tasks[0].Title != "Today's task" ||
		len(d.OverdueTasks) != 1 || d.OverdueTasks[0].Title != "Late task" || d.Today != today {
		t.Errorf("dashboard day: meetings %+v tasks %+v overdue %+v today %s", d.Meetings, d.Tasks, d.OverdueTasks, d.Today)
	}
	if len(d.Recent) != 1 || d.Recent[0].Subject != "Hello" || len(d.Pipeline.Rows) != 4 || d.Today == "" || d.Meetings == nil || d.OverduePayments == nil {
		t.Errorf("dashboard %+v", d)
	}
}
