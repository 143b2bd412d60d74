package seed

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
	"fieldbook/backend/store"
)

// seededLeads seeds n leads into a new temp-file database and returns them
// in name order with the summary.
func seededLeads(t *testing.T, n int, seed uint64) ([]crm.Lead, LeadSummary) {
	t.Helper()
	ctx := context.Background()
	clock := &stepClock{t: time.Date(2026, 6, 10, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "leads.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := PopulateLeads(ctx, leads.New(db, clock), []string{"o1", "o2"}, n, clock.Now(), seed)
	if err != nil {
		t.Fatal(err)
	}
	page, err := db.ListLeads(ctx, crm.LeadFilter{Sort: crm.LeadsByName, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != n {
		t.Fatalf("%d leads stored, want %d", page.Total, n)
	}
	return page.Items, sum
}

func TestPopulateLeadsIsDeterministicAndVaried(t *testing.T) {
	a, sumA := seededLeads(t, 300, 7)
	b, sumB := seededLeads(t, 300, 7)
	if sumA != sumB {
		t.Errorf("summaries differ: %+v vs %+v", sumA, sumB)
	}
	for i := range a {
		if a[i].LeadFields != b[i].LeadFields || a[i].Score != b[i].Score {
			t.Fatalf("lead %d differs:\n%+v\n%+v", i, a[i].LeadFields, b[i].LeadFields)
		}
	}
	if sumA.Leads != 300 || sumA.Converted == 0 || sumA.Deals == 0 || sumA.Deals > sumA.Converted {
		t.Errorf("summary %+v", sumA)
	}
	sources, statuses, owners := map[string]int{}, map[crm.LeadStatus]int{}, map[string]int{}
	converted, scored := 0, 0
	for _, l := range a {
		sources[l.Source]++
		statuses[l.Status]++
		owners[l.OwnerID]++
		if l.Status == crm.LeadConverted {
			converted++
			if l.ConvertedContactID == "" || l.ConvertedCompanyID == "" {
				t.Errorf("converted lead without its records: %+v", l)
			}
		}
		if l.Score > 0 && len(l.ScoreReasons) > 0 {
			scored++
		}
	}
	if converted != sumA.Converted {
		t.Errorf("%d converted leads, summary says %d", converted, sumA.Converted)
	}
	if len(sources) < 5 || len(statuses) != 5 || owners["o1"] != 150 || owners["o2"] != 150 {
		t.Errorf("sources %v statuses %v owners %v", sources, statuses, owners)
	}
	if scored < 250 {
		t.Errorf("only %d of 300 leads have a score", scored)
	}
	c, _ := seededLeads(t, 300, 8)
	if c[0].LeadFields == a[0].LeadFields && c[1].LeadFields == a[1].LeadFields {
		t.Error("another seed gave the same leads")
	}
}
