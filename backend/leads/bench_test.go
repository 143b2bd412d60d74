package leads_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
	"fieldbook/backend/store"
)

// BenchmarkRescoreAll5000 rescores 5,000 leads after a rules change that
// moves every score (alternating rules so each iteration writes them all).
func BenchmarkRescoreAll5000(b *testing.B) {
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.WithClock(clock))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ls := make([]crm.Lead, 5000)
	for i := range ls {
		now := clock.Now()
		ls[i] = crm.Lead{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
			LeadFields: crm.LeadFields{Name: fmt.Sprintf("Lead %d", i), Source: []string{"web", "referral", "trade_show"}[i%3], Status: crm.LeadNew,
				Title: []string{"Head of IT", "Clerk"}[i%2], Email: fmt.Sprintf("l%d@x.test", i)}}
	}
	if err := db.CreateLeads(ctx, ls); err != nil {
		b.Fatal(err)
	}
	svc := leads.New(db, clock)
	rules := leads.DefaultRules()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		rules[1].Points = 10 + i%2 // web
		rules[4].Points = 10 + i%2 // title
		rules[6].Points = 5 + i%2  // e-mail: every lead changes
		if _, err := svc.SaveRules(ctx, rules); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListByScore5000 reads the first page of 5,000 leads by score.
func BenchmarkListByScore5000(b *testing.B) {
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.WithClock(clock))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := leads.New(db, clock)
	ls := make([]crm.Lead, 5000)
	for i := range ls {
		now := clock.Now()
		f := crm.LeadFields{Name: fmt.Sprintf("Lead %d", i), Source: []string{"web", "referral", "trade_show", "cold_list"}[i%4], Status: crm.LeadNew}
		score, reasons := leads.Score(f, nil, leads.DefaultRules())
		ls[i] = crm.Lead{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, LeadFields: f, Score: score, ScoreReasons: reasons}
	}
	if err := db.CreateLeads(ctx, ls); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		page, err := svc.List(ctx, crm.LeadFilter{Limit: 200})
		if err != nil || page.Total != 5000 {
			b.Fatal(page.Total, err)
		}
	}
}
