package main

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"fieldbook/app"
)

// wailsDialogs are the native file dialogs of the Wails runtime.
type wailsDialogs struct{ ctx context.Context }

func (d wailsDialogs) OpenFile(title string, filters []app.FileFilter) (string, error) {
	fs := make([]runtime.FileFilter, len(filters))
	for i, f := range filters {
		fs[i] = runtime.FileFilter{DisplayName: f.DisplayName, Pattern: f.Pattern}
	}
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title, Filters: fs})
}

func (d wailsDialogs) SaveFile(title, defaultName string) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName})
}

func (d wailsDialogs) ChooseDirectory(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}
