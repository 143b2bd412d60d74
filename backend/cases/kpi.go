package cases

import (
	"slices"
	"time"

	"fieldbook/backend/crm"
)

// ResolutionStats summarises how long a set of cases took to resolve.
type ResolutionStats struct {
	// Count is how many resolved cases were measured.
	Count int
	// Mean is the arithmetic mean of the resolution times, truncated to
	// the nanosecond; Median the middle one (the mean of the two middle
	// ones for an even count). Both 0 when Count is 0.
	Mean   time.Duration
	Median time.Duration
	// Total is the sum of the resolution times.
	Total time.Duration
}

// Hours writes d as hours rounded to tenths, halves up: 90 min → 1.5.
func Hours(d time.Duration) float64 {
	tenths := (d.Milliseconds()*10 + 1_800_000) / 3_600_000
	return float64(tenths) / 10
}

// Resolution computes the ResolutionStats of cs: the live cases with a
// resolution instant count, the others are skipped.
func Resolution(cs []crm.Case) ResolutionStats {
	var times []time.Duration
	for _, c := range cs {
		if d, ok := c.ResolutionTime(); ok && c.DeletedAt == nil {
			times = append(times, d)
		}
	}
	return ResolutionOf(times)
}

// ResolutionOf computes the ResolutionStats of resolution times (a
// negative time, a case resolved before it was opened, counts as zero).
func ResolutionOf(times []time.Duration) ResolutionStats {
	times = slices.Clone(times)
	for i, d := range times {
		times[i] = max(d, 0)
	}
	var s ResolutionStats
	s.Count = len(times)
	if s.Count == 0 {
		return s
	}
	for _, d := range times {
		s.Total += d
	}
	s.Mean = s.Total / time.Duration(s.Count)
	slices.Sort(times)
	mid := s.Count / 2
	if s.Count%2 == 1 {
		s.Median = times[mid]
	} else {
		s.Median = times[mid-1] + (times[mid]-times[mid-1])/2
	}
	return s
}

// ResolvedIn returns the cases of cs resolved in [from, to).
func ResolvedIn(cs []crm.Case, from, to time.Time) []crm.Case {
	var out []crm.Case
	for _, c := range cs {
		if c.ResolvedAt != nil && !c.ResolvedAt.Before(from) && c.ResolvedAt.Before(to) {
			out = append(out, c)
		}
	}
	return out
}

// PriorityCount is how many cases have one priority.
type PriorityCount struct {
	Priority crm.CasePriority
	Count    int
}

// Backlog is the work not done: the live open and pending cases.
type Backlog struct {
	Total   int
	Open    int
	Pending int
	// ByPriority has one entry per priority, urgent first.
	ByPriority []PriorityCount
	// Oldest is the opening instant of the longest-waiting case (nil when
	// the backlog is empty).
	Oldest *time.Time
}

// BacklogOf counts the live cases of cs that are open or pending.
func BacklogOf(cs []crm.Case) Backlog {
	var counts []crm.BacklogCount
	var oldest *time.Time
	for _, c := range cs {
		if c.DeletedAt != nil || c.Status.Done() {
			continue
		}
		counts = append(counts, crm.BacklogCount{Status: c.Status, Priority: c.Priority, Count: 1})
		if oldest == nil || c.OpenedAt.Before(*oldest) {
			t := c.OpenedAt
			oldest = &t
		}
	}
	return BacklogFrom(counts, oldest)
}

// BacklogFrom builds a Backlog from counts by status and priority (done
// statuses are left out) and the oldest opening instant.
func BacklogFrom(counts []crm.BacklogCount, oldest *time.Time) Backlog {
	byPriority := map[crm.CasePriority]int{}
	b := Backlog{Oldest: oldest}
	for _, c := range counts {
		switch c.Status {
		case crm.CaseOpen:
			b.Open += c.Count
		case crm.CasePending:
			b.Pending += c.Count
		default:
			continue
		}
		b.Total += c.Count
		byPriority[c.Priority] += c.Count
	}
	for i := len(crm.CasePriorities) - 1; i >= 0; i-- {
		p := crm.CasePriorities[i]
		b.ByPriority = append(b.ByPriority, PriorityCount{Priority: p, Count: byPriority[p]})
	}
	if b.Total == 0 {
		b.Oldest = nil
	}
	return b
}
