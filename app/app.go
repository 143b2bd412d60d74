package app

import (
	"context"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/syncer"
)

// Services are everything bound to the front end.
type Services struct {
	Contacts *ContactsService
	Settings *SettingsService
	Status   *StatusService
	Sync     *SyncService
	// ImportExport is the import wizard and the export dialog.
	ImportExport *ImportExportService
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
	// Duplicates finds and merges duplicates during imports.
	Duplicates Duplicates
	// Dialogs are the window's file dialogs, set once it has started (nil:
	// none, the wizard's path box still works).
	Dialogs *SwitchableDialogs
}

// NewServices builds the bound services over an open database.
func NewServices(ctx context.Context, db *store.DB, cfg Config) *Services {
	return &Services{
		Contacts: NewContactsService(ctx, contacts.New(db, cfg.Clock), cfg.Events),
		Settings: NewSettingsService(ctx, db, cfg.DefaultLanguage),
		Status:   NewStatusService(ctx, db, cfg.Version),
		Sync:     NewSyncService(ctx, db, cfg.Secrets, cfg.Secrets, cfg.Clock, cfg.Events),

		ImportExport: NewImportExportService(ctx, db, cfg.Clock, cfg.Events, cfg.Dialogs, cfg.Duplicates),
	}
}

// Bindings lists the objects whose exported methods the front end may call.
func (s *Services) Bindings() []any {
	return []any{s.Contacts, s.Settings, s.Status, s.Sync, s.ImportExport}
}
