package crm

// CalendarObject is one object of a calendar collection as the sync engine
// sees it: a meeting — its whole series, master and overrides, as one
// record — or a task. Kind says which; the other kind's fields are empty.
type CalendarObject struct {
	Kind  string // EntityEvent or EntityTask
	Event EventFields
	Task  TaskFields
	// OriginalTZID is the TZID text as received and Zones the raw
	// VTIMEZONE blocks the object uses. They travel with the times and are
	// not merged on their own: they are kept from whichever side's times
	// are stored.
	OriginalTZID string
	Zones        string
}

// IsTask reports whether the object is a task.
func (o CalendarObject) IsTask() bool { return o.Kind == EntityTask }
