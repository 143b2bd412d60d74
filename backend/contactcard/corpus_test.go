package contactcard

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
)

// lv is a short constructor for labelled values.
func lv(label, value string) crm.LabeledValue { return crm.LabeledValue{Label: label, Value: value} }

// TestFromCardCorpus checks the exact fields read from real cards.
func TestFromCardCorpus(t *testing.T) {
	tests := []struct {
		file string
		uid  string
		want crm.ContactFields
	}{
		{ // Outlook 2007, vCard 2.1: bare types, QP note with CRLF and TAB, X-MS-ANNIVERSARY.
			file: "ezvcard__outlook-2007.vcf",
			want: crm.ContactFields{
				Prefix: "Mr.", GivenName: "Michael", FamilyName: "Angstadt", Suffix: "Jr.", Nickname: "Mike",
				Company: "TheCompany", Department: "TheDepartment", Title: "TheJobTitle",
				Notes: "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n" +
					"But I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
				Emails: []crm.LabeledValue{lv("other", "mike.angstadt@gmail.com")},
				Phones: []crm.LabeledValue{lv("work", "(111) 555-1111"), lv("home", "(111) 555-2222"),
					lv("mobile", "(111) 555-4444"), lv("fax", "(111) 555-3333")},
				URLs: []crm.LabeledValue{lv("home", "http://mikeangstadt.name"), lv("work", "http://mikeangstadt.name")},
				Addresses: []crm.Address{{Label: "work", Street: "TheOffice\n222 Broadway", City: "New York",
					Region: "NY", Postcode: "99999", Country: "USA"}},
				Birthday: "1922-03-10", Anniversary: "2012-08-01",
			},
		},
		{ // iOS 5: itemN groups with Apple labels, pref ordering, street with \n.
			file: "ezvcard__John_Doe_IPHONE.vcf",
			want: crm.ContactFields{
				Prefix: "Mr.", GivenName: "John", MiddleName: "Richter James", FamilyName: "Doe", Suffix: "Sr.",
				Nickname: "Johny", Company: "IBM", Department: "Accounting", Title: "Money Counter",
				Emails: []crm.LabeledValue{lv("other", "john.doe@ibm.com")},
				Phones: []crm.LabeledValue{lv("mobile", "905-555-1234"), lv("home", "905-666-1234"),
					lv("work", "905-777-1234"), lv("fax", "905-888-1234"), lv("fax", "905-999-1234"),
					lv("pager", "905-111-1234"), lv("assistantphone", "905-222-1234")},
				URLs: []crm.LabeledValue{lv("homepage", "http://www.ibm.com")},
				Addresses: []crm.Address{
					{Label: "home", Street: "Silicon Alley 5", City: "New York", Region: "New York", Postcode: "12345", Country: "United States of America"},
					{Label: "work", Street: "Street4\nBuilding 6\nFloor 8", City: "New York", Postcode: "12345", Country: "USA"},
				},
				Birthday: "2012-06-06",
			},
		},
		{ // Gmail 3.0: custom X-ABLabels, TYPE=MAIN, X-ABDATE anniversary.
			file: "ezvcard__gmail-single2.vcf",
			want: crm.ContactFields{
				GivenName: "VCard", FamilyName: "Test", Nickname: "TheNickname", Company: "TheCompany", Title: "TheJobTitle",
				Notes: "note line 1\nnote line 2\nCustomField: field value",
				Emails: []crm.LabeledValue{lv("other", "email@example.com"), lv("home", "homeemail@example.com"),
					lv("work", "workemail@example.com"), lv("other", "otheremail@example.com"),
					lv("customemailcategory", "customcategory@example.com")},
				Phones: []crm.LabeledValue{lv("other", "5555551111"), lv("home", "5555551112"), lv("work", "5555551113"),
					lv("other", "5555551114"), lv("mobile", "5555551115"), lv("main", "5555551116"), lv("fax", "5555551117"),
					lv("fax", "5555551118"), lv("grand_central", "5555551119"), lv("pager", "5555551120"),
					lv("customephonecategory", "5555551121")},
				URLs: []crm.LabeledValue{lv("other", "http://www.example1.com"), lv("profile", "http://www.example2.com"),
					lv("blog", "http://www.example3.com"), lv("homepage", "http://www.example4.com"),
					lv("work", "http://www.example5.com"), lv("customwebsitecategory", "http://www.example6.com")},
				Addresses: []crm.Address{
					{Label: "other", Street: "111 Main St", City: "NY", Region: "New York", Postcode: "10011"},
					{Label: "home", Street: "112 Main St", City: "NY", Region: "New York", Postcode: "10011"},
					{Label: "work", Street: "113 Main St", City: "NY", Region: "New York", Postcode: "10011"},
					{Label: "other", Street: "114 Main St", City: "NY", Region: "New York", Postcode: "10011"},
					{Label: "customaddresscategory", Street: "115 Main St", City: "NY", Region: "New York", Postcode: "10011"},
				},
				Birthday: "1912-06-23", Anniversary: "1930-03-20",
			},
		},
		{ // Shift_JIS, quoted-printable, vCard 2.1.
			file: "aosp__v21_japanese_2.vcf",
			want: crm.ContactFields{
				GivenName: "ロイド1", FamilyName: "安藤", Notes: "メモ",
				Addresses: []crm.Address{{Label: "home", Street: "東京都渋谷区桜丘町26-1セルリアンタワー6階", Postcode: "150-8512"}},
			},
		},
		{ // Cyrillic note whose UTF-8 is split by a fold, Greek and Bopomofo name.
			file: "kcontacts__vcard9.vcf",
			uid:  "20140316T155019.877e370c11@martin",
			want: crm.ContactFields{
				FamilyName: "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ",
				Notes:      "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.",
			},
		},
		{ // vCard 4.0: year-less BDAY (a bogus second one ignored), date-time
			// ANNIVERSARY, tel: URI with extension, PREF=100, list suffix.
			file: "libical__test.vcf",
			want: crm.ContactFields{
				GivenName: "Simon", FamilyName: "Perreault", Suffix: "ing. jr M.Sc.", Company: "Viagenie", Department: "Foo",
				Notes:     "Test vCard",
				Emails:    []crm.LabeledValue{lv("work", "simon.perreault@viagenie.ca")},
				Phones:    []crm.LabeledValue{lv("other", "+1-418-656-9254 x102"), lv("mobile", "+1-418-262-6501")},
				URLs:      []crm.LabeledValue{lv("home", "http://nomis80.org")},
				Addresses: []crm.Address{{Label: "work", Street: "Suite D2-630\n2875 Laurier", City: "Quebec", Region: "QC", Postcode: "G1V 2M2", Country: "Canada"}},
				Birthday:  "--02-03", Anniversary: "2009-08-08", Tags: []string{"foo", "bar"},
			},
		},
		{ // Apple company card: N:;;;; with X-ABShowAs:COMPANY → no person name.
			file: "rcube__apple.vcf",
			want: crm.ContactFields{
				Company:   "Apple Computer AG",
				URLs:      []crm.LabeledValue{lv("homepage", "http://www.apple.ch")},
				Addresses: []crm.Address{{Label: "work", Street: "Birgistrasse 4a", City: "Wallisellen-Zürich", Postcode: "8304", Country: "Switzerland"}},
			},
		},
		{ // macOS: escaped separators in ORG, TYPE=IPHONE/MAIN/OTHER, Apple _$!<Other>!$_.
			file: "tine__mac_os_x_addressbook.vcf",
			uid:  "2d935ec3-c22d-4aa5-aa80-66ea39bd9703",
			want: crm.ContactFields{
				GivenName: "Lars", FamilyName: "Kneschke", Company: "ORGANI,SATION", Department: "UN;IT",
				Notes: "Notes\nwith\nLine Break and , and ; yeah!",
				Emails: []crm.LabeledValue{lv("work", "l.kneschke@metaways.de"), lv("home", "lars@kneschke.de"),
					lv("other", "email other"), lv("other", "email other")},
				Phones: []crm.LabeledValue{lv("work", "+49 BUSINESS"), lv("mobile", "+49 MOBIL"), lv("home", "+49 PRIVAT"),
					lv("mobile", "Tel Iphone"), lv("main", "Tel Zentrale"), lv("fax", "+49 FAX PRIVAT"), lv("fax", "+49 FAX"),
					lv("pager", "+49 PAGER"), lv("other", "Tel other"), lv("other", "Tel other")},
				Addresses: []crm.Address{
					{Label: "work", Street: "Address Business 1", City: "City Business", Postcode: "12345", Country: "COUNTRY BUSINESS"},
					{Label: "home", Street: "Address Privat 1", City: "City Privat", Postcode: "12345", Country: "COUNTRY PRIVAT"},
					{Label: "other", Street: "andere sta..e", City: "andere stan..e", Postcode: "andere plz", Country: "andere land"},
				},
			},
		},
		{ // 2.1 card without N: FN becomes the given name.
			file: "tine__without_N_property.vcf",
			want: crm.ContactFields{
				GivenName: "Hans Müller", Company: "Mein Schiff",
				Emails:    []crm.LabeledValue{lv("other", "hans@schiff.de")},
				URLs:      []crm.LabeledValue{lv("work", "http://www.meinschiff.de")},
				Addresses: []crm.Address{{Label: "work", City: "Nürnberg", Postcode: "90329", Country: "Deutschland"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, uid := FromCard(readOne(t, tt.file))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fields differ:\n%s", diff(got, tt.want))
				t.Errorf("got  %#v", got)
			}
			if uid != tt.uid {
				t.Errorf("uid %q, want %q", uid, tt.uid)
			}
		})
	}
}
