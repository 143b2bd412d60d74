package app

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/reminders"
)

// ReminderDTO is a reminder that fired: the in-app list and the payload of
// EventReminderDue.
type ReminderDTO struct {
	// ID names the reminder for Snooze and Dismiss.
	ID           string `json:"id"`
	Kind         string `json:"kind"` // "event" | "task"
	ItemID       string `json:"itemId"`
	RecurrenceID string `json:"recurrenceId"` // the occurrence of a series, "" otherwise
	Title        string `json:"title"`
	// Start is the meeting's (occurrence's) start or the task's due, RFC 3339 UTC.
	Start string `json:"start"`
	// At is the reminder's time, RFC 3339 UTC.
	At       string `json:"at"`
	Location string `json:"location"`
}

func reminderDTO(r reminders.Reminder) ReminderDTO {
	return ReminderDTO{
		ID: r.Key().ID(), Kind: r.Kind, ItemID: r.ItemID, RecurrenceID: r.RecurrenceID, Title: r.Title,
		Start: r.Start.UTC().Format(time.RFC3339), At: r.At().UTC().Format(time.RFC3339), Location: r.Location,
	}
}

// RemindersService is bound to the front end: the reminders that fired and
// are still open, snooze and dismiss. The scheduler behind it announces
// each reminder in the app (EventReminderDue) and on the desktop.
type RemindersService struct {
	ctx     context.Context
	sched   *reminders.Scheduler
	events  Emitter
	desktop atomic.Pointer[reminders.Notifier]
}

// NewRemindersService builds the service over cfg (its Notifier is set
// here: the in-app event, then the desktop notifier given to Start).
func NewRemindersService(ctx context.Context, cfg reminders.Config, events Emitter) *RemindersService {
	s := &RemindersService{ctx: ctx, events: events}
	cfg.Notifier = reminders.NotifierFunc(s.notify)
	s.sched = reminders.New(cfg)
	return s
}

// notify announces in the app, then on the desktop (whose failure is not
// an error: the in-app one has shown it).
func (s *RemindersService) notify(ctx context.Context, r reminders.Reminder) error {
	if s.events != nil {
		s.events.Emit(EventReminderDue, reminderDTO(r))
	}
	if d := s.desktop.Load(); d != nil {
		_ = (*d).Notify(ctx, r) // the desktop one falls back silently
	}
	return nil
}

// Active returns the reminders that fired and are neither snoozed nor
// dismissed, earliest first.
func (s *RemindersService) Active() ([]ReminderDTO, error) {
	rs, err := s.sched.Active(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ReminderDTO, len(rs))
	for i, r := range rs {
		out[i] = reminderDTO(r)
	}
	return out, nil
}

// Snooze hides a reminder for minutes (1 to 10,080); it fires again then.
func (s *RemindersService) Snooze(id string, minutes int) error {
	k, err := reminderKey(id)
	if err != nil {
		return err
	}
	return s.sched.Snooze(s.ctx, k, time.Duration(minutes)*time.Minute)
}

// Dismiss ends a reminder.
func (s *RemindersService) Dismiss(id string) error {
	k, err := reminderKey(id)
	if err != nil {
		return err
	}
	return s.sched.Dismiss(s.ctx, k)
}

func reminderKey(id string) (reminders.Key, error) {
	k, err := reminders.ParseID(id)
	if err != nil {
		return reminders.Key{}, crm.FieldError(crm.CodeInvalidInput, "id", "not a reminder id: "+id)
	}
	return k, nil
}

// Reminder lifecycle, kept off RemindersService so the front end cannot
// call it.

// StartReminders starts the reminder scheduler (it catches up at once);
// desktop, when not nil, shows each reminder as a desktop notification too.
func (s *Services) StartReminders(ctx context.Context, desktop reminders.Notifier) {
	if desktop != nil {
		s.Reminders.desktop.Store(&desktop)
	}
	s.Reminders.sched.Start(ctx)
}

// StopReminders stops the reminder scheduler.
func (s *Services) StopReminders() { s.Reminders.sched.Stop() }

// kickingEmitter forwards events and has the reminders check at once after
// a change to meetings or tasks (from the UI, an import or a sync).
type kickingEmitter struct {
	Emitter
	kick func()
}

// kickOn are the events after which reminders are checked again.
var kickOn = map[string]bool{"calendar:changed": true, "tasks:changed": true}

func (k kickingEmitter) Emit(event string, data ...any) {
	if k.Emitter != nil {
		k.Emitter.Emit(event, data...)
	}
	if kickOn[event] {
		k.kick()
	}
}

// ReminderText is the title and body of a desktop notification: the
// meeting's or task's title, and when (in loc: the time, with the date
// when it is not today at now) and where.
func ReminderText(r reminders.Reminder, now time.Time, loc *time.Location) (title, body string) {
	title = strings.TrimSpace(r.Title)
	if title == "" {
		title = "…"
	}
	start := r.Start.In(loc)
	when := start.Format("15:04")
	if y, m, d := now.In(loc).Date(); y != start.Year() || m != start.Month() || d != start.Day() {
		when = start.Format("2006-01-02 15:04")
	}
	if !r.End.IsZero() && r.End.After(r.Start) {
		end := r.End.In(loc)
		if end.Year() == start.Year() && end.YearDay() == start.YearDay() {
			when += "–" + end.Format("15:04")
		} else {
			when += " – " + end.Format("2006-01-02 15:04")
		}
	}
	body = when
	if loc := strings.TrimSpace(r.Location); loc != "" {
		body += " · " + loc
	}
	return title, body
}

// DesktopNotifier shows reminders through send (the Wails runtime's
// notifications) after init succeeds once; when init or send fails (no
// notification service, as on a Linux without D-Bus) it does nothing: the
// in-app reminder shows anyway.
type DesktopNotifier struct {
	Init  func() error
	Send  func(id, title, body string) error
	Clock crm.Clock
	Zone  func() *time.Location

	ready atomic.Int32 // 0 not tried, 1 usable, 2 unavailable
}

// Notify sends the desktop notification, or nothing when unavailable.
func (d *DesktopNotifier) Notify(_ context.Context, r reminders.Reminder) error {
	if d.ready.Load() == 0 {
		if d.Init != nil && d.Init() != nil {
			d.ready.Store(2)
		} else {
			d.ready.Store(1)
		}
	}
	if d.ready.Load() != 1 || d.Send == nil {
		return nil
	}
	loc := time.Local
	if d.Zone != nil {
		loc = d.Zone()
	}
	now := time.Now()
	if d.Clock != nil {
		now = d.Clock.Now()
	}
	title, body := ReminderText(r, now, loc)
	if err := d.Send(r.Key().ID(), title, body); err != nil {
		return fmt.Errorf("app: desktop notification: %w", err)
	}
	return nil
}
