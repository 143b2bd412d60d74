package vcard

import "fmt"

// Problem describes input that was skipped or repaired while decoding.
// Problems never stop the decoder; they are reported so an importer can show
// what was dropped.
type Problem struct {
	// Card is the zero-based index of the card in the stream the problem
	// belongs to, or -1 for text outside any card.
	Card int
	// Line is the 1-based physical line number where the problem starts
	// (after any UTF-16 transcoding, lines are counted the same way).
	Line int
	// Property is the property name involved, if any.
	Property string
	// Reason says what was wrong and what was done about it.
	Reason string
}

// String formats the problem for logs.
func (p Problem) String() string {
	prop := ""
	if p.Property != "" {
		prop = " " + p.Property
	}
	if p.Card < 0 {
		return fmt.Sprintf("line %d%s: %s", p.Line, prop, p.Reason)
	}
	return fmt.Sprintf("card %d, line %d%s: %s", p.Card, p.Line, prop, p.Reason)
}
