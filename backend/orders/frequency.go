package orders

import (
	"fmt"
	"slices"
	"time"

	"fieldbook/backend/crm"
)

// Re-order states of a customer (Frequency.Status).
const (
	// ReorderOK: the next order is expected later than the lead days.
	ReorderOK = "ok"
	// ReorderDueSoon: the next order is expected within the lead days.
	ReorderDueSoon = "due soon"
	// ReorderOverdue: the expected date has passed without an order.
	ReorderOverdue = "overdue"
)

// Frequency is a customer's purchase rhythm.
type Frequency struct {
	// Orders counts the orders the rhythm was read from.
	Orders int
	// HasMedian is set when there were at least two order days.
	HasMedian bool
	// MedianDays is the median number of days between consecutive order
	// days (several orders on one day are one purchase); with an even
	// number of intervals, the mean of the middle two rounded half up.
	MedianDays int
	// LastOrder is the latest order date (YYYY-MM-DD), "" without orders.
	LastOrder string
	// NextExpected is LastOrder + MedianDays, "" without a median.
	NextExpected string
}

// PurchaseFrequency reads the rhythm of order dates (YYYY-MM-DD, any
// order). A date that is not a date is an error.
func PurchaseFrequency(dates []string) (Frequency, error) {
	f := Frequency{Orders: len(dates)}
	days := make([]time.Time, 0, len(dates))
	for _, d := range dates {
		t, err := time.Parse(crm.LocalDateLayout, d)
		if err != nil {
			return Frequency{}, fmt.Errorf("orders: order date %q: %w", d, err)
		}
		days = append(days, t)
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	days = slices.Compact(days)
	if len(days) == 0 {
		return f, nil
	}
	last := days[len(days)-1]
	f.LastOrder = last.Format(crm.LocalDateLayout)
	if len(days) < 2 {
		return f, nil
	}
	gaps := make([]int, len(days)-1)
	for i := 1; i < len(days); i++ {
		gaps[i-1] = daysBetween(days[i-1], days[i])
	}
	slices.Sort(gaps)
	mid := len(gaps) / 2
	if len(gaps)%2 == 1 {
		f.MedianDays = gaps[mid]
	} else {
		f.MedianDays = (gaps[mid-1] + gaps[mid] + 1) / 2
	}
	f.HasMedian = true
	f.NextExpected = last.AddDate(0, 0, f.MedianDays).Format(crm.LocalDateLayout)
	return f, nil
}

// daysBetween counts calendar days from a to b (both UTC midnights).
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}

// Status is the re-order state on today (YYYY-MM-DD) with a lead of
// leadDays: "" without an expected date, ReorderOverdue when it is before
// today, ReorderDueSoon when it is at most leadDays after today, else
// ReorderOK.
func (f Frequency) Status(today string, leadDays int) string {
	if f.NextExpected == "" {
		return ""
	}
	if f.NextExpected < today {
		return ReorderOverdue
	}
	t, err := time.Parse(crm.LocalDateLayout, today)
	if err != nil {
		return ""
	}
	if f.NextExpected <= t.AddDate(0, 0, leadDays).Format(crm.LocalDateLayout) {
		return ReorderDueSoon
	}
	return ReorderOK
}
