package csvimport

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldText lower-cases s, removes diacritics (ä → a, é → e), spells ß as
// "ss" and writes "e-mail" as "email", so that header names compare
// regardless of case, accents and punctuation.
func foldText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ß' || r == 'ẞ':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := b.String()
	for _, v := range []string{"e-mail", "e mail", "e_mail"} {
		out = strings.ReplaceAll(out, v, "email")
	}
	return out
}

// headerKey is the comparison key of a header name: its folded words
// joined by single spaces, so case, accents, punctuation and camel case do
// not matter but word boundaries do ("E-mail 2 Address" → "email 2
// address", "Straße geschäftlich" → "strasse geschaftlich", "Birth Day" ≠
// "Birthday").
func headerKey(s string) string {
	return strings.Join(headerWords(s), " ")
}

// headerWords splits a header into folded words and numbers, also at
// camel-case boundaries ("Telefon (privat 2)" → telefon, privat, 2;
// "HomePhone2" → home, phone, 2; "E-Mail-Adresse" → email, adresse).
func headerWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(strings.TrimSpace(s))
	for i, r := range rs {
		switch {
		case unicode.IsDigit(r):
			if len(cur) > 0 && !unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
			cur = append(cur, r)
		case unicode.IsLetter(r):
			prevLower := i > 0 && unicode.IsLower(rs[i-1])
			if len(cur) > 0 && (unicode.IsDigit(cur[len(cur)-1]) || (unicode.IsUpper(r) && prevLower)) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	for i, w := range words {
		words[i] = foldText(w)
	}
	// Rejoin "e" "mail" split by a hyphen.
	out := words[:0]
	for i := 0; i < len(words); i++ {
		if words[i] == "e" && i+1 < len(words) && (words[i+1] == "mail" || strings.HasPrefix(words[i+1], "mail")) {
			out = append(out, "e"+words[i+1])
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}
