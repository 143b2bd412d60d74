package importexport

import (
	"context"
	"testing"
	"time"
)

// BenchmarkImportVCards100k imports one file of 100,000 vCards (with an
// X- property each) into a fresh database, duplicate detection by e-mail
// on. Target (issue 3): under 15 s. `make bench-import` runs it.
func BenchmarkImportVCards100k(b *testing.B) {
	const n = 100_000
	path := writeFile(b, "100k.vcf", vcards(n))
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b)
		b.StartTimer()
		start := time.Now()
		rep, err := e.im.Import(context.Background(), path, Options{}, nil)
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
