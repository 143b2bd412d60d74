package importexport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

const outlookCSV = "First Name,Last Name,E-mail Address,Mobile Phone,Company\r\n" +
	"Ada,Lovelace,ada@example.org,+44 20 7946 0001,Analytical Engines\r\n" +
	"Grace,Hopper,grace@example.org,,US Navy\r\n" +
	",,,,\r\n" +
	"Alan,Turing,not an e-mail,+44 20 7946 0002,\r\n" +
	",,,+44 20 7946 0003,\r\n"

func TestCSVImportReport(t *testing.T) {
	e := newEnv(t)
	rep := e.importFile(t, writeFile(t, "outlook.csv", []byte(outlookCSV)), Options{})
	if rep.Records != 4 || rep.Imported != 3 || rep.Skipped != 1 || rep.Merged != 0 {
		t.Fatalf("report %+v, want 4 records: 3 imported, 1 skipped", rep)
	}
	if s := rep.SkippedEntries[0]; s.Reason != "empty" || s.Line != 6 || s.Record != 4 {
		t.Errorf("skipped %+v, want the phone-only row on line 6 skipped as empty", s)
	}
	if len(rep.Warnings) == 0 || !strings.Contains(rep.Warnings[0].Detail, "not an e-mail") {
		t.Errorf("warnings %+v, want the dropped e-mail of Alan Turing", rep.Warnings)
	}
	ada, ok := byName(e.all(t), "Ada Lovelace")
	if !ok {
		t.Fatal("Ada Lovelace not imported")
	}
	want := crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace", Company: "Analytical Engines",
		Emails: []crm.LabeledValue{{Label: "other", Value: "ada@example.org"}},
		Phones: []crm.LabeledValue{{Label: "mobile", Value: "+44 20 7946 0001"}}}
	got := ada.Contact.ContactFields
	if got.GivenName != want.GivenName || got.FamilyName != want.FamilyName || got.Company != want.Company ||
		!slices.Equal(got.Emails, want.Emails) || !slices.Equal(got.Phones, want.Phones) {
		t.Errorf("Ada imported as %+v", got)
	}
	if ada.Card != nil {
		t.Errorf("a CSV row has no card, got %q", ada.Card)
	}
}

func TestColumnOverride(t *testing.T) {
	e := newEnv(t)
	csv := "Name,Mail,Firma\nAda,ada@example.org,Engines\n"
	// Column 0 as family name, the company column ignored.
	rep := e.importFile(t, writeFile(t, "x.csv", []byte(csv)), Options{Columns: map[int]string{0: "family_name", 2: "ignore"}, Map: "email=1"})
	if rep.Imported != 1 {
		t.Fatalf("report %+v", rep)
	}
	c := e.all(t)[0].Contact
	if c.FamilyName != "Ada" || c.Company != "" || len(c.Emails) != 1 {
		t.Errorf("got %+v", c.ContactFields)
	}
	_, err := e.im.Import(context.Background(), writeFile(t, "y.csv", []byte(csv)), Options{Columns: map[int]string{0: "no_such_field"}}, nil)
	var ce *crm.Error
	if !errors.As(err, &ce) || ce.Code != crm.CodeInvalidInput {
		t.Errorf("bad target: err %v, want invalid_input", err)
	}
}

