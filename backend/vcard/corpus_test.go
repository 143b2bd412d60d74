package vcard

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// decodeCorpus decodes one corpus file and fails on a read error.
func decodeCorpus(t *testing.T, name string, opts Options) ([]*Card, []Problem) {
	t.Helper()
	cards, probs, err := DecodeWith(bytes.NewReader(readCorpus(t, name)), opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cards, probs
}

// one returns the single card of a file.
func one(t *testing.T, name string) *Card {
	t.Helper()
	cards, _ := decodeCorpus(t, name, Options{})
	if len(cards) != 1 {
		t.Fatalf("%s: got %d cards, want 1", name, len(cards))
	}
	return cards[0]
}

// must returns the first property with the name or fails.
func must(t *testing.T, c *Card, name string) *Property {
	t.Helper()
	p := c.Get(name)
	if p == nil {
		t.Fatalf("no %s property", name)
	}
	return p
}

// eq fails when got != want.
func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %#v, want %#v", what, got, want)
	}
}

// TestCorpusDecodesEveryFile decodes every .vcf of the corpus: no error, no
// panic, at least one card each.
func TestCorpusDecodesEveryFile(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			cards, probs := decodeCorpus(t, name, Options{})
			if len(cards) == 0 {
				t.Fatalf("no cards")
			}
			for _, p := range probs {
				t.Logf("problem: %s", p)
			}
			for _, c := range cards {
				for _, p := range c.Properties {
					if p.Name == "" {
						t.Errorf("property without a name at line %d", p.Line)
					}
				}
			}
		})
	}
}

