package app

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestDuplicatesServiceFindMergeUndo(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "d.db"), ev)
	a, err := s.Contacts.Create(ContactInput{GivenName: "Jürgen", FamilyName: "Müller", Company: "Siemens AG", Title: "CTO"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Contacts.Create(ContactInput{GivenName: "Juergen", FamilyName: "Mueller", Company: "Siemens AG",
		Emails: []LabeledValue{{Label: "work", Value: "jm@siemens.test"}}})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Duplicates.FindDuplicates()
	if err != nil || list.Total != 1 || !slices.Equal(list.Pairs[0].Reasons, []string{"name"}) {
		t.Fatalf("find = %+v, %v", list, err)
	}
	p, err := s.Duplicates.PreviewMerge(a.ID, b.ID, map[string]string{"givenName": "other"})
	if err != nil || p.Merged.GivenName != "Juergen" || len(p.Merged.Emails) != 1 || p.Merged.Title != "CTO" {
		t.Fatalf("preview = %+v, %v", p.Merged, err)
	}
	if _, err := s.Duplicates.PreviewMerge(a.ID, b.ID, map[string]string{"title": "both"}); err == nil {
		t.Errorf("a side that is neither keep nor other should be refused")
	}
	ev.take()
	r, err := s.Duplicates.Merge(a.ID, b.ID, map[string]string{"givenName": "other"})
	if err != nil || r.MergeID == "" || r.Contact.Notes != "Given name (merged): Jürgen\nFamily name (merged): Mueller" {
		t.Fatalf("merge = %+v, %v", r, err)
	}
	if got := ev.take(); !slices.Contains(got, EventContactsChanged) {
		t.Errorf("events after merge = %v", got)
	}
	if list, _ := s.Duplicates.FindDuplicates(); list.Total != 0 {
		t.Errorf("pairs after merge = %+v", list)
	}
	recent, err := s.Duplicates.RecentMerges()
	if err != nil || len(recent) != 1 || recent[0].OtherName != "Juergen Mueller" || recent[0].Undone {
		t.Errorf("recent = %+v, %v", recent, err)
	}
	u, err := s.Duplicates.UndoMerge(r.MergeID, false)
	if err != nil || u.Keep.GivenName != "Jürgen" || u.Keep.Notes != "" || u.Other.GivenName != "Juergen" {
		t.Fatalf("undo = %+v, %v", u, err)
	}
	if err := s.Duplicates.Dismiss(a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Duplicates.FindDuplicates(); list.Total != 0 {
		t.Errorf("a dismissed pair is still suggested: %+v", list)
	}
}
