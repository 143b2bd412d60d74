package crm

import "time"

// ActivityKind is what sort of interaction an activity records.
type ActivityKind string

// The kinds of activity.
const (
	ActivityCall    ActivityKind = "call"
	ActivityEmail   ActivityKind = "email"
	ActivityMeeting ActivityKind = "meeting"
	ActivityVisit   ActivityKind = "visit"
	ActivityNote    ActivityKind = "note"
)

// ActivityKinds lists every kind, in the order the UI offers them.
var ActivityKinds = []ActivityKind{ActivityCall, ActivityEmail, ActivityMeeting, ActivityVisit, ActivityNote}

// Valid reports whether k is one of ActivityKinds.
func (k ActivityKind) Valid() bool {
	for _, v := range ActivityKinds {
		if k == v {
			return true
		}
	}
	return false
}

// CodeEMLInvalid: a file given as an e-mail message that is not one, is
// damaged, or is too large.
const CodeEMLInvalid = "eml_invalid"

// EmailMeta is what an e-mail activity keeps of the message's header.
type EmailMeta struct {
	From      string
	To        []string
	Cc        []string
	MessageID string
	// Date is the message's Date header as an instant; zero when it had none
	// or it could not be read.
	Date time.Time
}

// ActivityFields are the parts of an activity a user edits: one
// interaction (a call, an e-mail, a meeting, a visit or a note) with a
// contact, a company, a lead or a deal.
type ActivityFields struct {
	Kind ActivityKind
	// OccurredAt is the instant the interaction took place.
	OccurredAt      time.Time
	DurationMinutes int
	// Outcome is free text; the UI suggests some per kind ("connected",
	// "no answer", "left voicemail" for a call).
	Outcome string
	Subject string
	Body    string
	// The records the activity is about; at least one is set.
	ContactID string
	CompanyID string
	LeadID    string
	DealID    string
	OwnerID   string
	// Email is set for an e-mail logged from a message file.
	Email *EmailMeta
}

// Activity is one logged interaction. Activities are local records: they
// are not written to the sync journal, but keep an ID, version and
// tombstone like every record so team sync can come later.
type Activity struct {
	ID string
	ActivityFields
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// ActivityView is an activity with the names a timeline shows beside it.
type ActivityView struct {
	Activity
	ContactName string
	CompanyName string
}

// TimelineQuery asks for one page of a timeline, newest first. At most one
// of ContactID, CompanyID, LeadID and DealID is set; none means every
// activity. A company's timeline includes the activities of its people.
type TimelineQuery struct {
	ContactID string
	CompanyID string
	LeadID    string
	DealID    string
	// Kinds keeps only these kinds when not empty.
	Kinds []ActivityKind
	// OwnerID keeps only one owner's activities when not empty.
	OwnerID string
	// Before is the Next cursor of the previous page ("" for the first).
	Before string
	Limit  int
}

// TimelinePage is a page of a timeline and the cursor of the next ("" at
// the end).
type TimelinePage struct {
	Items []ActivityView
	Next  string
}
