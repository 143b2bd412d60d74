package phone

import (
	"strings"
	"testing"
)

// parseCase is one row of TestParse. Region, Ext and Valid are checked
// exactly; an empty e164 means the input must stay unparsed.
type parseCase struct {
	raw, region string
	e164        string
	wantRegion  string
	ext         string
	valid       bool
}

var parseCases = []parseCase{
	// United States: Outlook/Google forms, vanity, extensions, vCard URIs.
	{"+1 (202) 555-0123", "US", "+12025550123", "US", "", true},
	{"(202) 555-0123", "US", "+12025550123", "US", "", true},
	{"202.555.0123", "US", "+12025550123", "US", "", true},
	{"1-800-FLOWERS", "US", "+18003569377", "US", "", true},
	{"+1-800-GOT-JUNK", "", "+18004685865", "US", "", true},
	{"(202) 555-0123 x123", "US", "+12025550123", "US", "123", true},
	{"202-555-0123 ext. 12", "US", "+12025550123", "US", "12", true},
	{"+1 202 555 0123 #45", "", "+12025550123", "US", "45", true},
	{"tel:+1-202-555-0100;ext=22", "", "+12025550100", "US", "22", true},
	{"+1 (555) 123-4567", "US", "+15551234567", "US", "", false}, // 555 is not an area code
	{"555-0100", "US", "+15550100", "US", "", false},             // no area code
	{"tel:+1-555-0100;ext=22", "", "+15550100", "", "22", false}, // +1 is shared: region unknown
	{"0049 30 1234567", "US", "+49301234567", "DE", "", true},    // 00 is not the US prefix (011)
	// United Kingdom.
	{"020 7946 0958", "GB", "+442079460958", "GB", "", true},
	{"+44 (0)20 7946 0958", "DE", "+442079460958", "GB", "", true},
	{"07400 123456", "GB", "+447400123456", "GB", "", true},
	{"07700 900123", "GB", "+447700900123", "GB", "", false}, // Ofcom range reserved for drama
	{"+44 20 7946 0958 ext 9", "", "+442079460958", "GB", "9", true},
	// Germany.
	{"(030) 1234567", "DE", "+49301234567", "DE", "", true},
	{"030/1234567", "DE", "+49301234567", "DE", "", true},
	{"+49 (0)30 1234567", "", "+49301234567", "DE", "", true},
	{"0049 30 1234567", "", "+49301234567", "DE", "", true},
	{"+0049 30 1234567", "", "+49301234567", "DE", "", true},
	{"0171 1234567 mobil", "DE", "+491711234567", "DE", "", true},
	{"030 1234567 (Büro)", "DE", "+49301234567", "DE", "", true},
	{"030 1234567;ext=12", "DE", "+49301234567", "DE", "12", true},
	{"030 1234567 #12", "DE", "+49301234567", "DE", "12", true},
	{"0800 FLOWERS", "DE", "+498003569377", "DE", "", true},
	{"tel:030-1234567;phone-context=+49", "", "+49301234567", "DE", "", true},
	{"030 1234567", "de", "+49301234567", "DE", "", true}, // region in lower case
	{"030 12", "DE", "+493012", "DE", "", false},
	{"030 Büro 1234567", "DE", "", "", "", false},
	// France.
	{"01 23 45 67 89", "FR", "+33123456789", "FR", "", true},
	{"06.12.34.56.78", "FR", "+33612345678", "FR", "", true},
	{"+33 (0)6 12 34 56 78", "", "+33612345678", "FR", "", true},
	{"06 12 34 56", "FR", "+3306123456", "FR", "", false},
	// Spain.
	{"912 345 678", "ES", "+34912345678", "ES", "", true},
	{"+34 612 34 56 78", "", "+34612345678", "ES", "", true},
	{"612 34 56 7", "ES", "+3461234567", "ES", "", false},
	// Bangladesh, including Bengali digits.
	{"০১৭১১ ২৩৪৫৬৭", "BD", "+8801711234567", "BD", "", true},
	{"+৮৮০ ১৭১১-২৩৪৫৬৭", "", "+8801711234567", "BD", "", true},
	{"01711-234567", "BD", "+8801711234567", "BD", "", true},
	{"02-9123456", "BD", "+88029123456", "BD", "", true},
	{"0171123", "BD", "+880171123", "BD", "", false},
	// India, including Devanagari digits.
	{"098765 43210", "IN", "+919876543210", "IN", "", true},
	{"०९८७६५ ४३२१०", "IN", "+919876543210", "IN", "", true},
	{"011 2345 6789", "IN", "+911123456789", "IN", "", true},
	{"98765 4321", "IN", "+91987654321", "IN", "", false},
	// Japan, including full-width digits and dashes.
	{"03-1234-5678", "JP", "+81312345678", "JP", "", true},
	{"０９０−１２３４−５６７８", "JP", "+819012345678", "JP", "", true},
	{"+81 3 1234 567", "", "+8131234567", "JP", "", false},
	// Russia and Kazakhstan share +7.
	{"8 (495) 123-45-67", "RU", "+74951234567", "RU", "", true},
	{"+7 495 123-45-67", "", "+74951234567", "RU", "", true},
	{"+7 701 123 4567", "RU", "+77011234567", "KZ", "", true},
	{"8 (495) 123-45", "RU", "+7849512345", "RU", "", false},
	// Greece.
	{"210 1234567", "GR", "+302101234567", "GR", "", true},
	{"+30 694 123 4567", "", "+306941234567", "GR", "", true},
	{"0030 210 123 4567", "", "+302101234567", "GR", "", true},
	{"210 12345", "GR", "+3021012345", "GR", "", false},
	// Elsewhere: Italian leading zero, non-geographic numbers.
	{"+39 06 1234 5678", "", "+390612345678", "IT", "", true},
	{"+800 1234 5678", "", "+80012345678", "", "", true},
	// Garbage and damaged text.
	{"", "DE", "", "", "", false},
	{"   ", "DE", "", "", "", false},
	{"n/a", "DE", "", "", "", false},
	{"call me", "US", "", "", "", false},
	{"+999 123456", "", "", "", "", false},
	{"1234567", "", "", "", "", false},       // national form without a region
	{"030 1234567", "XX", "", "", "", false}, // unknown region counts as none
	{"030 1234567, 030 7654321", "DE", "", "", "", false},
	{"030\x001234567", "DE", "+49301234567", "DE", "", true},
	{"\t030\n1234567\r", "DE", "+49301234567", "DE", "", true},
	{"030\xff1234567", "DE", "+49301234567", "DE", "", true},
	{"\u200e+49 30 1234567\u200f", "", "+49301234567", "DE", "", true},
	{"\ufeff030\u00a01234567", "DE", "+49301234567", "DE", "", true},
	{strings.Repeat("0301234567", 300), "DE", "", "", "", false},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		n := Parse(c.raw, c.region)
		if n.Raw != c.raw {
			t.Errorf("Parse(%q, %q).Raw = %q, want the input unchanged", c.raw, c.region, n.Raw)
		}
		if n.E164 != c.e164 || n.Region != c.wantRegion || n.Extension != c.ext || n.Valid != c.valid {
			t.Errorf("Parse(%q, %q) = E164 %q, Region %q, Extension %q, Valid %v; want %q, %q, %q, %v",
				c.raw, c.region, n.E164, n.Region, n.Extension, n.Valid, c.e164, c.wantRegion, c.ext, c.valid)
		}
		if n.Valid && !n.Possible {
			t.Errorf("Parse(%q, %q) is valid but not possible", c.raw, c.region)
		}
		if n.E164 == "" && (n.Valid || n.Possible || n.Region != "" || n.Extension != "") {
			t.Errorf("Parse(%q, %q) is unparsed but has fields set: %+v", c.raw, c.region, n)
		}
	}
}

