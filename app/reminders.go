package app

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/reminders"
	"fieldbook/backend/store"
)

// ActiveReminderDTO is a reminder that fired (the contract's ReminderDTO; the name
// ReminderDTO is the {minutesBefore} of a meeting): the in-app list and the payload of
// EventReminderDue.
type ActiveReminderDTO struct {
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

func activeReminderDTO(r reminders.Reminder) ActiveReminderDTO {
	return ActiveReminderDTO{
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
	clock   crm.Clock
	zone    func() *time.Location
}

// NewRemindersService builds the service over cfg (its Notifier is set
// here: the in-app event, then the desktop notifier given to Start).
func NewRemindersService(ctx context.Context, cfg reminders.Config, events Emitter) *RemindersService {
	s := &RemindersService{ctx: ctx, events: events, clock: cfg.Clock, zone: func() *time.Location { return time.Local }}
	if s.clock == nil {
		s.clock = crm.SystemClock{}
	}
	cfg.Notifier = reminders.NotifierFunc(s.notify)
	s.sched = reminders.New(cfg)
	return s
}

// notify announces in the app, then on the desktop.
func (s *RemindersService) notify(ctx context.Context, r reminders.Reminder) error {
	if s.events != nil {
		s.events.Emit(EventReminderDue, activeReminderDTO(r))
	}
	if d := s.desktop.Load(); d != nil {
		return (*d).Notify(ctx, r) // reported once, then silent (in-app only)
	}
	return nil
}

// Active returns the reminders that fired and are neither snoozed nor
// dismissed, earliest first.
func (s *RemindersService) Active() ([]ActiveReminderDTO, error) {
	rs, err := s.sched.Active(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ActiveReminderDTO, len(rs))
	for i, r := range rs {
		out[i] = activeReminderDTO(r)
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
func (s *Services) StartReminders(ctx context.Context, desktop Desktop) {
	if desktop != nil {
		r := s.Reminders
		var n reminders.Notifier = &desktopNotifier{desktop: desktop, clock: r.clock, zone: r.zone}
		r.desktop.Store(&n)
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
var kickOn = map[string]bool{EventCalendarChanged: true, EventTasksChanged: true}

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

// Desktop is the system's notification service (the Wails runtime's).
type Desktop interface {
	// Init prepares notifications; an error means there are none (a Linux
	// without a D-Bus session).
	Init() error
	// Send shows one notification.
	Send(id, title, body string) error
}

// desktopNotifier shows reminders through Desktop. When it cannot (Init or
// a Send failed) it stops trying and does nothing: the in-app reminder
// shows anyway. The first failure is returned, to be logged.
type desktopNotifier struct {
	desktop Desktop
	clock   crm.Clock
	zone    func() *time.Location

	mu      sync.Mutex
	tried   bool
	useless bool
}

// Notify sends the desktop notification, or nothing when unavailable.
func (d *desktopNotifier) Notify(ctx context.Context, r reminders.Reminder) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.tried {
		d.tried = true
		if err := within(ctx, d.desktop.Init); err != nil {
			d.useless = true
			return fmt.Errorf("app: no desktop notifications, reminders show in the app only: %w", err)
		}
	}
	if d.useless {
		return nil
	}
	title, body := ReminderText(r, d.clock.Now(), d.zone())
	if err := within(ctx, func() error { return d.desktop.Send(r.Key().ID(), title, body) }); err != nil {
		d.useless = true
		return fmt.Errorf("app: desktop notification failed, reminders show in the app only: %w", err)
	}
	return nil
}

// within runs fn but returns when ctx ends even if fn does not (a D-Bus
// call without a reply must not hold up the app's shutdown).
func within(ctx context.Context, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// newRemindersService builds the reminders over the database; cal reads
// zones (the user's, and those only a meeting's VTIMEZONE defines).
func newRemindersService(ctx context.Context, db *store.DB, cal *calendar.Service, cfg Config) *RemindersService {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	zone := func() *time.Location {
		loc, err := cal.UserLocation(ctx)
		if err != nil {
			log.Warn("reminders: cannot read the user's zone, using UTC", "err", err)
			return time.UTC
		}
		return loc
	}
	var reported sync.Map // each unreadable item is logged once, not every check
	src := reminders.CalendarSource{Store: db, UserZone: zone,
		Locate: func(tz, vtimezones string) (*time.Location, error) { return cal.Location(ctx, tz, vtimezones) },
		Skipped: func(kind, id string, err error) {
			if _, seen := reported.LoadOrStore(kind+"/"+id, true); !seen {
				log.Warn("reminders: skipped an unreadable item", "kind", kind, "id", id, "err", err)
			}
		}}
	s := NewRemindersService(ctx, reminders.Config{Source: src, State: db, Clock: cfg.Clock,
		OnError: func(err error) { log.Error("reminders", "err", err) }}, cfg.Events)
	s.zone = zone
	return s
}
