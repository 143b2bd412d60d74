package engine_test

import (
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/sync/davtest"
	"fieldbook/sync/engine"
)

func TestInitialPullThenNoChangeCostsOneRequest(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace", "EMAIL;TYPE=WORK:ada@example.com", "TEL;TYPE=CELL:+44 20 7946 0000"))
	srv.Put("b.vcf", card("uid-b", "Jürgen", "Weiß", "ORG:Müller & Söhne KG;Einkauf"))
	s := newFakeSide(t, srv)

	res := s.sync()
	if res.Fetched != 2 || res.Applied != 2 {
		t.Fatalf("first sync fetched %d, applied %d; want 2, 2", res.Fetched, res.Applied)
	}
	ada := s.byName("Ada", "Lovelace")
	if len(ada.Emails) != 1 || ada.Emails[0] != (crm.LabeledValue{Label: "work", Value: "ada@example.com"}) {
		t.Errorf("Ada's e-mails = %+v", ada.Emails)
	}
	if j := s.byName("Jürgen", "Weiß"); j.Company != "Müller & Söhne KG" || j.Department != "Einkauf" {
		t.Errorf("Jürgen's company = %q / %q", j.Company, j.Department)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("pulled contacts left %d changes in the outbox; want 0", n)
	}

	before := len(srv.Requests())
	res = s.sync()
	if res.Fetched != 0 || res.Applied != 0 || res.Pushed != 0 {
		t.Errorf("no-change sync did work: %+v", res)
	}
	if got := len(srv.Requests()) - before; got != 1 {
		t.Errorf("no-change sync sent %d requests; want 1 (one sync-collection)", got)
	}
}

func TestLocalCreateEditDeleteReachTheServer(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	s := newFakeSide(t, srv)
	c := s.create(crm.ContactFields{GivenName: "Grace", FamilyName: "Hopper", Title: "Rear Admiral"})
	if res := s.sync(); res.Pushed != 1 {
		t.Fatalf("pushed %d; want 1", res.Pushed)
	}
	uids := serverUIDs(t, srv.Objects())
	if uids[c.ID] != 1 || len(uids) != 1 {
		t.Fatalf("server UIDs after create = %v; want exactly {%s: 1}", uids, c.ID)
	}
	s.edit(c.ID, func(f *crm.ContactFields) { f.Title = "Commodore" })
	s.sync()
	obj := onlyObject(t, srv)
	if !strings.Contains(string(obj.Data), "TITLE:Commodore") {
		t.Fatalf("server copy after edit:\n%s", obj.Data)
	}
	s.remove(c.ID)
	s.sync()
	if n := len(srv.Objects()); n != 0 {
		t.Fatalf("server holds %d objects after the delete; want 0", n)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d changes; want 0", n)
	}
}

func onlyObject(t *testing.T, srv *davtest.Server) davtest.Object {
	t.Helper()
	objs := srv.Objects()
	if len(objs) != 1 {
		t.Fatalf("server holds %d objects; want 1", len(objs))
	}
	for _, o := range objs {
		return o
	}
	panic("unreachable")
}

func TestServerEditsAndDeletesArePulled(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace"))
	srv.Put("b.vcf", card("uid-b", "Alan", "Turing"))
	s := newFakeSide(t, srv)
	s.sync()
	srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace", "TITLE:Countess"))
	srv.Delete("b.vcf")
	res := s.sync()
	if res.Applied != 2 {
		t.Errorf("applied %d server changes; want 2", res.Applied)
	}
	if got := s.byName("Ada", "Lovelace").Title; got != "Countess" {
		t.Errorf("title = %q; want Countess", got)
	}
	if live := s.live(); len(live) != 1 {
		t.Errorf("%d live contacts; want 1 (Turing deleted on the server)", len(live))
	}
}

func TestDifferentFieldsMergeSameFieldGoesToTheInbox(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	a, b := newFakeSide(t, srv), newFakeSide(t, srv)
	c := a.create(crm.ContactFields{GivenName: "Linus", FamilyName: "Pauling", Title: "Chemist", Notes: "two Nobels"})
	a.sync()
	b.sync()
	onB := b.byName("Linus", "Pauling")

	a.edit(c.ID, func(f *crm.ContactFields) { f.Title = "Professor"; f.Company = "Caltech" })
	b.edit(onB.ID, func(f *crm.ContactFields) { f.Title = "Dr."; f.Nickname = "Lin" })
	a.sync()
	res := b.sync()
	if res.Conflicts != 1 {
		t.Fatalf("b's sync recorded %d conflicts; want 1 (title)", res.Conflicts)
	}
	got := b.get(onB.ID)
	if got.Company != "Caltech" || got.Nickname != "Lin" || got.Title != "Dr." {
		t.Errorf("b after merge: company %q nickname %q title %q; want Caltech, Lin, Dr. (mine kept while undecided)", got.Company, got.Nickname, got.Title)
	}
	cs := b.conflicts()
	if len(cs) != 1 || cs[0].Field != "title" || cs[0].Base != `"Chemist"` || cs[0].Mine != `"Dr."` || cs[0].Theirs != `"Professor"` {
		t.Fatalf("conflicts = %+v", cs)
	}
	// The undecided field is not uploaded; the merged ones are.
	a.sync()
	onA := a.get(c.ID)
	if onA.Nickname != "Lin" || onA.Title != "Professor" || onA.Company != "Caltech" {
		t.Errorf("a after b's push: nickname %q title %q company %q; want Lin, Professor, Caltech", onA.Nickname, onA.Title, onA.Company)
	}
}

