package contacts_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func newService(t *testing.T) (*contacts.Service, *store.DB) {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return contacts.New(db, clock), db
}

func TestNormalize(t *testing.T) {
	long := strings.Repeat("a", 501)
	for _, tc := range []struct {
		name      string
		in        crm.ContactFields
		want      crm.ContactFields
		code, fld string
	}{
		{name: "trims and collapses space, drops empty rows and duplicate tags",
			in: crm.ContactFields{GivenName: "  Ada \t ", FamilyName: "Love\nlace", Emails: []crm.LabeledValue{{Label: "", Value: " "}, {Label: " Work ", Value: " ada@example.com "}},
				Phones: []crm.LabeledValue{{Value: "+44 20 7946 0958 ext. 12"}}, Tags: []string{"VIP", " vip ", "", "Key"}},
			want: crm.ContactFields{GivenName: "Ada", FamilyName: "Love lace", Emails: []crm.LabeledValue{{Label: "work", Value: "ada@example.com"}},
				Phones: []crm.LabeledValue{{Label: "other", Value: "+44 20 7946 0958 ext. 12"}}, Tags: []string{"VIP", "Key"}}},
		{name: "markup is just text", in: crm.ContactFields{GivenName: "<img src=x onerror=alert(1)>"},
			want: crm.ContactFields{GivenName: "<img src=x onerror=alert(1)>"}},
		{name: "company alone is enough", in: crm.ContactFields{Company: "Acme"}, want: crm.ContactFields{Company: "Acme"}},
		{name: "nothing identifying", in: crm.ContactFields{Title: "CEO", Notes: "x"}, code: crm.CodeContactEmpty, fld: "givenName"},
		{name: "bad e-mail names its row", in: crm.ContactFields{GivenName: "A", Emails: []crm.LabeledValue{{Value: "a@b.c"}, {Value: "not an address"}}},
			code: crm.CodeEmailInvalid, fld: "emails.1"},
		{name: "display-name form is not a bare address", in: crm.ContactFields{GivenName: "A", Emails: []crm.LabeledValue{{Value: "Ada <ada@example.com>"}}},
			code: crm.CodeEmailInvalid, fld: "emails.0"},
		{name: "phone with letters", in: crm.ContactFields{GivenName: "A", Phones: []crm.LabeledValue{{Value: "call me"}}}, code: crm.CodePhoneInvalid, fld: "phones.0"},
		{name: "phone too short", in: crm.ContactFields{GivenName: "A", Phones: []crm.LabeledValue{{Value: "+1"}}}, code: crm.CodePhoneInvalid, fld: "phones.0"},
		{name: "overlong name", in: crm.ContactFields{GivenName: long}, code: crm.CodeInvalidInput, fld: "givenName"},
		{name: "invalid UTF-8 is replaced, not stored", in: crm.ContactFields{GivenName: "Ad\xffa"}, want: crm.ContactFields{GivenName: "Ad\uFFFDa"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := contacts.Normalize(tc.in)
			if tc.code != "" {
				var e *crm.Error
				if err == nil || crm.ErrorCode(err) != tc.code || !asErr(err, &e) || e.Field != tc.fld {
					t.Fatalf("err = %v; want code %s on field %s", err, tc.code, tc.fld)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.Tags == nil {
				tc.want.Tags = []string{}
			}
			if tc.want.Emails == nil {
				tc.want.Emails = []crm.LabeledValue{}
			}
			if tc.want.Phones == nil {
				tc.want.Phones = []crm.LabeledValue{}
			}
			if tc.want.URLs == nil {
				tc.want.URLs = []crm.LabeledValue{}
			}
			if tc.want.Addresses == nil {
				tc.want.Addresses = []crm.Address{}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func asErr(err error, target **crm.Error) bool {
	e, ok := err.(*crm.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestUpdateJournalsOnlyRealChangesAndRefusesStaleEdits(t *testing.T) {
	ctx := context.Background()
	svc, db := newService(t)
	c, err := svc.Create(ctx, crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace"})
	if err != nil {
		t.Fatal(err)
	}
	same, err := svc.Update(ctx, c.ID, 1, crm.ContactFields{GivenName: " Ada ", FamilyName: "Lovelace"})
	if err != nil || same.Version != 1 {
		t.Fatalf("no-op update = %+v, %v; want version 1 unchanged", same, err)
	}
	upd, err := svc.Update(ctx, c.ID, 1, crm.ContactFields{GivenName: "Ada", FamilyName: "King", Tags: []string{"math"}})
	if err != nil || upd.Version != 2 || !upd.UpdatedAt.After(c.UpdatedAt) {
		t.Fatalf("update = %+v, %v", upd, err)
	}
	if _, err := svc.Update(ctx, c.ID, 1, crm.ContactFields{GivenName: "Ada", FamilyName: "Byron"}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update = %v; want version_conflict", err)
	}
	j, _ := db.JournalFor(ctx, crm.EntityContact, c.ID)
	if len(j) != 2 || !reflect.DeepEqual(j[1].Fields, []string{"familyName", "tags"}) {
		t.Fatalf("journal = %+v; want create + update(familyName, tags)", j)
	}
	got, _ := svc.Get(ctx, c.ID)
	if got.FamilyName != "King" {
		t.Fatalf("stored family name = %q", got.FamilyName)
	}
}

func TestListValidatesWindowAndSearches(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	for _, n := range []string{"Ada Lovelace", "Alan Turing", "Grace Hopper"} {
		g, f, _ := strings.Cut(n, " ")
		if _, err := svc.Create(ctx, crm.ContactFields{GivenName: g, FamilyName: f}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.List(ctx, "", 0, 0); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("limit 0: %v", err)
	}
	if _, err := svc.List(ctx, "", -1, 10); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("offset -1: %v", err)
	}
	all, _ := svc.List(ctx, "   ", 0, 10)
	hit, _ := svc.List(ctx, "tur", 0, 10)
	punct, _ := svc.List(ctx, "--", 0, 10)
	if all.Total != 3 || hit.Total != 1 || hit.Items[0].FamilyName != "Turing" || punct.Total != 3 {
		t.Fatalf("all=%d hit=%d punct=%d", all.Total, hit.Total, punct.Total)
	}
}

func TestDeleteAndRestore(t *testing.T) {
	ctx := context.Background()
	svc, _ := newService(t)
	c, _ := svc.Create(ctx, crm.ContactFields{Company: "Acme"})
	if _, err := svc.Delete(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Update(ctx, c.ID, 2, crm.ContactFields{Company: "Acme 2"}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("update deleted: %v", err)
	}
	if page, _ := svc.List(ctx, "", 0, 10); page.Total != 0 {
		t.Fatalf("deleted contact listed")
	}
	r, err := svc.Restore(ctx, c.ID)
	if err != nil || r.DeletedAt != nil {
		t.Fatalf("restore: %+v %v", r, err)
	}
	if page, _ := svc.List(ctx, "acme", 0, 10); page.Total != 1 {
		t.Fatalf("restored contact not found by search")
	}
}
