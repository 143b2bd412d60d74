package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
	"fieldbook/internal/realdav"
	"fieldbook/internal/testcorpus"
	"fieldbook/sync/carddav"
)

// newRealSide is a side syncing with a real server's address book.
func newRealSide(t *testing.T, srv *realdav.Server) *side {
	t.Helper()
	u, err := url.Parse(srv.AddressBookURL)
	if err != nil {
		t.Fatal(err)
	}
	return newSide(t, srv.BaseURL, srv.User, srv.Password, u.Path)
}

// serverCards reads every object of the real address book with a fresh client.
func serverCards(t *testing.T, s *side) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	refs, err := s.remote.ListETags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var hrefs []string
	for _, r := range refs {
		hrefs = append(hrefs, r.Href)
	}
	objs, missing, err := s.remote.Fetch(ctx, hrefs)
	if err != nil || len(missing) > 0 {
		t.Fatalf("fetch all: %v (missing %v)", err, missing)
	}
	out := map[string][]byte{}
	for _, o := range objs {
		_, uid, err := carddav.Codec{}.Decode(o.Data)
		if err != nil {
			t.Fatalf("server object %s: %v", o.Href, err)
		}
		if _, dup := out[uid]; dup {
			t.Fatalf("UID %s is on the server twice", uid)
		}
		out[uid] = o.Data
	}
	return out
}

