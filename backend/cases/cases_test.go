package cases_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/cases"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func setup(t *testing.T) (*cases.Service, *contacts.Service, *tick) {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return cases.New(db, clock), contacts.New(db, clock), clock
}

var base = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

func resolved(id string, opened time.Time, took time.Duration) crm.Case {
	r := opened.Add(took)
	return crm.Case{ID: id, CaseFields: crm.CaseFields{Status: crm.CaseResolved}, OpenedAt: opened, ResolvedAt: &r}
}

// Expected figures worked out by hand.
func TestResolutionHandComputed(t *testing.T) {
	open := crm.Case{ID: "open", CaseFields: crm.CaseFields{Status: crm.CaseOpen}, OpenedAt: base}
	gone := resolved("gone", base, 100*time.Hour)
	gone.DeletedAt = &base
	for _, tc := range []struct {
		name                string
		cs                  []crm.Case
		n                   int
		mean, median, total time.Duration
	}{
		{"none", nil, 0, 0, 0, 0},
		{"odd", []crm.Case{resolved("a", base, 2*time.Hour), resolved("b", base, 9*time.Hour), resolved("c", base, 4*time.Hour), open, gone},
			3, 5 * time.Hour, 4 * time.Hour, 15 * time.Hour},
		{"even", []crm.Case{resolved("a", base, 10*time.Hour), resolved("b", base, time.Hour), resolved("c", base, 4*time.Hour), resolved("d", base, 2*time.Hour)},
			4, 4*time.Hour + 15*time.Minute, 3 * time.Hour, 17 * time.Hour},
		{"resolved before opened counts zero", []crm.Case{resolved("a", base, -time.Hour), resolved("b", base, 3*time.Hour)},
			2, 90 * time.Minute, 90 * time.Minute, 3 * time.Hour},
	} {
		got := cases.Resolution(tc.cs)
		want := cases.ResolutionStats{Count: tc.n, Mean: tc.mean, Median: tc.median, Total: tc.total}
		if got != want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, want)
		}
	}
	for d, h := range map[time.Duration]float64{90 * time.Minute: 1.5, 4*time.Hour + 15*time.Minute: 4.3, 10 * time.Minute: 0.2,
		3 * time.Minute: 0.1, 2 * time.Minute: 0, 49 * time.Hour: 49} {
		if got := cases.Hours(d); got != h {
			t.Errorf("Hours(%v) = %v, want %v", d, got, h)
		}
	}
	in := cases.ResolvedIn([]crm.Case{resolved("a", base, time.Hour), resolved("b", base, 5*time.Hour), open}, base.Add(time.Hour), base.Add(5*time.Hour))
	if len(in) != 1 || in[0].ID != "a" {
		t.Errorf("ResolvedIn: %+v", in)
	}
}

func TestBacklogHandComputed(t *testing.T) {
	mk := func(p crm.CasePriority, s crm.CaseStatus, opened time.Time) crm.Case {
		return crm.Case{CaseFields: crm.CaseFields{Priority: p, Status: s}, OpenedAt: opened}
	}
	gone := mk(crm.PriorityUrgent, crm.CaseOpen, base.Add(-100*time.Hour))
	gone.DeletedAt = &base
	b := cases.BacklogOf([]crm.Case{
		mk(crm.PriorityHigh, crm.CaseOpen, base),
		mk(crm.PriorityHigh, crm.CasePending, base.Add(-2*time.Hour)),
		mk(crm.PriorityLow, crm.CaseOpen, base.Add(time.Hour)),
		mk(crm.PriorityUrgent, crm.CaseResolved, base.Add(-50*time.Hour)),
		gone,
	})
	want := []cases.PriorityCount{{crm.PriorityUrgent, 0}, {crm.PriorityHigh, 2}, {crm.PriorityNormal, 0}, {crm.PriorityLow, 1}}
	if b.Total != 3 || b.Open != 2 || b.Pending != 1 || b.Oldest == nil || !b.Oldest.Equal(base.Add(-2*time.Hour)) {
		t.Fatalf("backlog %+v", b)
	}
	for i, w := range want {
		if b.ByPriority[i] != w {
			t.Errorf("by priority %d = %+v, want %+v", i, b.ByPriority[i], w)
		}
	}
}

