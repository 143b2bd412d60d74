package reminders

import (
	"context"
	"errors"
	"time"
)

// Source tells which reminders fall in a time range.
type Source interface {
	// Reminders returns the reminder of every live meeting occurrence and
	// every open task whose time (Reminder.At) lies in [from, to], both
	// ends included; each occurrence's own reminder offsets count.
	Reminders(ctx context.Context, from, to time.Time) ([]Reminder, error)
}

// State keeps what happened to each reminder.
type State interface {
	// ReminderStates returns the saved entries of those keys that have
	// one, by Key.ID.
	ReminderStates(ctx context.Context, keys []Key) (map[string]Entry, error)
	// OpenReminders returns every entry that fired and is not dismissed
	// (snoozed ones included).
	OpenReminders(ctx context.Context) ([]Entry, error)
	// FireReminder records that the reminder fired at at, ending a snooze.
	FireReminder(ctx context.Context, k Key, at time.Time) error
	// SnoozeReminder records a snooze until until, made at at.
	SnoozeReminder(ctx context.Context, k Key, at, until time.Time) error
	// DismissReminder records that the reminder was dismissed at at.
	DismissReminder(ctx context.Context, k Key, at time.Time) error
	// PruneReminders forgets entries whose time is before before.
	PruneReminders(ctx context.Context, before time.Time) (int, error)
	// ReminderSince returns when reminders were first checked, if ever.
	ReminderSince(ctx context.Context) (time.Time, bool, error)
	// SetReminderSince records when reminders were first checked.
	SetReminderSince(ctx context.Context, t time.Time) error
}

// Notifier announces a reminder.
type Notifier interface {
	Notify(ctx context.Context, r Reminder) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, r Reminder) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, r Reminder) error { return f(ctx, r) }

// Notifiers announce through every one of them (the desktop notification
// and the in-app one both fire); one failing does not stop the others.
type Notifiers []Notifier

// Notify calls every notifier and joins their errors.
func (ns Notifiers) Notify(ctx context.Context, r Reminder) error {
	var errs []error
	for _, n := range ns {
		if n == nil {
			continue
		}
		if err := n.Notify(ctx, r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
