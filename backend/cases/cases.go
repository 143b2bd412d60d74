// Package cases is the use-case layer for support cases (tickets): it
// validates cases, numbers them per year, moves them through their
// statuses (resolving stamps the resolution instant, reopening clears it)
// and computes resolution times and the backlog as pure functions the
// reports build on.
package cases

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	ContactCompanyID(ctx context.Context, contactID string) (string, error)
	CreateCase(ctx context.Context, c crm.Case) (crm.Case, error)
	UpdateCase(ctx context.Context, c crm.Case) error
	DeleteCase(ctx context.Context, id string) (crm.Case, error)
	RestoreCase(ctx context.Context, id string) (crm.Case, error)
	GetCase(ctx context.Context, id string) (crm.Case, error)
	ListCases(ctx context.Context, q crm.CaseQuery) (crm.CasePage, error)
	ResolutionTimes(ctx context.Context, from, to time.Time) ([]time.Duration, error)
	CaseBacklog(ctx context.Context) ([]crm.BacklogCount, *time.Time, error)
}

// MaxPage is the largest window List returns at once.
const MaxPage = 500

const (
	maxSubject     = 500
	maxDescription = 100_000
	futureSlack    = 5 * time.Minute
)

// Service manages support cases.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service writing to st and stamping changes with clock.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// Normalize trims f and validates it: a subject is required, priority
// defaults to normal and status to open, both must be known values.
// Errors are *crm.Error naming the field.
func Normalize(f crm.CaseFields) (crm.CaseFields, error) {
	f.Subject = crm.CleanLine(f.Subject)
	f.Description = strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(f.Description, "\uFFFD"), "\r\n", "\n"))
	f.ContactID, f.CompanyID, f.OwnerID = strings.TrimSpace(f.ContactID), strings.TrimSpace(f.CompanyID), strings.TrimSpace(f.OwnerID)
	if f.Priority == "" {
		f.Priority = crm.PriorityNormal
	}
	if f.Status == "" {
		f.Status = crm.CaseOpen
	}
	switch {
	case f.Subject == "":
		return f, crm.FieldError(crm.CodeInvalidInput, "subject", "a case needs a subject")
	case utf8.RuneCountInString(f.Subject) > maxSubject:
		return f, crm.FieldError(crm.CodeInvalidInput, "subject", fmt.Sprintf("the subject is longer than %d characters", maxSubject))
	case utf8.RuneCountInString(f.Description) > maxDescription:
		return f, crm.FieldError(crm.CodeInvalidInput, "description", fmt.Sprintf("the description is longer than %d characters", maxDescription))
	case !slices.Contains(crm.CasePriorities, f.Priority):
		return f, crm.FieldError(crm.CodeInvalidInput, "priority", fmt.Sprintf("unknown priority %q", f.Priority))
	case !slices.Contains(crm.CaseStatuses, f.Status):
		return f, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("unknown status %q", f.Status))
	}
	return f, nil
}

// SetStatus moves c to status s at instant at: entering resolved or closed
// from open or pending stamps ResolvedAt (a case resolved and then closed
// keeps its first resolution instant), going back to open or pending
// clears it.
func SetStatus(c crm.Case, s crm.CaseStatus, at time.Time) crm.Case {
	switch {
	case s.Done() && c.ResolvedAt == nil:
		t := at.UTC().Truncate(time.Millisecond)
		c.ResolvedAt = &t
	case !s.Done():
		c.ResolvedAt = nil
	}
	c.Status = s
	return c
}

// linkCompany fills an empty company from the contact's.
func (s *Service) linkCompany(ctx context.Context, f crm.CaseFields) (crm.CaseFields, error) {
	if f.ContactID == "" {
		return f, nil
	}
	company, err := s.store.ContactCompanyID(ctx, f.ContactID)
	if err != nil {
		return f, err
	}
	if f.CompanyID == "" {
		f.CompanyID = company
	}
	return f, nil
}

// Open validates f and stores it as a new case opened at openedAt (now
// when zero; never in the future), numbered "C-<year>-NNNN". A case opened
// as resolved or closed is resolved at once.
func (s *Service) Open(ctx context.Context, f crm.CaseFields, openedAt time.Time) (crm.Case, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Case{}, err
	}
	now := s.clock.Now()
	if openedAt.IsZero() {
		openedAt = now
	}
	if openedAt.After(now.Add(futureSlack)) {
		return crm.Case{}, crm.FieldError(crm.CodeDateInvalid, "openedAt", "a case cannot be opened in the future")
	}
	if f, err = s.linkCompany(ctx, f); err != nil {
		return crm.Case{}, err
	}
	status := f.Status
	f.Status = crm.CaseOpen
	c := crm.Case{ID: crm.NewID(now), CaseFields: f, OpenedAt: openedAt.UTC().Truncate(time.Millisecond), Version: 1, CreatedAt: now, UpdatedAt: now}
	c = SetStatus(c, status, now)
	return s.store.CreateCase(ctx, c)
}

// current returns live case id at version baseVersion.
func (s *Service) current(ctx context.Context, id string, baseVersion int) (crm.Case, error) {
	cur, err := s.store.GetCase(ctx, id)
	if err != nil {
		return cur, err
	}
	if cur.DeletedAt != nil {
		return cur, crm.Errorf(crm.CodeNotFound, "case %s was deleted", cur.Number)
	}
	if cur.Version != baseVersion {
		return cur, crm.Errorf(crm.CodeVersionConflict,
			"case %s changed elsewhere: it is at version %d, the edit was based on version %d", cur.Number, cur.Version, baseVersion)
	}
	return cur, nil
}

