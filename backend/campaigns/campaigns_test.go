package campaigns_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/campaigns"
	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/deals"
	"fieldbook/backend/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

type env struct {
	svc   *campaigns.Service
	deals *deals.Service
	db    *store.DB
	clock *clock
}

// setup opens a temp-file database with EUR as home currency and a rate
// for USD (none for GBP).
func setup(t *testing.T) env { return setupTB(t) }

// setupTB is setup for tests and benchmarks.
func setupTB(t testing.TB) env {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "campaigns.db"), store.WithClock(c))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cur := currencies.New(db, c, func() string { return "DE" })
	if _, err := cur.SetHome(ctx, "EUR"); err != nil {
		t.Fatal(err)
	}
	if _, err := cur.SaveRate(ctx, crm.ExchangeRate{Currency: "USD", Date: "2026-01-01", Rate: "0.9"}); err != nil {
		t.Fatal(err)
	}
	return env{svc: campaigns.New(db, cur, c), deals: deals.New(db, cur, c), db: db, clock: c}
}

func (e env) contact(t *testing.T, f crm.ContactFields) crm.Contact {
	t.Helper()
	now := e.clock.Now()
	c := crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := e.db.CreateContact(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func code(err error) string { return crm.ErrorCode(err) }

func TestCreateValidatesAndDefaults(t *testing.T) {
	ctx := context.Background()
	e := setup(t)
	c, err := e.svc.Create(ctx, campaigns.Input{Name: "  Trade fair ", Cost: "1,250.50"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Trade fair" || c.Channel != crm.ChannelOther || c.Cost != (crm.Money{Minor: 125050, Currency: "EUR"}) {
		t.Fatalf("created %+v", c.CampaignFields)
	}
	bad := []struct {
		in    campaigns.Input
		code  string
		field string
	}{
		{campaigns.Input{}, crm.CodeCampaignInvalid, "name"},
		{campaigns.Input{Name: "x", Channel: "telepathy"}, crm.CodeCampaignInvalid, "channel"},
		{campaigns.Input{Name: "x", Cost: "-5"}, crm.CodeAmountInvalid, "cost"},
		{campaigns.Input{Name: "x", Cost: "abc"}, crm.CodeAmountInvalid, "cost"},
		{campaigns.Input{Name: "x", Cost: "1.5", Currency: "JPY"}, crm.CodeAmountInvalid, "cost"},
		{campaigns.Input{Name: "x", Currency: "XXY"}, crm.CodeCurrencyInvalid, ""},
		{campaigns.Input{Name: "x", StartsOn: "2026-13-01"}, crm.CodeDateInvalid, "startsOn"},
		{campaigns.Input{Name: "x", StartsOn: "2026-05-02", EndsOn: "2026-05-01"}, crm.CodeCampaignInvalid, "endsOn"},
		{campaigns.Input{Name: "x", FilterID: "nope"}, crm.CodeCampaignInvalid, "filterId"},
	}
	for _, b := range bad {
		_, err := e.svc.Create(ctx, b.in)
		var ce *crm.Error
		if code(err) != b.code {
			t.Errorf("%+v: err %v, want code %s", b.in, err, b.code)
			continue
		}
		if b.field != "" {
			if ok := asErr(err, &ce); !ok || ce.Field != b.field {
				t.Errorf("%+v: field of %v, want %s", b.in, err, b.field)
			}
		}
	}
}

func TestUpdateNeedsTheCurrentVersion(t *testing.T) {
	ctx := context.Background()
	e := setup(t)
	c, _ := e.svc.Create(ctx, campaigns.Input{Name: "A", Channel: "email"})
	u, err := e.svc.Update(ctx, c.ID, 1, campaigns.Input{Name: "B", Channel: "ads", Cost: "10", Currency: "usd"})
	if err != nil || u.Version != 2 || u.Channel != crm.ChannelAds || u.Cost != (crm.Money{Minor: 1000, Currency: "USD"}) {
		t.Fatalf("update = %+v, %v", u, err)
	}
	if _, err := e.svc.Update(ctx, c.ID, 1, campaigns.Input{Name: "C"}); code(err) != crm.CodeVersionConflict {
		t.Fatalf("stale: %v", err)
	}
	same, err := e.svc.Update(ctx, c.ID, 2, campaigns.Input{Name: "B", Channel: "ads", Cost: "10.00", Currency: "USD"})
	if err != nil || same.Version != 2 {
		t.Fatalf("unchanged edit = %+v, %v", same, err)
	}
	if err := e.svc.Delete(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := e.svc.List(ctx); len(list) != 0 {
		t.Fatalf("deleted listed: %+v", list)
	}
	if r, err := e.svc.Restore(ctx, c.ID); err != nil || r.DeletedAt != nil {
		t.Fatalf("restore = %+v, %v", r, err)
	}
}

func TestFilterTargetRespondAttributeAndStats(t *testing.T) {
	ctx := context.Background()
	e := setup(t)
	ann := e.contact(t, crm.ContactFields{GivenName: "Ann", Tags: []string{"fair"}, Emails: []crm.LabeledValue{{Value: "a@x.test"}}})
	e.contact(t, crm.ContactFields{GivenName: "Bob", Tags: []string{"Fair"}})
	e.contact(t, crm.ContactFields{GivenName: "Cy", Tags: []string{"other"}, Emails: []crm.LabeledValue{{Value: "c@x.test"}}})

	if _, err := e.svc.SaveFilter(ctx, campaigns.FilterInput{Name: " "}); code(err) != crm.CodeFilterInvalid {
		t.Fatalf("nameless filter: %v", err)
	}
	f, err := e.svc.SaveFilter(ctx, campaigns.FilterInput{Name: "Fair visitors", Filter: crm.ContactFilter{Tags: []string{" fair", "FAIR", ""}}})
	if err != nil || len(f.Filter.Tags) != 1 || f.Filter.Tags[0] != "fair" {
		t.Fatalf("filter = %+v, %v", f, err)
	}
	prev, err := e.svc.Preview(ctx, f.Filter, 1)
	if err != nil || prev.Total != 2 || len(prev.Items) != 1 {
		t.Fatalf("preview = %+v, %v", prev, err)
	}
	c, err := e.svc.Create(ctx, campaigns.Input{Name: "Fair", Channel: "event", Cost: "1000", StartsOn: "2026-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Target(ctx, c.ID); code(err) != crm.CodeCampaignNoFilter {
		t.Fatalf("target without filter: %v", err)
	}
	c, err = e.svc.Update(ctx, c.ID, c.Version, campaigns.Input{Name: "Fair", Channel: "event", Cost: "1000", StartsOn: "2026-10-01", FilterID: f.ID})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := e.svc.Target(ctx, c.ID); err != nil || n != 2 {
		t.Fatalf("target = %d, %v", n, err)
	}
	if err := e.svc.RecordResponse(ctx, c.ID, ann.ID, "visited the stand", nil); err != nil {
		t.Fatal(err)
	}
	// The filter widens to everyone with an e-mail: Cy is added, Ann keeps her response.
	if _, err := e.svc.SaveFilter(ctx, campaigns.FilterInput{ID: f.ID, Name: "Fair visitors", Filter: crm.ContactFilter{HasEmail: true}}); err != nil {
		t.Fatal(err)
	}
	if n, err := e.svc.Target(ctx, c.ID); err != nil || n != 1 {
		t.Fatalf("re-target = %d, %v", n, err)
	}
	rows, total, err := e.svc.Contacts(ctx, c.ID, 0, 10)
	if err != nil || total != 3 || rows[0].Response != "visited the stand" || rows[0].Email != "a@x.test" {
		t.Fatalf("contacts = %+v (%d), %v", rows, total, err)
	}

	// Deals: EUR 3,000.00 won, USD 1,000.00 won (× 0.9 = EUR 900.00), one open.
	won1, err := e.deals.Create(ctx, deals.Input{Title: "Stand order", Amount: "3000"})
	if err != nil {
		t.Fatal(err)
	}
	won2, _ := e.deals.Create(ctx, deals.Input{Title: "US order", Amount: "1000", Currency: "USD"})
	open, _ := e.deals.Create(ctx, deals.Input{Title: "Maybe", Amount: "50000"})
	for _, d := range []deals.Deal{won1, won2} {
		if _, err := e.deals.Win(ctx, d.ID, d.Version, "fair"); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []deals.Deal{won1, won2, open} {
		if err := e.svc.AttributeDeal(ctx, d.ID, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	if id, _ := e.svc.DealCampaign(ctx, open.ID); id != c.ID {
		t.Fatalf("deal campaign = %q", id)
	}
	// Editing the deal in the deals editor keeps the attribution.
	cur, _ := e.deals.Get(ctx, open.ID)
	if _, err := e.deals.Update(ctx, open.ID, cur.Version, deals.Input{Title: "Maybe later", Amount: "50000"}); err != nil {
		t.Fatal(err)
	}
	if id, _ := e.svc.DealCampaign(ctx, open.ID); id != c.ID {
		t.Fatalf("deal edit dropped the campaign: %q", id)
	}

	// Hand-computed: revenue 3,000 + 900 = EUR 3,900.00; cost EUR 1,000.00;
	// ROI (3,900 − 1,000)/1,000 = 2.9 = 29,000 bp; 1 of 3 responded = 3,333 bp.
	st, err := e.svc.Stats(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Targeted != 3 || st.Responded != 1 || *st.ResponseRateBP != 3333 || st.Deals != 3 || st.Won != 2 ||
		st.Revenue != (crm.Money{Minor: 390000, Currency: "EUR"}) || st.ROIBP == nil || *st.ROIBP != 29000 {
		t.Fatalf("stats = %+v", st)
	}
	list, err := e.svc.List(ctx)
	if err != nil || len(list) != 1 || list[0].Stats.ROIBP == nil || *list[0].Stats.ROIBP != 29000 || list[0].Home != "EUR" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	ds, err := e.svc.Deals(ctx, c.ID)
	if err != nil || len(ds) != 3 || ds[0].Title != "Maybe later" {
		t.Fatalf("deals = %+v, %v", ds, err)
	}
	// Taking the response back.
	if err := e.svc.ClearResponse(ctx, c.ID, ann.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := e.svc.Stats(ctx, c.ID); st.Responded != 0 {
		t.Fatalf("after clear = %+v", st)
	}
	if _, _, err := e.svc.Contacts(ctx, c.ID, 0, campaigns.MaxPage+1); code(err) != crm.CodeInvalidInput {
		t.Fatalf("oversized window: %v", err)
	}
}

func asErr(err error, target **crm.Error) bool {
	return errors.As(err, target)
}