func TestPolicyDecidesWithoutAsking(t *testing.T) {
	for _, tc := range []struct {
		policy engine.Policy
		want   string
	}{{engine.PolicyMine, "Dr."}, {engine.PolicyTheirs, "Professor"}} {
		t.Run(string(tc.policy), func(t *testing.T) {
			srv := davtest.NewCardDAV(t)
			a, b := newFakeSide(t, srv), newFakeSide(t, srv, engine.WithPolicy(tc.policy))
			c := a.create(crm.ContactFields{GivenName: "Linus", FamilyName: "Pauling", Title: "Chemist"})
			a.sync()
			b.sync()
			onB := b.byName("Linus", "Pauling")
			a.edit(c.ID, func(f *crm.ContactFields) { f.Title = "Professor" })
			b.edit(onB.ID, func(f *crm.ContactFields) { f.Title = "Dr." })
			a.sync()
			b.sync()
			a.sync()
			if n := len(b.conflicts()); n != 0 {
				t.Errorf("%d conflicts with policy %s; want 0", n, tc.policy)
			}
			if got, onA := b.get(onB.ID).Title, a.get(c.ID).Title; got != tc.want || onA != tc.want {
				t.Errorf("titles b=%q a=%q; want both %q", got, onA, tc.want)
			}
		})
	}
}

func TestEditBeatsDeleteBothWays(t *testing.T) {
	t.Run("deleted here, edited there", func(t *testing.T) {
		srv := davtest.NewCardDAV(t)
		srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace"))
		s := newFakeSide(t, srv)
		s.sync()
		ada := s.byName("Ada", "Lovelace")
		s.remove(ada.ID)
		srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace", "TITLE:Countess"))
		s.sync()
		got := s.get(ada.ID)
		if got.DeletedAt != nil || got.Title != "Countess" {
			t.Fatalf("contact deleted=%v title=%q; want restored with the server's edit", got.DeletedAt != nil, got.Title)
		}
		if n := len(srv.Objects()); n != 1 {
			t.Errorf("server holds %d objects; want 1", n)
		}
		if n := s.pending(); n != 0 {
			t.Errorf("outbox holds %d; want 0", n)
		}
	})
	t.Run("edited here, deleted there", func(t *testing.T) {
		srv := davtest.NewCardDAV(t)
		srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace", "X-CUSTOM:kept"))
		s := newFakeSide(t, srv)
		s.sync()
		ada := s.byName("Ada", "Lovelace")
		s.edit(ada.ID, func(f *crm.ContactFields) { f.Title = "Analyst" })
		srv.Delete("a.vcf")
		s.sync()
		got := s.get(ada.ID)
		if got.DeletedAt != nil || got.Title != "Analyst" {
			t.Fatalf("local contact deleted=%v title=%q; want kept with the edit", got.DeletedAt != nil, got.Title)
		}
		obj := onlyObject(t, srv)
		if !strings.Contains(string(obj.Data), "TITLE:Analyst") || !strings.Contains(string(obj.Data), "X-CUSTOM:kept") {
			t.Errorf("server copy is not the edited card with its own properties:\n%s", obj.Data)
		}
		if uids := serverUIDs(t, srv.Objects()); uids["uid-a"] != 1 {
			t.Errorf("server UIDs = %v; want uid-a once", uids)
		}
	})
}

func TestUnknownPropertiesSurviveALocalEdit(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("o.vcf", card("uid-o", "Olga", "Petrova",
		"X-MS-OL-DEFAULT-POSTAL-ADDRESS:2", "item1.EMAIL;TYPE=INTERNET:olga@example.ru", "item1.X-ABLabel:_$!<Other>!$_",
		"X-MS-CARDPICTURE;ENCODING=b:AAAA"))
	s := newFakeSide(t, srv)
	s.sync()
	o := s.byName("Olga", "Petrova")
	s.edit(o.ID, func(f *crm.ContactFields) { f.Title = "Buyer" })
	s.sync()
	// The fake server (go-vcard) upper-cases property names; compare so.
	data := strings.ToUpper(string(onlyObject(t, srv).Data))
	for _, want := range []string{"X-MS-OL-DEFAULT-POSTAL-ADDRESS:2", "ITEM1.X-ABLABEL:_$!<OTHER>!$_", "X-MS-CARDPICTURE;ENCODING=B:AAAA", "TITLE:BUYER"} {
		if !strings.Contains(data, want) {
			t.Errorf("server copy lacks %q:\n%s", want, data)
		}
	}
}

func TestRefusedTokenFallsBackToListing(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("a.vcf", card("uid-a", "Ada", "Lovelace"))
	s := newFakeSide(t, srv)
	s.sync()
	coll := s.collection()
	if err := s.db.SaveCollectionState(t.Context(), coll.ID, "data:,bogus-token", coll.CTag); err != nil {
		t.Fatal(err)
	}
	srv.Put("b.vcf", card("uid-b", "Alan", "Turing"))
	srv.Delete("a.vcf")
	res := s.sync()
	if !res.FullScan {
		t.Errorf("sync did not fall back to a full listing: %+v", res)
	}
	live := s.live()
	if _, ok := live["uid-b"]; !ok || len(live) != 1 {
		t.Errorf("live contacts after fallback = %v; want only uid-b", keys(live))
	}
	if s.collection().SyncToken == "data:,bogus-token" {
		t.Error("the refused token was kept")
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
