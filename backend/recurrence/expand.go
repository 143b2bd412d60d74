package recurrence

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/teambition/rrule-go"

	"fieldbook/backend/crm"
)

// DefaultLimit is the most occurrences Expand returns when limit <= 0.
const DefaultLimit = 10000

// maxSteps bounds the candidates one expansion may walk through (a
// SECONDLY rule started years ago, say); beyond it Expand fails with
// ErrTooManySteps instead of running for minutes.
const maxSteps = 2_000_000

// ErrTooManySteps is returned when a rule would need more than a couple of
// million candidate occurrences to reach the asked window.
var ErrTooManySteps = errors.New("recurrence: rule produces too many occurrences to expand")

// Instance is one occurrence of a meeting.
type Instance struct {
	// RecurrenceID is the occurrence's key (its original start in the form
	// of the master's Start); "" for a meeting that does not repeat.
	RecurrenceID string
	// Start and End are the occurrence's instants.
	Start, End time.Time
	// Fields are the override's fields for a changed occurrence, else the
	// master's; Start and End are set to this occurrence's local values.
	// Slices are shared with the master: do not modify them.
	Fields crm.EventFields
	// Override marks an occurrence changed on its own.
	Override bool
}

// ZoneFunc resolves the TimeZone of an override whose zone differs from
// the master's.
type ZoneFunc func(tz string) (*time.Location, error)

// series is a master prepared for expansion.
type series struct {
	f      crm.EventFields
	loc    *time.Location
	zones  ZoneFunc
	allDay bool
	start  time.Time     // wall clock of DTSTART
	dur    time.Duration // exact duration of a timed occurrence
	days   int           // length in days of an all-day occurrence
	rr     *rrule.RRule  // nil without RRULE
	count  int           // COUNT of the rule, 0 for none
	until  bool          // the rule has an UNTIL
	rdates []time.Time   // wall clocks, sorted, without duplicates
	// excluded holds the EXDATE keys, overridden the keys an override
	// replaces.
	excluded, overridden keySet
}

// prepare reads the master's values. loc must not be nil.
func prepare(f crm.EventFields, loc *time.Location, zones ZoneFunc) (*series, error) {
	if loc == nil {
		return nil, fmt.Errorf("recurrence: no location for %q", f.Title)
	}
	s := &series{f: f, loc: loc, zones: zones, allDay: f.AllDay}
	start, isDate, err := parseWall(f.Start)
	if err != nil {
		return nil, timeError("start", err)
	}
	if isDate {
		s.allDay = true
	}
	if s.allDay {
		start = dateOf(start)
	}
	s.start = start
	end := start
	if f.End != "" {
		end, _, err = parseWall(f.End)
		if err != nil {
			return nil, timeError("end", err)
		}
	}
	if s.allDay {
		s.days = int(dateOf(end).Sub(start).Hours()+12) / 24
		if s.days < 1 {
			s.days = 1
		}
	} else if end.After(start) {
		s.dur = instantOf(end, loc).Sub(instantOf(start, loc))
		if s.dur < 0 {
			s.dur = 0
		}
	}
	if f.RRule != "" {
		r, err := parseRule(f.RRule)
		if err != nil {
			return nil, err
		}
		opt := r.opt
		opt.Dtstart = start
		if r.until != "" {
			u, err := untilWall(r.until, loc)
			if err != nil {
				return nil, err
			}
			opt.Until = u
			s.until = true
			if u.Before(start) {
				// An UNTIL before DTSTART: rrule-go would treat a zero
				// Until as none; one second before DTSTART ends it.
				opt.Until = start.Add(-time.Second)
			}
		}
		s.count = r.count
		if s.rr, err = newRRule(opt); err != nil {
			return nil, err
		}
	}
	for _, v := range f.RDates {
		w, d, err := parseWall(v)
		if err != nil {
			continue // a bad RDATE is skipped, as a lenient reader would
		}
		switch {
		case s.allDay:
			w = dateOf(w)
		case d:
			w = w.Add(start.Sub(dateOf(start))) // the master's time of day
		}
		s.rdates = append(s.rdates, w)
	}
	if f.RRule == "" && len(s.rdates) > 0 {
		s.rdates = append(s.rdates, start) // DTSTART is the first occurrence
	}
	sort.Slice(s.rdates, func(i, j int) bool { return s.rdates[i].Before(s.rdates[j]) })
	s.rdates = dedupe(s.rdates)
	s.excluded = s.keySet(f.ExDates)
	s.overridden = s.keySet(overrideKeys(f.Overrides))
	return s, nil
}

// keySet is a set of keys: exact wall clocks in the series' form (dates
// for an all-day series), and whole days (a DATE key of a timed series).
type keySet struct {
	exact map[int64]bool // wall clock as Unix seconds
	days  map[int64]bool // day number since 1970-01-01
}

// dayNumber is the number of the wall value's day since 1970-01-01.
func dayNumber(w time.Time) int64 {
	u := w.Unix()
	d := u / 86400
	if u%86400 < 0 {
		d--
	}
	return d
}

