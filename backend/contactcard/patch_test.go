package contactcard

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// cardFrom decodes one card from text lines.
func cardFrom(t *testing.T, lines ...string) *vcard.Card {
	t.Helper()
	return decodeAll(t, []byte(strings.Join(lines, "\r\n")+"\r\n"))[0]
}

// marshal encodes c or fails.
func marshal(t *testing.T, c *vcard.Card, v string) string {
	t.Helper()
	b, err := vcard.Marshal(c, v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// contains fails unless out holds every line.
func contains(t *testing.T, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l+"\r\n") {
			t.Errorf("missing line %q in\n%s", l, out)
		}
	}
}

// lacks fails when out holds one of the substrings.
func lacks(t *testing.T, out string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(out, s) {
			t.Errorf("unexpected %q in\n%s", s, out)
		}
	}
}

func TestPatchAppleGroups(t *testing.T) {
	base := readOne(t, "ezvcard__John_Doe_IPHONE.vcf")
	f, _ := FromCard(base)
	f.Phones = slices.DeleteFunc(f.Phones, func(v crm.LabeledValue) bool { return v.Label == "assistantphone" })
	f.Emails = append(f.Emails, lv("Private Stuff", "john@home.test"))
	out := marshal(t, Patch(base, f), "3.0")
	lacks(t, out, "905-222-1234", "AssistantPhone")
	contains(t, out,
		"item1.EMAIL;type=INTERNET;type=pref:john.doe@ibm.com",
		"item5.URL;type=pref:http\\://www.ibm.com",
		"item5.X-ABLabel:_$!<HomePage>!$_",
		"item3.X-ABADR:Silicon Alley",
		"item6.EMAIL:john@home.test", // a group name never used in the card
		"item6.X-ABLabel:private stuff",
	)
	if !bytes.Contains([]byte(out), []byte("PHOTO;ENCODING=b;TYPE=JPEG:")) && !strings.Contains(out, "PHOTO;") {
		t.Error("PHOTO lost")
	}
}

func TestPatchOutlook21(t *testing.T) {
	base := readOne(t, "ezvcard__outlook-2007.vcf")
	f, _ := FromCard(base)
	f.Notes = "New note, with; separators\nand a second line"
	f.Anniversary = "2013-01-02"
	f.Phones[2].Label = "home"
	out := marshal(t, Patch(base, f), "3.0")
	contains(t, out,
		"NOTE:New note\\, with\\; separators\\nand a second line",
		"X-MS-ANNIVERSARY:20130102",
		"TEL;TYPE=HOME:(111) 555-4444",
		"TEL;TYPE=WORK,VOICE:(111) 555-1111",
		"X-MS-SPOUSE:TheSpouse",
		"ADR;TYPE=WORK,PREF:;TheOffice;222 Broadway;New York;NY;99999;USA",
	)
	lacks(t, out, "QUOTED-PRINTABLE", "(111) 555-4444\r\nTEL;TYPE=CELL")
	if !strings.Contains(out, "X-MS-OL-DESIGN") {
		t.Error("X-MS-OL-DESIGN lost")
	}
}

func TestPatchFN(t *testing.T) {
	// A derived FN follows the new name.
	base := cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "FN:John Doe", "END:VCARD")
	f, _ := FromCard(base)
	f.GivenName = "Jane"
	contains(t, marshal(t, Patch(base, f), "3.0"), "N:Doe;Jane;;;", "FN:Jane Doe")
	// Family-first FN made of the same parts is derived too.
	base = cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:安藤;ロイド;;;", "FN:安藤 ロイド", "END:VCARD")
	f, _ = FromCard(base)
	f.GivenName = "太郎"
	contains(t, marshal(t, Patch(base, f), "3.0"), "N:安藤;太郎;;;", "FN:太郎 安藤")
	// A hand-written FN stays.
	base = readOne(t, "tine__mac_os_x_addressbook.vcf")
	f, _ = FromCard(base)
	f.GivenName = "Lara"
	contains(t, marshal(t, Patch(base, f), "3.0"), "N:Kneschke;Lara;;;", "FN:Vorname Nachname")
	// A company card whose FN is the company follows the company.
	base = readOne(t, "rcube__apple.vcf")
	f, _ = FromCard(base)
	f.Company = "Apple Inc."
	out := marshal(t, Patch(base, f), "3.0")
	contains(t, out, "FN:Apple Inc.", "ORG:Apple Inc.", "N:;;;;", "X-ABShowAs:COMPANY")
}

