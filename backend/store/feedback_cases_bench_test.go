package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
)

// BenchmarkCareReports measures what the NPS/CSAT and case-resolution
// reports read, over 100,000 answers and 20,000 cases spread over a year
// (1,000 contacts, 100 companies): the store's range read plus the pure
// summaries, and the lists the feedback and cases areas show.
func BenchmarkCareReports(b *testing.B) {
	ctx := context.Background()
	db, clock := openTestDB(b)
	fb, desk := feedback.New(db, clock), cases.New(db, clock)
	end := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	start := end.AddDate(-1, 0, 0)
	span := int64(end.Sub(start) / time.Second)
	rng := rand.New(rand.NewPCG(1, 2))
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	stamp := formatTime(end)
	for i := range 100_000 {
		kind, score := "nps", rng.IntN(11)
		if i%3 == 0 {
			kind, score = "csat", 1+rng.IntN(5)
		}
		at := start.Add(time.Duration(rng.Int64N(span)) * time.Second)
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback (id, version, contact_id, company_id, kind, score, received_at, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`, fmt.Sprintf("f%06d", i), fmt.Sprintf("c%04d", rng.IntN(1000)), fmt.Sprintf("co%03d", rng.IntN(100)),
			kind, score, formatTime(at), stamp, stamp); err != nil {
			b.Fatal(err)
		}
	}
	statuses := []string{"open", "pending", "resolved", "resolved", "closed", "resolved", "resolved", "closed"}
	for i := range 20_000 {
		opened := start.Add(time.Duration(rng.Int64N(span)) * time.Second)
		st := statuses[rng.IntN(len(statuses))]
		var resolved any
		if st == "resolved" || st == "closed" {
			resolved = formatTime(opened.Add(time.Duration(1+rng.IntN(200)) * time.Hour))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO cases (id, version, number, subject, contact_id, company_id, priority, status, opened_at, resolved_at, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, fmt.Sprintf("k%06d", i), fmt.Sprintf("C-%d-%05d", opened.Year(), i), fmt.Sprintf("Case %d", i),
			fmt.Sprintf("c%04d", rng.IntN(1000)), fmt.Sprintf("co%03d", rng.IntN(100)), []string{"low", "normal", "high", "urgent"}[rng.IntN(4)],
			st, formatTime(opened), resolved, stamp, stamp); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.Run("nps-csat-by-month-12-months", func(b *testing.B) {
		for b.Loop() {
			if s, err := fb.Summary(ctx, start, end, time.UTC); err != nil || s.Count != 100_000 || len(s.Months) != 13 {
				b.Fatalf("summary %d answers, %d months: %v", s.Count, len(s.Months), err)
			}
		}
	})
	b.Run("nps-csat-last-30-days", func(b *testing.B) {
		for b.Loop() {
			if _, err := fb.Summary(ctx, end.AddDate(0, 0, -30), end, time.UTC); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("nps-csat-12-months-row-by-row", func(b *testing.B) {
		for b.Loop() {
			fs, err := db.FeedbackBetween(ctx, start, end)
			if err != nil {
				b.Fatal(err)
			}
			feedback.Summarize(fs, start, end, time.UTC)
		}
	})
	b.Run("feedback-list-company-first-50", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ListFeedback(ctx, crm.FeedbackQuery{CompanyID: "co007", Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("feedback-list-range-first-200", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ListFeedback(ctx, crm.FeedbackQuery{From: start, To: end, Limit: 200}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("resolution-time-12-months-and-backlog", func(b *testing.B) {
		for b.Loop() {
			st, err := desk.Stats(ctx, start, end)
			if err != nil || st.Resolution.Count == 0 || st.Backlog.Total == 0 {
				b.Fatalf("stats %+v %v", st, err)
			}
		}
	})
	b.Run("cases-open-by-priority-first-100", func(b *testing.B) {
		q := crm.CaseQuery{Statuses: []crm.CaseStatus{crm.CaseOpen, crm.CasePending}, Sort: crm.CaseSortPriority, Desc: true, Limit: 100}
		for b.Loop() {
			if _, err := db.ListCases(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cases-text-search-first-100", func(b *testing.B) {
		q := crm.CaseQuery{Text: "Case 1999", Limit: 100}
		for b.Loop() {
			if _, err := db.ListCases(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
}
