package leads_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
	"fieldbook/backend/store"
)

type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func setup(t *testing.T) (*leads.Service, *activities.Service, *store.DB) {
	t.Helper()
	clock := &stepClock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "leads.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return leads.New(db, clock), activities.New(db, clock), db
}

func TestCreateValidatesAndScores(t *testing.T) {
	ctx := context.Background()
	svc, _, _ := setup(t)
	for _, c := range []struct {
		f    crm.LeadFields
		code string
	}{
		{crm.LeadFields{Title: "CTO"}, crm.CodeLeadEmpty},
		{crm.LeadFields{Name: "A", Email: "not-an-address"}, crm.CodeEmailInvalid},
		{crm.LeadFields{Name: "A", Phone: "call me maybe"}, crm.CodePhoneInvalid},
		{crm.LeadFields{Name: "A", Status: crm.LeadConverted}, crm.CodeInvalidInput},
		{crm.LeadFields{Name: "A", Status: "hot"}, crm.CodeInvalidInput},
	} {
		if _, err := svc.Create(ctx, c.f); crm.ErrorCode(err) != c.code {
			t.Errorf("%+v: %v, want %s", c.f, err, c.code)
		}
	}
	l, err := svc.Create(ctx, crm.LeadFields{Email: " ann@acme.test ", Source: "referral", Phone: "+44 20 7946 0018"})
	if err != nil {
		t.Fatal(err)
	}
	// referral 20 + e-mail 5 + phone 5
	if l.Score != 30 || len(l.ScoreReasons) != 3 || l.Status != crm.LeadNew || l.Email != "ann@acme.test" {
		t.Errorf("created %+v", l)
	}
	got, err := svc.Get(ctx, l.ID)
	if err != nil || got.Score != 30 || got.ScoreReasons[0].RuleID != "source-referral" {
		t.Errorf("stored %+v, %v", got, err)
	}
}

