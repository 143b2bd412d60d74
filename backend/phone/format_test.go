package phone

import "testing"

func TestFormat(t *testing.T) {
	cases := []struct {
		raw, region, display, want string
	}{
		{"030 1234567", "DE", "DE", "030 1234567"},
		{"030 1234567", "DE", "US", "+49 30 1234567"},
		{"030 1234567", "DE", "", "+49 30 1234567"},
		{"+49 30 1234567", "", "de", "030 1234567"}, // display region in any case
		{"(202) 555-0123", "US", "US", "(202) 555-0123"},
		{"(202) 555-0123", "US", "CA", "+1 202-555-0123"}, // same calling code, other region
		{"(202) 555-0123 x123", "US", "US", "(202) 555-0123 ext. 123"},
		{"+44 20 7946 0958 ext 9", "", "DE", "+44 20 7946 0958 x9"},
		{"০১৭১১ ২৩৪৫৬৭", "BD", "BD", "01711-234567"},
		{"০১৭১১ ২৩৪৫৬৭", "BD", "DE", "+880 1711-234567"},
		{"8 (495) 123-45-67", "RU", "RU", "8 (495) 123-45-67"},
		{"+7 701 123 4567", "RU", "RU", "+7 701 123 4567"}, // a Kazakh number
		{"+39 06 1234 5678", "", "IT", "06 1234 5678"},
		{"+800 1234 5678", "", "DE", "+800 1234 5678"},
		{"030 12", "DE", "DE", "+49 3012"}, // invalid: never national
		{"call me", "DE", "DE", "call me"}, // unparsed: raw
		{"", "DE", "DE", ""},
	}
	for _, c := range cases {
		if got := Format(Parse(c.raw, c.region), c.display); got != c.want {
			t.Errorf("Format(Parse(%q, %q), %q) = %q, want %q", c.raw, c.region, c.display, got, c.want)
		}
	}
}

func TestFormatDamagedNumber(t *testing.T) {
	for _, n := range []Number{
		{Raw: "kept", E164: "4930123"},
		{Raw: "kept", E164: "+"},
		{Raw: "kept", E164: "+49abc"},
	} {
		if got := Format(n, "DE"); got != "kept" {
			t.Errorf("Format(%+v) = %q, want the raw text", n, got)
		}
	}
}

func TestFormatFromStoredFields(t *testing.T) {
	// A Number rebuilt from a database row, without Raw.
	n := Number{E164: "+49301234567", Region: "DE", Extension: "12", Valid: true, Possible: true}
	if got, want := Format(n, "DE"), "030 1234567 ext. 12"; got != want {
		t.Errorf("Format(stored) = %q, want %q", got, want)
	}
}
