package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func newLead(clock crm.Clock, f crm.LeadFields, score int) crm.Lead {
	now := clock.Now()
	if f.Status == "" {
		f.Status = crm.LeadNew
	}
	return crm.Lead{ID: crm.NewID(now), LeadFields: f, Score: score, Version: 1, CreatedAt: now, UpdatedAt: now,
		ScoreReasons: []crm.ScoreReason{{RuleID: "r", Label: "rule", Points: score}}}
}

func mustLead(t *testing.T, db *DB, clock crm.Clock, f crm.LeadFields, score int) crm.Lead {
	t.Helper()
	l := newLead(clock, f, score)
	if err := db.CreateLead(context.Background(), l); err != nil {
		t.Fatalf("create lead %+v: %v", f, err)
	}
	return l
}

func logActivity(t *testing.T, db *DB, clock crm.Clock, leadID, kind string, deleted bool) string {
	t.Helper()
	now := formatTime(clock.Now())
	id := crm.NewID(clock.Now())
	var del any
	if deleted {
		del = now
	}
	if _, err := db.db.Exec(`INSERT INTO activities (id, kind, occurred_at, subject, lead_id, created_at, updated_at, deleted_at)
		VALUES (?, ?, ?, 'x', ?, ?, ?, ?)`, id, kind, now, leadID, now, now, del); err != nil {
		t.Fatal(err)
	}
	return id
}

func leadNames(ls []crm.Lead) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Name
	}
	return out
}

