package crm

import (
	"errors"
	"fmt"
)

// Error codes. The UI translates a code into the user's language, so a code
// names one situation a user can act on.
const (
	CodeInvalidInput    = "invalid_input"
	CodeContactEmpty    = "contact_empty"
	CodeEmailInvalid    = "email_invalid"
	CodePhoneInvalid    = "phone_invalid"
	CodeURLInvalid      = "url_invalid"
	CodeDateInvalid     = "date_invalid"
	CodeNotFound        = "not_found"
	CodeVersionConflict = "version_conflict"
	CodeInternal        = "internal"
	// Companies, custom fields and photos.
	CodeCompanyExists      = "company_exists"
	CodeCompanyHasPeople   = "company_has_people"
	CodeCustomValueInvalid = "custom_value_invalid"
	CodeCustomFieldExists  = "custom_field_exists"
	CodePhotoInvalid       = "photo_invalid"
	// CodeFileUnreadable is a file to import or export that cannot be opened.
	CodeFileUnreadable = "file_unreadable"
	// CodeFileNotText is a file to import that holds binary data, not text.
	CodeFileNotText = "file_not_text"
)

// Error is an error a user can understand: a stable Code for translation, an
// English Message for logs and the CLI, and the input Field it concerns, if any.
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.Message, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError builds an *Error about one input field.
func FieldError(code, field, message string) *Error {
	return &Error{Code: code, Field: field, Message: message}
}

// ErrorCode returns the code of the first *Error in err's chain, CodeInternal
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorMessage returns the user-facing message of err: the Message of an
// *Error, or a generic text for internal errors (whose details belong in logs).
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "An internal error occurred."
}
