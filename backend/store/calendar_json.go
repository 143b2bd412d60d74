package store

import (
	"encoding/json"
	"fmt"

	"fieldbook/backend/crm"
)

// The stored JSON forms of the lists inside a meeting or task. They are
// declared here, apart from the crm types, so renaming a Go field never
// changes what is on disk.

type attendeeJSON struct {
	Email  string `json:"email"`
	Name   string `json:"name,omitempty"`
	Role   string `json:"role,omitempty"`
	Status string `json:"status,omitempty"`
}

type reminderJSON struct {
	MinutesBefore int `json:"minutesBefore"`
}

// eventFieldsJSON is a whole crm.EventFields; it is the stored form of an
// override's fields.
type eventFieldsJSON struct {
	Title        string           `json:"title,omitempty"`
	Location     string           `json:"location,omitempty"`
	Notes        string           `json:"notes,omitempty"`
	Start        string           `json:"start,omitempty"`
	End          string           `json:"end,omitempty"`
	AllDay       bool             `json:"allDay,omitempty"`
	TimeZone     string           `json:"timeZone,omitempty"`
	RRule        string           `json:"rrule,omitempty"`
	ExDates      []string         `json:"exDates,omitempty"`
	RDates       []string         `json:"rDates,omitempty"`
	Attendees    []attendeeJSON   `json:"attendees,omitempty"`
	Organizer    *attendeeJSON    `json:"organizer,omitempty"`
	Reminders    []reminderJSON   `json:"reminders,omitempty"`
	Busy         string           `json:"busy,omitempty"`
	Private      bool             `json:"private,omitempty"`
	Categories   []string         `json:"categories,omitempty"`
	Status       string           `json:"status,omitempty"`
	Overrides    []occurrenceJSON `json:"overrides,omitempty"`
	RecurrenceID string           `json:"recurrenceId,omitempty"`
}

type occurrenceJSON struct {
	RecurrenceID string          `json:"recurrenceId"`
	Fields       eventFieldsJSON `json:"fields"`
}

func toAttendeesJSON(as []crm.Attendee) []attendeeJSON {
	if len(as) == 0 {
		return nil
	}
	out := make([]attendeeJSON, len(as))
	for i, a := range as {
		out[i] = attendeeJSON{Email: a.Email, Name: a.Name, Role: a.Role, Status: a.Status}
	}
	return out
}

func fromAttendeesJSON(as []attendeeJSON) []crm.Attendee {
	if len(as) == 0 {
		return nil
	}
	out := make([]crm.Attendee, len(as))
	for i, a := range as {
		out[i] = crm.Attendee{Email: a.Email, Name: a.Name, Role: a.Role, Status: a.Status}
	}
	return out
}

func toRemindersJSON(rs []crm.Reminder) []reminderJSON {
	if len(rs) == 0 {
		return nil
	}
	out := make([]reminderJSON, len(rs))
	for i, r := range rs {
		out[i] = reminderJSON{MinutesBefore: r.MinutesBefore}
	}
	return out
}

func fromRemindersJSON(rs []reminderJSON) []crm.Reminder {
	if len(rs) == 0 {
		return nil
	}
	out := make([]crm.Reminder, len(rs))
	for i, r := range rs {
		out[i] = crm.Reminder{MinutesBefore: r.MinutesBefore}
	}
	return out
}

func toEventFieldsJSON(f crm.EventFields) eventFieldsJSON {
	j := eventFieldsJSON{
		Title: f.Title, Location: f.Location, Notes: f.Notes, Start: f.Start, End: f.End, AllDay: f.AllDay,
		TimeZone: f.TimeZone, RRule: f.RRule, ExDates: f.ExDates, RDates: f.RDates,
		Attendees: toAttendeesJSON(f.Attendees), Reminders: toRemindersJSON(f.Reminders),
		Busy: f.Busy, Private: f.Private, Categories: f.Categories, Status: f.Status,
		Overrides: toOccurrencesJSON(f.Overrides), RecurrenceID: f.RecurrenceID,
	}
	if f.Organizer != (crm.Attendee{}) {
		o := attendeeJSON{Email: f.Organizer.Email, Name: f.Organizer.Name, Role: f.Organizer.Role, Status: f.Organizer.Status}
		j.Organizer = &o
	}
	return j
}

func fromEventFieldsJSON(j eventFieldsJSON) crm.EventFields {
	f := crm.EventFields{
		Title: j.Title, Location: j.Location, Notes: j.Notes, Start: j.Start, End: j.End, AllDay: j.AllDay,
		TimeZone: j.TimeZone, RRule: j.RRule, ExDates: emptyToNil(j.ExDates), RDates: emptyToNil(j.RDates),
		Attendees: fromAttendeesJSON(j.Attendees), Reminders: fromRemindersJSON(j.Reminders),
		Busy: j.Busy, Private: j.Private, Categories: emptyToNil(j.Categories), Status: j.Status,
		Overrides: fromOccurrencesJSON(j.Overrides), RecurrenceID: j.RecurrenceID,
	}
	if j.Organizer != nil {
		f.Organizer = crm.Attendee{Email: j.Organizer.Email, Name: j.Organizer.Name, Role: j.Organizer.Role, Status: j.Organizer.Status}
	}
	return f
}

func toOccurrencesJSON(os []crm.Occurrence) []occurrenceJSON {
	if len(os) == 0 {
		return nil
	}
	out := make([]occurrenceJSON, len(os))
	for i, o := range os {
		out[i] = occurrenceJSON{RecurrenceID: o.RecurrenceID, Fields: toEventFieldsJSON(o.Fields)}
	}
	return out
}

func fromOccurrencesJSON(os []occurrenceJSON) []crm.Occurrence {
	if len(os) == 0 {
		return nil
	}
	out := make([]crm.Occurrence, len(os))
	for i, o := range os {
		out[i] = crm.Occurrence{RecurrenceID: o.RecurrenceID, Fields: fromEventFieldsJSON(o.Fields)}
	}
	return out
}

func emptyToNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// encodeJSON marshals a value made only of strings, numbers, booleans,
// slices and structs of them, which always succeeds; nil slices are "[]".
func encodeJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: marshal %T: %v", v, err)) // unreachable for the types above
	}
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// decodeJSON unmarshals a stored list or object; "" counts as empty.
func decodeJSON(s string, v any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}
