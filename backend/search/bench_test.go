package search

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/seed"
	"fieldbook/backend/store"
)

// benchSize is the benchmark's database (issue 7: 100,000 contacts, 20,000
// deals, 200,000 activities; here with 10,000 companies, 20,000 meetings,
// 5,000 tasks, 10,000 leads and 5,000 support cases besides).
// FIELDBOOK_BENCH_CONTACTS scales it down for quick runs.
func benchSize() (contacts, companies, events, tasks int) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("FIELDBOOK_BENCH_CONTACTS")); err == nil && v > 0 {
		n = v
	}
	return n, n / 10, n / 5, n / 20
}

// fillSelling writes leads, deals, cases and activities straight into the
// tables (the triggers keep the indexes as for any writer): n/10 leads, n/5
// deals, n/20 cases and 2n activities linked to contacts.
func fillSelling(b *testing.B, path string, n int, people []crm.ContactFields, rng *rand.Rand) {
	b.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	var contactIDs []string
	rows, err := tx.QueryContext(ctx, `SELECT id FROM contacts LIMIT 5000`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		contactIDs = append(contactIDs, id)
	}
	rows.Close()
	exec := func(q string, args ...any) {
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	subjects := []string{"Call about the offer", "Sent the catalogue", "Visit at the warehouse", "Price talk", "Follow-up on samples", ""}
	for i := range n / 10 {
		p := people[rng.IntN(len(people))]
		exec(`INSERT INTO leads (id, name, email, phone, company_name, source, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'trade fair', ?, ?, ?)`,
			fmt.Sprintf("lead-%d", i), p.GivenName+" "+p.FamilyName, p.Emails[0].Value, "+1 555 0100", p.Company, meetingNotes[rng.IntN(len(meetingNotes))], now, now)
	}
	for i := range n / 5 {
		p := people[rng.IntN(len(people))]
		exec(`INSERT INTO deals (id, title, pipeline_id, stage_id, currency, notes, created_at, updated_at)
			VALUES (?, ?, '01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000011', 'EUR', ?, ?, ?)`,
			fmt.Sprintf("deal-%d", i), strings.Fields(p.Company)[0]+" "+meetingWords[rng.IntN(len(meetingWords))], meetingNotes[rng.IntN(len(meetingNotes))], now, now)
	}
	for i := range n / 20 {
		exec(`INSERT INTO cases (id, version, number, subject, description, priority, status, opened_at, created_at, updated_at)
			VALUES (?, 1, ?, ?, ?, 'normal', 'open', ?, ?, ?)`,
			fmt.Sprintf("case-%d", i), fmt.Sprintf("C-%06d", i), "Problem with "+meetingWords[rng.IntN(len(meetingWords))], meetingNotes[rng.IntN(len(meetingNotes))], now, now, now)
	}
	for i := range 2 * n {
		exec(`INSERT INTO activities (id, kind, occurred_at, subject, body, contact_id, created_at, updated_at) VALUES (?, 'call', ?, ?, ?, ?, ?, ?)`,
			fmt.Sprintf("act-%d", i), now, subjects[rng.IntN(len(subjects))], meetingNotes[rng.IntN(len(meetingNotes))], contactIDs[rng.IntN(len(contactIDs))], now, now)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

var (
	meetingWords = []string{"Quarterly review", "Site visit", "Product demo", "Contract negotiation", "Kick-off", "Price talk",
		"Trade fair follow-up", "Warehouse tour", "Budget planning", "Renewal call"}
	meetingNotes = []string{"", "Bring the catalogue.", "Discuss bulk pricing and delivery dates.", "Ask about the northern region.",
		"Samples of the new textiles line.", "Agenda: invoices overdue, next order."}
	places = []string{"Head office", "Hamburg warehouse", "ঢাকা অফিস", "Café Central", "Online", "Málaga port"}
)

// benchDB fills a database in a temp folder and returns it. With
// FIELDBOOK_BENCH_DB set it keeps the database at that path and reuses it
// on the next run (for profiling without seeding again).
func benchDB(b *testing.B) *store.DB {
	b.Helper()
	ctx := context.Background()
	path := os.Getenv("FIELDBOOK_BENCH_DB")
	reuse := false
	if path == "" {
		path = filepath.Join(b.TempDir(), "search.db")
	} else if _, err := os.Stat(path); err == nil {
		reuse = true
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if reuse {
		b.Logf("reusing %s", path)
		return db
	}
	nContacts, nCompanies, nEvents, nTasks := benchSize()
	start := time.Now()
	clock := crm.SystemClock{}
	if err := seed.Populate(ctx, db, clock, nContacts, 1, nil); err != nil {
		b.Fatal(err)
	}
	gen := seed.NewGenerator(7)
	var people []crm.ContactFields
	for range 2000 {
		people = append(people, gen.Contact())
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range nCompanies {
		p := people[i%len(people)]
		now := clock.Now()
		c := crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, CompanyFields: crm.CompanyFields{
			Name: fmt.Sprintf("%s %d", p.Company, i), Industry: strings.Fields(p.Company)[1], Phone: fmt.Sprintf("+1 555 %07d", i),
			Notes: meetingNotes[rng.IntN(len(meetingNotes))], Address: crm.Address{City: places[rng.IntN(len(places))]}}}
		if err := db.CreateCompany(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	cal, err := db.EnsureDefaultCalendar(ctx, "Calendar", "#3B82F6")
	if err != nil {
		b.Fatal(err)
	}
	day0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var batch []store.ImportedEvent
	for i := range nEvents {
		p, q := people[rng.IntN(len(people))], people[rng.IntN(len(people))]
		now := clock.Now()
		at := day0.Add(time.Duration(i%700) * 12 * time.Hour)
		end := at.Add(time.Hour)
		e := crm.Event{ID: crm.NewID(now), CalendarID: cal.ID, UID: fmt.Sprintf("bench-%d@fieldbook", i), Version: 1, CreatedAt: now, UpdatedAt: now,
			EventFields: crm.EventFields{Title: meetingWords[rng.IntN(len(meetingWords))] + " " + strings.Fields(p.Company)[0],
				Location: places[rng.IntN(len(places))], Notes: meetingNotes[rng.IntN(len(meetingNotes))],
				Start: at.Format(crm.LocalDateTimeLayout), End: end.Format(crm.LocalDateTimeLayout), TimeZone: "UTC", Busy: crm.BusyBusy, Status: "confirmed",
				Attendees: []crm.Attendee{{Email: p.Emails[0].Value, Name: p.GivenName + " " + p.FamilyName}, {Email: q.Emails[0].Value, Name: q.GivenName + " " + q.FamilyName}}},
			StartUTC: at, EndUTC: end, SeriesEndUTC: &end}
		batch = append(batch, store.ImportedEvent{Event: e})
		if len(batch) == 5000 || i == nEvents-1 {
			if err := db.ImportEvents(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	var tasks []crm.Task
	for i := range nTasks {
		now := clock.Now()
		p := people[rng.IntN(len(people))]
		tasks = append(tasks, crm.Task{ID: crm.NewID(now), CalendarID: cal.ID, UID: fmt.Sprintf("task-%d@fieldbook", i), Version: 1, CreatedAt: now, UpdatedAt: now,
			TaskFields: crm.TaskFields{Title: "Call " + p.GivenName + " about the offer", Notes: meetingNotes[rng.IntN(len(meetingNotes))], Status: crm.TaskNeedsAction}})
	}
	if err := db.CreateTasks(ctx, tasks); err != nil {
		b.Fatal(err)
	}
	fillSelling(b, path, nContacts, people, rng)
	b.Logf("seeded %d contacts, %d+ companies, %d meetings, %d tasks, %d leads, %d deals, %d cases, %d activities in %v",
		nContacts, nCompanies, nEvents, nTasks, nContacts/10, nContacts/5, nContacts/20, 2*nContacts, time.Since(start).Round(time.Millisecond))
	return db
}

// benchQueries are what a user types into the search box: 1–3 letters in
// several scripts, full names, companies, words in notes, meeting words,
// phone digits, FTS syntax and a miss.
var benchQueries = []string{
	"j", "jo", "joh", "m", "mü", "a", "an", "ann", "র", "রহ", "রহি", "ив",
	"John Smith", "Jürgen Müller", "রহিম আহমেদ", "María García",
	"northwind", "globex traders", "acme", "fabrikam logistics",
	"catalogue", "catal", "bulk pricing", "bulk pric", "northern region", "green tea",
	"quarterly review", "site visit", "warehouse", "offer",
	"555", "+49", `"vip" OR`, "zzzz",
}

// BenchmarkGlobalSearch times every query of benchQueries against the whole
// search (every source, merged), asking the sources one after the other and
// concurrently, alternately for each query so both see the same machine
// load, and reports the 50th and 95th percentile latency of each way over
// all queries, and of the CPU time each search used (what it costs apart
// from waiting for a core on a busy machine); -v logs each query's
// percentiles. Run with -benchtime=20x
// (each x is one pass over every query).
func BenchmarkGlobalSearch(b *testing.B) {
	db := benchDB(b)
	var sources []Source
	for _, k := range []string{"contact", "company", "lead", "deal", "event", "task", "activity", "case"} {
		sources = append(sources, NewIndexSource(db, k))
	}
	ways := []struct {
		name string
		s    *Searcher
	}{
		{"seq", New(crm.SystemClock{}, sources)},
		{"conc", New(crm.SystemClock{}, sources, Concurrently(true))},
	}
	ctx := context.Background()
	per := map[string][]time.Duration{}
	all := map[string][]time.Duration{}
	cpu := map[string][]time.Duration{}
	found := map[string]int{}
	for b.Loop() {
		for _, q := range benchQueries {
			for _, w := range ways {
				c0 := cpuTime(b)
				t0 := time.Now()
				hits, err := w.s.Search(ctx, q, DefaultLimit)
				d := time.Since(t0)
				c := cpuTime(b) - c0
				if err != nil {
					b.Fatal(err)
				}
				found[q] = len(hits)
				per[w.name+" "+q] = append(per[w.name+" "+q], d)
				all[w.name] = append(all[w.name], d)
				cpu[w.name] = append(cpu[w.name], c)
				cpu[w.name+" "+q] = append(cpu[w.name+" "+q], c)
			}
		}
	}
	for _, q := range benchQueries {
		s, c := per["seq "+q], per["conc "+q]
		b.Logf("%-22q hits %2d  seq p50 %6.2f p95 %6.2f ms (cpu p50 %5.2f)   conc p50 %6.2f p95 %6.2f ms", q, found[q],
			ms(pct(s, 50)), ms(pct(s, 95)), ms(pct(cpu["seq "+q], 50)), ms(pct(c, 50)), ms(pct(c, 95)))
	}
	for _, w := range ways {
		b.ReportMetric(ms(pct(all[w.name], 50)), w.name+"-p50-ms")
		b.ReportMetric(ms(pct(all[w.name], 95)), w.name+"-p95-ms")
		b.ReportMetric(ms(pct(cpu[w.name], 50)), w.name+"-cpu-p50-ms")
		b.ReportMetric(ms(pct(cpu[w.name], 95)), w.name+"-cpu-p95-ms")
	}
}

// cpuTime is the CPU time the process has used (user + system): on a
// machine shared with other work it shows what a search costs, apart from
// the time it waits for a core.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// pct is the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s)+99)/100 - 1
	return s[max(0, min(i, len(s)-1))]
}
