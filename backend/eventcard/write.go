package eventcard

import (
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
	"fieldbook/backend/tzmap"
)

// ProdID is the PRODID of objects Fieldbook makes.
const ProdID = "-//Fieldbook//Fieldbook Calendar//EN"

// newCalendar returns an empty VCALENDAR with VERSION and PRODID.
func newCalendar() *ical.Calendar {
	return &ical.Calendar{Props: []*ical.Property{
		ical.NewProperty("VERSION", "2.0"),
		ical.NewProperty("PRODID", ProdID),
	}}
}

// stamp is a DTSTAMP property for now.
func stamp(now time.Time) *ical.Property {
	return ical.NewProperty("DTSTAMP", now.UTC().Format("20060102T150405Z"))
}

// NewEvent returns a new iCalendar object for a meeting: a VCALENDAR with
// the master VEVENT and one VEVENT per override (a lone override when
// f.RecurrenceID is set). now is written as DTSTAMP. Zoned times carry
// their TimeZone as TZID, with a VTIMEZONE for it when it is an IANA zone
// (RFC 5545 wants one for every TZID used).
func NewEvent(f crm.EventFields, uid string, now time.Time) []byte {
	f = Canonical(f)
	cal := newCalendar()
	c := ical.NewComponent("VEVENT")
	c.Add(ical.NewProperty("UID", uid))
	c.Add(stamp(now))
	zero := Canonical(crm.EventFields{})
	if f.RecurrenceID != "" {
		c.Add(keyProp("RECURRENCE-ID", []string{f.RecurrenceID}, f, f.TimeZone))
	}
	addTimezone(cal, f.TimeZone, f.Start)
	pt := &patcher{cal: cal, tzid: f.TimeZone}
	pt.event(c, zero, f, true)
	cal.AddComponent(c)
	for _, o := range f.Overrides {
		cal.AddComponent(pt.newOverride(c, f, o))
	}
	return ical.Write(cal)
}

// vtimezoneYears is how many years after a record's start the VTIMEZONE
// written for it spells out (its rule stays open-ended after that).
const vtimezoneYears = 5

// addTimezone adds a VTIMEZONE for zone, an IANA name, covering a year
// before start (a wall-clock time or date) to some years after it. UTC,
// floating times and zones that are not IANA names (a TZID whose own
// VTIMEZONE rides along separately) get none.
func addTimezone(cal *ical.Calendar, zone, start string) {
	if zone == "" || zone == "UTC" || zone == "Etc/UTC" {
		return
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return
	}
	at, err := time.ParseInLocation(crm.LocalDateTimeLayout, start, loc)
	if err != nil {
		if at, err = time.ParseInLocation(crm.LocalDateLayout, start, loc); err != nil {
			return // no time, so no TZID either
		}
	}
	cal.AddComponent(tzmap.NewVTimezone(zone, loc, at.AddDate(-1, 0, 0), at.AddDate(vtimezoneYears, 0, 0)))
}

// NewTask returns a new iCalendar object for a task (one VTODO).
func NewTask(f crm.TaskFields, uid string, now time.Time) []byte {
	f = CanonicalTask(f)
	cal := newCalendar()
	c := ical.NewComponent("VTODO")
	c.Add(ical.NewProperty("UID", uid))
	c.Add(stamp(now))
	start := f.Due
	if f.Start != "" {
		start = f.Start
	}
	addTimezone(cal, f.TimeZone, start)
	pt := &patcher{cal: cal, tzid: f.TimeZone}
	pt.task(c, CanonicalTask(crm.TaskFields{}), f)
	cal.AddComponent(c)
	return ical.Write(cal)
}

// New returns a new iCalendar object for o's meeting or task (see NewEvent
// and NewTask).
func New(o Object, now time.Time) []byte {
	if o.Kind == KindTask {
		return NewTask(o.Task, o.UID, now)
	}
	return NewEvent(o.Event, o.UID, now)
}
