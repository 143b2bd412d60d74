package tzmap

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/ical"
)

// Transition years: rules are expanded from firstYear (the offset in effect
// then is the zone's initial offset) through lastYear, or through
// footerYear when the zone's open-ended yearly rules become a POSIX rule
// that carries on after the last transition; without one the last offset
// stays.
const (
	firstYear = 1900
	lastYear  = 2100
	// footerYear is the last year of explicit transitions for a zone whose
	// open-ended yearly rules become a POSIX rule.
	footerYear = 2037
)

// ErrNoObservances is wrapped by FromVTimezone's error for a VTIMEZONE
// without a usable STANDARD or DAYLIGHT sub-component.
var ErrNoObservances = errors.New("VTIMEZONE has no usable STANDARD or DAYLIGHT")

// observance is one STANDARD or DAYLIGHT sub-component.
type observance struct {
	dst      bool
	start    time.Time // DTSTART wall clock (as UTC)
	from, to int       // TZOFFSETFROM / TZOFFSETTO in seconds east of UTC
	name     string
	rule     *yearlyRule
	rdates   []onset
	line     int
}

// onset is one moment an observance takes effect.
type onset struct {
	at       int64 // UTC instant, Unix seconds
	to       int
	name     string
	dst      bool
	sequence int // order of the observance in the VTIMEZONE, for ties
}

// FromVTimezone builds a *time.Location from a VTIMEZONE: the onsets of its
// STANDARD and DAYLIGHT sub-components (DTSTART, yearly RRULEs with
// BYMONTH, BYDAY such as -1SU or 2SU, BYMONTHDAY, BYSETPOS, UNTIL, COUNT
// and INTERVAL, and RDATEs) are computed from 1900 through 2100 and written
// as TZif data; when the zone ends in the usual pair of open-ended yearly
// rules, those are written through 2037 and as a POSIX rule for later
// years. The Location is named after the TZID.
//
// A DTSTART that does not match its own RRULE (Outlook's 16010101T000000)
// is not an onset. An illegal "-0000" offset is read as zero. Broken
// sub-components are skipped and listed in warnings; with none left the
// error wraps ErrNoObservances.
func FromVTimezone(vtz *ical.Component) (*time.Location, []string, error) {
	if vtz == nil {
		return nil, nil, fmt.Errorf("tzmap: %w: nil component", ErrNoObservances)
	}
	tzid := vtz.Text("TZID")
	var warnings []string
	var obs []observance
	for _, c := range vtz.Children {
		if c.Name != "STANDARD" && c.Name != "DAYLIGHT" {
			continue
		}
		o, warn, err := readObservance(c)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s at line %d skipped: %v", c.Name, c.Line, err))
			continue
		}
		if warn != "" {
			warnings = append(warnings, warn)
		}
		obs = append(obs, o)
	}
	if len(obs) == 0 {
		return nil, warnings, fmt.Errorf("tzmap: VTIMEZONE %q: %w", tzid, ErrNoObservances)
	}
	z := buildZone(obs)
	loc, err := time.LoadLocationFromTZData(tzid, z.tzif())
	if err != nil {
		return nil, warnings, fmt.Errorf("tzmap: VTIMEZONE %q: building the location: %w", tzid, err)
	}
	return loc, warnings, nil
}

// readObservance reads a STANDARD or DAYLIGHT sub-component.
func readObservance(c *ical.Component) (observance, string, error) {
	o := observance{dst: c.Name == "DAYLIGHT", line: c.Line}
	p := c.Prop("DTSTART")
	if p == nil {
		return o, "", errors.New("no DTSTART")
	}
	dt, err := ical.ParseDateTimeValue(p.Value, "", nil)
	if err != nil {
		return o, "", err
	}
	o.start = wallOf(dt)
	if o.from, err = offsetProp(c, "TZOFFSETFROM"); err != nil {
		return o, "", err
	}
	if o.to, err = offsetProp(c, "TZOFFSETTO"); err != nil {
		return o, "", err
	}
	o.name = strings.TrimSpace(c.Text("TZNAME"))
	var warn string
	if rp := c.Prop("RRULE"); rp != nil {
		rule, err := parseYearlyRule(rp.Value)
		if err != nil {
			warn = fmt.Sprintf("%s at line %d: RRULE %q not used: %v", c.Name, c.Line, rp.Value, err)
		} else {
			o.rule = rule
		}
	}
	for _, rp := range c.All("RDATE") {
		dts, _ := ical.ParseDateTimes(rp, nil)
		for _, d := range dts {
			at := wallOf(d).Add(-time.Duration(o.from) * time.Second)
			if d.UTC {
				at = d.Instant
			}
			o.rdates = append(o.rdates, onset{at: at.Unix()})
		}
	}
	return o, warn, nil
}

