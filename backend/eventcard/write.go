package eventcard

import (
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
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
// their TimeZone as TZID (no VTIMEZONE is added).
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
	pt := &patcher{cal: cal, tzid: f.TimeZone}
	pt.event(c, zero, f, true)
	cal.AddComponent(c)
	for _, o := range f.Overrides {
		cal.AddComponent(pt.newOverride(c, f, o))
	}
	return ical.Write(cal)
}

// NewTask returns a new iCalendar object for a task (one VTODO).
func NewTask(f crm.TaskFields, uid string, now time.Time) []byte {
	f = CanonicalTask(f)
	cal := newCalendar()
	c := ical.NewComponent("VTODO")
	c.Add(ical.NewProperty("UID", uid))
	c.Add(stamp(now))
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
