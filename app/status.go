package app

import "context"

// StatusStore reports the counts the status bar shows.
type StatusStore interface {
	ContactCounts(ctx context.Context) (live, deleted int, err error)
	PendingChanges(ctx context.Context) (int, error)
	Path() string
}

// StatusService is bound to the front end: what the status bar shows.
type StatusService struct {
	ctx     context.Context
	store   StatusStore
	version string
}

// NewStatusService reports on st for this build's version.
func NewStatusService(ctx context.Context, st StatusStore, version string) *StatusService {
	return &StatusService{ctx: ctx, store: st, version: version}
}

// Status returns the current figures.
func (s *StatusService) Status() (Status, error) {
	live, _, err := s.store.ContactCounts(s.ctx)
	if err != nil {
		return Status{}, err
	}
	pending, err := s.store.PendingChanges(s.ctx)
	if err != nil {
		return Status{}, err
	}
	return Status{Version: s.version, DatabasePath: s.store.Path(), Contacts: live, PendingChanges: pending}, nil
}
