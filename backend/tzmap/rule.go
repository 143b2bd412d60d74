package tzmap

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/ical"
)

// yearlyRule is the subset of RRULE that VTIMEZONE observances use.
type yearlyRule struct {
	interval  int
	count     int // 0: unbounded
	until     time.Time
	untilUTC  bool // until is an instant; else a wall clock
	hasUntil  bool
	months    []int
	days      []weekdayNum
	monthDays []int
	setPos    []int
}

// weekdayNum is one BYDAY entry: n (0 = every such weekday in the month,
// negative counts from the end) and the weekday.
type weekdayNum struct {
	n  int
	wd time.Weekday
}

// parseYearlyRule reads an RRULE value with FREQ=YEARLY. Spaces after
// commas are tolerated.
func parseYearlyRule(v string) (*yearlyRule, error) {
	r := &yearlyRule{interval: 1}
	freq := ""
	for part := range strings.SplitSeq(v, ";") {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			if strings.TrimSpace(part) == "" {
				continue
			}
			return nil, fmt.Errorf("part %q has no '='", part)
		}
		k, val = strings.ToUpper(strings.TrimSpace(k)), strings.TrimSpace(val)
		var err error
		switch k {
		case "FREQ":
			freq = strings.ToUpper(val)
		case "INTERVAL":
			r.interval, err = strconv.Atoi(val)
			if err == nil && (r.interval < 1 || r.interval > 1000) {
				err = errors.New("out of range")
			}
		case "COUNT":
			r.count, err = strconv.Atoi(val)
			if err == nil && (r.count < 1 || r.count > 10000) {
				err = errors.New("out of range")
			}
		case "UNTIL":
			var dt ical.DateTime
			dt, err = ical.ParseDateTimeValue(val, "", nil)
			if err == nil {
				r.hasUntil, r.untilUTC = true, dt.UTC
				r.until = wallOf(dt)
				if dt.Date {
					r.until = r.until.Add(24*time.Hour - time.Second)
				}
			}
		case "BYMONTH":
			r.months, err = intList(val, 1, 12, false)
		case "BYMONTHDAY":
			r.monthDays, err = intList(val, 1, 31, true)
		case "BYSETPOS":
			r.setPos, err = intList(val, 1, 366, true)
		case "BYDAY":
			r.days, err = weekdayList(val)
		case "WKST":
		case "BYYEARDAY", "BYWEEKNO", "BYHOUR", "BYMINUTE", "BYSECOND":
			err = errors.New("not supported in a VTIMEZONE")
		}
		if err != nil {
			return nil, fmt.Errorf("%s=%s: %w", k, val, err)
		}
	}
	if freq != "YEARLY" {
		return nil, fmt.Errorf("FREQ=%s is not supported (only YEARLY)", freq)
	}
	return r, nil
}

// intList reads a comma-separated list of integers in [lo, hi] (or
// [-hi, -lo] when negatives are allowed).
func intList(v string, lo, hi int, neg bool) ([]int, error) {
	var out []int
	for item := range strings.SplitSeq(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(item))
		if err != nil {
			return nil, err
		}
		abs := n
		if neg && n < 0 {
			abs = -n
		}
		if abs < lo || abs > hi {
			return nil, fmt.Errorf("%d out of range", n)
		}
		out = append(out, n)
	}
	return out, nil
}

// weekdayList reads BYDAY entries such as "-1SU", "2SU", "+1MO", "SU".
func weekdayList(v string) ([]weekdayNum, error) {
	var out []weekdayNum
	for item := range strings.SplitSeq(v, ",") {
		item = strings.ToUpper(strings.TrimSpace(item))
		if len(item) < 2 {
			return nil, fmt.Errorf("invalid weekday %q", item)
		}
		wd, ok := weekdayCode(item[len(item)-2:])
		if !ok {
			return nil, fmt.Errorf("invalid weekday %q", item)
		}
		n := 0
		if num := item[:len(item)-2]; num != "" {
			var err error
			n, err = strconv.Atoi(num)
			if err != nil || n == 0 || n < -5 || n > 5 {
				return nil, fmt.Errorf("invalid weekday %q", item)
			}
		}
		out = append(out, weekdayNum{n: n, wd: wd})
	}
	return out, nil
}

// weekdayCode maps an iCalendar day code to a weekday.
func weekdayCode(code string) (time.Weekday, bool) {
	switch code {
	case "SU":
		return time.Sunday, true
	case "MO":
		return time.Monday, true
	case "TU":
		return time.Tuesday, true
	case "WE":
		return time.Wednesday, true
	case "TH":
		return time.Thursday, true
	case "FR":
		return time.Friday, true
	case "SA":
		return time.Saturday, true
	}
	return 0, false
}

