package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
)

// Limits on what a meeting holds.
const (
	maxShort     = 500
	maxNotes     = 100_000
	MaxAttendees = 200
	maxListItems = 50
	maxDates     = 1000
)

// Meeting states (iCalendar STATUS of a VEVENT).
const (
	StatusConfirmed = "confirmed"
	StatusTentative = "tentative"
	StatusCancelled = "cancelled"
)

// Normalize trims and checks a meeting's fields: the title, location and
// notes; the start and end (wall clock, seconds optional, or dates when
// AllDay, a missing end made one hour or one day after the start; the end
// before the start is crm.CodeEventInvalidTime); the recurrence rule
// (crm.CodeRRuleInvalid) and its exception dates; attendees (valid,
// distinct e-mails, at most MaxAttendees) and the organizer; reminders,
// busy state, status and categories. The zone is checked by the Service.
// Overrides are kept as they are (edits of one occurrence are normalised
// on their own).
func Normalize(f crm.EventFields) (crm.EventFields, error) {
	for _, s := range []struct {
		name string
		v    *string
	}{{"title", &f.Title}, {"location", &f.Location}} {
		*s.v = crm.CleanLine(*s.v)
		if utf8.RuneCountInString(*s.v) > maxShort {
			return f, crm.FieldError(crm.CodeInvalidInput, s.name, fmt.Sprintf("the %s is longer than %d characters", s.name, maxShort))
		}
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(f.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.FieldError(crm.CodeInvalidInput, "notes", fmt.Sprintf("the notes are longer than %d characters", maxNotes))
	}
	var err error
	if f, err = normalizeTimes(f); err != nil {
		return f, err
	}
	f.RRule = strings.TrimSpace(f.RRule)
	if err := recurrence.Validate(f.RRule); err != nil {
		return f, crm.FieldError(crm.CodeRRuleInvalid, "rrule", crm.ErrorMessage(err))
	}
	if f.ExDates, err = normalizeDates("exDates", f.ExDates, f.AllDay); err != nil {
		return f, err
	}
	if f.RDates, err = normalizeDates("rDates", f.RDates, f.AllDay); err != nil {
		return f, err
	}
	if f.Attendees, err = normalizeAttendees(f.Attendees); err != nil {
		return f, err
	}
	if f.Organizer, err = normalizeOrganizer(f.Organizer); err != nil {
		return f, err
	}
	if f.Reminders, err = crm.CleanReminders(f.Reminders); err != nil {
		return f, err
	}
	switch f.Busy {
	case "":
		f.Busy = crm.BusyBusy
	case crm.BusyBusy, crm.BusyFree, crm.BusyTentative, crm.BusyOutOfOffice:
	default:
		return f, crm.FieldError(crm.CodeInvalidInput, "busy", fmt.Sprintf("%q is not a busy state", f.Busy))
	}
	switch f.Status {
	case "":
		f.Status = StatusConfirmed
	case StatusConfirmed, StatusTentative, StatusCancelled:
	default:
		return f, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("%q is not a meeting status", f.Status))
	}
	if f.Categories = crm.CleanTags(f.Categories); len(f.Categories) > maxListItems {
		return f, crm.FieldError(crm.CodeInvalidInput, "categories", fmt.Sprintf("a meeting can have at most %d categories", maxListItems))
	}
	return f, nil
}

