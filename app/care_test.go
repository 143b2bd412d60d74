package app

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestFeedbackAndCasesServices(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	ann, err := s.Contacts.Create(ContactInput{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	ev.take()
	today := time.Now().Format(time.DateOnly)
	nine, err := s.Feedback.Record(FeedbackInput{ContactID: ann.ID, Kind: "nps", Score: 9, Comment: "<b>great</b>"})
	if err != nil {
		t.Fatal(err)
	}
	me, _ := s.Owners.Me()
	if nine.ContactName != "Ann" || nine.CompanyName != "Acme" || nine.Band != "promoter" || nine.OwnerID != me.ID || nine.Comment != "<b>great</b>" {
		t.Fatalf("recorded %+v", nine)
	}
	if !slices.Contains(ev.take(), EventFeedbackChanged) {
		t.Error("no feedback:changed")
	}
	if _, err := s.Feedback.Record(FeedbackInput{ContactID: ann.ID, Kind: "nps", Score: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feedback.Record(FeedbackInput{ContactID: ann.ID, Kind: "csat", Score: 4, ReceivedAt: "2026-01-15"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feedback.Record(FeedbackInput{ContactID: ann.ID, Kind: "nps", Score: 12}); err == nil {
		t.Fatal("NPS 12 accepted")
	}
	sum, err := s.Feedback.Summary(DateRange{From: today, To: today})
	if err != nil || sum.Count != 2 || sum.NPS.Responses != 2 || sum.NPS.Score != 0 || sum.CSAT.Responses != 0 || sum.CSAT.Mean != "" || len(sum.Months) != 1 {
		t.Fatalf("summary of today: %+v %v", sum, err)
	}
	jan, err := s.Feedback.Summary(DateRange{From: "2026-01-01", To: "2026-01-31"})
	if err != nil || jan.CSAT.Responses != 1 || jan.CSAT.Share != 100 || jan.CSAT.Mean != "4.0" {
		t.Fatalf("January: %+v %v", jan, err)
	}
	page, err := s.Feedback.ForCompany(ann.CompanyID)
	if err != nil || page.Total != 3 || page.Items[0].Score != 3 {
		t.Fatalf("for company: %+v %v", page, err)
	}
	if _, err := s.Feedback.Summary(DateRange{From: "2026-02-01", To: "2026-01-01"}); err == nil {
		t.Fatal("reversed range accepted")
	}

	c, err := s.Cases.Open(CaseInput{Subject: "Login fails", ContactID: ann.ID, Priority: "high"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Number != "C-"+today[:4]+"-0001" || c.CompanyName != "Acme" || c.Status != "open" || c.ResolutionMinutes != -1 || c.ResolvedAt != "" {
		t.Fatalf("opened %+v", c)
	}
	old, err := s.Cases.Open(CaseInput{Subject: "Old", OpenedAt: time.Now().Add(-150 * time.Minute).UTC().Format(time.RFC3339)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Cases.Resolve(old.ID, old.Version)
	if err != nil || r.Status != "resolved" || r.ResolutionMinutes < 149 || r.ResolutionMinutes > 151 {
		t.Fatalf("resolved %+v %v", r, err)
	}
	if !slices.Contains(ev.take(), EventCasesChanged) {
		t.Error("no cases:changed")
	}
	st, err := s.Cases.Stats(DateRange{From: today, To: today})
	if err != nil || st.Resolved != 1 || st.MeanHours != 2.5 || st.Open != 1 || st.Backlog[1].Priority != "high" || st.Backlog[1].Count != 1 {
		t.Fatalf("stats %+v %v", st, err)
	}
	open, err := s.Cases.List(CaseQuery{Statuses: []string{"open"}, Limit: 10})
	if err != nil || open.Total != 1 || open.Items[0].ID != c.ID {
		t.Fatalf("open list %+v %v", open, err)
	}
	back, err := s.Cases.Reopen(r.ID, r.Version)
	if err != nil || back.Status != "open" || back.ResolutionMinutes != -1 {
		t.Fatalf("reopen %+v %v", back, err)
	}
	if err := s.Cases.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if mine, _ := s.Cases.ForContact(ann.ID); mine.Total != 0 {
		t.Fatalf("deleted case listed: %+v", mine)
	}
	if _, err := s.Cases.Restore(c.ID); err != nil {
		t.Fatal(err)
	}
	if mine, _ := s.Cases.ForContact(ann.ID); mine.Total != 1 {
		t.Fatalf("restored case missing: %+v", mine)
	}
}
