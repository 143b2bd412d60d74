package eventcard

import (
	"strings"
	"time"

	"fieldbook/backend/ical"
	"fieldbook/backend/tzmap"
)

// resolved is a TZID resolved for one calendar.
type resolved struct {
	loc *time.Location
	// name is the TimeZone value: the IANA name when tzmap maps the TZID
	// (and no VTIMEZONE of the object disagrees), else the TZID text.
	name string
	// conflict holds tzmap's warning when the object's VTIMEZONE governs
	// or the zone is unknown; "" for a plain mapping.
	conflict string
}

// zoneSet resolves the TZIDs of one calendar with its VTIMEZONEs through
// tzmap (RFC 5545: an embedded VTIMEZONE that disagrees with the mapped
// IANA zone on the value's date governs). It is an ical.ZoneResolver and
// ical.ZoneResolverAt.
type zoneSet struct {
	r *tzmap.Resolver
}

// newZoneSet returns a resolver for a calendar's VTIMEZONEs, compiling
// them through cache when it is not nil.
func newZoneSet(vtz []*ical.Component, cache *tzmap.Cache) *zoneSet {
	if cache != nil {
		return &zoneSet{r: tzmap.NewCachedResolver(vtz, cache)}
	}
	return &zoneSet{r: tzmap.NewResolver(vtz)}
}

// resolveAt resolves tzid around the wall-clock value wall (zero: no date).
func (z *zoneSet) resolveAt(tzid string, wall time.Time) resolved {
	zone, err := z.r.Zone(tzid, wall)
	out := resolved{loc: zone.Loc, name: zone.IANA}
	if out.name == "" {
		out.name = tzid
	}
	if err != nil || zone.IANA == "" {
		out.conflict = zone.Warning
	}
	return out
}

// resolve resolves tzid without a date.
func (z *zoneSet) resolve(tzid string) resolved { return z.resolveAt(tzid, time.Time{}) }

// Location implements ical.ZoneResolver.
func (z *zoneSet) Location(tzid string) (*time.Location, string, error) { return z.r.Location(tzid) }

// LocationAt implements ical.ZoneResolverAt.
func (z *zoneSet) LocationAt(tzid string, wall time.Time) (*time.Location, string, error) {
	return z.r.LocationAt(tzid, wall)
}

// Location returns the location of a TimeZone value as eventcard reads
// them: nil for "" (floating: the caller uses the user's zone), time.UTC
// for "UTC", an IANA zone, or a zone defined by a Windows or Outlook name
// or only by the object's own VTIMEZONEs (zones, the raw text kept in
// Object.Zones). It fits calendar.ZoneResolver.
func Location(timeZone, zones string) (*time.Location, error) {
	if timeZone == "" {
		return nil, nil
	}
	if timeZone == "UTC" {
		return time.UTC, nil
	}
	var vtz []*ical.Component
	if strings.TrimSpace(zones) != "" {
		if cal, _, err := ical.Read([]byte("BEGIN:VCALENDAR\r\n" + zones + "\r\nEND:VCALENDAR\r\n")); err == nil {
			vtz = cal.Timezones()
		}
	}
	z, err := tzmap.Resolve(timeZone, vtz)
	if err != nil {
		return nil, err
	}
	return z.Loc, nil
}
