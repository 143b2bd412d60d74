package importexport

import (
	"context"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/store"
)

// duplicatesIndex is the matcher the app uses: backend/duplicates' Index
// over every live contact.
func duplicatesIndex(ctx context.Context, db *store.DB) (Matcher, error) {
	idx := duplicates.NewIndex("DE")
	err := db.EachMatchRecord(ctx, func(id string, f crm.ContactFields) error {
		idx.Add(id, f)
		return nil
	})
	return idx, err
}

// BenchmarkImportVCards100k imports one file of 100,000 vCards (with an
// X- property each) into a fresh database, duplicate detection as in the
// app (backend/duplicates: e-mail, phone, name at a company). Target (issue 3): under 15 s. `make bench-import` runs it.
func BenchmarkImportVCards100k(b *testing.B) {
	const n = 100_000
	path := writeFile(b, "100k.vcf", vcards(n))
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b)
		im := NewImporter(e.db, e.svc, crm.SystemClock{}, duplicatesIndex, func(keep, other crm.ContactFields) crm.ContactFields {
			return duplicates.Merge(keep, other, nil, "DE")
		})
		b.StartTimer()
		start := time.Now()
		rep, err := im.Import(context.Background(), path, Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Imported != n {
			b.Fatalf("imported %d of %d: %+v", rep.Imported, n, rep.SkippedEntries[:min(3, len(rep.SkippedEntries))])
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/import")
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "contacts/s")
	}
}
