package engine_test

import (
	"context"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/sync/davtest"
)

// An imported contact's first upload starts from the card it came from, so
// what Fieldbook does not model (X- properties, Apple's labelled groups)
// reaches the server, under the contact's own UID.
func TestFirstUploadOfAnImportedContactKeepsItsCard(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	s := newFakeSide(t, srv)
	c := s.create(crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace", Title: "Countess",
		Emails: []crm.LabeledValue{{Label: "analytical", Value: "ada@example.org"}}})
	imported := strings.Join([]string{
		"BEGIN:VCARD", "VERSION:3.0", "UID:source-uid-1", "FN:Ada Lovelace", "N:Lovelace;Ada;;;",
		"X-MS-OL-DESIGN;CHARSET=utf-8:<card/>", "item1.EMAIL;TYPE=INTERNET:ada@example.org",
		"item1.X-ABLabel:analytical", "EMAIL;TYPE=HOME:old@example.org", "END:VCARD", ""}, "\r\n")
	if err := s.db.SetContactCard(context.Background(), c.ID, []byte(imported)); err != nil {
		t.Fatal(err)
	}
	if res := s.sync(); res.Pushed != 1 {
		t.Fatalf("pushed %d; want 1", res.Pushed)
	}
	obj := onlyObject(t, srv)
	// The fake server, like Radicale, stores its own rewrite of the card
	// (properties sorted, names upper-cased), so compare case-insensitively.
	got := strings.ToUpper(string(obj.Data))
	for _, want := range []string{"X-MS-OL-DESIGN", "ITEM1.X-ABLABEL:ANALYTICAL", "ITEM1.EMAIL;TYPE=INTERNET:ADA@EXAMPLE.ORG",
		"TITLE:COUNTESS", "UID:" + strings.ToUpper(c.ID)} {
		if !strings.Contains(got, want) {
			t.Errorf("server copy lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "SOURCE-UID-1") {
		t.Errorf("server copy kept the file's UID instead of the contact's:\n%s", got)
	}
	// An e-mail of the card that the contact no longer has is not
	// resurrected: the contact's fields win.
	if strings.Contains(got, "OLD@EXAMPLE.ORG") {
		t.Errorf("an e-mail the contact does not have was uploaded:\n%s", got)
	}
	if uids := serverUIDs(t, srv.Objects()); uids[c.ID] != 1 || len(uids) != 1 {
		t.Fatalf("server UIDs = %v", uids)
	}
}
