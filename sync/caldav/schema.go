package caldav

import (
	"encoding/json"
	"slices"

	"fieldbook/backend/crm"
	"fieldbook/sync/engine"
)

// The schema of a calendar object covers meetings and tasks: a field both
// kinds have (title, notes, when, status, …) points into the object's own
// kind; a field of one kind only is empty (and so equal on every side) in
// the other. A meeting's times are one field ("when": start, end, all-day
// and zone move together), its recurrence rule, exceptions and extra dates
// are fields of their own, and its overrides merge as one field.
var calendarSchema = engine.NewSchema(notesOf,
	engine.Value("title", func(o *crm.CalendarObject) *string {
		return pick(o, &o.Event.Title, &o.Task.Title)
	}),
	engine.Value("location", func(o *crm.CalendarObject) *string { return &o.Event.Location }),
	engine.Text("notes", notesOf),
	whenField(),
	engine.Value("rrule", func(o *crm.CalendarObject) *string {
		return pick(o, &o.Event.RRule, &o.Task.RRule)
	}),
	engine.List("exDates", func(o *crm.CalendarObject) *[]string { return &o.Event.ExDates }),
	engine.List("rDates", func(o *crm.CalendarObject) *[]string { return &o.Event.RDates }),
	keyedList("attendees", func(o *crm.CalendarObject) *[]crm.Attendee { return &o.Event.Attendees },
		func(a crm.Attendee) string { return crm.EmailKey(a.Email) }),
	engine.Value("organizer", func(o *crm.CalendarObject) *crm.Attendee { return &o.Event.Organizer }),
	engine.List("reminders", func(o *crm.CalendarObject) *[]crm.Reminder {
		return pick(o, &o.Event.Reminders, &o.Task.Reminders)
	}),
	engine.Value("busy", func(o *crm.CalendarObject) *string { return &o.Event.Busy }),
	engine.Value("private", func(o *crm.CalendarObject) *bool { return &o.Event.Private }),
	engine.List("categories", func(o *crm.CalendarObject) *[]string {
		return pick(o, &o.Event.Categories, &o.Task.Categories)
	}),
	statusField(),
	engine.Value("priority", func(o *crm.CalendarObject) *int { return &o.Task.Priority }),
	keyedList("overrides", func(o *crm.CalendarObject) *[]crm.Occurrence { return &o.Event.Overrides },
		func(oc crm.Occurrence) string { return oc.RecurrenceID }),
	engine.Value("recurrenceId", func(o *crm.CalendarObject) *string { return &o.Event.RecurrenceID }),
)

// Schema is the schema the engine merges calendar objects by. It is shared
// and read-only.
func Schema() *engine.Schema[crm.CalendarObject] { return calendarSchema }

// pick returns ev for a meeting and task for a task.
func pick[T any](o *crm.CalendarObject, ev, task *T) *T {
	if o.IsTask() {
		return task
	}
	return ev
}

func notesOf(o *crm.CalendarObject) *string { return pick(o, &o.Event.Notes, &o.Task.Notes) }

// when is the JSON form of a meeting's or task's times.
type when struct {
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	Due      string `json:"due,omitempty"`
	AllDay   bool   `json:"allDay,omitempty"`
	TimeZone string `json:"timeZone,omitempty"`
}

// whenOf reads and writes the times of an object through JSON.
type whenOf struct{ o *crm.CalendarObject }

func (w whenOf) get() when {
	if w.o.IsTask() {
		t := w.o.Task
		return when{Start: t.Start, Due: t.Due, TimeZone: t.TimeZone}
	}
	e := w.o.Event
	return when{Start: e.Start, End: e.End, AllDay: e.AllDay, TimeZone: e.TimeZone}
}

// MarshalJSON renders the times.
func (w *whenOf) MarshalJSON() ([]byte, error) { return json.Marshal(w.get()) }

// UnmarshalJSON sets the times.
func (w *whenOf) UnmarshalJSON(b []byte) error {
	var v when
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if w.o.IsTask() {
		w.o.Task.Start, w.o.Task.Due, w.o.Task.TimeZone = v.Start, v.Due, v.TimeZone
		return nil
	}
	w.o.Event.Start, w.o.Event.End, w.o.Event.AllDay, w.o.Event.TimeZone = v.Start, v.End, v.AllDay, v.TimeZone
	return nil
}

// whenField is the times; merged from one side, they bring that side's
// VTIMEZONE text and original TZID along.
func whenField() engine.Field[crm.CalendarObject] {
	return engine.Field[crm.CalendarObject]{
		Name: "when",
		Ptr:  func(o *crm.CalendarObject) any { return &whenOf{o} },
		Copy: func(dst *crm.CalendarObject, src crm.CalendarObject) {
			v := (&whenOf{&src}).get()
			b, _ := json.Marshal(v) // plain strings and a bool
			_ = (&whenOf{dst}).UnmarshalJSON(b)
			dst.Zones, dst.OriginalTZID = src.Zones, src.OriginalTZID
		},
	}
}

// taskStatus is the JSON form of a task's progress, which moves as one.
type taskStatus struct {
	Status          string `json:"status,omitempty"`
	PercentComplete int    `json:"percentComplete,omitempty"`
	CompletedAt     string `json:"completedAt,omitempty"`
}

// statusOf reads and writes a meeting's status or a task's progress.
type statusOf struct{ o *crm.CalendarObject }

// MarshalJSON renders the status.
func (s *statusOf) MarshalJSON() ([]byte, error) {
	if s.o.IsTask() {
		t := s.o.Task
		return json.Marshal(taskStatus{t.Status, t.PercentComplete, t.CompletedAt})
	}
	return json.Marshal(s.o.Event.Status)
}

// UnmarshalJSON sets the status.
func (s *statusOf) UnmarshalJSON(b []byte) error {
	if !s.o.IsTask() {
		return json.Unmarshal(b, &s.o.Event.Status)
	}
	var v taskStatus
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s.o.Task.Status, s.o.Task.PercentComplete, s.o.Task.CompletedAt = v.Status, v.PercentComplete, v.CompletedAt
	return nil
}

func statusField() engine.Field[crm.CalendarObject] {
	return engine.Field[crm.CalendarObject]{Name: "status", Ptr: func(o *crm.CalendarObject) any { return &statusOf{o} }}
}

// keyedList is a list whose "keep both" keeps mine and adds the server's
// entries whose key mine lacks (an attendee by e-mail, an override by
// occurrence).
func keyedList[T any](name string, ptr func(*crm.CalendarObject) *[]T, key func(T) string) engine.Field[crm.CalendarObject] {
	f := engine.Value(name, ptr)
	f.Both = func(dst *crm.CalendarObject, mine, theirs crm.CalendarObject) {
		out := slices.Clone(*ptr(&mine))
		for _, x := range *ptr(&theirs) {
			if !slices.ContainsFunc(out, func(m T) bool { return key(m) == key(x) }) {
				out = append(out, x)
			}
		}
		*ptr(dst) = out
	}
	return f
}
