package crm

import "time"

// Local date-time forms used by events and tasks. A wall-clock value is
// read in the record's TimeZone (or the user's zone when floating); a date
// is an all-day value and never becomes an instant at midnight UTC.
const (
	LocalDateTimeLayout = "2006-01-02T15:04:05"
	LocalDateLayout     = "2006-01-02"
)

// Busy states of a meeting (iCalendar TRANSP and Outlook's
// X-MICROSOFT-CDO-BUSYSTATUS).
const (
	BusyBusy        = "busy"
	BusyFree        = "free"
	BusyTentative   = "tentative"
	BusyOutOfOffice = "oof"
)

// Attendee roles and participation states (iCalendar ROLE, PARTSTAT).
const (
	RoleRequired = "required"
	RoleOptional = "optional"
	RoleChair    = "chair"

	PartNeedsAction = "needs-action"
	PartAccepted    = "accepted"
	PartDeclined    = "declined"
	PartTentative   = "tentative"
)

// Task states (iCalendar VTODO STATUS).
const (
	TaskNeedsAction = "needs-action"
	TaskInProcess   = "in-process"
	TaskCompleted   = "completed"
	TaskCancelled   = "cancelled"
)

// Attendee is one person invited to a meeting. ContactID is filled in by
// Fieldbook when the e-mail belongs to a contact; it is not synced.
type Attendee struct {
	Email     string
	Name      string
	Role      string // RoleRequired (default), RoleOptional, RoleChair
	Status    string // PartNeedsAction (default), PartAccepted, ...
	ContactID string
}

// Reminder is an alarm before a meeting starts or a task is due.
type Reminder struct {
	MinutesBefore int
}

// EventFields are the parts of a meeting a user edits and that sync.
type EventFields struct {
	Title    string
	Location string
	Notes    string
	// Start and End are wall-clock values (LocalDateTimeLayout) in
	// TimeZone, or dates (LocalDateLayout) when AllDay; End of an all-day
	// event is exclusive, as in iCalendar.
	Start  string
	End    string
	AllDay bool
	// TimeZone is an IANA zone name, "" for a floating time, or, for a
	// zone Fieldbook could only read from the object's own VTIMEZONE, the
	// TZID text as received.
	TimeZone string
	// RRule is the RFC 5545 RRULE value ("FREQ=WEEKLY;BYDAY=MO"), "" for a
	// single meeting. ExDates and RDates are in the form of Start.
	RRule      string
	ExDates    []string
	RDates     []string
	Attendees  []Attendee
	Organizer  Attendee
	Reminders  []Reminder
	Busy       string // BusyBusy (default), BusyFree, BusyTentative, BusyOutOfOffice
	Private    bool
	Categories []string
	// Status is "confirmed" (default), "tentative" or "cancelled".
	Status string
	// Overrides are occurrences of a series changed on their own, keyed by
	// RecurrenceID (the occurrence's original start, in the form of Start).
	Overrides []Occurrence
	// RecurrenceID is set on an override kept without its series (an
	// invitation to one occurrence); it is then a single meeting.
	RecurrenceID string
}

// Occurrence is one changed occurrence of a series.
type Occurrence struct {
	RecurrenceID string
	// Fields of the occurrence; RRule, ExDates, RDates and Overrides are
	// empty in it. Cancelled marks an occurrence the organiser cancelled.
	Fields EventFields
}

// Event is a meeting (VEVENT) in one of the user's calendars.
type Event struct {
	ID         string
	CalendarID string
	EventFields
	// UID is the iCalendar UID, kept byte for byte (Exchange GOIDs are
	// long); chosen here for meetings made in Fieldbook.
	UID string
	// StartUTC and EndUTC are the first occurrence's instants; SeriesEndUTC
	// is the end of the last occurrence (nil: the series never ends).
	StartUTC     time.Time
	EndUTC       time.Time
	SeriesEndUTC *time.Time
	// OriginalTZID is the TZID text as received ("W. Europe Standard
	// Time"), written back unchanged so Outlook keeps matching the series.
	OriginalTZID string
	// Zones holds the raw VTIMEZONE blocks the object uses (as received),
	// so a zone known only from them can be rebuilt; "" when none.
	Zones     string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// TaskFields are the parts of a task (follow-up) a user edits and that sync.
type TaskFields struct {
	Title string
	Notes string
	// Due and Start are wall-clock values in TimeZone or dates, "" for none.
	Due      string
	Start    string
	TimeZone string
	// Priority follows iCalendar: 0 none, 1–4 high, 5 medium, 6–9 low.
	Priority        int
	Status          string // TaskNeedsAction (default), TaskInProcess, TaskCompleted, TaskCancelled
	PercentComplete int
	// CompletedAt is the UTC instant (RFC 3339) the task was completed, "" if not.
	CompletedAt string
	RRule       string
	Reminders   []Reminder
	Categories  []string
	// Links to the records the task is about; local to Fieldbook.
	ContactID string
	CompanyID string
	DealID    string
}

// Task is a follow-up (VTODO) in one of the user's calendars.
type Task struct {
	ID         string
	CalendarID string
	TaskFields
	UID          string
	DueUTC       *time.Time
	OriginalTZID string
	// Zones holds the raw VTIMEZONE blocks the object uses; "" when none.
	Zones     string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// Calendar is a local calendar, possibly synced with a CalDAV collection.
type Calendar struct {
	ID    string
	Name  string
	Color string // "#RRGGBB"
	// CollectionID links the calendar to a server collection; "" is local only.
	CollectionID string
	// Default marks where new meetings and tasks go.
	Default   bool
	CreatedAt time.Time
}
