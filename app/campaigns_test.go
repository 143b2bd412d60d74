package app

import (
	"reflect"
	"slices"
	"testing"
)

func TestCampaignDTOsUseTheAgreedJSONNames(t *testing.T) {
	for name, c := range map[string]struct {
		v    any
		want []string
	}{
		"Campaign": {Campaign{}, sorted("id", "version", "name", "channel", "cost", "startsOn", "endsOn", "filterId", "ownerId",
			"notes", "createdAt", "updatedAt", "stats")},
		"CampaignStats": {CampaignStats{}, sorted("targeted", "responded", "responseRate", "deals", "won", "revenue", "cost", "roi",
			"missingRates", "homeCurrency")},
		"CampaignInput":       {CampaignInput{}, sorted("name", "channel", "cost", "currency", "startsOn", "endsOn", "filterId", "ownerId", "notes")},
		"ContactFilter":       {ContactFilter{}, sorted("query", "tags", "companyId", "hasEmail")},
		"SavedFilter":         {SavedFilter{}, sorted("id", "name", "filter")},
		"FilterPreview":       {FilterPreview{}, sorted("total", "sample")},
		"CampaignContact":     {CampaignContact{}, sorted("contactId", "name", "email", "addedAt", "respondedAt", "response")},
		"CampaignContactPage": {CampaignContactPage{}, sorted("items", "total", "offset")},
		"CampaignDeal":        {CampaignDeal{}, sorted("id", "title", "status", "stageName", "amount", "closedAt")},
	} {
		if got := jsonKeys(t, c.v); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s JSON names = %v, want %v", name, got, c.want)
		}
	}
}

// TestCampaignsServiceFlow: a saved filter, a campaign targeting it, a
// response, an attributed won deal and the ROI. By hand, home EUR:
// won USD 2,000.00 × 0.9 = EUR 1,800.00 revenue; cost EUR 600.00;
// ROI (1,800 − 600)/600 = 2 = 20,000 bp; 1 of 2 responded = 5,000 bp.
// Before any deal: (0 − 600)/600 = −1 = −10,000 bp.
func TestCampaignsServiceFlow(t *testing.T) {
	ev := &recorder{}
	s := openCalendarServices(t, ev)
	if _, err := s.Currency.SetHome("EUR"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Currency.SaveRate(ExchangeRate{Currency: "USD", Date: "2026-01-01", Rate: "0.9"}); err != nil {
		t.Fatal(err)
	}
	ann, err := s.Contacts.Create(ContactInput{GivenName: "Ann", Tags: []string{"expo"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contacts.Create(ContactInput{GivenName: "Bob", Tags: []string{"expo"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contacts.Create(ContactInput{GivenName: "Cy"}); err != nil {
		t.Fatal(err)
	}
	prev, err := s.Campaigns.PreviewFilter(ContactFilter{Tags: []string{"expo"}}, 5)
	if err != nil || prev.Total != 2 || len(prev.Sample) != 2 || prev.Sample[0].DisplayName != "Ann" {
		t.Fatalf("preview = %+v, %v", prev, err)
	}
	ev.take()
	f, err := s.Campaigns.SaveFilter(SavedFilterInput{Name: "Expo", Filter: ContactFilter{Tags: []string{"expo"}}})
	if err != nil || !slices.Contains(ev.take(), EventCampaignsChanged) {
		t.Fatalf("save filter = %+v, %v", f, err)
	}
	c, err := s.Campaigns.Create(CampaignInput{Name: "Expo 2026", Channel: "event", Cost: "600", StartsOn: "2026-03-01", FilterID: f.ID})
	if err != nil {
		t.Fatal(err)
	}
	if c.Cost.Text != "€600.00" || c.Stats.ROI == nil || *c.Stats.ROI != -10000 || c.Stats.ResponseRate != nil || c.Stats.Revenue.Text != "€0.00" {
		t.Fatalf("new campaign = %+v", c)
	}
	if n, err := s.Campaigns.Target(c.ID); err != nil || n != 2 {
		t.Fatalf("target = %d, %v", n, err)
	}
	if err := s.Campaigns.RecordResponse(c.ID, ann.ID, "booked a demo", true); err != nil {
		t.Fatal(err)
	}
	page, err := s.Campaigns.Contacts(c.ID, 0, 10)
	if err != nil || page.Total != 2 || page.Items[0].Response != "booked a demo" || page.Items[0].RespondedAt != "2026-03-20T12:00:00Z" ||
		page.Items[1].RespondedAt != "" {
		t.Fatalf("contacts = %+v, %v", page, err)
	}
	d, err := s.Deals.Create(DealInput{Title: "Demo deal", Amount: "2000", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Deals.Win(d.ID, d.Version, "demo"); err != nil {
		t.Fatal(err)
	}
	ev.take()
	if err := s.Campaigns.AttributeDeal(d.ID, c.ID); err != nil || !slices.Contains(ev.take(), EventCampaignsChanged) {
		t.Fatalf("attribute: %v", err)
	}
	if id, err := s.Campaigns.DealCampaign(d.ID); err != nil || id != c.ID {
		t.Fatalf("deal campaign = %q, %v", id, err)
	}
	st, err := s.Campaigns.Stats(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Targeted != 2 || st.Responded != 1 || st.ResponseRate == nil || *st.ResponseRate != 5000 || st.Won != 1 ||
		st.Revenue.Text != "€1,800.00" || st.ROI == nil || *st.ROI != 20000 || st.HomeCurrency != "EUR" || len(st.MissingRates) != 0 {
		t.Fatalf("stats = %+v", st)
	}
	ds, err := s.Campaigns.Deals(c.ID)
	if err != nil || len(ds) != 1 || ds[0].Amount.Text != "US$2,000.00" && ds[0].Amount.Text != "$2,000.00" || ds[0].Status != "won" {
		t.Fatalf("deals = %+v, %v", ds, err)
	}
	list, err := s.Campaigns.List()
	if err != nil || len(list) != 1 || list[0].Stats.ROI == nil || *list[0].Stats.ROI != 20000 {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if err := s.Campaigns.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Campaigns.List(); len(list) != 0 {
		t.Fatalf("deleted listed: %+v", list)
	}
	if r, err := s.Campaigns.Restore(c.ID); err != nil || r.Stats.ROI == nil {
		t.Fatalf("restore = %+v, %v", r, err)
	}
}
