package vcard

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// decodeString decodes s and returns the cards and problems.
func decodeString(t *testing.T, s string) ([]*Card, []Problem) {
	t.Helper()
	cards, probs, err := Decode(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return cards, probs
}

// TestLineEndingsAndFolding covers the unfolding rules on bytes.
func TestLineEndingsAndFolding(t *testing.T) {
	tests := []struct {
		name, in, prop, want string
	}{
		{"CRLF", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\n b\r\nEND:VCARD\r\n", "FN", "ab"},
		{"LF", "BEGIN:VCARD\nVERSION:3.0\nFN:a\n b\nEND:VCARD\n", "FN", "ab"},
		{"CR", "BEGIN:VCARD\rVERSION:3.0\rFN:a\r b\rEND:VCARD\r", "FN", "ab"},
		{"CR CR LF", "BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:a\r\r\n b\r\r\nEND:VCARD\r\r\n", "FN", "ab"},
		{"TAB fold", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\n\tb\r\nEND:VCARD\r\n", "FN", "ab"},
		{"one space removed", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\n  b\r\nEND:VCARD\r\n", "FN", "a b"},
		{"mixed endings", "BEGIN:VCARD\r\nVERSION:3.0\nFN:a\r\n b\n c\rEND:VCARD", "FN", "abc"},
		{"fold inside name", "BEGIN:VCARD\r\nVERSION:3.0\r\nF\r\n N:x\r\nEND:VCARD\r\n", "FN", "x"},
		{"fold inside parameter", "BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TY\r\n PE=CELL:1\r\nEND:VCARD\r\n", "TEL", "1"},
		{"fold splits UTF-8", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:бо\xd0\r\n \xbbее\r\nEND:VCARD\r\n", "FN", "более"},
		{"no final newline", "BEGIN:VCARD\nVERSION:3.0\nFN:x\nEND:VCARD", "FN", "x"},
		{"QP soft break keeps the space", "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a =\r\n b\r\nEND:VCARD\r\n", "NOTE", "a  b"},
		{"QP soft breaks", "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=\r\n=A4x=0D=0A=\r\ny\r\nEND:VCARD\r\n", "NOTE", "äx\r\ny"},
		{"QP soft break before END", "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\nEND:VCARD\r\n", "NOTE", "abc"},
		{"QP lower-case hex", "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:=c3=a4\r\nEND:VCARD\r\n", "NOTE", "ä"},
		{"QP garbage kept", "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=ZZb\r\nEND:VCARD\r\n", "NOTE", "a=ZZb"},
		{"2.1 base64 on unindented lines", "BEGIN:VCARD\r\nVERSION:2.1\r\nKEY;ENCODING=BASE64:\r\nAAEC\r\nAwQF\r\n\r\nNOTE:x\r\nEND:VCARD\r\n", "KEY", "AAECAwQF"},
		{"BOM", "\xef\xbb\xbfBEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nEND:VCARD\r\n", "FN", "x"},
		{"Latin-1 without CHARSET", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:M\xfcller\r\nEND:VCARD\r\n", "FN", "Müller"},
		{"2.1 CHARSET=ISO-8859-1", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:M\xfcller\r\nEND:VCARD\r\n", "FN", "Müller"},
		{"unknown charset falls back", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-NOPE:abc\r\nEND:VCARD\r\n", "FN", "abc"},
		{"3.0 escapes", `BEGIN:VCARD` + "\r\nVERSION:3.0\r\n" + `NOTE:a\nb\Nc\,d\;e\\f\:g\xh` + "\r\nEND:VCARD\r\n", "NOTE", "a\nb\nc,d;e\\f:g\\xh"},
		{"2.1 text is literal", "BEGIN:VCARD\r\nVERSION:2.1\r\n" + `NOTE:a\nb\;c` + "\r\nEND:VCARD\r\n", "NOTE", `a\nb\;c`},
		{"value with colons", "BEGIN:VCARD\r\nVERSION:3.0\r\nSUMMARY:160:Susan\r\nEND:VCARD\r\n", "SUMMARY", "160:Susan"},
		{"quoted colon in parameter", "BEGIN:VCARD\r\nVERSION:4.0\r\nADR;LABEL=\"a:b\";TYPE=work:;;x;;;;\r\nEND:VCARD\r\n", "ADR", ";;x;;;;"},
		{"leading space in VERSION", "BEGIN:VCARD\r\nVERSION: 4.0\r\nFN:x\r\nEND:VCARD\r\n", "FN", "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cards, probs := decodeString(t, tc.in)
			if len(cards) != 1 {
				t.Fatalf("%d cards, problems %v", len(cards), probs)
			}
			p := cards[0].Get(tc.prop)
			if p == nil {
				t.Fatalf("no %s; problems %v", tc.prop, probs)
			}
			if p.Value != tc.want {
				t.Errorf("got %q, want %q", p.Value, tc.want)
			}
			if cards[0].Get("END") != nil || cards[0].Get("BEGIN") != nil {
				t.Errorf("BEGIN/END taken as a property")
			}
		})
	}
}

// TestStructure covers card boundaries, junk and recovery.
func TestStructure(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		cards     []string // FN of each card
		problems  int
		firstLine int // line of the first problem, if any
	}{
		{"blank lines between cards", "\r\n\r\nBEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\n\r\n\r\nBEGIN:VCARD\r\nFN:b\r\nEND:VCARD\r\n\r\n", []string{"a", "b"}, 2, 3},
		{"junk outside", "hello\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nEND:VCARD\r\nEND:VCARD\r\n", []string{"a"}, 2, 1},
		{"junk inside", "BEGIN:VCARD\r\nVERSION:3.0\r\n# comment\r\nFN:a\r\n\x00\x01\r\nEND:VCARD\r\n", []string{"a"}, 2, 3},
		{"missing END at EOF", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\n", []string{"a"}, 1, 1},
		{"missing END before next cards", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:b\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:c\r\nEND:VCARD\r\n", []string{"a", "b", "c"}, 1, 1},
		{"missing END before many cards", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\n" + strings.Repeat("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:n\r\nEND:VCARD\r\n", 9), append([]string{"a"}, strings.Split(strings.Repeat("n", 9), "")...), 1, 1},
		{"lower-case markers", "begin:vcard\nversion:3.0\nfn:a\nend:vcard\n", []string{"a"}, 0, 0},
		{"no VERSION", "BEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\n", []string{"a"}, 1, 1},
		{"invalid base64 dropped", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nPHOTO;ENCODING=b:ab$cd\r\nEND:VCARD\r\n", []string{"a"}, 1, 4},
		{"empty input", "", nil, 0, 0},
		{"only junk", "foo\nbar\n", nil, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cards, probs := decodeString(t, tc.in)
			var fns []string
			for _, c := range cards {
				fns = append(fns, c.Value("FN"))
			}
			if strings.Join(fns, "|") != strings.Join(tc.cards, "|") {
				t.Errorf("cards %q, want %q", fns, tc.cards)
			}
			if len(probs) != tc.problems {
				t.Errorf("%d problems, want %d: %v", len(probs), tc.problems, probs)
			}
			if len(probs) > 0 && probs[0].Line != tc.firstLine {
				t.Errorf("first problem at line %d, want %d: %v", probs[0].Line, tc.firstLine, probs[0])
			}
		})
	}
}

// TestHostileNesting checks that a long run of BEGIN lines is handled in
// bounded time.
func TestHostileNesting(t *testing.T) {
	in := strings.Repeat("BEGIN:VCARD\n", 20000)
	cards, _ := decodeString(t, in)
	if len(cards) != 20000 {
		t.Errorf("%d cards", len(cards))
	}
}

// TestStreamingReadsGiveSameResult decodes every corpus file through a
// one-byte-at-a-time reader and compares with a whole-buffer read.
func TestStreamingReadsGiveSameResult(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := filepath.Base(f)
		data := readCorpus(t, name)
		want, wantProbs, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		got, gotProbs, err := Decode(iotest.OneByteReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(gotProbs) != len(wantProbs) {
			t.Errorf("%s: %d cards/%d problems, want %d/%d", name, len(got), len(gotProbs), len(want), len(wantProbs))
			continue
		}
		for i := range want {
			compareCards(t, name, want[i], got[i])
		}
	}
}

// TestReadError propagates a failing reader.
func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:a\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:b"), iotest.ErrReader(boom))
	cards, _, err := Decode(r)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if len(cards) != 1 {
		t.Errorf("%d cards before the error", len(cards))
	}
	d := NewDecoder(iotest.ErrReader(boom))
	if _, _, err := d.Next(); !errors.Is(err, boom) {
		t.Errorf("first Next: %v", err)
	}
	if _, _, err := d.Next(); !errors.Is(err, boom) {
		t.Errorf("sticky error: %v", err)
	}
}

// TestUTF16 decodes UTF-16 input with and without a BOM.
func TestUTF16(t *testing.T) {
	text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe\r\nEND:VCARD\r\n"
	for _, tc := range []struct {
		name   string
		bom    []byte
		little bool
	}{{"LE BOM", []byte{0xFF, 0xFE}, true}, {"BE BOM", []byte{0xFE, 0xFF}, false}, {"LE", nil, true}, {"BE", nil, false}} {
		t.Run(tc.name, func(t *testing.T) {
			b := append([]byte(nil), tc.bom...)
			for _, c := range []byte(text) { // ASCII only: one code unit each
				if tc.little {
					b = append(b, c, 0)
				} else {
					b = append(b, 0, c)
				}
			}
			cards, _ := decodeString(t, string(b))
			if len(cards) != 1 || cards[0].Value("FN") != "Zoe" {
				t.Fatalf("cards %v", cards)
			}
		})
	}
}

// TestLongLines decodes multi-megabyte photos on one line and folded, and
// skips a line beyond the limit.
func TestLongLines(t *testing.T) {
	photo := bytes.Repeat([]byte{0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3}, 1<<20) // 7 MiB
	b64 := base64.StdEncoding.EncodeToString(photo)
	var folded strings.Builder
	for i := 0; i < len(b64); i += 74 {
		if i > 0 {
			folded.WriteString("\r\n ")
		}
		folded.WriteString(b64[i:min(i+74, len(b64))])
	}
	for _, tc := range []struct{ name, value string }{{"one line", b64}, {"folded", folded.String()}} {
		t.Run(tc.name, func(t *testing.T) {
			in := "BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + tc.value + "\r\nFN:after\r\nEND:VCARD\r\n"
			cards, probs := decodeString(t, in)
			if len(cards) != 1 || len(probs) != 0 {
				t.Fatalf("%d cards, %v", len(cards), probs)
			}
			data, media, err := cards[0].Get("PHOTO").Data()
			if err != nil || !bytes.Equal(data, photo) || media != "image/jpeg" {
				t.Fatalf("photo: %d bytes, %q, %v", len(data), media, err)
			}
			if cards[0].Value("FN") != "after" {
				t.Errorf("FN after photo: %q", cards[0].Value("FN"))
			}
		})
	}
	t.Run("over the limit", func(t *testing.T) {
		in := "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:" + strings.Repeat("x", 5000) + "\r\nFN:after\r\nEND:VCARD\r\n"
		cards, probs, err := DecodeWith(strings.NewReader(in), Options{MaxLineBytes: 1000})
		if err != nil || len(cards) != 1 {
			t.Fatalf("%d cards, %v", len(cards), err)
		}
		if cards[0].Get("NOTE") != nil || cards[0].Value("FN") != "after" || len(probs) != 1 {
			t.Errorf("NOTE kept: %v, FN %q, problems %v", cards[0].Get("NOTE") != nil, cards[0].Value("FN"), probs)
		}
	})
}

// TestParams covers parameter parsing.
func TestParams(t *testing.T) {
	in := "BEGIN:VCARD\r\nVERSION:4.0\r\n" +
		"TEL;TYPE=\"work,voice\";PREF=1;X-A=\"q;u:o,t\";X-B=a,b;x-c=^^^n^'z:1\r\n" +
		"EMAIL;INTERNET;WORK:a@b\r\n" +
		"END:VCARD\r\n"
	cards, probs := decodeString(t, in)
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	tel := cards[0].Get("TEL")
	eq(t, "types", tel.Types(), []string{"WORK", "VOICE"})
	eq(t, "pref", tel.Pref(), 1)
	eq(t, "quoted", tel.ParamValues("X-A"), []string{"q;u:o,t"})
	eq(t, "list", tel.ParamValues("X-B"), []string{"a", "b"})
	eq(t, "caret", tel.Param("X-C"), "^\n\"z")
	eq(t, "raw name kept", tel.Params[4].RawName, "x-c")
	email := cards[0].Get("EMAIL")
	eq(t, "bare", email.Params, []Param{{Name: "TYPE", Values: []string{"INTERNET"}, Bare: true}, {Name: "TYPE", Values: []string{"WORK"}, Bare: true}})
	eq(t, "bare PREF", (&Property{Params: []Param{{Name: "TYPE", Values: []string{"PREF"}, Bare: true}}}).Pref(), 1)
}

// TestSlowReaderLongLines decodes long lines delivered one byte at a time;
// it would take minutes if any scan restarted from the line start.
func TestSlowReaderLongLines(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1, 2, 3}, 100<<10))
	in := "BEGIN:VCARD\r\nVERSION:2.1\r\nPHOTO;ENCODING=BASE64:\r\n" + b64 + "\r\n" + b64[:1000] + "\r\n\r\n" +
		"NOTE;ENCODING=QUOTED-PRINTABLE:" + strings.Repeat("=41", 50<<10) + "=\r\n" + strings.Repeat("b", 100<<10) + "\r\nEND:VCARD\r\n"
	cards, probs, err := Decode(iotest.OneByteReader(strings.NewReader(in)))
	if err != nil || len(cards) != 1 || len(probs) != 0 {
		t.Fatalf("%d cards, %v, %v", len(cards), probs, err)
	}
	if got := len(cards[0].Get("PHOTO").Value); got != len(b64)+1000 {
		t.Errorf("photo %d chars", got)
	}
	if got := cards[0].Value("NOTE"); len(got) != 150<<10 || got[:3] != "AAA" || got[len(got)-3:] != "bbb" {
		t.Errorf("note %d chars", len(got))
	}
}
