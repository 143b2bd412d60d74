package store

import (
	"context"
	"database/sql"
	"reflect"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

func mustDefaultCalendar(t testing.TB, db *DB) crm.Calendar {
	t.Helper()
	c, err := db.EnsureDefaultCalendar(context.Background(), "Calendar", "#3B82F6")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// newEvent is a single one-hour meeting at startUTC (wall clock in UTC).
func newEvent(clock crm.Clock, calendarID, title string, startUTC time.Time) crm.Event {
	now := clock.Now()
	end := startUTC.Add(time.Hour)
	return crm.Event{
		ID: crm.NewID(now), CalendarID: calendarID, UID: crm.NewID(now) + "@fieldbook",
		EventFields: crm.EventFields{Title: title, Start: startUTC.Format(crm.LocalDateTimeLayout),
			End: end.Format(crm.LocalDateTimeLayout), TimeZone: "UTC", Busy: crm.BusyBusy, Status: "confirmed"},
		StartUTC: startUTC, EndUTC: end, SeriesEndUTC: &end,
		Version: 1, CreatedAt: now, UpdatedAt: now,
	}
}

func mustCreateEvent(t testing.TB, db *DB, e crm.Event) crm.Event {
	t.Helper()
	if err := db.CreateEvent(context.Background(), e); err != nil {
		t.Fatalf("create event %q: %v", e.Title, err)
	}
	return e
}

func entityJournalOps(t *testing.T, db *DB, entity, id string) []string {
	t.Helper()
	js, err := db.JournalFor(context.Background(), entity, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, j := range js {
		out = append(out, j.Op)
	}
	return out
}

func TestCalendarsDefaultIsKeptAndNonEmptyCalendarIsNotDeleted(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	first := mustDefaultCalendar(t, db)
	if again := mustDefaultCalendar(t, db); again.ID != first.ID || !again.Default {
		t.Fatalf("second EnsureDefaultCalendar = %+v; want the first %s", again, first.ID)
	}
	now := clock.Now()
	work := crm.Calendar{ID: crm.NewID(now), Name: "Work", Color: "#FF0000", Default: true, CreatedAt: now}
	if err := db.CreateCalendar(ctx, work); err != nil {
		t.Fatal(err)
	}
	cals, err := db.Calendars(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cals) != 2 || cals[0].ID != work.ID || !cals[0].Default || cals[1].Default {
		t.Fatalf("calendars = %+v; want Work as the only default, listed first", cals)
	}
	mustCreateEvent(t, db, newEvent(clock, work.ID, "Standup", utc("2026-11-24T09:00:00Z")))
	if err := db.DeleteCalendar(ctx, work.ID); crm.ErrorCode(err) != crm.CodeCalendarNotEmpty {
		t.Fatalf("delete non-empty calendar = %v; want %s", err, crm.CodeCalendarNotEmpty)
	}
	if err := db.DeleteCalendar(ctx, first.ID); err != nil {
		t.Fatalf("delete empty calendar: %v", err)
	}
	if _, err := db.Calendar(ctx, first.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("deleted calendar read = %v; want not_found", err)
	}
	work.Name, work.Default = "Office", false
	if err := db.UpdateCalendar(ctx, work); err != nil {
		t.Fatal(err)
	}
	got, err := db.Calendar(ctx, work.ID)
	if err != nil || got.Name != "Office" || !got.Default {
		t.Fatalf("updated calendar = %+v, %v; want Office, still the default", got, err)
	}
}

func TestDeletingTheDefaultCalendarMovesTheDefault(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	def := mustDefaultCalendar(t, db)
	now := clock.Now()
	other := crm.Calendar{ID: crm.NewID(now), Name: "Other", Color: "#00FF00", CreatedAt: now}
	if err := db.CreateCalendar(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCalendar(ctx, def.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.Calendar(ctx, other.ID)
	if err != nil || !got.Default {
		t.Fatalf("remaining calendar = %+v, %v; want it to be the default", got, err)
	}
}

func fullEvent(clock crm.Clock, calendarID string) crm.Event {
	e := newEvent(clock, calendarID, "Weekly review", utc("2026-11-02T08:00:00Z"))
	e.Location, e.Notes = "Room 4", "Bring the numbers.\nAnd coffee."
	e.Start, e.End, e.TimeZone = "2026-11-02T09:00:00", "2026-11-02T10:00:00", "W. Europe Standard Time"
	e.OriginalTZID = "W. Europe Standard Time"
	e.Zones = "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nEND:VTIMEZONE\r\n"
	e.RRule = "FREQ=WEEKLY;BYDAY=MO"
	e.ExDates = []string{"2026-11-09T09:00:00"}
	e.RDates = []string{"2026-11-11T09:00:00"}
	e.Attendees = []crm.Attendee{
		{Email: "Ana@Example.com", Name: "Ana", Role: crm.RoleRequired, Status: crm.PartAccepted},
		{Email: "bo@example.org", Role: crm.RoleOptional, Status: crm.PartNeedsAction},
	}
	e.Organizer = crm.Attendee{Email: "me@example.com", Name: "Me", Role: crm.RoleChair}
	e.Reminders = []crm.Reminder{{MinutesBefore: 15}, {MinutesBefore: 1440}}
	e.Busy, e.Private, e.Status = crm.BusyTentative, true, "tentative"
	e.Categories = []string{"Sales", "Weekly"}
	e.Overrides = []crm.Occurrence{{RecurrenceID: "2026-11-16T09:00:00", Fields: crm.EventFields{
		Title: "Weekly review (moved)", Start: "2026-11-16T11:00:00", End: "2026-11-16T12:00:00",
		TimeZone: "W. Europe Standard Time", Attendees: []crm.Attendee{{Email: "guest@Example.net"}},
	}}}
	e.SeriesEndUTC = nil
	return e
}

func TestEventRoundTripsEveryFieldAndJournalsTheCreate(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	want := mustCreateEvent(t, db, fullEvent(clock, cal.ID))
	got, err := db.Event(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.CreatedAt, want.UpdatedAt = want.CreatedAt.Truncate(time.Millisecond), want.UpdatedAt.Truncate(time.Millisecond)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back:\n%+v\nwant\n%+v", got, want)
	}
	if ops := entityJournalOps(t, db, crm.EntityEvent, want.ID); !slices.Equal(ops, []string{crm.OpCreate}) {
		t.Fatalf("journal = %v; want [create]", ops)
	}
	card := []byte("BEGIN:VCALENDAR\r\nX-KEEP:1\r\nEND:VCALENDAR\r\n")
	if err := db.SetEventCard(ctx, want.ID, card); err != nil {
		t.Fatal(err)
	}
	if b, err := db.EventCard(ctx, want.ID); err != nil || string(b) != string(card) {
		t.Fatalf("card = %q, %v", b, err)
	}
	if byUID, err := db.EventByUID(ctx, want.UID); err != nil || byUID.ID != want.ID {
		t.Fatalf("EventByUID = %s, %v; want %s", byUID.ID, err, want.ID)
	}
}

func TestEventUpdateNeedsTheCurrentVersionAndJournalsFields(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	e := mustCreateEvent(t, db, newEvent(clock, cal.ID, "Lunch", utc("2026-11-24T12:00:00Z")))
	e.Title, e.Version, e.UpdatedAt = "Long lunch", 2, clock.Now()
	if err := db.UpdateEvent(ctx, e, []string{"title"}); err != nil {
		t.Fatal(err)
	}
	stale := e
	stale.Title = "Stale lunch" // based on version 1 again
	if err := db.UpdateEvent(ctx, stale, []string{"title"}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update = %v; want version_conflict", err)
	}
	if _, err := db.DeleteEvent(ctx, e.ID, 1); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale delete = %v; want version_conflict", err)
	}
	got, _ := db.Event(ctx, e.ID)
	if got.Title != "Long lunch" || got.Version != 2 {
		t.Fatalf("after refused writes: %q v%d; want Long lunch v2", got.Title, got.Version)
	}
	js, _ := db.JournalFor(ctx, crm.EntityEvent, e.ID)
	if len(js) != 2 || js[1].Op != crm.OpUpdate || !slices.Equal(js[1].Fields, []string{"title"}) {
		t.Fatalf("journal = %+v; want create, update [title]", js)
	}
	del, err := db.DeleteEvent(ctx, e.ID, 2)
	if err != nil || del.DeletedAt == nil || del.Version != 3 {
		t.Fatalf("delete = %+v, %v; want a tombstone at version 3", del, err)
	}
	if err := db.UpdateEvent(ctx, crm.Event{ID: e.ID, Version: 4, CalendarID: cal.ID}, nil); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("update of deleted = %v; want not_found", err)
	}
	if _, err := db.RestoreEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if ops := entityJournalOps(t, db, crm.EntityEvent, e.ID); !slices.Equal(ops, []string{"create", "update", "delete", "restore"}) {
		t.Fatalf("journal = %v", ops)
	}
}

func TestEventsInRangeFindsSeriesThatMayOccurInTheWindow(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	now := clock.Now()
	other := crm.Calendar{ID: crm.NewID(now), Name: "Other", Color: "#00FF00", CreatedAt: now}
	if err := db.CreateCalendar(ctx, other); err != nil {
		t.Fatal(err)
	}
	before := mustCreateEvent(t, db, newEvent(clock, cal.ID, "before", utc("2026-10-30T09:00:00Z")))
	mustCreateEvent(t, db, newEvent(clock, cal.ID, "inside", utc("2026-11-10T09:00:00Z")))
	after := mustCreateEvent(t, db, newEvent(clock, cal.ID, "after", utc("2026-12-01T00:00:00Z")))
	endless := newEvent(clock, cal.ID, "endless", utc("2026-01-05T09:00:00Z"))
	endless.RRule, endless.SeriesEndUTC = "FREQ=WEEKLY", nil
	mustCreateEvent(t, db, endless)
	ended := newEvent(clock, cal.ID, "ended", utc("2026-01-05T09:00:00Z"))
	ended.RRule = "FREQ=WEEKLY;UNTIL=20260601T000000Z"
	end := utc("2026-06-01T10:00:00Z")
	ended.SeriesEndUTC = &end
	mustCreateEvent(t, db, ended)
	straddle := newEvent(clock, cal.ID, "straddle", utc("2026-10-31T23:30:00Z")) // ends 00:30 on the 1st
	mustCreateEvent(t, db, straddle)
	elsewhere := mustCreateEvent(t, db, newEvent(clock, other.ID, "elsewhere", utc("2026-11-11T09:00:00Z")))
	gone := mustCreateEvent(t, db, newEvent(clock, cal.ID, "gone", utc("2026-11-12T09:00:00Z")))
	if _, err := db.DeleteEvent(ctx, gone.ID, 1); err != nil {
		t.Fatal(err)
	}
	if meetings, tasks, err := db.CalendarCounts(ctx); err != nil || meetings != 7 || tasks != 0 {
		t.Fatalf("counts = %d meetings, %d tasks, %v; want 7 live meetings (not %s), 0 tasks", meetings, tasks, err, gone.Title)
	}
	titles := func(es []crm.Event) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Title)
		}
		return out
	}
	from, to := utc("2026-11-01T00:00:00Z"), utc("2026-12-01T00:00:00Z")
	es, err := db.EventsInRange(ctx, from, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := titles(es), []string{"endless", "straddle", "inside", "elsewhere"}; !slices.Equal(got, want) {
		t.Fatalf("all calendars = %v; want %v (not %s, %s, ended)", got, want, before.Title, after.Title)
	}
	es, err = db.EventsInRange(ctx, from, to, []string{other.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(es); !slices.Equal(got, []string{elsewhere.Title}) {
		t.Fatalf("other calendar = %v; want [elsewhere]", got)
	}
}

func TestEventsForEmailsFollowsAttendeeChanges(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	e := mustCreateEvent(t, db, fullEvent(clock, cal.ID))
	older := newEvent(clock, cal.ID, "Older", utc("2026-01-01T09:00:00Z"))
	older.Attendees = []crm.Attendee{{Email: "mailto:ANA@example.com"}}
	mustCreateEvent(t, db, older)
	mustCreateEvent(t, db, newEvent(clock, cal.ID, "Nobody", utc("2026-11-03T09:00:00Z")))
	check := func(email string, want ...string) {
		t.Helper()
		es, err := db.EventsForEmails(ctx, []string{email})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range es {
			got = append(got, x.Title)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("events of %s = %v; want %v", email, got, want)
		}
	}
	check("ana@EXAMPLE.com", "Weekly review", "Older") // newest first
	check("me@example.com", "Weekly review")           // organizer
	check("guest@example.net", "Weekly review")        // attendee of one occurrence
	check("nobody@example.com")
	e.Attendees, e.Overrides, e.Version, e.UpdatedAt = nil, nil, 2, clock.Now()
	if err := db.UpdateEvent(ctx, e, []string{"attendees", "overrides"}); err != nil {
		t.Fatal(err)
	}
	check("ana@example.com", "Older")
	check("guest@example.net")
	if _, err := db.DeleteEvent(ctx, older.ID, 0); err != nil {
		t.Fatal(err)
	}
	check("ana@example.com")
}

func TestServerWritesAreNotJournalled(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	e := newEvent(clock, cal.ID, "From server", utc("2026-11-24T09:00:00Z"))
	e.Attendees = []crm.Attendee{{Email: "srv@example.com"}}
	task := newTask(clock, cal.ID, "From server", "2026-11-24")
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertEventTx(ctx, tx, e, []byte("BEGIN:VCALENDAR"), false); err != nil {
			return err
		}
		cur, err := readEventTx(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		cur.Title, cur.Version = "Changed on server", cur.Version+1
		if err := updateEventTx(ctx, tx, cur, []string{"title"}, false); err != nil {
			return err
		}
		if err := insertTaskTx(ctx, tx, task, nil, false); err != nil {
			return err
		}
		tcur, err := readTaskTx(ctx, tx, task.ID)
		if err != nil {
			return err
		}
		tcur.Version++
		if err := updateTaskTx(ctx, tx, tcur, nil, false); err != nil {
			return err
		}
		if _, err := setTaskDeletedTx(ctx, tx, task.ID, true, 0, clock.Now(), false); err != nil {
			return err
		}
		_, err = setEventDeletedTx(ctx, tx, e.ID, true, 0, clock.Now(), false)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.PendingChanges(ctx); n != 0 {
		t.Fatalf("%d journal rows; want none for server writes", n)
	}
	got, _ := db.Event(ctx, e.ID)
	if got.Title != "Changed on server" || got.DeletedAt == nil || got.Version != 3 {
		t.Fatalf("event = %q v%d deleted=%v", got.Title, got.Version, got.DeletedAt)
	}
	if card, _ := db.EventCard(ctx, e.ID); string(card) != "BEGIN:VCALENDAR" {
		t.Fatalf("card = %q", card)
	}
}

func newTask(clock crm.Clock, calendarID, title, due string) crm.Task {
	now := clock.Now()
	t := crm.Task{ID: crm.NewID(now), CalendarID: calendarID, UID: crm.NewID(now) + "@fieldbook",
		TaskFields: crm.TaskFields{Title: title, Due: due, Status: crm.TaskNeedsAction},
		Version:    1, CreatedAt: now, UpdatedAt: now}
	switch len(due) {
	case 10:
		d, _ := time.Parse(crm.LocalDateLayout, due)
		t.DueUTC = &d
	case 19:
		t.TimeZone = "UTC"
		d, _ := time.Parse(crm.LocalDateTimeLayout, due)
		t.DueUTC = &d
	}
	return t
}

func TestTaskRoundTripAndVersioning(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	want := newTask(clock, cal.ID, "Call back", "2026-11-24T15:00:00")
	want.Notes, want.Priority, want.PercentComplete = "About the offer", 1, 40
	want.Status, want.RRule = crm.TaskInProcess, "FREQ=MONTHLY"
	want.Reminders, want.Categories = []crm.Reminder{{MinutesBefore: 10}}, []string{"Calls"}
	want.ContactID, want.CompanyID, want.DealID = "c1", "co1", "d1"
	want.Start, want.OriginalTZID, want.Zones = "2026-11-24T09:00:00", "UTC", "BEGIN:VTIMEZONE\r\nEND:VTIMEZONE\r\n"
	if err := db.CreateTask(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := db.Task(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.CreatedAt, want.UpdatedAt = want.CreatedAt.Truncate(time.Millisecond), want.UpdatedAt.Truncate(time.Millisecond)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back:\n%+v\nwant\n%+v", got, want)
	}
	got.Status, got.CompletedAt, got.Version = crm.TaskCompleted, "2026-11-24T16:00:00Z", 2
	if err := db.UpdateTask(ctx, got, []string{"status", "completedAt"}); err != nil {
		t.Fatal(err)
	}
	got.Version = 2 // stale
	if err := db.UpdateTask(ctx, got, []string{"status"}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale task update = %v; want version_conflict", err)
	}
	if _, err := db.DeleteTask(ctx, got.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RestoreTask(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	if ops := entityJournalOps(t, db, crm.EntityTask, got.ID); !slices.Equal(ops, []string{"create", "update", "delete", "restore"}) {
		t.Fatalf("journal = %v", ops)
	}
}

func TestTaskListsCompareDatesWithTodayAndTimesWithNow(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	mk := func(title, due string, mod func(*crm.Task)) {
		task := newTask(clock, cal.ID, title, due)
		if mod != nil {
			mod(&task)
		}
		if err := db.CreateTask(ctx, task); err != nil {
			t.Fatal(err)
		}
	}
	mk("yesterday", "2026-11-23", nil)
	mk("today date", "2026-11-24", nil)
	mk("this morning", "2026-11-24T08:00:00", nil)
	mk("tonight", "2026-11-24T20:00:00", nil)
	mk("tomorrow", "2026-11-25", nil)
	mk("tomorrow 01:00", "2026-11-25T01:00:00", nil)
	mk("no due", "", nil)
	mk("done", "2026-11-20", func(t *crm.Task) { t.Status, t.CompletedAt = crm.TaskCompleted, "2026-11-21T10:00:00Z" })
	mk("cancelled", "2026-11-20", func(t *crm.Task) { t.Status = crm.TaskCancelled })
	mk("linked", "2026-11-22", func(t *crm.Task) { t.ContactID = "contact-1" })
	q := crm.TaskListQuery{Now: utc("2026-11-24T12:00:00Z"), DayStart: utc("2026-11-24T00:00:00Z"),
		DayEnd: utc("2026-11-25T00:00:00Z"), Today: "2026-11-24"}
	for list, want := range map[string][]string{
		crm.TaskListOverdue:  {"linked", "yesterday", "this morning"},
		crm.TaskListToday:    {"today date", "this morning", "tonight"},
		crm.TaskListUpcoming: {"tomorrow", "tomorrow 01:00"},
		crm.TaskListAll:      {"linked", "yesterday", "today date", "this morning", "tonight", "tomorrow", "tomorrow 01:00", "no due"},
		crm.TaskListDone:     {"done", "cancelled"},
	} {
		q.List = list
		ts, err := db.ListTasks(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range ts {
			got = append(got, x.Title)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s = %v; want %v", list, got, want)
		}
	}
	q.List, q.ContactID = crm.TaskListAll, "contact-1"
	ts, err := db.ListTasks(ctx, q)
	if err != nil || len(ts) != 1 || ts[0].Title != "linked" {
		t.Fatalf("contact's tasks = %v, %v; want [linked]", ts, err)
	}
	if _, err := db.ListTasks(ctx, crm.TaskListQuery{List: "someday"}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("unknown list = %v; want invalid_input", err)
	}
}

func TestLinkNamesResolvesContactsAndCompanies(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ana", FamilyName: "Lima", Company: "Acme"})
	got, _ := db.GetContact(ctx, c.ID)
	contacts, companies, err := db.LinkNames(ctx, []string{c.ID, "missing"}, []string{got.CompanyID})
	if err != nil {
		t.Fatal(err)
	}
	if contacts[c.ID] != "Ana Lima" || len(contacts) != 1 || companies[got.CompanyID] != "Acme" {
		t.Fatalf("names = %v %v", contacts, companies)
	}
}

func TestContactsForEmailsFollowsContactEdits(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ana := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ana", Emails: []crm.LabeledValue{{Label: "work", Value: "Ana@Example.com"}}})
	bo := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Bo", Emails: []crm.LabeledValue{{Label: "home", Value: "bo@example.org"}}})
	got, err := db.ContactsForEmails(ctx, []string{"ana@example.com", "mailto:BO@example.org", "x@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["ana@example.com"] != ana.ID || got["bo@example.org"] != bo.ID {
		t.Fatalf("contacts = %v", got)
	}
	ana.Emails, ana.Version, ana.UpdatedAt = []crm.LabeledValue{{Label: "work", Value: "ana@new.example"}}, 2, clock.Now()
	if err := db.UpdateContact(ctx, ana, []string{"emails"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DeleteContact(ctx, bo.ID); err != nil {
		t.Fatal(err)
	}
	got, err = db.ContactsForEmails(ctx, []string{"ana@example.com", "ana@new.example", "bo@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["ana@new.example"] != ana.ID {
		t.Fatalf("after edit and delete = %v; want only ana@new.example", got)
	}
}

func TestSplitEventIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	head := mustCreateEvent(t, db, newEvent(clock, cal.ID, "Series", utc("2026-11-02T09:00:00Z")))
	tail := newEvent(clock, cal.ID, "Series (from now on)", utc("2026-11-16T09:00:00Z"))
	stale := head
	stale.Version = 5 // based on version 4: refused, and the tail must not appear
	if err := db.SplitEvent(ctx, stale, []string{"rrule"}, tail); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale split = %v; want version_conflict", err)
	}
	if _, err := db.Event(ctx, tail.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("tail after a refused split: %v; want not_found", err)
	}
	head.Version, head.RRule = 2, "FREQ=WEEKLY;COUNT=2"
	if err := db.SplitEvent(ctx, head, []string{"rrule"}, tail); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Event(ctx, tail.ID); err != nil || got.Title != tail.Title {
		t.Fatalf("tail = %+v, %v", got, err)
	}
	if ops := entityJournalOps(t, db, crm.EntityEvent, head.ID); !slices.Equal(ops, []string{"create", "update"}) {
		t.Fatalf("head journal = %v", ops)
	}
}
