// Package search is the global search box (Ctrl+K): it asks every source
// (contacts, companies, meetings, tasks, and whatever area plugs in a
// Source) for the records matching what the user typed, ranks the hits on
// one scale and merges them with a cap per kind and in total.
package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"

	"fieldbook/backend/crm"
)

// Query is what one source is asked.
type Query struct {
	// Text is what the user typed, as typed. Sources never read it as
	// query syntax.
	Text string
	// Limit is how many hits the source may return at most.
	Limit int
}

// Source finds the records of one kind.
type Source interface {
	// Kind names the records ("contact", "company", …); the UI groups by it.
	Kind() string
	// Search returns at most q.Limit hits, best first, each with Rank set to
	// the text relevance in [0, 1).
	Search(ctx context.Context, q Query) ([]crm.SearchHit, error)
}

// Defaults for New.
const (
	// DefaultLimit is the total number of hits when the caller asks for none.
	DefaultLimit = 30
	// DefaultPerKind caps the hits of one kind so one big area (contacts)
	// cannot push every other kind off the list.
	DefaultPerKind = 8
	// MaxLimit bounds what a caller may ask for.
	MaxLimit = 200
)

// Searcher asks its sources and merges their answers.
type Searcher struct {
	sources    []Source
	clock      crm.Clock
	perKind    int
	concurrent bool
	log        *slog.Logger
}

// Option configures New.
type Option func(*Searcher)

// WithPerKind sets the cap of hits per kind (default DefaultPerKind).
func WithPerKind(n int) Option { return func(s *Searcher) { s.perKind = max(1, n) } }

// Concurrently asks the sources at the same time instead of one after the
// other. With one database connection (store.Open) the queries queue anyway;
// the benchmark measures both.
func Concurrently(on bool) Option { return func(s *Searcher) { s.concurrent = on } }

// WithLogger receives the failures of single sources (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(s *Searcher) { s.log = l } }

// New returns a Searcher over sources; clock dates the recency nudge.
func New(clock crm.Clock, sources []Source, opts ...Option) *Searcher {
	s := &Searcher{sources: sources, clock: clock, perKind: DefaultPerKind, log: slog.Default()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Kinds lists the kinds of the sources, in the order they were given.
func (s *Searcher) Kinds() []string {
	out := make([]string, len(s.sources))
	for i, src := range s.sources {
		out[i] = src.Kind()
	}
	return out
}

// Search returns at most limit hits (DefaultLimit when limit <= 0), at most
// the per-kind cap of each kind, best first. Text with nothing searchable
// (blank, punctuation) finds nothing. A source that fails is logged and
// left out; the error is returned only when every source failed.
func (s *Searcher) Search(ctx context.Context, text string, limit int) ([]crm.SearchHit, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	words := Words(text)
	if len(words) == 0 || len(s.sources) == 0 {
		return nil, nil
	}
	q := Query{Text: text, Limit: min(limit, s.perKind)}
	answers := make([][]crm.SearchHit, len(s.sources))
	errs := make([]error, len(s.sources))
	ask := func(i int) {
		hits, err := s.sources[i].Search(ctx, q)
		if err != nil {
			errs[i] = fmt.Errorf("search: %s: %w", s.sources[i].Kind(), err)
			return
		}
		answers[i] = hits
	}
	if s.concurrent {
		var wg sync.WaitGroup
		for i := range s.sources {
			wg.Go(func() { ask(i) })
		}
		wg.Wait()
	} else {
		for i := range s.sources {
			ask(i)
		}
	}
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
			s.log.Warn("search source failed", "err", err)
		}
	}
	if failed == len(s.sources) {
		return nil, errors.Join(errs...)
	}
	now := s.clock.Now()
	var all []crm.SearchHit
	for _, hits := range answers {
		for _, h := range hits {
			h.Rank = Score(h, words, now)
			all = append(all, h)
		}
	}
	return Merge(all, s.perKind, limit), nil
}

// Merge orders hits by Rank (ties: title, then kind and id, so the order is
// stable), keeps at most perKind of each kind and at most limit in all.
func Merge(hits []crm.SearchHit, perKind, limit int) []crm.SearchHit {
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Rank != b.Rank {
			return a.Rank > b.Rank
		}
		if a.Title != b.Title {
			return strings.ToLower(a.Title) < strings.ToLower(b.Title)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
	seen := map[string]int{}
	out := make([]crm.SearchHit, 0, min(len(hits), limit))
	for _, h := range hits {
		if len(out) == limit {
			break
		}
		if seen[h.Kind] == perKind {
			continue
		}
		seen[h.Kind]++
		out = append(out, h)
	}
	return out
}
