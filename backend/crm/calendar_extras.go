package crm

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Journal entity names of the calendar records.
const (
	EntityEvent = "event"
	EntityTask  = "task"
)

// Error codes of calendars, meetings and tasks.
const (
	// CodeCalendarNotEmpty refuses deleting a calendar that still holds
	// meetings or tasks.
	CodeCalendarNotEmpty = "calendar_not_empty"
	// CodeEventInvalidTime is a meeting whose end is before its start, or a
	// start or end that is not a wall-clock time or date.
	CodeEventInvalidTime = "event_invalid_time"
	// CodeRRuleInvalid is a recurrence rule that does not parse.
	CodeRRuleInvalid = "rrule_invalid"
	// CodeZoneUnknown is a time zone name Fieldbook does not know.
	CodeZoneUnknown = "zone_unknown"
	// CodeTaskInvalid is a task Fieldbook cannot store as given.
	CodeTaskInvalid = "task_invalid"
)

// EmailKey is the form in which attendee and contact e-mails are compared:
// trimmed, without a "mailto:" prefix, ASCII letters in lower case (as
// SQLite's lower() does, so keys made in SQL and in Go agree).
func EmailKey(email string) string {
	e := strings.TrimSpace(email)
	if len(e) >= 7 && strings.EqualFold(e[:7], "mailto:") {
		e = strings.TrimSpace(e[7:])
	}
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, e)
}

// Task lists.
const (
	TaskListToday    = "today"
	TaskListOverdue  = "overdue"
	TaskListUpcoming = "upcoming"
	TaskListAll      = "all"
	TaskListDone     = "done"
)

// TaskListQuery selects a task list. Now and the user's day (DayStart ≤ t
// < DayEnd as instants, Today as a date "2006-01-02") come from the
// caller's clock and zone: a task due at a time compares its DueUTC with
// them, a task due on a date compares the date with Today.
type TaskListQuery struct {
	List             string // TaskList*; "" is TaskListAll
	Now              time.Time
	DayStart, DayEnd time.Time
	Today            string
	ContactID        string // only tasks linked to this contact, when set
	CompanyID        string // only tasks linked to this company, when set
	Limit            int    // 0: no limit
}

// MaxReminders and MaxReminderMinutes bound the reminders of a meeting or task.
const (
	MaxReminders       = 10
	MaxReminderMinutes = 4 * 7 * 24 * 60 // four weeks
)

// CleanReminders drops repeated reminders and sorts them (nearest the start
// first); each must be between 0 minutes and four weeks before, at most
// MaxReminders of them (*Error with CodeInvalidInput otherwise).
func CleanReminders(rs []Reminder) ([]Reminder, error) {
	if len(rs) > MaxReminders {
		return nil, FieldError(CodeInvalidInput, "reminders", fmt.Sprintf("at most %d reminders", MaxReminders))
	}
	var out []Reminder
	for i, r := range rs {
		if r.MinutesBefore < 0 || r.MinutesBefore > MaxReminderMinutes {
			return nil, FieldError(CodeInvalidInput, fmt.Sprintf("reminders.%d", i), "a reminder is between 0 minutes and 4 weeks before")
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Reminder) int { return a.MinutesBefore - b.MinutesBefore })
	return out, nil
}