func (s *Service) save(ctx context.Context, next crm.Case, baseVersion int, at time.Time) (crm.Case, error) {
	next.Version, next.UpdatedAt = baseVersion+1, at
	if err := s.store.UpdateCase(ctx, next); err != nil {
		return crm.Case{}, err
	}
	return s.store.GetCase(ctx, next.ID)
}

// Update replaces the fields of case id, edited from baseVersion; a status
// change resolves or reopens it as SetStatus says.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.CaseFields) (crm.Case, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Case{}, err
	}
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return crm.Case{}, err
	}
	if f.ContactID != cur.ContactID || f.CompanyID == "" {
		if f, err = s.linkCompany(ctx, f); err != nil {
			return crm.Case{}, err
		}
	}
	if cur.CaseFields == f {
		return cur, nil
	}
	now := s.clock.Now()
	status := f.Status
	next := cur
	next.CaseFields = f
	next.Status = cur.Status
	return s.save(ctx, SetStatus(next, status, now), baseVersion, now)
}

// Resolve marks case id resolved now.
func (s *Service) Resolve(ctx context.Context, id string, baseVersion int) (crm.Case, error) {
	return s.ResolveAt(ctx, id, baseVersion, time.Time{})
}

// ResolveAt marks case id resolved at instant at (now when zero): not
// before it was opened, not in the future. A case already resolved or
// closed gets the new instant.
func (s *Service) ResolveAt(ctx context.Context, id string, baseVersion int, at time.Time) (crm.Case, error) {
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return crm.Case{}, err
	}
	now := s.clock.Now()
	if at.IsZero() {
		at = now
	}
	if at.Before(cur.OpenedAt) || at.After(now.Add(futureSlack)) {
		return crm.Case{}, crm.FieldError(crm.CodeDateInvalid, "resolvedAt", "a case is resolved after it was opened and not in the future")
	}
	next := cur
	next.ResolvedAt = nil
	return s.save(ctx, SetStatus(next, crm.CaseResolved, at), baseVersion, now)
}

// Reopen puts a resolved or closed case back to open and clears its
// resolution instant.
func (s *Service) Reopen(ctx context.Context, id string, baseVersion int) (crm.Case, error) {
	cur, err := s.current(ctx, id, baseVersion)
	if err != nil {
		return crm.Case{}, err
	}
	if !cur.Status.Done() {
		return cur, nil
	}
	now := s.clock.Now()
	return s.save(ctx, SetStatus(cur, crm.CaseOpen, now), baseVersion, now)
}

// Delete tombstones case id; Restore undoes it.
func (s *Service) Delete(ctx context.Context, id string) (crm.Case, error) {
	return s.store.DeleteCase(ctx, id)
}

// Restore brings back a deleted case (with its number).
func (s *Service) Restore(ctx context.Context, id string) (crm.Case, error) {
	return s.store.RestoreCase(ctx, id)
}

// Get returns one case.
func (s *Service) Get(ctx context.Context, id string) (crm.Case, error) {
	return s.store.GetCase(ctx, id)
}

// List returns a window of the live cases q selects.
func (s *Service) List(ctx context.Context, q crm.CaseQuery) (crm.CasePage, error) {
	if q.Offset < 0 {
		return crm.CasePage{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if q.Limit <= 0 || q.Limit > MaxPage {
		return crm.CasePage{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	for _, st := range q.Statuses {
		if !slices.Contains(crm.CaseStatuses, st) {
			return crm.CasePage{}, crm.FieldError(crm.CodeInvalidInput, "statuses", fmt.Sprintf("unknown status %q", st))
		}
	}
	for _, p := range q.Priorities {
		if !slices.Contains(crm.CasePriorities, p) {
			return crm.CasePage{}, crm.FieldError(crm.CodeInvalidInput, "priorities", fmt.Sprintf("unknown priority %q", p))
		}
	}
	switch q.Sort {
	case "", crm.CaseSortOpened, crm.CaseSortUpdated, crm.CaseSortPriority, crm.CaseSortNumber, crm.CaseSortSubject:
	default:
		return crm.CasePage{}, crm.FieldError(crm.CodeInvalidInput, "sort", fmt.Sprintf("unknown sort %q", q.Sort))
	}
	return s.store.ListCases(ctx, q)
}

// Stats are the service figures of a range: resolution times of the
// cases resolved in it, and the backlog now.
type Stats struct {
	Resolution ResolutionStats
	Backlog    Backlog
}

// Stats computes the resolution times of the cases resolved in [from, to)
// and the current backlog.
func (s *Service) Stats(ctx context.Context, from, to time.Time) (Stats, error) {
	if !to.After(from) {
		return Stats{}, crm.FieldError(crm.CodeDateInvalid, "to", "the range ends before it starts")
	}
	times, err := s.store.ResolutionTimes(ctx, from, to)
	if err != nil {
		return Stats{}, err
	}
	counts, oldest, err := s.store.CaseBacklog(ctx)
	if err != nil {
		return Stats{}, err
	}
	return Stats{Resolution: ResolutionOf(times), Backlog: BacklogFrom(counts, oldest)}, nil
}
