package csvimport

import (
	"errors"
	"fmt"
)

// Errors wrapped by a *RowError, for errors.Is.
var (
	// ErrUnterminatedQuote: a quoted field was still open at the end of the input.
	ErrUnterminatedQuote = errors.New("unterminated quoted field")
	// ErrFieldTooLong: a field exceeded Options.MaxFieldBytes.
	ErrFieldTooLong = errors.New("field too long")
	// ErrRowTooLong: a row exceeded Options.MaxRowBytes.
	ErrRowTooLong = errors.New("row too long")
)

// RowError reports a row that could not be read and was skipped. Reading
// can continue with Next: the caller records "skipped, why" and goes on.
type RowError struct {
	// Line is the 1-based physical line on which the skipped row starts.
	Line int
	// Err says why; it wraps one of ErrUnterminatedQuote, ErrFieldTooLong
	// or ErrRowTooLong.
	Err error
}

// Error implements error.
func (e *RowError) Error() string {
	return fmt.Sprintf("csvimport: row at line %d skipped: %v", e.Line, e.Err)
}

// Unwrap returns the reason.
func (e *RowError) Unwrap() error { return e.Err }
