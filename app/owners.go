package app

import (
	"context"
	"os/user"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/owners"
)

// EventOwnersChanged follows every change to the owners or the local profile.
const EventOwnersChanged = "owners:changed"

// Owner is a person records belong to.
type Owner struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	// IsMe marks the local user's own profile.
	IsMe bool `json:"isMe"`
}

// OwnerInput is a new owner (ID "") or an edit of one.
type OwnerInput struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// OwnersService is bound to the front end: the local profile and the other
// owners of records.
type OwnersService struct {
	ctx    context.Context
	svc    *owners.Service
	events Emitter
}

// NewOwnersService wraps the owners use cases for the binding.
func NewOwnersService(ctx context.Context, svc *owners.Service, events Emitter) *OwnersService {
	return &OwnersService{ctx: ctx, svc: svc, events: events}
}

// List returns every live owner by name, the local profile marked.
func (s *OwnersService) List() ([]Owner, error) {
	me, err := s.svc.Me(s.ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.svc.List(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Owner, len(list))
	for i, o := range list {
		out[i] = toOwnerDTO(o, me.ID)
	}
	return out, nil
}

// Me returns the local user's profile (made on first use).
func (s *OwnersService) Me() (Owner, error) {
	me, err := s.svc.Me(s.ctx)
	if err != nil {
		return Owner{}, err
	}
	return toOwnerDTO(me, me.ID), nil
}

// SaveOwner adds an owner or edits one.
func (s *OwnersService) SaveOwner(in OwnerInput) (Owner, error) {
	me, err := s.svc.Me(s.ctx)
	if err != nil {
		return Owner{}, err
	}
	o, err := s.svc.Save(s.ctx, crm.Owner{ID: in.ID, Name: in.Name, Email: in.Email})
	if err != nil {
		return Owner{}, err
	}
	s.events.Emit(EventOwnersChanged)
	return toOwnerDTO(o, me.ID), nil
}

// SetMe makes owner id the local user's profile.
func (s *OwnersService) SetMe(id string) error {
	if err := s.svc.SetMe(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventOwnersChanged)
	return nil
}

// DeleteOwner removes an owner other than the local profile; its records
// keep it as owner.
func (s *OwnersService) DeleteOwner(id string) error {
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventOwnersChanged)
	return nil
}

func toOwnerDTO(o crm.Owner, meID string) Owner {
	return Owner{ID: o.ID, Name: o.Name, Email: o.Email, IsMe: o.ID == meID}
}

// SystemUserName is the full name of the account the app runs as, for the
// first local profile: the GECOS name before its first comma, else the
// login name, else "".
func SystemUserName(current func() (*user.User, error)) string {
	u, err := current()
	if err != nil || u == nil {
		return ""
	}
	if name, _, _ := strings.Cut(u.Name, ","); strings.TrimSpace(name) != "" {
		return strings.TrimSpace(name)
	}
	return u.Username
}
