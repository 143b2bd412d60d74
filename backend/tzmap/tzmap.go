// Package tzmap turns the TZID of an iCalendar value into a
// *time.Location: IANA names as they are, Windows zone IDs through CLDR's
// windowsZones table (territory 001), Outlook/CDO display names through a
// table of well-known names and the city names in them, and the object's
// own VTIMEZONE, whose rules it compiles into a Location (FromVTimezone).
// NewVTimezone does the opposite, writing a VTIMEZONE for a Location.
//
// Resolve applies Fieldbook's policy (RFC 5545: the embedded VTIMEZONE
// governs): when the object carries a VTIMEZONE for the TZID and it
// disagrees with the mapped IANA zone around the event date, the
// VTIMEZONE's rules are used, Zone.IANA is empty and Zone.Warning says so.
//
// The package embeds the IANA database (time/tzdata) so zones resolve on
// machines without one (Windows). It has no mutable global state; the
// Windows table is generated (go generate, see internal/gen).
package tzmap

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zones must resolve on Windows desktops too

	"fieldbook/backend/ical"
)

// ErrUnknownZone is returned (wrapped) by Resolve for a TZID that is
// neither an IANA name, a Windows ID or a known display name and has no
// usable VTIMEZONE; the value should be read as floating time.
var ErrUnknownZone = errors.New("unknown time zone")

// Zone is a resolved TZID.
type Zone struct {
	// Loc is the location to read wall clocks in; nil when the zone is
	// unknown (floating).
	Loc *time.Location
	// IANA is the IANA zone name when Loc is one (also when it was mapped
	// from a Windows ID or display name), "" when the object's VTIMEZONE
	// governs or the zone is unknown.
	IANA string
	// Source says how the zone was found (SourceIANA, SourceWindows,
	// SourceDisplayName, SourceVTimezone, SourceFloating).
	Source string
	// Warning describes a conflict, a repair or an unusable VTIMEZONE, or
	// is "".
	Warning string
}

// Resolve resolves tzid (the TZID parameter value, unquoted) with the
// object's VTIMEZONEs, without an event date: a VTIMEZONE is compared with
// the mapped IANA zone over the years 2020–2030. Prefer ResolveAt.
func Resolve(tzid string, vtimezones []*ical.Component) (Zone, error) {
	return ResolveAt(tzid, vtimezones, time.Time{})
}

// ResolveAt resolves tzid around the instant at (the event's date):
//   - a TZID that maps to an IANA zone (ToIANA) without a matching
//     VTIMEZONE, or with one that gives the same UTC offsets on the event's
//     date (12 hours either side of at), resolves to that zone;
//   - when the VTIMEZONE disagrees there, it governs: Loc is built from
//     it, IANA is "", Source is SourceVTimezone and Warning names the
//     conflict;
//   - a TZID that maps to nothing (including the empty TZID) uses its
//     VTIMEZONE, with a warning for the empty one;
//   - without either, the zone is floating: Source is SourceFloating,
//     Warning is set and the error wraps ErrUnknownZone.
//
// An unusable VTIMEZONE (no valid STANDARD/DAYLIGHT) is ignored with a
// warning. The zero at compares over the years 2020–2030.
func ResolveAt(tzid string, vtimezones []*ical.Component, at time.Time) (Zone, error) {
	return resolve(tzid, ical.FindTimezone(vtimezones, tzid), at, nil)
}

