package reminders

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Kinds of item a reminder belongs to (the journal's entity names).
const (
	KindEvent = "event"
	KindTask  = "task"
)

// MinLength is how long a meeting counts as lasting at least, so the
// reminder at the start of a meeting without a duration is not lost as
// "already over" before the next check sees it.
const MinLength = time.Minute

// Reminder is one alarm of a meeting occurrence or a task.
type Reminder struct {
	Kind   string // KindEvent or KindTask
	ItemID string // the event's or task's id
	// RecurrenceID names the occurrence of a series (in the form of the
	// event's Start), "" for a single meeting or a task.
	RecurrenceID string
	Title        string
	Location     string
	// Start is the occurrence's start, or the task's due instant.
	Start time.Time
	// End is the occurrence's end; zero for a task, which stays open until
	// it is done (the Source leaves out done tasks).
	End           time.Time
	MinutesBefore int
}

// At is when the reminder is due: MinutesBefore before Start (a negative
// MinutesBefore is after the start).
func (r Reminder) At() time.Time { return r.Key().At() }

// Key identifies the reminder in the State.
func (r Reminder) Key() Key {
	return Key{Kind: r.Kind, ItemID: r.ItemID, Start: r.Start.UTC().Truncate(time.Second), MinutesBefore: r.MinutesBefore}
}

// Over reports whether the meeting has ended at now (a meeting shorter than
// MinLength counts as lasting MinLength). A task is never over by time.
func (r Reminder) Over(now time.Time) bool {
	if r.End.IsZero() {
		return false
	}
	end := r.End
	if least := r.Start.Add(MinLength); end.Before(least) {
		end = least
	}
	return !now.Before(end)
}

// Key identifies a reminder: kind, item, occurrence start and offset. A
// meeting moved to another time, or a changed offset, is a new reminder.
type Key struct {
	Kind   string
	ItemID string
	// Start is the occurrence's start (task: due) in UTC, whole seconds.
	Start         time.Time
	MinutesBefore int
}

// At is when the reminder is due.
func (k Key) At() time.Time { return k.Start.Add(-time.Duration(k.MinutesBefore) * time.Minute) }

const idTimeLayout = "20060102T150405Z"

// ID is the key as one string ("event/<id>/20260601T070000Z/15"), the id the
// front end gets.
func (k Key) ID() string {
	return k.Kind + "/" + k.ItemID + "/" + k.Start.UTC().Format(idTimeLayout) + "/" + strconv.Itoa(k.MinutesBefore)
}

// ParseID reads a Key back from its ID.
func ParseID(id string) (Key, error) {
	kind, rest, ok := strings.Cut(id, "/")
	i := strings.LastIndexByte(rest, '/')
	if !ok || i < 0 {
		return Key{}, fmt.Errorf("reminders: bad reminder id %q", id)
	}
	rest, minutes := rest[:i], rest[i+1:]
	j := strings.LastIndexByte(rest, '/')
	if j <= 0 {
		return Key{}, fmt.Errorf("reminders: bad reminder id %q", id)
	}
	item, start := rest[:j], rest[j+1:]
	if kind != KindEvent && kind != KindTask {
		return Key{}, fmt.Errorf("reminders: bad reminder id %q: unknown kind", id)
	}
	t, err := time.Parse(idTimeLayout, start)
	if err != nil {
		return Key{}, fmt.Errorf("reminders: bad reminder id %q: %w", id, err)
	}
	m, err := strconv.Atoi(minutes)
	if err != nil {
		return Key{}, fmt.Errorf("reminders: bad reminder id %q: %w", id, err)
	}
	return Key{Kind: kind, ItemID: item, Start: t.UTC(), MinutesBefore: m}, nil
}

// Entry is the saved state of one reminder; a zero time means "not".
type Entry struct {
	Key          Key
	FiredAt      time.Time
	SnoozedUntil time.Time
	DismissedAt  time.Time
}
