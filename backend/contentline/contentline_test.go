package contentline

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUnescapeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		`a\nb\Nc`:         "a\nb\nc",
		`a\\b\,c\;d\:e`:   `a\b,c;d:e`,
		`keep\x`:          `keep\x`,
		`trailing\`:       `trailing\`,
		`\\n`:             `\n`,
		"":                "",
		`caf\u00e9\,ok`:   `caf\u00e9,ok`,
		"über\\;straße":   "über;straße",
		`\\\\`:            `\\`,
		`a\,\,\,`:         "a,,,",
		`x\` + "\n" + `y`: "x\\\ny",
	} {
		if got := UnescapeText(in); got != want {
			t.Errorf("UnescapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeValue(t *testing.T) {
	cases := []struct{ in, special, want string }{
		{"plain", TextSpecials, "plain"},
		{`a\b,c;d:e`, TextSpecials, `a\\b\,c\;d:e`},
		{"l1\r\nl2\rl3\nl4", TextSpecials, `l1\nl2\nl3\nl4`},
		{"a,b\r\n", "", `a,b\n`},
		{"x;y", ";", `x\;y`},
	}
	for _, c := range cases {
		if got := EscapeValue(c.in, c.special); got != c.want {
			t.Errorf("EscapeValue(%q, %q) = %q, want %q", c.in, c.special, got, c.want)
		}
	}
	if got := EscapeText("a;b"); got != `a\;b` {
		t.Errorf("EscapeText = %q", got)
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", "a", `\`, "a,b;c\\d\ne", "ü\\n literal", `\\;`} {
		if got := UnescapeText(EscapeText(s)); got != s {
			t.Errorf("round trip of %q gave %q", s, got)
		}
	}
}

func TestAppendNewlines(t *testing.T) {
	if got := string(AppendNewlines([]byte("X:"), "a\r\nb\rc\nd,;\\")); got != `X:a\nb\nc\nd,;\` {
		t.Errorf("AppendNewlines = %q", got)
	}
}

func TestSplitEscaped(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", []string{""}},
		{"a,b", []string{"a", "b"}},
		{`a\,b,c`, []string{`a\,b`, "c"}},
		{`a\\,b`, []string{`a\\`, "b"}},
		{",", []string{"", ""}},
		{`trailing\`, []string{`trailing\`}},
	}
	for _, c := range cases {
		if got := SplitEscaped(c.in, ','); !slices.Equal(got, c.want) {
			t.Errorf("SplitEscaped(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCaret(t *testing.T) {
	for in, want := range map[string]string{
		"none":    "none",
		"a^nb^Nc": "a\nb\nc",
		"^^^'":    `^"`,
		"^x^":     "^x^",
		"":        "",
		"x^^n":    "x^n",
	} {
		if got := DecodeCaret(in); got != want {
			t.Errorf("DecodeCaret(%q) = %q, want %q", in, got, want)
		}
	}
	if got := string(AppendCaret([]byte("P="), "a^b\"c\r\nd\re\nf")); got != `P=a^^b^'c^nd^ne^nf` {
		t.Errorf("AppendCaret = %q", got)
	}
	for _, s := range []string{"x", "a^b\"c\nd", "^^", "^'"} {
		if got := DecodeCaret(string(AppendCaret(nil, s))); got != s {
			t.Errorf("caret round trip of %q gave %q", s, got)
		}
		if NeedsCaret(s) == (string(AppendCaret(nil, s)) == s) {
			t.Errorf("NeedsCaret(%q) = %v disagrees with AppendCaret", s, NeedsCaret(s))
		}
	}
}

