package app

import (
	"encoding/json"
	"errors"
	"log/slog"

	"fieldbook/backend/crm"
)

// ErrorDTO is how an error crosses the binding. Code selects the translated
// text in the UI.
type ErrorDTO struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// ErrorFormatter turns errors returned by bound methods into the JSON text
// of an ErrorDTO (options.App.ErrorFormatter). Text, because the Wails
// runtime rejects the call's promise with new Error(value), which would turn
// an object into "[object Object]"; the front end parses the message back.
// Internal errors are logged in full and reach the UI only as a generic
// message.
func ErrorFormatter(log *slog.Logger) func(error) any {
	return func(err error) any {
		b, _ := json.Marshal(toErrorDTO(log, err)) // three strings always marshal
		return string(b)
	}
}

func toErrorDTO(log *slog.Logger, err error) ErrorDTO {
	var e *crm.Error
	if errors.As(err, &e) {
		return ErrorDTO{Code: e.Code, Message: e.Message, Field: e.Field}
	}
	log.Error("internal error", "err", err)
	return ErrorDTO{Code: crm.CodeInternal, Message: crm.ErrorMessage(err)}
}
