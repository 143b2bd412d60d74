package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func newDeal(clock crm.Clock, title, stage string, minor int64, cur string) crm.Deal {
	now := clock.Now()
	return crm.Deal{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, DealFields: crm.DealFields{
		Title: title, PipelineID: crm.DefaultPipelineID, StageID: stage, Status: crm.DealOpen,
		Amount: crm.Money{Minor: minor, Currency: cur},
	}}
}

func mustCreateDeal(t *testing.T, db *DB, d crm.Deal) crm.Deal {
	t.Helper()
	if err := db.CreateDeal(context.Background(), d); err != nil {
		t.Fatalf("create deal %q: %v", d.Title, err)
	}
	return d
}

func TestNewDatabaseHasTheDefaultSalesPipeline(t *testing.T) {
	db, _ := openTestDB(t)
	ps, err := db.Pipelines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].ID != crm.DefaultPipelineID || ps[0].Name != "Sales" {
		t.Fatalf("pipelines = %+v", ps)
	}
	var got []string
	for _, s := range ps[0].Stages {
		got = append(got, fmt.Sprintf("%s:%d", s.Name, s.Probability))
	}
	want := []string{"Qualified:10", "Meeting:25", "Proposal:50", "Negotiation:75"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("stages = %v, want %v", got, want)
	}
}

