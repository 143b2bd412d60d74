package search

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

type fixed time.Time

func (f fixed) Now() time.Time { return time.Time(f) }

// listSource answers every query with the same hand-made hits, or fails.
type listSource struct {
	kind  string
	hits  []crm.SearchHit
	err   error
	asked []Query
}

func (l *listSource) Kind() string { return l.kind }
func (l *listSource) Search(_ context.Context, q Query) ([]crm.SearchHit, error) {
	l.asked = append(l.asked, q)
	if l.err != nil {
		return nil, l.err
	}
	return l.hits[:min(len(l.hits), q.Limit)], nil
}

func titles(hits []crm.SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Title
	}
	return out
}

func TestTierTitleStartBeatsTitleWordsBeatsBody(t *testing.T) {
	for _, tc := range []struct {
		title, text string
		want        float64
	}{
		{"José Müller", "jo mu", TierTitleStart},
		{"José Müller", "JOSE", TierTitleStart},
		{"José Müller", "müller", TierTitleWords},
		{"José Müller", "mu jo", TierTitleWords},
		{"José Müller", "jo x", 0},
		{"রহিম উদ্দিন", "রহি", TierTitleStart},
		{"রহিম উদ্দিন", "উদ্", TierTitleWords},
		{"", "x", 0},
		{"Acme", "", 0},
	} {
		if got := Tier(tc.title, Words(tc.text)); got != tc.want {
			t.Errorf("Tier(%q, %q) = %v, want %v", tc.title, tc.text, got, tc.want)
		}
	}
}

func TestScoreKeepsTiersApartAndPrefersRecentOnTies(t *testing.T) {
	words := Words("ann")
	bodyBest := crm.SearchHit{Title: "Bob", Rank: 0.99, UpdatedAt: now}
	titleWorst := crm.SearchHit{Title: "Zed Ann", Rank: 0, UpdatedAt: time.Time{}}
	if Score(titleWorst, words, now) <= Score(bodyBest, words, now) {
		t.Error("a title match must beat the best body match")
	}
	old := crm.SearchHit{Title: "Anna", Rank: 0.5, UpdatedAt: now.AddDate(-2, 0, 0)}
	recent := old
	recent.UpdatedAt = now.Add(-time.Hour)
	if Score(recent, words, now) <= Score(old, words, now) {
		t.Error("equal text relevance: the recent record goes first")
	}
	better := old
	better.Rank = 0.9
	if Score(better, words, now) <= Score(recent, words, now) {
		t.Error("clearly better text relevance outweighs recency")
	}
	if r := Recency(now.Add(-recencyHalfLife), now); r < 0.49 || r > 0.51 {
		t.Errorf("Recency at the half-life = %v", r)
	}
	if Recency(time.Time{}, now) != 0 || Recency(now.Add(time.Hour), now) != 1 {
		t.Error("unknown time gives 0, a future time 1")
	}
}

func TestMergeCapsPerKindAndInTotal(t *testing.T) {
	var hits []crm.SearchHit
	for i := range 5 {
		hits = append(hits, crm.SearchHit{Kind: "contact", ID: string(rune('a' + i)), Title: "C" + string(rune('a'+i)), Rank: 3 - float64(i)/10})
	}
	hits = append(hits, crm.SearchHit{Kind: "task", ID: "t", Title: "T", Rank: 0.1},
		crm.SearchHit{Kind: "event", ID: "e", Title: "E", Rank: 2.55})
	got := titles(Merge(slices.Clone(hits), 3, 10))
	want := []string{"Ca", "Cb", "Cc", "E", "T"}
	if !slices.Equal(got, want) {
		t.Errorf("Merge per kind 3 = %q, want %q", got, want)
	}
	if got := titles(Merge(slices.Clone(hits), 3, 2)); !slices.Equal(got, []string{"Ca", "Cb"}) {
		t.Errorf("Merge limit 2 = %q", got)
	}
	// Equal ranks fall back to the title, then kind and id.
	tie := []crm.SearchHit{{Kind: "task", ID: "2", Title: "b"}, {Kind: "task", ID: "1", Title: "B"}, {Kind: "company", ID: "9", Title: "a"}}
	if got := Merge(tie, 5, 5); got[0].Title != "a" || got[1].ID != "1" && got[1].Kind != "task" {
		t.Errorf("ties = %+v", got)
	}
}