func TestDuplicates(t *testing.T) {
	existing := crm.ContactFields{GivenName: "Ada", FamilyName: "Lovelace", Emails: []crm.LabeledValue{{Label: "work", Value: "ADA@example.org"}}}
	file := "First Name,Last Name,E-mail Address,Mobile Phone\n" +
		"Ada,Lovelace,ada@example.org,+44 20 7946 0001\n" +
		"Augusta Ada,King,ada@example.org,+44 20 7946 0009\n" + // matches Ada too
		"Grace,Hopper,grace@example.org,\n" +
		"G.,Hopper,grace@example.org,+1 555 0100\n" // matches Grace, imported earlier in this file
	for _, tc := range []struct {
		mode                      OnDuplicate
		imported, merged, skipped int
		total                     int
	}{
		{DuplicateMerge, 1, 3, 0, 2},
		{DuplicateSkip, 1, 0, 3, 2},
		{DuplicateImport, 4, 0, 0, 5},
	} {
		t.Run(string(tc.mode), func(t *testing.T) {
			e := newEnv(t)
			ada, err := e.svc.Create(context.Background(), existing)
			if err != nil {
				t.Fatal(err)
			}
			rep := e.importFile(t, writeFile(t, "d.csv", []byte(file)), Options{OnDuplicate: tc.mode, BatchSize: 10})
			if rep.Imported != tc.imported || rep.Merged != tc.merged || rep.Skipped != tc.skipped {
				t.Fatalf("report %+v, want imported %d merged %d skipped %d", rep, tc.imported, tc.merged, tc.skipped)
			}
			all := e.all(t)
			if len(all) != tc.total {
				t.Fatalf("%d contacts, want %d", len(all), tc.total)
			}
			if tc.mode == DuplicateSkip {
				for _, s := range rep.SkippedEntries {
					if s.Reason != "duplicate" || s.Detail != "email" || s.ContactID == "" {
						t.Errorf("skipped %+v, want duplicate by email", s)
					}
				}
			}
			if tc.mode != DuplicateMerge {
				return
			}
			merged, err := e.svc.Get(context.Background(), ada.ID)
			if err != nil {
				t.Fatal(err)
			}
			if merged.Version != ada.Version+2 || merged.GivenName != "Ada" { // two rows merged into it
				t.Errorf("merged contact %+v (version %d), want Ada kept at version %d", merged.ContactFields, merged.Version, ada.Version+2)
			}
			var phones []string
			for _, p := range merged.Phones {
				phones = append(phones, p.Value)
			}
			if !slices.Equal(phones, []string{"+44 20 7946 0001", "+44 20 7946 0009"}) {
				t.Errorf("merged phones %v", phones)
			}
			if rep.MergedEntries[0].Reason != "email" || rep.MergedEntries[0].ContactID != ada.ID {
				t.Errorf("merged entry %+v", rep.MergedEntries[0])
			}
			grace, ok := byName(all, "Grace Hopper")
			if !ok || len(grace.Contact.Phones) != 1 || grace.Contact.Phones[0].Value != "+1 555 0100" {
				t.Errorf("Grace not merged within the batch: %+v", grace.Contact.ContactFields)
			}
		})
	}
}

// vcards returns n small vCards.
func vcards(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person%d;Test;;;\r\nFN:Test Person%d\r\nEMAIL;TYPE=INTERNET:p%d@example.org\r\nTEL;TYPE=CELL:+1 555 %07d\r\nX-CUSTOM:kept %d\r\nEND:VCARD\r\n", i, i, i, i, i)
	}
	return b.Bytes()
}

