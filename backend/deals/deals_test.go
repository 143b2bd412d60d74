package deals_test

import (
	"context"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/deals"
	"fieldbook/backend/store"
)

// clock is a settable clock that advances a second per reading.
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

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

type env struct {
	svc   *deals.Service
	db    *store.DB
	cur   *currencies.Service
	clock *clock
}

// setup opens a temp-file database with USD as home currency and rates
// for JPY and EUR (none for GBP).
func setup(t testing.TB) env {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "deals.db"), store.WithClock(c))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cur := currencies.New(db, c, func() string { return "US" })
	if _, err := cur.SetHome(ctx, "USD"); err != nil {
		t.Fatal(err)
	}
	for _, r := range []crm.ExchangeRate{
		{Currency: "JPY", Date: "2026-01-01", Rate: "0.0067"},
		{Currency: "EUR", Date: "2026-01-01", Rate: "1.08"},
		{Currency: "EUR", Date: "2026-12-01", Rate: "1.10"},
	} {
		if _, err := cur.SaveRate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	return env{svc: deals.New(db, cur, c), db: db, cur: cur, clock: c}
}

func (e env) create(t testing.TB, in deals.Input) deals.Deal {
	t.Helper()
	d, err := e.svc.Create(context.Background(), in)
	if err != nil {
		t.Fatalf("create %+v: %v", in, err)
	}
	return d
}

func pct(p int) *int { return &p }

func TestValidation(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	other, err := e.svc.SavePipeline(ctx, deals.PipelineInput{Name: "Renewals", Stages: []deals.StageInput{{Name: "Due", Probability: 80}}})
	if err != nil {
		t.Fatal(err)
	}
	ok := deals.Input{Title: "Deal", Amount: "10", Currency: "EUR"}
	for _, tc := range []struct {
		name        string
		edit        func(*deals.Input)
		code, field string
	}{
		{"no title", func(in *deals.Input) { in.Title = " \t " }, crm.CodeDealInvalid, "title"},
		{"stage of another pipeline", func(in *deals.Input) { in.StageID = other.Stages[0].ID }, crm.CodeDealInvalid, "stageId"},
		{"unknown pipeline", func(in *deals.Input) { in.PipelineID = "nope" }, crm.CodeDealInvalid, "pipelineId"},
		{"probability above 100", func(in *deals.Input) { in.Probability = pct(101) }, crm.CodeDealInvalid, "probability"},
		{"negative probability", func(in *deals.Input) { in.Probability = pct(-1) }, crm.CodeDealInvalid, "probability"},
		{"month 13", func(in *deals.Input) { in.ExpectedClose = "2026-13-01" }, crm.CodeDateInvalid, "expectedClose"},
		{"not a date", func(in *deals.Input) { in.ExpectedClose = "next week" }, crm.CodeDateInvalid, "expectedClose"},
		{"half a yen", func(in *deals.Input) { in.Amount, in.Currency = "1.5", "JPY" }, crm.CodeAmountInvalid, "amount"},
		{"not a number", func(in *deals.Input) { in.Amount = "ten" }, crm.CodeAmountInvalid, "amount"},
		{"negative", func(in *deals.Input) { in.Amount = "-5" }, crm.CodeAmountInvalid, "amount"},
		{"unknown currency", func(in *deals.Input) { in.Currency = "ABC" }, crm.CodeCurrencyInvalid, "currency"},
	} {
		in := ok
		tc.edit(&in)
		_, err := e.svc.Create(ctx, in)
		ce, isCRM := err.(*crm.Error)
		if !isCRM || ce.Code != tc.code || ce.Field != tc.field {
			t.Errorf("%s: err %v, want %s on %s", tc.name, err, tc.code, tc.field)
		}
	}

	if _, err := e.svc.Create(ctx, deals.Input{Title: "x", ContactIDs: []string{"no-such-contact"}}); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Errorf("unknown contact: %v", err)
	}
	if _, err := e.svc.Create(ctx, deals.Input{Title: "x", CompanyID: "no-such-company"}); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Errorf("unknown company: %v", err)
	}
	now := e.clock.Now()
	c1 := crm.Contact{ID: crm.NewID(now), ContactFields: crm.ContactFields{GivenName: "Ann"}, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := e.db.CreateContact(ctx, c1); err != nil {
		t.Fatal(err)
	}
	// Defaults: first pipeline, its first stage, the home currency, no amount = 0.
	d := e.create(t, deals.Input{Title: "  Plain   deal ", ContactIDs: []string{"", c1.ID, c1.ID}, Probability: pct(0)})
	if d.Title != "Plain deal" || d.PipelineID != crm.DefaultPipelineID || d.StageID != crm.DefaultStageQualified ||
		d.Amount != (crm.Money{Currency: "USD"}) || d.Status != crm.DealOpen || *d.Probability != 0 || d.EffectiveProbability() != 0 ||
		!reflect.DeepEqual(d.ContactIDs, []string{c1.ID}) {
		t.Fatalf("defaults = %+v", d)
	}
	d2 := e.create(t, deals.Input{Title: "Other", PipelineID: other.ID, Amount: "1,234.50", Currency: "eur", ExpectedClose: "2027-02-28"})
	if d2.StageID != other.Stages[0].ID || d2.Amount != (crm.Money{Minor: 123450, Currency: "EUR"}) || d2.EffectiveProbability() != 80 {
		t.Fatalf("deal in the other pipeline = %+v", d2)
	}
}

