package recurrence

import (
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// SetInstants sets the instants the store indexes for a meeting whose times
// are read in loc: StartUTC, the start of its earliest occurrence; EndUTC,
// the end of the first occurrence (never before the start); SeriesEndUTC,
// the end of the last (nil when the series never ends). The calendar (local
// edits), the iCalendar import and CalDAV sync all use it, so a meeting is
// indexed the same way whichever way it came.
func SetInstants(e *crm.Event, loc *time.Location) error {
	first, last, err := Bounds(e.EventFields, loc)
	if err != nil {
		return crm.FieldError(crm.CodeEventInvalidTime, "start", crm.ErrorMessage(err))
	}
	end, _, err := parseWall(e.End)
	if err != nil {
		return crm.FieldError(crm.CodeEventInvalidTime, "end", fmt.Sprintf("the end %q is not a date or time", e.End))
	}
	e.StartUTC = first.UTC()
	e.EndUTC = instantOf(end, loc).UTC()
	if e.EndUTC.Before(e.StartUTC) {
		e.EndUTC = e.StartUTC
	}
	e.SeriesEndUTC = nil
	if last != nil {
		l := last.UTC()
		e.SeriesEndUTC = &l
	}
	return nil
}

// DueInstant is the instant of a task's due value (a wall clock, or a date
// meaning its midnight) read in loc; nil when there is no due value.
func DueInstant(due string, loc *time.Location) (*time.Time, error) {
	if due == "" {
		return nil, nil
	}
	w, _, err := parseWall(due)
	if err != nil {
		return nil, crm.FieldError(crm.CodeTaskInvalid, "due", fmt.Sprintf("%q is not a date or time", due))
	}
	d := instantOf(w, loc).UTC()
	return &d, nil
}
