package search

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

// RowFinder is the store's full-text lookup for the search box
// (store.DB.SearchRows).
type RowFinder interface {
	SearchRows(ctx context.Context, kind, text string, limit int) ([]store.SearchRow, error)
}

// IndexSource is a Source over one of the store's full-text indexes; kind
// is both the store's index name and the hits' kind.
type IndexSource struct {
	kind string
	rows RowFinder
}

// NewIndexSource returns the Source of kind read from rows.
func NewIndexSource(rows RowFinder, kind string) *IndexSource {
	return &IndexSource{kind: kind, rows: rows}
}

// Kind implements Source.
func (s *IndexSource) Kind() string { return s.kind }

// Search implements Source: the store's rows as hits, bm25 normalised into
// [0, 1) and a snippet cut around the first match outside the title.
func (s *IndexSource) Search(ctx context.Context, q Query) ([]crm.SearchHit, error) {
	rows, err := s.rows.SearchRows(ctx, s.kind, q.Text, q.Limit)
	if err != nil {
		return nil, err
	}
	words := Words(q.Text)
	hits := make([]crm.SearchHit, len(rows))
	for i, r := range rows {
		hits[i] = crm.SearchHit{Kind: s.kind, ID: r.ID, Title: r.Title, Subtitle: r.Subtitle, Extra: r.Extra,
			Rank: Normalize(r.Score), Snippet: Snippet(r.Body, words, r.Title, r.Subtitle, r.Extra), UpdatedAt: r.UpdatedAt, Opens: r.Opens}
	}
	return hits, nil
}

// Normalize maps a bm25 score (≥ 0, larger is better, unbounded) into
// [0, 1) keeping its order, so sources can be compared on one scale.
func Normalize(score float64) float64 {
	if score <= 0 {
		return 0
	}
	return score / (1 + score)
}

// snippetRunes is about how much text a snippet shows around its match.
const snippetRunes = 80

// Snippet returns the part of body (fields one per line) around the first
// word that begins with one of words, ellipsised where it is cut; lines
// equal to one of shown (the title and what the result line shows anyway)
// are skipped, and "" means nothing else matched. The text stays plain: the
// UI marks the words itself.
func Snippet(body string, words []string, shown ...string) string {
	if len(words) == 0 {
		return ""
	}
	for line := range strings.SplitSeq(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || slices.Contains(shown, line) {
			continue
		}
		at := firstMatch(line, words)
		if at < 0 {
			continue
		}
		return cut(line, at)
	}
	return ""
}

// firstMatch is the byte offset of the first word of line that begins with
// one of words (folded), or -1.
func firstMatch(line string, words []string) int {
	start := -1
	check := func(end int) bool {
		w := Fold(line[start:end])
		for _, q := range words {
			if strings.HasPrefix(w, q) {
				return true
			}
		}
		return false
	}
	for i, r := range line {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if check(i) {
				return start
			}
			start = -1
		}
	}
	if start >= 0 && check(len(line)) {
		return start
	}
	return -1
}

// cut keeps about snippetRunes runes of line around byte offset at,
// starting and ending on word boundaries where it can.
func cut(line string, at int) string {
	if utf8.RuneCountInString(line) <= snippetRunes {
		return line
	}
	lead := snippetRunes / 4
	from := at
	for n := 0; n < lead && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	if from > 0 {
		if sp := strings.IndexByte(line[from:at], ' '); sp >= 0 {
			from += sp + 1
		}
	}
	to := from
	for n := 0; n < snippetRunes && to < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	if to < len(line) {
		if sp := strings.LastIndexByte(line[from:to], ' '); sp > at-from {
			to = from + sp
		}
	}
	out := strings.TrimSpace(line[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(line) {
		out += "…"
	}
	return out
}
