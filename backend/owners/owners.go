// Package owners keeps the people records belong to: the local user profile
// ("me", the default owner of what this user creates) and the colleagues
// whose records share this database.
package owners

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// settingMe is the setting holding the owner ID of the local user.
const settingMe = "me"

// Store is what this package needs from persistence.
type Store interface {
	SaveOwner(ctx context.Context, o crm.Owner) error
	GetOwner(ctx context.Context, id string) (crm.Owner, error)
	ListOwners(ctx context.Context) ([]crm.Owner, error)
	DeleteOwner(ctx context.Context, id string, at time.Time) error
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

// Service manages owners.
type Service struct {
	store       Store
	clock       crm.Clock
	defaultName string
}

// New returns a Service over st. defaultName names the local profile made
// on first use (the system user's name; "" gives "Me").
func New(st Store, clock crm.Clock, defaultName string) *Service {
	if defaultName == "" {
		defaultName = "Me"
	}
	return &Service{store: st, clock: clock, defaultName: defaultName}
}

// Me returns the local user's profile, making it on first use.
func (s *Service) Me(ctx context.Context) (crm.Owner, error) {
	id, ok, err := s.store.Setting(ctx, settingMe)
	if err != nil {
		return crm.Owner{}, err
	}
	if ok {
		o, err := s.store.GetOwner(ctx, id)
		if err == nil && o.DeletedAt == nil {
			return o, nil
		}
		if err != nil && crm.ErrorCode(err) != crm.CodeNotFound {
			return crm.Owner{}, err
		}
	}
	o, err := s.Save(ctx, crm.Owner{Name: s.defaultName})
	if err != nil {
		return crm.Owner{}, fmt.Errorf("owners: make the local profile: %w", err)
	}
	if err := s.store.SetSetting(ctx, settingMe, o.ID); err != nil {
		return crm.Owner{}, err
	}
	return o, nil
}

// Save validates o and stores it: a new owner when o.ID is "", else an
// edit of that owner's name and e-mail.
func (s *Service) Save(ctx context.Context, o crm.Owner) (crm.Owner, error) {
	o.Name, o.Email = crm.CleanLine(o.Name), crm.CleanLine(o.Email)
	switch {
	case o.Name == "":
		return crm.Owner{}, crm.FieldError(crm.CodeOwnerInvalid, "name", "an owner needs a name")
	case utf8.RuneCountInString(o.Name) > 200:
		return crm.Owner{}, crm.FieldError(crm.CodeOwnerInvalid, "name", "the name is longer than 200 characters")
	}
	if o.Email != "" {
		if err := crm.ValidateEmail(o.Email); err != nil {
			return crm.Owner{}, crm.FieldError(crm.CodeEmailInvalid, "email", err.Error())
		}
	}
	now := s.clock.Now()
	if o.ID == "" {
		o.ID, o.CreatedAt = crm.NewID(now), now
	} else {
		cur, err := s.store.GetOwner(ctx, o.ID)
		if err != nil {
			return crm.Owner{}, err
		}
		o.CreatedAt = cur.CreatedAt
	}
	o.UpdatedAt, o.DeletedAt = now, nil
	if err := s.store.SaveOwner(ctx, o); err != nil {
		return crm.Owner{}, err
	}
	return o, nil
}

// List returns the live owners by name, the local profile among them.
func (s *Service) List(ctx context.Context) ([]crm.Owner, error) {
	if _, err := s.Me(ctx); err != nil {
		return nil, err
	}
	return s.store.ListOwners(ctx)
}

// SetMe makes owner id the local user's profile.
func (s *Service) SetMe(ctx context.Context, id string) error {
	o, err := s.store.GetOwner(ctx, id)
	if err != nil {
		return err
	}
	if o.DeletedAt != nil {
		return crm.Errorf(crm.CodeNotFound, "owner %s was deleted", id)
	}
	return s.store.SetSetting(ctx, settingMe, id)
}

// Delete tombstones an owner other than the local profile. Records keep
// the owner's ID and name.
func (s *Service) Delete(ctx context.Context, id string) error {
	me, err := s.Me(ctx)
	if err != nil {
		return err
	}
	if me.ID == id {
		return crm.FieldError(crm.CodeOwnerInvalid, "id", "your own profile cannot be deleted")
	}
	return s.store.DeleteOwner(ctx, id, s.clock.Now())
}
