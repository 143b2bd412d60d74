package app

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/tasks"
)

// TaskQuery asks for one task list ("today", "overdue", "upcoming", "all",
// "done"), only the tasks of ContactID when it is set.
type TaskQuery struct {
	List      string `json:"list"`
	ContactID string `json:"contactId,omitempty"`
}

// TaskInput is what the task editor sends. Due and Start are wall clocks
// in TimeZone ("" floating), dates (all day) or "".
type TaskInput struct {
	CalendarID      string        `json:"calendarId"`
	Title           string        `json:"title"`
	Notes           string        `json:"notes"`
	Due             string        `json:"due"`
	Start           string        `json:"start"`
	TimeZone        string        `json:"timeZone"`
	Priority        int           `json:"priority"`
	Status          string        `json:"status"`
	PercentComplete int           `json:"percentComplete"`
	RRule           string        `json:"rrule"`
	Reminders       []ReminderDTO `json:"reminders"`
	Categories      []string      `json:"categories"`
	ContactID       string        `json:"contactId"`
	CompanyID       string        `json:"companyId"`
	DealID          string        `json:"dealId"`
}

// TaskDTO is a task for the lists and the editor.
type TaskDTO struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	TaskInput
	// DueAt is the due instant (RFC 3339), "" for a date or no due date.
	DueAt string `json:"dueAt"`
	// AllDay: Due is a date.
	AllDay bool `json:"allDay"`
	// CompletedAt is RFC 3339, "" while open.
	CompletedAt string `json:"completedAt"`
	ContactName string `json:"contactName"`
	CompanyName string `json:"companyName"`
	Overdue     bool   `json:"overdue"`
}

func (in TaskInput) fields() crm.TaskFields {
	return crm.TaskFields{Title: in.Title, Notes: in.Notes, Due: in.Due, Start: in.Start, TimeZone: in.TimeZone,
		Priority: in.Priority, Status: in.Status, PercentComplete: in.PercentComplete, RRule: in.RRule,
		Reminders: fromRemindersDTO(in.Reminders), Categories: in.Categories,
		ContactID: in.ContactID, CompanyID: in.CompanyID, DealID: in.DealID}
}

func toTaskDTO(it tasks.Item) TaskDTO {
	t := it.Task
	d := TaskDTO{ID: t.ID, Version: t.Version,
		TaskInput: TaskInput{CalendarID: t.CalendarID, Title: t.Title, Notes: t.Notes, Due: t.Due, Start: t.Start,
			TimeZone: t.TimeZone, Priority: t.Priority, Status: t.Status, PercentComplete: t.PercentComplete,
			RRule: t.RRule, Reminders: toRemindersDTO(t.Reminders), Categories: orEmpty(t.Categories),
			ContactID: t.ContactID, CompanyID: t.CompanyID, DealID: t.DealID},
		AllDay: it.AllDay, CompletedAt: t.CompletedAt, ContactName: it.ContactName, CompanyName: it.CompanyName,
		Overdue: it.Overdue}
	if it.DueAt != nil {
		d.DueAt = instant(*it.DueAt)
	}
	return d
}