// normalizeTimes reads Start and End as wall clocks or dates, fills a
// missing End and refuses an End before the Start. All-day meetings have
// dates and no zone; End is exclusive, so an End on the Start's date
// becomes the next day.
func normalizeTimes(f crm.EventFields) (crm.EventFields, error) {
	f.TimeZone = strings.TrimSpace(f.TimeZone)
	start, startDate, err := parseLocal(f.Start)
	if err != nil {
		return f, crm.FieldError(crm.CodeEventInvalidTime, "start", fmt.Sprintf("the start %q is not a date or time", f.Start))
	}
	var end time.Time
	if strings.TrimSpace(f.End) != "" {
		if end, _, err = parseLocal(f.End); err != nil {
			return f, crm.FieldError(crm.CodeEventInvalidTime, "end", fmt.Sprintf("the end %q is not a date or time", f.End))
		}
	}
	if startDate && strings.TrimSpace(f.End) == "" {
		f.AllDay = true
	}
	if f.AllDay {
		start = dateOnly(start)
		if end.IsZero() {
			end = start.AddDate(0, 0, 1)
		}
		end = dateOnly(end)
		if end.Before(start) {
			return f, crm.FieldError(crm.CodeEventInvalidTime, "end", "the meeting ends before it starts")
		}
		if end.Equal(start) {
			end = start.AddDate(0, 0, 1)
		}
		f.Start, f.End, f.TimeZone = start.Format(crm.LocalDateLayout), end.Format(crm.LocalDateLayout), ""
		return f, nil
	}
	if end.IsZero() {
		end = start.Add(time.Hour)
	}
	// Both are wall clocks in the same zone; a DST change between them
	// cannot turn a later wall clock into an earlier instant.
	if end.Before(start) {
		return f, crm.FieldError(crm.CodeEventInvalidTime, "end", "the meeting ends before it starts")
	}
	f.Start, f.End = start.Format(crm.LocalDateTimeLayout), end.Format(crm.LocalDateTimeLayout)
	return f, nil
}

