package contentline

import "strings"

// ValidName reports whether s is a usable property, parameter, component or
// group name: letters, digits, '-', '_' (and '/', seen in vendor names).
func ValidName[T Text](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '/':
		default:
			return false
		}
	}
	return true
}

// ValidDotted reports whether s is a group made of one or more
// dot-separated valid names.
func ValidDotted[T Text](s T) bool {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if !ValidName(s[start:i]) {
				return false
			}
			start = i + 1
		}
	}
	return true
}

// Truncate returns at most n bytes of s as a string, with invalid UTF-8
// (such as a sequence cut in half) replaced by '?', for messages.
func Truncate[T Text](s T, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.ToValidUTF8(string(s), "?")
}

// TrimLeftWS removes leading spaces and TABs.
func TrimLeftWS[T Text](s T) T {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	return s
}

// TrimRightWS removes trailing spaces and TABs.
func TrimRightWS[T Text](s T) T {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// TrimWS removes surrounding spaces and TABs.
func TrimWS[T Text](s T) T { return TrimRightWS(TrimLeftWS(s)) }
