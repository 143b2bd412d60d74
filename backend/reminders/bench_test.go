package reminders_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// BenchmarkCheck measures one 30-second tick and one catch-up over a busy
// calendar: 300 weekly series started two years ago, 3,000 single meetings
// over a year and 500 open tasks, every one with reminders.
func BenchmarkCheck(b *testing.B) {
	c := newCalRig(b)
	ctx := context.Background()
	start := z("2025-06-01T00:00:00Z")
	c.clock.set(start)
	berlin := mustLoad(b, "Europe/Berlin")
	for i := range 300 {
		first := time.Date(2024, 6, 3+i%5, 8+i%9, 0, 0, 0, berlin)
		c.series(crm.EventFields{Title: fmt.Sprintf("series %d", i), TimeZone: "Europe/Berlin",
			Start: first.Format(crm.LocalDateTimeLayout), End: first.Add(30 * time.Minute).Format(crm.LocalDateTimeLayout),
			RRule: "FREQ=WEEKLY", Reminders: []crm.Reminder{{MinutesBefore: 15}, {MinutesBefore: 60 * 24}}})
	}
	for i := range 3000 {
		s := start.Add(time.Duration(i) * 175 * time.Minute).In(berlin)
		c.event(fmt.Sprintf("single %d", i), s.Format(crm.LocalDateTimeLayout), s.Add(time.Hour).Format(crm.LocalDateTimeLayout),
			"Europe/Berlin", false, 10)
	}
	for i := range 500 {
		d := start.Add(time.Duration(i) * 17 * time.Hour).In(berlin)
		c.task(fmt.Sprintf("task %d", i), d.Format(crm.LocalDateTimeLayout), "Europe/Berlin", crm.TaskNeedsAction, 30)
	}
	now := z("2026-01-15T09:00:00Z")
	c.clock.set(now)
	if _, err := c.s.CatchUp(ctx); err != nil {
		b.Fatal(err)
	}
	b.Run("tick", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			c.clock.set(now.Add(time.Duration(i+1) * 30 * time.Second))
			if _, err := c.s.Check(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("catch-up", func(b *testing.B) {
		for b.Loop() {
			if _, err := c.s.CatchUp(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
