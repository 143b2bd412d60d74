package app

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

// openCalendarServices: the machine in Europe/Berlin, the clock at
// 2026-03-20 12:00 UTC.
func openCalendarServices(t *testing.T, ev Emitter) *Services {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sys := calendar.System{
		Getenv:   func(k string) string { return map[string]string{"TZ": "Europe/Berlin"}[k] },
		Readlink: func(string) (string, error) { return "", errors.New("none") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") },
	}
	return NewServices(context.Background(), db, Config{Version: "test", DefaultLanguage: "en",
		Clock: fixedClock{time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}, Events: ev, System: sys})
}

// jsonKeys are the top-level JSON names of v.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sorted(s ...string) []string {
	sort.Strings(s)
	return s
}

func TestCalendarDTOsUseTheAgreedJSONNames(t *testing.T) {
	for name, c := range map[string]struct {
		v    any
		want []string
	}{
		"CalendarDTO": {CalendarDTO{}, sorted("id", "name", "color", "isDefault", "collectionId", "accountName")},
		"OccurrenceDTO": {OccurrenceDTO{}, sorted("eventId", "calendarId", "color", "title", "location", "start", "end",
			"allDay", "startLocal", "endLocal", "timeZone", "recurring", "recurrenceId", "busy", "private", "status",
			"attendeeCount", "version")},
		"EventDTO": {EventDTO{}, sorted("id", "calendarId", "version", "uid", "title", "location", "notes", "start", "end",
			"allDay", "timeZone", "rrule", "exDates", "attendees", "organizer", "reminders", "busy", "private",
			"categories", "status", "overrides", "originalTzid", "createdAt", "updatedAt")},
		"AttendeeDTO":     {AttendeeDTO{}, sorted("email", "name", "role", "status", "contactId")},
		"OverrideDTO":     {OverrideDTO{}, sorted("recurrenceId", "start", "end", "title", "location", "notes", "cancelled")},
		"TimelineItemDTO": {TimelineItemDTO{}, sorted("kind", "eventId", "recurrenceId", "title", "start", "end", "location", "notes")},
		"TaskDTO": {TaskDTO{}, sorted("id", "calendarId", "version", "title", "notes", "due", "start", "timeZone", "dueAt",
			"allDay", "priority", "status", "percentComplete", "completedAt", "rrule", "reminders", "categories",
			"contactId", "contactName", "companyId", "companyName", "dealId", "overdue")},
		"EventUpdate": {EventUpdate{}, sorted("id", "version", "scope", "recurrenceId", "input")},
		"MoveRequest": {MoveRequest{}, sorted("id", "version", "scope", "recurrenceId", "start", "end")},
	} {
		if got := jsonKeys(t, c.v); !slices.Equal(got, c.want) {
			t.Errorf("%s JSON names = %v; want %v", name, got, c.want)
		}
	}
}

