package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/reminders"
)

func reminderKey(item string, start time.Time, minutes int) reminders.Key {
	return reminders.Key{Kind: reminders.KindEvent, ItemID: item, Start: start, MinutesBefore: minutes}
}

func TestReminderStateSurvivesReopeningAndFollowsFireSnoozeDismiss(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 7, 1, 7, 0, 0, 0, time.UTC)
	k := reminderKey("ev1", start, 15)
	other := reminders.Key{Kind: reminders.KindTask, ItemID: "ev1", Start: start, MinutesBefore: 15} // same item id, other kind
	firedAt := start.Add(-15 * time.Minute)
	if _, ok, err := db.ReminderSince(ctx); ok || err != nil {
		t.Fatalf("since on a new database = %v %v", ok, err)
	}
	if err := db.SetReminderSince(ctx, firedAt.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := db.FireReminder(ctx, k, firedAt); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if since, ok, err := db.ReminderSince(ctx); !ok || err != nil || !since.Equal(firedAt.Add(-time.Hour)) {
		t.Fatalf("since after reopening = %v %v %v", since, ok, err)
	}
	states, err := db.ReminderStates(ctx, []reminders.Key{k, other})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := states[k.ID()]
	if len(states) != 1 || !ok || !e.FiredAt.Equal(firedAt) || !e.SnoozedUntil.IsZero() || !e.DismissedAt.IsZero() || !e.Key.Start.Equal(start) {
		t.Fatalf("states after reopening = %+v", states)
	}

	until := firedAt.Add(10 * time.Minute)
	if err := db.SnoozeReminder(ctx, k, firedAt.Add(time.Minute), until); err != nil {
		t.Fatal(err)
	}
	open, err := db.OpenReminders(ctx)
	if err != nil || len(open) != 1 || !open[0].SnoozedUntil.Equal(until) || !open[0].FiredAt.Equal(firedAt) {
		t.Fatalf("open after snooze = %+v %v", open, err)
	}
	refired := until.Add(20 * time.Second)
	if err := db.FireReminder(ctx, k, refired); err != nil {
		t.Fatal(err)
	}
	if open, _ := db.OpenReminders(ctx); len(open) != 1 || !open[0].SnoozedUntil.IsZero() || !open[0].FiredAt.Equal(refired) {
		t.Fatalf("open after the snooze fired = %+v", open)
	}
	if err := db.DismissReminder(ctx, k, refired.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if open, _ := db.OpenReminders(ctx); len(open) != 0 {
		t.Fatalf("a dismissed reminder is still open: %+v", open)
	}
	if states, _ := db.ReminderStates(ctx, []reminders.Key{k}); !states[k.ID()].DismissedAt.Equal(refired.Add(time.Minute)) {
		t.Fatalf("dismissed state = %+v", states)
	}
	// Dismissing a reminder that never fired records it, so it never fires.
	if err := db.DismissReminder(ctx, other, refired); err != nil {
		t.Fatal(err)
	}
	if states, _ := db.ReminderStates(ctx, []reminders.Key{other}); states[other.ID()].DismissedAt.IsZero() || !states[other.ID()].FiredAt.IsZero() {
		t.Fatalf("dismissed-before-firing state = %+v", states)
	}
}

func TestReminderStatesReadManyKeysAndPruneOldOnes(t *testing.T) {
	ctx := context.Background()
	db, _ := openTestDB(t)
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var keys []reminders.Key
	for i := range 450 { // more than one query's worth
		keys = append(keys, reminderKey("ev", base.Add(time.Duration(i)*time.Hour), 10))
	}
	fired := []int{0, 201, 449}
	for _, i := range fired {
		if err := db.FireReminder(ctx, keys[i], keys[i].At()); err != nil {
			t.Fatal(err)
		}
	}
	states, err := db.ReminderStates(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != len(fired) {
		t.Fatalf("%d states; want %d", len(states), len(fired))
	}
	for _, i := range fired {
		if _, ok := states[keys[i].ID()]; !ok {
			t.Errorf("key %d missing", i)
		}
	}
	n, err := db.PruneReminders(ctx, keys[201].At())
	if err != nil || n != 1 {
		t.Fatalf("pruned %d %v; want 1 (only the one before)", n, err)
	}
	if open, _ := db.OpenReminders(ctx); len(open) != 2 || open[0].Key.ID() != keys[201].ID() || open[1].Key.ID() != keys[449].ID() {
		t.Fatalf("open after prune = %+v", open)
	}
}

func TestEventsWithRemindersFindsSeriesWithAReminderOnOneOccurrenceOnly(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	at := utc("2026-06-01T09:00:00Z")
	none := mustCreateEvent(t, db, newEvent(clock, cal.ID, "no reminder", at))
	own := newEvent(clock, cal.ID, "own reminder", at)
	own.Reminders = []crm.Reminder{{MinutesBefore: 5}}
	mustCreateEvent(t, db, own)
	onOne := newEvent(clock, cal.ID, "reminder on one occurrence", at)
	onOne.RRule = "FREQ=DAILY"
	onOne.SeriesEndUTC = nil
	onOne.Overrides = []crm.Occurrence{{RecurrenceID: "2026-06-03T09:00:00",
		Fields: crm.EventFields{Title: "moved", Start: "2026-06-03T10:00:00", End: "2026-06-03T11:00:00", Reminders: []crm.Reminder{{MinutesBefore: 0}}}}}
	mustCreateEvent(t, db, onOne)
	later := newEvent(clock, cal.ID, "later", utc("2026-09-01T09:00:00Z"))
	later.Reminders = []crm.Reminder{{MinutesBefore: 5}}
	mustCreateEvent(t, db, later)

	got, err := db.EventsWithReminders(ctx, utc("2026-06-01T00:00:00Z"), utc("2026-07-01T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range got {
		titles = append(titles, e.Title)
	}
	// Same start: in id order, which is creation order.
	if !slices.Equal(titles, []string{"own reminder", "reminder on one occurrence"}) {
		t.Fatalf("events with reminders = %q; want neither %q nor %q", titles, none.Title, later.Title)
	}
}

func TestTasksWithRemindersAreOpenAndDueInTheWindow(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	cal := mustDefaultCalendar(t, db)
	mk := func(title, status string, due time.Time, reminders ...crm.Reminder) {
		tk := newTask(clock, cal.ID, title, due.Format(crm.LocalDateTimeLayout))
		tk.Status, tk.Reminders, tk.DueUTC = status, reminders, &due
		if err := db.CreateTask(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	r := crm.Reminder{MinutesBefore: 15}
	mk("open", crm.TaskNeedsAction, utc("2026-06-01T10:00:00Z"), r)
	mk("in process", crm.TaskInProcess, utc("2026-06-01T11:00:00Z"), r)
	mk("done", crm.TaskCompleted, utc("2026-06-01T10:00:00Z"), r)
	mk("cancelled", crm.TaskCancelled, utc("2026-06-01T10:00:00Z"), r)
	mk("no reminder", crm.TaskNeedsAction, utc("2026-06-01T10:00:00Z"))
	mk("too late", crm.TaskNeedsAction, utc("2026-06-02T10:00:00Z"), r)
	got, err := db.TasksWithReminders(ctx, utc("2026-06-01T00:00:00Z"), utc("2026-06-01T23:59:59Z"))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, tk := range got {
		titles = append(titles, tk.Title)
	}
	if !slices.Equal(titles, []string{"open", "in process"}) {
		t.Fatalf("tasks with reminders = %q", titles)
	}
}
