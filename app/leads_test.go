package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

func TestLeadsServiceScoresConvertsAndEmits(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	me, err := s.Owners.Me()
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Leads.Create(LeadInput{Name: "Rina Das", Email: "rina@bay.test", CompanyName: "Bay Traders", Source: "referral", Title: "Director"})
	if err != nil {
		t.Fatal(err)
	}
	// referral 20 + senior title 10 + e-mail 5
	if l.Score != 35 || len(l.ScoreReasons) != 3 || l.OwnerID != me.ID || l.Status != "new" {
		t.Errorf("created %+v", l)
	}
	if got := ev.take(); !slices.Contains(got, EventLeadsChanged) {
		t.Errorf("events %v", got)
	}
	if _, err := s.Leads.Create(LeadInput{Title: "nobody"}); crm.ErrorCode(err) != crm.CodeLeadEmpty {
		t.Errorf("empty lead: %v", err)
	}
	page, err := s.Leads.List(ListLeadsRequest{Source: "referral", Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].ID != l.ID {
		t.Errorf("list %+v, %v", page, err)
	}
	if _, err := s.Leads.List(ListLeadsRequest{Sort: "mood", Limit: 10}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Errorf("bad sort: %v", err)
	}

	rules, err := s.Leads.Rules()
	if err != nil || len(rules) != len(s.Leads.DefaultRules()) {
		t.Fatalf("rules %d, %v", len(rules), err)
	}
	rules = append(rules[:0:0], rules...)
	rules[0].Points = 50 // referral
	if _, err := s.Leads.SaveRules(rules); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Leads.Get(l.ID); got.Score != 65 || got.ScoreReasons[0].Points != 50 {
		t.Errorf("after rules change: %+v", got)
	}
	ev.take()

	res, err := s.Leads.Convert(l.ID, l.Version, ConvertLeadRequest{CreateCompany: true, CreateDeal: true, Amount: "5000", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	got := ev.take()
	for _, want := range []string{EventLeadsChanged, EventContactsChanged, EventCompaniesChanged, EventDealsChanged} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s after convert: %v", want, got)
		}
	}
	c, err := s.Contacts.Get(res.ContactID)
	if err != nil || c.GivenName != "Rina" || c.FamilyName != "Das" || c.Company != "Bay Traders" {
		t.Errorf("contact %+v, %v", c, err)
	}
	co, err := s.Companies.Get(res.CompanyID)
	if err != nil || co.Name != "Bay Traders" || co.People != 1 {
		t.Errorf("company %+v, %v", co, err)
	}
	after, err := s.Leads.Get(l.ID)
	if err != nil || after.Status != "converted" || after.ConvertedDealID != res.DealID || res.DealID == "" || after.ConvertedAt == "" {
		t.Errorf("lead %+v, %v", after, err)
	}
	if _, err := s.Leads.Convert(l.ID, after.Version, ConvertLeadRequest{}); crm.ErrorCode(err) != crm.CodeLeadConverted {
		t.Errorf("second convert: %v", err)
	}
	if err := s.Leads.Delete(l.ID); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Leads.Restore(l.ID); err != nil || back.Status != "converted" {
		t.Errorf("restore %+v, %v", back, err)
	}
}

func TestLeadsServiceRescoreAfterAnActivity(t *testing.T) {
	ev := &recorder{}
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewServices(context.Background(), db, Config{Version: "test", DefaultLanguage: "en", Clock: crm.SystemClock{}, Events: ev})
	l, err := s.Leads.Create(LeadInput{Name: "Ola", Source: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := activities.New(db, crm.SystemClock{}).Log(context.Background(), crm.ActivityFields{Kind: crm.ActivityMeeting,
		OccurredAt: time.Now().UTC(), LeadID: l.ID, Subject: "demo"}); err != nil {
		t.Fatal(err)
	}
	ev.take()
	if err := s.Leads.rescore(l.ID); err != nil {
		t.Fatal(err)
	}
	// web 10 + meeting held 15
	if got, _ := s.Leads.Get(l.ID); got.Score != 25 {
		t.Errorf("score after a meeting: %d, want 25", got.Score)
	}
	if !slices.Contains(ev.take(), EventLeadsChanged) {
		t.Error("no leads:changed after rescoring")
	}
	if err := s.Leads.rescore(""); err != nil {
		t.Errorf("an activity without a lead: %v", err)
	}
}
