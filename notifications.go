package main

import (
	"context"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// wailsNotifications are the desktop notifications of the Wails runtime
// (D-Bus on Linux); reminders fall back to the in-app ones when Init fails.
type wailsNotifications struct {
	ctx    context.Context
	inited atomic.Bool
}

func (n *wailsNotifications) Init() error {
	if err := runtime.InitializeNotifications(n.ctx); err != nil {
		return err
	}
	n.inited.Store(true)
	return nil
}

func (n *wailsNotifications) Send(id, title, body string) error {
	return runtime.SendNotification(n.ctx, runtime.NotificationOptions{ID: id, Title: title, Body: body})
}

// Close releases the notification service (the D-Bus connection), if it was set up.
func (n *wailsNotifications) Close() {
	if n.inited.Load() {
		runtime.CleanupNotifications(n.ctx)
	}
}
