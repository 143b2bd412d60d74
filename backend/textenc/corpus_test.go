package textenc

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// legacyCorpus lists the corpus files NOTES.md names as not plain UTF-8,
// with the detection expected and a string the decoded text must contain.
var legacyCorpus = []struct {
	file     string
	want     Detection
	contains string
}{
	{"csv/tbird__shiftjis_addressbook.csv", Detection{ShiftJIS, false, true}, "名無しの権兵衛"},
	{"vcard/aosp__v21_japanese_1.vcf", Detection{ShiftJIS, false, true}, "安藤ロイド;;;;\r\nSOUND;X-IRMC-N;CHARSET=SHIFT_JIS:ｱﾝﾄﾞｳﾛｲﾄﾞ;"},
	{"vcard/aosp__v21_japanese_2.vcf", Detection{ShiftJIS, false, true}, "ﾛｲﾄﾞ1"},
	{"vcard/aosp__v30_japanese.vcf", Detection{ShiftJIS, false, true}, "N;CHARSET=SHIFT_JIS:"},
	{"vcard/aosp__v21_multiple_entry.vcf", Detection{ShiftJIS, false, true}, "ﾛｲﾄﾞ5"},
	{"csv/tbird__utf16_addressbook.csv", Detection{UTF16LE, true, true}, "John,Doe,John Doe,,johndoe@host.invalid,"},
	{"vcard/rcube__utf-16_sample.vcf", Detection{UTF16BE, false, true}, "N:ĽdaMonté;Ǽgean;;;"},
	{"vcard/tine__HerrFalkMuenchen.vcf", Detection{Windows1252, false, true}, "N:München;Falk;;;"},
	{"ical/tbird__importLatin1.ics", Detection{Windows1252, false, true}, "SUMMARY:Event Två"},
	{"csv/tine__importtest_outlook2013.csv", Detection{Windows1252, false, true}, `"Straße geschäftlich"`},
	{"csv/tine__importtest_win1252.csv", Detection{Windows1252, false, true}, "ÖzdemirÖ;Üglü;"},
	{"vcard/kcontacts__vcard9.vcf", Detection{UTF8, false, false}, "Длинный комментарий на русском"},
	{"csv/rcube__all.csv", Detection{UTF8, true, true}, "Display Name,Title"},
	{"ical/pyical__bom_calendar.ics", Detection{UTF8, true, true}, "BEGIN:VCALENDAR"},
}

func TestCorpusLegacyEncodings(t *testing.T) {
	for _, tt := range legacyCorpus {
		t.Run(tt.file, func(t *testing.T) {
			raw := readCorpus(t, tt.file)
			if got := Detect(raw); got != tt.want {
				t.Errorf("Detect = %+v, want %+v", got, tt.want)
			}
			r, det, err := NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			text, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if det != tt.want {
				t.Errorf("NewReader detection = %+v", det)
			}
			if !strings.Contains(string(text), tt.contains) {
				t.Errorf("decoded text lacks %q:\n%s", tt.contains, text)
			}
			if strings.HasPrefix(string(text), "\uFEFF") {
				t.Errorf("BOM not stripped")
			}
		})
	}
}

// Every other corpus file is UTF-8 (or ASCII) and must be reported as such.
func TestCorpusEverythingElseIsUTF8(t *testing.T) {
	special := map[string]bool{}
	for _, tt := range legacyCorpus {
		special[tt.file] = true
	}
	dir := corpusDir(t)
	for _, sub := range []string{"csv", "vcard", "ical"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			rel := sub + "/" + e.Name()
			if special[rel] {
				continue
			}
			if got := Detect(readCorpus(t, rel)); got.Name != UTF8 || got.BOM {
				t.Errorf("%s: Detect = %+v, want utf-8 without BOM", rel, got)
			}
		}
	}
}
