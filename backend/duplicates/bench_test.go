package duplicates_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/seed"
	"fieldbook/backend/store"
)

type tickClock struct{ t time.Time }

func (c *tickClock) Now() time.Time { c.t = c.t.Add(time.Millisecond); return c.t }

// seeded100k is a database of 100,000 seeded contacts, closed after b.
func seeded100k(b *testing.B) *store.DB {
	ctx := context.Background()
	clock := &tickClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.WithClock(clock))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := seed.Populate(ctx, db, clock, 100_000, 1, nil); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkFind100k loads the matching data of 100,000 seeded contacts from
// a real database and finds the duplicates among them, as the Duplicates
// view does on every open.
func BenchmarkFind100k(b *testing.B) {
	ctx := context.Background()
	db := seeded100k(b)
	b.ResetTimer()
	var pairs int
	for b.Loop() {
		// A new service each time: nothing cached, as after any change.
		ps, err := duplicates.New(db, func() string { return "DE" }).Find(ctx)
		if err != nil {
			b.Fatal(err)
		}
		pairs = len(ps)
	}
	b.ReportMetric(float64(pairs), "pairs")
}

// BenchmarkFindUnchanged100k is opening the Duplicates view again with no
// contact changed: the cost of checking that the kept result still holds.
func BenchmarkFindUnchanged100k(b *testing.B) {
	ctx := context.Background()
	db := seeded100k(b)
	svc := duplicates.New(db, func() string { return "DE" })
	if _, err := svc.Find(ctx); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := svc.Find(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindInMemory100k is Find alone, on records already in memory.
func BenchmarkFindInMemory100k(b *testing.B) {
	gen := seed.NewGenerator(1)
	recs := make([]duplicates.Record, 100_000)
	clock := &tickClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := range recs {
		recs[i] = duplicates.RecordOf(crm.NewID(clock.Now()), gen.Contact())
	}
	b.ResetTimer()
	for b.Loop() {
		duplicates.Find(recs, duplicates.Options{Region: "DE"})
	}
}
