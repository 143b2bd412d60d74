package phone

import "testing"

func TestSameNumber(t *testing.T) {
	cases := []struct {
		a, b, region string
		want         bool
	}{
		{"030 1234567", "+49 30 1234567", "DE", true},
		{"030 1234567", "+49 30 1234567", "US", false},
		{"030 1234567", "0049 (30) 123-4567", "DE", true},
		{"(030) 1234567", "030/1234567", "DE", true},
		{"+49 30 1234567", "0049 30 1234567", "", true},
		{"030 1234567", "030-1234567", "", true}, // neither parses: same digits
		{"030 1234567", "030 7654321", "", false},
		{"(202) 555-0123", "+1 202 555 0123", "US", true},
		{"1-800-FLOWERS", "+1 800 356 9377", "US", true},
		{"০১৭১১ ২৩৪৫৬৭", "+880 1711-234567", "BD", true},
		{"০১৭১১ ২৩৪৫৬৭", "01711-234567", "DE", true},
		{"+880 1711-234567", "01711-234567", "DE", false},
		{"+1 202 555 0100 x22", "+1 202 555 0100", "", true},
		{"+1 202 555 0100 x22", "+1 202 555 0100 x23", "", false},
		{"+44 20 7946 0958", "020 7946 0958", "GB", true},
		{"+44 20 7946 0958", "020 7946 0958", "DE", false},
		{"8 (495) 123-45-67", "+7 495 123 45 67", "RU", true},
		{"", "", "DE", false},
		{"n/a", "n/a", "DE", false},
		{"12", "12", "", false},
		{"+49 30 1234567", "n/a", "DE", false},
	}
	for _, c := range cases {
		if got := SameNumber(c.a, c.b, c.region); got != c.want {
			t.Errorf("SameNumber(%q, %q, %q) = %v, want %v", c.a, c.b, c.region, got, c.want)
		}
		if got := SameNumber(c.b, c.a, c.region); got != c.want {
			t.Errorf("SameNumber(%q, %q, %q) = %v, want %v (not symmetric)", c.b, c.a, c.region, got, c.want)
		}
	}
}
