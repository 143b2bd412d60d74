package reports

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

func TestNPSAndCSAT(t *testing.T) {
	f := newFixture(t)
	add := func(kind crm.FeedbackKind, score int, received string, deleted bool) {
		t.Helper()
		fb := crm.Feedback{ID: f.id(), Version: 1, CreatedAt: f.now, UpdatedAt: f.now, FeedbackFields: crm.FeedbackFields{
			ContactID: "ct-1", Kind: kind, Score: score, ReceivedAt: at(received), OwnerID: "o-ann"}}
		if err := f.db.CreateFeedback(f.ctx, fb); err != nil {
			t.Fatal(err)
		}
		if deleted {
			if _, err := f.db.DeleteFeedback(f.ctx, fb.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	nps, csat := crm.FeedbackNPS, crm.FeedbackCSAT
	add(nps, 10, "2026-01-05T10:00:00Z", false)
	add(nps, 9, "2026-01-06T10:00:00Z", false)
	add(nps, 3, "2026-01-07T10:00:00Z", false)
	add(csat, 5, "2026-01-08T10:00:00Z", false)
	add(csat, 2, "2026-01-09T10:00:00Z", false)
	add(nps, 7, "2026-03-01T10:00:00Z", false)
	add(nps, 0, "2026-03-02T10:00:00Z", true) // deleted
	add(csat, 4, "2026-03-03T10:00:00Z", false)
	add(csat, 4, "2026-03-04T10:00:00Z", false)
	add(csat, 3, "2026-03-05T10:00:00Z", false)
	add(nps, 0, "2026-06-30T19:00:00Z", false) // July 1 in Dhaka: after the range
	r := f.run("nps_csat", Filters{Range: half})
	// January: 2 promoters, 1 detractor of 3 → 100 × 1/3 = 33.3; CSAT 1 of
	// 2 satisfied (4–5). March: one passive → 0.0; CSAT 2 of 3. The range:
	// NPS 100 × (2 − 1)/4 = 25.0, CSAT 3 of 5.
	check(t, "nps/csat", raws(r), [][]string{
		{"2026-01", "3", "33.3", "2", "0.5000"},
		{"2026-02", "0", "", "0", ""},
		{"2026-03", "1", "0.0", "3", "0.6667"},
		{"2026-04", "0", "", "0", ""},
		{"2026-05", "0", "", "0", ""},
		{"2026-06", "0", "", "0", ""},
		{"TOTAL", "4", "25.0", "5", "0.6000"},
	})
	if got := r.Extra["nps_score"].Int; got != 25 {
		t.Errorf("nps score %d", got)
	}
}

func TestCaseResolution(t *testing.T) {
	f := newFixture(t)
	add := func(opened, resolved string, status crm.CaseStatus) {
		t.Helper()
		c := crm.Case{ID: f.id(), Version: 1, CreatedAt: f.now, UpdatedAt: f.now, OpenedAt: at(opened),
			CaseFields: crm.CaseFields{Subject: "Broken", Priority: crm.PriorityNormal, Status: status, OwnerID: "o-bob"}}
		if resolved != "" {
			r := at(resolved)
			c.ResolvedAt = &r
		}
		if _, err := f.db.CreateCase(f.ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	add("2026-02-01T10:00:00Z", "2026-02-01T22:00:00Z", crm.CaseResolved) // 12 h
	add("2026-02-02T10:00:00Z", "2026-02-04T10:00:00Z", crm.CaseClosed)   // 48 h
	add("2026-03-01T10:00:00Z", "2026-03-01T11:30:00Z", crm.CaseResolved) // 1.5 h
	add("2025-11-01T10:00:00Z", "2025-12-01T10:00:00Z", crm.CaseResolved) // before the range
	add("2026-05-01T10:00:00Z", "", crm.CaseOpen)
	add("2026-04-01T10:00:00Z", "", crm.CasePending)
	r := f.run("case_resolution", Filters{Range: half})
	// February: 12 and 48 h → mean = median = 30.0. March: 1.5. All: mean
	// (12 + 48 + 1.5)/3 = 20.5, median 12.0. Backlog: one open, one pending,
	// the oldest opened on April 1.
	check(t, "cases", raws(r), [][]string{
		{"2026-01", "0", "", ""},
		{"2026-02", "2", "30.0", "30.0"},
		{"2026-03", "1", "1.5", "1.5"},
		{"2026-04", "0", "", ""},
		{"2026-05", "0", "", ""},
		{"2026-06", "0", "", ""},
		{"TOTAL", "3", "20.5", "12.0"},
	})
	extra := map[string]string{}
	for k, c := range r.Extra {
		extra[k] = c.Raw()
	}
	if want := map[string]string{"backlog": "2", "backlog_open": "1", "backlog_pending": "1", "backlog_oldest": "2026-04-01"}; !reflect.DeepEqual(extra, want) {
		t.Errorf("backlog %v, want %v", extra, want)
	}

}
