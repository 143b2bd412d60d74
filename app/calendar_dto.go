package app

import (
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
)

// CalendarDTO is a calendar for the sidebar and the pickers.
type CalendarDTO struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Color     string `json:"color"` // "#RRGGBB"
	IsDefault bool   `json:"isDefault"`
	// CollectionID is the CalDAV collection it syncs with, "" for a local calendar.
	CollectionID string `json:"collectionId"`
	AccountName  string `json:"accountName"`
}

// CalendarInput creates or renames a calendar.
type CalendarInput struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// OccurrenceQuery asks for the occurrences in the window [From, To)
// (RFC 3339 instants) of the calendars CalendarIDs (all when empty).
type OccurrenceQuery struct {
	From        string   `json:"from"`
	To          string   `json:"to"`
	CalendarIDs []string `json:"calendarIds"`
}

// OccurrenceDTO is one occurrence of a meeting in the calendar views.
type OccurrenceDTO struct {
	EventID    string `json:"eventId"`
	CalendarID string `json:"calendarId"`
	Color      string `json:"color"`
	Title      string `json:"title"`
	Location   string `json:"location"`
	// Start and End are RFC 3339 instants.
	Start  string `json:"start"`
	End    string `json:"end"`
	AllDay bool   `json:"allDay"`
	// StartLocal and EndLocal are wall clocks (dates when AllDay) in TimeZone.
	StartLocal string `json:"startLocal"`
	EndLocal   string `json:"endLocal"`
	TimeZone   string `json:"timeZone"`
	Recurring  bool   `json:"recurring"`
	// RecurrenceID is the occurrence's original start, "" for a single meeting.
	RecurrenceID  string `json:"recurrenceId"`
	Busy          string `json:"busy"`
	Private       bool   `json:"private"`
	Status        string `json:"status"`
	AttendeeCount int    `json:"attendeeCount"`
	Version       int    `json:"version"`
}

// AttendeeDTO is an attendee or the organizer of a meeting; ContactID is
// the contact with this e-mail ("" when none).
type AttendeeDTO struct {
	Email     string `json:"email"`
	Name      string `json:"name"`
	Role      string `json:"role"`
	Status    string `json:"status"`
	ContactID string `json:"contactId"`
}

// ReminderDTO is an alarm before a meeting or a task's due time.
type ReminderDTO struct {
	MinutesBefore int `json:"minutesBefore"`
}

// OverrideDTO is one occurrence of a series changed on its own.
type OverrideDTO struct {
	RecurrenceID string `json:"recurrenceId"`
	Start        string `json:"start"`
	End          string `json:"end"`
	Title        string `json:"title"`
	Location     string `json:"location"`
	Notes        string `json:"notes"`
	Cancelled    bool   `json:"cancelled"`
}

// EventInput is what the meeting editor sends. Start and End are wall
// clocks in TimeZone ("" floating), or dates when AllDay (End exclusive).
type EventInput struct {
	CalendarID string        `json:"calendarId"`
	Title      string        `json:"title"`
	Location   string        `json:"location"`
	Notes      string        `json:"notes"`
	Start      string        `json:"start"`
	End        string        `json:"end"`
	AllDay     bool          `json:"allDay"`
	TimeZone   string        `json:"timeZone"`
	RRule      string        `json:"rrule"`
	ExDates    []string      `json:"exDates"`
	Attendees  []AttendeeDTO `json:"attendees"`
	Reminders  []ReminderDTO `json:"reminders"`
	Busy       string        `json:"busy"`
	Private    bool          `json:"private"`
	Categories []string      `json:"categories"`
	Status     string        `json:"status"`
}

