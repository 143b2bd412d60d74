// Package crm holds Fieldbook's domain types, identifiers and the error type
// that crosses every layer. It depends on the standard library only.
package crm