func TestScoreFollowsEditsActivitiesAndRules(t *testing.T) {
	ctx := context.Background()
	svc, acts, _ := setup(t)
	l, err := svc.Create(ctx, crm.LeadFields{Name: "Bo", Source: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Score != 10 {
		t.Fatalf("score %d, want 10", l.Score)
	}
	l, err = svc.Update(ctx, l.ID, l.Version, crm.LeadFields{Name: "Bo", Source: "web", Title: "Director of Ops"})
	if err != nil || l.Score != 20 || l.Version != 2 {
		t.Fatalf("after edit: %+v, %v", l, err)
	}
	if _, err := svc.Update(ctx, l.ID, 1, l.LeadFields); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Errorf("stale edit: %v", err)
	}
	for i := 0; i < 4; i++ {
		if _, err := acts.Log(ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: time.Date(2026, 11, 20, 10, i, 0, 0, time.UTC), LeadID: l.ID, Subject: "call"}); err != nil {
			t.Fatal(err)
		}
	}
	l, err = svc.Rescore(ctx, l.ID)
	if err != nil || l.Score != 35 || l.Version != 2 {
		t.Fatalf("after 4 calls (3 count): %+v, %v", l, err)
	}
	// New rules rescore every lead, converted or not.
	other, err := svc.Create(ctx, crm.LeadFields{Name: "Cy", Source: "web"})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := svc.SaveRules(ctx, []crm.ScoringRule{
		{Label: "Web", Kind: crm.RuleSource, Op: crm.OpEquals, Value: "web", Points: 1},
		{ID: "calls", Label: "Calls", Kind: crm.RuleEngagement, Field: "call", Op: crm.OpEach, Points: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if saved[0].ID == "" || saved[0].Field != "source" {
		t.Errorf("saved %+v", saved)
	}
	rules, err := svc.Rules(ctx)
	if err != nil || len(rules) != 2 || rules[1].ID != "calls" {
		t.Errorf("rules %+v, %v", rules, err)
	}
	for id, want := range map[string]int{l.ID: 1 + 8, other.ID: 1} {
		got, err := svc.Get(ctx, id)
		if err != nil || got.Score != want {
			t.Errorf("lead %s: score %d, want %d (%v)", id, got.Score, want, err)
		}
	}
	if _, err := svc.SaveRules(ctx, []crm.ScoringRule{{Label: "x", Kind: "mood", Points: 1}}); crm.ErrorCode(err) != crm.CodeScoringRuleInvalid {
		t.Errorf("bad rules saved: %v", err)
	}
	if rules, _ := svc.Rules(ctx); len(rules) != 2 {
		t.Errorf("a refused save changed the rules: %+v", rules)
	}
	if _, err := svc.ResetRules(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.Get(ctx, other.ID); got.Score != 10 {
		t.Errorf("after reset: %d, want 10", got.Score)
	}
}

func TestConvertMakesContactCompanyDealAndKeepsHistory(t *testing.T) {
	ctx := context.Background()
	svc, acts, db := setup(t)
	l, err := svc.Create(ctx, crm.LeadFields{Name: "Dana van Dijk", Email: "dana@north.test", Phone: "+31 20 555 0100",
		CompanyName: "North Wind BV", Title: "Head of Buying", CompanySize: "51-200", Industry: "Retail", Country: "NL", Source: "trade_show"})
	if err != nil {
		t.Fatal(err)
	}
	call, err := acts.Log(ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), LeadID: l.ID, Subject: "intro"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Convert(ctx, l.ID, l.Version, leads.ConvertOptions{CreateCompany: true, CreateDeal: true, StageID: "nope"}); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Errorf("a stage of no pipeline: %v", err)
	}
	if _, err := svc.Convert(ctx, l.ID, l.Version, leads.ConvertOptions{CreateCompany: true, CreateDeal: true, Amount: "1.5", Currency: "JPY"}); crm.ErrorCode(err) != crm.CodeAmountInvalid {
		t.Errorf("1.5 JPY: %v", err)
	}
	res, err := svc.Convert(ctx, l.ID, l.Version, leads.ConvertOptions{CreateCompany: true, CreateDeal: true, Amount: "12,500.00", Currency: "eur"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.GetContact(ctx, res.ContactID)
	if err != nil || c.GivenName != "Dana van" || c.FamilyName != "Dijk" || c.Title != "Head of Buying" ||
		c.PrimaryEmail() != "dana@north.test" || c.CompanyID != res.CompanyID {
		t.Errorf("contact %+v, %v", c, err)
	}
	co, err := db.GetCompany(ctx, res.CompanyID)
	if err != nil || co.Name != "North Wind BV" || co.Size != "51-200" || co.Industry != "Retail" || co.Address.Country != "NL" {
		t.Errorf("company %+v, %v", co, err)
	}
	deal, err := db.GetDeal(ctx, res.DealID)
	if err != nil || deal.Title != "North Wind BV" || deal.Amount != (crm.Money{Minor: 1250000, Currency: "EUR"}) ||
		deal.PipelineID != crm.DefaultPipelineID || deal.StageID != crm.DefaultStageQualified || deal.LeadID != l.ID {
		t.Errorf("deal %+v, %v", deal, err)
	}
	a, err := acts.Get(ctx, call.ID)
	if err != nil || a.ContactID != res.ContactID || a.DealID != res.DealID || a.LeadID != l.ID {
		t.Errorf("activity after conversion %+v, %v", a, err)
	}
	got, err := svc.Get(ctx, l.ID)
	if err != nil || got.Status != crm.LeadConverted || got.ConvertedDealID != res.DealID || got.Name != "Dana van Dijk" {
		t.Errorf("lead after conversion %+v, %v", got, err)
	}
	if _, err := svc.Convert(ctx, l.ID, got.Version, leads.ConvertOptions{}); crm.ErrorCode(err) != crm.CodeLeadConverted {
		t.Errorf("converted twice: %v", err)
	}
	if _, err := svc.Update(ctx, l.ID, got.Version, got.LeadFields); crm.ErrorCode(err) != crm.CodeLeadConverted {
		t.Errorf("edited after conversion: %v", err)
	}
	// Without a company or deal: just the contact, company name cleared.
	solo, err := svc.Create(ctx, crm.LeadFields{Name: "Eli", CompanyName: "Somewhere"})
	if err != nil {
		t.Fatal(err)
	}
	res, err = svc.Convert(ctx, solo.ID, solo.Version, leads.ConvertOptions{})
	if err != nil || res.CompanyID != "" || res.DealID != "" {
		t.Errorf("contact-only conversion %+v, %v", res, err)
	}
}