func TestSplitParams(t *testing.T) {
	cases := []struct {
		line          string
		quotes, apple bool
		segs          []string
		colon         int
	}{
		{"X:v", true, false, nil, 1},
		{`X;A=1;B="a;b:c":v`, true, false, []string{"A=1", `B="a;b:c"`}, 15},
		{`X;A=1;B="a;b:c":v`, false, false, []string{"A=1", `B="a`, "b"}, 12},
		{`X;Q=a\;b;R=1:v`, true, true, []string{`Q=a\;b`, "R=1"}, 12},
		{`X;Q=a\;b;R=1:v`, true, false, []string{`Q=a\`, "b", "R=1"}, 12},
		{`X;A="open:v`, true, false, []string{`A="open:v`}, -1},
		{"X;;A=1:v", true, false, []string{"A=1"}, 6},
		{"X;A=1", true, false, []string{"A=1"}, -1},
	}
	for _, c := range cases {
		segs, colon := SplitParams(nil, c.line, 1, c.quotes, c.apple)
		if !slices.Equal(segs, c.segs) || colon != c.colon {
			t.Errorf("SplitParams(%q, quotes=%v, apple=%v) = %q, %d; want %q, %d", c.line, c.quotes, c.apple, segs, colon, c.segs, c.colon)
		}
		bsegs, bcolon := SplitParams(nil, []byte(c.line), 1, c.quotes, c.apple)
		if len(bsegs) != len(segs) || bcolon != colon {
			t.Errorf("SplitParams on bytes of %q differs: %q, %d", c.line, bsegs, bcolon)
		}
		for i := range bsegs {
			if string(bsegs[i]) != segs[i] {
				t.Errorf("SplitParams on bytes of %q: segment %d is %q", c.line, i, bsegs[i])
			}
		}
	}
}

func TestNames(t *testing.T) {
	for s, want := range map[string]bool{
		"SUMMARY": true, "X-APPLE-x_1/2": true, "": false, "A B": false, "é": false, "A.B": false, "A;": false,
	} {
		if ValidName(s) != want || ValidName([]byte(s)) != want {
			t.Errorf("ValidName(%q) != %v", s, want)
		}
	}
	for s, want := range map[string]bool{
		"item1": true, "a.b.c": true, "": false, "a..b": false, ".a": false, "a.": false, "a.b c": false,
	} {
		if ValidDotted(s) != want || ValidDotted([]byte(s)) != want {
			t.Errorf("ValidDotted(%q) != %v", s, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("abcdef", 3); got != "abc" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate([]byte("ab"), 5); got != "ab" {
		t.Errorf("Truncate short = %q", got)
	}
	if got := Truncate("aé", 2); got != "a?" {
		t.Errorf("Truncate mid-rune = %q", got)
	}
}

func TestWriteFolded(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("äbc€", 40)
	var buf bytes.Buffer
	WriteFolded(&buf, []byte(long))
	out := buf.String()
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("no CRLF at the end: %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) < 3 {
		t.Fatalf("expected folding, got %d lines", len(lines))
	}
	var joined strings.Builder
	for i, l := range lines {
		if len(l) > MaxLineOctets {
			t.Errorf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if i > 0 {
			if l[0] != ' ' {
				t.Fatalf("continuation %d does not start with a space", i)
			}
			l = l[1:]
		}
		joined.WriteString(l)
	}
	if joined.String() != long {
		t.Errorf("unfolded text differs")
	}
	buf.Reset()
	WriteFolded(&buf, []byte(strings.Repeat("a", MaxLineOctets)))
	if buf.String() != strings.Repeat("a", MaxLineOctets)+"\r\n" {
		t.Errorf("a line of exactly 75 octets was folded: %q", buf.String())
	}
}

func TestTrim(t *testing.T) {
	if got := TrimWS(" \t a b\t "); got != "a b" {
		t.Errorf("TrimWS = %q", got)
	}
	if got := TrimLeftWS([]byte("\t x ")); string(got) != "x " {
		t.Errorf("TrimLeftWS = %q", got)
	}
	if got := TrimRightWS(" x\u00a0 \t"); got != " x\u00a0" {
		t.Errorf("TrimRightWS = %q", got)
	}
	if got := TrimWS(" \t "); got != "" {
		t.Errorf("TrimWS of blanks = %q", got)
	}
}

func TestUnescapeAndAppendEscaped(t *testing.T) {
	pct := func(c byte) (byte, bool) { return c, c == '%' || c == '#' }
	if got := Unescape("a%%b%#c%x%", '%', pct); got != "a%b#c%x%" {
		t.Errorf("Unescape = %q", got)
	}
	if got := string(AppendEscaped([]byte(">"), "a%b#c\r\nd", '%', pct)); got != ">a%%b%#c%nd" {
		t.Errorf("AppendEscaped = %q", got)
	}
	if got := string(AppendEscaped(nil, "x;\ry", '\\', nil)); got != `x;\ny` {
		t.Errorf("AppendEscaped without encode = %q", got)
	}
}