// keySet reads keys for the series.
func (s *series) keySet(keys []string) keySet {
	var ks keySet
	for _, k := range keys {
		w, d, err := parseWall(k)
		if err != nil {
			continue
		}
		if ks.exact == nil {
			ks.exact, ks.days = map[int64]bool{}, map[int64]bool{}
		}
		switch {
		case s.allDay:
			ks.exact[dateOf(w).Unix()] = true
		case d:
			ks.days[dayNumber(w)] = true
		default:
			ks.exact[w.Unix()] = true
		}
	}
	return ks
}

// has reports whether the occurrence starting at wall clock w is in ks.
func (ks keySet) has(w time.Time) bool {
	if ks.exact == nil {
		return false
	}
	return ks.exact[w.Unix()] || (len(ks.days) > 0 && ks.days[dayNumber(w)])
}

// skip reports whether the rule's occurrence at w is excluded or replaced
// by an override.
func (s *series) skip(w time.Time) bool {
	return s.excluded.has(w) || s.overridden.has(w)
}

// dedupe drops repeated values from a sorted slice.
func dedupe(ts []time.Time) []time.Time {
	out := ts[:0]
	for i, t := range ts {
		if i == 0 || !t.Equal(ts[i-1]) {
			out = append(out, t)
		}
	}
	return out
}

// recurring reports whether the master repeats.
func (s *series) recurring() bool { return s.rr != nil || len(s.rdates) > 0 }

// key is the key of the occurrence starting at wall clock w.
func (s *series) key(w time.Time) string { return formatWall(w, s.allDay) }

// candidates walks the occurrence starts produced by the rule, the RDATEs
// and DTSTART, in order and without repeats, until fn returns false.
func (s *series) candidates(fn func(w time.Time) bool) error {
	if !s.recurring() {
		fn(s.start)
		return nil
	}
	var next rrule.Next
	if s.rr != nil {
		next = s.rr.Iterator()
	} else {
		next = func() (time.Time, bool) { return time.Time{}, false }
	}
	r, ok := next()
	i := 0
	var last time.Time
	for steps := 0; ok || i < len(s.rdates); steps++ {
		if steps > maxSteps {
			return ErrTooManySteps
		}
		var w time.Time
		if ok && (i >= len(s.rdates) || !s.rdates[i].Before(r)) {
			w = r
			if i < len(s.rdates) && s.rdates[i].Equal(r) {
				i++
			}
			r, ok = next()
		} else {
			w = s.rdates[i]
			i++
		}
		if steps > 0 && w.Equal(last) {
			continue
		}
		last = w
		if !fn(w) {
			return nil
		}
	}
	return nil
}

// occurrence is the master-based instance starting at wall clock w.
func (s *series) occurrence(w time.Time) Instance {
	in := Instance{Fields: s.f}
	if s.recurring() {
		in.RecurrenceID = s.key(w)
	}
	if s.allDay {
		end := w.AddDate(0, 0, s.days)
		in.Start, in.End = instantOf(w, s.loc), instantOf(end, s.loc)
		in.Fields.Start, in.Fields.End = formatWall(w, true), formatWall(end, true)
		in.Fields.AllDay = true
		return in
	}
	in.Start = instantOf(w, s.loc)
	in.End = in.Start.Add(s.dur)
	in.Fields.Start = formatWall(w, false)
	in.Fields.End = formatWall(wallOf(in.End, s.loc), false)
	return in
}

// override is the instance of an override.
func (s *series) override(o crm.Occurrence) (Instance, error) {
	f := o.Fields
	in := Instance{RecurrenceID: o.RecurrenceID, Fields: f, Override: true}
	if w, d, err := parseWall(o.RecurrenceID); err == nil {
		if s.allDay {
			w = dateOf(w)
		}
		in.RecurrenceID = formatWall(w, s.allDay || d)
		if f.Start == "" { // only the descriptive fields changed
			base := s.occurrence(w)
			in.Start, in.End = base.Start, base.End
			in.Fields.Start, in.Fields.End, in.Fields.AllDay = base.Fields.Start, base.Fields.End, base.Fields.AllDay
			if in.Fields.TimeZone == "" {
				in.Fields.TimeZone = s.f.TimeZone
			}
			return in, nil
		}
	} else {
		return in, timeError("recurrenceId", err)
	}
	loc := s.loc
	if f.TimeZone != "" && f.TimeZone != s.f.TimeZone && s.zones != nil {
		if l, err := s.zones(f.TimeZone); err == nil && l != nil {
			loc = l
		}
	}
	start, isDate, err := parseWall(f.Start)
	if err != nil {
		return in, timeError("start", err)
	}
	end := start
	if f.End != "" {
		if end, _, err = parseWall(f.End); err != nil {
			return in, timeError("end", err)
		}
	}
	if f.AllDay || isDate {
		start, end = dateOf(start), dateOf(end)
		if !end.After(start) {
			end = start.AddDate(0, 0, 1)
		}
		in.Fields.AllDay = true
		in.Fields.Start, in.Fields.End = formatWall(start, true), formatWall(end, true)
	} else if end.Before(start) {
		end = start
	}
	in.Start, in.End = instantOf(start, loc), instantOf(end, loc)
	return in, nil
}