func TestCaseLifecycleThroughTheService(t *testing.T) {
	ctx := context.Background()
	svc, people, clock := setup(t)
	ann, err := people.Create(ctx, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	ann, _ = people.Get(ctx, ann.ID)
	if _, err := svc.Open(ctx, crm.CaseFields{Subject: "  "}, time.Time{}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("empty subject: %v", err)
	}
	if _, err := svc.Open(ctx, crm.CaseFields{Subject: "x", Priority: "asap"}, time.Time{}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad priority: %v", err)
	}
	if _, err := svc.Open(ctx, crm.CaseFields{Subject: "x"}, clock.t.Add(time.Hour)); crm.ErrorCode(err) != crm.CodeDateInvalid {
		t.Fatalf("future opening: %v", err)
	}
	opened := clock.t.Add(-26 * time.Hour)
	c, err := svc.Open(ctx, crm.CaseFields{Subject: " Login  fails ", ContactID: ann.ID}, opened)
	if err != nil {
		t.Fatal(err)
	}
	if c.Number != "C-2026-0001" || c.Subject != "Login fails" || c.Priority != crm.PriorityNormal || c.Status != crm.CaseOpen ||
		c.CompanyID != ann.CompanyID || c.CompanyID == "" || c.ResolvedAt != nil {
		t.Fatalf("opened %+v", c)
	}
	// Resolving stamps the instant: 26 hours (and the clock's ticks) after opening.
	r, err := svc.Resolve(ctx, c.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	took, ok := r.ResolutionTime()
	if !ok || r.Status != crm.CaseResolved || took < 26*time.Hour || took > 26*time.Hour+time.Minute || r.Version != 2 {
		t.Fatalf("resolved %+v took %v", r, took)
	}
	if _, err := svc.Resolve(ctx, c.ID, 1); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale resolve: %v", err)
	}
	// Closing keeps the first resolution instant; reopening clears it.
	f := r.CaseFields
	f.Status = crm.CaseClosed
	closed, err := svc.Update(ctx, c.ID, 2, f)
	if err != nil || closed.Status != crm.CaseClosed || closed.ResolvedAt == nil || !closed.ResolvedAt.Equal(*r.ResolvedAt) {
		t.Fatalf("closed %+v %v", closed, err)
	}
	re, err := svc.Reopen(ctx, c.ID, 3)
	if err != nil || re.Status != crm.CaseOpen || re.ResolvedAt != nil {
		t.Fatalf("reopened %+v %v", re, err)
	}
	// Setting the status to resolved through an edit resolves it again.
	f = re.CaseFields
	f.Status = crm.CaseResolved
	again, err := svc.Update(ctx, c.ID, 4, f)
	if err != nil || again.ResolvedAt == nil {
		t.Fatalf("resolved by edit %+v %v", again, err)
	}
	if _, err := svc.ResolveAt(ctx, c.ID, 5, opened.Add(-time.Minute)); crm.ErrorCode(err) != crm.CodeDateInvalid {
		t.Fatalf("resolved before opening: %v", err)
	}
	exact, err := svc.ResolveAt(ctx, c.ID, 5, opened.Add(90*time.Minute))
	if d, _ := exact.ResolutionTime(); err != nil || d != 90*time.Minute {
		t.Fatalf("resolve at: %v %v", d, err)
	}
	second, err := svc.Open(ctx, crm.CaseFields{Subject: "Invoice", Priority: crm.PriorityUrgent}, time.Time{})
	if err != nil || second.Number != "C-2026-0002" {
		t.Fatalf("second %+v %v", second, err)
	}
	st, err := svc.Stats(ctx, opened, clock.t.Add(time.Hour))
	if err != nil || st.Resolution.Count != 1 || st.Resolution.Mean != 90*time.Minute || st.Backlog.Total != 1 || st.Backlog.ByPriority[0].Count != 1 {
		t.Fatalf("stats %+v %v", st, err)
	}
	page, err := svc.List(ctx, crm.CaseQuery{ContactID: ann.ID, Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].ID != c.ID {
		t.Fatalf("for contact %+v %v", page, err)
	}
	if _, err := svc.List(ctx, crm.CaseQuery{Sort: "mood", Limit: 10}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad sort: %v", err)
	}
	if _, err := svc.Delete(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := svc.Stats(ctx, opened, clock.t.Add(time.Hour)); st.Backlog.Total != 0 {
		t.Fatalf("deleted case still in backlog: %+v", st.Backlog)
	}
	if back, err := svc.Restore(ctx, second.ID); err != nil || back.Number != "C-2026-0002" {
		t.Fatalf("restore %+v %v", back, err)
	}
}
