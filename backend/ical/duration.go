package ical

import (
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/contentline"
)

// ParseDuration parses an RFC 5545 DURATION value ("PT15M", "-P1D",
// "P1W", "+P1DT2H"); lower case letters and combined week and day parts are
// accepted. A day counts as 24 hours.
func ParseDuration(s string) (time.Duration, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	neg := false
	switch {
	case strings.HasPrefix(v, "-"):
		neg, v = true, v[1:]
	case strings.HasPrefix(v, "+"):
		v = v[1:]
	}
	if !strings.HasPrefix(v, "P") || len(v) < 3 {
		return 0, fmt.Errorf("ical: invalid duration %q", contentline.Truncate(s, 40))
	}
	v = v[1:]
	var total time.Duration
	inTime, seen, timeUnits := false, false, 0
	num, hasNum := 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			if num > 1e5 {
				return 0, fmt.Errorf("ical: duration %q is too long", contentline.Truncate(s, 40))
			}
			num, hasNum = num*10+int(c-'0'), true
			continue
		case c == 'T' && !inTime && !hasNum:
			inTime = true
			continue
		}
		if !hasNum {
			return 0, fmt.Errorf("ical: invalid duration %q", contentline.Truncate(s, 40))
		}
		var unit time.Duration
		switch {
		case c == 'W' && !inTime:
			unit = 7 * 24 * time.Hour
		case c == 'D' && !inTime:
			unit = 24 * time.Hour
		case c == 'H' && inTime:
			unit = time.Hour
		case c == 'M' && inTime:
			unit = time.Minute
		case c == 'S' && inTime:
			unit = time.Second
		default:
			return 0, fmt.Errorf("ical: invalid duration %q", contentline.Truncate(s, 40))
		}
		if inTime {
			timeUnits++
		}
		total += time.Duration(num) * unit
		num, hasNum, seen = 0, false, true
	}
	if hasNum || !seen || inTime && timeUnits == 0 {
		return 0, fmt.Errorf("ical: invalid duration %q", contentline.Truncate(s, 40))
	}
	if neg {
		total = -total
	}
	return total, nil
}

// FormatDuration writes d as an RFC 5545 DURATION: whole days as "P1D"
// (whole weeks as "P1W"), otherwise "PT1H30M"; negative values get a "-".
// Fractions of a second are dropped.
func FormatDuration(d time.Duration) string {
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	b.WriteByte('P')
	secs := int64(d / time.Second)
	if secs == 0 {
		b.WriteString("T0S")
		return b.String()
	}
	const day = 24 * 3600
	if secs%(7*day) == 0 {
		fmt.Fprintf(&b, "%dW", secs/(7*day))
		return b.String()
	}
	if days := secs / day; days > 0 {
		fmt.Fprintf(&b, "%dD", days)
		secs %= day
	}
	if secs > 0 {
		b.WriteByte('T')
		if h := secs / 3600; h > 0 {
			fmt.Fprintf(&b, "%dH", h)
		}
		if m := secs % 3600 / 60; m > 0 {
			fmt.Fprintf(&b, "%dM", m)
		}
		if s := secs % 60; s > 0 {
			fmt.Fprintf(&b, "%dS", s)
		}
	}
	return b.String()
}
