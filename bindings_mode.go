//go:build bindings

package main

// generatingBindings is true when the Wails CLI builds this binary only to
// read the bound methods (build tag "bindings"); no real database is opened.
const generatingBindings = true
