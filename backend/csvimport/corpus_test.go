package csvimport

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// corpusFile is a corpus CSV read with default options.
type corpusFile struct {
	det     Detection
	header  []string
	profile Profile
	mapping Mapping
	rows    []Row
	records []Record
	probs   [][]Problem
}

// readCorpusCSV reads and maps a whole corpus CSV, failing on any error.
func readCorpusCSV(t *testing.T, name string) corpusFile {
	t.Helper()
	raw := readCorpus(t, "csv/"+name)
	r, err := Open(bytes.NewReader(raw), Options{})
	if err != nil {
		t.Fatalf("%s: Open: %v", name, err)
	}
	cf := corpusFile{det: r.Detection(), header: r.Header()}
	cf.profile, cf.mapping = DetectProfile(r.Header())
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: Next: %v", name, err)
		}
		rec, probs := ToRecord(row, cf.mapping)
		cf.rows = append(cf.rows, row)
		cf.records = append(cf.records, rec)
		cf.probs = append(cf.probs, probs)
	}
	return cf
}

// TestCorpusReadsEveryCSV: every CSV of the corpus opens, reads and maps
// without any error.
func TestCorpusReadsEveryCSV(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join(corpusDir(t), "csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 14 {
		t.Fatalf("only %d corpus CSVs", len(entries))
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			cf := readCorpusCSV(t, e.Name())
			if len(cf.rows) == 0 {
				t.Errorf("no rows")
			}
		})
	}
}

// check reports a mismatch between got and want.
func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func TestCorpusOutlook2013German(t *testing.T) {
	cf := readCorpusCSV(t, "tine__importtest_outlook2013.csv")
	check(t, "encoding", cf.det.Encoding.Name, "windows-1252")
	check(t, "delimiter", cf.det.Delimiter, ',')
	check(t, "line ending", cf.det.LineEnding, "\r\n")
	check(t, "profile", cf.profile, Profile{Source: SourceOutlook, Language: "de", Matched: 92})
	check(t, "header[8]", cf.header[8], "Straße geschäftlich")
	check(t, "rows", len(cf.rows), 2)
	check(t, "row lines", []int{cf.rows[0].Line, cf.rows[1].Line}, []int{2, 4}) // row 1 has a quoted newline
	a, b := cf.records[0], cf.records[1]
	check(t, "name", []string{a.GivenName, a.FamilyName, a.Company, a.Title}, []string{"Christian", "Baumann", "unittest", "Vertrieb"})
	check(t, "address", a.Addresses, []Address{{Label: "work", Street: "Pickhuben 2", City: "Hamburg", Postcode: "20457", Country: "Deutschland"}})
	check(t, "phones", a.Phones, []LabeledValue{{Label: "work", Value: "+49 (0) 40 6432131-550"}})
	check(t, "emails", a.Emails, []LabeledValue{{Value: "c.baumann@unittest.de"}})
	check(t, "birthday 0.0.00", a.Birthday, Date{})
	check(t, "notes (a lone quoted newline)", a.Notes, "")
	// SMTP, Keine Angabe, Normal, Aus are Outlook defaults, not data.
	check(t, "custom", a.Custom, []CustomField{
		{"E-Mail: Angezeigter Name", "Christian Baumann - Metaways (c.baumann@metaways.de)"}, {"Initialen", "C.B."}})
	check(t, "Weiß", b.FamilyName, "Weiß")
	check(t, "phones 2", b.Phones, []LabeledValue{{Label: "work", Value: "040 6432131545"}, {Label: "home", Value: "040 6432131545"},
		{Label: "mobile", Value: "0176 164321545"}})
	for i, p := range cf.probs {
		if len(p) != 0 {
			t.Errorf("row %d problems: %v", i, p)
		}
	}
}

func TestCorpusWin1252Semicolon(t *testing.T) {
	cf := readCorpusCSV(t, "tine__importtest_win1252.csv")
	check(t, "encoding name", cf.det.Encoding.Name, "windows-1252")
	check(t, "delimiter", cf.det.Delimiter, ';')
	check(t, "profile", cf.profile.Source, SourceGeneric)
	var names []string
	for _, r := range cf.records {
		names = append(names, r.GivenName+" "+r.FamilyName+" <"+r.Emails[0].Value+">")
	}
	check(t, "names", names, []string{"Peter Pan <peter.pan@ecologic.eu>", "Maja Biene <maja.biene@bienenstock.de>",
		"ÖzdemirÖ Üglü <oezdemir@ueglue.tu>", "Weiss Cornelius <c.weiss@metaways.de>"})
}

