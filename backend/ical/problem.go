package ical

import "fmt"

// Problem describes input that was skipped or repaired while reading.
// Problems never stop the reader; they are reported so an importer can show
// or log what was dropped.
type Problem struct {
	// Line is the 1-based physical line number where the problem starts.
	Line int
	// Component is the name of the innermost open component ("VEVENT"), or
	// "" outside any component.
	Component string
	// Property is the property name involved, if any.
	Property string
	// Reason says what was wrong and what was done about it.
	Reason string
}

// String formats the problem for logs.
func (p Problem) String() string {
	where := fmt.Sprintf("line %d", p.Line)
	if p.Component != "" {
		where += " in " + p.Component
	}
	if p.Property != "" {
		where += " " + p.Property
	}
	return where + ": " + p.Reason
}
