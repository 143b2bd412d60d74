package reports

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/currencies"
	"fieldbook/backend/store"
)

// The benchmark data set: 100,000 contacts, 20,000 deals (with their stage
// history), 200,000 activities, and a few thousand leads, orders,
// feedback answers, cases and campaigns where this build has those tables.
// It is built once with bulk inserts in one transaction and cached in the
// temp folder (the file name carries the schema's migration count so a new
// migration rebuilds it).
const (
	benchContacts   = 100_000
	benchCompanies  = 2_000
	benchDeals      = 20_000
	benchActivities = 200_000
	benchLeads      = 5_000
	benchOrders     = 20_000
	benchFeedback   = 5_000
	benchCases      = 3_000
	benchCampaigns  = 50
	benchOwners     = 10
)

var benchNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func benchDB(b *testing.B) string {
	b.Helper()
	entries, err := os.ReadDir("../store/migrations")
	if err != nil {
		b.Fatal(err)
	}
	h := fnv.New64a()
	for _, e := range entries {
		body, err := os.ReadFile(filepath.Join("../store/migrations", e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		h.Write(body)
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("fieldbook-reports-bench-%x-v1.db", h.Sum64()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	ctx := context.Background()
	db, err := store.Open(ctx, tmp) // migrates
	if err != nil {
		b.Fatal(err)
	}
	cur := currencies.New(db, clockAt{benchNow}, func() string { return "DE" })
	if _, err := cur.SetHome(ctx, "EUR"); err != nil {
		b.Fatal(err)
	}
	for _, r := range []crm.ExchangeRate{{Currency: "USD", Date: "2024-01-01", Rate: "0.9"}, {Currency: "USD", Date: "2025-06-01", Rate: "0.92"},
		{Currency: "GBP", Date: "2024-01-01", Rate: "1.17"}} {
		if _, err := cur.SaveRate(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	start := time.Now()
	if err := fillBench(tmp); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the benchmark data set in %v", time.Since(start).Round(time.Millisecond))
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func ts(t time.Time) string { return stamp(t) }

// fillBench writes the data set in one transaction.
func fillBench(path string) error {
	raw, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	tables := map[string]bool{}
	rows, err := raw.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables[n] = true
	}
	rows.Close()
	tx, err := raw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rng := rand.New(rand.NewPCG(7, 7))
	id := func(prefix string, i int) string { return fmt.Sprintf("%s-%07d", prefix, i) }
	past := func(days int) time.Time { // a random instant in the last days
		return benchNow.Add(-time.Duration(rng.Int64N(int64(days) * 24 * int64(time.Hour))))
	}
	exec := func(query string, n int, args func(i int) []any) error {
		st, err := tx.Prepare(query)
		if err != nil {
			return fmt.Errorf("%s: %w", query, err)
		}
		defer st.Close()
		for i := 0; i < n; i++ {
			if _, err := st.Exec(args(i)...); err != nil {
				return fmt.Errorf("%s: %w", query, err)
			}
		}
		return nil
	}
	now := ts(benchNow)
	if err := exec(`INSERT INTO owners (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`, benchOwners, func(i int) []any {
		return []any{id("own", i), fmt.Sprintf("Owner %d", i), now, now}
	}); err != nil {
		return err
	}
	if err := exec(`INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`, benchCompanies, func(i int) []any {
		n := fmt.Sprintf("Company %d", i)
		return []any{id("co", i), n, strings.ToLower(n), now, now}
	}); err != nil {
		return err
	}
	if err := exec(`INSERT INTO contacts (id, given_name, family_name, display_name, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, benchContacts, func(i int) []any {
		g, f := fmt.Sprintf("Given%d", i%997), fmt.Sprintf("Family%d", i)
		return []any{id("ct", i), g, f, g + " " + f, strings.ToLower(f + " " + g), now, now}
	}); err != nil {
		return err
	}
	stages := []struct {
		id   string
		prob int
	}{{stQualified, 10}, {stMeeting, 25}, {stProposal, 50}, {stNegotiation, 75}}
	currencies := []string{"EUR", "EUR", "USD", "GBP"}
	hist, err := tx.Prepare(`INSERT INTO deal_stages (deal_id, stage_id, status, entered_at, left_at) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer hist.Close()
	if err := exec(`INSERT INTO deals (id, title, pipeline_id, stage_id, status, amount_minor, currency, probability, expected_close,
		owner_id, company_id, closed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchDeals, func(i int) []any {
		created := past(730)
		st := stages[rng.IntN(len(stages))]
		status := []string{"open", "won", "won", "lost"}[rng.IntN(4)]
		var closed any
		steps := 1 + rng.IntN(3)
		at := created
		for s := 0; s < steps; s++ {
			next := at.Add(time.Duration(1+rng.IntN(20)) * 24 * time.Hour)
			var left any = ts(next)
			if s == steps-1 && status == "open" {
				left = nil
			}
			hist.Exec(id("deal", i), stages[s].id, "open", ts(at), left)
			at = next
		}
		if status != "open" {
			closed = ts(at)
			hist.Exec(id("deal", i), st.id, status, ts(at), nil)
		}
		expected := ""
		if status == "open" && rng.IntN(10) > 0 {
			expected = benchNow.AddDate(0, 0, rng.IntN(400)-100).Format(time.DateOnly)
		}
		var prob any
		if rng.IntN(5) == 0 {
			prob = rng.IntN(101)
		}
		return []any{id("deal", i), "Deal", salesPipeline, st.id, status, 1000 + rng.Int64N(10_000_000), currencies[rng.IntN(len(currencies))],
			prob, expected, id("own", rng.IntN(benchOwners)), id("co", rng.IntN(benchCompanies)), closed, ts(created), ts(at)}
	}); err != nil {
		return err
	}
	kinds := ActivityKinds
	if err := exec(`INSERT INTO activities (id, kind, occurred_at, subject, body, contact_id, owner_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchActivities, func(i int) []any {
		return []any{id("act", i), kinds[rng.IntN(len(kinds))], ts(past(730)), "Follow-up", "Talked about the order",
			id("ct", rng.IntN(benchContacts)), id("own", rng.IntN(benchOwners)), now, now}
	}); err != nil {
		return err
	}
	sources := []string{"web", "fair", "referral", "cold call", ""}
	if tables["leads"] {
		if err := exec(`INSERT INTO leads (id, name, source, status, owner_id, converted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, benchLeads, func(i int) []any {
			created := past(730)
			status, conv := []string{"new", "contacted", "qualified", "unqualified", "converted"}[rng.IntN(5)], any(nil)
			if status == "converted" {
				conv = ts(created.Add(72 * time.Hour))
			}
			return []any{id("lead", i), "Lead", sources[rng.IntN(len(sources))], status, id("own", rng.IntN(benchOwners)), conv, ts(created), now}
		}); err != nil {
			return err
		}
	}
	if tables["orders"] {
		if err := exec(`INSERT INTO orders (id, number, company_id, customer_key, order_date, currency, total_minor, payment_status, due_date, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchOrders, func(i int) []any {
			co := rng.IntN(benchCompanies)
			date := past(730).Format(time.DateOnly)
			status := []string{"paid", "paid", "due"}[rng.IntN(3)]
			due := ""
			if status == "due" {
				d, _ := time.Parse(time.DateOnly, date)
				due = d.AddDate(0, 0, 30).Format(time.DateOnly)
			}
			return []any{id("ord", i), fmt.Sprintf("N-%06d", i), id("co", co), "company:" + id("co", co), date,
				currencies[rng.IntN(len(currencies))], 100 + rng.Int64N(5_000_000), status, due, now, now}
		}); err != nil {
			return err
		}
	}
	if tables["feedback"] {
		if err := exec(`INSERT INTO feedback (id, version, contact_id, kind, score, received_at, owner_id, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`, benchFeedback, func(i int) []any {
			kind, score := "nps", rng.IntN(11)
			if i%2 == 1 {
				kind, score = "csat", 1+rng.IntN(5)
			}
			return []any{id("fb", i), id("ct", rng.IntN(benchContacts)), kind, score, ts(past(730)), id("own", rng.IntN(benchOwners)), now, now}
		}); err != nil {
			return err
		}
	}
	if tables["cases"] {
		if err := exec(`INSERT INTO cases (id, version, number, subject, contact_id, priority, status, opened_at, resolved_at, owner_id, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchCases, func(i int) []any {
			opened := past(730)
			status := []string{"open", "pending", "resolved", "closed", "resolved"}[rng.IntN(5)]
			var resolved any
			if status == "resolved" || status == "closed" {
				resolved = ts(opened.Add(time.Duration(1+rng.IntN(300)) * time.Hour))
			}
			return []any{id("case", i), fmt.Sprintf("C-%05d", i), "Broken", id("ct", rng.IntN(benchContacts)),
				[]string{"low", "normal", "high", "urgent"}[rng.IntN(4)], status, ts(opened), resolved, id("own", rng.IntN(benchOwners)), now, now}
		}); err != nil {
			return err
		}
	}
	if tables["campaigns"] {
		if err := exec(`INSERT INTO campaigns (id, name, cost_minor, currency, starts_on, ends_on, owner_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, benchCampaigns, func(i int) []any {
			start := past(700)
			return []any{id("cmp", i), fmt.Sprintf("Campaign %d", i), 10000 + rng.Int64N(10_000_000), "EUR",
				start.Format(time.DateOnly), start.AddDate(0, 1, 0).Format(time.DateOnly), id("own", rng.IntN(benchOwners)), now, now}
		}); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE deals SET campaign_id = printf('cmp-%07d', abs(random()) % ?) WHERE rowid % 5 = 0`, benchCampaigns); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = raw.Exec(`ANALYZE`)
	return err
}

// BenchmarkReports runs every report (default range: the last 12 months)
// and the dashboard on the data set and prints ms per report.
func BenchmarkReports(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	clock := clockAt{benchNow}
	svc := New(db, currencies.New(db, clock, func() string { return "DE" }), clock,
		func(context.Context) (*time.Location, error) { return dhaka, nil })
	type figure struct {
		name string
		ms   float64
		rows int
	}
	var figs []figure
	run := func(name string, fn func() (int, error)) {
		b.Run(name, func(b *testing.B) {
			var rows int
			start := time.Now()
			for i := 0; i < b.N; i++ {
				n, err := fn()
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(b.N)
			b.ReportMetric(ms, "ms/op")
			figs = append(figs, figure{name, ms, rows})
		})
	}
	for _, info := range Catalogue() {
		name := info.Name
		run(name, func() (int, error) {
			r, err := svc.Run(ctx, name, Filters{})
			return len(r.Rows), err
		})
	}
	run("dashboard", func() (int, error) {
		d, err := svc.Dashboard(ctx)
		return len(d.Pipeline.Rows) + len(d.OverduePayments), err
	})
	sort.SliceStable(figs, func(i, j int) bool { return false })
	seen := map[string]figure{}
	var order []string
	for _, f := range figs {
		if _, ok := seen[f.name]; !ok {
			order = append(order, f.name)
		}
		seen[f.name] = f // the last (longest) run of each
	}
	fmt.Printf("\n%-20s %10s %6s\n", "report", "ms/op", "rows")
	for _, n := range order {
		fmt.Printf("%-20s %10.2f %6d\n", n, seen[n].ms, seen[n].rows)
	}
}
