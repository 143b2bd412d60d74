package eventcard

import (
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
)

// Kinds of objects.
const (
	KindEvent = "event"
	KindTask  = "task"
)

// Problem is input that was skipped or repaired while reading.
type Problem = ical.Problem

// Object is one calendar object: a meeting series, a lone override or a
// task.
type Object struct {
	// Kind is KindEvent or KindTask.
	Kind string
	// UID is the iCalendar UID byte for byte; when the input had none, a
	// stable one made from the component's text ("fieldbook-…"), which is
	// also written into Data.
	UID string
	// Event holds a meeting's fields (Kind event), Task a task's.
	Event crm.EventFields
	Task  crm.TaskFields
	// OriginalTZID is the TZID text of the start (for a task, of DUE or
	// else DTSTART) as received, "" for none.
	OriginalTZID string
	// Zones is the raw text of the VTIMEZONEs the object uses, "" for none.
	Zones string
	// Line is the input line the master (or task) starts on.
	Line int
	// Sequence is the master's SEQUENCE.
	Sequence int
	// Data is the object on its own: a VCALENDAR with the input's calendar
	// properties (except METHOD), the VTIMEZONEs it uses and its
	// components. Patch takes it as its base.
	Data []byte
	// Location is the location of the master's (task's) zone, nil for
	// floating values and dates, which the caller reads in the user's
	// zone; pass it to recurrence.Expand and recurrence.Bounds.
	Location *time.Location
}