func TestLeadsListFiltersAndSorts(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	mustLead(t, db, clock, crm.LeadFields{Name: "Ann", Source: "referral", OwnerID: "o1", CompanyName: "Acme"}, 30)
	mustLead(t, db, clock, crm.LeadFields{Name: "Bo", Source: "web", OwnerID: "o2", Status: crm.LeadContacted}, 50)
	mustLead(t, db, clock, crm.LeadFields{Name: "Cy", Source: "Referral", OwnerID: "o2", Title: "Head of IT"}, 10)
	gone := mustLead(t, db, clock, crm.LeadFields{Name: "Di", Source: "referral"}, 99)
	if err := db.DeleteLead(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		f    crm.LeadFilter
		want []string
	}{
		{crm.LeadFilter{}, []string{"Bo", "Ann", "Cy"}},
		{crm.LeadFilter{Sort: crm.LeadsByName}, []string{"Ann", "Bo", "Cy"}},
		{crm.LeadFilter{Sort: crm.LeadsByNewest}, []string{"Cy", "Bo", "Ann"}},
		{crm.LeadFilter{Source: "referral"}, []string{"Ann", "Cy"}},
		{crm.LeadFilter{OwnerID: "o2"}, []string{"Bo", "Cy"}},
		{crm.LeadFilter{Status: crm.LeadContacted}, []string{"Bo"}},
		{crm.LeadFilter{Query: "acm"}, []string{"Ann"}},
		{crm.LeadFilter{Query: "head"}, []string{"Cy"}},
		{crm.LeadFilter{Query: "%"}, nil},
	}
	for _, c := range cases {
		c.f.Limit = 10
		page, err := db.ListLeads(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := leadNames(page.Items); !slices.Equal(got, c.want) || page.Total != len(c.want) {
			t.Errorf("%+v: got %v (total %d), want %v", c.f, got, page.Total, c.want)
		}
	}
	page, err := db.ListLeads(ctx, crm.LeadFilter{Limit: 1, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := leadNames(page.Items); !slices.Equal(got, []string{"Ann"}) || page.Total != 3 {
		t.Errorf("window: got %v total %d", got, page.Total)
	}
	if err := db.RestoreLead(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	back, err := db.GetLead(ctx, gone.ID)
	if err != nil || back.DeletedAt != nil || back.Version != 3 || back.Score != 99 || back.ScoreReasons[0].Points != 99 {
		t.Errorf("restored lead: %+v, %v", back, err)
	}
}

func TestLeadUpdateChecksVersionAndScoresDoNotBumpIt(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	l := mustLead(t, db, clock, crm.LeadFields{Name: "Ann"}, 5)
	next := l
	next.Title, next.Version, next.UpdatedAt = "CTO", 2, clock.Now()
	if err := db.UpdateLead(ctx, next); err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateLead(ctx, next); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Errorf("stale update: %v", err)
	}
	if err := db.SetLeadScores(ctx, []crm.LeadScore{{LeadID: l.ID, Score: 42, Reasons: []crm.ScoreReason{{RuleID: "a", Label: "A", Points: 42}}}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetLead(ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 || got.Title != "CTO" || got.Score != 42 || len(got.ScoreReasons) != 1 || got.ScoreReasons[0].Label != "A" {
		t.Errorf("after score: %+v", got)
	}
}

func TestLeadEngagementCountsLiveActivitiesByKind(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	a := mustLead(t, db, clock, crm.LeadFields{Name: "Ann"}, 0)
	b := mustLead(t, db, clock, crm.LeadFields{Name: "Bo"}, 0)
	logActivity(t, db, clock, a.ID, "call", false)
	logActivity(t, db, clock, a.ID, "call", false)
	logActivity(t, db, clock, a.ID, "call", true)
	logActivity(t, db, clock, a.ID, "meeting", false)
	logActivity(t, db, clock, b.ID, "email", false)
	got, err := db.LeadEngagement(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["call"] != 2 || got["meeting"] != 1 {
		t.Errorf("engagement of a: %v", got)
	}
	all, err := db.AllLeadEngagement(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[a.ID]["call"] != 2 || all[b.ID]["email"] != 1 {
		t.Errorf("all engagement: %v", all)
	}
}

// conversionFixture is a lead with two activities, ready to convert.
func conversionFixture(t *testing.T) (*DB, *fixedClock, crm.Lead, []string) {
	db, clock := openTestDB(t)
	l := mustLead(t, db, clock, crm.LeadFields{Name: "Ann Lee", Email: "ann@acme.test", CompanyName: "Acme Ltd"}, 25)
	acts := []string{logActivity(t, db, clock, l.ID, "call", false), logActivity(t, db, clock, l.ID, "meeting", false)}
	return db, clock, l, acts
}

func conversionOf(clock crm.Clock, l crm.Lead, withDeal bool) crm.LeadConversion {
	now := clock.Now()
	conv := crm.LeadConversion{LeadID: l.ID, BaseVersion: l.Version, At: now,
		Contact: crm.Contact{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
			ContactFields: crm.ContactFields{GivenName: "Ann", FamilyName: "Lee", Company: l.CompanyName,
				Emails: []crm.LabeledValue{{Label: "work", Value: l.Email}}}},
		NewCompany: &crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
			CompanyFields: crm.CompanyFields{Name: l.CompanyName, Size: "51-200"}},
	}
	if withDeal {
		conv.Deal = &crm.Deal{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
			DealFields: crm.DealFields{Title: "Acme deal", Status: "open"}}
	}
	return conv
}

func count(t *testing.T, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestConvertLeadFailingDealInsertLeavesNothingHalfMade(t *testing.T) {
	ctx := context.Background()
	db, clock, l, _ := conversionFixture(t)
	boom := errors.New("deal insert failed")
	conv := conversionOf(clock, l, true)
	var sawContact bool
	_, err := db.convertLead(ctx, conv, func(ctx context.Context, tx *sql.Tx, d crm.Deal) error {
		// The contact and company exist inside the transaction when the deal is written.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE id = ?`, conv.Contact.ID).Scan(&n); err != nil {
			return err
		}
		sawContact = n == 1 && d.CompanyID != "" && slices.Equal(d.ContactIDs, []string{conv.Contact.ID}) && d.LeadID == l.ID
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("convert: %v", err)
	}
	if !sawContact {
		t.Error("the deal insert did not see the new contact and company")
	}
	for q, want := range map[string]int{
		`SELECT count(*) FROM contacts`:                                     0,
		`SELECT count(*) FROM companies`:                                    0,
		`SELECT count(*) FROM journal`:                                      0,
		`SELECT count(*) FROM activities WHERE contact_id IS NOT NULL`:      0,
		`SELECT count(*) FROM leads WHERE status = 'new' AND version = 1`:   1,
		`SELECT count(*) FROM leads WHERE converted_contact_id IS NOT NULL`: 0,
	} {
		if got := count(t, db, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
}

func TestConvertLeadKeepsHistoryAndIsRefusedTwice(t *testing.T) {
	ctx := context.Background()
	db, clock, l, acts := conversionFixture(t)
	var dealSeen crm.Deal
	conv := conversionOf(clock, l, true)
	res, err := db.convertLead(ctx, conv, func(ctx context.Context, tx *sql.Tx, d crm.Deal) error {
		dealSeen = d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.ContactID != conv.Contact.ID || res.CompanyID != conv.NewCompany.ID || res.DealID != conv.Deal.ID || dealSeen.ID != res.DealID {
		t.Errorf("result %+v (deal seen %s)", res, dealSeen.ID)
	}
	contact, err := db.GetContact(ctx, res.ContactID)
	if err != nil || contact.CompanyID != res.CompanyID || contact.Company != "Acme Ltd" {
		t.Errorf("contact %+v, %v", contact, err)
	}
	co, err := db.GetCompany(ctx, res.CompanyID)
	if err != nil || co.Size != "51-200" || co.People != 1 {
		t.Errorf("company %+v, %v", co, err)
	}
	for _, a := range acts {
		var contactID, companyID, dealID, leadID string
		if err := db.db.QueryRow(`SELECT contact_id, company_id, deal_id, lead_id FROM activities WHERE id = ?`, a).
			Scan(&contactID, &companyID, &dealID, &leadID); err != nil {
			t.Fatal(err)
		}
		if contactID != res.ContactID || companyID != res.CompanyID || dealID != res.DealID || leadID != l.ID {
			t.Errorf("activity %s: contact %s company %s deal %s lead %s", a, contactID, companyID, dealID, leadID)
		}
	}
	got, err := db.GetLead(ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != crm.LeadConverted || got.Version != 2 || got.ConvertedContactID != res.ContactID ||
		got.ConvertedCompanyID != res.CompanyID || got.ConvertedDealID != res.DealID || got.ConvertedAt == nil ||
		!got.ConvertedAt.Equal(conv.At) || got.Name != "Ann Lee" || got.Score != 25 {
		t.Errorf("converted lead: %+v", got)
	}
	again := conversionOf(clock, got, false)
	if _, err := db.convertLead(ctx, again, func(context.Context, *sql.Tx, crm.Deal) error { return nil }); crm.ErrorCode(err) != crm.CodeLeadConverted {
		t.Errorf("second conversion: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM contacts`); n != 1 {
		t.Errorf("%d contacts after a refused second conversion", n)
	}
	upd := got
	upd.Version++
	if err := db.UpdateLead(ctx, upd); crm.ErrorCode(err) != crm.CodeLeadConverted {
		t.Errorf("editing a converted lead: %v", err)
	}
}

func TestConvertLeadLinksAnExistingCompany(t *testing.T) {
	ctx := context.Background()
	db, clock, l, _ := conversionFixture(t)
	bo := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo", Company: "ACME ltd."})
	existing, err := db.GetContact(ctx, bo.ID)
	if err != nil || existing.CompanyID == "" {
		t.Fatalf("Bo: %+v, %v", existing, err)
	}
	// A new company by the same name key links the existing one.
	conv := conversionOf(clock, l, false)
	res, err := db.ConvertLead(ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	if res.CompanyID != existing.CompanyID || res.DealID != "" {
		t.Errorf("result %+v, want company %s", res, existing.CompanyID)
	}
	if n := count(t, db, `SELECT count(*) FROM companies`); n != 1 {
		t.Errorf("%d companies", n)
	}
	// Linking by id uses that company's name.
	other := mustLead(t, db, clock, crm.LeadFields{Name: "Cy", CompanyName: "Whatever"}, 0)
	conv = conversionOf(clock, other, false)
	conv.NewCompany, conv.CompanyID = nil, existing.CompanyID
	res, err = db.ConvertLead(ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.GetContact(ctx, res.ContactID)
	if err != nil || c.CompanyID != existing.CompanyID || c.Company != "ACME ltd." {
		t.Errorf("linked contact %+v, %v", c, err)
	}
	if n := count(t, db, `SELECT count(*) FROM journal WHERE entity_id = ?`, res.ContactID); n != 1 {
		t.Errorf("the new contact is journalled %d times, want once (sync sends it)", n)
	}
}

func TestConvertLeadOpensARealDealAndABadStageRollsBack(t *testing.T) {
	ctx := context.Background()
	db, clock, l, acts := conversionFixture(t)
	conv := conversionOf(clock, l, true)
	conv.Deal.PipelineID, conv.Deal.StageID = crm.DefaultPipelineID, "no-such-stage"
	conv.Deal.Amount = crm.Money{Minor: 120000, Currency: "EUR"}
	if _, err := db.ConvertLead(ctx, conv); err == nil {
		t.Fatal("a deal in a stage that does not exist was accepted")
	}
	for _, q := range []string{`SELECT count(*) FROM contacts`, `SELECT count(*) FROM companies`, `SELECT count(*) FROM deals`,
		`SELECT count(*) FROM journal`, `SELECT count(*) FROM leads WHERE status = 'converted'`} {
		if n := count(t, db, q); n != 0 {
			t.Errorf("%s = %d after a failed conversion", q, n)
		}
	}
	conv.Deal.StageID = crm.DefaultStageMeeting
	res, err := db.ConvertLead(ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	deal, err := db.GetDeal(ctx, res.DealID)
	if err != nil {
		t.Fatal(err)
	}
	if deal.LeadID != l.ID || deal.CompanyID != res.CompanyID || deal.Amount != conv.Deal.Amount ||
		len(deal.Contacts) != 1 || deal.Contacts[0].ID != res.ContactID || deal.StageID != crm.DefaultStageMeeting {
		t.Errorf("deal %+v", deal)
	}
	if n := count(t, db, `SELECT count(*) FROM activities WHERE deal_id = ?`, res.DealID); n != len(acts) {
		t.Errorf("%d activities on the deal, want %d", n, len(acts))
	}
}
