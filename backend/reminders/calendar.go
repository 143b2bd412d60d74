package reminders

import (
	"context"
	"fmt"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
)

// MaxLead is the longest reminder offset looked for: a reminder more than
// four weeks before its meeting or task is not raised.
const MaxLead = 28 * 24 * time.Hour

// MaxLag is the longest negative offset looked for (a reminder after the
// start).
const MaxLag = 24 * time.Hour

// CalendarStore is the database as CalendarSource reads it.
type CalendarStore interface {
	// EventsWithReminders returns the live meetings with a reminder that
	// may have an occurrence starting in [from, to].
	EventsWithReminders(ctx context.Context, from, to time.Time) ([]crm.Event, error)
	// TasksWithReminders returns the open tasks with a reminder due in [from, to].
	TasksWithReminders(ctx context.Context, from, to time.Time) ([]crm.Task, error)
}

// Locator returns the location of a meeting's or task's TimeZone, given the
// raw VTIMEZONE blocks it came with; "" (floating) is the user's zone.
type Locator func(timeZone, zones string) (*time.Location, error)

// CalendarSource is the Source over the calendar: meeting occurrences
// (backend/recurrence) with their own reminders, and open tasks with a due
// time. A meeting whose times or zone cannot be read is skipped and
// reported through Skipped.
type CalendarSource struct {
	Store CalendarStore
	// Locate resolves a TimeZone that is not floating (nil: time.LoadLocation).
	Locate Locator
	// UserZone is the zone floating times and date-only tasks are read in.
	UserZone func() *time.Location
	// Skipped, when set, hears about each item that could not be read.
	Skipped func(kind, id string, err error)
}

// Reminders returns the reminders whose time lies in [from, to] (Source).
func (c CalendarSource) Reminders(ctx context.Context, from, to time.Time) ([]Reminder, error) {
	lo, hi := from.Add(-MaxLag), to.Add(MaxLead)
	var out []Reminder
	locs := &locations{c: c, seen: map[[2]string]*time.Location{}}
	keep := func(r Reminder) {
		if at := r.At(); !at.Before(from) && !at.After(to) {
			out = append(out, r)
		}
	}
	events, err := c.Store.EventsWithReminders(ctx, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("reminders: read meetings: %w", err)
	}
	for _, e := range events {
		occs, err := locs.occurrences(e, lo, hi)
		if err != nil {
			c.skip(KindEvent, e.ID, err)
			continue
		}
		for _, o := range occs {
			if o.Fields.Status == "cancelled" || o.Start.Before(lo) || o.Start.After(hi) {
				continue
			}
			for _, m := range o.Fields.Reminders {
				keep(Reminder{Kind: KindEvent, ItemID: e.ID, RecurrenceID: o.RecurrenceID,
					Title: o.Fields.Title, Location: o.Fields.Location,
					Start: o.Start.UTC(), End: o.End.UTC(), MinutesBefore: m.MinutesBefore})
			}
		}
	}
	// A task due on a date is due at the start of that day in the user's
	// zone, which may differ from the zone it was stored with by up to a day.
	tasks, err := c.Store.TasksWithReminders(ctx, lo.Add(-26*time.Hour), hi.Add(26*time.Hour))
	if err != nil {
		return nil, fmt.Errorf("reminders: read tasks: %w", err)
	}
	for _, t := range tasks {
		due, err := locs.taskDue(t)
		if err != nil {
			c.skip(KindTask, t.ID, err)
			continue
		}
		for _, m := range t.Reminders {
			keep(Reminder{Kind: KindTask, ItemID: t.ID, Title: t.Title, Start: due, MinutesBefore: m.MinutesBefore})
		}
	}
	return out, nil
}

func (c CalendarSource) skip(kind, id string, err error) {
	if c.Skipped != nil {
		c.Skipped(kind, id, err)
	}
}

func (c CalendarSource) userZone() *time.Location {
	if c.UserZone != nil {
		if loc := c.UserZone(); loc != nil {
			return loc
		}
	}
	return time.UTC
}

// location is where the wall-clock times of an item are read.
func (c CalendarSource) location(timeZone, zones string, allDay bool) (*time.Location, error) {
	if timeZone == "" || allDay {
		return c.userZone(), nil
	}
	if c.Locate != nil {
		return c.Locate(timeZone, zones)
	}
	return time.LoadLocation(timeZone)
}

// locations remembers the zones read during one Reminders call (loading a
// zone reads the tz database); a zone defined by an item's own VTIMEZONE
// is keyed with it.
type locations struct {
	c    CalendarSource
	seen map[[2]string]*time.Location
	user *time.Location
}

// userZone is the user's zone, read once per call.
func (l *locations) userZone() *time.Location {
	if l.user == nil {
		l.user = l.c.userZone()
	}
	return l.user
}

func (l *locations) get(timeZone, zones string, allDay bool) (*time.Location, error) {
	if timeZone == "" || allDay {
		return l.userZone(), nil
	}
	k := [2]string{timeZone, zones}
	if loc, ok := l.seen[k]; ok {
		return loc, nil
	}
	loc, err := l.c.location(timeZone, zones, allDay)
	if err != nil {
		return nil, err
	}
	l.seen[k] = loc
	return loc, nil
}

// occurrences returns the occurrences of a meeting overlapping [from, to].
func (l *locations) occurrences(e crm.Event, from, to time.Time) ([]recurrence.Instance, error) {
	loc, err := l.get(e.TimeZone, e.Zones, e.AllDay)
	if err != nil {
		return nil, fmt.Errorf("zone %q: %w", e.TimeZone, err)
	}
	zones := func(tz string) (*time.Location, error) { return l.get(tz, e.Zones, false) }
	return recurrence.ExpandWith(e.EventFields, loc, zones, from, to.Add(time.Second), 0)
}

// taskDue is the instant a task is due.
func (l *locations) taskDue(t crm.Task) (time.Time, error) {
	if len(t.Due) == len(crm.LocalDateLayout) {
		return wallClock(t.Due, true, l.userZone())
	}
	if t.DueUTC != nil {
		return t.DueUTC.UTC(), nil
	}
	loc, err := l.get(t.TimeZone, t.Zones, false)
	if err != nil {
		return time.Time{}, fmt.Errorf("zone %q: %w", t.TimeZone, err)
	}
	return wallClock(t.Due, false, loc)
}

// wallClock reads a wall-clock time or a date (its midnight) in loc.
func wallClock(s string, date bool, loc *time.Location) (time.Time, error) {
	layout := crm.LocalDateTimeLayout
	if date || len(s) == len(crm.LocalDateLayout) {
		layout = crm.LocalDateLayout
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: %w", s, err)
	}
	return t, nil
}
