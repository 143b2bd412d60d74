// Package activities is the use-case layer of the interaction timeline:
// calls, e-mails, meetings, visits and notes logged against a contact, a
// company, a lead or a deal. It validates what is logged, fills in the
// company of a contact's activity, pages timelines newest first by keyset,
// and reads e-mail message files (.eml) into e-mail activities.
package activities

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	InsertActivity(ctx context.Context, a crm.Activity) error
	UpdateActivity(ctx context.Context, a crm.Activity) error
	DeleteActivity(ctx context.Context, id string, at time.Time) error
	RestoreActivity(ctx context.Context, id string, at time.Time) error
	GetActivity(ctx context.Context, id string) (crm.Activity, error)
	ActivityTimeline(ctx context.Context, q crm.TimelineQuery) (crm.TimelinePage, error)
	EmailActivity(ctx context.Context, contactID, messageID string) (crm.Activity, bool, error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	GetCompany(ctx context.Context, id string) (crm.Company, error)
}

// Limits on what one activity holds.
const (
	// MaxPage is the largest timeline page.
	MaxPage = 200
	// MaxDurationMinutes is a week: longer is a typing mistake.
	MaxDurationMinutes = 7 * 24 * 60
	maxSubject         = 500
	maxOutcome         = 200
	maxBody            = 200_000
)

// Outcomes are the suggestions the log form offers per kind; an outcome is
// free text, these are only offered.
var Outcomes = map[crm.ActivityKind][]string{
	crm.ActivityCall:    {"connected", "no answer", "left voicemail", "busy", "wrong number"},
	crm.ActivityEmail:   {"sent", "received", "replied", "bounced"},
	crm.ActivityMeeting: {"held", "rescheduled", "cancelled", "no show"},
	crm.ActivityVisit:   {"met", "nobody there", "dropped off material"},
	crm.ActivityNote:    {},
}

// Service logs and reads activities.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service over st, stamping changes with clock.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// Normalize cleans f and validates it: a known kind, an instant, a subject
// or a body, a duration from 0 to a week, and at least one record it is
// about. Errors are *crm.Error naming the field.
func Normalize(f crm.ActivityFields) (crm.ActivityFields, error) {
	f.Kind = crm.ActivityKind(strings.ToLower(strings.TrimSpace(string(f.Kind))))
	if !f.Kind.Valid() {
		return f, crm.FieldError(crm.CodeInvalidInput, "kind", fmt.Sprintf("%q is not a kind of activity (call, email, meeting, visit, note)", f.Kind))
	}
	if f.OccurredAt.IsZero() {
		return f, crm.FieldError(crm.CodeInvalidInput, "occurredAt", "an activity needs the time it took place")
	}
	f.OccurredAt = f.OccurredAt.UTC().Truncate(time.Millisecond)
	if f.DurationMinutes < 0 || f.DurationMinutes > MaxDurationMinutes {
		return f, crm.FieldError(crm.CodeInvalidInput, "durationMinutes", fmt.Sprintf("the duration must be between 0 and %d minutes", MaxDurationMinutes))
	}
	f.Subject = crm.CleanLine(f.Subject)
	if utf8.RuneCountInString(f.Subject) > maxSubject {
		return f, crm.FieldError(crm.CodeInvalidInput, "subject", fmt.Sprintf("the subject is longer than %d characters", maxSubject))
	}
	f.Outcome = crm.CleanLine(f.Outcome)
	if utf8.RuneCountInString(f.Outcome) > maxOutcome {
		return f, crm.FieldError(crm.CodeInvalidInput, "outcome", fmt.Sprintf("the outcome is longer than %d characters", maxOutcome))
	}
	f.Body = strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(f.Body, "\uFFFD"), "\r\n", "\n"))
	if utf8.RuneCountInString(f.Body) > maxBody {
		return f, crm.FieldError(crm.CodeInvalidInput, "body", fmt.Sprintf("the text is longer than %d characters", maxBody))
	}
	if f.Subject == "" && f.Body == "" {
		return f, crm.FieldError(crm.CodeInvalidInput, "subject", "an activity needs a subject or some text")
	}
	for _, id := range []*string{&f.ContactID, &f.CompanyID, &f.LeadID, &f.DealID, &f.OwnerID} {
		*id = strings.TrimSpace(*id)
	}
	if f.ContactID == "" && f.CompanyID == "" && f.LeadID == "" && f.DealID == "" {
		return f, crm.FieldError(crm.CodeInvalidInput, "contactId", "an activity must be about a contact, a company, a lead or a deal")
	}
	return f, nil
}

// link checks the contact and company f names exist and fills in the
// company of a contact whose company is known.
func (s *Service) link(ctx context.Context, f crm.ActivityFields) (crm.ActivityFields, error) {
	if f.ContactID != "" {
		c, err := s.store.GetContact(ctx, f.ContactID)
		if err != nil {
			return f, err
		}
		if c.DeletedAt != nil {
			return f, crm.FieldError(crm.CodeNotFound, "contactId", "the contact was deleted")
		}
		if f.CompanyID == "" {
			f.CompanyID = c.CompanyID
		}
	}
	if f.CompanyID != "" {
		c, err := s.store.GetCompany(ctx, f.CompanyID)
		if err != nil {
			return f, err
		}
		if c.DeletedAt != nil {
			return f, crm.FieldError(crm.CodeNotFound, "companyId", "the company was deleted")
		}
	}
	return f, nil
}