// resolve implements ResolveAt; build compiles a VTIMEZONE (cached by a
// Resolver), nil for FromVTimezone.
func resolve(tzid string, vtz *ical.Component, at time.Time, build func(*ical.Component) (*time.Location, []string, error)) (Zone, error) {
	if build == nil {
		build = FromVTimezone
	}
	var vloc *time.Location
	var notes []string
	if vtz != nil {
		loc, warns, err := build(vtz)
		if err != nil {
			notes = append(notes, fmt.Sprintf("the VTIMEZONE for %q is unusable (%v)", tzid, err))
		} else {
			vloc = loc
			if len(warns) > 0 {
				notes = append(notes, fmt.Sprintf("VTIMEZONE %q: %s", tzid, strings.Join(warns, "; ")))
			}
		}
	}
	iana, source, mapped := ToIANA(tzid)
	var iloc *time.Location
	if mapped {
		loc, err := time.LoadLocation(iana)
		if err != nil {
			mapped = false
		} else {
			iloc = loc
		}
	}
	switch {
	case mapped && vloc == nil:
		if source != SourceIANA {
			notes = append([]string{fmt.Sprintf("time zone %q read as %s", tzid, iana)}, notes...)
		}
		return Zone{Loc: iloc, IANA: iana, Source: source, Warning: strings.Join(notes, "; ")}, nil
	case mapped:
		from, to := compareWindow(at)
		if SameOffsets(iloc, vloc, from, to) {
			w := ""
			if source != SourceIANA {
				w = fmt.Sprintf("time zone %q read as %s", tzid, iana)
			}
			return Zone{Loc: iloc, IANA: iana, Source: source, Warning: w}, nil
		}
		notes = append([]string{fmt.Sprintf("the VTIMEZONE for %q disagrees with %s between %s and %s; the VTIMEZONE governs",
			tzid, iana, from.Format("2006-01-02"), to.Format("2006-01-02"))}, notes...)
		return Zone{Loc: vloc, Source: SourceVTimezone, Warning: strings.Join(notes, "; ")}, nil
	case vloc != nil:
		if strings.TrimSpace(tzid) == "" {
			notes = append([]string{"empty TZID: the VTIMEZONE with the empty TZID is used"}, notes...)
		}
		return Zone{Loc: vloc, Source: SourceVTimezone, Warning: strings.Join(notes, "; ")}, nil
	}
	notes = append([]string{fmt.Sprintf("unknown time zone %q without a usable VTIMEZONE: read as floating time", tzid)}, notes...)
	return Zone{Source: SourceFloating, Warning: strings.Join(notes, "; ")},
		fmt.Errorf("tzmap: %q: %w", tzid, ErrUnknownZone)
}

// compareWindow returns the span over which a VTIMEZONE must agree with
// an IANA zone: the event's date (12 hours either side of at). Comparing
// further would flag VTIMEZONEs that, as RFC 5545 allows, only describe the
// observances around the event (ic4a__dst-only-vtimezone.ics), or carry
// rules that changed years later.
func compareWindow(at time.Time) (time.Time, time.Time) {
	if at.IsZero() {
		return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return at.Add(-12 * time.Hour), at.Add(12 * time.Hour)
}

// SameOffsets reports whether two locations have the same UTC offset at
// every instant in [from, to). It walks the zone periods of both
// (time.Time.ZoneBounds), so it is exact.
func SameOffsets(a, b *time.Location, from, to time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	t := from
	for steps := 0; t.Before(to) && steps < 100000; steps++ {
		_, oa := t.In(a).Zone()
		_, ob := t.In(b).Zone()
		if oa != ob {
			return false
		}
		_, ea := t.In(a).ZoneBounds()
		_, eb := t.In(b).ZoneBounds()
		next := to
		if !ea.IsZero() && ea.Before(next) {
			next = ea
		}
		if !eb.IsZero() && eb.Before(next) {
			next = eb
		}
		if !next.After(t) {
			next = t.Add(time.Second)
		}
		t = next
	}
	return true
}

// Resolver resolves the TZIDs of one iCalendar object with its VTIMEZONEs
// and implements ical.ZoneResolver and ical.ZoneResolverAt, so
// ical.ParseDateTime judges each zone around the value's own date. It
// caches compiled VTIMEZONEs and collects warnings; it is not safe for
// concurrent use.
type Resolver struct {
	zones    []*ical.Component
	compiled map[*ical.Component]compiled
	warnings []string
	seen     map[string]bool
	cache    *Cache // shared across objects, or nil
	// zoneCache keeps resolutions by TZID and day.
	zoneCache map[zoneKey]zoneResult
}

// zoneKey identifies a resolution: a TZID on a day (or undated).
type zoneKey struct {
	tzid  string
	day   int64
	dated bool
}

// zoneResult is a cached resolution.
type zoneResult struct {
	zone Zone
	err  error
}

// compiled is a cached FromVTimezone result.
type compiled struct {
	loc   *time.Location
	warns []string
	err   error
}

// NewResolver returns a Resolver for an object's VTIMEZONE components
// (typically cal.Timezones()).
func NewResolver(vtimezones []*ical.Component) *Resolver {
	return &Resolver{zones: vtimezones, compiled: map[*ical.Component]compiled{}, seen: map[string]bool{}}
}

// NewCachedResolver returns a Resolver that compiles VTIMEZONEs through
// cache, so objects that carry the same VTIMEZONE text share the work.
func NewCachedResolver(vtimezones []*ical.Component, cache *Cache) *Resolver {
	r := NewResolver(vtimezones)
	r.cache = cache
	return r
}

// Cache keeps compiled VTIMEZONEs by their text for reuse across objects
// (a calendar synced from Exchange repeats the same few VTIMEZONEs in
// thousands of events). It holds at most its size; when full it starts
// over. It is safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	size int
	m    map[string]compiled
}

