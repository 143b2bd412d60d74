package crm

import (
	"strings"
	"unicode"
)

// CleanLine is the one rule for one-line text (names, labels, e-mails, tags):
// valid UTF-8, control characters and runs of whitespace as single spaces,
// trimmed. The contacts service stores it and the vCard mapping reads it, so
// the sync engine compares like with like.
func CleanLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isPlainLine(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isPlainLine reports whether s is printable ASCII without leading,
// trailing or doubled spaces, so CleanLine can return it as is.
func isPlainLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 && !(c == ' ' && s[i-1] != ' ') || c >= 0x7f {
			return false
		}
	}
	return true
}

// CleanTags cleans tags with CleanLine, drops empty ones and keeps the first
// spelling of tags that differ only in case; no tags is nil.
func CleanTags(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, t := range in {
		t = CleanLine(t)
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}
