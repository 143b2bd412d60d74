package store

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
)

func TestSearchFindsByAnyWordPrefix(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	mk := func(f crm.ContactFields) { mustCreate(t, db, clock, f) }
	mk(crm.ContactFields{GivenName: "Jürgen", FamilyName: "Müller", Company: "Köhler GmbH", Title: "Einkaufsleiter",
		Emails: []crm.LabeledValue{{Label: "work", Value: "j.mueller@koehler.de"}},
		Phones: []crm.LabeledValue{{Label: "work", Value: "+49 30 1234567"}}, Tags: []string{"trade-fair-2026"}})
	mk(crm.ContactFields{GivenName: "রহিম", FamilyName: "আহমেদ", Company: "ঢাকা ট্রেডার্স"})
	mk(crm.ContactFields{GivenName: "John", FamilyName: "Johnson", Notes: "Prefers calls before noon."})
	mk(crm.ContactFields{GivenName: "Johanna", FamilyName: "Smith", Company: "Johnson & Co"})
	mk(crm.ContactFields{GivenName: "太郎", FamilyName: "佐藤"})
	gone := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Johnny", FamilyName: "Gone"})
	if _, err := db.DeleteContact(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"muller", []string{"Jürgen Müller"}},               // diacritics folded
		{"MÜLL", []string{"Jürgen Müller"}},                 // case folded, prefix
		{"koehler", []string{"Jürgen Müller"}},              // e-mail domain word
		{"j.mueller@koe", []string{"Jürgen Müller"}},        // e-mail as typed
		{"1234567", []string{"Jürgen Müller"}},              // phone digits
		{"301234", []string{"Jürgen Müller"}},               // a run of digits in the middle of the number
		{"einkauf", []string{"Jürgen Müller"}},              // title
		{"trade-fair", []string{"Jürgen Müller"}},           // tag
		{"রহিম", []string{"রহিম আহমেদ"}},                    // Bengali
		{"ঢাকা", []string{"রহিম আহমেদ"}},                    // Bengali company
		{"noon", []string{"John Johnson"}},                  // notes
		{"佐藤", []string{"太郎 佐藤"}},                           // Han
		{"john", []string{"John Johnson", "Johanna Smith"}}, // name-prefix match ranks first
		{"joh smi", []string{"Johanna Smith"}},              // every word must match
		{"johnny", nil},                                     // deleted contacts are not found
		{`" OR * NEAR( ^`, nil},                             // FTS syntax is inert
	} {
		page, err := db.SearchContacts(ctx, tc.query, 0, 50)
		if err != nil {
			t.Errorf("search %q: %v", tc.query, err)
			continue
		}
		got := names(page.Items)
		if !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("search %q = %v; want %v", tc.query, got, tc.want)
		}
		if page.Total != len(tc.want) {
			t.Errorf("search %q total = %d; want %d", tc.query, page.Total, len(tc.want))
		}
	}
}

func TestSearchIndexFollowsEditsDeletesAndRestores(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	c := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Grace", FamilyName: "Hopper"})
	find := func(q string) bool {
		page, err := db.SearchContacts(ctx, q, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		return slices.Contains(names(page.Items), c.DisplayName()) || (len(page.Items) == 1 && page.Items[0].ID == c.ID)
	}
	c.FamilyName, c.Version, c.UpdatedAt = "Murray", 2, clock.Now()
	if err := db.UpdateContact(ctx, c, []string{"familyName"}); err != nil {
		t.Fatal(err)
	}
	if find("hopper") || !find("murray") {
		t.Fatal("index not updated after an edit")
	}
	db.DeleteContact(ctx, c.ID)
	if find("murray") {
		t.Fatal("deleted contact still found")
	}
	db.RestoreContact(ctx, c.ID)
	if !find("murray") {
		t.Fatal("restored contact not found")
	}
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		"  ,;  ":        "",
		"ada":           `"ada"*`,
		"ada lovelace":  `"ada"* "lovelace"*`,
		`a"b`:           `"a"* "b"*`,
		"রহিম":          `"রহিম"*`,
		"o'brien-smith": `"o"* "brien"* "smith"*`,
	} {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestEverySearchPlanGivesTheSameResults forces each of the three search
// plans on the same data and compares every window with a reference: all
// matches, sorted in Go.
func TestEverySearchPlanGivesTheSameResults(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	// Latin names first in the list, Greek names clustered at its end, and
	// a tag on every third contact: dense, clustered and sparse matches.
	var all []crm.Contact
	for i := range 300 {
		f := crm.ContactFields{GivenName: fmt.Sprintf("Anna%03d", i), FamilyName: fmt.Sprintf("Berg%03d", i)}
		if i%10 == 0 {
			f = crm.ContactFields{GivenName: "Ελένη", FamilyName: fmt.Sprintf("Παπαδοπούλου%03d", i)}
		}
		if i%3 == 0 {
			f.Tags = []string{"vip"}
		}
		all = append(all, mustCreate(t, db, clock, f))
	}
	// A deleted contact must not show up in any plan.
	if _, err := db.DeleteContact(ctx, all[3].ID); err != nil {
		t.Fatal(err)
	}
	reference := func(match func(crm.Contact) bool) []string {
		var out []crm.Contact
		for i, c := range all {
			if i != 3 && match(c) {
				out = append(out, c)
			}
		}
		slices.SortFunc(out, func(a, b crm.Contact) int {
			return cmp.Or(cmp.Compare(a.SortKey(), b.SortKey()), cmp.Compare(a.ID, b.ID))
		})
		return names(out)
	}
	queries := map[string][]string{
		"anna": reference(func(c crm.Contact) bool { return strings.HasPrefix(c.GivenName, "Anna") }), // dense, early
		"παπα": reference(func(c crm.Contact) bool { return c.GivenName == "Ελένη" }),                 // clustered at the end
		"vip":  reference(func(c crm.Contact) bool { return len(c.Tags) > 0 }),                        // spread out
	}
	for name, tuning := range map[string]searchTuning{
		"sort":  {sortUpTo: 1 << 30},
		"probe": {sortUpTo: 0, maxProbes: 1 << 30},
		"walk":  {sortUpTo: 0, maxProbes: 0},
	} {
		db.search = tuning
		for q, want := range queries {
			for _, w := range []struct{ offset, limit int }{{0, 7}, {5, 20}, {0, 500}, {len(want) - 3, 10}} {
				page, err := db.SearchContacts(ctx, q, w.offset, w.limit)
				if err != nil {
					t.Fatalf("%s plan, %q: %v", name, q, err)
				}
				end := min(len(want), w.offset+w.limit)
				if page.Total != len(want) || !reflect.DeepEqual(names(page.Items), want[w.offset:end]) {
					t.Errorf("%s plan, %q [%d+%d]: total %d, got %v; want total %d, %v",
						name, q, w.offset, w.limit, page.Total, names(page.Items), len(want), want[w.offset:end])
				}
			}
		}
	}
	db.search = defaultSearchTuning
}
