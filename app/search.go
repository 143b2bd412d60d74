package app

import (
	"context"
	"strings"

	"fieldbook/backend/search"
	"fieldbook/backend/store"
)

// SearchHit is one result line of the search box (Ctrl+K).
type SearchHit struct {
	// Kind names the record's kind: "contact", "company", "event", "task", …
	Kind string `json:"kind"`
	ID   string `json:"id"`
	// Area is the area that opens the record (see frontend src/shell/areas.ts).
	Area string `json:"area"`
	// OpenID is the id to open in Area: the record's own, or for a kind
	// shown on another record's page (an activity) that record's.
	OpenID   string `json:"openId"`
	Title    string `json:"title"`
	Subtitle string `json:"subtitle"`
	// Snippet is plain text around the match outside the title ("" when
	// only the title matched); the UI marks the typed words in it.
	Snippet string `json:"snippet"`
	// Extra is one more fact by kind: a contact's or lead's e-mail, a
	// company's web site, a meeting's start or an activity's time (UTC, RFC
	// 3339), a task's due date, a deal's expected close, a case's opening.
	Extra string `json:"extra"`
}

// searchAreas maps a hit's kind to the area that shows it. A new source
// adds its kind here.
var searchAreas = map[string]string{
	"contact":  "contacts",
	"company":  "companies",
	"event":    "calendar",
	"task":     "tasks",
	"lead":     "leads",
	"deal":     "deals",
	"activity": "timeline",
	"case":     "cases",
}

// storeSearchKinds are the store's indexes the search box reads, in the
// order the UI groups them by default.
var storeSearchKinds = []string{"contact", "company", "lead", "deal", "event", "task", "activity", "case"}

// newSearcher builds the search over the store's indexes.
func newSearcher(db *store.DB, cfg Config) *search.Searcher {
	sources := make([]search.Source, 0, len(storeSearchKinds))
	for _, k := range storeSearchKinds {
		sources = append(sources, search.NewIndexSource(db, k))
	}
	var opts []search.Option
	if cfg.Log != nil {
		opts = append(opts, search.WithLogger(cfg.Log))
	}
	return search.New(cfg.Clock, sources, opts...)
}

// SearchService is bound to the front end: one search over every kind of
// record.
type SearchService struct {
	ctx      context.Context
	searcher *search.Searcher
}

// NewSearchService wraps a Searcher for the binding.
func NewSearchService(ctx context.Context, s *search.Searcher) *SearchService {
	return &SearchService{ctx: ctx, searcher: s}
}

// Search returns the best hits for text, at most limit (0: a default),
// best first. Blank text or text with nothing searchable finds nothing;
// no text is read as search syntax.
func (s *SearchService) Search(text string, limit int) ([]SearchHit, error) {
	hits, err := s.searcher.Search(s.ctx, text, limit)
	if err != nil {
		return nil, err
	}
	out := make([]SearchHit, len(hits))
	for i, h := range hits {
		area, open := searchAreas[h.Kind], h.ID
		if k, id, ok := strings.Cut(h.Opens, ":"); ok && searchAreas[k] != "" && id != "" {
			area, open = searchAreas[k], id
		}
		out[i] = SearchHit{Kind: h.Kind, ID: h.ID, Area: area, OpenID: open, Title: h.Title, Subtitle: h.Subtitle, Snippet: h.Snippet, Extra: h.Extra}
	}
	return out, nil
}