func TestCorpusShiftJIS(t *testing.T) {
	cf := readCorpusCSV(t, "tbird__shiftjis_addressbook.csv")
	check(t, "encoding", cf.det.Encoding.Name, "shift_jis")
	check(t, "line ending", cf.det.LineEnding, "\r\n")
	check(t, "profile", cf.profile.Source, SourceThunderbird)
	r := cf.records[0]
	check(t, "names", []string{r.GivenName, r.FamilyName, r.DisplayName}, []string{"権兵衛", "名無し", "名無しの権兵衛"})
	check(t, "email", r.Emails, []LabeledValue{{Value: "名無しの権兵衛@host.invalid"}})
}

func TestCorpusUTF16(t *testing.T) {
	cf := readCorpusCSV(t, "tbird__utf16_addressbook.csv")
	check(t, "encoding", cf.det.Encoding.Name, "utf-16le")
	check(t, "bom", cf.det.Encoding.BOM, true)
	check(t, "header[0]", cf.header[0], "First Name")
	r := cf.records[0]
	check(t, "record", []string{r.GivenName, r.FamilyName, r.DisplayName, r.Emails[0].Value},
		[]string{"John", "Doe", "John Doe", "johndoe@host.invalid"})
}

func TestCorpusGoogle(t *testing.T) {
	cf := readCorpusCSV(t, "tine__google_contacts.csv")
	check(t, "profile", cf.profile.Source, SourceGoogle)
	check(t, "rows", len(cf.rows), 5)
	axel := cf.records[3]
	check(t, "axel", []string{axel.GivenName, axel.FamilyName, axel.Notes}, []string{"axel", "gert", "rutan"})
	check(t, "axel categories (system group dropped)", axel.Categories, []string{"kunden"})
	check(t, "axel email", axel.Emails, []LabeledValue{{Label: "other", Value: "abc@here.de", Primary: true}})
	check(t, "axel phone", axel.Phones, []LabeledValue{{Label: "mobile", Value: "+4921234435"}})
	bus := cf.records[4]
	check(t, "formatted address with newline", bus.Addresses, []Address{{Label: "home", Street: "Niedersachsen Ring 22", City: "Winsen", Formatted: "Ring 22\nWinsen"}})
	check(t, "first record has no categories", cf.records[0].Categories, []string(nil))

	g := readCorpusCSV(t, "rcube__gmail.csv")
	r := g.records[0]
	check(t, "gmail names", []string{r.Prefix, r.GivenName, r.MiddleName, r.FamilyName, r.Suffix, r.Nickname},
		[]string{"Prefix", "Firstname", "Middle", "Lastname", "Suffix", "nick"})
	check(t, "gmail notes with doubled quote", r.Notes, `note"note`)
	check(t, "gmail categories", r.Categories, []string{"Test"})
	check(t, "gmail emails", r.Emails, []LabeledValue{{Label: "home", Value: "home@aaa.pl", Primary: true},
		{Label: "work", Value: "work@email.pl"}, {Value: "unknown@email.com"}, {Label: "other", Value: "other@email.com"}})
	check(t, "gmail birthday", r.Birthday, Date{1975, 12, 12})
	check(t, "gmail organization", []string{r.Company, r.Title}, []string{"company", "jobtitle"})
	check(t, "gmail websites", r.Websites, []LabeledValue{{Label: "profile", Value: "test.com"}, {Label: "homepage", Value: "home.page.com"}})
	check(t, "gmail home address", r.Addresses[0], Address{Label: "home", Street: "home_street", POBox: "home_pobox", City: "home_city",
		Region: "home_state", Postcode: "home_zip", Country: "home_country",
		Formatted: "home_street\nhome_pobox\nhome_city, home_state home_zip\nhome_country"})
}

