package reports

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/store"
)

// The default pipeline's stages (migration 0011).
const (
	salesPipeline = "01900000-0000-7000-8000-000000000001"
	stQualified   = "01900000-0000-7000-8000-000000000011"
	stMeeting     = "01900000-0000-7000-8000-000000000012"
	stProposal    = "01900000-0000-7000-8000-000000000013"
	stNegotiation = "01900000-0000-7000-8000-000000000014"
)

type clockAt struct{ t time.Time }

func (c clockAt) Now() time.Time { return c.t }

// fixture is a temp-file database with a home currency (EUR), a USD rate
// of 0.5 from 2026-01-01, two owners, the user in Asia/Dhaka (UTC+6) and
// "now" 2026-06-15 12:00 UTC.
type fixture struct {
	t   *testing.T
	ctx context.Context
	db  *store.DB
	svc *Service
	now time.Time
	n   int
}

var dhaka = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Dhaka")
	if err != nil {
		panic(err)
	}
	return loc
}()

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "reports.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)
	clock := clockAt{now}
	cur := currencies.New(db, clock, func() string { return "DE" })
	if _, err := cur.SetHome(ctx, "EUR"); err != nil {
		t.Fatal(err)
	}
	if _, err := cur.SaveRate(ctx, crm.ExchangeRate{Currency: "USD", Date: "2026-01-01", Rate: "0.5"}); err != nil {
		t.Fatal(err)
	}
	for _, o := range []crm.Owner{{ID: "o-ann", Name: "Ann"}, {ID: "o-bob", Name: "Bob"}} {
		o.CreatedAt, o.UpdatedAt = now, now
		if err := db.SaveOwner(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	zone := func(context.Context) (*time.Location, error) { return dhaka, nil }
	return &fixture{t: t, ctx: ctx, db: db, svc: New(db, cur, clock, zone), now: now}
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func (f *fixture) id() string {
	f.n++
	return crm.NewID(f.now.Add(time.Duration(f.n) * time.Millisecond))
}

// deal creates a deal at created; closed != "" then wins or loses it then.
func (f *fixture) deal(owner, stage string, status crm.DealStatus, minor int64, cur string, prob *int, expected, created, closed string) string {
	f.t.Helper()
	d := crm.Deal{ID: f.id(), Version: 1, CreatedAt: at(created), UpdatedAt: at(created), DealFields: crm.DealFields{
		Title: "deal", PipelineID: salesPipeline, StageID: stage, Status: crm.DealOpen,
		Amount: crm.Money{Minor: minor, Currency: cur}, Probability: prob, ExpectedClose: expected, OwnerID: owner}}
	if err := f.db.CreateDeal(f.ctx, d); err != nil {
		f.t.Fatal(err)
	}
	if status != crm.DealOpen {
		c := at(closed)
		d.Version, d.Status, d.ClosedAt, d.UpdatedAt = 2, status, &c, c
		if err := f.db.UpdateDeal(f.ctx, d); err != nil {
			f.t.Fatal(err)
		}
	}
	return d.ID
}

func (f *fixture) activity(owner string, kind crm.ActivityKind, occurred string, deleted bool) {
	f.t.Helper()
	a := crm.Activity{ID: f.id(), Version: 1, CreatedAt: f.now, UpdatedAt: f.now, ActivityFields: crm.ActivityFields{
		Kind: kind, OccurredAt: at(occurred), Subject: "s", DealID: "x", OwnerID: owner}}
	if err := f.db.InsertActivity(f.ctx, a); err != nil {
		f.t.Fatal(err)
	}
	if deleted {
		if err := f.db.DeleteActivity(f.ctx, a.ID, f.now); err != nil {
			f.t.Fatal(err)
		}
	}
}

func (f *fixture) run(name string, fl Filters) Result {
	f.t.Helper()
	r, err := f.svc.Run(f.ctx, name, fl)
	if err != nil {
		f.t.Fatalf("%s: %v", name, err)
	}
	return r
}

// raws is a table as plain values, the totals row last ("TOTAL" first).
func raws(r Result) [][]string {
	var out [][]string
	for _, row := range r.Rows {
		var line []string
		for _, c := range row.Cells {
			line = append(line, c.Raw())
		}
		out = append(out, line)
	}
	if r.Total != nil {
		line := []string{"TOTAL"}
		for _, c := range r.Total.Cells[1:] {
			line = append(line, c.Raw())
		}
		out = append(out, line)
	}
	return out
}

func intp(n int) *int { return &n }
