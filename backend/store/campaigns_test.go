package store

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func newCampaign(clock crm.Clock, name, filterID string, cost crm.Money) crm.Campaign {
	now := clock.Now()
	return crm.Campaign{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, CampaignFields: crm.CampaignFields{
		Name: name, Channel: crm.ChannelEmail, Cost: cost, StartsOn: "2026-10-01", FilterID: filterID,
	}}
}

func saveFilter(t *testing.T, db *DB, clock crm.Clock, name string, f crm.ContactFilter) crm.SavedFilter {
	t.Helper()
	now := clock.Now()
	sf := crm.SavedFilter{ID: crm.NewID(now), Name: name, Entity: crm.EntityContactFilter, Filter: f, CreatedAt: now, UpdatedAt: now}
	if err := db.SaveFilter(context.Background(), sf); err != nil {
		t.Fatal(err)
	}
	return sf
}

func codeOf(err error) string {
	var ce *crm.Error
	if errors.As(err, &ce) {
		return ce.Code
	}
	return ""
}

func TestFilterContactsByTextTagsCompanyAndEmail(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee", Company: "Acme", Tags: []string{"VIP", "press"},
		Emails: []crm.LabeledValue{{Value: "ann@acme.test"}}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", FamilyName: "Lee", Company: "Acme", Tags: []string{"press"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Cat", FamilyName: "Roe", Tags: []string{"vip"},
		Emails: []crm.LabeledValue{{Value: "cat@roe.test"}}})
	dan := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Dan", FamilyName: "Lee", Tags: []string{"vip"}})
	if _, err := db.DeleteContact(ctx, dan.ID); err != nil {
		t.Fatal(err)
	}
	acme := companyOf(t, db, ann.ID)

	cases := []struct {
		name string
		f    crm.ContactFilter
		want []string
	}{
		{"nothing", crm.ContactFilter{}, []string{"Ann Lee", "Bob Lee", "Cat Roe"}},
		{"text", crm.ContactFilter{Query: "lee"}, []string{"Ann Lee", "Bob Lee"}},
		{"tag folded", crm.ContactFilter{Tags: []string{"vip"}}, []string{"Ann Lee", "Cat Roe"}},
		{"two tags", crm.ContactFilter{Tags: []string{"vip", "PRESS"}}, []string{"Ann Lee"}},
		{"company", crm.ContactFilter{CompanyID: acme.ID}, []string{"Ann Lee", "Bob Lee"}},
		{"has email", crm.ContactFilter{HasEmail: true}, []string{"Ann Lee", "Cat Roe"}},
		{"text and tag", crm.ContactFilter{Query: "lee", Tags: []string{"vip"}}, []string{"Ann Lee"}},
		{"no match", crm.ContactFilter{Tags: []string{"nobody"}}, nil},
	}
	for _, c := range cases {
		page, err := db.FilterContacts(ctx, c.f, 0, 10)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		if len(page.Items) > 0 {
			got = names(page.Items)
		}
		if !reflect.DeepEqual(got, c.want) || page.Total != len(c.want) {
			t.Errorf("%s: got %v (total %d), want %v", c.name, got, page.Total, c.want)
		}
	}
	// A window: the total counts every match.
	page, err := db.FilterContacts(ctx, crm.ContactFilter{Tags: []string{"press"}}, 1, 1)
	if err != nil || page.Total != 2 || len(page.Items) != 1 || page.Items[0].DisplayName() != "Bob Lee" {
		t.Fatalf("window = %+v, %v", page, err)
	}
}

