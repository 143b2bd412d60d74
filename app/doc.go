// Package app is the thin layer between the outside world and the backend:
// the services Wails binds to the front end (map input → call a backend
// service → map the result, emit an event), their DTOs, the error format
// that crosses the binding, and the command-line interface of the same
// binary. It never imports the Wails runtime: main injects an Emitter.
package app