func TestCancelKeepsCommittedBatches(t *testing.T) {
	e := newEnv(t)
	path := writeFile(t, "many.vcf", vcards(2500))
	ctx, cancel := context.WithCancel(context.Background())
	var calls []Progress
	rep, err := e.im.Import(ctx, path, Options{BatchSize: 1000}, func(p Progress) {
		calls = append(calls, p)
		if p.Records >= 1500 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Cancelled || rep.Imported != 1000 {
		t.Fatalf("report %+v, want cancelled after the first batch of 1000", rep)
	}
	if n := len(e.all(t)); n != 1000 {
		t.Errorf("%d contacts stored, want the committed 1000", n)
	}
	last := calls[len(calls)-1]
	if last.BytesTotal == 0 || last.BytesRead == 0 || last.BytesRead > last.BytesTotal {
		t.Errorf("progress %+v", last)
	}
}

func TestCSVExportReimports(t *testing.T) {
	e := newEnv(t)
	f := crm.ContactFields{Prefix: "Dr.", GivenName: "Jürgen", FamilyName: "Müller", Company: "Ünternehmen", Title: "Chef",
		Emails:    []crm.LabeledValue{{Label: "work", Value: "j@example.de"}, {Label: "home", Value: "j@home.example"}},
		Phones:    []crm.LabeledValue{{Label: "work", Value: "+49 30 1234"}, {Label: "mobile", Value: "+49 170 1"}},
		Addresses: []crm.Address{{Label: "work", Street: "Unter den Linden 1", City: "Berlin", Postcode: "10117", Country: "Germany"}},
		Birthday:  "1970-03-04", Anniversary: "--06-21", Notes: "line one\nline two", Tags: []string{"vip", "kunde"}}
	if _, err := e.svc.Create(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	out := exportAll(t, e, ExportCSV)
	if !bytes.HasPrefix(out, []byte("\ufeffTitle,First Name,Middle Name,Last Name")) {
		t.Errorf("header: %q", out[:60])
	}
	e2 := newEnv(t)
	rep := e2.importFile(t, writeFile(t, "out.csv", out), Options{})
	if rep.Imported != 1 {
		t.Fatalf("re-import %+v", rep)
	}
	got := e2.all(t)[0].Contact.ContactFields
	want, _ := contacts.Normalize(f)
	if got.Prefix != want.Prefix || got.GivenName != want.GivenName || got.FamilyName != want.FamilyName ||
		got.Company != want.Company || got.Title != want.Title || got.Birthday != want.Birthday || got.Anniversary != want.Anniversary || got.Notes != want.Notes ||
		!slices.Equal(got.Tags, want.Tags) || len(got.Emails) != 2 || len(got.Phones) != 2 || len(got.Addresses) != 1 ||
		got.Addresses[0].City != "Berlin" {
		t.Errorf("re-imported\n %+v\nwant\n %+v", got, want)
	}
}

func TestExportSelectedAndFiles(t *testing.T) {
	e := newEnv(t)
	var ids []string
	for _, n := range []string{"Zoe", "Anna", "Anna"} {
		c, err := e.svc.Create(context.Background(), crm.ContactFields{GivenName: n})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var buf bytes.Buffer
	n, err := Export(context.Background(), e.db, &buf, ExportVCard4, ids[:2])
	if err != nil || n != 2 {
		t.Fatalf("export %d, %v", n, err)
	}
	out := buf.String()
	if strings.Index(out, "FN:Anna") > strings.Index(out, "FN:Zoe") || !strings.Contains(out, "VERSION:4.0") || !strings.Contains(out, "UID:"+ids[0]) {
		t.Errorf("selected export:\n%s", out)
	}
	paths, err := ExportFiles(context.Background(), e.db, t.TempDir(), ExportVCard3, nil)
	if err != nil || len(paths) != 3 {
		t.Fatalf("files %v, %v", paths, err)
	}
	if !strings.HasSuffix(paths[0], "Anna.vcf") || !strings.HasSuffix(paths[1], "Anna (2).vcf") || !strings.HasSuffix(paths[2], "Zoe.vcf") {
		t.Errorf("paths %v", paths)
	}
}

func TestCopyFieldKnowsEveryChangedField(t *testing.T) {
	full := crm.ContactFields{Prefix: "a", GivenName: "a", MiddleName: "a", FamilyName: "a", Suffix: "a", Nickname: "a",
		Company: "a", Department: "a", Title: "a", Notes: "a", Profile: "a", Birthday: "a", Anniversary: "a",
		Emails: []crm.LabeledValue{{Value: "a"}}, Phones: []crm.LabeledValue{{Value: "a"}}, URLs: []crm.LabeledValue{{Value: "a"}},
		Addresses: []crm.Address{{City: "a"}}, Tags: []string{"a"}, Custom: map[string]string{"a": "a"}}
	var dst crm.ContactFields
	for _, name := range contacts.ChangedFields(dst, full) {
		copyField(&dst, full, name)
	}
	if left := contacts.ChangedFields(dst, full); len(left) != 0 {
		t.Errorf("copyField does not copy %v", left)
	}
}

func TestPhotoExportedWithAndWithoutCard(t *testing.T) {
	e, _, cs := importCorpus(t, "vcard/tbird__v4-uri-jpeg.vcf")
	withCard := only(t, cs)
	if withCard.Photo == nil || withCard.Photo.MediaType != "image/jpeg" {
		t.Fatalf("photo of a data: URI not stored: %+v", withCard.Photo)
	}
	// A contact typed in by hand with a photo set later gets it in a fresh card.
	c, err := e.svc.Create(context.Background(), crm.ContactFields{GivenName: "Hand", FamilyName: "Made"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.SetImportedPhoto(context.Background(), c.ID, store.Photo{MediaType: "image/jpeg", Data: withCard.Photo.Data}, time.Now()); err != nil {
		t.Fatal(err)
	}
	out := string(exportAll(t, e, ExportVCard3))
	if n := strings.Count(out, "PHOTO;ENCODING=b;TYPE=JPEG:"); n != 2 {
		t.Errorf("%d inline JPEG photos in the 3.0 export, want 2:\n%s", n, out)
	}
	e2 := newEnv(t)
	e2.importFile(t, writeFile(t, "again.vcf", []byte(out)), Options{})
	for _, x := range e2.all(t) {
		if x.Photo == nil || !bytes.Equal(x.Photo.Data, withCard.Photo.Data) {
			t.Errorf("%s: photo lost in export → import", x.Contact.DisplayName())
		}
	}
}