func TestCorpusOutlookEnglishLike(t *testing.T) {
	o := readCorpusCSV(t, "rcube__outlook.csv")
	check(t, "profile", o.profile.Source, SourceOutlook)
	check(t, "emails only", o.records[0].Emails, []LabeledValue{{Value: "test1@domain.tld"}, {Value: "test2@domain.tld"}, {Value: "test3@domain.tld"}})

	a := readCorpusCSV(t, "rcube__all.csv")
	check(t, "encoding", a.det.Encoding.Name+" bom="+map[bool]string{true: "yes", false: "no"}[a.det.Encoding.BOM], "utf-8 bom=yes")
	check(t, "bom stripped from the first header", a.header[0], "Display Name")
	check(t, "profile", a.profile.Source, SourceOutlook)
	r := a.records[0]
	check(t, "prefix from Title", r.Prefix, "Prefix")
	check(t, "title from Job Title", r.Title, "Job Title")
	check(t, "dd/mm birthday", r.Birthday, Date{1991, 1, 20})
	check(t, "dd/mm anniversary", r.Anniversary, Date{1992, 2, 20})
	check(t, "emails", r.Emails, []LabeledValue{{Label: "home", Value: "home@example.com"}, {Label: "work", Value: "work@example.com"},
		{Label: "other", Value: "other@example.com"}})
	check(t, "phone count", len(r.Phones), 13)
	check(t, "work address", r.Addresses[1], Address{Label: "work", Street: "Work Street", City: "Work City", Region: "Work State",
		Postcode: "Work Zip", Country: "Work Country"})
	check(t, "categories", r.Categories, []string{"test"})
}

func TestCorpusThunderbird(t *testing.T) {
	s := readCorpusCSV(t, "tbird__csv_semicolon.csv")
	check(t, "delimiter", s.det.Delimiter, ';')
	check(t, "profile", s.profile.Source, SourceThunderbird)
	check(t, "names", []string{s.records[1].DisplayName, s.records[1].Emails[0].Value}, []string{"Jane Doe", "jane@doe.invalid"})

	q := readCorpusCSV(t, "tbird__quote.csv")
	r := q.records[0]
	check(t, "quoted", []string{r.DisplayName, r.Company, r.Phones[0].Value}, []string{"Acer America", "Acer America", "(800) 000-0000"})

	e := readCorpusCSV(t, "tbird__export.csv")
	check(t, "row lines", []int{e.rows[0].Line, e.rows[1].Line}, []int{2, 3})
	two := e.records[1]
	check(t, "tripled quotes", two.Title, `"worker"`)
	check(t, "comma, tab, cr, newline in quoted cells", two.Custom, []CustomField{
		{"Custom 1", "custom, 1"}, {"Custom 2", "custom\t2"}, {"Custom 3", "custom\r3"}, {"Custom 4", "custom\n4"}})
	check(t, "unicode notes", two.Notes, "here's some unicode text…")

	p := readCorpusCSV(t, "rcube__tb_plain.csv")
	check(t, "birthday from parts", p.records[0].Birthday, Date{1970, 11, 15})
	check(t, "web pages", p.records[0].Websites, []LabeledValue{{Label: "work", Value: "http://page.com"}, {Label: "home", Value: "http://webpage.tld"}})
	check(t, "home address", p.records[0].Addresses[0], Address{Label: "home", Street: "Priv address", City: "City", Region: "region", Postcode: "xx-xxx", Country: "USA"})
}

func TestCorpusTabCommaMixed(t *testing.T) {
	cf := readCorpusCSV(t, "tbird__tab_comma_mixed.csv")
	check(t, "delimiter", cf.det.Delimiter, '\t')
	check(t, "confident", cf.det.DelimiterConfident, false)
	if len(cf.det.Warnings) != 1 || !strings.Contains(cf.det.Warnings[0], "comma") || !strings.Contains(cf.det.Warnings[0], "TAB") {
		t.Errorf("warnings = %q", cf.det.Warnings)
	}
	check(t, "no header", cf.det.HasHeader, false)
	check(t, "rows", len(cf.rows), 4)
	check(t, "first row is not silently split", cf.rows[0].Fields, []string{"1,1,1,1,1@host.invalid,,,,,,,,,,,,,,,,,,,,,"})
	check(t, "fourth row", cf.rows[3], Row{Line: 4, Fields: []string{"4", "4", "4", "4", "4@host.invalid"}})
}

func TestCorpusLeads(t *testing.T) {
	cf := readCorpusCSV(t, "tine__leads.csv")
	check(t, "profile", cf.profile.Source, SourceGeneric)
	r := cf.records[1]
	check(t, "notes", r.Notes, "31.01.2015 17:39:42 - created by schüle, phil")
	var product string
	for _, c := range r.Custom {
		if c.Name == "PRODUCT" {
			product = c.Value
		}
	}
	check(t, "multi-value cell kept whole", product, "product1;product2")
}