// localLayouts are the forms a wall clock or date is accepted in.
var localLayouts = []struct {
	layout string
	date   bool
}{
	{crm.LocalDateTimeLayout, false}, {"2006-01-02T15:04", false}, {"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false}, {crm.LocalDateLayout, true},
}

// parseLocal reads a wall clock or a date (as a time in UTC standing for
// the wall clock).
func parseLocal(v string) (t time.Time, date bool, err error) {
	v = strings.TrimSpace(v)
	for _, l := range localLayouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t, l.date, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("calendar: %q is not a date or time", v)
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// formatLocal writes a wall clock, or a date when allDay.
func formatLocal(t time.Time, allDay bool) string {
	if allDay {
		return t.Format(crm.LocalDateLayout)
	}
	return t.Format(crm.LocalDateTimeLayout)
}

// normalizeDates reads EXDATE / RDATE values in the form of the start
// (dates for an all-day meeting), without repeats.
func normalizeDates(field string, vs []string, allDay bool) ([]string, error) {
	if len(vs) > maxDates {
		return nil, crm.FieldError(crm.CodeInvalidInput, field, fmt.Sprintf("at most %d dates", maxDates))
	}
	var out []string
	for i, v := range vs {
		t, date, err := parseLocal(v)
		if err != nil {
			return nil, crm.FieldError(crm.CodeEventInvalidTime, fmt.Sprintf("%s.%d", field, i), fmt.Sprintf("%q is not a date or time", v))
		}
		s := formatLocal(t, allDay || date)
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Attendee roles and states accepted as input.
var (
	roles    = []string{crm.RoleRequired, crm.RoleOptional, crm.RoleChair, "non-participant"}
	partStat = []string{crm.PartNeedsAction, crm.PartAccepted, crm.PartDeclined, crm.PartTentative, "delegated"}
)

func normalizeAttendees(as []crm.Attendee) ([]crm.Attendee, error) {
	if len(as) > MaxAttendees {
		return nil, crm.FieldError(crm.CodeInvalidInput, "attendees", fmt.Sprintf("a meeting can have at most %d attendees", MaxAttendees))
	}
	var out []crm.Attendee
	seen := map[string]bool{}
	for i, a := range as {
		field := fmt.Sprintf("attendees.%d", i)
		a, err := normalizeAttendee(field, a)
		if err != nil {
			return nil, err
		}
		if a.Email == "" {
			if a.Name == "" {
				continue // an empty row of the form
			}
			return nil, crm.FieldError(crm.CodeEmailInvalid, field, fmt.Sprintf("%s needs an e-mail address", a.Name))
		}
		if k := crm.EmailKey(a.Email); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out, nil
}

func normalizeOrganizer(a crm.Attendee) (crm.Attendee, error) {
	a, err := normalizeAttendee("organizer", a)
	if err != nil {
		return a, err
	}
	if a.Email == "" {
		return crm.Attendee{}, nil
	}
	return a, nil
}

// normalizeAttendee trims an attendee, checks the e-mail and defaults the
// role and state. The contact link is not stored: it is found on reading.
func normalizeAttendee(field string, a crm.Attendee) (crm.Attendee, error) {
	a.Name = crm.CleanLine(a.Name)
	a.Email = strings.TrimSpace(a.Email)
	if len(a.Email) >= 7 && strings.EqualFold(a.Email[:7], "mailto:") {
		a.Email = strings.TrimSpace(a.Email[7:])
	}
	a.ContactID = ""
	if a.Email != "" {
		if err := crm.ValidateEmail(a.Email); err != nil {
			return a, crm.FieldError(crm.CodeEmailInvalid, field, err.Error())
		}
	}
	a.Role, a.Status = strings.ToLower(strings.TrimSpace(a.Role)), strings.ToLower(strings.TrimSpace(a.Status))
	if a.Role == "" {
		a.Role = crm.RoleRequired
	}
	if !slices.Contains(roles, a.Role) {
		return a, crm.FieldError(crm.CodeInvalidInput, field, fmt.Sprintf("%q is not an attendee role", a.Role))
	}
	if a.Status == "" {
		a.Status = crm.PartNeedsAction
	}
	if !slices.Contains(partStat, a.Status) {
		return a, crm.FieldError(crm.CodeInvalidInput, field, fmt.Sprintf("%q is not an attendee answer", a.Status))
	}
	return a, nil
}

// ChangedFields names the fields that differ between two versions of a
// meeting, as the journal records them.
func ChangedFields(a, b crm.Event) []string {
	var out crm.FieldChanges
	out.Add("calendarId", a.CalendarID != b.CalendarID)
	out.Add("title", a.Title != b.Title)
	out.Add("location", a.Location != b.Location)
	out.Add("notes", a.Notes != b.Notes)
	out.Add("start", a.Start != b.Start)
	out.Add("end", a.End != b.End)
	out.Add("allDay", a.AllDay != b.AllDay)
	out.Add("timeZone", a.TimeZone != b.TimeZone)
	out.Add("rrule", a.RRule != b.RRule)
	out.Add("exDates", !slices.Equal(a.ExDates, b.ExDates))
	out.Add("rDates", !slices.Equal(a.RDates, b.RDates))
	out.Add("attendees", !sameAttendees(a.Attendees, b.Attendees))
	out.Add("organizer", stripContact(a.Organizer) != stripContact(b.Organizer))
	out.Add("reminders", !slices.Equal(a.Reminders, b.Reminders))
	out.Add("busy", a.Busy != b.Busy)
	out.Add("private", a.Private != b.Private)
	out.Add("categories", !slices.Equal(a.Categories, b.Categories))
	out.Add("status", a.Status != b.Status)
	out.Add("overrides", !sameOverrides(a.Overrides, b.Overrides))
	out.Add("recurrenceId", a.RecurrenceID != b.RecurrenceID)
	return out
}

func stripContact(a crm.Attendee) crm.Attendee {
	a.ContactID = ""
	return a
}

func sameAttendees(a, b []crm.Attendee) bool {
	return slices.EqualFunc(a, b, func(x, y crm.Attendee) bool { return stripContact(x) == stripContact(y) })
}

func sameOverrides(a, b []crm.Occurrence) bool {
	return slices.EqualFunc(a, b, func(x, y crm.Occurrence) bool {
		if x.RecurrenceID != y.RecurrenceID {
			return false
		}
		return len(ChangedFields(crm.Event{EventFields: x.Fields}, crm.Event{EventFields: y.Fields})) == 0
	})
}
