package crm

import "time"

// FeedbackKind is the survey a feedback answer belongs to.
type FeedbackKind string

// The kinds of feedback.
const (
	// FeedbackNPS is a Net Promoter answer: "how likely are you to
	// recommend us", 0 (not at all) to 10 (extremely).
	FeedbackNPS FeedbackKind = "nps"
	// FeedbackCSAT is a customer-satisfaction answer, 1 (very unsatisfied)
	// to 5 (very satisfied).
	FeedbackCSAT FeedbackKind = "csat"
)

// ScoreRange returns the lowest and highest score of kind, and false for a
// kind Fieldbook does not know.
func (k FeedbackKind) ScoreRange() (lo, hi int, ok bool) {
	switch k {
	case FeedbackNPS:
		return 0, 10, true
	case FeedbackCSAT:
		return 1, 5, true
	}
	return 0, 0, false
}

// FeedbackFields are the parts of a feedback answer a user edits.
type FeedbackFields struct {
	// ContactID is the contact who answered (required).
	ContactID string
	Kind      FeedbackKind
	Score     int
	Comment   string
	// ReceivedAt is the instant the answer was given.
	ReceivedAt time.Time
	OwnerID    string
}

// Feedback is one NPS or CSAT answer of a contact. Selling and service
// records are not synced by CardDAV/CalDAV (no journal rows) but keep a
// version and a tombstone for a later team sync.
type Feedback struct {
	ID string
	FeedbackFields
	// CompanyID is the company of the contact when the answer was
	// recorded or last edited ("" when it has none); filled by the service.
	CompanyID string
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// FeedbackQuery selects live feedback: every set filter must match. From
// and To bound ReceivedAt as [From, To) when not zero.
type FeedbackQuery struct {
	ContactID string
	CompanyID string
	Kind      FeedbackKind
	OwnerID   string
	From, To  time.Time
	Offset    int
	Limit     int
}

// FeedbackPage is a window of feedback, newest first, and how many match.
type FeedbackPage struct {
	Items  []Feedback
	Total  int
	Offset int
}

// ScoreCount is how many live answers of one kind gave one score: a row
// of the aggregate the reports read instead of every answer.
type ScoreCount struct {
	Kind  FeedbackKind
	Score int
	Count int
}
