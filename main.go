// Command fieldbook is the Fieldbook desktop CRM: with no arguments it opens
// the window; with a subcommand (seed, stats, version, help) it runs headless.
// This file only composes the parts: the database, the services, the window.
package main

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"syscall"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"fieldbook/app"
	"fieldbook/backend/credentials"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is set at build time: -ldflags "-X main.version=…".
var version = "dev"

func main() {
	inv, err := app.ParseInvocation(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fieldbook:", err)
		os.Exit(2)
	}
	if inv.Command != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		inv.Stdin = os.Stdin
		code := app.RunCommand(ctx, inv, version, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	if generatingBindings {
		dir, err := os.MkdirTemp("", "fieldbook-bindings-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "fieldbook:", err)
			os.Exit(1)
		}
		defer os.RemoveAll(dir)
		inv.DBPath = dir + "/bindings.db"
	}
	if err := openWindow(inv.DBPath); err != nil {
		fmt.Fprintln(os.Stderr, "fieldbook:", err)
		os.Exit(1)
	}
}

func openWindow(dbPath string) error {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx := context.Background()
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		log.Error("cannot open the database", "path", dbPath, "err", err)
		return showStartupError(err)
	}
	defer db.Close()
	log.Info("database open", "path", dbPath)

	vault, err := credentials.Open(filepath.Dir(dbPath))
	if err != nil {
		log.Error("cannot open the password store", "err", err)
		return showStartupError(err)
	}
	if vault.Backend() == credentials.BackendFile {
		log.Info("no system keychain", "passwords", vault.Path(), "reason", vault.FallbackReason())
	}
	events := &app.SwitchableEmitter{}
	dialogs := &app.SwitchableDialogs{}
	services := app.NewServices(ctx, db, app.Config{
		Version:            version,
		DefaultLanguage:    app.LanguageFromEnv(os.Getenv),
		DefaultPhoneRegion: app.PhoneRegionFromEnv(os.Getenv),
		Clock:              crm.SystemClock{},
		Events:             events,
		Secrets:            vault,
		Dialogs:            dialogs,
		Log:                log,
		UserName:           app.SystemUserName(user.Current),
	})
	var notifications *wailsNotifications
	return wails.Run(&options.App{
		Title:            "Fieldbook",
		Width:            1280,
		Height:           800,
		MinWidth:         900,
		MinHeight:        600,
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		OnStartup: func(ctx context.Context) {
			events.Set(app.EmitterFunc(func(name string, data ...any) { runtime.EventsEmit(ctx, name, data...) }))
			dialogs.Set(wailsDialogs{ctx: ctx})
			if !generatingBindings {
				services.Sync.Start(ctx)
				notifications = &wailsNotifications{ctx: ctx}
				services.StartReminders(ctx, notifications)
				services.StartReorders(ctx)
			}
		},
		OnShutdown: func(context.Context) {
			services.Sync.Stop()
			services.StopReminders()
			services.StopReorders()
			if notifications != nil {
				notifications.Close()
			}
		},
		Bind:           services.Bindings(),
		ErrorFormatter: app.ErrorFormatter(log),
		Linux:          &linux.Options{ProgramName: "fieldbook"},
	})
}

// showStartupError tells a user who started Fieldbook from the desktop (and
// so sees no terminal) why it cannot start, in a dialog, then quits.
func showStartupError(cause error) error {
	runErr := wails.Run(&options.App{
		Title:       "Fieldbook",
		Width:       640,
		Height:      240,
		AssetServer: &assetserver.Options{Assets: assets},
		OnStartup: func(ctx context.Context) {
			runtime.MessageDialog(ctx, runtime.MessageDialogOptions{
				Type:    runtime.ErrorDialog,
				Title:   "Fieldbook cannot start",
				Message: fmt.Sprintf("Fieldbook could not open its database.\n\n%v", cause),
			})
			runtime.Quit(ctx)
		},
		Linux: &linux.Options{ProgramName: "fieldbook"},
	})
	if runErr != nil {
		return fmt.Errorf("%w (and the error window failed: %v)", cause, runErr)
	}
	return cause
}
