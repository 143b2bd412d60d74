// Package tasks is the use-case layer for follow-ups (VTODO): it validates
// and normalises input, completes and reopens tasks, computes the today /
// overdue / upcoming lists against an injected clock and the user's zone,
// and resolves the names of the contact and company a task is about.
package tasks

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
)

// Store is what this package needs from persistence.
type Store interface {
	CreateTask(ctx context.Context, t crm.Task) error
	UpdateTask(ctx context.Context, t crm.Task, changed []string) error
	DeleteTask(ctx context.Context, id string, baseVersion int) (crm.Task, error)
	RestoreTask(ctx context.Context, id string) (crm.Task, error)
	Task(ctx context.Context, id string) (crm.Task, error)
	ListTasks(ctx context.Context, q crm.TaskListQuery) ([]crm.Task, error)
	LinkNames(ctx context.Context, contactIDs, companyIDs []string) (contacts, companies map[string]string, err error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	GetCompany(ctx context.Context, id string) (crm.Company, error)
	RetimeFloatingTasks(ctx context.Context, due func(crm.Task) (*time.Time, error)) (int, error)
	Calendar(ctx context.Context, id string) (crm.Calendar, error)
	EnsureDefaultCalendar(ctx context.Context, name, color string) (crm.Calendar, error)
}

// Zones tells the user's zone and resolves a task's zone.
type Zones interface {
	// UserLocation is the user's zone (floating and date values are read in it).
	UserLocation(ctx context.Context) (*time.Location, error)
	// Location resolves a task's TimeZone ("" is the user's zone) with the
	// VTIMEZONE blocks it carries; an unknown zone is crm.CodeZoneUnknown.
	Location(ctx context.Context, tz, vtimezones string) (*time.Location, error)
}

// RuleCheck validates a recurrence rule ("" is none); an invalid one is an
// *crm.Error with crm.CodeRRuleInvalid.
type RuleCheck func(rrule string) error

// Default calendar made when a task is created before any calendar exists.
const (
	DefaultCalendarName  = crm.DefaultCalendarName
	DefaultCalendarColor = crm.DefaultCalendarColor
)

// Limits on what a task holds.
const (
	maxTitle     = 500
	maxNotes     = 100_000
	maxListItems = 50
)

// Service manages tasks.
type Service struct {
	store Store
	clock crm.Clock
	zones Zones
	rule  RuleCheck
}

// New returns a Service over st, stamping changes with clock, reading
// times in zones and checking recurrence rules with rule.
func New(st Store, clock crm.Clock, zones Zones, rule RuleCheck) *Service {
	return &Service{store: st, clock: clock, zones: zones, rule: rule}
}

// Item is a task as lists and the detail show it: with the names of what
// it links to, its due instant and whether it is overdue now.
type Item struct {
	crm.Task
	ContactName string
	CompanyName string
	// DueAt is the due instant of a task due at a time; nil for a task due
	// on a date or with no due date.
	DueAt *time.Time
	// AllDay is set when Due is a date.
	AllDay  bool
	Overdue bool
}

// Create validates f and stores it as a new task in calendarID (the
// default calendar when "").
func (s *Service) Create(ctx context.Context, calendarID string, f crm.TaskFields) (Item, error) {
	now := s.clock.Now()
	t := crm.Task{ID: crm.NewID(now), UID: crm.NewID(now) + "@fieldbook", Version: 1, CreatedAt: now, UpdatedAt: now}
	var err error
	if t.CalendarID, err = s.calendarFor(ctx, calendarID); err != nil {
		return Item{}, err
	}
	if t.TaskFields, err = s.normalize(ctx, f, crm.TaskFields{}, now); err != nil {
		return Item{}, err
	}
	if t.DueUTC, err = s.dueUTC(ctx, t); err != nil {
		return Item{}, err
	}
	if err := s.store.CreateTask(ctx, t); err != nil {
		return Item{}, err
	}
	return s.Get(ctx, t.ID)
}

// calendarFor checks that calendar id exists, or picks the default one.
func (s *Service) calendarFor(ctx context.Context, id string) (string, error) {
	return crm.ResolveCalendar(ctx, s.store, id)
}

// Update replaces the fields of task id, which the user saw at
// baseVersion; a task changed since gives crm.CodeVersionConflict.
// calendarID "" keeps the task's calendar.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, calendarID string, f crm.TaskFields) (Item, error) {
	cur, err := s.live(ctx, id, baseVersion)
	if err != nil {
		return Item{}, err
	}
	now := s.clock.Now()
	next := cur
	if calendarID != "" && calendarID != cur.CalendarID {
		if next.CalendarID, err = s.calendarFor(ctx, calendarID); err != nil {
			return Item{}, err
		}
	}
	if next.TaskFields, err = s.normalize(ctx, f, cur.TaskFields, now); err != nil {
		return Item{}, err
	}
	return s.write(ctx, cur, next, now)
}

