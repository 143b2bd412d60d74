package phone

import (
	"strings"
	"testing"
)

func TestProblem(t *testing.T) {
	cases := []struct {
		raw, region, want string
	}{
		{"030 1234567", "DE", ""},
		{"1-800-FLOWERS", "US", ""},
		{"", "DE", "no number given"},
		{" \t", "DE", "no number given"},
		{"n/a", "DE", "not a phone number: contains letters"},
		{"call me", "US", "not a phone number: contains letters"},
		{"030 Büro 1234567", "DE", "not a phone number: contains letters"},
		{"--", "DE", "not a phone number: contains no digits"},
		{"1", "DE", "too short to be a phone number"},
		{"+999 123456", "", "unknown country code +999"},
		{"+49 1", "", "too short to be a phone number"},
		{"1234567", "", "no country code: write the number with + and the country code"},
		{"030 1234567, 0171 1234567", "DE", "more than one number: keep one number per field"},
		{"+49 30 12345678901234567890", "", "too long to be a phone number"},
		{strings.Repeat("1", 2000), "DE", "too long to be a phone number"},
		{"612 34 56 7", "ES", "too short for Spain"},
		{"8 (495) 123-45", "RU", "too short for Russia"},
		{"+49 30 1", "", "too short for Germany: the area code seems to be missing"},
		{"555-0100", "US", "too short for the United States: the area code seems to be missing"},
		{"+1 (555) 123-4567", "US", "not a valid number for the United States"},
		{"+1 (555) 123-4567", "", "not a valid number for country code +1"},
		{"07700 900123", "GB", "not a valid number for the United Kingdom"},
		{"0171123", "BD", "not a valid number for Bangladesh"},
		{"112", "DE", "a short service number that works only when dialled within Germany"},
	}
	for _, c := range cases {
		n := Parse(c.raw, c.region)
		if got := Problem(n); got != c.want {
			t.Errorf("Problem(Parse(%q, %q)) = %q, want %q", c.raw, c.region, got, c.want)
		}
	}
}

func TestProblemAgreesWithValid(t *testing.T) {
	for _, c := range parseCases {
		n := Parse(c.raw, c.region)
		if p := Problem(n); (p == "") != n.Valid {
			t.Errorf("Parse(%q, %q): Valid %v but Problem %q", c.raw, c.region, n.Valid, p)
		}
	}
}

func TestProblemDamagedE164(t *testing.T) {
	if got := Problem(Number{Raw: "x", E164: "49"}); !strings.Contains(got, "damaged") {
		t.Errorf("Problem(damaged) = %q, want a message about damage", got)
	}
}

func TestWithArticle(t *testing.T) {
	cases := map[string]string{
		"Germany":          "Germany",
		"United States":    "the United States",
		"Netherlands":      "the Netherlands",
		"Cayman Islands":   "the Cayman Islands",
		"Czech Republic":   "the Czech Republic",
		"country code +1":  "country code +1",
		"Marshall Islands": "the Marshall Islands",
	}
	for in, want := range cases {
		if got := withArticle(in); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", in, got, want)
		}
	}
}