// TestStageHistoryWonLostReopen follows one deal through the board over
// weeks and checks the history's dates, the cycle length and the rules
// of won, lost and reopened deals.
func TestStageHistoryWonLostReopen(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	day := func(n int) time.Time { return time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

	e.clock.set(day(0))
	d := e.create(t, deals.Input{Title: "Fleet", Amount: "5000", Currency: "USD"})
	e.clock.set(day(3))
	d, err := e.svc.Move(ctx, d.ID, d.Version, crm.DefaultStageMeeting)
	if err != nil {
		t.Fatal(err)
	}
	same, err := e.svc.Move(ctx, d.ID, d.Version, crm.DefaultStageMeeting)
	if err != nil || same.Version != d.Version {
		t.Fatalf("move to the same stage: version %d → %d, %v", d.Version, same.Version, err)
	}
	if _, err := e.svc.Move(ctx, d.ID, d.Version-1, crm.DefaultStageProposal); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale move: %v", err)
	}
	if _, err := e.svc.Move(ctx, d.ID, d.Version, "not-a-stage"); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("move to an unknown stage: %v", err)
	}
	e.clock.set(day(10))
	if d, err = e.svc.Move(ctx, d.ID, d.Version, crm.DefaultStageNegotiation); err != nil {
		t.Fatal(err)
	}
	e.clock.set(day(17))
	if d, err = e.svc.Win(ctx, d.ID, d.Version, "  best   price "); err != nil {
		t.Fatal(err)
	}
	if d.Status != crm.DealWon || d.CloseReason != "best price" || d.ClosedAt == nil || d.ClosedAt.Before(day(17)) || d.EffectiveProbability() != 100 {
		t.Fatalf("won deal = %+v", d)
	}
	if _, err := e.svc.Lose(ctx, d.ID, d.Version, "x"); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("losing a won deal: %v", err)
	}
	if _, err := e.svc.Move(ctx, d.ID, d.Version, crm.DefaultStageQualified); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("moving a won deal: %v", err)
	}

	h, err := e.svc.History(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		stage, status string
		entered       int // day
		left          int // day, -1 = still there
	}
	dayOf := func(t time.Time) int { return int(t.Sub(day(0)).Hours() / 24) }
	var got []row
	for _, v := range h {
		r := row{v.StageID, v.Status, dayOf(v.EnteredAt), -1}
		if v.LeftAt != nil {
			r.left = dayOf(*v.LeftAt)
		}
		got = append(got, r)
	}
	want := []row{
		{crm.DefaultStageQualified, "open", 0, 3},
		{crm.DefaultStageMeeting, "open", 3, 10},
		{crm.DefaultStageNegotiation, "open", 10, 17},
		{crm.DefaultStageNegotiation, "won", 17, -1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("history =\n%v\nwant\n%v", got, want)
	}
	if days, ok := deals.CycleDays(h, time.UTC); !ok || days != 17 {
		t.Fatalf("cycle = %d days (%v), want 17", days, ok)
	}

	e.clock.set(day(20))
	if d, err = e.svc.Reopen(ctx, d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	if d.Status != crm.DealOpen || d.ClosedAt != nil || d.CloseReason != "" || d.StageID != crm.DefaultStageNegotiation || d.EffectiveProbability() != 75 {
		t.Fatalf("reopened = %+v", d)
	}
	again, err := e.svc.Reopen(ctx, d.ID, d.Version)
	if err != nil || again.Version != d.Version {
		t.Fatalf("reopening an open deal: %+v, %v", again, err)
	}
	e.clock.set(day(25))
	if d, err = e.svc.Lose(ctx, d.ID, d.Version, "budget cut"); err != nil {
		t.Fatal(err)
	}
	if d.Status != crm.DealLost || d.CloseReason != "budget cut" || d.EffectiveProbability() != 0 {
		t.Fatalf("lost = %+v", d)
	}
	h, _ = e.svc.History(ctx, d.ID)
	if len(h) != 6 || h[4].Status != "open" || h[5].Status != "lost" || dayOf(h[5].EnteredAt) != 25 {
		t.Fatalf("history after reopen and loss = %+v", h)
	}
	if days, ok := deals.CycleDays(h, time.UTC); !ok || days != 17 {
		t.Fatalf("cycle of a deal won then lost = %d (%v); the win on day 17 still counts", days, ok)
	}
}

func TestCycleDays(t *testing.T) {
	dhaka, err := time.LoadLocation("Asia/Dhaka")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	visit := func(status, entered string) crm.StageVisit {
		return crm.StageVisit{StageID: "s", Status: status, EnteredAt: at(entered)}
	}
	for _, tc := range []struct {
		name    string
		history []crm.StageVisit
		loc     *time.Location
		days    int
		ok      bool
	}{
		{"no history", nil, time.UTC, 0, false},
		{"still open", []crm.StageVisit{visit("open", "2026-01-01T10:00:00Z"), visit("open", "2026-01-05T10:00:00Z")}, time.UTC, 0, false},
		{"lost", []crm.StageVisit{visit("open", "2026-01-01T10:00:00Z"), visit("lost", "2026-01-05T10:00:00Z")}, time.UTC, 0, false},
		{"won the same day", []crm.StageVisit{visit("open", "2026-01-01T08:00:00Z"), visit("won", "2026-01-01T17:00:00Z")}, time.UTC, 0, true},
		{"over a month end", []crm.StageVisit{visit("open", "2026-01-20T10:00:00Z"), visit("open", "2026-02-01T10:00:00Z"), visit("won", "2026-02-10T09:00:00Z")}, time.UTC, 21, true},
		// 2026-01-01 19:00 UTC is already 2 January in Dhaka (UTC+6).
		{"calendar days in the user's zone", []crm.StageVisit{visit("open", "2026-01-01T19:00:00Z"), visit("won", "2026-01-03T10:00:00Z")}, dhaka, 1, true},
		{"won, reopened, won again", []crm.StageVisit{visit("open", "2026-03-01T10:00:00Z"), visit("won", "2026-03-04T10:00:00Z"),
			visit("open", "2026-03-05T10:00:00Z"), visit("won", "2026-03-11T10:00:00Z")}, time.UTC, 10, true},
		{"over the DST change", []crm.StageVisit{visit("open", "2026-03-28T12:00:00Z"), visit("won", "2026-03-30T12:00:00Z")}, mustZone(t, "Europe/Berlin"), 2, true},
	} {
		days, ok := deals.CycleDays(tc.history, tc.loc)
		if days != tc.days || ok != tc.ok {
			t.Errorf("%s: %d days (%v), want %d (%v)", tc.name, days, ok, tc.days, tc.ok)
		}
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestBoardTotalsInTheHomeCurrency: a JPY deal and a EUR deal sum into
// USD exactly; a GBP deal without a rate is counted but listed as missing,
// never added as 0. Numbers computed by hand:
//
//	JPY 1,234,567 × 0.0067            = 8,271.5989 USD
//	EUR 2,500.50 × 1.10 (rate from 2026-12-01, the deal closes 2026-12-15)
//	                                  = 2,750.55 USD
//	total 11,022.1489                 → 11,022.15 USD
//	weighted at Qualified's 10%: JPY 123,456.7 → 123,457 (yen, half up) × 0.0067 = 827.1619;
//	EUR 250.05 × 1.10 = 275.055; sum 1,102.2169 → 1,102.22 USD
func TestBoardTotalsInTheHomeCurrency(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	jpy := e.create(t, deals.Input{Title: "Tokyo", Amount: "1234567", Currency: "JPY", ExpectedClose: "2026-11-30"})
	eur := e.create(t, deals.Input{Title: "Berlin", Amount: "2500.50", Currency: "EUR", ExpectedClose: "2026-12-15"})
	e.create(t, deals.Input{Title: "London", StageID: crm.DefaultStageMeeting, Amount: "999", Currency: "GBP"})
	e.create(t, deals.Input{Title: "Boston", StageID: crm.DefaultStageMeeting, Amount: "100", Currency: "USD", Probability: pct(30)})

	b, err := e.svc.Board(ctx, deals.BoardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Home != "USD" || b.Pipeline.ID != crm.DefaultPipelineID || len(b.Columns) != 4 {
		t.Fatalf("board = %+v", b)
	}
	q := b.Columns[0]
	if q.Count != 2 || q.Total != (crm.Money{Minor: 1102215, Currency: "USD"}) || q.Weighted != (crm.Money{Minor: 110222, Currency: "USD"}) || len(q.Missing) != 0 {
		t.Fatalf("Qualified: count %d total %+v weighted %+v missing %v", q.Count, q.Total, q.Weighted, q.Missing)
	}
	m := b.Columns[1]
	// Only the USD deal is in the sum; 30% override of 100.00 = 30.00.
	if m.Count != 2 || m.Total != (crm.Money{Minor: 10000, Currency: "USD"}) || m.Weighted != (crm.Money{Minor: 3000, Currency: "USD"}) ||
		!reflect.DeepEqual(m.Missing, []string{"GBP"}) {
		t.Fatalf("Meeting: count %d total %+v weighted %+v missing %v", m.Count, m.Total, m.Weighted, m.Missing)
	}
	cards := map[string]deals.Deal{}
	for _, c := range b.Columns {
		for _, d := range c.Deals {
			cards[d.Title] = d
		}
	}
	if h := cards["Tokyo"].AmountHome; h == nil || *h != (crm.Money{Minor: 827160, Currency: "USD"}) {
		t.Fatalf("Tokyo in USD = %+v", h)
	}
	if h := cards["Berlin"].AmountHome; h == nil || *h != (crm.Money{Minor: 275055, Currency: "USD"}) {
		t.Fatalf("Berlin in USD = %+v", h)
	}
	if w := cards["Berlin"].WeightedHome; w == nil || *w != (crm.Money{Minor: 27506, Currency: "USD"}) { // 275.055 → 275.06
		t.Fatalf("Berlin weighted = %+v", w)
	}
	if c := cards["London"]; c.AmountHome != nil || c.WeightedHome != nil {
		t.Fatalf("London without a rate has home amounts: %+v", c)
	}
	if len(b.Columns[0].Deals) != 2 || b.Columns[0].Deals[0].Title != "Tokyo" {
		t.Fatalf("Qualified cards (soonest close first) = %+v", b.Columns[0].Deals)
	}

	// Winning Berlin moves it from the column into this month's won total,
	// converted on the day it closed (2026-11-23: EUR at 1.08 → 2,700.54).
	if _, err := e.svc.Win(ctx, eur.ID, eur.Version, "signed"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Lose(ctx, jpy.ID, jpy.Version, "lost to a rival"); err != nil {
		t.Fatal(err)
	}
	b, err = e.svc.Board(ctx, deals.BoardQuery{LimitPerStage: 1})
	if err != nil {
		t.Fatal(err)
	}
	if b.Columns[0].Count != 0 || b.Columns[0].Total.Minor != 0 {
		t.Fatalf("Qualified after closing both = %+v", b.Columns[0])
	}
	if len(b.Columns[1].Deals) != 1 || b.Columns[1].Count != 2 {
		t.Fatalf("Meeting with one card per stage: %d cards of %d", len(b.Columns[1].Deals), b.Columns[1].Count)
	}
	if b.Won.Count != 1 || b.Won.Total != (crm.Money{Minor: 270054, Currency: "USD"}) {
		t.Fatalf("won = %+v", b.Won)
	}
	if b.Lost.Count != 1 || b.Lost.Total != (crm.Money{Minor: 827160, Currency: "USD"}) {
		t.Fatalf("lost = %+v", b.Lost)
	}
	past, err := e.svc.Board(ctx, deals.BoardQuery{ClosedFrom: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), ClosedTo: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || past.Won.Count != 0 || past.Lost.Count != 0 {
		t.Fatalf("won/lost in October = %+v %+v, %v", past.Won, past.Lost, err)
	}
	filtered, err := e.svc.Board(ctx, deals.BoardQuery{Query: "lond"})
	if err != nil || filtered.Columns[1].Count != 1 || filtered.Columns[1].Deals[0].Title != "London" {
		t.Fatalf("board filtered by 'lond' = %+v, %v", filtered.Columns[1], err)
	}
}

// TestTableSortsByHomeCurrencyValue: by minor units the JPY deal is the
// largest; in USD it is the smallest of those with a rate. GBP (no rate)
// comes last either way.
//
//	USD 7,000.00                      = 7,000.00 USD
//	EUR 6,000.00 × 1.08               = 6,480.00 USD
//	JPY 900,000 × 0.0067              = 6,030.00 USD
func TestTableSortsByHomeCurrencyValue(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	for _, in := range []deals.Input{
		{Title: "yen", Amount: "900000", Currency: "JPY"},
		{Title: "dollar", Amount: "7000", Currency: "USD"},
		{Title: "pound", Amount: "50", Currency: "GBP"},
		{Title: "euro", Amount: "6000", Currency: "EUR"},
	} {
		e.create(t, in)
	}
	titles := func(p deals.Page) []string {
		var out []string
		for _, d := range p.Items {
			out = append(out, d.Title)
		}
		return out
	}
	for _, tc := range []struct {
		q     deals.TableQuery
		want  []string
		total int
	}{
		{deals.TableQuery{Sort: crm.SortDealAmount, Desc: true, Limit: 10}, []string{"dollar", "euro", "yen", "pound"}, 4},
		{deals.TableQuery{Sort: crm.SortDealAmount, Limit: 10}, []string{"yen", "euro", "dollar", "pound"}, 4},
		{deals.TableQuery{Sort: crm.SortDealAmount, Desc: true, Offset: 1, Limit: 2}, []string{"euro", "yen"}, 4},
		{deals.TableQuery{Sort: crm.SortDealAmount, Offset: 9, Limit: 2}, nil, 4},
		{deals.TableQuery{Sort: crm.SortDealTitle, Limit: 10}, []string{"dollar", "euro", "pound", "yen"}, 4},
		{deals.TableQuery{Sort: crm.SortDealTitle, Query: "o", Limit: 10}, []string{"dollar", "euro", "pound"}, 3},
		{deals.TableQuery{Status: crm.DealWon, Limit: 10}, nil, 0},
	} {
		p, err := e.svc.Table(ctx, tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		if got := titles(p); !reflect.DeepEqual(got, tc.want) || p.Total != tc.total {
			t.Errorf("%+v: %v (total %d), want %v (total %d)", tc.q, got, p.Total, tc.want, tc.total)
		}
	}
	if _, err := e.svc.Table(ctx, deals.TableQuery{Limit: 0}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("limit 0: %v", err)
	}
	if _, err := e.svc.Table(ctx, deals.TableQuery{Limit: 5, Status: "maybe"}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad status: %v", err)
	}
}

func TestUpdateDeleteRestoreAndLinks(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	d := e.create(t, deals.Input{Title: "Deal", Amount: "10", Currency: "USD", CompanyID: "", ContactIDs: nil, LeadID: "lead-9"})
	in := deals.Input{Title: "Deal", Amount: "10.00", Currency: "USD"}
	same, err := e.svc.Update(ctx, d.ID, d.Version, in)
	if err != nil || same.Version != d.Version {
		t.Fatalf("an unchanged edit: version %d → %d, %v", d.Version, same.Version, err)
	}
	in.Title, in.StageID, in.Notes = "Deal v2", crm.DefaultStageProposal, "call back"
	up, err := e.svc.Update(ctx, d.ID, d.Version, in)
	if err != nil {
		t.Fatal(err)
	}
	if up.Version != d.Version+1 || up.Title != "Deal v2" || up.StageName != "Proposal" || up.LeadID != "lead-9" || up.Notes != "call back" {
		t.Fatalf("updated = %+v", up)
	}
	if h, _ := e.svc.History(ctx, d.ID); len(h) != 2 || h[1].StageID != crm.DefaultStageProposal {
		t.Fatalf("history after a stage change in the editor = %+v", h)
	}
	if _, err := e.svc.Update(ctx, d.ID, d.Version, in); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update: %v", err)
	}
	if err := e.svc.Delete(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Update(ctx, d.ID, up.Version+1, in); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("update of a deleted deal: %v", err)
	}
	back, err := e.svc.Restore(ctx, d.ID)
	if err != nil || back.DeletedAt != nil || back.Title != "Deal v2" {
		t.Fatalf("restored = %+v, %v", back, err)
	}
	if _, err := e.svc.History(ctx, "missing"); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("history of a missing deal: %v", err)
	}
}

func TestPipelines(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		in    deals.PipelineInput
		code  string
		field string
	}{
		{"no name", deals.PipelineInput{Stages: []deals.StageInput{{Name: "A"}}}, crm.CodeDealInvalid, "name"},
		{"no stages", deals.PipelineInput{Name: "P"}, crm.CodeDealInvalid, "stages"},
		{"stage without name", deals.PipelineInput{Name: "P", Stages: []deals.StageInput{{Name: "A"}, {Name: " "}}}, crm.CodeDealInvalid, "stages.1.name"},
		{"two stages alike", deals.PipelineInput{Name: "P", Stages: []deals.StageInput{{Name: "Won over"}, {Name: "won  OVER"}}}, crm.CodeDealInvalid, "stages.1.name"},
		{"probability 101", deals.PipelineInput{Name: "P", Stages: []deals.StageInput{{Name: "A", Probability: 101}}}, crm.CodeDealInvalid, "stages.0.probability"},
		{"stage of another pipeline", deals.PipelineInput{Name: "P", Stages: []deals.StageInput{{ID: crm.DefaultStageMeeting, Name: "A"}}}, crm.CodeDealInvalid, "stages.0"},
	} {
		_, err := e.svc.SavePipeline(ctx, tc.in)
		ce, ok := err.(*crm.Error)
		if !ok || ce.Code != tc.code || ce.Field != tc.field {
			t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.code, tc.field)
		}
	}
	p, err := e.svc.SavePipeline(ctx, deals.PipelineInput{Name: "Partners", Stages: []deals.StageInput{
		{Name: "Intro", Probability: 5}, {Name: "Pilot", Probability: 40}, {Name: "Contract", Probability: 90}}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Position != 1 || len(p.Stages) != 3 || p.Stages[1].Name != "Pilot" || p.Stages[1].Position != 1 || p.Stages[2].Probability != 90 {
		t.Fatalf("new pipeline = %+v", p)
	}
	d := e.create(t, deals.Input{Title: "Reseller", PipelineID: p.ID, StageID: p.Stages[1].ID, Amount: "1", Currency: "USD"})

	// Reorder (Contract first), rename Intro, drop Pilot: refused while Pilot holds the deal.
	edit := deals.PipelineInput{ID: p.ID, Name: "Partners", Stages: []deals.StageInput{
		{ID: p.Stages[2].ID, Name: "Contract", Probability: 90}, {ID: p.Stages[0].ID, Name: "Introduction", Probability: 10}}}
	if _, err := e.svc.SavePipeline(ctx, edit); crm.ErrorCode(err) != crm.CodeStageNotEmpty {
		t.Fatalf("removing a stage with an open deal: %v", err)
	}
	if _, err := e.svc.Move(ctx, d.ID, d.Version, p.Stages[0].ID); err != nil {
		t.Fatal(err)
	}
	p2, err := e.svc.SavePipeline(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if len(p2.Stages) != 2 || p2.Stages[0].Name != "Contract" || p2.Stages[1].Name != "Introduction" || p2.Stages[1].Probability != 10 {
		t.Fatalf("edited pipeline = %+v", p2.Stages)
	}
	got, _ := e.svc.Get(ctx, d.ID)
	if got.StageName != "Introduction" || got.EffectiveProbability() != 10 {
		t.Fatalf("the deal reads its renamed stage: %+v", got)
	}

	if err := e.svc.DeletePipeline(ctx, p.ID); crm.ErrorCode(err) != crm.CodePipelineNotEmpty {
		t.Fatalf("deleting a pipeline with a deal: %v", err)
	}
	if err := e.svc.Delete(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.DeletePipeline(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.DeletePipeline(ctx, crm.DefaultPipelineID); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("deleting the last pipeline: %v", err)
	}
	if _, err := e.svc.Restore(ctx, d.ID); crm.ErrorCode(err) != crm.CodeDealInvalid {
		t.Fatalf("restoring a deal whose pipeline is gone: %v", err)
	}
	ps, _ := e.svc.Pipelines(ctx)
	if len(ps) != 1 || ps[0].ID != crm.DefaultPipelineID {
		t.Fatalf("pipelines = %+v", ps)
	}
}

func TestForCompanyAndContact(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	now := e.clock.Now()
	co := crm.Company{ID: crm.NewID(now), CompanyFields: crm.CompanyFields{Name: "Acme"}, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := e.db.CreateCompany(ctx, co); err != nil {
		t.Fatal(err)
	}
	ann := crm.Contact{ID: crm.NewID(now), ContactFields: crm.ContactFields{GivenName: "Ann"}, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := e.db.CreateContact(ctx, ann); err != nil {
		t.Fatal(err)
	}
	open := e.create(t, deals.Input{Title: "Open one", CompanyID: co.ID, ContactIDs: []string{ann.ID}})
	won := e.create(t, deals.Input{Title: "Won one", CompanyID: co.ID})
	if _, err := e.svc.Win(ctx, won.ID, won.Version, ""); err != nil {
		t.Fatal(err)
	}
	e.create(t, deals.Input{Title: "Elsewhere"})
	// A later edit of the won deal must not put it before the open one.
	byCo, err := e.svc.ForCompany(ctx, co.ID)
	if err != nil || len(byCo) != 2 || byCo[0].ID != open.ID || byCo[0].CompanyName != "Acme" {
		t.Fatalf("for company = %+v, %v", byCo, err)
	}
	byAnn, err := e.svc.ForContact(ctx, ann.ID)
	if err != nil || len(byAnn) != 1 || byAnn[0].ID != open.ID || byAnn[0].Contacts[0].Name != "Ann" {
		t.Fatalf("for contact = %+v, %v", byAnn, err)
	}
}
