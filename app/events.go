package app

import "sync/atomic"

// Event names the front end subscribes to with EventsOn.
const (
	// EventContactsChanged follows every change to contacts.
	EventContactsChanged = "contacts:changed"
	// EventStatusChanged follows any change to the counts or pending changes
	// shown in the status bar.
	EventStatusChanged = "status:changed"
)

// Emitter sends an event to the front end.
type Emitter interface {
	Emit(event string, data ...any)
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(event string, data ...any)

// Emit calls f.
func (f EmitterFunc) Emit(event string, data ...any) { f(event, data...) }

// SwitchableEmitter forwards events to an Emitter set later (the Wails
// runtime's exists only once the window has started) and drops them before.
type SwitchableEmitter struct {
	target atomic.Pointer[Emitter]
}

// Set makes e the receiver of all later events.
func (s *SwitchableEmitter) Set(e Emitter) { s.target.Store(&e) }

// Emit forwards to the current receiver, if any.
func (s *SwitchableEmitter) Emit(event string, data ...any) {
	if t := s.target.Load(); t != nil {
		(*t).Emit(event, data...)
	}
}

// Reminder events.
const (
	// EventReminderDue carries an ActiveReminderDTO when a reminder fires.
	EventReminderDue = "reminder:due"
)
