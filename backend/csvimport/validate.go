package csvimport

import (
	"net/mail"
	"strings"
)

// cleanEmail validates an e-mail address. A "Name <addr>" form yields the
// address. It returns the value to keep and a problem message ("" if fine).
func cleanEmail(v string) (string, string) {
	if strings.ContainsAny(v, " <>\"") {
		if a, err := mail.ParseAddress(v); err == nil {
			return a.Address, ""
		}
	}
	local, domain, ok := strings.Cut(v, "@")
	switch {
	case !ok:
		return v, "not an e-mail address (no @)"
	case local == "" || domain == "":
		return v, "not an e-mail address"
	case strings.Contains(domain, "@"):
		return v, "not an e-mail address (more than one @)"
	case strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, ".."):
		return v, "malformed e-mail domain"
	}
	if simpleEmail(local, domain) {
		return v, ""
	}
	if _, err := mail.ParseAddress(v); err != nil {
		return v, "malformed e-mail address"
	}
	return v, ""
}

// simpleEmail accepts the common shape of an address without the cost of
// net/mail: an unquoted local part of atext characters and dots, and a
// domain of letters, digits and hyphens (any non-ASCII letters allowed, for
// internationalised addresses). Anything else is left to net/mail.
func simpleEmail(local, domain string) bool {
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if r < 0x80 && !isAtext(byte(r)) && r != '.' {
			return false
		}
	}
	for _, r := range domain {
		ok := r >= 0x80 || r == '.' || r == '-' || r >= '0' && r <= '9' || r|0x20 >= 'a' && r|0x20 <= 'z'
		if !ok {
			return false
		}
	}
	return true
}

// isAtext reports whether c may appear unquoted in a local part (RFC 5322).
func isAtext(c byte) bool {
	switch {
	case c >= '0' && c <= '9', c|0x20 >= 'a' && c|0x20 <= 'z':
		return true
	}
	return strings.IndexByte("!#$%&'*+/=?^_`{|}~-", c) >= 0
}

// checkPhone returns a problem message for a phone number without enough
// digits ("" if fine). Numbers are kept as written; normalisation to E.164
// happens later, where the user's country is known.
func checkPhone(v string) string {
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	switch {
	case digits == 0:
		return "phone number has no digits"
	case digits < 3:
		return "phone number too short"
	}
	return ""
}
