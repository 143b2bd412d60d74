package recurrence

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// The edit scopes are pure functions: they take the stored master and
// return new fields; the caller stores them (and, for "this and following",
// creates the second series with a new UID).

// normKey reads rid and writes it in the master's form.
func normKey(master crm.EventFields, rid string) (time.Time, string, error) {
	w, d, err := parseWall(rid)
	if err != nil {
		return time.Time{}, "", timeError("recurrenceId", err)
	}
	allDay := master.AllDay || isDateValue(master.Start)
	if allDay {
		w = dateOf(w)
	}
	return w, formatWall(w, allDay || d), nil
}

// isDateValue reports whether a Start value is a date.
func isDateValue(v string) bool {
	_, d, err := parseWall(v)
	return err == nil && d
}

// sameKey reports whether key k names the occurrence ridKey of the master.
func sameKey(master crm.EventFields, k, ridKey string) bool {
	_, nk, err := normKey(master, k)
	return err == nil && nk == ridKey
}

// cleanOccurrence strips the series parts from an override's fields.
func cleanOccurrence(f crm.EventFields) crm.EventFields {
	f.RRule, f.ExDates, f.RDates, f.Overrides, f.RecurrenceID = "", nil, nil, nil, ""
	return f
}

// EditThis returns master with the occurrence rid changed to occ: an
// override added, or the one with that key replaced. occ holds the
// occurrence's fields (its own Start and End); its series parts are
// ignored. An EXDATE on rid is dropped, so a deleted occurrence can be
// brought back this way.
func EditThis(master crm.EventFields, rid string, occ crm.EventFields) (crm.EventFields, error) {
	_, key, err := normKey(master, rid)
	if err != nil {
		return master, fmt.Errorf("recurrence: edit this occurrence: %w", err)
	}
	out := master
	out.Overrides = make([]crm.Occurrence, 0, len(master.Overrides)+1)
	for _, o := range master.Overrides {
		if !sameKey(master, o.RecurrenceID, key) {
			out.Overrides = append(out.Overrides, o)
		}
	}
	out.Overrides = append(out.Overrides, crm.Occurrence{RecurrenceID: key, Fields: cleanOccurrence(occ)})
	sortOverrides(out.Overrides)
	out.ExDates = without(master.ExDates, func(v string) bool { return sameKey(master, v, key) })
	return out, nil
}

// DeleteThis returns master without the occurrence rid: its override is
// dropped, and an RDATE with that key removed or else an EXDATE added.
func DeleteThis(master crm.EventFields, rid string) (crm.EventFields, error) {
	_, key, err := normKey(master, rid)
	if err != nil {
		return master, fmt.Errorf("recurrence: delete this occurrence: %w", err)
	}
	out := master
	out.Overrides = withoutOcc(master.Overrides, func(o crm.Occurrence) bool { return sameKey(master, o.RecurrenceID, key) })
	rdates := without(master.RDates, func(v string) bool { return sameKey(master, v, key) })
	if len(rdates) < len(master.RDates) {
		out.RDates = rdates
		return out, nil
	}
	if !slices.ContainsFunc(master.ExDates, func(v string) bool { return sameKey(master, v, key) }) {
		out.ExDates = append(slices.Clone(master.ExDates), key)
	}
	return out, nil
}

// split walks the rule's occurrences before rid: how many, and the last.
type split struct {
	before  int       // rule occurrences before rid
	prev    time.Time // the last of them
	hasPrev bool
	// remaining tells whether any occurrence (rule or RDATE, not
	// excluded) starts before rid.
	remaining bool
}

// splitAt counts the occurrences of s before the wall clock rid.
func (s *series) splitAt(rid time.Time) (split, error) {
	var sp split
	if s.rr != nil {
		next := s.rr.Iterator()
		for steps := 0; ; steps++ {
			if steps > maxSteps {
				return sp, ErrTooManySteps
			}
			w, ok := next()
			if !ok || !w.Before(rid) {
				break
			}
			sp.before++
			sp.prev, sp.hasPrev = w, true
		}
	}
	err := s.candidates(func(w time.Time) bool {
		if !w.Before(rid) {
			return false
		}
		if !s.excluded.has(w) || s.overridden.has(w) {
			sp.remaining = true
			return false
		}
		return true
	})
	return sp, err
}

