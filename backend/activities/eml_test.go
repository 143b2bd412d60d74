package activities_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/crm"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseEMLFixtures(t *testing.T) {
	for _, tc := range []struct {
		file        string
		from        string
		to, cc      []string
		subject     string
		messageID   string
		date        time.Time
		text        string // the whole text, or the parts given by contains
		contains    []string
		notContains []string
		attachments []string
	}{
		{file: "plain_ascii.eml", from: "Ann Lee <ann@acme.test>",
			to: []string{"Bob Stone <bob@fieldbook.test>", "carol@fieldbook.test"}, cc: []string{"Dan, Sales <dan@acme.test>"},
			subject: "Quote for 40 chairs", messageID: "<quote-40@acme.test>", date: time.Date(2026, 11, 17, 13, 5, 9, 0, time.UTC),
			text: "Hi Bob,\n\nplease find the quote below: 40 chairs at 120 EUR each.\n\nAnn"},
		{file: "qp_utf8.eml", from: "Jürgen Müller <jm@beispiel.test>", to: []string{"sales@fieldbook.test"},
			subject: "Grüße aus München", messageID: "<gruesse@beispiel.test>", date: time.Date(2026, 11, 16, 9, 30, 0, 0, time.UTC),
			// the soft line breaks of quoted-printable are undone
			text: "Grüße aus München — the price is 1.200 € and the delivery takes about three weeks from the day the order is confirmed."},
		{file: "sjis_subject.eml", from: "山田 太郎 <yamada@rei.test>", to: []string{"tanaka@fieldbook.test"},
			subject: "見積もりの件", messageID: "<mitsumori@rei.test>", date: time.Date(2026, 11, 18, 1, 0, 0, 0, time.UTC),
			text: "田中様\nお世話になっております。見積書をお送りします。"},
		{file: "html_only.eml", from: "news@shop.test", to: []string{"bob@fieldbook.test"},
			subject: "Your order &amp; invoice", messageID: "<html-only@shop.test>", date: time.Date(2026, 11, 19, 13, 0, 0, 0, time.UTC),
			text: "Thank you\n\nYour order #123 & invoice are ready.\n\nTotal:\n€\u00a099"},
		{file: "mixed_attachment.eml", from: "Ann Lee <ann@acme.test>", to: []string{"bob@fieldbook.test"},
			subject: "Minutes of the visit", messageID: "<minutes@acme.test>", date: time.Date(2026, 11, 20, 16, 45, 0, 0, time.UTC),
			text:        "Plain version of the minutes.\nNext visit in January.",
			attachments: []string{"Protokoll München.pdf", "фото.png"}},
		{file: "folded_headers.eml", from: "Renée O’Brien <renee@example.test>",
			to:      []string{"Bob Stone <bob@fieldbook.test>", "Carol King <carol@fieldbook.test>"},
			subject: "A subject that is long enough that the mail program folded it onto a second line",
			messageID: "<folded@example.test>", date: time.Date(2026, 11, 21, 11, 15, 0, 0, time.UTC),
			text: "Café on Tuesday – see you there."},
		{file: "no_date.eml", from: "someone@example.test", to: []string{"bob@fieldbook.test"}, subject: "No date here",
			text: "The message has no Date header."},
	} {
		t.Run(tc.file, func(t *testing.T) {
			m, err := activities.ParseEML(readFixture(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if m.From != tc.from || !reflect.DeepEqual(m.To, tc.to) || !reflect.DeepEqual(m.Cc, tc.cc) {
				t.Errorf("from %q to %q cc %q; want %q %q %q", m.From, m.To, m.Cc, tc.from, tc.to, tc.cc)
			}
			if m.Subject != tc.subject || m.MessageID != tc.messageID || !m.Date.Equal(tc.date) {
				t.Errorf("subject %q id %q date %v; want %q %q %v", m.Subject, m.MessageID, m.Date, tc.subject, tc.messageID, tc.date)
			}
			if m.Text != tc.text {
				t.Errorf("text\n%q\nwant\n%q", m.Text, tc.text)
			}
			if !reflect.DeepEqual(m.Attachments, tc.attachments) {
				t.Errorf("attachments %q; want %q", m.Attachments, tc.attachments)
			}
		})
	}
}

func TestParseEMLDropsScriptsAndPrefersPlainText(t *testing.T) {
	m, err := activities.ParseEML(readFixture(t, "html_only.eml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"alert", "color: red", "Invoice", "<"} {
		if strings.Contains(m.Text, bad) {
			t.Errorf("text %q contains %q", m.Text, bad)
		}
	}
	mixed, err := activities.ParseEML(readFixture(t, "mixed_attachment.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(mixed.Text, "HTML version") || strings.Contains(mixed.Text, "PDF") {
		t.Errorf("text of the alternative %q has the HTML part or the attachment", mixed.Text)
	}
}

func TestParseEMLRefusesWhatIsNotAMessage(t *testing.T) {
	big := append([]byte("From: a@b.test\r\nSubject: big\r\n\r\n"), bytes.Repeat([]byte("x"), activities.MaxEMLSize)...)
	for name, data := range map[string][]byte{
		"empty":       nil,
		"binary":      {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52},
		"plain text":  []byte("just some words\nwithout any header\n"),
		"vcard":       []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n"),
		"unknown hdr": []byte("X-Thing: 1\r\n\r\nbody"),
		"too large":   big,
	} {
		_, err := activities.ParseEML(data)
		if crm.ErrorCode(err) != crm.CodeEMLInvalid {
			t.Errorf("%s: err = %v; want %s", name, err, crm.CodeEMLInvalid)
		}
	}
}

func TestParseEMLKeepsWhatADamagedBodyHolds(t *testing.T) {
	for name, tc := range map[string]struct{ data, want string }{
		"truncated multipart": {"From: a@b.test\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n--x\r\nContent-Type: text/pl", "first part"},
		"bad base64":          {"From: a@b.test\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8gd29ybGQ=*&^%", "hello world"},
		"bad qp":              {"From: a@b.test\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nhello =ZZ world", "hello"},
		"unknown charset":     {"From: a@b.test\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nqapla'", "qapla'"},
		"broken content-type": {"From: a@b.test\r\nContent-Type: text/plain; charset=\"utf-8\r\n\r\nbody text", "body text"},
		"no boundary":         {"From: a@b.test\r\nContent-Type: multipart/mixed\r\n\r\nlost", ""},
		"mbox From line":      {"From ann@acme.test Tue Nov 17 14:05:09 2026\nFrom: a@b.test\n\nhi", "hi"},
	} {
		m, err := activities.ParseEML([]byte(tc.data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.HasPrefix(m.Text, tc.want) || (tc.want == "" && m.Text != "") {
			t.Errorf("%s: text %q; want it to start with %q", name, m.Text, tc.want)
		}
	}
}

func FuzzParseEML(f *testing.F) {
	for _, n := range []string{"plain_ascii.eml", "qp_utf8.eml", "sjis_subject.eml", "html_only.eml", "mixed_attachment.eml", "folded_headers.eml", "no_date.eml"} {
		f.Add(readFixture(f, n))
	}
	f.Add([]byte("From: a@b.test\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n\r\n--x--"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := activities.ParseEML(data)
		if err != nil {
			if crm.ErrorCode(err) != crm.CodeEMLInvalid {
				t.Fatalf("error %v is not %s", err, crm.CodeEMLInvalid)
			}
			return
		}
		for _, s := range append([]string{m.From, m.Subject, m.Text, m.MessageID}, append(m.To, m.Attachments...)...) {
			if !utf8Valid(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
