package app

import (
	"time"

	"fieldbook/backend/crm"
)

// ActivityInput is what the log form sends. OccurredAt is an RFC 3339
// instant; OwnerID "" means the local user (the setting "me").
type ActivityInput struct {
	Kind            string `json:"kind"` // call, email, meeting, visit or note
	OccurredAt      string `json:"occurredAt"`
	DurationMinutes int    `json:"durationMinutes"`
	Outcome         string `json:"outcome"`
	Subject         string `json:"subject"`
	Body            string `json:"body"`
	ContactID       string `json:"contactId"`
	CompanyID       string `json:"companyId"`
	LeadID          string `json:"leadId"`
	DealID          string `json:"dealId"`
	OwnerID         string `json:"ownerId"`
}

// EmailMetaDTO is the header of an e-mail logged from a message file.
type EmailMetaDTO struct {
	From      string   `json:"from"`
	To        []string `json:"to"`
	Cc        []string `json:"cc"`
	MessageID string   `json:"messageId"`
	Date      string   `json:"date"` // RFC 3339, "" when the message had none
}

// Activity is one entry of a timeline.
type Activity struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	ActivityInput
	// ContactName and CompanyName are shown beside the entry ("" for none).
	ContactName string        `json:"contactName"`
	CompanyName string        `json:"companyName"`
	Email       *EmailMetaDTO `json:"email"`
	CreatedAt   string        `json:"createdAt"`
	UpdatedAt   string        `json:"updatedAt"`
}

// TimelineRequest asks for a page of a timeline, newest first: of one
// contact, company (with its people's activities), lead or deal, or of all
// activities when none is set. Before is the previous page's Next.
type TimelineRequest struct {
	ContactID string   `json:"contactId"`
	CompanyID string   `json:"companyId"`
	LeadID    string   `json:"leadId"`
	DealID    string   `json:"dealId"`
	Kinds     []string `json:"kinds"`
	OwnerID   string   `json:"ownerId"`
	Before    string   `json:"before"`
	Limit     int      `json:"limit"`
}

// TimelinePage is a page of activities and the cursor of the next page
// ("" at the end).
type TimelinePage struct {
	Items []Activity `json:"items"`
	Next  string     `json:"next"`
}

// LoggedEmail is the result of dropping a message file on a contact:
// the e-mail activity, and whether it was logged before (same Message-ID).
type LoggedEmail struct {
	Activity      Activity `json:"activity"`
	AlreadyLogged bool     `json:"alreadyLogged"`
}

func (in ActivityInput) fields() (crm.ActivityFields, error) {
	f := crm.ActivityFields{Kind: crm.ActivityKind(in.Kind), DurationMinutes: in.DurationMinutes, Outcome: in.Outcome,
		Subject: in.Subject, Body: in.Body, ContactID: in.ContactID, CompanyID: in.CompanyID, LeadID: in.LeadID,
		DealID: in.DealID, OwnerID: in.OwnerID}
	t, err := parseInstant("occurredAt", in.OccurredAt)
	if err != nil {
		return f, err
	}
	f.OccurredAt = t
	return f, nil
}

func toActivityDTO(v crm.ActivityView) Activity {
	a := v.Activity
	out := Activity{
		ID: a.ID, Version: a.Version,
		ActivityInput: ActivityInput{Kind: string(a.Kind), OccurredAt: a.OccurredAt.UTC().Format(time.RFC3339),
			DurationMinutes: a.DurationMinutes, Outcome: a.Outcome, Subject: a.Subject, Body: a.Body,
			ContactID: a.ContactID, CompanyID: a.CompanyID, LeadID: a.LeadID, DealID: a.DealID, OwnerID: a.OwnerID},
		ContactName: v.ContactName, CompanyName: v.CompanyName,
		CreatedAt: a.CreatedAt.UTC().Format(time.RFC3339),
		UpdatedAt: a.UpdatedAt.UTC().Format(time.RFC3339),
	}
	if m := a.Email; m != nil {
		e := &EmailMetaDTO{From: m.From, To: nonNil(m.To), Cc: nonNil(m.Cc), MessageID: m.MessageID}
		if !m.Date.IsZero() {
			e.Date = m.Date.UTC().Format(time.RFC3339)
		}
		out.Email = e
	}
	return out
}