func TestPatchOrgExtraUnits(t *testing.T) {
	base := cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "FN:John Doe", "ORG:IBM;Accounting;Dungeon", "END:VCARD")
	f, _ := FromCard(base)
	if f.Department != "Accounting, Dungeon" {
		t.Fatalf("department %q", f.Department)
	}
	f.Company = "Big Blue"
	contains(t, marshal(t, Patch(base, f), "3.0"), "ORG:Big Blue;Accounting;Dungeon")
	f.Department = "Sales, Dungeon"
	contains(t, marshal(t, Patch(base, f), "3.0"), "ORG:Big Blue;Sales;Dungeon")
	f.Department = "Sales"
	contains(t, marshal(t, Patch(base, f), "3.0"), "ORG:Big Blue;Sales")
}

func TestDatesAppleOmitYear(t *testing.T) {
	base := cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "FN:John Doe",
		"BDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-03-17", "END:VCARD")
	f, _ := FromCard(base)
	if f.Birthday != "--03-17" {
		t.Fatalf("birthday %q", f.Birthday)
	}
	f.Birthday = "--04-01"
	contains(t, marshal(t, Patch(base, f), "3.0"), "BDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:1604-04-01")
	f.Birthday = "1990-04-01"
	contains(t, marshal(t, Patch(base, f), "3.0"), "BDAY;VALUE=date:1990-04-01")
	f.Birthday = ""
	lacks(t, marshal(t, Patch(base, f), "3.0"), "BDAY")
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"19850317": "1985-03-17", "1985-03-17": "1985-03-17", "--0317": "--03-17", "--03-17": "--03-17",
		"1955-07-19T00:00:00Z": "1955-07-19", "20090808T1430-0500": "2009-08-08", "--0229": "--02-29",
		"1985-02-29": "", "0000": "", "1985": "", "garbage": "", "": "", "1985-13-01": "", "--0230": "",
	} {
		if got := canonicalDate(in); got != want {
			t.Errorf("canonicalDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPatchReorderMovesProperties(t *testing.T) {
	base := cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "FN:John Doe",
		"EMAIL;TYPE=WORK;X-KEEP=1:a@x.test", "EMAIL;TYPE=HOME;X-KEEP=2:b@x.test", "END:VCARD")
	f, _ := FromCard(base)
	f.Emails = []crm.LabeledValue{f.Emails[1], lv("other", "c@x.test"), f.Emails[0]}
	out := marshal(t, Patch(base, f), "3.0")
	want := "EMAIL;TYPE=HOME;X-KEEP=2:b@x.test\r\nEMAIL:c@x.test\r\nEMAIL;TYPE=WORK;X-KEEP=1:a@x.test\r\n"
	if !strings.Contains(out, want) {
		t.Errorf("want\n%s\nin\n%s", want, out)
	}
}

func TestPatchPrefOnlyOnFirst(t *testing.T) {
	base := cardFrom(t, "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "FN:John Doe",
		"TEL;TYPE=CELL:1111", "TEL;TYPE=WORK,pref:2222", "END:VCARD")
	f, _ := FromCard(base)
	if f.Phones[0].Value != "2222" {
		t.Fatalf("preferred phone not first: %v", f.Phones)
	}
	f.Phones = []crm.LabeledValue{f.Phones[1], f.Phones[0]}
	out := marshal(t, Patch(base, f), "3.0")
	contains(t, out, "TEL;TYPE=CELL:1111", "TEL;TYPE=WORK:2222")
}

func TestNewCardShape(t *testing.T) {
	f := crm.ContactFields{
		GivenName: "Zoë", FamilyName: "Ægir", Company: "ACME; Inc.", Emails: []crm.LabeledValue{lv("work", "z@a.test"), lv("Private", "p@a.test")},
		Phones: []crm.LabeledValue{lv("mobile", "+1 555"), lv("other", "123")}, Birthday: "--03-17", Anniversary: "2001-02-03",
		Profile: "Likes tea\nhates coffee", Tags: []string{"VIP", "a,b"},
	}
	out := marshal(t, NewCard(f, "urn:uuid:1"), "3.0")
	contains(t, out, "VERSION:3.0", "UID:urn:uuid:1", "FN:Zoë Ægir", "N:Ægir;Zoë;;;", "ORG:ACME\\; Inc.",
		"EMAIL;TYPE=WORK:z@a.test", "item1.EMAIL:p@a.test", "item1.X-ABLabel:private", "TEL;TYPE=CELL:+1 555", "TEL:123",
		"BDAY:--03-17", "X-ANNIVERSARY:2001-02-03", "X-FIELDBOOK-PROFILE:Likes tea\\nhates coffee", "CATEGORIES:VIP,a\\,b")
}
