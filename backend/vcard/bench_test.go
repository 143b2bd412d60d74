package vcard

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"fieldbook/backend/contentline"
)

// benchCards is the number of cards in the benchmark stream.
const benchCards = 100_000

// genStream builds n realistic cards: mostly Apple/Google-style 3.0 with
// groups and labels, some Outlook 2.1 with quoted-printable, some 4.0, and a
// photo in one card out of 200.
func genStream(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	photo := make([]byte, 24<<10)
	for i := range photo {
		photo[i] = byte(rng.IntN(256))
	}
	photo[0], photo[1], photo[2] = 0xFF, 0xD8, 0xFF
	b64 := base64.StdEncoding.EncodeToString(photo)
	given := []string{"Anna", "Jörg", "Björn", "Chloé", "Mikko", "Sofia", "Ravi", "Yuki", "Olga", "Tomás"}
	family := []string{"Müller", "Smith", "García", "Novák", "Ivanova", "Tanaka", "Dubois", "Rossi", "Khan", "O'Brien"}
	orgs := []string{"Acme GmbH", "Globex, Inc.", "Initech", "Umbrella Corp.", "Stark Industries"}
	var buf bytes.Buffer
	buf.Grow(n * 700)
	for i := 0; i < n; i++ {
		g, f := given[rng.IntN(len(given))], family[rng.IntN(len(family))]
		org := orgs[rng.IntN(len(orgs))]
		switch i % 10 {
		case 0: // Outlook 2.1
			fmt.Fprintf(&buf, "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de:%s;%s;;;\r\nFN:%s %s\r\nORG:%s;Sales\r\nTITLE:Account Manager\r\n", f, g, g, f, org)
			fmt.Fprintf(&buf, "TEL;WORK;VOICE:+49 30 %07d\r\nTEL;CELL;VOICE:+49 171 %07d\r\n", rng.IntN(1e7), rng.IntN(1e7))
			fmt.Fprintf(&buf, "ADR;WORK;PREF:;;Hauptstra\xdfe %d;Berlin;;10115;Deutschland\r\n", rng.IntN(200))
			buf.WriteString("LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Hauptstra=C3=9Fe 1=0D=0A=\r\n10115 Berlin\r\n")
			fmt.Fprintf(&buf, "EMAIL;PREF;INTERNET:%s.%s%d@example.com\r\nX-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\nREV:20240101T120000Z\r\nEND:VCARD\r\n", strings.ToLower(g), strings.ToLower(f), i)
		case 1: // 4.0
			fmt.Fprintf(&buf, "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:%08x-0000-4000-8000-%012x\r\nFN:%s %s\r\nN:%s;%s;;;\r\n", i, i, g, f, f, g)
			fmt.Fprintf(&buf, "TEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+1-555-%07d\r\nEMAIL;TYPE=work:%s%d@example.org\r\n", rng.IntN(1e7), strings.ToLower(f), i)
			fmt.Fprintf(&buf, "ORG:%s\r\nBDAY:--%02d%02d\r\nNOTE:Met at the fair\\, follow up in Q%d.\\nLikes coffee.\r\nEND:VCARD\r\n", contentline.EscapeText(org), 1+rng.IntN(12), 1+rng.IntN(28), 1+rng.IntN(4))
		default: // Apple / Google 3.0
			fmt.Fprintf(&buf, "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17.0//EN\r\nN:%s;%s;;;\r\nFN:%s %s\r\nORG:%s;\r\n", f, g, g, f, contentline.EscapeText(org))
			fmt.Fprintf(&buf, "item1.EMAIL;type=INTERNET;type=pref:%s.%s%d@example.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n", strings.ToLower(g), strings.ToLower(f), i)
			fmt.Fprintf(&buf, "TEL;type=CELL;type=VOICE;type=pref:+1 (555) %03d-%04d\r\nTEL;type=WORK;type=VOICE:+1 (555) %03d-%04d\r\n", rng.IntN(1000), rng.IntN(10000), rng.IntN(1000), rng.IntN(10000))
			fmt.Fprintf(&buf, "item2.ADR;type=HOME;type=pref:;;%d Main Street;Springfield;IL;62701;USA\r\nitem2.X-ABADR:us\r\n", rng.IntN(999))
			fmt.Fprintf(&buf, "NOTE:Customer since %d.\\nPrefers e-mail\\, not phone.\r\nCATEGORIES:Customers,VIP\r\nUID:%08X-1111-2222-3333-%012X\r\nREV:2024-05-01T10:00:00Z\r\n", 2000+rng.IntN(24), i, i)
			if i%200 == 2 {
				buf.WriteString("PHOTO;ENCODING=b;TYPE=JPEG:")
				for j := 0; j < len(b64); j += 74 {
					if j > 0 {
						buf.WriteString("\r\n ")
					}
					buf.WriteString(b64[j:min(j+74, len(b64))])
				}
				buf.WriteString("\r\n")
			}
			buf.WriteString("END:VCARD\r\n")
		}
	}
	return buf.Bytes()
}

// BenchmarkDecode100k decodes 100,000 generated cards from one stream.
func BenchmarkDecode100k(b *testing.B) {
	data := genStream(benchCards)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(data))
		n := 0
		for {
			_, _, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchCards {
			b.Fatalf("decoded %d cards", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchCards, "ns/card")
}

// BenchmarkEncode encodes a decoded card back to its own version (the sync
// engine's patch path) and to the other version.
func BenchmarkEncode(b *testing.B) {
	cards, _, err := Decode(bytes.NewReader(genStream(100)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cards {
			if err := Encode(io.Discard, c, sameTarget(c)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cards)), "ns/card")
}

// TestGeneratedStream checks the benchmark data decodes cleanly.
func TestGeneratedStream(t *testing.T) {
	data := genStream(1000)
	cards, probs, err := Decode(bytes.NewReader(data))
	if err != nil || len(probs) != 0 || len(cards) != 1000 {
		t.Fatalf("%d cards, problems %v, err %v", len(cards), probs, err)
	}
	if got := cards[0].Get("LABEL").Value; got != "Hauptstraße 1\r\n10115 Berlin" {
		t.Errorf("LABEL %q", got)
	}
	if got := cards[0].Get("ADR").Component(2); !strings.HasPrefix(got, "Hauptstraße ") {
		t.Errorf("Latin-1 QP street %q", got)
	}
	data2, _, err := cards[2].Get("PHOTO").Data()
	if err != nil || len(data2) != 24<<10 {
		t.Errorf("photo: %d bytes, %v", len(data2), err)
	}
}