// NewCache returns a cache holding at most size compiled VTIMEZONEs
// (at least 1).
func NewCache(size int) *Cache {
	return &Cache{size: max(size, 1), m: map[string]compiled{}}
}

// Compile returns FromVTimezone's result for vtz, computed once per
// distinct VTIMEZONE text.
func (c *Cache) Compile(vtz *ical.Component) (*time.Location, []string, error) {
	key := string(ical.WriteComponent(vtz))
	c.mu.Lock()
	got, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return got.loc, got.warns, got.err
	}
	loc, warns, err := FromVTimezone(vtz)
	c.mu.Lock()
	if len(c.m) >= c.size {
		clear(c.m)
	}
	c.m[key] = compiled{loc, warns, err}
	c.mu.Unlock()
	return loc, warns, err
}

// Len returns the number of compiled VTIMEZONEs held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Zone resolves tzid around at (see ResolveAt). Results are kept per
// TZID and day.
func (r *Resolver) Zone(tzid string, at time.Time) (Zone, error) {
	key := zoneKey{tzid: tzid}
	if !at.IsZero() {
		key.day = at.Unix() / 86400
		key.dated = true
	}
	if got, ok := r.zoneCache[key]; ok {
		return got.zone, got.err
	}
	z, err := resolve(tzid, ical.FindTimezone(r.zones, tzid), at, r.build)
	if r.zoneCache == nil {
		r.zoneCache = map[zoneKey]zoneResult{}
	}
	r.zoneCache[key] = zoneResult{z, err}
	if z.Warning != "" && !r.seen[z.Warning] {
		r.seen[z.Warning] = true
		r.warnings = append(r.warnings, z.Warning)
	}
	return z, err
}

// build compiles a VTIMEZONE once.
func (r *Resolver) build(c *ical.Component) (*time.Location, []string, error) {
	if got, ok := r.compiled[c]; ok {
		return got.loc, got.warns, got.err
	}
	compile := FromVTimezone
	if r.cache != nil {
		compile = r.cache.Compile
	}
	loc, warns, err := compile(c)
	r.compiled[c] = compiled{loc, warns, err}
	return loc, warns, err
}

// Location implements ical.ZoneResolver (no date: see Resolve).
func (r *Resolver) Location(tzid string) (*time.Location, string, error) {
	return r.LocationAt(tzid, time.Time{})
}

// LocationAt implements ical.ZoneResolverAt.
func (r *Resolver) LocationAt(tzid string, wall time.Time) (*time.Location, string, error) {
	z, err := r.Zone(tzid, wall)
	return z.Loc, z.Warning, err
}

// Warnings returns the distinct warnings of every resolution so far.
func (r *Resolver) Warnings() []string { return append([]string(nil), r.warnings...) }