// TestCorpusValues asserts exact decoded values taken from NOTES.md or
// evident from the files.
func TestCorpusValues(t *testing.T) {
	tests := []struct {
		file  string
		check func(t *testing.T)
	}{
		{"aosp__v21_japanese_1.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_japanese_1.vcf")
			eq(t, "N", must(t, c, "N").Component(0), "安藤ロイド")
			sound := must(t, c, "SOUND")
			eq(t, "X-IRMC-N types", sound.Types(), []string{"X-IRMC-N"})
			eq(t, "phonetic", sound.Component(0), "ｱﾝﾄﾞｳﾛｲﾄﾞ")
			tel := must(t, c, "TEL")
			eq(t, "TEL", tel.Value, "0300000000")
			eq(t, "TEL types", tel.Types(), []string{"PREF", "VOICE"})
			eq(t, "TEL bare", tel.Params[0].Bare, true)
			eq(t, "TEL pref", tel.Pref(), 1)
		}},
		{"aosp__v21_japanese_2.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_japanese_2.vcf")
			eq(t, "FN", c.Value("FN"), "安藤 ロイド 1")
			eq(t, "N", must(t, c, "N").Components(), [][]string{{"安藤"}, {"ロイド1"}, {""}, {""}, {""}})
			adr := must(t, c, "ADR")
			eq(t, "ADR street (Shift_JIS in QP)", adr.Component(1), "東京都渋谷区桜丘町26-1セルリアンタワー6階")
			eq(t, "ADR postcode", adr.Component(5), "150-8512")
			eq(t, "NOTE", c.Value("NOTE"), "メモ")
		}},
		{"aosp__v30_japanese.vcf", func(t *testing.T) {
			c := one(t, "aosp__v30_japanese.vcf")
			eq(t, "FN", c.Value("FN"), "伊能 圭一 伊予")
			eq(t, "N", must(t, c, "N").Components(), [][]string{{"伊能"}, {"圭一"}, {"伊予"}, {""}, {""}})
		}},
		{"aosp__v21_multiple_entry.vcf", func(t *testing.T) {
			cards, _ := decodeCorpus(t, "aosp__v21_multiple_entry.vcf", Options{})
			eq(t, "cards", len(cards), 3)
			for i, want := range []string{"安藤ロイド3", "安藤ロイド4", "安藤ロイド5"} {
				eq(t, "N", cards[i].Get("N").Component(0), want)
			}
			eq(t, "NEC type", cards[0].All("TEL")[0].Types(), []string{"X-NEC-SECRET"})
		}},
		{"kcontacts__vcard9.vcf", func(t *testing.T) {
			c := one(t, "kcontacts__vcard9.vcf")
			eq(t, "NOTE (fold splits a UTF-8 sequence)", c.Value("NOTE"),
				"Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.")
			eq(t, "N", must(t, c, "N").Component(0), "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ")
			eq(t, "FN", strings.Repeat("βγδεαβγδ1", 11), c.Value("FN"))
			eq(t, "version found late", c.Version, Version30)
		}},
		{"rcube__utf-16_sample.vcf", func(t *testing.T) {
			c := one(t, "rcube__utf-16_sample.vcf")
			eq(t, "FN", c.Value("FN"), "Ǽgean ĽdaMonté")
			eq(t, "N", must(t, c, "N").Components()[:2], [][]string{{"ĽdaMonté"}, {"Ǽgean"}})
			adr := must(t, c, "ADR")
			eq(t, "ADR group", adr.Group, "item1")
			eq(t, "ADR street", adr.Component(2), "169 Mária Canal")
			eq(t, "ADR country", adr.Component(6), "Perú")
			eq(t, "X-ABUID", c.Value("X-ABUID"), "DC88726E-3E31-4B75-AEB5-C51BC6326779:ABPerson")
		}},
		{"tine__HerrFalkMuenchen.vcf", func(t *testing.T) {
			cards, probs := decodeCorpus(t, "tine__HerrFalkMuenchen.vcf", Options{})
			c := cards[0]
			eq(t, "N family (Latin-1)", c.Get("N").Component(0), "München")
			eq(t, "FN", c.Value("FN"), "München, Falk")
			eq(t, "work locality", c.All("ADR")[1].Component(3), "Düsseldorf")
			label := must(t, c, "LABEL")
			eq(t, "LABEL,TYPE=HOME read as LABEL;TYPE=HOME", label.Types(), []string{"HOME"})
			eq(t, "LABEL first line", label.Value, "Klippe 58")
			eq(t, "empty fax", c.All("TEL")[1].Value, "")
			eq(t, "TEL types", c.All("TEL")[1].Types(), []string{"HOME", "FAX"})
			eq(t, "TITLE after junk", c.Value("TITLE"), "Landtagsabgeordneter")
			junk := 0
			for _, p := range probs {
				if strings.Contains(p.Reason, "no colon") {
					junk++
				}
			}
			eq(t, "skipped un-indented continuation lines", junk, 2)
		}},
		{"vc4a__allfields-vcard3.vcf", func(t *testing.T) {
			c := one(t, "vc4a__allfields-vcard3.vcf")
			eq(t, "FN", c.Value("FN"), "Ämi Display")
			eq(t, "phonetic", c.Value("X-PHONETIC-FIRST-NAME"), "Förstnehm")
			adrs := c.All("ADR")
			eq(t, "folded ADR", adrs[0].Components(), [][]string{{""}, {""}, {"6544 Battleford Drive"}, {"Raleigh"}, {"NC"}, {"27613-3502"}, {"U.S.A."}})
			eq(t, "ADR pref", adrs[0].Pref(), 1)
			eq(t, "monkey street", adrs[1].Component(2), "Teststraße 22")
			eq(t, "monkey locality", adrs[1].Component(3), "Mönchspfaffingen")
			eq(t, "monkey label", c.Label(adrs[1]), "Monkey Tree")
			eq(t, "workEmail label", c.Label(c.All("EMAIL")[1]), "@work")
			eq(t, "ORG", c.Get("ORG").Components(), [][]string{{"ABC, Inc."}, {"North American Division"}, {"Marketing"}})
			eq(t, "NICKNAME", c.Get("NICKNAME").Values(), []string{"Nick1", "Nick2"})
			eq(t, "NOTE fold", c.Value("NOTE"), "This fax number is operational 0800 to 1715 EST, Mon-Fri.")
			eq(t, "RELATED text", c.Value("RELATED"), "Ägidius")
			eq(t, "unknown param", c.Get("X-TEST").Param("A"), "B")
		}},
		{"ezvcard__John_Doe_MS_OUTLOOK.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__John_Doe_MS_OUTLOOK.vcf")
			eq(t, "N additional", c.Get("N").Components()[2], []string{"Richter", "James"})
			eq(t, "N LANGUAGE", c.Get("N").Param("LANGUAGE"), "en-us")
			labels := c.All("LABEL")
			eq(t, "QP LABEL work", labels[0].Value, "Cresent moon drive\r\nAlbaney, New York  12345")
			eq(t, "QP LABEL home", labels[1].Value, "Silicon Alley 5,\r\nNew York, New York  12345")
			eq(t, "ADR home street", c.All("ADR")[1].Component(2), "Silicon Alley 5,")
			eq(t, "ADR work pref", c.All("ADR")[0].Types(), []string{"WORK", "PREF"})
			data, media, err := must(t, c, "PHOTO").Data()
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "media", media, "image/jpeg")
			eq(t, "JPEG SOI+APP0", data[:4], []byte{0xFF, 0xD8, 0xFF, 0xE0})
			eq(t, "JPEG EOI", data[len(data)-2:], []byte{0xFF, 0xD9})
			eq(t, "X-MS-OL-DESIGN kept", strings.HasPrefix(c.Value("X-MS-OL-DESIGN"), `<card xmlns="http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards"`), true)
			eq(t, "X-MS-ANNIVERSARY", c.Value("X-MS-ANNIVERSARY"), "20110113")
			eq(t, "REV after photo", c.Value("REV"), "20120305T131933Z")
		}},
		{"ezvcard__John_Doe_IPHONE.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__John_Doe_IPHONE.vcf")
			tel := c.All("TEL")[6]
			eq(t, "grouped TEL", tel.Group, "item2")
			eq(t, "TEL label", c.Label(tel), "_$!<AssistantPhone>!$_")
			url := must(t, c, "URL")
			eq(t, "URL unescaped", url.Value, "http://www.ibm.com")
			eq(t, "URL label", c.Label(url), "_$!<HomePage>!$_")
			eq(t, "X-ABADR linked", c.Group("item4")[1].Value, "Street 4, Building 6,\n Floor 8\nNew York\nUSA")
			eq(t, "ADR street newlines", c.All("ADR")[1].Component(2), "Street4\nBuilding 6\nFloor 8")
			data, _, err := must(t, c, "PHOTO").Data()
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "JPEG", data[:3], []byte{0xFF, 0xD8, 0xFF})
		}},
		{"tbird__v4-uri-jpeg.vcf", func(t *testing.T) {
			v4 := must(t, one(t, "tbird__v4-uri-jpeg.vcf"), "PHOTO")
			v3 := must(t, one(t, "tbird__v3-binary-jpeg.vcf"), "PHOTO")
			eq(t, "v4 is a data URI", strings.HasPrefix(v4.Value, "data:image/jpeg;base64,/9j/"), true)
			d4, m4, err4 := v4.Data()
			d3, m3, err3 := v3.Data()
			if err4 != nil || err3 != nil {
				t.Fatal(err4, err3)
			}
			eq(t, "media", m4, "image/jpeg")
			eq(t, "sniffed media", m3, "image/jpeg")
			eq(t, "same image bytes", bytes.Equal(d4, d3), true)
			eq(t, "JPEG", d4[:3], []byte{0xFF, 0xD8, 0xFF})
		}},
		{"aosp__v21_complicated.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_complicated.vcf")
			notes := c.All("NOTE")
			eq(t, "QP multi-line NOTE", notes[1].Value, "Now's the time for all folk to come to the aid of their country.")
			eq(t, "QP LABEL", c.All("LABEL")[1].Value, "42 Plantation St.\r\nBaytown, LA 30314\r\nUnited  States of America")
			eq(t, "ORG with 2.1 \\;", c.Get("ORG").Components(), [][]string{{"Gump Shrimp Co."}, {"Sales Dept.;Manager"}, {"Fish keeper"}})
			tel := c.Get("TEL")
			eq(t, "bare types", tel.Params, []Param{{Name: "TYPE", Values: []string{"WORK"}, Bare: true}, {Name: "TYPE", Values: []string{"VOICE"}, Bare: true}})
			eq(t, "EMAIL pref", c.Preferred("EMAIL").Value, "forrestgump@walladalla.com")
			data, _, err := must(t, c, "PHOTO").Data()
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "JPEG", data[:3], []byte{0xFF, 0xD8, 0xFF})
			eq(t, "property after base64 block", c.Value("X-ATTRIBUTE"), "Some String")
			eq(t, "GEO kept", c.Value("GEO"), "35.6563854,139.6994233")
		}},
		{"aosp__v21_backslash.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_backslash.vcf")
			eq(t, "N (2.1 escapes \\\\ \\; \\:)", c.Get("N").Components(),
				[][]string{{""}, {`A;B\`}, {`C\;`}, {"D"}, {":E"}, {`\\`}, {""}})
			eq(t, "FN literal", c.Value("FN"), `A;B\C\;D:E\\`)
		}},
		{"ezvcard__outlook-2003.vcf", func(t *testing.T) {
			c, probs := decodeCorpus(t, "ezvcard__outlook-2003.vcf", Options{})
			eq(t, "QP NOTE", c[0].Value("NOTE"), "This is the note field!!\r\nSecond line\r\n\r\nThird line is empty\r\n")
			eq(t, "QP LABEL soft break", c[0].Value("LABEL"), "TheOffice\r\n123 Main St\r\nAustin, TX 12345\r\nUnited States of America")
			key, _, err := must(t, c[0], "KEY").Data()
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "X.509 DER", key[:2], []byte{0x30, 0x82})
			eq(t, "KEY type", c[0].Get("KEY").Types(), []string{"X509"})
			eq(t, "EMAIL after blank lines", c[0].Value("EMAIL"), "jdoe@hotmail.com")
			eq(t, "REV after garbage QP", c[0].Value("REV"), "20121012T210525Z")
			eq(t, "ORG comma", c[0].Get("ORG").Component(0), "Company, The")
			_ = probs
		}},
		{"ezvcard__outlook-2007.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__outlook-2007.vcf")
			eq(t, "QP NOTE with TAB", c.Value("NOTE"), "This is the NOTE field\t\r\nI assume it encodes this text inside a NOTE vCard type.\r\nBut I'm not sure because there's text formatting going on here.\r\nIt does not preserve the formatting")
			eq(t, "callback", c.Get("X-MS-TEL").Types(), []string{"VOICE", "CALLBACK"})
			eq(t, "X-MS-SPOUSE", c.Value("X-MS-SPOUSE"), "TheSpouse")
		}},
		{"kcontacts__vcard10.vcf", func(t *testing.T) {
			cards, _ := decodeCorpus(t, "kcontacts__vcard10.vcf", Options{})
			eq(t, "cards", len(cards), 5)
			eq(t, "QP UTF-8 ADR", cards[0].Get("ADR").Component(2), "DDDDDDDDDDDDDDD-Staße 2\n00000 DDDDDDDDDD")
			eq(t, "ADR after soft break", cards[1].Get("ADR").Components()[2:6], [][]string{{"AAAAAAA-AäAAAAA 11"}, {"Urt"}, {""}, {"00000"}})
			eq(t, "URL recovered", cards[1].Value("URL"), "http://some-webseite.com")
			eq(t, "TITLE", cards[3].Value("TITLE"), "Facharzt für Allgemeinmedizin")
		}},
		{"icaljs__escape_semicolon.vcf", func(t *testing.T) {
			c := one(t, "icaljs__escape_semicolon.vcf")
			fax := c.All("TEL")[2]
			eq(t, "TEL escapes", fax.Value, "205246;;,;")
			eq(t, "quoted TYPE list", fax.Types(), []string{"WORK", "FAX"})
			eq(t, "ITEM1 label", c.Label(c.Get("X-ABDATE")), "_$!<Anniversary>!$_")
			eq(t, "ADR fold", c.All("ADR")[1].Component(6), "Germany work")
		}},
		{"tine__mac_os_x_addressbook.vcf", func(t *testing.T) {
			c := one(t, "tine__mac_os_x_addressbook.vcf")
			eq(t, "ORG", c.Get("ORG").Components(), [][]string{{"ORGANI,SATION"}, {"UN;IT"}})
			eq(t, "NOTE", c.Value("NOTE"), "Notes\nwith\nLine Break and , and ; yeah!")
			eq(t, "two labelled EMAILs", c.Label(c.All("EMAIL")[3]), "_$!<Other>!$_")
		}},
		{"ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf")
			eq(t, "one category", c.Get("CATEGORIES").Values(), []string{"category1, category2, category3"})
			eq(t, "NOTE", c.Value("NOTE"), "This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the \"note\" field; even curse words.")
		}},
		{"aosp__v21_nest.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_nest.vcf")
			eq(t, "parent N", c.Value("N"), "parent")
			eq(t, "parent keeps TEL:1", c.Value("TEL"), "1")
			nested := c.All(NestedName)
			eq(t, "nested kept raw", len(nested), 2)
			eq(t, "nested text", nested[0].Value, "BEGIN:VCARD\nVERSION:2.1\nN:nest1\nEND:VCARD")
		}},
		{"aosp__v21_invalid_comment_line.vcf", func(t *testing.T) {
			cards, probs := decodeCorpus(t, "aosp__v21_invalid_comment_line.vcf", Options{})
			eq(t, "NOTE with # continuation", cards[0].Value("NOTE"), "This is an (sharp ->#<- sharp) example. This message must NOT be ignored.")
			eq(t, "comment lines reported", len(probs), 2)
			eq(t, "mixed-case BEGIN", cards[0].Value("UID"), "357")
		}},
		{"aosp__v21_invalid_multiple_line.vcf", func(t *testing.T) {
			c := one(t, "aosp__v21_invalid_multiple_line.vcf")
			eq(t, "EMAIL continued", c.Value("EMAIL"), `"Omega" <omega@example.com>`)
			eq(t, "FN", c.Value("FN"), "Omega")
		}},
		{"aosp__v21_malformed_photo.vcf", func(t *testing.T) {
			cards, probs := decodeCorpus(t, "aosp__v21_malformed_photo.vcf", Options{})
			eq(t, "contact kept", cards[0].Value("FN"), "fullname")
			eq(t, "photo dropped", cards[0].Get("PHOTO") == nil, true)
			eq(t, "problem", len(probs), 1)
			eq(t, "problem line", probs[0].Line, 5)
		}},
		{"rcube__thebat.vcf", func(t *testing.T) {
			c := one(t, "rcube__thebat.vcf")
			eq(t, "QP without CHARSET, default fallback", c.Value("FN"), "Piotr Iksiñski")
			cards, _ := decodeCorpus(t, "rcube__thebat.vcf", Options{FallbackCharset: "iso-8859-2"})
			eq(t, "configured fallback", cards[0].Value("FN"), "Piotr Iksiński")
		}},
		{"libical__test.vcf", func(t *testing.T) {
			cards, _ := decodeCorpus(t, "libical__test.vcf", Options{})
			eq(t, "cards", len(cards), 2)
			eq(t, "VERSION with a space", cards[0].Version, Version40)
			eq(t, "BDAY", cards[0].All("BDAY")[0].Value, "--0203")
			eq(t, "TEL uri", cards[0].Get("TEL").Value, "tel:+1-418-656-9254;ext=102")
			eq(t, "URL after blank line", cards[0].Value("URL"), "http://nomis80.org")
			eq(t, "second card", cards[1].Value("FN"), "Mickey Mouse")
			eq(t, "no version", cards[1].Version, "")
		}},
		{"vc4a__vcard4.vcf", func(t *testing.T) {
			eq(t, "BDAY year-less", one(t, "vc4a__vcard4.vcf").Value("BDAY"), "--04-16")
		}},
		{"ezvcard__issue114.vcf", func(t *testing.T) {
			adr := must(t, one(t, "ezvcard__issue114.vcf"), "ADR")
			eq(t, "caret-decoded LABEL", adr.Param("LABEL"), "Dummy-Dummy-Strasse 1 61352 Bad Homburg\nGERMANY\"")
		}},
		{"aosp__v40_sort_as.vcf", func(t *testing.T) {
			c := one(t, "aosp__v40_sort_as.vcf")
			eq(t, "SORT-AS", c.Get("N").Param("SORT-AS"), "あんどう;ろいど")
			eq(t, "ORG", c.Get("ORG").Components(), [][]string{{"グーグル"}, {"検索部門"}})
		}},
		{"tine__without_N_property.vcf", func(t *testing.T) {
			c := one(t, "tine__without_N_property.vcf")
			eq(t, "FN UTF-8 in 2.1", c.Value("FN"), "Hans Müller")
			eq(t, "no N", c.Get("N") == nil, true)
			eq(t, "ADR", c.Get("ADR").Component(3), "Nürnberg")
		}},
		{"ezvcard__John_Doe_EVOLUTION.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__John_Doe_EVOLUTION.vcf")
			eq(t, "quoted param", c.Get("URL").Param("X-COUCHDB-UUID"), "0abc9b8d-0845-47d0-9a91-3db5bb74620d")
			eq(t, "folded value", c.Value("X-AIM"), "johnny5@aol.com")
			eq(t, "folded TEL", c.All("TEL")[1].Value, "905-555-1234")
		}},
		{"ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf", func(t *testing.T) {
			c := one(t, "ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf")
			eq(t, "escaped comma in N", c.Get("N").Components()[2], []string{"Richter,James"})
			eq(t, "PHOTO;BASE64 shorthand", c.Get("PHOTO").IsInline(), true)
			eq(t, "label after photo", c.Label(c.Get("X-ABRELATEDNAMES")), "Spouse")
		}},
		{"tbird__emptylines_vcard_addressbook.vcf", func(t *testing.T) {
			cards, probs := decodeCorpus(t, "tbird__emptylines_vcard_addressbook.vcf", Options{})
			eq(t, "cards", len(cards), 2)
			eq(t, "problems", len(probs), 0)
			eq(t, "second", cards[1].Value("EMAIL"), "jane.doe@genericemail.invalid")
		}},
		{"tbird__dos_vcard_addressbook.vcf", func(t *testing.T) {
			c := one(t, "tbird__dos_vcard_addressbook.vcf")
			eq(t, "CR CR LF lines", c.Value("EMAIL"), "example@gmail.com")
			eq(t, "types", c.Get("EMAIL").Types(), []string{"INTERNET", "HOME"})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, tc.check)
	}
}