func TestDealCreateReadsBackWithNamesContactsAndFirstVisit(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee", Company: "Acme"})
	bob := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bob", FamilyName: "Ray"})
	co := companyOf(t, db, ann.ID)
	if err := db.SaveOwner(ctx, crm.Owner{ID: "me", Name: "Mina", CreatedAt: clock.Now(), UpdatedAt: clock.Now()}); err != nil {
		t.Fatal(err)
	}
	p := 40
	d := newDeal(clock, "Big order", crm.DefaultStageMeeting, 123456, "EUR")
	d.OwnerID, d.CompanyID, d.ContactIDs, d.Probability, d.ExpectedClose = "me", co.ID, []string{bob.ID, ann.ID}, &p, "2026-12-31"
	mustCreateDeal(t, db, d)

	got, err := db.GetDeal(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Big order" || got.StageName != "Meeting" || got.StageProbability != 25 || got.OwnerName != "Mina" ||
		got.CompanyName != "Acme" || got.Amount != (crm.Money{Minor: 123456, Currency: "EUR"}) || *got.Probability != 40 ||
		got.ExpectedClose != "2026-12-31" || got.EffectiveProbability() != 40 {
		t.Fatalf("deal = %+v", got)
	}
	if want := []crm.NamedRef{{ID: bob.ID, Name: "Bob Ray"}, {ID: ann.ID, Name: "Ann Lee"}}; !reflect.DeepEqual(got.Contacts, want) {
		t.Fatalf("contacts = %+v, want %+v (in the order given)", got.Contacts, want)
	}
	h, err := db.DealHistory(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].StageID != crm.DefaultStageMeeting || h[0].Status != "open" || !h[0].EnteredAt.Equal(d.CreatedAt) || h[0].LeftAt != nil {
		t.Fatalf("history = %+v", h)
	}
	for _, list := range []func() ([]crm.DealView, error){
		func() ([]crm.DealView, error) { return db.DealsForCompany(ctx, co.ID) },
		func() ([]crm.DealView, error) { return db.DealsForContact(ctx, ann.ID) },
	} {
		ds, err := list()
		if err != nil || len(ds) != 1 || ds[0].ID != d.ID {
			t.Fatalf("for company/contact = %+v, %v", ds, err)
		}
	}
	if ds, _ := db.DealsForContact(ctx, crm.NewID(clock.Now())); len(ds) != 0 {
		t.Fatalf("deals of a stranger = %+v", ds)
	}
}

func TestDealUpdateWritesStageHistoryOnlyOnStageOrStatusChange(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	d := mustCreateDeal(t, db, newDeal(clock, "Deal", crm.DefaultStageQualified, 100, "USD"))

	step := func(change func(*crm.Deal)) {
		t.Helper()
		change(&d)
		d.Version++
		d.UpdatedAt = clock.Now()
		if err := db.UpdateDeal(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	step(func(d *crm.Deal) { d.Title = "Deal renamed" }) // no history row
	step(func(d *crm.Deal) { d.StageID = crm.DefaultStageProposal })
	moved := d.UpdatedAt
	step(func(d *crm.Deal) { d.Status = crm.DealWon; at := d.UpdatedAt; d.ClosedAt = &at })
	won := d.UpdatedAt

	h, err := db.DealHistory(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 {
		t.Fatalf("history has %d rows, want 3: %+v", len(h), h)
	}
	if h[0].StageID != crm.DefaultStageQualified || h[0].LeftAt == nil || !h[0].LeftAt.Equal(moved) {
		t.Fatalf("first visit = %+v", h[0])
	}
	if h[1].StageID != crm.DefaultStageProposal || h[1].Status != "open" || !h[1].EnteredAt.Equal(moved) || !h[1].LeftAt.Equal(won) {
		t.Fatalf("second visit = %+v", h[1])
	}
	if h[2].StageID != crm.DefaultStageProposal || h[2].Status != "won" || !h[2].EnteredAt.Equal(won) || h[2].LeftAt != nil {
		t.Fatalf("won row = %+v", h[2])
	}

	stale := d
	stale.Version = d.Version // based on version-1, which is no longer current
	stale.Title = "stale"
	if err := db.UpdateDeal(ctx, stale); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update: %v", err)
	}
}

func TestDealDeleteAndRestore(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	d := mustCreateDeal(t, db, newDeal(clock, "Deal", crm.DefaultStageQualified, 100, "USD"))
	if err := db.DeleteDeal(ctx, d.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if ds, n, err := db.ListDeals(ctx, crm.DealFilter{}, crm.SortDealTitle, false, 0, 10); err != nil || n != 0 || len(ds) != 0 {
		t.Fatalf("list after delete = %d %v", n, err)
	}
	if err := db.DeleteDeal(ctx, d.ID, clock.Now()); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("second delete: %v", err)
	}
	if err := db.RestoreDeal(ctx, d.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetDeal(ctx, d.ID)
	if err != nil || got.DeletedAt != nil || got.Version != 3 {
		t.Fatalf("restored = %+v, %v", got, err)
	}
	if err := db.RestoreDeal(ctx, d.ID, clock.Now()); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("restore of a live deal: %v", err)
	}
}

func TestSavePipelineRefusesToRemoveAStageWithOpenDeals(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	p, err := db.GetPipeline(ctx, crm.DefaultPipelineID)
	if err != nil {
		t.Fatal(err)
	}
	d := mustCreateDeal(t, db, newDeal(clock, "Deal", crm.DefaultStageMeeting, 100, "USD"))

	without := p
	without.Stages = []crm.Stage{p.Stages[0], p.Stages[2], p.Stages[3]}
	if err := db.SavePipeline(ctx, without, clock.Now()); crm.ErrorCode(err) != crm.CodeStageNotEmpty {
		t.Fatalf("removing Meeting with an open deal: %v", err)
	}
	if again, _ := db.GetPipeline(ctx, p.ID); len(again.Stages) != 4 {
		t.Fatalf("refused save changed the stages: %+v", again.Stages)
	}

	// Once the deal is lost, the stage can go; reorder and rename in the same save.
	lost := d
	lost.Status, lost.Version, lost.UpdatedAt = crm.DealLost, 2, clock.Now()
	if err := db.UpdateDeal(ctx, lost); err != nil {
		t.Fatal(err)
	}
	reordered := p
	reordered.Name = "Renewals"
	reordered.Stages = []crm.Stage{p.Stages[3], p.Stages[0], {ID: crm.NewID(clock.Now()), Name: "Trial", Probability: 60}}
	for i := range reordered.Stages {
		reordered.Stages[i].Position = i
	}
	if err := db.SavePipeline(ctx, reordered, clock.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := db.GetPipeline(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range got.Stages {
		names = append(names, s.Name)
	}
	if got.Name != "Renewals" || !reflect.DeepEqual(names, []string{"Negotiation", "Qualified", "Trial"}) {
		t.Fatalf("pipeline = %s %v", got.Name, names)
	}
	// The lost deal still reads its removed stage's name.
	if v, _ := db.GetDeal(ctx, d.ID); v.StageName != "Meeting" {
		t.Fatalf("stage name of a deal in a removed stage = %q", v.StageName)
	}
	if h, _ := db.DealHistory(ctx, d.ID); len(h) != 2 || h[0].StageName != "Meeting" || h[1].StageName != "Meeting" || h[1].Status != "lost" {
		t.Fatalf("history of a deal in a removed stage = %+v", h)
	}

	if err := db.DeletePipeline(ctx, p.ID, clock.Now()); crm.ErrorCode(err) != crm.CodePipelineNotEmpty {
		t.Fatalf("deleting a pipeline with a (lost) deal: %v", err)
	}
	other := crm.Pipeline{ID: crm.NewID(clock.Now()), Name: "Empty", Position: 1,
		Stages: []crm.Stage{{ID: p.Stages[1].ID, Name: "Stolen"}}}
	if err := db.SavePipeline(ctx, other, clock.Now()); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("taking another pipeline's stage: %v", err)
	}
	other.Stages = []crm.Stage{{ID: crm.NewID(clock.Now()), Name: "Only"}}
	if err := db.SavePipeline(ctx, other, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.DeletePipeline(ctx, other.ID, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if ps, _ := db.Pipelines(ctx); len(ps) != 1 {
		t.Fatalf("pipelines after delete = %+v", ps)
	}
}

func TestBoardQueriesAndTableSorts(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	mk := func(title, stage string, minor int64, closes string) crm.Deal {
		d := newDeal(clock, title, stage, minor, "USD")
		d.ExpectedClose = closes
		return mustCreateDeal(t, db, d)
	}
	mk("q-late", crm.DefaultStageQualified, 300, "2027-03-01")
	mk("q-none", crm.DefaultStageQualified, 100, "")
	mk("q-soon", crm.DefaultStageQualified, 200, "2026-12-01")
	mk("m-one", crm.DefaultStageMeeting, 50, "")
	won := mk("won", crm.DefaultStageMeeting, 999, "")
	closedAt := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	won.Status, won.Version, won.UpdatedAt, won.ClosedAt = crm.DealWon, 2, clock.Now(), &closedAt
	if err := db.UpdateDeal(ctx, won); err != nil {
		t.Fatal(err)
	}

	firsts, err := db.FirstDealsPerStage(ctx, crm.DealFilter{PipelineID: crm.DefaultPipelineID, Status: crm.DealOpen}, 2)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range firsts {
		titles = append(titles, d.Title)
	}
	if want := []string{"q-soon", "q-late", "m-one"}; !reflect.DeepEqual(titles, want) {
		t.Fatalf("first 2 per stage = %v, want %v", titles, want)
	}

	figs, err := db.DealFigures(ctx, crm.DealFilter{PipelineID: crm.DefaultPipelineID, Status: crm.DealOpen, Query: "Q-"})
	if err != nil || len(figs) != 3 {
		t.Fatalf("figures of q- deals = %+v, %v", figs, err)
	}
	closed, err := db.DealFigures(ctx, crm.DealFilter{Status: crm.DealWon, ClosedFrom: closedAt, ClosedTo: closedAt.Add(24 * time.Hour)})
	if err != nil || len(closed) != 1 || closed[0].ID != won.ID || !closed[0].ClosedAt.Equal(closedAt) {
		t.Fatalf("won in the period = %+v, %v", closed, err)
	}
	if none, _ := db.DealFigures(ctx, crm.DealFilter{Status: crm.DealWon, ClosedFrom: closedAt.Add(24 * time.Hour)}); len(none) != 0 {
		t.Fatalf("won after the period = %+v", none)
	}

	for _, tc := range []struct {
		sort crm.DealSort
		desc bool
		want []string
	}{
		{crm.SortDealAmount, true, []string{"won", "q-late", "q-soon"}},
		{crm.SortDealTitle, false, []string{"m-one", "q-late", "q-none"}},
		{crm.SortDealExpectedClose, false, []string{"q-soon", "q-late", "q-none"}},
		{crm.SortDealStage, true, []string{"won", "m-one", "q-soon"}},
	} {
		ds, total, err := db.ListDeals(ctx, crm.DealFilter{}, tc.sort, tc.desc, 0, 3)
		if err != nil || total != 5 {
			t.Fatalf("%s: total %d, %v", tc.sort, total, err)
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.Title)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("sort %s desc=%v = %v, want %v", tc.sort, tc.desc, got, tc.want)
		}
	}
}

// TestInsertDealInsideACallersTransaction is what the leads conversion
// does: a deal written by insertDeal in a transaction that then fails is
// gone with it.
func TestInsertDealInsideACallersTransaction(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	d := newDeal(clock, "From a lead", crm.DefaultStageQualified, 500, "GBP")
	d.LeadID = "lead-1"
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertDeal(ctx, tx, d); err != nil {
			return err
		}
		return crm.Errorf(crm.CodeInternal, "conversion failed later")
	})
	if crm.ErrorCode(err) != crm.CodeInternal {
		t.Fatalf("err = %v", err)
	}
	if _, err := db.GetDeal(ctx, d.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("deal of a rolled-back conversion: %v", err)
	}
	if h, _ := db.DealHistory(ctx, d.ID); len(h) != 0 {
		t.Fatalf("history of a rolled-back conversion: %+v", h)
	}
	if err := db.inTx(ctx, func(tx *sql.Tx) error { return insertDeal(ctx, tx, d) }); err != nil {
		t.Fatal(err)
	}
	if got, err := db.GetDeal(ctx, d.ID); err != nil || got.LeadID != "lead-1" {
		t.Fatalf("converted deal = %+v, %v", got, err)
	}
}
