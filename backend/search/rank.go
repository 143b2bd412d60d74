package search

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"fieldbook/backend/crm"
)

// The parts of a hit's rank. A title match puts a hit in a higher tier than
// any match elsewhere; within a tier text relevance counts most and recency
// breaks near ties.
const (
	// TierTitleStart: the title's words begin with the typed words, in order.
	TierTitleStart = 2.0
	// TierTitleWords: every typed word begins some word of the title.
	TierTitleWords = 1.0
	relevanceShare = 0.8
	recencyShare   = 0.2
	// recencyHalfLife is the age at which the recency part is halved.
	recencyHalfLife = 30 * 24 * time.Hour
)

// Score is a hit's final rank: its title tier, plus its text relevance
// (h.Rank, in [0, 1), from the source) and its recency, each weighted so
// that together they stay below 1 and never lift a hit over a tier.
func Score(h crm.SearchHit, words []string, now time.Time) float64 {
	rel := min(max(h.Rank, 0), 0.999999)
	return Tier(h.Title, words) + relevanceShare*rel + recencyShare*Recency(h.UpdatedAt, now)
}

// Recency is 1 for a record changed now, ½ at recencyHalfLife, falling
// towards 0; 0 for an unknown time.
func Recency(updated, now time.Time) float64 {
	if updated.IsZero() {
		return 0
	}
	age := max(now.Sub(updated), 0)
	return 1 / (1 + float64(age)/float64(recencyHalfLife))
}

// Tier says how the typed words (folded, see Words) match title.
func Tier(title string, words []string) float64 {
	tw := Words(title)
	if len(words) == 0 || len(tw) == 0 {
		return 0
	}
	inOrder := len(tw) >= len(words)
	for i, w := range words {
		if inOrder && !strings.HasPrefix(tw[i], w) {
			inOrder = false
		}
	}
	if inOrder {
		return TierTitleStart
	}
	for _, w := range words {
		found := false
		for _, t := range tw {
			if strings.HasPrefix(t, w) {
				found = true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return TierTitleWords
}

// isWordRune is a rune of a word as SQLite's unicode61 tokenizer sees it
// (the same split as the store's FTS query).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// Words splits text into folded words: lower case, Latin accents removed
// (as the index's remove_diacritics does), so "José" and "jose" are one word.
func Words(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool { return !isWordRune(r) })
}

// latinMarks are the combining accents the index drops (U+0300–U+036F);
// marks of other scripts, such as Bengali vowel signs, are letters' parts.
var latinMarks = runes.In(&unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x0300, Hi: 0x036F, Stride: 1}}})

// Fold lower-cases text and removes Latin accents.
func Fold(text string) string {
	t := transform.Chain(norm.NFD, runes.Remove(latinMarks), norm.NFC)
	out, _, err := transform.String(t, text)
	if err != nil {
		out = text
	}
	return strings.ToLower(out)
}
