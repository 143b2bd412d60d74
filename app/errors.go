package app

import (
	"errors"
	"log/slog"

	"fieldbook/backend/crm"
)

// ErrorDTO is how an error crosses the binding: the promise of a failed call
// rejects with this object. Code selects the translated text in the UI.
type ErrorDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// ErrorFormatter turns errors returned by bound methods into ErrorDTOs
// (options.App.ErrorFormatter). Internal errors are logged in full and
// reach the UI only as a generic message.
func ErrorFormatter(log *slog.Logger) func(error) any {
	return func(err error) any { return toErrorDTO(log, err) }
}

func toErrorDTO(log *slog.Logger, err error) ErrorDTO {
	var e *crm.Error
	if errors.As(err, &e) {
		return ErrorDTO{Code: e.Code, Message: e.Message, Field: e.Field}
	}
	log.Error("internal error", "err", err)
	return ErrorDTO{Code: crm.CodeInternal, Message: crm.ErrorMessage(err)}
}