// Log validates f and stores it as a new activity.
func (s *Service) Log(ctx context.Context, f crm.ActivityFields) (crm.Activity, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Activity{}, err
	}
	if f, err = s.link(ctx, f); err != nil {
		return crm.Activity{}, err
	}
	now := s.clock.Now()
	a := crm.Activity{ID: crm.NewID(now), ActivityFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.InsertActivity(ctx, a); err != nil {
		return crm.Activity{}, err
	}
	return a, nil
}

// Update replaces the fields of activity id, edited from baseVersion. The
// e-mail header of an activity logged from a message is kept when f has
// none. A stale baseVersion gives crm.CodeVersionConflict.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.ActivityFields) (crm.Activity, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Activity{}, err
	}
	cur, err := s.store.GetActivity(ctx, id)
	if err != nil {
		return crm.Activity{}, err
	}
	if cur.DeletedAt != nil {
		return crm.Activity{}, crm.Errorf(crm.CodeNotFound, "activity %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return crm.Activity{}, crm.Errorf(crm.CodeVersionConflict,
			"activity %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	if f.Email == nil {
		f.Email = cur.Email
	}
	if f.ContactID == cur.ContactID && f.CompanyID == "" {
		f.CompanyID = cur.CompanyID // the contact's company stays unless another is named
	}
	if f.ContactID != cur.ContactID || f.CompanyID != cur.CompanyID {
		if f, err = s.link(ctx, f); err != nil {
			return crm.Activity{}, err
		}
	}
	if sameFields(cur.ActivityFields, f) {
		return cur, nil
	}
	next := cur
	next.ActivityFields = f
	next.Version = baseVersion + 1
	next.UpdatedAt = s.clock.Now()
	if err := s.store.UpdateActivity(ctx, next); err != nil {
		return crm.Activity{}, err
	}
	return s.store.GetActivity(ctx, id)
}

func sameFields(a, b crm.ActivityFields) bool {
	ea, eb := a.Email, b.Email
	a.Email, b.Email = nil, nil
	if !a.OccurredAt.Equal(b.OccurredAt) {
		return false
	}
	a.OccurredAt, b.OccurredAt = time.Time{}, time.Time{}
	if a != b {
		return false
	}
	return ea == eb || (ea != nil && eb != nil && ea.MessageID == eb.MessageID && ea.From == eb.From && ea.Date.Equal(eb.Date) &&
		strings.Join(ea.To, "\n") == strings.Join(eb.To, "\n") && strings.Join(ea.Cc, "\n") == strings.Join(eb.Cc, "\n"))
}

// Delete tombstones activity id (Restore undoes it).
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.store.DeleteActivity(ctx, id, s.clock.Now())
}

// Restore brings back a deleted activity.
func (s *Service) Restore(ctx context.Context, id string) (crm.Activity, error) {
	if err := s.store.RestoreActivity(ctx, id, s.clock.Now()); err != nil {
		return crm.Activity{}, err
	}
	return s.store.GetActivity(ctx, id)
}

// Get returns one activity, live or deleted.
func (s *Service) Get(ctx context.Context, id string) (crm.Activity, error) {
	return s.store.GetActivity(ctx, id)
}

// Timeline returns one page of a timeline, newest first: q names at most
// one of a contact, a company (with its people's activities), a lead or a
// deal, none for every activity; Before is the previous page's Next.
func (s *Service) Timeline(ctx context.Context, q crm.TimelineQuery) (crm.TimelinePage, error) {
	if q.Limit <= 0 || q.Limit > MaxPage {
		return crm.TimelinePage{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	scopes := 0
	for _, id := range []string{q.ContactID, q.CompanyID, q.LeadID, q.DealID} {
		if id != "" {
			scopes++
		}
	}
	if scopes > 1 {
		return crm.TimelinePage{}, crm.FieldError(crm.CodeInvalidInput, "contactId", "a timeline is of one contact, company, lead or deal, or of everything")
	}
	for _, k := range q.Kinds {
		if !k.Valid() {
			return crm.TimelinePage{}, crm.FieldError(crm.CodeInvalidInput, "kinds", fmt.Sprintf("%q is not a kind of activity", k))
		}
	}
	return s.store.ActivityTimeline(ctx, q)
}

// LogEmail reads the message file data (.eml) and logs it as an e-mail
// activity of contactID (and its company), owned by ownerID: sender,
// recipients, subject, date and the text of the body. A message already
// logged on the contact (same Message-ID) is not logged twice: the earlier
// activity comes back with created false.
func (s *Service) LogEmail(ctx context.Context, contactID, ownerID string, data []byte) (a crm.Activity, created bool, err error) {
	m, err := ParseEML(data)
	if err != nil {
		return crm.Activity{}, false, err
	}
	if prev, ok, err := s.store.EmailActivity(ctx, contactID, m.MessageID); err != nil || ok {
		return prev, false, err
	}
	f := crm.ActivityFields{
		Kind: crm.ActivityEmail, OccurredAt: m.Date, Subject: m.Subject, Body: m.Text,
		ContactID: contactID, OwnerID: ownerID,
		Email: &crm.EmailMeta{From: m.From, To: m.To, Cc: m.Cc, MessageID: m.MessageID, Date: m.Date},
	}
	if f.OccurredAt.IsZero() {
		f.OccurredAt = s.clock.Now()
	}
	if f.Subject == "" && strings.TrimSpace(f.Body) == "" {
		f.Subject = "(no subject)"
	}
	if len(m.Attachments) > 0 {
		f.Body = strings.TrimSpace(f.Body + "\n\n" + "Attachments: " + strings.Join(m.Attachments, ", "))
	}
	if utf8.RuneCountInString(f.Body) > maxBody {
		f.Body = string([]rune(f.Body)[:maxBody])
	}
	a, err = s.Log(ctx, f)
	return a, err == nil, err
}