// expand returns the wall clocks of the rule's instances from start
// through the year until, honouring UNTIL (an instant is compared after applying
// offset, the observance's TZOFFSETFROM) and COUNT.
func (r *yearlyRule) expand(start time.Time, offset, until int) []time.Time {
	var out []time.Time
	tod := start.Sub(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC))
	months := r.months
	if len(months) == 0 {
		months = []int{int(start.Month())}
	}
	n := 0
	y0 := start.Year()
	if r.count == 0 && y0 < firstYear-1 {
		// Years long before firstYear only decide the offset in effect
		// then; the last instance before it is enough (Outlook writes
		// DTSTART in 1601).
		y0 += (firstYear - 1 - y0) / r.interval * r.interval
	}
	var dates []time.Time
	for y := y0; y <= until; y += r.interval {
		dates = dates[:0]
		for _, m := range months {
			dates = r.appendDays(dates, y, time.Month(m), start.Day())
		}
		if len(dates) > 1 {
			slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
		}
		dates = r.applySetPos(dates)
		for _, d := range dates {
			wall := d.Add(tod)
			if wall.Before(start) {
				continue
			}
			if r.hasUntil {
				cmp := wall
				if r.untilUTC {
					cmp = wall.Add(-time.Duration(offset) * time.Second)
				}
				if cmp.After(r.until) {
					return out
				}
			}
			out = append(out, wall)
			n++
			if r.count > 0 && n >= r.count {
				return out
			}
		}
	}
	return out
}

// daysIn returns the dates in month m of year y that the rule selects.
func (r *yearlyRule) daysIn(y int, m time.Month, startDay int) []time.Time {
	return r.appendDays(nil, y, m, startDay)
}

// appendDays appends to out the dates in month m of year y that the rule
// selects, in order.
func (r *yearlyRule) appendDays(out []time.Time, y int, m time.Month, startDay int) []time.Time {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	var buf [32]int
	days := buf[:0]
	switch {
	case len(r.days) > 0:
		for _, wd := range r.days {
			firstWD := 1 + (int(wd.wd)-int(first.Weekday())+7)%7
			switch {
			case wd.n == 0:
				for d := firstWD; d <= last; d += 7 {
					days = append(days, d)
				}
			case wd.n > 0:
				if d := firstWD + 7*(wd.n-1); d <= last {
					days = append(days, d)
				}
			default:
				lastWD := firstWD + 7*((last-firstWD)/7)
				if d := lastWD + 7*(wd.n+1); d >= 1 {
					days = append(days, d)
				}
			}
		}
		if len(r.monthDays) > 0 {
			days = filterDays(days, r.monthDays, last)
		}
	case len(r.monthDays) > 0:
		for d := 1; d <= last; d++ {
			days = append(days, d)
		}
		days = filterDays(days, r.monthDays, last)
	default:
		if startDay <= last {
			days = append(days, startDay)
		}
	}
	if len(r.days) > 1 {
		slices.Sort(days)
	}
	for _, d := range days {
		out = append(out, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// filterDays keeps the days listed in monthDays (negative: from the end).
func filterDays(days, monthDays []int, last int) []int {
	var out []int
	for _, d := range days {
		for _, md := range monthDays {
			if md == d || md < 0 && last+1+md == d {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// applySetPos keeps the BYSETPOS positions of one year's dates.
func (r *yearlyRule) applySetPos(dates []time.Time) []time.Time {
	if len(r.setPos) == 0 {
		return dates
	}
	var out []time.Time
	for _, p := range r.setPos {
		i := p - 1
		if p < 0 {
			i = len(dates) + p
		}
		if i >= 0 && i < len(dates) {
			out = append(out, dates[i])
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

// posixWeek returns the POSIX week (1–5, 5 = last) and weekday of a rule in
// the plain "nth or last weekday of one month" form, or ok=false.
func (r *yearlyRule) posixWeek() (month, week int, wd time.Weekday, ok bool) {
	if r.interval != 1 || r.count != 0 || r.hasUntil || len(r.months) != 1 || len(r.days) != 1 ||
		len(r.monthDays) != 0 || len(r.setPos) != 0 {
		return 0, 0, 0, false
	}
	n := r.days[0].n
	switch {
	case n >= 1 && n <= 4:
		week = n
	case n == -1:
		week = 5
	default:
		return 0, 0, 0, false
	}
	return r.months[0], week, r.days[0].wd, true
}