// EventDTO is a whole meeting for its editor and detail.
type EventDTO struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	UID     string `json:"uid"`
	EventInput
	Organizer AttendeeDTO   `json:"organizer"`
	Overrides []OverrideDTO `json:"overrides"`
	// OriginalTZID is the TZID text as received, "" for a meeting made here.
	OriginalTZID string `json:"originalTzid"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// EventUpdate is an edit of a meeting the user saw at Version; Scope is
// "all", "this" or "following" (RecurrenceID names the occurrence).
type EventUpdate struct {
	ID           string     `json:"id"`
	Version      int        `json:"version"`
	Scope        string     `json:"scope"`
	RecurrenceID string     `json:"recurrenceId"`
	Input        EventInput `json:"input"`
}

// MoveRequest is a drag or resize to the instants Start and End (RFC 3339).
type MoveRequest struct {
	ID           string `json:"id"`
	Version      int    `json:"version"`
	Scope        string `json:"scope"`
	RecurrenceID string `json:"recurrenceId"`
	Start        string `json:"start"`
	End          string `json:"end"`
}

// EventDelete deletes a meeting, one occurrence, or it and the following ones.
type EventDelete struct {
	ID           string `json:"id"`
	Version      int    `json:"version"`
	Scope        string `json:"scope"`
	RecurrenceID string `json:"recurrenceId"`
}

// TimelineItemDTO is a meeting on a contact's timeline.
type TimelineItemDTO struct {
	Kind         string `json:"kind"` // "meeting"
	EventID      string `json:"eventId"`
	RecurrenceID string `json:"recurrenceId"`
	Title        string `json:"title"`
	Start        string `json:"start"`
	End          string `json:"end"`
	Location     string `json:"location"`
	Notes        string `json:"notes"`
}

func toCalendarDTO(c crm.Calendar, account string) CalendarDTO {
	return CalendarDTO{ID: c.ID, Name: c.Name, Color: c.Color, IsDefault: c.Default, CollectionID: c.CollectionID, AccountName: account}
}

func instant(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func toOccurrenceDTO(o calendar.Occurrence) OccurrenceDTO {
	return OccurrenceDTO{
		EventID: o.EventID, CalendarID: o.CalendarID, Color: o.Color, Title: o.Title, Location: o.Location,
		Start: instant(o.Start), End: instant(o.End), AllDay: o.AllDay, StartLocal: o.StartLocal, EndLocal: o.EndLocal,
		TimeZone: o.TimeZone, Recurring: o.Recurring, RecurrenceID: o.RecurrenceID, Busy: o.Busy, Private: o.Private,
		Status: o.Status, AttendeeCount: o.AttendeeCount, Version: o.Version,
	}
}

func toAttendeeDTO(a crm.Attendee) AttendeeDTO {
	return AttendeeDTO{Email: a.Email, Name: a.Name, Role: a.Role, Status: a.Status, ContactID: a.ContactID}
}

func toRemindersDTO(rs []crm.Reminder) []ReminderDTO {
	out := make([]ReminderDTO, len(rs))
	for i, r := range rs {
		out[i] = ReminderDTO(r)
	}
	return out
}

func fromRemindersDTO(rs []ReminderDTO) []crm.Reminder {
	if len(rs) == 0 {
		return nil
	}
	out := make([]crm.Reminder, len(rs))
	for i, r := range rs {
		out[i] = crm.Reminder(r)
	}
	return out
}

// orEmpty gives the UI [] instead of null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toEventDTO(e crm.Event) EventDTO {
	d := EventDTO{
		ID: e.ID, Version: e.Version, UID: e.UID,
		EventInput: EventInput{
			CalendarID: e.CalendarID, Title: e.Title, Location: e.Location, Notes: e.Notes,
			Start: e.Start, End: e.End, AllDay: e.AllDay, TimeZone: e.TimeZone, RRule: e.RRule,
			ExDates: orEmpty(e.ExDates), Attendees: make([]AttendeeDTO, len(e.Attendees)),
			Reminders: toRemindersDTO(e.Reminders), Busy: e.Busy, Private: e.Private,
			Categories: orEmpty(e.Categories), Status: e.Status,
		},
		Organizer: toAttendeeDTO(e.Organizer), Overrides: make([]OverrideDTO, len(e.Overrides)),
		OriginalTZID: e.OriginalTZID, CreatedAt: instant(e.CreatedAt), UpdatedAt: instant(e.UpdatedAt),
	}
	for i, a := range e.Attendees {
		d.Attendees[i] = toAttendeeDTO(a)
	}
	for i, o := range e.Overrides {
		d.Overrides[i] = OverrideDTO{RecurrenceID: o.RecurrenceID, Start: o.Fields.Start, End: o.Fields.End,
			Title: o.Fields.Title, Location: o.Fields.Location, Notes: o.Fields.Notes,
			Cancelled: o.Fields.Status == calendar.StatusCancelled}
	}
	return d
}

// fields lays the editor's input over base (the stored meeting), so what
// the editor does not show (organizer, extra dates) is kept.
func (in EventInput) fields(base crm.EventFields) crm.EventFields {
	f := base
	f.Title, f.Location, f.Notes = in.Title, in.Location, in.Notes
	f.Start, f.End, f.AllDay, f.TimeZone = in.Start, in.End, in.AllDay, in.TimeZone
	f.RRule, f.ExDates = in.RRule, in.ExDates
	f.Attendees = make([]crm.Attendee, len(in.Attendees))
	for i, a := range in.Attendees {
		f.Attendees[i] = crm.Attendee{Email: a.Email, Name: a.Name, Role: a.Role, Status: a.Status}
	}
	f.Reminders = fromRemindersDTO(in.Reminders)
	f.Busy, f.Private, f.Categories, f.Status = in.Busy, in.Private, in.Categories, in.Status
	return f
}

func toTimelineDTO(it calendar.TimelineItem) TimelineItemDTO {
	return TimelineItemDTO{Kind: "meeting", EventID: it.EventID, RecurrenceID: it.RecurrenceID, Title: it.Title,
		Start: instant(it.Start), End: instant(it.End), Location: it.Location, Notes: it.Notes}
}