// untilText writes the last occurrence a truncated rule keeps as UNTIL: a
// date for an all-day series, a floating date-time for a floating one, a
// UTC date-time otherwise.
func (s *series) untilText(prev time.Time) string {
	switch {
	case s.allDay:
		return prev.Format("20060102")
	case s.f.TimeZone == "":
		return prev.Format("20060102T150405")
	}
	return instantOf(prev, s.loc).UTC().Format("20060102T150405Z")
}

// headUntil returns master's fields ending before rid.
func (s *series) head(rid time.Time, sp split) crm.EventFields {
	out := s.f
	switch {
	case s.rr != nil && sp.hasPrev:
		out.RRule = withEnd(s.f.RRule, s.untilText(sp.prev), 0)
	case s.rr != nil:
		out.RRule = ""
	}
	before := func(v string) bool {
		w, d, err := parseWall(v)
		if err != nil {
			return false
		}
		if d && !s.allDay {
			return !dateOf(w).After(dateOf(rid))
		}
		if s.allDay {
			w = dateOf(w)
		}
		return w.Before(rid)
	}
	out.ExDates = keep(s.f.ExDates, before)
	out.RDates = keep(s.f.RDates, before)
	out.Overrides = keepOcc(s.f.Overrides, func(o crm.Occurrence) bool { return before(o.RecurrenceID) })
	return out
}

// DeleteFollowing returns master ended before the occurrence rid (its RRULE
// given an UNTIL on the occurrence before: a UTC date-time for a zoned
// series, a floating one for a floating series, a date for an all-day one;
// later RDATEs, EXDATEs and overrides dropped). remaining is false when no
// occurrence is left before rid: the caller deletes the whole meeting. loc
// is the location of master.TimeZone.
func DeleteFollowing(master crm.EventFields, loc *time.Location, rid string) (f crm.EventFields, remaining bool, err error) {
	s, w, err := prepareAt(master, loc, rid)
	if err != nil {
		return master, false, fmt.Errorf("recurrence: delete following occurrences: %w", err)
	}
	sp, err := s.splitAt(w)
	if err != nil {
		return master, false, fmt.Errorf("recurrence: delete following occurrences: %w", err)
	}
	return s.head(w, sp), sp.remaining, nil
}

// prepareAt prepares master and reads rid in its form.
func prepareAt(master crm.EventFields, loc *time.Location, rid string) (*series, time.Time, error) {
	s, err := prepare(master, loc, loadLocation)
	if err != nil {
		return nil, time.Time{}, err
	}
	w, _, err := normKey(master, rid)
	if err != nil {
		return nil, time.Time{}, err
	}
	return s, w, nil
}

// EditFollowing splits the series at the occurrence rid. head is master
// ended before rid (as DeleteFollowing does); tail is a new series made of
// changed: its Start and End are the new times of the occurrence rid, its
// RRULE the rule for the rest (when it is master's rule with a COUNT, the
// COUNT is reduced by the occurrences the head keeps). The tail carries the
// master's RDATEs, EXDATEs and overrides from rid on, moved with the
// occurrence when its start changed; changed's own ExDates, RDates and
// Overrides are ignored. When rid is the first occurrence nothing is split:
// head is EditAll's result and tail nil. loc is the location of
// master.TimeZone.
func EditFollowing(master crm.EventFields, loc *time.Location, rid string, changed crm.EventFields) (head crm.EventFields, tail *crm.EventFields, err error) {
	s, w, err := prepareAt(master, loc, rid)
	if err != nil {
		return master, nil, fmt.Errorf("recurrence: edit following occurrences: %w", err)
	}
	sp, err := s.splitAt(w)
	if err != nil {
		return master, nil, fmt.Errorf("recurrence: edit following occurrences: %w", err)
	}
	if !sp.remaining {
		f, err := EditAll(master, loc, changed)
		return f, nil, err
	}
	head = s.head(w, sp)

	t := changed
	t.RecurrenceID = ""
	if s.count > 0 && sameRule(changed.RRule, master.RRule) {
		n := s.count - sp.before
		if n < 1 {
			n = 1
		}
		t.RRule = withEnd(master.RRule, "", n)
	}
	from := func(v string) bool {
		x, d, err := parseWall(v)
		if err != nil {
			return false
		}
		if d && !s.allDay {
			return !dateOf(x).Before(dateOf(w))
		}
		if s.allDay {
			x = dateOf(x)
		}
		return !x.Before(w)
	}
	// Carry the later parts, then shift them as EditAll does, with the
	// occurrence rid playing the master's start.
	old := master
	old.Start = formatWall(w, s.allDay)
	old.End = s.occurrence(w).Fields.End
	old.ExDates = keep(master.ExDates, from)
	old.RDates = keep(master.RDates, from)
	old.Overrides = keepOcc(master.Overrides, from2(from))
	t.ExDates, t.RDates = old.ExDates, old.RDates
	nt, err := EditAll(old, loc, t)
	if err != nil {
		return master, nil, fmt.Errorf("recurrence: edit following occurrences: %w", err)
	}
	return head, &nt, nil
}

