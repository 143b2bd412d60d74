package phone

import (
	"strings"
	"testing"
)

// benchInputs is a mix like an address-book import: mostly well-formed
// national and international numbers, some with extensions, notes, other
// scripts, and some garbage.
var benchInputs = []struct{ raw, region string }{
	{"+1 (202) 555-0123", "US"},
	{"(202) 555-0123 x123", "US"},
	{"030 1234567", "DE"},
	{"+49 (0)30 1234567", "DE"},
	{"0171 1234567 mobil", "DE"},
	{"020 7946 0958", "GB"},
	{"06 12 34 56 78", "FR"},
	{"০১৭১১ ২৩৪৫৬৭", "BD"},
	{"098765 43210", "IN"},
	{"tel:+1-202-555-0100;ext=22", "US"},
	{"+7 495 123-45-67", "RU"},
	{"n/a", "DE"},
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in := benchInputs[i%len(benchInputs)]
		Parse(in.raw, in.region)
		i++
	}
}

func BenchmarkParseValidNational(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Parse("030 1234567", "DE")
	}
}

func BenchmarkParseParallel(b *testing.B) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			in := benchInputs[i%len(benchInputs)]
			Parse(in.raw, in.region)
			i++
		}
	})
}

func BenchmarkParseGarbage(b *testing.B) {
	long := strings.Repeat("1x-(", maxRawLen/4)
	b.ReportAllocs()
	for b.Loop() {
		Parse(long, "DE")
	}
}

func BenchmarkSameNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		SameNumber("030 1234567", "+49 30 1234567", "DE")
	}
}
