package tasks

import (
	"fmt"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// BenchmarkTaskLists reads each list from 10,000 tasks (dates and times
// over four months around today, a fifth done, some undated).
func BenchmarkTaskLists(b *testing.B) {
	fx := newFixture(b)
	cal, err := fx.db.EnsureDefaultCalendar(fx.ctx, "Calendar", "#3B82F6")
	if err != nil {
		b.Fatal(err)
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, tokyo)
	ts := make([]crm.Task, 0, 10_000)
	for i := range 10_000 {
		now := fx.clock.Now()
		t := crm.Task{ID: crm.NewID(now), CalendarID: cal.ID, UID: fmt.Sprintf("t%d@bench", i), Version: 1, CreatedAt: now, UpdatedAt: now,
			TaskFields: crm.TaskFields{Title: fmt.Sprintf("Task %d", i), Status: crm.TaskNeedsAction, Priority: i % 10}}
		if i%10 != 9 {
			d := today.AddDate(0, 0, i%119-60)
			if i%2 == 0 {
				t.Due = d.Format(crm.LocalDateLayout)
			} else {
				d = d.Add(time.Duration(i%24) * time.Hour)
				t.Due = d.Format(crm.LocalDateTimeLayout)
			}
			u := d.UTC()
			t.DueUTC = &u
		}
		if i%5 == 0 {
			t.Status, t.CompletedAt, t.PercentComplete = crm.TaskCompleted, now.Format(time.RFC3339), 100
		}
		ts = append(ts, t)
	}
	if err := fx.db.CreateTasks(fx.ctx, ts); err != nil {
		b.Fatal(err)
	}
	for _, list := range []string{crm.TaskListToday, crm.TaskListOverdue, crm.TaskListUpcoming, crm.TaskListAll, crm.TaskListDone} {
		b.Run(list, func(b *testing.B) {
			var n int
			for b.Loop() {
				items, err := fx.svc.List(fx.ctx, list, "")
				if err != nil {
					b.Fatal(err)
				}
				n = len(items)
			}
			b.ReportMetric(float64(n), "tasks")
		})
	}
}