// from2 lifts a key test to overrides.
func from2(f func(string) bool) func(crm.Occurrence) bool {
	return func(o crm.Occurrence) bool { return f(o.RecurrenceID) }
}

// sameRule reports whether two RRULEs say the same apart from spelling.
func sameRule(a, b string) bool {
	norm := func(s string) string {
		ps := splitRule(s)
		sort.Slice(ps, func(i, j int) bool { return ps[i].name < ps[j].name })
		return joinRule(ps)
	}
	return norm(a) == norm(b)
}

// EditAll applies changed to the whole series. Every field comes from
// changed except the overrides, which stay the master's. When the start
// moves (or the meeting turns all-day or timed), the keys of the EXDATEs
// and RDATEs in changed (read in the master's old times, as the form
// showed them) and of the overrides move with it, and an override that
// kept its occurrence's original time moves too (an override moved on its
// own keeps its times). When the start or the rule changed, EXDATEs and
// overrides that no longer name an occurrence of the new series are
// dropped. loc is the location of changed.TimeZone.
func EditAll(master crm.EventFields, loc *time.Location, changed crm.EventFields) (crm.EventFields, error) {
	oldStart, oldDate, err := parseWall(master.Start)
	if err != nil {
		return master, fmt.Errorf("recurrence: edit all occurrences: %w", timeError("start", err))
	}
	newStart, newDate, err := parseWall(changed.Start)
	if err != nil {
		return master, fmt.Errorf("recurrence: edit all occurrences: %w", timeError("start", err))
	}
	oldAll, newAll := master.AllDay || oldDate, changed.AllDay || newDate
	if oldAll {
		oldStart = dateOf(oldStart)
	}
	if newAll {
		newStart = dateOf(newStart)
	}
	out := changed
	out.RecurrenceID = master.RecurrenceID
	moved := !oldStart.Equal(newStart) || oldAll != newAll
	shift := func(k string) string {
		w, d, err := parseWall(k)
		if err != nil {
			return k
		}
		if d && !oldAll { // a DATE key of a timed series stays a date
			return formatWall(dateOf(newStart).Add(dateOf(w).Sub(dateOf(oldStart))), true)
		}
		if oldAll {
			w = dateOf(w)
		}
		n := newStart.Add(w.Sub(oldStart))
		if newAll {
			n = dateOf(n)
		}
		return formatWall(n, newAll)
	}
	if moved {
		out.ExDates = mapKeys(changed.ExDates, shift)
		out.RDates = mapKeys(changed.RDates, shift)
	}
	oldDur := durationOf(master, oldAll)
	newDur := durationOf(changed, newAll)
	out.Overrides = make([]crm.Occurrence, 0, len(master.Overrides))
	for _, o := range master.Overrides {
		n := o
		n.RecurrenceID = shift(o.RecurrenceID)
		if !moved {
			n.RecurrenceID = o.RecurrenceID
		}
		if (moved || oldDur != newDur) && o.Fields.Start != "" && unmoved(o, oldAll, oldDur) {
			w, _, _ := parseWall(n.RecurrenceID)
			n.Fields.AllDay, n.Fields.TimeZone = newAll, changed.TimeZone
			n.Fields.Start = formatWall(w, newAll)
			n.Fields.End = formatWall(w.Add(newDur), newAll)
		}
		out.Overrides = append(out.Overrides, n)
	}
	if moved || !sameRule(master.RRule, changed.RRule) || !slices.Equal(master.RDates, changed.RDates) {
		if err := prune(&out, loc); err != nil {
			return master, fmt.Errorf("recurrence: edit all occurrences: %w", err)
		}
	}
	sortOverrides(out.Overrides)
	return out, nil
}

