package phone

import (
	"testing"
	"unicode/utf8"
)

// fuzzRegions are the default regions each fuzz input is also parsed with,
// beside the fuzzed region (which is mostly not a real region).
var fuzzRegions = []string{"", "DE", "US", "BD", "GB", "RU", "JP", "IN"}

func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.raw, c.region)
	}
	for _, s := range []string{
		"tel:+1-555-0100;ext=22", "tel:;phone-context=+49", ";phone-context=tel:", "+", "00", "+00", "000",
		"x", "#", ";ext=", "1;ext=1", "ext. 12", "+1 (555) 123-4567 x", "\x00", "\xff\xfe", "🙂",
		"1-800-FLOWERS", "++49", "+৮৮০", "0" + string(rune(0x1D7CE)), "de_DE.UTF-8", "en-US-u-rg-gbzzzz",
	} {
		f.Add(s, "DE")
	}
	f.Fuzz(func(t *testing.T, raw, region string) {
		for _, r := range []string{region, fuzzRegions[len(raw)%len(fuzzRegions)]} {
			checkParse(t, raw, r)
		}
		if got := RegionFromLocale(raw); got != "" && (len(got) != 2 || got[0] < 'A' || got[0] > 'Z' || got[1] < 'A' || got[1] > 'Z') {
			t.Errorf("RegionFromLocale(%q) = %q, want \"\" or two capital letters", raw, got)
		}
	})
}

// checkParse checks the invariants that hold for every input.
func checkParse(t *testing.T, raw, region string) {
	n := Parse(raw, region)
	if n.Raw != raw {
		t.Fatalf("Parse(%q, %q).Raw = %q", raw, region, n.Raw)
	}
	problem := Problem(n)
	formatted := Format(n, region)
	if n.E164 == "" {
		if n.Valid || n.Possible || n.Region != "" || n.Extension != "" {
			t.Fatalf("Parse(%q, %q) unparsed but %+v", raw, region, n)
		}
		if problem == "" {
			t.Fatalf("Parse(%q, %q) unparsed but Problem is empty", raw, region)
		}
		if formatted != raw {
			t.Fatalf("Format of unparsed %q = %q, want it raw", raw, formatted)
		}
		return
	}
	if !isE164(n.E164) {
		t.Fatalf("Parse(%q, %q).E164 = %q is not E.164", raw, region, n.E164)
	}
	if n.Valid && !n.Possible {
		t.Fatalf("Parse(%q, %q) valid but not possible", raw, region)
	}
	if (problem == "") != n.Valid {
		t.Fatalf("Parse(%q, %q) Valid %v but Problem %q", raw, region, n.Valid, problem)
	}
	if formatted == "" || !utf8.ValidString(formatted) {
		t.Fatalf("Format(Parse(%q, %q)) = %q", raw, region, formatted)
	}
	again := Parse(n.E164, "")
	if again.E164 != n.E164 || again.Valid != n.Valid {
		t.Fatalf("Parse(%q, %q) = %q (valid %v), re-parsed %q (valid %v)", raw, region, n.E164, n.Valid, again.E164, again.Valid)
	}
	if !SameNumber(raw, raw, region) {
		t.Fatalf("SameNumber(%q, itself, %q) = false", raw, region)
	}
}
