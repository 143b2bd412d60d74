package caldav

import (
	"fmt"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/recurrence"
)

// Times computes the instants the store indexes for meetings and tasks
// that arrive from a server (store.CalendarTimes), as the calendar and task
// services do for local edits: zoned times in their zone (an IANA name, or
// the object's own VTIMEZONE when only it defines the zone), floating times
// and all-day dates in the user's zone.
type Times struct {
	// User is the user's zone; nil is UTC.
	User *time.Location
}

// location is where a record's times are read.
func (t Times) location(tz, zones string, allDay bool) (*time.Location, error) {
	if allDay || tz == "" {
		if t.User == nil {
			return time.UTC, nil
		}
		return t.User, nil
	}
	loc, err := eventcard.Location(tz, zones)
	if err != nil {
		return nil, fmt.Errorf("caldav: zone %q: %w", tz, err)
	}
	return loc, nil
}

// EventInstants sets the start of a meeting's earliest occurrence, the end
// of its first and the end of its last (nil for a series without end).
func (t Times) EventInstants(e *crm.Event) error {
	loc, err := t.location(e.TimeZone, e.Zones, e.AllDay)
	if err != nil {
		return err
	}
	if err := recurrence.SetInstants(e, loc); err != nil {
		return fmt.Errorf("caldav: times of %s: %w", e.UID, err)
	}
	return nil
}

// TaskInstants sets a task's due instant (nil without a due date).
func (t Times) TaskInstants(k *crm.Task) error {
	k.DueUTC = nil
	if k.Due == "" {
		return nil
	}
	loc, err := t.location(k.TimeZone, k.Zones, len(k.Due) == len(crm.LocalDateLayout))
	if err != nil {
		return err
	}
	d, err := recurrence.DueInstant(k.Due, loc)
	if err != nil {
		return fmt.Errorf("caldav: due of %s: %w", k.UID, err)
	}
	k.DueUTC = d
	return nil
}