// durationOf is the wall-clock length of a meeting (whole days when all-day).
func durationOf(f crm.EventFields, allDay bool) time.Duration {
	s, _, err1 := parseWall(f.Start)
	e, _, err2 := parseWall(f.End)
	if err1 != nil || err2 != nil || f.End == "" {
		if allDay {
			return 24 * time.Hour
		}
		return 0
	}
	if allDay {
		s, e = dateOf(s), dateOf(e)
		if !e.After(s) {
			return 24 * time.Hour
		}
	}
	if e.Before(s) {
		return 0
	}
	return e.Sub(s)
}

// unmoved reports whether an override still has its occurrence's original
// times (only its descriptive fields changed).
func unmoved(o crm.Occurrence, allDay bool, dur time.Duration) bool {
	k, _, err := parseWall(o.RecurrenceID)
	if err != nil {
		return false
	}
	s, _, err := parseWall(o.Fields.Start)
	if err != nil {
		return false
	}
	if allDay {
		k, s = dateOf(k), dateOf(s)
	}
	return s.Equal(k) && durationOf(o.Fields, allDay) == dur
}

// prune drops EXDATEs and overrides of f that name no occurrence of its
// rule, RDATEs or DTSTART.
func prune(f *crm.EventFields, loc *time.Location) error {
	if f.RRule == "" && len(f.RDates) == 0 {
		f.ExDates, f.Overrides = nil, nil
		return nil
	}
	g := *f
	g.ExDates, g.Overrides = nil, nil
	s, err := prepare(g, loc, loadLocation)
	if err != nil {
		return err
	}
	var last time.Time
	for _, k := range append(slices.Clone(f.ExDates), overrideKeys(f.Overrides)...) {
		if w, _, err := parseWall(k); err == nil && w.After(last) {
			last = w
		}
	}
	if last.IsZero() {
		return nil
	}
	occ, days := map[string]bool{}, map[string]bool{}
	err = s.candidates(func(w time.Time) bool {
		if w.After(last.Add(24 * time.Hour)) {
			return false
		}
		occ[s.key(w)] = true
		days[formatWall(w, true)] = true
		return true
	})
	if err != nil {
		return err
	}
	found := func(k string) bool {
		w, d, err := parseWall(k)
		if err != nil {
			return false
		}
		if s.allDay || d {
			return days[formatWall(w, true)]
		}
		return occ[formatWall(w, false)]
	}
	f.ExDates = keep(f.ExDates, found)
	f.Overrides = keepOcc(f.Overrides, func(o crm.Occurrence) bool { return found(o.RecurrenceID) })
	return nil
}

// overrideKeys lists the overrides' keys.
func overrideKeys(os []crm.Occurrence) []string {
	keys := make([]string, len(os))
	for i, o := range os {
		keys[i] = o.RecurrenceID
	}
	return keys
}

// sortOverrides orders overrides by key, for stable results.
func sortOverrides(os []crm.Occurrence) {
	sort.SliceStable(os, func(i, j int) bool { return os[i].RecurrenceID < os[j].RecurrenceID })
}

// keep returns the values for which ok holds (nil when none).
func keep(vs []string, ok func(string) bool) []string {
	var out []string
	for _, v := range vs {
		if ok(v) {
			out = append(out, v)
		}
	}
	return out
}

// without returns the values for which drop does not hold.
func without(vs []string, drop func(string) bool) []string {
	return keep(vs, func(v string) bool { return !drop(v) })
}

// keepOcc returns the overrides for which ok holds (nil when none).
func keepOcc(os []crm.Occurrence, ok func(crm.Occurrence) bool) []crm.Occurrence {
	var out []crm.Occurrence
	for _, o := range os {
		if ok(o) {
			out = append(out, o)
		}
	}
	return out
}

// withoutOcc returns the overrides for which drop does not hold.
func withoutOcc(os []crm.Occurrence, drop func(crm.Occurrence) bool) []crm.Occurrence {
	return keepOcc(os, func(o crm.Occurrence) bool { return !drop(o) })
}

// mapKeys applies fn to every value.
func mapKeys(vs []string, fn func(string) string) []string {
	if vs == nil {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.TrimSpace(fn(v))
	}
	return out
}