// TestRealServers runs the engine against Radicale, Xandikos and DAViCal:
// initial sync of a few hundred contacts, offline edits pushed, server edits
// pulled, both sides editing one contact, delete against edit, a refused
// sync token, and an Outlook vCard whose X-MS-* properties must survive.
func TestRealServers(t *testing.T) {
	for _, kind := range realdav.Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			srv := realdav.Start(t, kind)
			cards := map[string][]byte{}
			for i := range 300 {
				uid := fmt.Sprintf("seed-%03d", i)
				cards[uid+".vcf"] = card(uid, fmt.Sprintf("Person%03d", i), "Müller", fmt.Sprintf("EMAIL;TYPE=WORK:p%03d@example.com", i))
			}
			outlook := testcorpus.Read(t, "vcard/ezvcard__John_Doe_MS_OUTLOOK.vcf")
			outlook = bytes.Replace(outlook, []byte("VERSION:2.1\r\n"), []byte("VERSION:2.1\r\nUID:outlook-john-doe\r\n"), 1)
			if kind == realdav.Radicale {
				// Radicale's vobject cannot read this 2.1 card (the whole
				// collection then answers 500): give it the 3.0 form our
				// codec writes, X-MS-* properties included.
				outlook = toV30(t, outlook)
			}
			cards["outlook.vcf"] = outlook
			srv.BulkLoad(t, cards)

			a, b := newRealSide(t, srv), newRealSide(t, srv)
			if res := a.sync(); res.Applied != 301 {
				t.Fatalf("initial sync applied %d; want 301", res.Applied)
			}
			b.sync()
			if n := len(a.live()); n != 301 {
				t.Fatalf("a holds %d contacts; want 301", n)
			}
			if res := a.sync(); res.Fetched != 0 || res.Pushed != 0 {
				t.Errorf("no-change sync did work: %+v", res)
			}

			// Offline work on a: create, edit, delete.
			created := a.create(crm.ContactFields{GivenName: "Grace", FamilyName: "Hopper", Emails: []crm.LabeledValue{{Label: "work", Value: "grace@navy.example"}}})
			a.edit(a.live()["seed-001"].ID, func(f *crm.ContactFields) { f.Title = "Einkäuferin" })
			a.remove(a.live()["seed-002"].ID)
			if res := a.sync(); res.Pushed != 3 || res.Failed != 0 {
				t.Fatalf("push: %+v; want 3 pushed", res)
			}
			if n := a.pending(); n != 0 {
				t.Fatalf("a's outbox holds %d after the push", n)
			}
			// b pulls them.
			b.sync()
			bl := b.live()
			if _, ok := bl[created.ID]; !ok {
				t.Error("b did not receive the contact created on a")
			}
			if bl["seed-001"].Title != "Einkäuferin" {
				t.Errorf("b's seed-001 title = %q", bl["seed-001"].Title)
			}
			if _, ok := bl["seed-002"]; ok {
				t.Error("b still has the contact a deleted")
			}

			// Both edit seed-003: different fields merge, the same field conflicts.
			a.edit(a.live()["seed-003"].ID, func(f *crm.ContactFields) { f.Company = "Acme GmbH"; f.Notes = "from a" })
			b.edit(bl["seed-003"].ID, func(f *crm.ContactFields) { f.Nickname = "Drei"; f.Notes = "from b" })
			// Delete against edit: a deletes seed-004, b edits it.
			a.remove(a.live()["seed-004"].ID)
			b.edit(bl["seed-004"].ID, func(f *crm.ContactFields) { f.Title = "still here" })
			a.sync()
			res := b.sync()
			if res.Conflicts != 1 {
				t.Errorf("b's sync recorded %d conflicts; want 1 (notes)", res.Conflicts)
			}
			a.sync()
			al, bl := a.live(), b.live()
			for name, s := range map[string]map[string]crm.Contact{"a": al, "b": bl} {
				c := s["seed-003"]
				if c.Company != "Acme GmbH" || c.Nickname != "Drei" {
					t.Errorf("%s: seed-003 company %q nickname %q; want both sides' edits", name, c.Company, c.Nickname)
				}
				if s["seed-004"].Title != "still here" {
					t.Errorf("%s: seed-004 = %+v; want it kept with b's edit", name, s["seed-004"].ContactFields.Title)
				}
			}
			if cs := b.conflicts(); len(cs) != 1 || cs[0].Field != "notes" || cs[0].Mine != `"from b"` || cs[0].Theirs != `"from a"` {
				t.Errorf("b's conflicts = %+v", cs)
			}

			// The Outlook card: edit a field, its X-MS-* properties stay.
			john := al["outlook-john-doe"]
			if john.FamilyName != "Doe" {
				t.Fatalf("Outlook card read as %+v", john.ContactFields)
			}
			a.edit(john.ID, func(f *crm.ContactFields) { f.Title = "Chief Tester" })
			a.sync()
			data := string(serverCards(t, a)["outlook-john-doe"])
			for _, want := range []string{"Chief Tester", "X-MS-MANAGER:Big Blue", "X-MS-ASSISTANT:Jenny", "X-MS-OL-DESIGN", "X-MS-ANNIVERSARY", "X-MS-IMADDRESS:johny5@aol.com"} {
				if !strings.Contains(data, want) {
					t.Errorf("after the push the server's Outlook card lacks %q:\n%s", want, data)
				}
			}

			// A refused sync token: the engine falls back to a listing.
			coll := b.collection()
			if err := b.db.SaveCollectionState(t.Context(), coll.ID, "http://radicale.org/ns/sync/bogus", coll.CTag); err != nil {
				t.Fatal(err)
			}
			a.edit(al["seed-005"].ID, func(f *crm.ContactFields) { f.Title = "after token" })
			a.sync()
			b.sync()
			if got := b.live()["seed-005"].Title; got != "after token" {
				t.Errorf("after a refused token b's seed-005 title = %q", got)
			}

			// Everything converged: same contacts on both sides and the server.
			a.sync()
			b.sync()
			a.sync()
			server := serverCards(t, a)
			al, bl = a.live(), b.live()
			if len(server) != len(al) || len(al) != len(bl) {
				t.Fatalf("server %d, a %d, b %d contacts; want equal", len(server), len(al), len(bl))
			}
			for uid, ca := range al {
				cb, ok := bl[uid]
				if !ok {
					t.Errorf("%s on a, not on b", uid)
					continue
				}
				if _, ok := server[uid]; !ok {
					t.Errorf("%s on a, not on the server", uid)
				}
				if uid != "seed-003" && !sameContact(ca.ContactFields, cb.ContactFields) {
					t.Errorf("%s differs:\na %+v\nb %+v", uid, ca.ContactFields, cb.ContactFields)
				}
			}
		})
	}
}

func toV30(t *testing.T, data []byte) []byte {
	t.Helper()
	cards, _, err := vcard.Decode(bytes.NewReader(data))
	if err != nil || len(cards) != 1 {
		t.Fatalf("decode: %v (%d cards)", err, len(cards))
	}
	out, err := vcard.Marshal(cards[0], vcard.Version30)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameContact(a, b crm.ContactFields) bool {
	return fmt.Sprintf("%+v", carddav.Codec{}.Canonical(a)) == fmt.Sprintf("%+v", carddav.Codec{}.Canonical(b))
}
