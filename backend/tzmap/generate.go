package tzmap

import (
	"fmt"
	"sort"
	"time"

	"fieldbook/backend/ical"
)

// NewVTimezone writes a VTIMEZONE (TZID tzid) that gives loc's UTC offsets
// from from to to: an observance for the offset in effect at from, then the
// transitions in between, grouped into yearly rules (RRULE FREQ=YEARLY with
// BYMONTH and BYDAY such as -1SU or 2SU) where consecutive years follow
// the same pattern and as single onsets otherwise. A rule still running at
// to is left open-ended, so readers continue it; one that stopped earlier
// gets an UNTIL. A typical span is a year before an event to some years
// after it.
func NewVTimezone(tzid string, loc *time.Location, from, to time.Time) *ical.Component {
	vtz := ical.NewComponent("VTIMEZONE")
	p := ical.NewProperty("TZID", "")
	p.SetText(tzid)
	vtz.Add(p)
	if loc == nil {
		loc = time.UTC
	}
	from, to = from.UTC().Truncate(time.Second), to.UTC()
	name, off := from.In(loc).Zone()
	vtz.AddChild(observanceComp(from.In(loc).IsDST(), from, off, off, name, ""))

	trans := transitionsIn(loc, from, to)
	groups := map[ruleKey][]transition{}
	var keys []ruleKey
	for _, t := range trans {
		k := t.key()
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], t)
	}
	type run struct {
		key ruleKey
		tx  []transition
	}
	var runs []run
	for _, k := range keys {
		g := groups[k]
		start := 0
		for i := 1; i <= len(g); i++ {
			if i == len(g) || g[i].localYear() != g[i-1].localYear()+1 {
				runs = append(runs, run{k, g[start:i]})
				start = i
			}
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].tx[0].at.Before(runs[j].tx[0].at) })
	for _, r := range runs {
		first, last := r.tx[0], r.tx[len(r.tx)-1]
		rule := ""
		if len(r.tx) > 1 {
			rule = r.key.rrule()
			if !r.key.nextAfter(last, to) {
				rule += ";UNTIL=" + last.at.UTC().Format("20060102T150405Z")
			}
		}
		vtz.AddChild(observanceComp(first.dst, first.at, first.from, first.to, first.name, rule))
	}
	return vtz
}

// transition is one change of offset.
type transition struct {
	at       time.Time
	from, to int
	name     string
	dst      bool
}

// transitionsIn walks loc's zone periods and returns the transitions in
// (from, to).
func transitionsIn(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	t := from
	for steps := 0; steps < 100000; steps++ {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(to) || !end.After(t) {
			break
		}
		_, fromOff := t.In(loc).Zone()
		name, toOff := end.In(loc).Zone()
		out = append(out, transition{at: end, from: fromOff, to: toOff, name: name, dst: end.In(loc).IsDST()})
		t = end
	}
	return out
}

// local returns the wall clock of the transition in the offset before it.
func (t transition) local() time.Time {
	return t.at.Add(time.Duration(t.from) * time.Second).UTC()
}

// localYear is the year of local.
func (t transition) localYear() int { return t.local().Year() }

// ruleKey is what transitions following one yearly rule share.
type ruleKey struct {
	dst      bool
	from, to int
	name     string
	month    time.Month
	week     int // 1–4, or -1 for the last such weekday
	weekday  time.Weekday
	tod      time.Duration
}

// key classifies a transition.
func (t transition) key() ruleKey {
	l := t.local()
	last := time.Date(l.Year(), l.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	week := (l.Day()-1)/7 + 1
	if l.Day()+7 > last {
		week = -1
	}
	tod := l.Sub(time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC))
	return ruleKey{t.dst, t.from, t.to, t.name, l.Month(), week, l.Weekday(), tod}
}

// rrule writes the key as an RRULE value.
func (k ruleKey) rrule() string {
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(k.month), k.week, weekdayCodes(k.weekday))
}

// nextAfter reports whether the rule's occurrence in the year after last
// falls at or after to (the rule may still be running at the end of the
// span).
func (k ruleKey) nextAfter(last transition, to time.Time) bool {
	y := last.localYear() + 1
	r := yearlyRule{interval: 1, months: []int{int(k.month)}, days: []weekdayNum{{k.week, k.weekday}}}
	days := r.daysIn(y, k.month, 1)
	if len(days) == 0 {
		return false
	}
	next := days[0].Add(k.tod).Add(-time.Duration(k.from) * time.Second)
	return !next.Before(to)
}

// weekdayCodes returns the iCalendar day code of a weekday.
func weekdayCodes(wd time.Weekday) string {
	return [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}[wd]
}

// observanceComp builds a STANDARD or DAYLIGHT sub-component.
func observanceComp(dst bool, at time.Time, from, to int, name, rule string) *ical.Component {
	kind := "STANDARD"
	if dst {
		kind = "DAYLIGHT"
	}
	c := ical.NewComponent(kind)
	c.Add(ical.NewProperty("DTSTART", at.Add(time.Duration(from)*time.Second).UTC().Format("20060102T150405")))
	c.Add(ical.NewProperty("TZOFFSETFROM", formatUTCOffset(from)))
	c.Add(ical.NewProperty("TZOFFSETTO", formatUTCOffset(to)))
	if rule != "" {
		c.Add(ical.NewProperty("RRULE", rule))
	}
	if name != "" {
		p := ical.NewProperty("TZNAME", "")
		p.SetText(name)
		c.Add(p)
	}
	return c
}

// formatUTCOffset writes seconds east of UTC as "+0100" or "+013045".
func formatUTCOffset(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m, s := off/3600, off%3600/60, off%60
	if s != 0 {
		return fmt.Sprintf("%s%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%s%02d%02d", sign, h, m)
}
