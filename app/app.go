package app

import (
	"context"
	"os"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/store"
	"fieldbook/sync/syncer"
)

// Services are everything bound to the front end.
type Services struct {
	Contacts *ContactsService
	Settings *SettingsService
	Status   *StatusService
	Sync     *SyncService
	// Duplicates: suggested duplicates, merge and undo.
	Duplicates *DuplicatesService
}

// Config is what the bound services need besides the database.
type Config struct {
	Version         string
	DefaultLanguage string // until the user picks one; see LanguageFromEnv
	Clock           crm.Clock
	Events          Emitter
	// Secrets keeps account passwords and says where (credentials.Vault).
	Secrets interface {
		syncer.Secrets
		CredentialInfo
	}
}

// NewServices builds the bound services over an open database.
func NewServices(ctx context.Context, db *store.DB, cfg Config) *Services {
	return &Services{
		Contacts: NewContactsService(ctx, contacts.New(db, cfg.Clock), cfg.Events),
		Settings: NewSettingsService(ctx, db, cfg.DefaultLanguage),
		Status:   NewStatusService(ctx, db, cfg.Version),
		Sync:     NewSyncService(ctx, db, cfg.Secrets, cfg.Secrets, cfg.Clock, cfg.Events),
		Duplicates: NewDuplicatesService(ctx,
			duplicates.New(db, PhoneRegion(ctx, db, os.Getenv)), cfg.Events),
	}
}

// Bindings lists the objects whose exported methods the front end may call.
func (s *Services) Bindings() []any {
	return []any{s.Contacts, s.Settings, s.Status, s.Sync, s.Duplicates}
}