// wallOf returns the wall clock of a parsed value as a UTC time.
func wallOf(dt ical.DateTime) time.Time {
	t, err := time.Parse(ical.LocalDateTimeLayout, dt.Local)
	if err != nil {
		t, _ = time.Parse(ical.LocalDateLayout, dt.Local)
	}
	return t
}

// offsetProp reads a UTC offset property.
func offsetProp(c *ical.Component, name string) (int, error) {
	p := c.Prop(name)
	if p == nil {
		return 0, fmt.Errorf("no %s", name)
	}
	off, err := parseUTCOffset(p.Value)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return off, nil
}

// parseUTCOffset reads "+0100", "-0530", "+013045" and the illegal
// "-0000" (zero), also with colons; it returns seconds east of UTC.
func parseUTCOffset(v string) (int, error) {
	s := strings.ReplaceAll(strings.TrimSpace(v), ":", "")
	sign := 1
	switch {
	case strings.HasPrefix(s, "-"):
		sign, s = -1, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	if len(s) != 4 && len(s) != 6 {
		return 0, fmt.Errorf("invalid UTC offset %q", v)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("invalid UTC offset %q", v)
	}
	h, m, sec := n/100, n%100, 0
	if len(s) == 6 {
		h, m, sec = n/10000, n/100%100, n%100
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, fmt.Errorf("invalid UTC offset %q", v)
	}
	return sign * (h*3600 + m*60 + sec), nil
}

// zoneData is a computed zone: its initial type, its transitions and an
// optional POSIX rule for the years after the last one.
type zoneData struct {
	initial onset // offset, name and DST flag before the first transition
	tx      []onset
	footer  string
}

// buildZone computes the transitions of a set of observances.
func buildZone(obs []observance) zoneData {
	// With a POSIX rule for the two open-ended yearly observances they
	// need explicit transitions only through footerYear, when every other
	// observance's onsets end before then.
	footer, stdIdx, dstIdx := posixFooter(obs)
	var all []onset
	add := func(i int, until int) (latest int64) {
		o := obs[i]
		name := abbrev(o.name, o.to)
		latest = math.MinInt64
		for _, on := range o.onsets(until) {
			on.to, on.name, on.dst, on.sequence = o.to, name, o.dst, i
			all = append(all, on)
			latest = max(latest, on.at)
		}
		return latest
	}
	latestOther := int64(math.MinInt64)
	for i := range obs {
		if i != stdIdx && i != dstIdx {
			latestOther = max(latestOther, add(i, lastYear))
		}
	}
	if footer != "" {
		until := lastYear
		if latestOther < time.Date(footerYear, 1, 1, 0, 0, 0, 0, time.UTC).Unix() {
			until = footerYear
		}
		add(stdIdx, until)
		add(dstIdx, until)
	} else {
		for _, i := range []int{stdIdx, dstIdx} {
			if i >= 0 {
				add(i, lastYear)
			}
		}
	}
	slices.SortStableFunc(all, func(a, b onset) int {
		if a.at != b.at {
			return cmp.Compare(a.at, b.at)
		}
		// At the same instant a STANDARD onset wins over a DAYLIGHT one
		// (it sorts last and so takes effect).
		switch {
		case a.dst && !b.dst:
			return -1
		case !a.dst && b.dst:
			return 1
		}
		return 0
	})
	low := time.Date(firstYear, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	var z zoneData
	// Before any onset the first observance's TZOFFSETFROM applies.
	first := obs[0]
	if len(all) > 0 {
		first = obs[all[0].sequence]
	}
	z.initial = onset{to: first.from, name: abbrev("", first.from), dst: false}
	cur := z.initial
	for i, on := range all {
		if i+1 < len(all) && all[i+1].at == on.at {
			continue // a later onset at the same instant wins
		}
		if on.at <= low {
			cur = on
			z.initial = on
			continue
		}
		if on.to == cur.to && on.name == cur.name && on.dst == cur.dst {
			continue
		}
		z.tx = append(z.tx, on)
		cur = on
	}
	z.footer = footer
	return z
}

// onsets lists the UTC instants an observance takes effect, its rule
// expanded through the year until.
func (o observance) onsets(until int) []onset {
	var out []onset
	if o.rule == nil {
		// Without a rule DTSTART is always an onset (RDATEs add more).
		out = append(out, onset{at: o.start.Unix() - int64(o.from)})
	} else {
		for _, wall := range o.rule.expand(o.start, o.from, until) {
			out = append(out, onset{at: wall.Unix() - int64(o.from)})
		}
	}
	return append(out, o.rdates...)
}

// abbrev returns a zone abbreviation: the TZNAME, else the offset.
func abbrev(name string, offset int) string {
	if name != "" {
		return name
	}
	return formatOffsetName(offset)
}

// formatOffsetName formats an offset as "+01", "+0530" or "-03".
func formatOffsetName(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("%c%02d", sign, h)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
