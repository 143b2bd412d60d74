package app

import (
	"context"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// Services are everything bound to the front end.
type Services struct {
	Contacts *ContactsService
	Settings *SettingsService
	Status   *StatusService
}

// Config is what the bound services need besides the database.
type Config struct {
	Version         string
	DefaultLanguage string // until the user picks one; see LanguageFromEnv
	Clock           crm.Clock
	Events          Emitter
}

// NewServices builds the bound services over an open database.
func NewServices(ctx context.Context, db *store.DB, cfg Config) *Services {
	return &Services{
		Contacts: NewContactsService(ctx, contacts.New(db, cfg.Clock), cfg.Events),
		Settings: NewSettingsService(ctx, db, cfg.DefaultLanguage),
		Status:   NewStatusService(ctx, db, cfg.Version),
	}
}

// Bindings lists the objects whose exported methods the front end may call.
func (s *Services) Bindings() []any {
	return []any{s.Contacts, s.Settings, s.Status}
}