// overlaps reports whether [start, end) meets [from, to); a zero-length
// occurrence meets the window when it starts inside it.
func overlaps(start, end, from, to time.Time) bool {
	if !end.After(start) {
		return !start.Before(from) && start.Before(to)
	}
	return start.Before(to) && end.After(from)
}

// Expand returns the occurrences of the meeting f that overlap the window
// [from, to), in order of start, at most limit of them (DefaultLimit when
// limit <= 0). loc is the location of f.TimeZone (the user's zone for a
// floating or all-day meeting). An override whose TimeZone differs from
// the master's is read in that zone, loaded with time.LoadLocation (see
// ExpandWith to resolve zones otherwise).
func Expand(f crm.EventFields, loc *time.Location, from, to time.Time, limit int) ([]Instance, error) {
	return ExpandWith(f, loc, loadLocation, from, to, limit)
}

// loadLocation resolves an IANA name.
func loadLocation(tz string) (*time.Location, error) { return time.LoadLocation(tz) }

// ExpandWith is Expand with the zones of overrides resolved by zones.
func ExpandWith(f crm.EventFields, loc *time.Location, zones ZoneFunc, from, to time.Time, limit int) ([]Instance, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if !from.Before(to) {
		return nil, nil
	}
	s, err := prepare(f, loc, zones)
	if err != nil {
		return nil, fmt.Errorf("recurrence: expand %q: %w", f.Title, err)
	}
	var out []Instance
	// Wall clocks beyond stop cannot start before to in any zone, and
	// occurrences starting before early cannot end after from.
	stop := wallOf(to, loc).Add(48 * time.Hour)
	early := wallOf(from, loc).Add(-48*time.Hour - s.dur - time.Duration(s.days)*24*time.Hour)
	err = s.candidates(func(w time.Time) bool {
		if w.After(stop) {
			return false
		}
		if w.Before(early) {
			return true
		}
		if s.recurring() && s.skip(w) {
			return true
		}
		in := s.occurrence(w)
		if overlaps(in.Start, in.End, from, to) {
			out = append(out, in)
		}
		return len(out) < limit
	})
	if err != nil {
		return nil, fmt.Errorf("recurrence: expand %q: %w", f.Title, err)
	}
	if s.recurring() {
		for _, o := range f.Overrides {
			in, err := s.override(o)
			if err != nil {
				continue // an override without readable times is skipped
			}
			if overlaps(in.Start, in.End, from, to) {
				out = append(out, in)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].RecurrenceID < out[j].RecurrenceID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Bounds returns the start of the meeting's earliest occurrence and the end
// of its last one (nil when the series never ends), for range queries: an
// occurrence of f overlaps a window only if it lies within them. The start
// is DTSTART or an earlier override, which may precede the first
// occurrence of an unsynchronised rule.
func Bounds(f crm.EventFields, loc *time.Location) (time.Time, *time.Time, error) {
	s, err := prepare(f, loc, loadLocation)
	if err != nil {
		return time.Time{}, nil, fmt.Errorf("recurrence: bounds of %q: %w", f.Title, err)
	}
	first := s.occurrence(s.start).Start
	if len(s.rdates) > 0 && s.rdates[0].Before(s.start) {
		first = s.occurrence(s.rdates[0]).Start
	}
	if s.recurring() {
		for _, o := range f.Overrides {
			if in, err := s.override(o); err == nil && in.Start.Before(first) {
				first = in.Start
			}
		}
	}
	end, err := s.end()
	if err != nil {
		return time.Time{}, nil, fmt.Errorf("recurrence: bounds of %q: %w", f.Title, err)
	}
	return first, end, nil
}

// SeriesEnd returns the instant the last occurrence of f ends (overrides
// included), or nil when the series never ends (an RRULE without COUNT or
// UNTIL).
func SeriesEnd(f crm.EventFields, loc *time.Location) (*time.Time, error) {
	s, err := prepare(f, loc, loadLocation)
	if err != nil {
		return nil, fmt.Errorf("recurrence: series end of %q: %w", f.Title, err)
	}
	end, err := s.end()
	if err != nil {
		return nil, fmt.Errorf("recurrence: series end of %q: %w", f.Title, err)
	}
	return end, nil
}

// end is the end of the last occurrence, nil for an endless series.
func (s *series) end() (*time.Time, error) {
	if s.rr != nil && s.count == 0 && !s.until {
		return nil, nil
	}
	var last time.Time
	err := s.candidates(func(w time.Time) bool {
		if s.recurring() && s.skip(w) {
			return true
		}
		if e := s.occurrence(w).End; e.After(last) {
			last = e
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if s.recurring() {
		for _, o := range s.f.Overrides {
			if in, err := s.override(o); err == nil && in.End.After(last) {
				last = in.End
			}
		}
	}
	if last.IsZero() {
		// Every occurrence excluded: the series ends where it starts.
		last = s.occurrence(s.start).Start
	}
	last = last.UTC()
	return &last, nil
}

// timeError is a start, end or key that cannot be read.
func timeError(field string, err error) error {
	return &crm.Error{Code: CodeTimeInvalid, Field: field, Message: err.Error()}
}
