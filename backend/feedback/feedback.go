// Package feedback is the use-case layer for customer feedback: NPS (0–10)
// and CSAT (1–5) answers of contacts. It validates answers, stamps them
// with the contact's company, and computes the scores (NPS, CSAT, per
// contact latest answers, summaries by month) as pure functions the
// reports build on.
package feedback

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
	ContactCompanyID(ctx context.Context, contactID string) (string, error)
	CreateFeedback(ctx context.Context, f crm.Feedback) error
	UpdateFeedback(ctx context.Context, f crm.Feedback) error
	DeleteFeedback(ctx context.Context, id string) (crm.Feedback, error)
	RestoreFeedback(ctx context.Context, id string) (crm.Feedback, error)
	GetFeedback(ctx context.Context, id string) (crm.Feedback, error)
	ListFeedback(ctx context.Context, q crm.FeedbackQuery) (crm.FeedbackPage, error)
	FeedbackCounts(ctx context.Context, from, to time.Time) ([]crm.ScoreCount, error)
}

// MaxPage is the largest window List returns at once.
const MaxPage = 500

// MaxComment is the longest comment, in characters.
const MaxComment = 10_000

// maxMonths is the longest range a summary covers.
const maxMonths = 240

// futureSlack is how far past the clock an answer's instant may be (a
// clock a little behind another device's).
const futureSlack = 5 * time.Minute

// Service manages feedback answers.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service writing to st and stamping changes with clock.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// Normalize trims the comment and validates f at instant now: a contact is
// required, the kind must be nps or csat and the score on its scale
// (0–10, 1–5); a zero ReceivedAt becomes now, and one in the future is
// refused. Errors are *crm.Error naming the field.
func Normalize(f crm.FeedbackFields, now time.Time) (crm.FeedbackFields, error) {
	f.ContactID = strings.TrimSpace(f.ContactID)
	f.OwnerID = strings.TrimSpace(f.OwnerID)
	f.Comment = strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(f.Comment, "\uFFFD"), "\r\n", "\n"))
	if f.ContactID == "" {
		return f, crm.FieldError(crm.CodeInvalidInput, "contactId", "feedback needs the contact who gave it")
	}
	lo, hi, ok := f.Kind.ScoreRange()
	if !ok {
		return f, crm.FieldError(crm.CodeInvalidInput, "kind", fmt.Sprintf("feedback kind %q is neither nps nor csat", f.Kind))
	}
	if f.Score < lo || f.Score > hi {
		return f, crm.FieldError(crm.CodeInvalidInput, "score", fmt.Sprintf("a %s score is between %d and %d, not %d", f.Kind, lo, hi, f.Score))
	}
	if utf8.RuneCountInString(f.Comment) > MaxComment {
		return f, crm.FieldError(crm.CodeInvalidInput, "comment", fmt.Sprintf("the comment is longer than %d characters", MaxComment))
	}
	if f.ReceivedAt.IsZero() {
		f.ReceivedAt = now
	}
	if f.ReceivedAt.After(now.Add(futureSlack)) {
		return f, crm.FieldError(crm.CodeDateInvalid, "receivedAt", "feedback cannot be received in the future")
	}
	f.ReceivedAt = f.ReceivedAt.UTC().Truncate(time.Millisecond)
	return f, nil
}

// Record validates f and stores it as a new answer, stamped with the
// contact's company.
func (s *Service) Record(ctx context.Context, f crm.FeedbackFields) (crm.Feedback, error) {
	now := s.clock.Now()
	f, err := Normalize(f, now)
	if err != nil {
		return crm.Feedback{}, err
	}
	company, err := s.store.ContactCompanyID(ctx, f.ContactID)
	if err != nil {
		return crm.Feedback{}, err
	}
	fb := crm.Feedback{ID: crm.NewID(now), FeedbackFields: f, CompanyID: company, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateFeedback(ctx, fb); err != nil {
		return crm.Feedback{}, err
	}
	return fb, nil
}

// Update replaces the fields of answer id, edited from baseVersion; the
// company is taken again from the (maybe new) contact.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.FeedbackFields) (crm.Feedback, error) {
	now := s.clock.Now()
	f, err := Normalize(f, now)
	if err != nil {
		return crm.Feedback{}, err
	}
	cur, err := s.store.GetFeedback(ctx, id)
	if err != nil {
		return crm.Feedback{}, err
	}
	if cur.DeletedAt != nil {
		return crm.Feedback{}, crm.Errorf(crm.CodeNotFound, "feedback %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return crm.Feedback{}, crm.Errorf(crm.CodeVersionConflict,
			"feedback %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	company, err := s.store.ContactCompanyID(ctx, f.ContactID)
	if err != nil {
		return crm.Feedback{}, err
	}
	if cur.FeedbackFields == f && cur.CompanyID == company {
		return cur, nil
	}
	next := cur
	next.FeedbackFields, next.CompanyID = f, company
	next.Version, next.UpdatedAt = baseVersion+1, now
	if err := s.store.UpdateFeedback(ctx, next); err != nil {
		return crm.Feedback{}, err
	}
	return s.store.GetFeedback(ctx, id)
}

// Delete tombstones answer id; Restore undoes it.
func (s *Service) Delete(ctx context.Context, id string) (crm.Feedback, error) {
	return s.store.DeleteFeedback(ctx, id)
}

// Restore brings back a deleted answer.
func (s *Service) Restore(ctx context.Context, id string) (crm.Feedback, error) {
	return s.store.RestoreFeedback(ctx, id)
}

// Get returns one answer.
func (s *Service) Get(ctx context.Context, id string) (crm.Feedback, error) {
	return s.store.GetFeedback(ctx, id)
}

// List returns a window of the live answers q selects, newest first.
func (s *Service) List(ctx context.Context, q crm.FeedbackQuery) (crm.FeedbackPage, error) {
	if q.Offset < 0 {
		return crm.FeedbackPage{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if q.Limit <= 0 || q.Limit > MaxPage {
		return crm.FeedbackPage{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	if q.Kind != "" {
		if _, _, ok := q.Kind.ScoreRange(); !ok {
			return crm.FeedbackPage{}, crm.FieldError(crm.CodeInvalidInput, "kind", fmt.Sprintf("feedback kind %q is neither nps nor csat", q.Kind))
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.To.After(q.From) {
		return crm.FeedbackPage{}, crm.FieldError(crm.CodeDateInvalid, "to", "the range ends before it starts")
	}
	return s.store.ListFeedback(ctx, q)
}

// Summary computes the NPS and CSAT of the answers received in [from, to),
// over the range and by month (months read in loc): one aggregate query
// per month, so a year of 100,000 answers never leaves the database.
func (s *Service) Summary(ctx context.Context, from, to time.Time, loc *time.Location) (Summary, error) {
	if !to.After(from) {
		return Summary{}, crm.FieldError(crm.CodeDateInvalid, "to", "the range ends before it starts")
	}
	months := Months(from, to, loc)
	if len(months) > maxMonths {
		return Summary{}, crm.FieldError(crm.CodeDateInvalid, "from", fmt.Sprintf("a summary covers at most %d months", maxMonths))
	}
	tallies := make([]Tally, len(months))
	for i, m := range months {
		counts, err := s.store.FeedbackCounts(ctx, m.From, m.To)
		if err != nil {
			return Summary{}, err
		}
		tallies[i] = TallyOf(counts)
	}
	return SummaryOf(from, to, months, tallies), nil
}
