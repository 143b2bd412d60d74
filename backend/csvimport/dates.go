package csvimport

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOrder says how to read an ambiguous numeric date such as 03/04/1990.
type DateOrder int

const (
	// DateDMY reads day first (Europe, most of the world).
	DateDMY DateOrder = iota
	// DateMDY reads month first (United States; English Outlook).
	DateMDY
)

// Date is a calendar date whose year may be unknown (Year 0), as in a
// vCard BDAY of --04-16.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Month == 0 }

// String formats the date as YYYY-MM-DD, or --MM-DD without a year, or ""
// when unset.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// errBadDate is wrapped by parseDate errors.
var errBadDate = errors.New("not a date")

// Outlook's placeholder for "no date".
const outlookNoneYear = 4501

// monthLayouts are textual date formats tried after the numeric ones.
var monthLayouts = []string{"January 2, 2006", "January 2 2006", "2 January 2006", "Jan 2, 2006", "Jan 2 2006", "2 Jan 2006", "2-Jan-2006", "2-Jan-06"}

// parseDate reads a date as contact exports write it: ISO 8601 (1975-12-12,
// 19751212, --12-12, with or without a time), dotted day-first (12.12.1975,
// 1.2.75), slashed (20/01/1991, 1/20/1991, 1991/01/20; ambiguous ones per
// order), dashed day-first (20-01-1991) and English month names. Outlook's
// "no date" placeholders (0.0.00, 0/0/00, 1/1/4501) give a zero Date and no
// error.
func parseDate(s string, order DateOrder, now time.Time) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if strings.HasPrefix(s, "--") { // --MM-DD or --MMDD
		digits := strings.ReplaceAll(s[2:], "-", "")
		if len(digits) != 4 {
			return Date{}, fmt.Errorf("%w: %q", errBadDate, s)
		}
		return checkDate(0, atoi(digits[:2]), atoi(digits[2:]), s)
	}
	// Drop a time of day: "1975-12-12T00:00:00Z", "1/20/1991 0:00:00".
	if i := strings.IndexAny(s, "T "); i >= 8 && isDigits(s[:4]) && s[4] == '-' {
		s = s[:i]
	} else if i := strings.IndexByte(s, ' '); i > 0 && strings.Count(s[i:], ":") > 0 {
		s = s[:i]
	}
	if isDigits(s) && len(s) == 8 {
		return checkDate(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:]), s)
	}
	for _, sep := range []string{"-", ".", "/"} {
		parts := strings.Split(strings.TrimSuffix(s, sep), sep)
		if len(parts) != 3 || !isDigits(parts[0]) || !isDigits(parts[1]) || !isDigits(parts[2]) {
			continue
		}
		a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
		if a == 0 && b == 0 {
			return Date{}, nil // 0.0.00, 0/0/00, 0000-00-00
		}
		if len(parts[0]) == 4 { // year first
			return checkDate(a, b, c, s)
		}
		year := expandYear(c, len(parts[2]), now)
		if sep == "/" && (order == DateMDY && a <= 12 || b > 12) {
			a, b = b, a // month first
		}
		return checkDate(year, b, a, s)
	}
	for _, layout := range monthLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
		}
	}
	return Date{}, fmt.Errorf("%w: %q", errBadDate, s)
}

// expandYear turns a two-digit year into the most recent year not after now.
func expandYear(y, digits int, now time.Time) int {
	if digits > 2 {
		return y
	}
	y += now.Year() / 100 * 100
	if y > now.Year() {
		y -= 100
	}
	return y
}

// checkDate validates the parts; a year of 0 means unknown.
func checkDate(y, m, d int, src string) (Date, error) {
	if y == outlookNoneYear {
		return Date{}, nil
	}
	if m < 1 || m > 12 || d < 1 || y < 0 || y > 9999 {
		return Date{}, fmt.Errorf("%w: %q", errBadDate, src)
	}
	leapYear := y
	if leapYear == 0 {
		leapYear = 2000 // a year-less 29 February is fine
	}
	if d > time.Date(leapYear, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return Date{}, fmt.Errorf("%w: %q", errBadDate, src)
	}
	return Date{Year: y, Month: m, Day: d}, nil
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi converts a string known to be digits.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
