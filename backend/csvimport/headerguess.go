package csvimport

import (
	"strings"
	"unicode"
)

// headerGuessFields is how many leading fields looksLikeHeader examines.
const headerGuessFields = 256

// looksLikeHeader decides whether a first row is a header: it is unless no
// field is a known column name and some field looks like data (an e-mail
// address, or a number such as a phone number or a date). Only the first
// headerGuessFields fields are examined.
func looksLikeHeader(fields []string) bool {
	fields = fields[:min(len(fields), headerGuessFields)]
	for _, f := range fields {
		if _, ok := lookupHeader(f); ok {
			return true
		}
	}
	for _, f := range fields {
		if looksLikeData(strings.TrimSpace(f)) {
			return false
		}
	}
	return true
}

// looksLikeData reports whether a value is more likely data than a column name.
func looksLikeData(v string) bool {
	if v == "" {
		return false
	}
	if strings.Contains(v, "@") {
		return true
	}
	digits := 0
	for _, r := range v {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			return false
		}
	}
	return digits > 0
}
