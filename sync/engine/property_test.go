package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/sync/carddav"
	"fieldbook/sync/davtest"
)

// TestTwoDevicesConverge drives two databases through one server with
// random offline work on both (creates, edits of every kind of field,
// deletes, syncs, and faults on the way), then checks that they converge:
// the same contacts with the same values on both devices and the server,
// no duplicate, no contact lost that nobody deleted, every field holding the
// last value one of the devices wrote (or an open conflict naming it).
// FIELDBOOK_PROPERTY_SEED=n replays a run; the seed is in the output.
func TestTwoDevicesConverge(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if s := os.Getenv("FIELDBOOK_PROPERTY_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		seeds = []uint64{n}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { runConvergence(t, seed, 300) })
	}
}

// editable are the fields the random edits touch.
var editable = []string{"title", "notes", "nickname", "company", "emails", "phones", "tags"}

func setField(f *crm.ContactFields, name, v string) {
	switch name {
	case "title":
		f.Title = v
	case "notes":
		f.Notes = v
	case "nickname":
		f.Nickname = v
	case "company":
		f.Company = v
	case "emails":
		f.Emails = []crm.LabeledValue{{Label: "work", Value: v + "@example.com"}}
	case "phones":
		f.Phones = []crm.LabeledValue{{Label: "mobile", Value: "+49 30 " + strconv.Itoa(len(v)*1000+int(v[len(v)-1]))}}
	case "tags":
		f.Tags = []string{v}
	}
}

func runConvergence(t *testing.T, seed uint64, ops int) {
	t.Logf("seed %d, %d operations", seed, ops)
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	srv := davtest.NewCardDAV(t)
	sides := []*side{newFakeSide(t, srv), newFakeSide(t, srv)}
	// written[side][contact key][field] = the last value that side wrote.
	type key struct{ side, contact, field string }
	written := map[key]crm.ContactFields{}
	deletedBy := map[string]bool{} // contact keys someone deleted
	created := map[string]bool{}   // contact keys created (by local ID until linked)
	keyOf := func(s *side, c crm.Contact) string {
		l, err := s.db.LinkOf(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l != nil {
			return l.UID
		}
		return c.ID // a never-uploaded contact's UID will be its ID
	}
	faultKinds := []davtest.FaultKind{davtest.FaultDropBefore, davtest.FaultDropAfter, davtest.FaultStatus500, davtest.FaultUnavailable, davtest.FaultPrecondition, davtest.FaultTruncate}
	for i := range ops {
		si := r.IntN(2)
		s := sides[si]
		name := []string{"a", "b"}[si]
		live := s.live()
		ids := slices.Sorted(func(yield func(string) bool) {
			for k := range live {
				if !yield(k) {
					return
				}
			}
		})
		switch op := r.IntN(10); {
		case op < 2 || len(ids) == 0:
			c := s.create(crm.ContactFields{GivenName: fmt.Sprintf("P%d", i), FamilyName: name})
			created[c.ID] = true
		case op < 6:
			c := live[ids[r.IntN(len(ids))]]
			fld := editable[r.IntN(len(editable))]
			v := fmt.Sprintf("%s%d", name, i)
			c = s.edit(c.ID, func(f *crm.ContactFields) { setField(f, fld, v) })
			trace(t, "%d %s edit %s %s=%s", i, name, keyOf(s, c), fld, v)
			var only crm.ContactFields
			setField(&only, fld, v)
			written[key{name, keyOf(s, c), fld}] = only
		case op < 7:
			c := live[ids[r.IntN(len(ids))]]
			deletedBy[keyOf(s, c)] = true
			trace(t, "%d %s delete %s", i, name, keyOf(s, c))
			s.remove(c.ID)
		default:
			if r.IntN(4) == 0 {
				fr := davtest.FaultRule{Kind: faultKinds[r.IntN(len(faultKinds))], Method: []string{"PUT", "REPORT", "DELETE", "GET"}[r.IntN(4)], Times: 1}
				trace(t, "%d fault %s %s", i, fr.Method, fr.Kind)
				srv.Fail(fr)
			}
			res, err := s.trySync()
			trace(t, "%d %s sync %+v err=%v", i, name, res, err)
			srv.ClearFaults()
		}
	}
	for range 3 {
		for _, s := range sides {
			s.sync()
		}
	}

	a, b := sides[0].live(), sides[1].live()
	server := serverUIDs(t, srv.Objects())
	for uid, n := range server {
		if n != 1 {
			t.Errorf("UID %s is on the server %d times", uid, n)
		}
	}
	if len(a) != len(b) || len(a) != len(server) {
		for uid, c := range b {
			if _, ok := a[uid]; !ok {
				t.Logf("on b only: %s %s (server has it: %v)", uid, c.DisplayName(), server[uid] > 0)
			}
		}
		for uid, c := range a {
			if _, ok := b[uid]; !ok {
				t.Logf("on a only: %s %s (server has it: %v)", uid, c.DisplayName(), server[uid] > 0)
			}
		}
		t.Fatalf("a %d, b %d, server %d contacts; want equal", len(a), len(b), len(server))
	}
	for k := range created {
		if !deletedBy[k] {
			if _, ok := a[k]; !ok {
				t.Errorf("contact %s, never deleted, is gone", k)
			}
		}
	}
	conflicted := map[string]bool{}
	for i, s := range sides {
		for _, c := range s.conflicts() {
			conflicted[fmt.Sprint(i, c.ItemID, c.Field)] = true
		}
		if n := s.pending(); n != 0 {
			t.Errorf("side %d still has %d changes in the outbox", i, n)
		}
		if err := s.db.IntegrityCheck(t.Context()); err != nil {
			t.Error(err)
		}
	}
	for uid, ca := range a {
		cb, ok := b[uid]
		if !ok {
			t.Errorf("%s is on a, not on b", uid)
			continue
		}
		for _, fld := range editable {
			va, _ := carddav.Schema().FieldJSON(ca.ContactFields, fld)
			vb, _ := carddav.Schema().FieldJSON(cb.ContactFields, fld)
			if conflicted[fmt.Sprint(0, ca.ID, fld)] || conflicted[fmt.Sprint(1, cb.ID, fld)] {
				continue // an open question for the user; both values are kept
			}
			if va != vb {
				t.Errorf("%s %s: a %s, b %s", uid, fld, va, vb)
			}
			// The value is the last one some device wrote, if any wrote it
			// and nobody deleted the contact (a delete beaten by an edit
			// brings back the server's copy, which may hold an older write).
			if deletedBy[uid] {
				continue
			}
			var lasts []string
			for _, n := range []string{"a", "b"} {
				if w, ok := written[key{n, uid, fld}]; ok {
					v, _ := carddav.Schema().FieldJSON(w, fld)
					lasts = append(lasts, v)
				}
			}
			if len(lasts) > 0 && !slices.Contains(lasts, va) {
				t.Errorf("%s %s = %s; want one of the last writes %v", uid, fld, va, lasts)
			}
		}
	}
}

// trace logs an operation when FIELDBOOK_PROPERTY_TRACE is set.
func trace(t *testing.T, format string, args ...any) {
	if os.Getenv("FIELDBOOK_PROPERTY_TRACE") != "" {
		t.Logf(format, args...)
	}
}
