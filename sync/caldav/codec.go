package caldav

import (
	"fmt"
	"slices"

	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/ical"
	"fieldbook/sync/engine"
)

// Codec is the engine's iCalendar codec (backend/eventcard): meetings and
// tasks to CalDAV objects and back, patching the server's own bytes on
// upload so what Fieldbook does not model (X- and X-MICROSOFT-CDO-*
// properties, alarms it does not read, the TZID text as received) stays.
type Codec struct {
	// Clock stamps DTSTAMP of new objects; nil is the system clock.
	Clock crm.Clock
}

var _ engine.Codec[crm.CalendarObject] = Codec{}

func (c Codec) clock() crm.Clock {
	if c.Clock == nil {
		return crm.SystemClock{}
	}
	return c.Clock
}

// object is o as eventcard takes it.
func object(o crm.CalendarObject, uid string) eventcard.Object {
	return eventcard.Object{Kind: o.Kind, UID: uid, Event: o.Event, Task: o.Task, OriginalTZID: o.OriginalTZID, Zones: o.Zones}
}

// Decode reads the meeting (with its whole series) or task of a server
// object and its UID. An object with neither is an error.
func (Codec) Decode(data []byte) (crm.CalendarObject, string, error) {
	o, _, err := eventcard.FromObject(data)
	if err != nil {
		return crm.CalendarObject{}, "", fmt.Errorf("caldav: read object: %w", err)
	}
	return crm.CalendarObject{Kind: o.Kind, Event: o.Event, Task: o.Task, OriginalTZID: o.OriginalTZID, Zones: o.Zones}, o.UID, nil
}

// New makes the object of a meeting or task never uploaded. The
// VTIMEZONEs the record carries (a zone only they define) go with it.
func (c Codec) New(o crm.CalendarObject, uid string) ([]byte, error) {
	data := eventcard.New(object(o, uid), c.clock().Now())
	if o.Zones == "" {
		return data, nil
	}
	return withZones(data, o.Zones)
}

// withZones puts the VTIMEZONE blocks of zones (raw text) into data,
// before its components, unless data has a VTIMEZONE of the same TZID.
func withZones(data []byte, zones string) ([]byte, error) {
	cal, _, err := ical.Read(data)
	if err != nil {
		return nil, fmt.Errorf("caldav: add zones: %w", err)
	}
	zc, _, err := ical.Read([]byte("BEGIN:VCALENDAR\r\n" + zones + "\r\nEND:VCALENDAR\r\n"))
	if err != nil {
		return data, nil // zones that do not read are left out
	}
	var add []*ical.Component
	for _, z := range zc.Timezones() {
		id := z.Text("TZID")
		if !slices.ContainsFunc(cal.Timezones(), func(have *ical.Component) bool { return have.Text("TZID") == id }) {
			add = append(add, z)
		}
	}
	cal.Components = append(add, cal.Components...)
	return ical.Write(cal), nil
}

// Patch writes o into base, the server's bytes, keeping everything else.
func (Codec) Patch(base []byte, o crm.CalendarObject) ([]byte, error) {
	data, err := eventcard.Patch(base, object(o, ""))
	if err != nil {
		return nil, fmt.Errorf("caldav: %w", err)
	}
	return data, nil
}

// Adopt makes a new server object from source, the object a meeting or
// task was imported from: uid as its UID, o patched in, everything else
// kept.
func (c Codec) Adopt(source []byte, o crm.CalendarObject, uid string) ([]byte, error) {
	cal, _, err := ical.Read(source)
	if err != nil {
		return nil, fmt.Errorf("caldav: adopt: %w", err)
	}
	for _, comp := range cal.Components {
		if p := comp.Prop("UID"); p != nil && comp.Name != "VTIMEZONE" && p.Text() != uid {
			p.SetText(uid)
		}
	}
	return c.Patch(ical.Write(cal), o)
}

// Canonical is the normal form Decode returns, for comparisons.
func (Codec) Canonical(o crm.CalendarObject) crm.CalendarObject {
	if o.IsTask() {
		o.Task = eventcard.CanonicalTask(o.Task)
	} else {
		o.Event = eventcard.Canonical(o.Event)
	}
	return o
}
