package vcard

import (
	"bytes"
	"testing"
	"testing/iotest"

	"fieldbook/backend/contentline"
	"fieldbook/internal/testcorpus"
)

// fuzzSeeds are small inputs covering the lexer's special cases, added to
// every corpus file.
var fuzzSeeds = []string{
	"BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n b=\r\nc\r\nEND:VCARD\r\n",
	"BEGIN:VCARD\nVERSION:3.0\nPHOTO;ENCODING=b:AAAA\n BBBB\nEND:VCARD\n",
	"BEGIN:VCARD\rVERSION:4.0\rFN:a\r b\rEND:VCARD\r",
	"BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nitem1.EMAIL;type=INTERNET:x@y\r\r\nitem1.X-ABLabel:_$!<Other>!$_\r\r\nEND:VCARD\r\r\n",
	"BEGIN:VCARD\nVERSION:2.1\nPHOTO;ENCODING=BASE64;JPEG:\n/9j/\nAAAA\n\nEND:VCARD\n",
	"BEGIN:VCARD\nVERSION:2.1\nAGENT:\nBEGIN:VCARD\nFN:x\nEND:VCARD\nEND:VCARD\n",
	"BEGIN:VCARD\nN:a\nBEGIN:VCARD\nN:b\nEND:VCARD\n",
	"BEGIN:VCARD\nVERSION:4.0\nADR;LABEL=\"a^nb^'c\":;;x\\,y;z\nTEL;TYPE=\"work,voice\";PREF=1:tel:+1\nEND:VCARD\n",
	"BEGIN:VCARD\nVERSION:3.0\nN;CHARSET=SHIFT_JIS:\x88\xc9\x93\x5c;\nEND:VCARD\n",
	"\xfe\xff\x00B\x00E\x00G\x00I\x00N\x00:\x00V\x00C\x00A\x00R\x00D\x00\n",
}

// addSeeds adds the corpus files (read in place) and the synthetic seeds.
func addSeeds(f *testing.F) {
	testcorpus.AddSeeds(f, corpusFiles(f), fuzzSeeds...)
}

// FuzzDecode: decoding never panics or fails on in-memory input, gives the
// same result when the input arrives one byte at a time, and every decoded
// card can be encoded to 3.0 and 4.0 and read back.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cards, probs, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("decode error on in-memory input: %v", err)
		}
		// Reading one byte at a time must not change anything.
		slow, slowProbs, err := Decode(iotest.OneByteReader(bytes.NewReader(data)))
		if err != nil || len(slow) != len(cards) || len(slowProbs) != len(probs) {
			t.Fatalf("one-byte reads: %d cards, %d problems, %v; want %d, %d", len(slow), len(slowProbs), err, len(cards), len(probs))
		}
		for i := range cards {
			compareCards(t, "one-byte reads", cards[i], slow[i])
		}
		for _, c := range cards {
			for _, p := range c.Properties {
				if p.Name == "" || !contentline.ValidName([]byte(p.Name)) && p.nested == nil {
					t.Fatalf("bad property name %q", p.Name)
				}
				_ = p.Components()
				_ = p.Values()
				_, _, _ = p.Data()
				_ = p.Types()
				_ = p.Pref()
				_ = c.Label(p)
			}
			for _, v := range []string{Version30, Version40} {
				out, err := Marshal(c, v)
				if err != nil {
					t.Fatalf("encode %s: %v", v, err)
				}
				back, _, err := Decode(bytes.NewReader(out))
				if err != nil || len(back) != 1 {
					t.Fatalf("re-decode %s: %d cards, %v\n%q", v, len(back), err, out)
				}
			}
		}
	})
}

// FuzzRoundTrip: Decode → Encode → Decode keeps every property (group,
// name, parameters, value) for both target versions, and encoding is stable.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cards, _, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cards {
			for _, v := range []string{Version30, Version40} {
				out, err := Marshal(c, v)
				if err != nil {
					t.Fatal(err)
				}
				back, _, err := Decode(bytes.NewReader(out))
				if err != nil || len(back) != 1 {
					t.Fatalf("re-decode %s: %d cards, %v\n%q", v, len(back), err, out)
				}
				compareCards(t, "→"+v, c, back[0])
				again, err := Marshal(back[0], v)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(again, out) {
					t.Fatalf("→%s: unstable encoding\n first %q\nsecond %q", v, out, again)
				}
			}
		}
	})
}