func TestCalendarServiceWeeklyMeetingWithAContact(t *testing.T) {
	ev := &recorder{}
	s := openCalendarServices(t, ev)
	ana, err := s.Contacts.Create(ContactInput{GivenName: "Ana", Emails: []LabeledValue{{Label: "work", Value: "ana@example.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	cals, err := s.Calendar.Calendars()
	if err != nil || len(cals) != 1 || !cals[0].IsDefault {
		t.Fatalf("calendars = %+v, %v; want one default", cals, err)
	}
	ev.take()
	e, err := s.Calendar.CreateEvent(EventInput{Title: "Weekly sync", Start: "2026-03-16T10:00", End: "2026-03-16T10:30",
		TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY;BYDAY=MO", Notes: "Pipeline review",
		Attendees: []AttendeeDTO{{Email: "ana@example.com"}}, Reminders: []ReminderDTO{{MinutesBefore: 10}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.take(); !slices.Contains(got, EventCalendarChanged) {
		t.Fatalf("events after create = %v", got)
	}
	if e.Attendees[0].ContactID != ana.ID || e.CalendarID != cals[0].ID || e.ExDates == nil || e.Categories == nil || e.Overrides == nil {
		t.Fatalf("created = %+v", e)
	}
	occ, err := s.Calendar.Occurrences(OccurrenceQuery{From: "2026-03-23T00:00:00Z", To: "2026-04-06T00:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	if len(occ) != 2 || occ[1].Start != "2026-03-30T08:00:00Z" || occ[1].StartLocal != "2026-03-30T10:00:00" || occ[1].AttendeeCount != 1 {
		t.Fatalf("occurrences = %+v", occ)
	}
	// Drag the 23 March occurrence (the next one: now is 20 March) an hour later.
	moved, err := s.Calendar.MoveOccurrence(MoveRequest{ID: e.ID, Version: e.Version, Scope: "this", RecurrenceID: occ[0].RecurrenceID,
		Start: "2026-03-23T10:00:00Z", End: "2026-03-23T10:30:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	if len(moved.Overrides) != 1 || moved.Overrides[0].Start != "2026-03-23T11:00:00" {
		t.Fatalf("overrides = %+v", moved.Overrides)
	}
	items, err := s.Calendar.ContactTimeline(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The past occurrence (16 March) and only the next one (the moved 23 March), newest first.
	if len(items) != 2 || items[0].Kind != "meeting" || items[1].Start != "2026-03-16T09:00:00Z" {
		t.Fatalf("timeline = %+v", items)
	}
	if items[0].RecurrenceID != "2026-03-23T10:00:00" || items[0].Start != "2026-03-23T10:00:00Z" || items[0].Notes != "Pipeline review" {
		t.Fatalf("moved occurrence on the timeline = %+v", items[0])
	}
	// A stale version is refused with its code through the formatter.
	_, err = s.Calendar.UpdateEvent(EventUpdate{ID: e.ID, Version: e.Version, Scope: "all", Input: EventInput{Title: "x", Start: "2026-03-16T10:00"}})
	if crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update = %v", err)
	}
	if err := s.Calendar.DeleteCalendar(cals[0].ID); crm.ErrorCode(err) != crm.CodeCalendarNotEmpty {
		t.Fatalf("delete non-empty calendar = %v", err)
	}
	if err := s.Calendar.DeleteEvent(EventDelete{ID: e.ID, Version: moved.Version, Scope: "all"}); err != nil {
		t.Fatal(err)
	}
	if occ, _ := s.Calendar.Occurrences(OccurrenceQuery{From: "2026-03-23T00:00:00Z", To: "2026-04-06T00:00:00Z"}); len(occ) != 0 {
		t.Fatalf("after delete: %+v", occ)
	}
	if _, err := s.Calendar.Occurrences(OccurrenceQuery{From: "yesterday", To: "2026-04-06T00:00:00Z"}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad window = %v", err)
	}
}

func TestCalendarServiceUpdateKeepsWhatTheEditorDoesNotShow(t *testing.T) {
	s := openCalendarServices(t, &recorder{})
	// A meeting with an organizer, as an import or a server makes it.
	made, err := s.Calendar.svc.Create(context.Background(), "", crm.EventFields{Title: "Call", Start: "2026-03-24T10:00",
		TimeZone: "Europe/Berlin", Organizer: crm.Attendee{Email: "boss@example.com", Name: "Boss"}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Calendar.Event(made.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := e.EventInput
	in.Title = "Call (moved room)"
	in.Location = "Room 2"
	u, err := s.Calendar.UpdateEvent(EventUpdate{ID: e.ID, Version: e.Version, Scope: "all", Input: in})
	if err != nil {
		t.Fatal(err)
	}
	if u.Version != 2 || u.Title != "Call (moved room)" || u.Start != e.Start || u.TimeZone != "Europe/Berlin" || u.Organizer.Email != "boss@example.com" {
		t.Fatalf("updated = %+v", u)
	}
	if zone, _ := s.Calendar.UserZone(); zone != "Europe/Berlin" {
		t.Fatalf("user zone = %q", zone)
	}
	if err := s.Calendar.SetUserZone("Atlantis/Capital"); crm.ErrorCode(err) != crm.CodeZoneUnknown {
		t.Fatalf("bad zone = %v", err)
	}
	if zs, err := s.Calendar.Zones(); err != nil || !slices.Contains(zs, "Europe/Berlin") {
		t.Fatalf("zones = %v, %v", zs, err)
	}
}

func TestTasksServiceListsAndCompletion(t *testing.T) {
	ev := &recorder{}
	s := openCalendarServices(t, ev)
	ana, err := s.Contacts.Create(ContactInput{GivenName: "Ana", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	ev.take()
	// Now: 20 March 13:00 in Berlin.
	late, err := s.Tasks.CreateTask(TaskInput{Title: "Send quote", Due: "2026-03-19", ContactID: ana.ID, Priority: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.take(); !slices.Contains(got, EventTasksChanged) {
		t.Fatalf("events = %v", got)
	}
	if _, err := s.Tasks.CreateTask(TaskInput{Title: "Call back", Due: "2026-03-20T17:00", TimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tasks.CreateTask(TaskInput{Title: ""}); crm.ErrorCode(err) != crm.CodeTaskInvalid {
		t.Fatalf("empty title = %v", err)
	}
	overdue, err := s.Tasks.Tasks(TaskQuery{List: "overdue"})
	if err != nil || len(overdue) != 1 || overdue[0].ID != late.ID || !overdue[0].Overdue || overdue[0].ContactName != "Ana" ||
		overdue[0].CompanyName != "Acme" || !overdue[0].AllDay || overdue[0].DueAt != "" || overdue[0].Categories == nil {
		t.Fatalf("overdue = %+v, %v", overdue, err)
	}
	today, _ := s.Tasks.Tasks(TaskQuery{List: "today"})
	if len(today) != 1 || today[0].Title != "Call back" || today[0].DueAt != "2026-03-20T16:00:00Z" {
		t.Fatalf("today = %+v", today)
	}
	mine, _ := s.Tasks.Tasks(TaskQuery{List: "all", ContactID: ana.ID})
	if len(mine) != 1 || mine[0].ID != late.ID {
		t.Fatalf("Ana's = %+v", mine)
	}
	done, err := s.Tasks.CompleteTask(late.ID, late.Version, true)
	if err != nil || done.Status != crm.TaskCompleted || done.CompletedAt != "2026-03-20T12:00:00Z" || done.Overdue {
		t.Fatalf("completed = %+v, %v", done, err)
	}
	if list, _ := s.Tasks.Tasks(TaskQuery{List: "done"}); len(list) != 1 || list[0].ID != late.ID {
		t.Fatalf("done = %+v", list)
	}
	if err := s.Tasks.DeleteTask(late.ID, late.Version); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale delete = %v", err)
	}
	if err := s.Tasks.DeleteTask(late.ID, done.Version); err != nil {
		t.Fatal(err)
	}
	r, err := s.Tasks.RestoreTask(late.ID)
	if err != nil || !reflect.DeepEqual(r.Categories, []string{}) {
		t.Fatalf("restored = %+v, %v", r, err)
	}
}
