package campaigns_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"fieldbook/backend/campaigns"
	"fieldbook/backend/crm"
)

const (
	benchContacts  = 100_000
	benchDeals     = 20_000
	benchCampaigns = 50
)

var benchTags = []string{"customer", "prospect", "vip", "newsletter", "trade-fair-2026", "partner", "reseller", "inactive", "press", "key-account"}

// benchData: 100,000 contacts with up to three of ten tags, 20,000 deals
// (a third won, in EUR and USD), 50 campaigns each targeted from a
// one-tag filter (about 27,000 contacts per tag, so every campaign
// targets thousands), a fifth of the targeted responded, a fifth of the
// deals attributed.
func benchData(b *testing.B) (env, []string) {
	b.Helper()
	e := setupTB(b)
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(3, 4)) // fixed seed: the same data every run
	batch := make([]crm.Contact, 0, 5000)
	for i := range benchContacts {
		now := e.clock.Now()
		f := crm.ContactFields{GivenName: fmt.Sprintf("Given%d", i), FamilyName: fmt.Sprintf("Family%d", rnd.IntN(5000))}
		for range rnd.IntN(4) {
			f.Tags = append(f.Tags, benchTags[rnd.IntN(len(benchTags))])
		}
		if rnd.IntN(2) == 0 {
			f.Emails = []crm.LabeledValue{{Value: fmt.Sprintf("p%d@example.test", i)}}
		}
		batch = append(batch, crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now})
		if len(batch) == cap(batch) {
			if err := e.db.CreateContacts(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	var ids []string
	for i := range benchCampaigns {
		f, err := e.svc.SaveFilter(ctx, campaigns.FilterInput{Name: fmt.Sprintf("Filter %d", i), Filter: crm.ContactFilter{Tags: []string{benchTags[i%len(benchTags)]}}})
		if err != nil {
			b.Fatal(err)
		}
		cur := []string{"EUR", "USD"}[i%2]
		c, err := e.svc.Create(ctx, campaigns.Input{Name: fmt.Sprintf("Campaign %02d", i), Channel: "email", Cost: fmt.Sprintf("%d", 500+rnd.IntN(20_000)),
			Currency: cur, StartsOn: "2026-01-01", FilterID: f.ID})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.svc.Target(ctx, c.ID); err != nil {
			b.Fatal(err)
		}
		rows, _, err := e.db.CampaignContacts(ctx, c.ID, 0, benchContacts)
		if err != nil {
			b.Fatal(err)
		}
		at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
		for _, r := range rows {
			if rnd.IntN(5) == 0 {
				if err := e.db.RecordCampaignResponse(ctx, c.ID, r.ContactID, "yes", &at, at); err != nil {
					b.Fatal(err)
				}
			}
		}
		ids = append(ids, c.ID)
	}
	closed := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range benchDeals {
		now := e.clock.Now()
		d := crm.Deal{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, DealFields: crm.DealFields{
			Title: fmt.Sprintf("Deal %05d", i), PipelineID: crm.DefaultPipelineID, StageID: crm.DefaultStageProposal, Status: crm.DealOpen,
			Amount: crm.Money{Minor: int64(10_000 + rnd.IntN(10_000_000)), Currency: []string{"EUR", "USD"}[rnd.IntN(2)]}}}
		if rnd.IntN(3) == 0 {
			d.Status, d.ClosedAt = crm.DealWon, &closed
		}
		if err := e.db.CreateDeal(ctx, d); err != nil {
			b.Fatal(err)
		}
		if rnd.IntN(5) == 0 {
			if err := e.db.SetDealCampaign(ctx, d.ID, ids[rnd.IntN(len(ids))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	return e, ids
}

// BenchmarkCampaigns on 100,000 contacts, 20,000 deals and 50 campaigns
// with their targeted contacts: the list with every campaign's ROI (what
// the campaign ROI report reads), one campaign's stats, a filter's
// preview count, and re-targeting a campaign (nothing new to add).
func BenchmarkCampaigns(b *testing.B) {
	e, ids := benchData(b)
	ctx := context.Background()
	b.Run("List50WithROI", func(b *testing.B) {
		cpu := startCPU(b)
		for b.Loop() {
			list, err := e.svc.List(ctx)
			if err != nil || len(list) != benchCampaigns || list[0].Stats.Targeted == 0 {
				b.Fatalf("%d campaigns, %v", len(list), err)
			}
		}
		cpu.report(b)
	})
	b.Run("Stats", func(b *testing.B) {
		cpu := startCPU(b)
		for b.Loop() {
			if st, err := e.svc.Stats(ctx, ids[7]); err != nil || st.Targeted == 0 {
				b.Fatalf("%+v, %v", st, err)
			}
		}
		cpu.report(b)
	})
	b.Run("PreviewTagAndEmail", func(b *testing.B) {
		cpu := startCPU(b)
		for b.Loop() {
			p, err := e.svc.Preview(ctx, crm.ContactFilter{Tags: []string{"vip"}, HasEmail: true}, 5)
			if err != nil || p.Total == 0 || len(p.Items) != 5 {
				b.Fatalf("%d, %v", p.Total, err)
			}
		}
		cpu.report(b)
	})
	b.Run("Retarget", func(b *testing.B) {
		cpu := startCPU(b)
		for b.Loop() {
			if n, err := e.svc.Target(ctx, ids[3]); err != nil || n != 0 {
				b.Fatalf("%d added, %v", n, err)
			}
		}
		cpu.report(b)
	})
}

type cpuClock struct{ start time.Duration }

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU(b *testing.B) cpuClock { return cpuClock{start: processCPU(b)} }

// report adds the metric cpu-ms/op (on a shared machine the wall time also
// counts waiting for a core).
func (c cpuClock) report(b *testing.B) {
	if b.N > 0 {
		b.ReportMetric(float64(processCPU(b)-c.start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
