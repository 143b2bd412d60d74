package contactcard

import (
	"testing"
)

// benchCards are representative corpus cards: Outlook 2.1, Apple, Gmail,
// vCard 4.0.
var benchCards = []string{
	"ezvcard__outlook-2007.vcf", "ezvcard__John_Doe_IPHONE.vcf",
	"ezvcard__gmail-single2.vcf", "libical__test.vcf",
}

// BenchmarkFromCard reads the fields of one card.
func BenchmarkFromCard(b *testing.B) {
	for _, name := range benchCards {
		c := readOne(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FromCard(c)
			}
		})
	}
}

// BenchmarkPatch patches one card with a typical edit: a changed phone
// number, a new e-mail address and a new note.
func BenchmarkPatch(b *testing.B) {
	for _, name := range benchCards {
		c := readOne(b, name)
		f, _ := FromCard(c)
		f.Notes = "Met at the trade fair; prefers e-mail."
		f.Emails = append(f.Emails, f.Emails...)
		if len(f.Phones) > 0 {
			f.Phones[0].Value = "+1 555 0199"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Patch(c, f)
			}
		})
	}
}