func TestSearcherAsksEverySourceAndRanksOnOneScale(t *testing.T) {
	for _, concurrent := range []bool{false, true} {
		contacts := &listSource{kind: "contact", hits: []crm.SearchHit{
			{Kind: "contact", ID: "c1", Title: "Bob Stone", Snippet: "met at the annual fair", Rank: 0.9, UpdatedAt: now},
			{Kind: "contact", ID: "c2", Title: "Annika Berg", Rank: 0.3, UpdatedAt: now.AddDate(-1, 0, 0)},
		}}
		events := &listSource{kind: "event", hits: []crm.SearchHit{{Kind: "event", ID: "e1", Title: "Annual review", Rank: 0.5}}}
		broken := &listSource{kind: "deal", err: errors.New("disk on fire")}
		s := New(fixed(now), []Source{contacts, events, broken}, WithPerKind(4), Concurrently(concurrent),
			WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
		hits, err := s.Search(context.Background(), "ann", 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(hits); !slices.Equal(got, []string{"Annual review", "Annika Berg", "Bob Stone"}) {
			t.Errorf("concurrent=%v: %q", concurrent, got)
		}
		if len(contacts.asked) != 1 || contacts.asked[0] != (Query{Text: "ann", Limit: 4}) {
			t.Errorf("contacts asked %+v", contacts.asked)
		}
		if !slices.Equal(s.Kinds(), []string{"contact", "event", "deal"}) {
			t.Errorf("Kinds = %q", s.Kinds())
		}
	}
}

func TestSearcherBlankInputAndTotalFailure(t *testing.T) {
	src := &listSource{kind: "contact", hits: []crm.SearchHit{{Kind: "contact", ID: "c", Title: "X"}}}
	s := New(fixed(now), []Source{src})
	for _, text := range []string{"", "   ", `"*(`, "--"} {
		hits, err := s.Search(context.Background(), text, 10)
		if err != nil || len(hits) != 0 {
			t.Errorf("%q → %v, %v", text, hits, err)
		}
	}
	if len(src.asked) != 0 {
		t.Errorf("sources were asked for nothing searchable: %+v", src.asked)
	}
	bad := New(fixed(now), []Source{&listSource{kind: "a", err: errors.New("boom")}}, WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if _, err := bad.Search(context.Background(), "x", 5); err == nil {
		t.Error("every source failed: want an error")
	}
}

func TestSnippetCutsAroundTheFirstMatchOutsideTheTitle(t *testing.T) {
	long := "Quarterly planning went long; we covered the roadmap, hiring, the budget for next year and finally the Müller account renewal which needs a new quote before December."
	for _, tc := range []struct {
		body, text, title, want string
	}{
		{"Ann Lee\nann@example.com", "ann", "Ann Lee", "ann@example.com"},
		{"Ann Lee", "ann", "Ann Lee", ""},
		{"ann@example.com\nann.lee@example.org", "ann", "ann@example.com", "ann.lee@example.org"},
		{"no match here", "zed", "T", ""},
		{"ক্রেতা রহিমের সাথে কথা", "রহি", "T", "ক্রেতা রহিমের সাথে কথা"},
		{long, "mull", "T", "…and finally the Müller account renewal which needs a new quote before December."},
	} {
		if got := Snippet(tc.body, Words(tc.text), tc.title); got != tc.want {
			t.Errorf("Snippet(%q, %q) = %q, want %q", tc.body, tc.text, got, tc.want)
		}
	}
	if Normalize(0) != 0 || Normalize(-3) != 0 || Normalize(1) != 0.5 || Normalize(1e9) >= 1 || Normalize(2) <= Normalize(1) {
		t.Error("Normalize must map [0, ∞) onto [0, 1) in order")
	}
}

func TestSnippetEndsOnAWordWhenCutOnBothSides(t *testing.T) {
	body := "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega alpha beta gamma delta epsilon zeta"
	got := Snippet(body, Words("omicron"), "")
	if got != "…lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega alpha beta…" {
		t.Errorf("got %q", got)
	}
}
