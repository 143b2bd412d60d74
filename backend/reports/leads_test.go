package reports

import (
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func TestLeadConversion(t *testing.T) {
	f := newFixture(t)
	add := func(source string, status crm.LeadStatus, owner, created string) {
		t.Helper()
		c := at(created)
		l := crm.Lead{ID: f.id(), Version: 1, CreatedAt: c, UpdatedAt: c,
			LeadFields: crm.LeadFields{Name: "Lead", Source: source, Status: status, OwnerID: owner}}
		if status == crm.LeadConverted {
			conv := c.Add(48 * time.Hour)
			l.ConvertedAt = &conv
		}
		if err := f.db.CreateLead(f.ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	add("web", crm.LeadConverted, "o-ann", "2026-02-01T10:00:00Z")
	add("web", crm.LeadNew, "o-ann", "2026-02-02T10:00:00Z")
	add("web", crm.LeadQualified, "o-bob", "2026-03-02T10:00:00Z")
	add("fair", crm.LeadConverted, "o-bob", "2026-04-02T10:00:00Z")
	add("", crm.LeadNew, "o-bob", "2026-04-03T10:00:00Z")
	add("web", crm.LeadConverted, "o-ann", "2025-12-01T10:00:00Z") // before the range
	// In the range: web 1 of 3 converted, fair 1 of 1, no source 0 of 1;
	// all 2 of 5. Sources in name order, no source last.
	check(t, "leads", raws(f.run("lead_conversion", Filters{Range: half})), [][]string{
		{"fair", "1", "1", "1.0000"},
		{"web", "3", "1", "0.3333"},
		{"", "1", "0", "0.0000"},
		{"TOTAL", "5", "2", "0.4000"},
	})
	// Ann's: two web leads, one converted.
	check(t, "ann's leads", raws(f.run("lead_conversion", Filters{Range: half, OwnerID: "o-ann"})), [][]string{
		{"web", "2", "1", "0.5000"},
		{"TOTAL", "2", "1", "0.5000"},
	})
}