// live reads task id and checks it is live and at baseVersion.
func (s *Service) live(ctx context.Context, id string, baseVersion int) (crm.Task, error) {
	cur, err := s.store.Task(ctx, id)
	if err != nil {
		return cur, err
	}
	if cur.DeletedAt != nil {
		return cur, crm.Errorf(crm.CodeNotFound, "task %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return cur, crm.Errorf(crm.CodeVersionConflict,
			"task %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	return cur, nil
}

// write stores next over cur when something changed and returns the task
// as stored.
func (s *Service) write(ctx context.Context, cur, next crm.Task, now time.Time) (Item, error) {
	var err error
	if next.DueUTC, err = s.dueUTC(ctx, next); err != nil {
		return Item{}, err
	}
	changed := ChangedFields(cur, next)
	if len(changed) == 0 {
		return s.Get(ctx, cur.ID)
	}
	next.Version, next.UpdatedAt = cur.Version+1, now
	if err := s.store.UpdateTask(ctx, next, changed); err != nil {
		return Item{}, err
	}
	return s.Get(ctx, cur.ID)
}

// Complete marks task id done (status completed, 100 %, completed now) or,
// with done false, open again (needs-action, its completion cleared).
func (s *Service) Complete(ctx context.Context, id string, baseVersion int, done bool) (Item, error) {
	cur, err := s.live(ctx, id, baseVersion)
	if err != nil {
		return Item{}, err
	}
	now := s.clock.Now()
	next := cur
	if done {
		next.Status, next.PercentComplete = crm.TaskCompleted, 100
		if cur.Status != crm.TaskCompleted || cur.CompletedAt == "" {
			next.CompletedAt = now.UTC().Format(time.RFC3339)
		}
	} else {
		next.Status, next.CompletedAt = crm.TaskNeedsAction, ""
		if next.PercentComplete == 100 {
			next.PercentComplete = 0
		}
	}
	return s.write(ctx, cur, next, now)
}

// Delete tombstones task id, which the user saw at baseVersion.
func (s *Service) Delete(ctx context.Context, id string, baseVersion int) error {
	_, err := s.store.DeleteTask(ctx, id, baseVersion)
	return err
}

// Restore brings back a deleted task.
func (s *Service) Restore(ctx context.Context, id string) (Item, error) {
	if _, err := s.store.RestoreTask(ctx, id); err != nil {
		return Item{}, err
	}
	return s.Get(ctx, id)
}

// Get returns one task (live or deleted) with its names and due instant.
func (s *Service) Get(ctx context.Context, id string) (Item, error) {
	t, err := s.store.Task(ctx, id)
	if err != nil {
		return Item{}, err
	}
	items, err := s.items(ctx, []crm.Task{t})
	if err != nil {
		return Item{}, err
	}
	return items[0], nil
}

// List returns one task list (crm.TaskList*: today, overdue, upcoming,
// all, done), only the tasks of contactID when it is set. "Today" is the
// user's day in the user's zone at the clock's now.
func (s *Service) List(ctx context.Context, list, contactID string) ([]Item, error) {
	q, err := s.query(ctx, list)
	if err != nil {
		return nil, err
	}
	q.ContactID = contactID
	ts, err := s.store.ListTasks(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.items(ctx, ts)
}

// query builds the list query for now in the user's zone.
func (s *Service) query(ctx context.Context, list string) (crm.TaskListQuery, error) {
	loc, err := s.zones.UserLocation(ctx)
	if err != nil {
		return crm.TaskListQuery{}, err
	}
	now := s.clock.Now()
	local := now.In(loc)
	dayStart := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc)
	dayEnd := time.Date(local.Year(), local.Month(), local.Day()+1, 0, 0, 0, 0, loc)
	return crm.TaskListQuery{List: list, Now: now, DayStart: dayStart, DayEnd: dayEnd, Today: local.Format(crm.LocalDateLayout)}, nil
}

// items adds names, due instants and the overdue flag to tasks.
func (s *Service) items(ctx context.Context, ts []crm.Task) ([]Item, error) {
	var contactIDs, companyIDs []string
	for _, t := range ts {
		if t.ContactID != "" {
			contactIDs = append(contactIDs, t.ContactID)
		}
		if t.CompanyID != "" {
			companyIDs = append(companyIDs, t.CompanyID)
		}
	}
	slices.Sort(contactIDs)
	slices.Sort(companyIDs)
	contacts, companies, err := s.store.LinkNames(ctx, slices.Compact(contactIDs), slices.Compact(companyIDs))
	if err != nil {
		return nil, err
	}
	q, err := s.query(ctx, "")
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(ts))
	for i, t := range ts {
		it := Item{Task: t, ContactName: contacts[t.ContactID], CompanyName: companies[t.CompanyID], AllDay: isDate(t.Due)}
		open := t.DeletedAt == nil && t.Status != crm.TaskCompleted && t.Status != crm.TaskCancelled
		switch {
		case it.AllDay:
			it.Overdue = open && t.Due < q.Today
		case t.DueUTC != nil:
			d := *t.DueUTC
			it.DueAt = &d
			it.Overdue = open && d.Before(q.Now)
		}
		out[i] = it
	}
	return out, nil
}

// ZoneChanged recomputes the due instants of the tasks read in the user's
// zone (dates, and times without a zone) after the user's zone changed.
func (s *Service) ZoneChanged(ctx context.Context) error {
	_, err := s.store.RetimeFloatingTasks(ctx, func(t crm.Task) (*time.Time, error) { return s.dueUTC(ctx, t) })
	return err
}

// dueUTC is the instant stored for ordering and the lists: the due time in
// the task's zone, or the start of the due date in the user's zone.
func (s *Service) dueUTC(ctx context.Context, t crm.Task) (*time.Time, error) {
	if t.Due == "" {
		return nil, nil
	}
	var loc *time.Location
	var err error
	if isDate(t.Due) || t.TimeZone == "" {
		loc, err = s.zones.UserLocation(ctx)
	} else {
		loc, err = s.zones.Location(ctx, t.TimeZone, t.Zones)
	}
	if err != nil {
		return nil, err
	}
	return recurrence.DueInstant(t.Due, loc)
}

func isDate(s string) bool { return len(s) == len(crm.LocalDateLayout) }

// normalize trims and checks f; cur is the task before the edit (zero for
// a new one), for the fields only the server or Fieldbook set (zones).
func (s *Service) normalize(ctx context.Context, f, cur crm.TaskFields, now time.Time) (crm.TaskFields, error) {
	f.Title = crm.CleanLine(f.Title)
	if f.Title == "" {
		return f, crm.FieldError(crm.CodeTaskInvalid, "title", "a task needs a title")
	}
	if utf8.RuneCountInString(f.Title) > maxTitle {
		return f, crm.FieldError(crm.CodeTaskInvalid, "title", fmt.Sprintf("the title is longer than %d characters", maxTitle))
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(f.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.FieldError(crm.CodeTaskInvalid, "notes", fmt.Sprintf("the notes are longer than %d characters", maxNotes))
	}
	var err error
	if f.Due, err = normalizeWhen("due", f.Due); err != nil {
		return f, err
	}
	if f.Start, err = normalizeWhen("start", f.Start); err != nil {
		return f, err
	}
	if f.Due != "" && f.Start != "" && isDate(f.Due) == isDate(f.Start) && f.Due < f.Start {
		return f, crm.FieldError(crm.CodeTaskInvalid, "due", "the due date is before the start")
	}
	f.TimeZone = strings.TrimSpace(f.TimeZone)
	if (f.Due == "" || isDate(f.Due)) && (f.Start == "" || isDate(f.Start)) {
		f.TimeZone = "" // dates have no zone
	} else if f.TimeZone != "" {
		if _, err := s.zones.Location(ctx, f.TimeZone, ""); err != nil && f.TimeZone != cur.TimeZone {
			return f, err
		}
	}
	if f.Priority < 0 || f.Priority > 9 {
		return f, crm.FieldError(crm.CodeTaskInvalid, "priority", "priority goes from 0 (none) through 1 (highest) to 9 (lowest)")
	}
	switch f.Status {
	case "":
		f.Status = crm.TaskNeedsAction
	case crm.TaskNeedsAction, crm.TaskInProcess, crm.TaskCompleted, crm.TaskCancelled:
	default:
		return f, crm.FieldError(crm.CodeTaskInvalid, "status", fmt.Sprintf("%q is not a task status", f.Status))
	}
	if f.PercentComplete < 0 || f.PercentComplete > 100 {
		return f, crm.FieldError(crm.CodeTaskInvalid, "percentComplete", "percent complete goes from 0 to 100")
	}
	switch {
	case f.Status == crm.TaskCompleted:
		f.PercentComplete = 100
		if f.CompletedAt == "" {
			f.CompletedAt = now.UTC().Format(time.RFC3339)
		} else if _, err := time.Parse(time.RFC3339, f.CompletedAt); err != nil {
			return f, crm.FieldError(crm.CodeTaskInvalid, "completedAt", fmt.Sprintf("%q is not a time", f.CompletedAt))
		}
	default:
		f.CompletedAt = ""
	}
	f.RRule = strings.TrimSpace(f.RRule)
	if f.RRule != "" && f.Due == "" && f.Start == "" {
		return f, crm.FieldError(crm.CodeTaskInvalid, "rrule", "a repeating task needs a due date")
	}
	if s.rule != nil {
		if err := s.rule(f.RRule); err != nil {
			return f, err
		}
	}
	if f.Reminders, err = crm.CleanReminders(f.Reminders); err != nil {
		return f, err
	}
	if f.Categories = crm.CleanTags(f.Categories); len(f.Categories) > maxListItems {
		return f, crm.FieldError(crm.CodeTaskInvalid, "categories", fmt.Sprintf("a task can have at most %d categories", maxListItems))
	}
	if err := s.checkLinks(ctx, &f, cur); err != nil {
		return f, err
	}
	f.DealID = strings.TrimSpace(f.DealID)
	return f, nil
}

// checkLinks checks that the linked contact and company exist (a link kept
// from before may point to one deleted since) and fills the company from
// the contact when none is given.
func (s *Service) checkLinks(ctx context.Context, f *crm.TaskFields, cur crm.TaskFields) error {
	f.ContactID, f.CompanyID = strings.TrimSpace(f.ContactID), strings.TrimSpace(f.CompanyID)
	if f.ContactID != "" && f.ContactID != cur.ContactID {
		c, err := s.store.GetContact(ctx, f.ContactID)
		if err == nil && c.DeletedAt != nil {
			err = crm.Errorf(crm.CodeNotFound, "contact %s was deleted", f.ContactID)
		}
		if err != nil {
			return linkError(err, "contactId", "contact", f.ContactID)
		}
		if f.CompanyID == "" {
			f.CompanyID = c.CompanyID
		}
	}
	if f.CompanyID != "" && f.CompanyID != cur.CompanyID {
		c, err := s.store.GetCompany(ctx, f.CompanyID)
		if err == nil && c.DeletedAt != nil {
			err = crm.Errorf(crm.CodeNotFound, "company %s was deleted", f.CompanyID)
		}
		if err != nil {
			return linkError(err, "companyId", "company", f.CompanyID)
		}
	}
	return nil
}

func linkError(err error, field, what, id string) error {
	if crm.ErrorCode(err) == crm.CodeNotFound {
		return crm.FieldError(crm.CodeNotFound, field, fmt.Sprintf("the linked %s %s does not exist", what, id))
	}
	return err
}

// normalizeWhen checks a due or start value: "", a date or a wall-clock
// time (seconds optional, "T" or a space between date and time).
func normalizeWhen(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if t, err := time.Parse(crm.LocalDateLayout, v); err == nil {
		return t.Format(crm.LocalDateLayout), nil
	}
	for _, layout := range []string{crm.LocalDateTimeLayout, "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format(crm.LocalDateTimeLayout), nil
		}
	}
	return v, crm.FieldError(crm.CodeTaskInvalid, field, fmt.Sprintf("%q is not a date or time", v))
}

// ChangedFields names the fields that differ between two versions of a
// task, as the journal records them.
func ChangedFields(a, b crm.Task) []string {
	var out crm.FieldChanges
	out.Add("calendarId", a.CalendarID != b.CalendarID)
	out.Add("title", a.Title != b.Title)
	out.Add("notes", a.Notes != b.Notes)
	out.Add("due", a.Due != b.Due)
	out.Add("start", a.Start != b.Start)
	out.Add("timeZone", a.TimeZone != b.TimeZone)
	out.Add("priority", a.Priority != b.Priority)
	out.Add("status", a.Status != b.Status)
	out.Add("percentComplete", a.PercentComplete != b.PercentComplete)
	out.Add("completedAt", a.CompletedAt != b.CompletedAt)
	out.Add("rrule", a.RRule != b.RRule)
	out.Add("reminders", !slices.Equal(a.Reminders, b.Reminders))
	out.Add("categories", !slices.Equal(a.Categories, b.Categories))
	out.Add("contactId", a.ContactID != b.ContactID)
	out.Add("companyId", a.CompanyID != b.CompanyID)
	out.Add("dealId", a.DealID != b.DealID)
	return out
}
