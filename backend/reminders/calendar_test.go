package reminders_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/reminders"
)

// calRig is a scheduler over a real database with CalendarSource.
type calRig struct {
	*rig
	cal     crm.Calendar
	skipped []string
	zone    *time.Location
}

func newCalRig(t testing.TB) *calRig {
	t.Helper()
	r := newRig(t)
	c := &calRig{rig: r, zone: time.UTC}
	cal, err := r.db.EnsureDefaultCalendar(context.Background(), "Calendar", "#3B82F6")
	if err != nil {
		t.Fatal(err)
	}
	c.cal = cal
	src := reminders.CalendarSource{Store: r.db, UserZone: func() *time.Location { return c.zone },
		Skipped: func(kind, id string, err error) { c.skipped = append(c.skipped, kind+" "+id) }}
	r.s = reminders.New(reminders.Config{Source: src, State: r.db, Notifier: r.notes, Clock: r.clock})
	return c
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// event stores a single meeting; start and end are wall clock in zone (dates when allDay).
func (c *calRig) event(title, start, end, zone string, allDay bool, minutes ...int) crm.Event {
	c.t.Helper()
	loc := c.zone
	if zone != "" && !allDay {
		loc = mustLoad(c.t, zone)
	}
	layout := crm.LocalDateTimeLayout
	if allDay {
		layout = crm.LocalDateLayout
	}
	s, err1 := time.ParseInLocation(layout, start, loc)
	e, err2 := time.ParseInLocation(layout, end, loc)
	if err := errors.Join(err1, err2); err != nil {
		c.t.Fatal(err)
	}
	now := c.clock.Now()
	var rs []crm.Reminder
	for _, m := range minutes {
		rs = append(rs, crm.Reminder{MinutesBefore: m})
	}
	eu := e.UTC()
	ev := crm.Event{ID: crm.NewID(now), CalendarID: c.cal.ID, UID: crm.NewID(now) + "@test",
		EventFields: crm.EventFields{Title: title, Start: start, End: end, AllDay: allDay, TimeZone: zone,
			Reminders: rs, Busy: crm.BusyBusy, Status: "confirmed"},
		StartUTC: s.UTC(), EndUTC: eu, SeriesEndUTC: &eu, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := c.db.CreateEvent(context.Background(), ev); err != nil {
		c.t.Fatal(err)
	}
	return ev
}

func (c *calRig) task(title, due, zone, status string, minutes ...int) crm.Task {
	c.t.Helper()
	now := c.clock.Now()
	tk := crm.Task{ID: crm.NewID(now), CalendarID: c.cal.ID, UID: crm.NewID(now) + "@test",
		TaskFields: crm.TaskFields{Title: title, Due: due, TimeZone: zone, Status: status},
		Version:    1, CreatedAt: now, UpdatedAt: now}
	for _, m := range minutes {
		tk.Reminders = append(tk.Reminders, crm.Reminder{MinutesBefore: m})
	}
	if len(due) == len(crm.LocalDateLayout) {
		d, err := time.ParseInLocation(crm.LocalDateLayout, due, c.zone)
		if err != nil {
			c.t.Fatal(err)
		}
		d = d.UTC()
		tk.DueUTC = &d
	} else if due != "" {
		d, err := time.ParseInLocation(crm.LocalDateTimeLayout, due, mustLoad(c.t, zone))
		if err != nil {
			c.t.Fatal(err)
		}
		d = d.UTC()
		tk.DueUTC = &d
	}
	if err := c.db.CreateTask(context.Background(), tk); err != nil {
		c.t.Fatal(err)
	}
	return tk
}

func z(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestBerlinMeetingRemindsFifteenMinutesBeforeInSummerAndWinter(t *testing.T) {
	c := newCalRig(t)
	c.clock.set(z("2026-06-01T00:00:00Z"))
	c.expect(c.clock.Now())
	c.event("summer", "2026-06-02T09:00:00", "2026-06-02T10:00:00", "Europe/Berlin", false, 15)
	c.event("winter", "2026-12-01T09:00:00", "2026-12-01T10:00:00", "Europe/Berlin", false, 15)
	// 09:00 CEST is 07:00Z, so its reminder is at 06:45Z; 09:00 CET is 08:00Z → 07:45Z.
	c.expect(z("2026-06-02T06:44:45Z"))
	c.expect(z("2026-06-02T06:45:00Z"), "summer")
	c.expect(z("2026-06-02T06:45:30Z"))
	c.expect(z("2026-12-01T07:44:45Z")) // a catch-up (long gap): still nothing before its time
	c.expect(z("2026-12-01T07:45:00Z"), "winter")
}

func TestAllDayAndFloatingMeetingsAndDateTasksFollowTheUsersZone(t *testing.T) {
	c := newCalRig(t)
	c.zone = mustLoad(t, "America/New_York")
	c.clock.set(z("2026-06-01T00:00:00Z"))
	c.expect(c.clock.Now())
	c.event("all day", "2026-06-03", "2026-06-04", "", true, 15)
	c.event("floating", "2026-06-03T09:00:00", "2026-06-03T09:30:00", "", false, 10)
	c.task("date task", "2026-06-04", "", crm.TaskNeedsAction, 60)
	// Midnight 3 June in New York is 04:00Z; 15 minutes before: 03:45Z.
	c.expect(z("2026-06-03T03:44:30Z"))
	c.expect(z("2026-06-03T03:45:00Z"), "all day")
	c.expect(z("2026-06-03T12:50:00Z"), "floating")  // 09:00 EDT = 13:00Z
	c.expect(z("2026-06-04T03:00:00Z"), "date task") // an hour before midnight 4 June EDT
}

func TestTaskRemindersOnlyForOpenTasksAndNotForDeletedMeetings(t *testing.T) {
	c := newCalRig(t)
	ctx := context.Background()
	c.clock.set(z("2026-06-01T08:00:00Z"))
	c.expect(c.clock.Now())
	c.task("call back", "2026-06-01T12:00:00", "Europe/Paris", crm.TaskNeedsAction, 30) // 10:00Z → 09:30Z
	c.task("done already", "2026-06-01T12:00:00", "Europe/Paris", crm.TaskCompleted, 30)
	c.task("no reminder", "2026-06-01T12:00:00", "Europe/Paris", crm.TaskNeedsAction)
	gone := c.event("cancelled talk", "2026-06-01T09:40:00", "2026-06-01T10:00:00", "UTC", false, 10)
	if _, err := c.db.DeleteEvent(ctx, gone.ID, gone.Version); err != nil {
		t.Fatal(err)
	}
	c.expect(z("2026-06-01T09:30:00Z"), "call back")
	c.expect(z("2026-06-01T09:30:30Z"))
	rs, err := c.s.Active(ctx)
	if err != nil || len(rs) != 1 || rs[0].Kind != reminders.KindTask || !rs[0].Start.Equal(z("2026-06-01T10:00:00Z")) {
		t.Fatalf("active = %+v %v", rs, err)
	}
}

func TestAnUnreadableMeetingIsSkippedAndReportedNotFatal(t *testing.T) {
	c := newCalRig(t)
	c.clock.set(z("2026-06-01T08:00:00Z"))
	c.expect(c.clock.Now())
	bad := c.event("bad zone", "2026-06-01T09:00:00", "2026-06-01T10:00:00", "UTC", false, 15)
	bad.TimeZone, bad.Version = "Mars/Olympus", 2
	if err := c.db.UpdateEvent(context.Background(), bad, []string{"time_zone"}); err != nil {
		t.Fatal(err)
	}
	c.event("good", "2026-06-01T09:00:00", "2026-06-01T10:00:00", "UTC", false, 15)
	c.expect(z("2026-06-01T08:45:00Z"), "good")
	if !slices.Contains(c.skipped, "event "+bad.ID) {
		t.Fatalf("skipped = %v; want the meeting with the unknown zone", c.skipped)
	}
}

// series stores a recurring meeting; its bounds come from backend/recurrence.
func (c *calRig) series(f crm.EventFields) crm.Event {
	c.t.Helper()
	loc := c.zone
	if f.TimeZone != "" && !f.AllDay {
		loc = mustLoad(c.t, f.TimeZone)
	}
	start, end, err := recurrence.Bounds(f, loc)
	if err != nil {
		c.t.Fatal(err)
	}
	now := c.clock.Now()
	f.Busy, f.Status = crm.BusyBusy, "confirmed"
	ev := crm.Event{ID: crm.NewID(now), CalendarID: c.cal.ID, UID: crm.NewID(now) + "@test", EventFields: f,
		StartUTC: start, EndUTC: start.Add(time.Hour), SeriesEndUTC: end, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := c.db.CreateEvent(context.Background(), ev); err != nil {
		c.t.Fatal(err)
	}
	return ev
}

func TestEachOccurrenceOfASeriesRemindsAcrossDSTWithItsOwnChanges(t *testing.T) {
	c := newCalRig(t)
	c.clock.set(z("2026-03-20T00:00:00Z"))
	c.expect(c.clock.Now())
	// Mondays 09:00 Berlin: 23 March is CET (08:00Z), 30 March CEST (07:00Z).
	// 6 April moved to 11:00 with its own 60-minute reminder, 13 April
	// cancelled, 20 April excluded; the series ends after 27 April.
	ev := c.series(crm.EventFields{Title: "weekly", Start: "2026-03-23T09:00:00", End: "2026-03-23T09:30:00",
		TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260427T070000Z",
		ExDates:   []string{"2026-04-20T09:00:00"},
		Reminders: []crm.Reminder{{MinutesBefore: 15}},
		Overrides: []crm.Occurrence{
			{RecurrenceID: "2026-04-06T09:00:00", Fields: crm.EventFields{Title: "weekly (moved)", Start: "2026-04-06T11:00:00",
				End: "2026-04-06T11:30:00", TimeZone: "Europe/Berlin", Reminders: []crm.Reminder{{MinutesBefore: 60}}}},
			{RecurrenceID: "2026-04-13T09:00:00", Fields: crm.EventFields{Title: "weekly", Start: "2026-04-13T09:00:00",
				End: "2026-04-13T09:30:00", TimeZone: "Europe/Berlin", Status: "cancelled", Reminders: []crm.Reminder{{MinutesBefore: 15}}}},
		},
	})
	c.expect(z("2026-03-23T07:44:30Z"))
	c.expect(z("2026-03-23T07:45:00Z"), "weekly")
	c.expect(z("2026-03-23T07:45:30Z"))
	c.expect(z("2026-03-30T06:44:30Z"))
	c.expect(z("2026-03-30T06:45:00Z"), "weekly")
	c.expect(z("2026-04-06T06:45:00Z")) // moved: not at the old time
	c.expect(z("2026-04-06T07:59:30Z"))
	c.expect(z("2026-04-06T08:00:00Z"), "weekly (moved)") // 11:00 CEST = 09:00Z, 60 minutes before
	checkActive(t, c.s, ev.ID, "2026-03-23T09:00:00", "2026-03-30T09:00:00", "2026-04-06T09:00:00")
	c.expect(z("2026-04-13T06:45:00Z")) // cancelled
	c.expect(z("2026-04-20T06:45:00Z")) // excluded
	c.expect(z("2026-04-27T06:45:00Z"), "weekly")
	c.expect(z("2026-05-04T06:45:00Z")) // after UNTIL
	// Active lists what fired within Keep (30 days): the last two.
	checkActive(t, c.s, ev.ID, "2026-04-06T09:00:00", "2026-04-27T09:00:00")
}

func checkActive(t *testing.T, s *reminders.Scheduler, item string, recurrenceIDs ...string) {
	t.Helper()
	rs, err := s.Active(context.Background())
	if err != nil || len(rs) != len(recurrenceIDs) {
		t.Fatalf("active = %+v %v; want %q", rs, err, recurrenceIDs)
	}
	for i, r := range rs {
		if r.ItemID != item || r.RecurrenceID != recurrenceIDs[i] {
			t.Errorf("active %d = %s %q; want %s %q", i, r.ItemID, r.RecurrenceID, item, recurrenceIDs[i])
		}
	}
}
