package eventcard

import (
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/ical"
)

// resolved is a TZID resolved for one calendar.
type resolved struct {
	loc     *time.Location
	name    string // the TimeZone value: an IANA name, else the TZID text
	warning string
	err     error
}

// zoneSet resolves the TZIDs of one calendar with its VTIMEZONEs; it is an
// ical.ZoneResolver.
type zoneSet struct {
	vtz   []*ical.Component
	cache map[string]resolved
}

// newZoneSet returns a resolver for a calendar's VTIMEZONEs.
func newZoneSet(vtz []*ical.Component) *zoneSet {
	return &zoneSet{vtz: vtz, cache: map[string]resolved{}}
}

// resolve resolves tzid once.
func (z *zoneSet) resolve(tzid string) resolved {
	if r, ok := z.cache[tzid]; ok {
		return r
	}
	var r resolved
	r.loc, r.name, r.warning, r.err = resolveTZID(tzid, z.vtz)
	z.cache[tzid] = r
	return r
}

// Location implements ical.ZoneResolver.
func (z *zoneSet) Location(tzid string) (*time.Location, string, error) {
	r := z.resolve(tzid)
	return r.loc, r.warning, r.err
}

// resolveTZID finds the location of a TZID: an IANA name, else the
// object's VTIMEZONE. name is the IANA name when there is one, else the
// TZID text.
func resolveTZID(tzid string, vtz []*ical.Component) (loc *time.Location, name, warning string, err error) {
	id := strings.TrimSpace(tzid)
	if id != "" && !strings.EqualFold(id, "local") {
		if l, err := time.LoadLocation(id); err == nil {
			return l, id, "", nil
		}
	}
	return nil, "", "", fmt.Errorf("eventcard: zone %q is unknown", tzid)
}

// Location returns the location of a TimeZone value as eventcard reads
// them: nil for "" (floating: the caller uses the user's zone), time.UTC
// for "UTC", an IANA zone, or a zone only the object's own VTIMEZONEs
// (zones, the raw text kept in Object.Zones) define.
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
	loc, _, _, err := resolveTZID(timeZone, vtz)
	if err != nil {
		return nil, err
	}
	return loc, nil
}
