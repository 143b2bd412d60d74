package duplicates

import (
	"strings"
	"unicode"

	"fieldbook/backend/crm"
	"fieldbook/backend/phone"
)

// emailKey is the form of an e-mail address compared for duplicates:
// trimmed and case-folded. "" for a value without an "@".
func emailKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.Contains(s, "@") {
		return ""
	}
	return s
}

// phoneKey is the E.164 form of a phone number read with the default
// region ("030 1234567" in DE → "+49301234567"), or, when it cannot be
// read, "#" and its digits if there are at least seven; "" otherwise.
// A number written "+" and digits with spaces, dashes, dots or slashes only
// is its own E.164 form and skips the (slower) full parse.
func phoneKey(raw, region string) string {
	if k, ok := plainInternational(raw); ok {
		return k
	}
	if n := phone.Parse(raw, region); n.E164 != "" {
		return n.E164
	}
	var b strings.Builder
	for _, r := range raw {
		if d := unicode.ToLower(r); d >= '0' && d <= '9' {
			b.WriteRune(d)
		} else if unicode.IsDigit(r) {
			b.WriteRune('0' + rune(digitValue(r)))
		}
	}
	if b.Len() < 7 {
		return ""
	}
	return "#" + b.String()
}

// digitValue is the value of a decimal digit of any script.
func digitValue(r rune) int {
	for base := r; base > r-10; base-- {
		if !unicode.IsDigit(base - 1) {
			return int(r - base)
		}
	}
	return 0
}

// plainInternational reads "+49 30 1234567", "+1-202-555-0100": a plus,
// then ASCII digits separated by single spaces, dashes, dots or slashes.
func plainInternational(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	if len(s) < 8 || s[0] != '+' || s[1] == '0' {
		return "", false
	}
	b := make([]byte, 1, len(s))
	b[0] = '+'
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			b = append(b, c)
		case c == ' ' || c == '-' || c == '.' || c == '/':
		default:
			return "", false
		}
	}
	if n := len(b) - 1; n < 7 || n > 15 {
		return "", false
	}
	return string(b), true
}

// companyKey is crm.CompanyKey with the same folding as names, so
// "Müller GmbH" and "Mueller GmbH" are one company.
func companyKey(name string) string {
	k := crm.CompanyKey(name)
	if k == "" {
		return ""
	}
	return foldText(k)
}
