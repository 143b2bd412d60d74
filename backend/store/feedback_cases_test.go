package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func TestFeedbackStoreListsByContactCompanyAndRange(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	bob := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob"})
	acme, err := db.ContactCompanyID(ctx, ann.ID)
	if err != nil || acme == "" {
		t.Fatalf("company of Ann: %q, %v", acme, err)
	}
	if co, err := db.ContactCompanyID(ctx, bob.ID); err != nil || co != "" {
		t.Fatalf("company of Bob: %q, %v", co, err)
	}
	if _, err := db.ContactCompanyID(ctx, "nobody"); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("unknown contact: %v", err)
	}
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	add := func(contact, company string, kind crm.FeedbackKind, score int, at time.Time) crm.Feedback {
		now := clock.Now()
		f := crm.Feedback{ID: crm.NewID(now), FeedbackFields: crm.FeedbackFields{ContactID: contact, Kind: kind, Score: score, ReceivedAt: at},
			CompanyID: company, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	a1 := add(ann.ID, acme, crm.FeedbackNPS, 9, day(1))
	a2 := add(ann.ID, acme, crm.FeedbackCSAT, 4, day(10))
	b1 := add(bob.ID, "", crm.FeedbackNPS, 3, day(5))
	ids := func(p crm.FeedbackPage) []string {
		var out []string
		for _, f := range p.Items {
			out = append(out, f.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		q     crm.FeedbackQuery
		want  []string
		total int
	}{
		{"all newest first", crm.FeedbackQuery{}, []string{a2.ID, b1.ID, a1.ID}, 3},
		{"contact", crm.FeedbackQuery{ContactID: ann.ID}, []string{a2.ID, a1.ID}, 2},
		{"company", crm.FeedbackQuery{CompanyID: acme}, []string{a2.ID, a1.ID}, 2},
		{"kind", crm.FeedbackQuery{Kind: crm.FeedbackNPS}, []string{b1.ID, a1.ID}, 2},
		{"range is half open", crm.FeedbackQuery{From: day(1), To: day(10)}, []string{b1.ID, a1.ID}, 2},
		{"window", crm.FeedbackQuery{Offset: 1, Limit: 1}, []string{b1.ID}, 3},
	} {
		p, err := db.ListFeedback(ctx, tc.q)
		if err != nil || !slices.Equal(ids(p), tc.want) || p.Total != tc.total {
			t.Errorf("%s: %v total %d (%v), want %v total %d", tc.name, ids(p), p.Total, err, tc.want, tc.total)
		}
	}
	between, err := db.FeedbackBetween(ctx, day(2), day(11))
	if err != nil || len(between) != 2 || between[0].ID != b1.ID || between[1].ID != a2.ID {
		t.Fatalf("between: %+v %v", between, err)
	}

	// Optimistic concurrency, delete and restore.
	edit := a1
	edit.Score, edit.Comment, edit.Version, edit.UpdatedAt = 10, "Great", 2, clock.Now()
	if err := db.UpdateFeedback(ctx, edit); err != nil {
		t.Fatal(err)
	}
	stale := a1
	stale.Version = 2
	if err := db.UpdateFeedback(ctx, stale); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale edit: %v", err)
	}
	got, err := db.GetFeedback(ctx, a1.ID)
	if err != nil || got.Score != 10 || got.Comment != "Great" || got.Version != 2 || !got.ReceivedAt.Equal(day(1)) {
		t.Fatalf("after edit: %+v %v", got, err)
	}
	del, err := db.DeleteFeedback(ctx, a1.ID)
	if err != nil || del.DeletedAt == nil || del.Version != 3 {
		t.Fatalf("delete: %+v %v", del, err)
	}
	if _, err := db.DeleteFeedback(ctx, a1.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("second delete: %v", err)
	}
	if p, _ := db.ListFeedback(ctx, crm.FeedbackQuery{ContactID: ann.ID}); p.Total != 1 {
		t.Fatalf("deleted answer still listed: %+v", p)
	}
	back, err := db.RestoreFeedback(ctx, a1.ID)
	if err != nil || back.DeletedAt != nil || back.Version != 4 {
		t.Fatalf("restore: %+v %v", back, err)
	}
	// The schema refuses a score outside its kind's scale.
	bad := a2
	bad.ID, bad.Kind, bad.Score = crm.NewID(clock.Now()), crm.FeedbackCSAT, 0
	if err := db.CreateFeedback(ctx, bad); err == nil {
		t.Fatal("a CSAT of 0 was stored")
	}
}

func newCase(clock crm.Clock, subject string, p crm.CasePriority, s crm.CaseStatus, opened time.Time, resolved *time.Time) crm.Case {
	now := clock.Now()
	return crm.Case{ID: crm.NewID(now), CaseFields: crm.CaseFields{Subject: subject, Priority: p, Status: s},
		OpenedAt: opened, ResolvedAt: resolved, Version: 1, CreatedAt: now, UpdatedAt: now}
}

func TestCaseNumbersFollowTheYearAndAreNeverReused(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	var numbers []string
	var first crm.Case
	for i, opened := range []time.Time{at(2026, 1, 5), at(2026, 2, 1), at(2025, 12, 31), at(2026, 3, 1)} {
		c, err := db.CreateCase(ctx, newCase(clock, "Printer", crm.PriorityNormal, crm.CaseOpen, opened, nil))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = c
		}
		if i == 1 {
			if _, err := db.DeleteCase(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		numbers = append(numbers, c.Number)
	}
	want := []string{"C-2026-0001", "C-2026-0002", "C-2025-0001", "C-2026-0003"}
	if !slices.Equal(numbers, want) {
		t.Fatalf("numbers %v, want %v", numbers, want)
	}
	got, err := db.GetCase(ctx, first.ID)
	if err != nil || got.Number != "C-2026-0001" || got.Subject != "Printer" || got.ResolvedAt != nil {
		t.Fatalf("get: %+v %v", got, err)
	}
}

func TestCaseStoreFiltersSortsAndWindows(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	acme, _ := db.ContactCompanyID(ctx, ann.ID)
	at := func(d, h int) time.Time { return time.Date(2026, 4, d, h, 0, 0, 0, time.UTC) }
	r := func(t time.Time) *time.Time { return &t }
	mk := func(c crm.Case) crm.Case {
		out, err := db.CreateCase(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	login := newCase(clock, "Login fails", crm.PriorityUrgent, crm.CaseOpen, at(1, 9), nil)
	login.ContactID, login.CompanyID, login.Description = ann.ID, acme, "Since the update the SSO page loops."
	c1 := mk(login)
	c2 := mk(newCase(clock, "Invoice copy", crm.PriorityLow, crm.CaseResolved, at(2, 9), r(at(2, 15))))
	c3 := mk(newCase(clock, "Export is slow", crm.PriorityHigh, crm.CasePending, at(3, 9), nil))
	c4 := mk(newCase(clock, "Wrong VAT", crm.PriorityNormal, crm.CaseClosed, at(4, 9), r(at(6, 9))))
	numbers := func(p crm.CasePage) []string {
		var out []string
		for _, c := range p.Items {
			out = append(out, c.Number)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		q     crm.CaseQuery
		want  []string
		total int
	}{
		{"default order opened", crm.CaseQuery{}, []string{c1.Number, c2.Number, c3.Number, c4.Number}, 4},
		{"status", crm.CaseQuery{Statuses: []crm.CaseStatus{crm.CaseOpen, crm.CasePending}}, []string{c1.Number, c3.Number}, 2},
		{"priority desc", crm.CaseQuery{Sort: crm.CaseSortPriority, Desc: true}, []string{c1.Number, c3.Number, c4.Number, c2.Number}, 4},
		{"priorities", crm.CaseQuery{Priorities: []crm.CasePriority{crm.PriorityLow, crm.PriorityHigh}}, []string{c2.Number, c3.Number}, 2},
		{"text in description", crm.CaseQuery{Text: "sso"}, []string{c1.Number}, 1},
		{"text is literal", crm.CaseQuery{Text: "%"}, nil, 0},
		{"number", crm.CaseQuery{Text: c4.Number}, []string{c4.Number}, 1},
		{"contact", crm.CaseQuery{ContactID: ann.ID}, []string{c1.Number}, 1},
		{"company", crm.CaseQuery{CompanyID: acme}, []string{c1.Number}, 1},
		{"subject order", crm.CaseQuery{Sort: crm.CaseSortSubject}, []string{c3.Number, c2.Number, c1.Number, c4.Number}, 4},
		{"opened range", crm.CaseQuery{From: at(2, 0), To: at(4, 0)}, []string{c2.Number, c3.Number}, 2},
		{"window", crm.CaseQuery{Sort: crm.CaseSortNumber, Desc: true, Offset: 1, Limit: 2}, []string{c3.Number, c2.Number}, 4},
	} {
		p, err := db.ListCases(ctx, tc.q)
		if err != nil || !slices.Equal(numbers(p), tc.want) || p.Total != tc.total {
			t.Errorf("%s: %v total %d (%v), want %v total %d", tc.name, numbers(p), p.Total, err, tc.want, tc.total)
		}
	}
	resolved, err := db.CasesResolvedBetween(ctx, at(2, 0), at(7, 0))
	if err != nil || len(resolved) != 2 || resolved[0].ID != c2.ID || resolved[1].ID != c4.ID {
		t.Fatalf("resolved between: %v %v", resolved, err)
	}
	if resolved, _ := db.CasesResolvedBetween(ctx, at(2, 16), at(6, 9)); len(resolved) != 0 {
		t.Fatalf("range end must be exclusive: %v", resolved)
	}
	open, err := db.OpenCases(ctx)
	if err != nil || len(open) != 2 || open[0].ID != c1.ID || open[1].ID != c3.ID {
		t.Fatalf("open: %v %v", open, err)
	}

	// Resolving through an update, a stale edit, and the schema's rule that
	// a done case has a resolution instant.
	done := c3
	done.Status, done.ResolvedAt, done.Version, done.UpdatedAt = crm.CaseResolved, r(at(5, 9)), 2, clock.Now()
	if err := db.UpdateCase(ctx, done); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateCase(ctx, done); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale: %v", err)
	}
	got, _ := db.GetCase(ctx, c3.ID)
	if d, ok := got.ResolutionTime(); !ok || d != 48*time.Hour {
		t.Fatalf("resolution %v %v", d, ok)
	}
	broken := got
	broken.Version, broken.ResolvedAt = 3, nil
	if err := db.UpdateCase(ctx, broken); err == nil {
		t.Fatal("a resolved case without a resolution instant was stored")
	}
	if _, err := db.DeleteCase(ctx, c3.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateCase(ctx, broken); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("edit of deleted: %v", err)
	}
	if c, err := db.RestoreCase(ctx, c3.ID); err != nil || c.DeletedAt != nil {
		t.Fatalf("restore: %+v %v", c, err)
	}
}

func TestAggregatesForTheReports(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	day := func(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }
	for i, a := range []struct {
		kind  crm.FeedbackKind
		score int
		at    time.Time
	}{
		{crm.FeedbackNPS, 9, day(1, 9)}, {crm.FeedbackNPS, 9, day(2, 9)}, {crm.FeedbackNPS, 3, day(3, 9)},
		{crm.FeedbackCSAT, 5, day(3, 10)}, {crm.FeedbackNPS, 10, day(9, 0)}, // outside [1, 9)
	} {
		now := clock.Now()
		f := crm.Feedback{ID: fmt.Sprint("f", i), FeedbackFields: crm.FeedbackFields{ContactID: "c", Kind: a.kind, Score: a.score, ReceivedAt: a.at},
			Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.DeleteFeedback(ctx, "f1"); err != nil {
		t.Fatal(err)
	}
	counts, err := db.FeedbackCounts(ctx, day(1, 0), day(9, 0))
	want := []crm.ScoreCount{{Kind: crm.FeedbackCSAT, Score: 5, Count: 1}, {Kind: crm.FeedbackNPS, Score: 3, Count: 1}, {Kind: crm.FeedbackNPS, Score: 9, Count: 1}}
	if err != nil || !slices.Equal(counts, want) {
		t.Fatalf("counts %v (%v), want %v", counts, err, want)
	}

	r := func(t time.Time) *time.Time { return &t }
	mk := func(p crm.CasePriority, s crm.CaseStatus, opened time.Time, resolved *time.Time) crm.Case {
		c, err := db.CreateCase(ctx, newCase(clock, "x", p, s, opened, resolved))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	mk(crm.PriorityHigh, crm.CaseResolved, day(1, 9), r(day(1, 11).Add(30*time.Minute))) // 2 h 30 min
	mk(crm.PriorityLow, crm.CaseClosed, day(2, 9), r(day(4, 9)))                         // 48 h
	mk(crm.PriorityLow, crm.CaseResolved, day(2, 9), r(day(9, 9)))                       // resolved after the range
	gone := mk(crm.PriorityLow, crm.CaseResolved, day(2, 9), r(day(3, 9)))
	mk(crm.PriorityUrgent, crm.CaseOpen, day(5, 9), nil)
	mk(crm.PriorityUrgent, crm.CasePending, day(4, 9), nil)
	mk(crm.PriorityLow, crm.CaseOpen, day(6, 9), nil)
	if _, err := db.DeleteCase(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	times, err := db.ResolutionTimes(ctx, day(1, 0), day(9, 0))
	slices.Sort(times)
	if err != nil || !slices.Equal(times, []time.Duration{150 * time.Minute, 48 * time.Hour}) {
		t.Fatalf("resolution times %v %v", times, err)
	}
	backlog, oldest, err := db.CaseBacklog(ctx)
	wantBacklog := []crm.BacklogCount{{Status: crm.CaseOpen, Priority: crm.PriorityLow, Count: 1}, {Status: crm.CaseOpen, Priority: crm.PriorityUrgent, Count: 1}, {Status: crm.CasePending, Priority: crm.PriorityUrgent, Count: 1}}
	if err != nil || !slices.Equal(backlog, wantBacklog) || oldest == nil || !oldest.Equal(day(4, 9)) {
		t.Fatalf("backlog %v oldest %v (%v)", backlog, oldest, err)
	}
}
