package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/seed"
)

// benchContacts is the size of the benchmark address book (PRODUCT.md:
// 100,000 contacts). FIELDBOOK_BENCH_CONTACTS overrides it for quick runs.
func benchContacts() int {
	if n, err := strconv.Atoi(os.Getenv("FIELDBOOK_BENCH_CONTACTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// seededDB builds a database with n demo contacts in a temp folder.
func seededDB(b *testing.B, n int) *DB {
	b.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	gen := seed.NewGenerator(1)
	clock := crm.SystemClock{}
	start := time.Now()
	const batch = 5000
	for done := 0; done < n; done += batch {
		cs := make([]crm.Contact, 0, batch)
		for range min(batch, n-done) {
			cs = append(cs, newContact(clock, gen.Contact()))
		}
		if err := db.CreateContacts(ctx, cs); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("seeded %d contacts in %v", n, time.Since(start).Round(time.Millisecond))
	return db
}

// searchQueries are what a user types, keystroke by keystroke, when looking
// for people: name prefixes in several scripts, companies, e-mail and phone
// fragments, and a miss.
var searchQueries = []string{
	"j", "jo", "joh", "john", "johns", "m", "mü", "mül", "müller", "ahm", "রহ", "রহিম", "иван", "παπα", "佐藤",
	"north", "northwind", "northwind log", "acme", "gmbh", "ceo", "buyer", "vip", "trade",
	"maria@", "smith.", "example.com", "+49", "555", "4412", "880 17", "zzzz", "q", "x y",
}

// BenchmarkCreateContacts inserts contacts in batches of 5,000 (as seeding
// and imports do), each with its journal row and search-index entry.
func BenchmarkCreateContacts(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "create.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	gen := seed.NewGenerator(2)
	const batch = 5000
	inserted := 0
	for b.Loop() {
		b.StopTimer()
		cs := make([]crm.Contact, batch)
		for i := range cs {
			cs[i] = newContact(crm.SystemClock{}, gen.Contact())
		}
		b.StartTimer()
		if err := db.CreateContacts(ctx, cs); err != nil {
			b.Fatal(err)
		}
		inserted += batch
	}
	b.ReportMetric(float64(inserted)/b.Elapsed().Seconds(), "contacts/s")
}

func BenchmarkContacts(b *testing.B) {
	n := benchContacts()
	db := seededDB(b, n)
	ctx := context.Background()

	b.Run(fmt.Sprintf("ListFirstPage/%d", n), func(b *testing.B) {
		for b.Loop() {
			page, err := db.ListContacts(ctx, 0, 100)
			if err != nil || len(page.Items) != 100 {
				b.Fatalf("page: %d items, %v", len(page.Items), err)
			}
		}
	})
	b.Run(fmt.Sprintf("ListDeepPage/%d", n), func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ListContacts(ctx, n-200, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("SearchAsYouType/%d", n), func(b *testing.B) {
		var lat []time.Duration
		for b.Loop() {
			for _, q := range searchQueries {
				t0 := time.Now()
				if _, err := db.SearchContacts(ctx, q, 0, 100); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
		}
		slices.Sort(lat)
		p := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(p(0.50), "p50-ms")
		b.ReportMetric(p(0.95), "p95-ms")
		b.ReportMetric(p(1), "max-ms")
		b.ReportMetric(0, "ns/op") // a loop is a batch of queries; the percentiles are the figures
	})
	b.Run(fmt.Sprintf("SearchSlowest/%d", n), func(b *testing.B) {
		// Per-query timings, to see which kind of query is the slowest.
		type res struct {
			q string
			d time.Duration
		}
		var out []res
		for _, q := range searchQueries {
			best := time.Hour
			for range 5 {
				t0 := time.Now()
				db.SearchContacts(ctx, q, 0, 100)
				best = min(best, time.Since(t0))
			}
			out = append(out, res{q, best})
		}
		slices.SortFunc(out, func(a, b res) int { return int(b.d - a.d) })
		var sb strings.Builder
		for _, r := range out[:8] {
			fmt.Fprintf(&sb, "%q %.2fms; ", r.q, float64(r.d.Microseconds())/1000)
		}
		b.Log("slowest queries: ", sb.String())
		for b.Loop() {
		}
	})
}