func TestSavedFiltersListUpdateDelete(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	b := saveFilter(t, db, clock, "b press", crm.ContactFilter{Tags: []string{"press"}})
	a := saveFilter(t, db, clock, "A vip", crm.ContactFilter{Tags: []string{"vip"}, HasEmail: true})
	a.Name, a.Filter.Query, a.UpdatedAt = "A vip people", "x", clock.Now()
	if err := db.SaveFilter(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := db.ListFilters(ctx, crm.EntityContactFilter)
	if err != nil || len(got) != 2 || got[0].Name != "A vip people" || got[1].ID != b.ID {
		t.Fatalf("filters = %+v, %v", got, err)
	}
	if !reflect.DeepEqual(got[0].Filter, crm.ContactFilter{Query: "x", Tags: []string{"vip"}, HasEmail: true}) {
		t.Fatalf("filter = %+v", got[0].Filter)
	}
	if err := db.DeleteFilter(ctx, b.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteFilter(ctx, b.ID, clock.Now()); codeOf(err) != crm.CodeNotFound {
		t.Fatalf("second delete: %v", err)
	}
	if got, _ := db.ListFilters(ctx, crm.EntityContactFilter); len(got) != 1 {
		t.Fatalf("after delete = %+v", got)
	}
	// A campaign cannot point at a deleted filter.
	c := newCampaign(clock, "Spring", b.ID, crm.Money{Currency: "EUR"})
	if err := db.CreateCampaign(ctx, c); codeOf(err) != crm.CodeCampaignInvalid {
		t.Fatalf("campaign on deleted filter: %v", err)
	}
}

func TestCampaignCRUDWithVersions(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	c := newCampaign(clock, "Autumn mailing", "", crm.Money{Minor: 50000, Currency: "EUR"})
	if err := db.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetCampaign(ctx, c.ID)
	if err != nil || got.Name != "Autumn mailing" || got.Cost != c.Cost || got.Channel != crm.ChannelEmail || got.Version != 1 {
		t.Fatalf("get = %+v, %v", got, err)
	}
	next := got
	next.Name, next.Version, next.UpdatedAt = "Autumn mail", 2, clock.Now()
	if err := db.UpdateCampaign(ctx, next); err != nil {
		t.Fatal(err)
	}
	stale := got
	stale.Version, stale.Name = 2, "lost edit"
	if err := db.UpdateCampaign(ctx, stale); codeOf(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update: %v", err)
	}
	if err := db.SetCampaignDeleted(ctx, c.ID, true, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.ListCampaigns(ctx); len(list) != 0 {
		t.Fatalf("deleted campaign listed: %+v", list)
	}
	if err := db.SetCampaignDeleted(ctx, c.ID, false, clock.Now()); err != nil {
		t.Fatal(err)
	}
	list, _ := db.ListCampaigns(ctx)
	if len(list) != 1 || list[0].Name != "Autumn mail" || list[0].Version != 4 {
		t.Fatalf("restored = %+v", list)
	}
}

func TestTargetAgainAddsNewMatchesAndKeepsResponses(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Tags: []string{"vip"}})
	bob := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", Tags: []string{"vip"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Cy"})
	f := crm.ContactFilter{Tags: []string{"vip"}}
	c := newCampaign(clock, "VIP evening", "", crm.Money{Currency: "EUR"})
	if err := db.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	first := clock.Now()
	if n, err := db.TargetCampaign(ctx, c.ID, f, first); err != nil || n != 2 {
		t.Fatalf("target = %d, %v", n, err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	if err := db.RecordCampaignResponse(ctx, c.ID, ann.ID, "came with two guests", &at, clock.Now()); err != nil {
		t.Fatal(err)
	}
	dee := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Dee", Tags: []string{"VIP"}})
	if n, err := db.TargetCampaign(ctx, c.ID, f, clock.Now()); err != nil || n != 1 {
		t.Fatalf("second target = %d, %v", n, err)
	}
	got, total, err := db.CampaignContacts(ctx, c.ID, 0, 10)
	if err != nil || total != 3 || len(got) != 3 {
		t.Fatalf("contacts = %+v (%d), %v", got, total, err)
	}
	if got[0].ContactID != ann.ID || got[0].Response != "came with two guests" || got[0].RespondedAt == nil ||
		!got[0].RespondedAt.Equal(at) || !got[0].AddedAt.Equal(first) {
		t.Fatalf("ann = %+v", got[0])
	}
	if got[1].ContactID != bob.ID || got[1].RespondedAt != nil || got[2].ContactID != dee.ID {
		t.Fatalf("rows = %+v", got)
	}
	// Clearing a response.
	if err := db.RecordCampaignResponse(ctx, c.ID, ann.ID, "ignored", nil, clock.Now()); err != nil {
		t.Fatal(err)
	}
	got, _, _ = db.CampaignContacts(ctx, c.ID, 0, 1)
	if got[0].RespondedAt != nil || got[0].Response != "" {
		t.Fatalf("cleared = %+v", got[0])
	}
	if err := db.RecordCampaignResponse(ctx, c.ID, "no-such-contact", "x", &at, clock.Now()); codeOf(err) != crm.CodeNotFound {
		t.Fatalf("unknown contact: %v", err)
	}
	if _, err := db.TargetCampaign(ctx, "no-such-campaign", f, clock.Now()); codeOf(err) != crm.CodeNotFound {
		t.Fatalf("unknown campaign: %v", err)
	}
}

func TestDealAttributionAndCampaignFigures(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Tags: []string{"vip"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", Tags: []string{"vip"}})
	c := newCampaign(clock, "Fair", "", crm.Money{Minor: 100000, Currency: "EUR"})
	other := newCampaign(clock, "Ads", "", crm.Money{Minor: 500, Currency: "USD"})
	other.StartsOn = ""
	for _, x := range []crm.Campaign{c, other} {
		if err := db.CreateCampaign(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.TargetCampaign(ctx, c.ID, crm.ContactFilter{Tags: []string{"vip"}}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	at := clock.Now()
	if err := db.RecordCampaignResponse(ctx, c.ID, ann.ID, "yes", &at, at); err != nil {
		t.Fatal(err)
	}
	closed := time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC)
	won := newDeal(clock, "Won", crm.DefaultStageProposal, 250000, "EUR")
	won.Status, won.ClosedAt = crm.DealWon, &closed
	won2 := newDeal(clock, "Won in yen", crm.DefaultStageProposal, 30000, "JPY")
	won2.Status, won2.ClosedAt = crm.DealWon, &closed
	open := newDeal(clock, "Open", crm.DefaultStageMeeting, 999, "EUR")
	deleted := newDeal(clock, "Deleted", crm.DefaultStageMeeting, 777, "EUR")
	deleted.Status, deleted.ClosedAt = crm.DealWon, &closed
	for _, d := range []crm.Deal{won, won2, open, deleted} {
		mustCreateDeal(t, db, d)
		if err := db.SetDealCampaign(ctx, d.ID, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.DeleteDeal(ctx, deleted.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if id, err := db.DealCampaign(ctx, won.ID); err != nil || id != c.ID {
		t.Fatalf("deal campaign = %q, %v", id, err)
	}
	ds, err := db.CampaignDeals(ctx, c.ID)
	if err != nil || len(ds) != 3 || ds[0].Title != "Open" {
		t.Fatalf("campaign deals = %+v, %v", ds, err)
	}
	figs, err := db.CampaignFigures(ctx)
	if err != nil || len(figs) != 2 {
		t.Fatalf("figures = %+v, %v", figs, err)
	}
	f := figs[0]
	sort.Slice(f.Won, func(i, j int) bool { return f.Won[i].Amount.Currency < f.Won[j].Amount.Currency })
	want := crm.CampaignFigures{CampaignID: c.ID, Name: "Fair", Cost: crm.Money{Minor: 100000, Currency: "EUR"}, CostDate: "2026-10-01",
		Targeted: 2, Responded: 1, Deals: 3, Won: []crm.DatedMoney{
			{Amount: crm.Money{Minor: 250000, Currency: "EUR"}, Date: "2026-11-02"},
			{Amount: crm.Money{Minor: 30000, Currency: "JPY"}, Date: "2026-11-02"}}}
	if !reflect.DeepEqual(f, want) {
		t.Fatalf("figures = %+v\nwant %+v", f, want)
	}
	if figs[1].CampaignID != other.ID || figs[1].CostDate != "2026-11-23" || figs[1].Targeted != 0 || len(figs[1].Won) != 0 {
		t.Fatalf("other = %+v", figs[1])
	}
	// Detach; a deleted campaign cannot take deals.
	if err := db.SetDealCampaign(ctx, won.ID, ""); err != nil {
		t.Fatal(err)
	}
	if figs, _ := db.CampaignFigures(ctx, c.ID); len(figs) != 1 || figs[0].Deals != 2 || len(figs[0].Won) != 1 {
		t.Fatalf("after detach = %+v", figs)
	}
	if err := db.SetCampaignDeleted(ctx, other.ID, true, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDealCampaign(ctx, won.ID, other.ID); codeOf(err) != crm.CodeNotFound {
		t.Fatalf("attribute to deleted campaign: %v", err)
	}
}

func TestFilterTagsArePhrasesAndExact(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Tags: []string{"trade-fair-2026"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", Tags: []string{"trade-fair-2026-extra"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Cy", Tags: []string{"fair", "trade", "2026"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Di", Tags: []string{"Trade Fair 2026"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ed", Tags: []string{`"odd"*`}})
	for _, c := range []struct {
		f    crm.ContactFilter
		want []string
	}{
		{crm.ContactFilter{Tags: []string{"trade-fair-2026"}}, []string{"Ann"}},
		{crm.ContactFilter{Tags: []string{"TRADE-FAIR-2026"}, Query: "an"}, []string{"Ann"}},
		{crm.ContactFilter{Tags: []string{"trade fair 2026"}}, []string{"Di"}},
		{crm.ContactFilter{Tags: []string{`"odd"*`}}, []string{"Ed"}},
		{crm.ContactFilter{Tags: []string{"***"}}, nil},
	} {
		page, err := db.FilterContacts(ctx, c.f, 0, 10)
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		var got []string
		if len(page.Items) > 0 {
			got = names(page.Items)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: got %v, want %v", c.f, got, c.want)
		}
	}
}

func TestTargetedCountsAreASnapshotKeptByTriggers(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", Tags: []string{"x"}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", Tags: []string{"x"}})
	c := newCampaign(clock, "C", "", crm.Money{Currency: "EUR"})
	if err := db.CreateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TargetCampaign(ctx, c.ID, crm.ContactFilter{Tags: []string{"x"}}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	at := clock.Now()
	for range 2 { // recording twice counts once
		if err := db.RecordCampaignResponse(ctx, c.ID, ann.ID, "yes", &at, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.DeleteContact(ctx, ann.ID); err != nil {
		t.Fatal(err)
	}
	figs, err := db.CampaignFigures(ctx, c.ID)
	if err != nil || figs[0].Targeted != 2 || figs[0].Responded != 1 {
		t.Fatalf("figures = %+v, %v", figs, err)
	}
	if err := db.RecordCampaignResponse(ctx, c.ID, ann.ID, "", nil, clock.Now()); codeOf(err) != crm.CodeNotFound {
		t.Fatalf("response of a deleted contact: %v", err)
	}
	if _, total, _ := db.CampaignContacts(ctx, c.ID, 0, 10); total != 1 {
		t.Fatalf("the list shows %d live contacts", total)
	}
}
