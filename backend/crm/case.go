package crm

import "time"

// CasePriority is how urgent a support case is.
type CasePriority string

// The priorities of a case, lowest first.
const (
	PriorityLow    CasePriority = "low"
	PriorityNormal CasePriority = "normal"
	PriorityHigh   CasePriority = "high"
	PriorityUrgent CasePriority = "urgent"
)

// CasePriorities lists the priorities, lowest first.
var CasePriorities = []CasePriority{PriorityLow, PriorityNormal, PriorityHigh, PriorityUrgent}

// CaseStatus is where a support case stands.
type CaseStatus string

// The statuses of a case. Open and pending cases are the backlog; resolved
// and closed ones are done and carry a ResolvedAt.
const (
	CaseOpen     CaseStatus = "open"
	CasePending  CaseStatus = "pending"
	CaseResolved CaseStatus = "resolved"
	CaseClosed   CaseStatus = "closed"
)

// CaseStatuses lists the statuses in workflow order.
var CaseStatuses = []CaseStatus{CaseOpen, CasePending, CaseResolved, CaseClosed}

// Done says whether a case in status s is finished (resolved or closed).
func (s CaseStatus) Done() bool { return s == CaseResolved || s == CaseClosed }

// CaseFields are the parts of a support case a user edits.
type CaseFields struct {
	Subject     string
	Description string
	ContactID   string
	// CompanyID is the company the case is about; the contact's company
	// when left empty.
	CompanyID string
	Priority  CasePriority
	Status    CaseStatus
	OwnerID   string
}

// Case is a support case (ticket) of a customer.
type Case struct {
	ID string
	// Number is the human reference "C-2026-0001": the year the case was
	// opened and a sequence within that year, never reused.
	Number string
	CaseFields
	OpenedAt time.Time
	// ResolvedAt is when the case was last resolved (or closed); nil while
	// it is open or pending.
	ResolvedAt *time.Time
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
	DeletedAt  *time.Time
}

// ResolutionTime is how long the case took, ResolvedAt − OpenedAt, and
// false while it is not resolved.
func (c Case) ResolutionTime() (time.Duration, bool) {
	if c.ResolvedAt == nil {
		return 0, false
	}
	return c.ResolvedAt.Sub(c.OpenedAt), true
}

// CaseSort names the order of a case list.
type CaseSort string

// The orders of a case list (each ties on the number).
const (
	CaseSortOpened   CaseSort = "opened"
	CaseSortUpdated  CaseSort = "updated"
	CaseSortPriority CaseSort = "priority"
	CaseSortNumber   CaseSort = "number"
	CaseSortSubject  CaseSort = "subject"
)

// CaseQuery selects live cases: every set filter must match. Statuses and
// Priorities match any of their values; Text is found in the number,
// subject or description. From and To bound OpenedAt as [From, To).
type CaseQuery struct {
	Statuses   []CaseStatus
	Priorities []CasePriority
	OwnerID    string
	ContactID  string
	CompanyID  string
	Text       string
	From, To   time.Time
	Sort       CaseSort
	Desc       bool
	Offset     int
	Limit      int
}

// CasePage is a window of cases and how many match.
type CasePage struct {
	Items  []Case
	Total  int
	Offset int
}

// BacklogCount is how many live cases have one status and priority.
type BacklogCount struct {
	Status   CaseStatus
	Priority CasePriority
	Count    int
}
