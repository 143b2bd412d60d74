package importexport

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/backend/vcard"
	"fieldbook/internal/testcorpus"
)

func importCorpus(t *testing.T, rel string) (env, Report, []store.ExportedContact) {
	t.Helper()
	e := newEnv(t)
	rep := e.importFile(t, filepath.Join(testcorpus.Dir(t), filepath.FromSlash(rel)), Options{})
	return e, rep, e.all(t)
}

func only(t *testing.T, cs []store.ExportedContact) store.ExportedContact {
	t.Helper()
	if len(cs) != 1 {
		t.Fatalf("got %d contacts, want 1", len(cs))
	}
	return cs[0]
}

func TestJapaneseShiftJISvCard21(t *testing.T) {
	_, _, cs := importCorpus(t, "vcard/aosp__v21_japanese_1.vcf")
	c := only(t, cs).Contact
	if c.FamilyName != "安藤ロイド" {
		t.Errorf("family name %q, want 安藤ロイド", c.FamilyName)
	}
	if want := []crm.LabeledValue{{Label: "other", Value: "0300000000"}}; !slices.Equal(c.Phones, want) {
		t.Errorf("phones %v, want %v", c.Phones, want)
	}
}

func TestCyrillicNoteFoldedInsideCharacter(t *testing.T) {
	_, _, cs := importCorpus(t, "vcard/kcontacts__vcard9.vcf")
	c := only(t, cs).Contact
	want := "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов."
	if c.Notes != want {
		t.Errorf("notes %q\nwant  %q", c.Notes, want)
	}
	if !strings.HasPrefix(c.FamilyName, "123ㄓㄕㄖbcdeαβγδ") || !strings.HasSuffix(c.FamilyName, "αβㄤㄓㄕㄖ") {
		t.Errorf("family name %q", c.FamilyName)
	}
}

func TestUmlautsLatin1vCard(t *testing.T) {
	_, _, cs := importCorpus(t, "vcard/tine__HerrFalkMuenchen.vcf")
	c := only(t, cs).Contact
	if c.FamilyName != "München" || c.GivenName != "Falk" {
		t.Errorf("name %q %q, want Falk München", c.GivenName, c.FamilyName)
	}
	var cities []string
	for _, a := range c.Addresses {
		cities = append(cities, a.Label+":"+a.City)
	}
	if want := []string{"home:Bad Vilbel", "work:Düsseldorf"}; !slices.Equal(cities, want) {
		t.Errorf("addresses %v, want %v", cities, want)
	}
	if c.Title != "Landtagsabgeordneter" {
		t.Errorf("title %q", c.Title)
	}
}

func TestOutlookPhotoBecomesContactPhoto(t *testing.T) {
	rel := "vcard/ezvcard__John_Doe_MS_OUTLOOK.vcf"
	_, _, cs := importCorpus(t, rel)
	got := only(t, cs)
	if got.Contact.GivenName != "John" || got.Contact.FamilyName != "Doe" || got.Contact.MiddleName != "Richter,James" && got.Contact.MiddleName != "Richter James" {
		t.Errorf("name %+v", got.Contact.ContactFields)
	}
	if got.Photo == nil {
		t.Fatal("no photo stored")
	}
	cards, _, err := vcard.Decode(bytes.NewReader(testcorpus.Read(t, rel)))
	if err != nil || len(cards) != 1 {
		t.Fatalf("decode: %v", err)
	}
	want, _, err := cards[0].Get("PHOTO").Data()
	if err != nil {
		t.Fatal(err)
	}
	if got.Photo.MediaType != "image/jpeg" || !bytes.Equal(got.Photo.Data, want) {
		t.Errorf("photo %s, %d bytes; want image/jpeg, %d bytes", got.Photo.MediaType, len(got.Photo.Data), len(want))
	}
	if len(want) < 500 || want[0] != 0xFF || want[1] != 0xD8 {
		t.Errorf("expected photo is not a JPEG: %d bytes, % x", len(want), want[:4])
	}
}

func TestAppleGroupedLabels(t *testing.T) {
	_, _, cs := importCorpus(t, "vcard/ezvcard__John_Doe_IPHONE.vcf")
	c := only(t, cs).Contact
	var phones []string
	for _, p := range c.Phones {
		phones = append(phones, p.Label+"="+p.Value)
	}
	if !slices.Contains(phones, "assistantphone=905-222-1234") {
		t.Errorf("phones %v lack the grouped label assistantphone=905-222-1234", phones)
	}
	if len(c.URLs) == 0 || c.URLs[0].Value != "http://www.ibm.com" || c.URLs[0].Label != "homepage" {
		t.Errorf("urls %v, want homepage=http://www.ibm.com", c.URLs)
	}
}

func TestShiftJISAndUTF16CSV(t *testing.T) {
	_, _, cs := importCorpus(t, "csv/tbird__shiftjis_addressbook.csv")
	c := only(t, cs).Contact
	if c.GivenName != "権兵衛" || c.FamilyName != "名無し" {
		t.Errorf("name %q %q, want 権兵衛 名無し", c.GivenName, c.FamilyName)
	}
	_, _, cs = importCorpus(t, "csv/tbird__utf16_addressbook.csv")
	c = only(t, cs).Contact
	if c.GivenName != "John" || c.FamilyName != "Doe" || len(c.Emails) != 1 || c.Emails[0].Value != "johndoe@host.invalid" {
		t.Errorf("got %+v", c.ContactFields)
	}
}