func TestParseCoversRegions(t *testing.T) {
	want := []string{"US", "GB", "DE", "FR", "ES", "BD", "IN", "JP", "RU", "GR"}
	valid, invalid := map[string]bool{}, map[string]bool{}
	for _, c := range parseCases {
		if c.valid {
			valid[c.wantRegion] = true
		} else if c.e164 != "" {
			invalid[c.wantRegion] = true
		}
	}
	for _, r := range want {
		if !valid[r] || !invalid[r] {
			t.Errorf("region %s needs at least one valid and one invalid case (valid %v, invalid %v)", r, valid[r], invalid[r])
		}
	}
}

func TestParseIsIdempotentOnE164(t *testing.T) {
	for _, c := range parseCases {
		n := Parse(c.raw, c.region)
		if n.E164 == "" {
			continue
		}
		again := Parse(n.E164, "")
		if again.E164 != n.E164 || again.Valid != n.Valid {
			t.Errorf("Parse(%q) = %q valid %v, but re-parsing it gives %q valid %v", c.raw, n.E164, n.Valid, again.E164, again.Valid)
		}
	}
}

func TestParsePossibleButNotValid(t *testing.T) {
	n := Parse("+1 (555) 123-4567", "US")
	if n.Valid || !n.Possible {
		t.Errorf("Parse(+1 555 123 4567) valid %v possible %v, want an invalid but possible number", n.Valid, n.Possible)
	}
	n = Parse("612 34 56 7", "ES")
	if n.Valid || n.Possible {
		t.Errorf("Parse(612 34 56 7, ES) valid %v possible %v, want neither", n.Valid, n.Possible)
	}
}
