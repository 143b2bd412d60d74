package csvimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// genReader produces a contact CSV of n rows on the fly (n < 0: endless),
// so tests can stream large inputs without holding them in memory.
type genReader struct {
	n, i int
	buf  []byte
}

const genHeader = "First Name,Last Name,E-mail Address,Mobile Phone,Business Street,Business City,Notes,Categories\r\n"

func newGenReader(n int) *genReader { return &genReader{n: n, buf: []byte(genHeader)} }

// Read implements io.Reader.
func (g *genReader) Read(p []byte) (int, error) {
	for len(g.buf) < len(p) && (g.n < 0 || g.i < g.n) {
		g.i++
		g.buf = fmt.Appendf(g.buf, "Given%d,Family%d,user%d@example.com,+49 170 %07d,\"Hauptstraße %d\r\nHinterhaus\",Köln,\"Said \"\"hi\"\", twice\",Kunde;VIP\r\n",
			g.i, g.i, g.i, g.i, g.i%1000)
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestStreamsInConstantMemory reads 200,000 rows (about 27 MB) through an
// io.Reader and checks the live heap stays flat: rows are not accumulated.
func TestStreamsInConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200k rows")
	}
	const rows = 200_000
	before := heapInUse()
	r, err := Open(newGenReader(rows), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, m := DetectProfile(r.Header())
	var peak uint64
	n := 0
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("row %d: %v", n, err)
		}
		n++
		rec, probs := ToRecord(row, m)
		if len(probs) != 0 || rec.Addresses[0].Street != fmt.Sprintf("Hauptstraße %d\nHinterhaus", n%1000) {
			t.Fatalf("row %d: %+v %v", n, rec, probs)
		}
		if n%20_000 == 0 {
			peak = max(peak, heapInUse())
		}
	}
	if n != rows {
		t.Fatalf("read %d rows, want %d", n, rows)
	}
	const limit = 2 << 20
	if peak > before+limit {
		t.Errorf("live heap grew from %d to %d bytes while streaming", before, peak)
	}
	t.Logf("live heap: before %d KiB, peak while streaming %d KiB", before>>10, peak>>10)
}

// TestAllocationsPerRow checks that reading a row costs a constant, small
// number of allocations however far into the file.
func TestAllocationsPerRow(t *testing.T) {
	row := "Given,Family,user@example.com,+49 170 1234567,\"Hauptstraße 1\r\nHinterhaus\",Köln,\"Said \"\"hi\"\", twice\",Kunde;VIP\r\n"
	body := io.MultiReader(strings.NewReader(genHeader), &repeatReader{s: row, n: 1 << 30})
	r, err := Open(body, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 1000 { // warm up buffers
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	}
	allocs := testing.AllocsPerRun(10_000, func() {
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 3 {
		t.Errorf("%.1f allocations per row, want at most 3", allocs)
	}
}

// TestHugeUnterminatedQuoteIsBounded feeds 50 MB after a stray quote: the
// row is rejected at the row limit and the rest is read as rows again,
// without buffering the 50 MB.
func TestHugeUnterminatedQuoteIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 50 MB")
	}
	line := strings.Repeat("x", 99) + "\n"
	body := io.MultiReader(strings.NewReader("a,b\n1,\"stray\n"), &repeatReader{s: line, n: 500_000})
	r, err := Open(body, Options{MaxRowBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	before := heapInUse()
	var rows, rowErrs int
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var rowErr *RowError
		switch {
		case errors.As(err, &rowErr):
			rowErrs++
		case err != nil:
			t.Fatal(err)
		default:
			rows++
		}
		if rows%100_000 == 0 && heapInUse() > before+8<<20 {
			t.Fatalf("heap grew to %d", heapInUse())
		}
	}
	if rowErrs != 1 || rows != 500_000 {
		t.Errorf("rows %d, row errors %d; want 500000 and 1", rows, rowErrs)
	}
}

// repeatReader yields s n times.
type repeatReader struct {
	s   string
	n   int
	off int
}

// Read implements io.Reader.
func (rr *repeatReader) Read(p []byte) (int, error) {
	total := 0
	for total < len(p) && rr.n > 0 {
		c := copy(p[total:], rr.s[rr.off:])
		total += c
		rr.off += c
		if rr.off == len(rr.s) {
			rr.off = 0
			rr.n--
		}
	}
	if total == 0 {
		return 0, io.EOF
	}
	return total, nil
}

// benchData is a generated 100,000-row file, built once.
var benchData = func() func() []byte {
	var data []byte
	return func() []byte {
		if data == nil {
			data, _ = io.ReadAll(newGenReader(100_000))
		}
		return data
	}
}()

// BenchmarkRead100k reads 100,000 rows (13 MB, with quoted newlines and
// doubled quotes) from memory; ns/row is reported as a custom metric.
func BenchmarkRead100k(b *testing.B) {
	const rows = 100_000
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := Open(bytes.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != rows {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}

// BenchmarkReadAndMap100k also maps every row to a Record.
func BenchmarkReadAndMap100k(b *testing.B) {
	const rows = 100_000
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := Open(bytes.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, m := DetectProfile(r.Header())
		for {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			ToRecord(row, m)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}
