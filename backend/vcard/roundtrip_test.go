package vcard

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fieldbook/backend/contentline"
)

// sameTarget is the version a card is written back as: its own for 3.0/4.0,
// 3.0 otherwise.
func sameTarget(c *Card) string {
	if c.Version == Version40 {
		return Version40
	}
	return Version30
}

// nl normalises line breaks to LF.
func nl(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// propView is a version-independent view of a property for comparisons.
type propView struct {
	Group, Name string
	Types       []string
	Pref        bool
	Params      []string
	Value       any
}

// view builds the comparable view of p.
func view(t *testing.T, p *Property) propView {
	t.Helper()
	v := propView{Group: p.Group, Name: p.Name, Pref: p.Pref() > 0}
	inline := p.IsInline()
	for _, pa := range p.Params {
		switch pa.Name {
		case "CHARSET", "ENCODING", "PREF":
			continue
		case "MEDIATYPE":
			if inline {
				continue
			}
		case "VALUE":
			val := strings.ToUpper(strings.Join(pa.Values, ","))
			if inline || val == "INLINE" {
				continue
			}
			if val == "URL" {
				val = "URI"
			}
			v.Params = append(v.Params, "VALUE="+val)
			continue
		case "TYPE":
			for _, tv := range pa.Values {
				if strings.EqualFold(tv, "pref") || (inline && isFormatType(tv)) {
					continue
				}
				v.Types = append(v.Types, strings.ToUpper(tv))
			}
			continue
		}
		v.Params = append(v.Params, pa.Name+"="+nl(strings.Join(pa.Values, ",")))
	}
	switch {
	case inline:
		data, _, err := p.Data()
		if err != nil {
			v.Value = "undecodable:" + p.Value
		} else {
			v.Value = data
		}
	case p.IsStructured():
		comps := p.Components()
		for i := range comps {
			for j := range comps[i] {
				comps[i][j] = nl(comps[i][j])
			}
		}
		v.Value = comps
	case p.IsList():
		v.Value = p.Values()
	default:
		v.Value = nl(p.Value)
	}
	return v
}

// compareCards checks that b has the same properties as a (VERSION aside).
func compareCards(t *testing.T, label string, a, b *Card) {
	t.Helper()
	pa, pb := withoutVersion(a), withoutVersion(b)
	if len(pa) != len(pb) {
		t.Errorf("%s: %d properties, re-read %d", label, len(pa), len(pb))
		return
	}
	for i := range pa {
		va, vb := view(t, pa[i]), view(t, pb[i])
		if !reflect.DeepEqual(va, vb) {
			t.Errorf("%s: property %d (line %d) differs:\n  was %s\n  now %s", label, i, pa[i].Line, short(va), short(vb))
		}
	}
}

// short formats a view for messages.
func short(v propView) string {
	s := fmt.Sprintf("%+v", v)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// withoutVersion returns the properties other than VERSION.
func withoutVersion(c *Card) []*Property {
	var out []*Property
	for _, p := range c.Properties {
		if p.Name != "VERSION" {
			out = append(out, p)
		}
	}
	return out
}

// reencode encodes c and decodes the result, which must be one card without
// new problems: when writing the source version back, lines kept byte for
// byte may repeat a repair reported when the card was first read.
func reencode(t *testing.T, c *Card, version string, known ...Problem) (*Card, []byte) {
	t.Helper()
	out, err := Marshal(c, version)
	if err != nil {
		t.Fatalf("encode %s: %v", version, err)
	}
	cards, probs, err := Decode(bytes.NewReader(out))
	if err != nil || len(cards) != 1 {
		t.Fatalf("re-decode: %d cards, err %v\n%s", len(cards), err, out)
	}
next:
	for _, p := range probs {
		if p.Property == NestedName || strings.Contains(p.Reason, "nested") {
			continue
		}
		for _, k := range known {
			if c.Version == version && k.Property == p.Property && k.Reason == p.Reason {
				continue next
			}
		}
		t.Errorf("re-decode problem: %s", p)
	}
	if cards[0].Version != version {
		t.Errorf("re-decoded version %q, want %q", cards[0].Version, version)
	}
	return cards[0], out
}

// TestRoundTripCorpus: for every corpus card, Decode → Encode (same version
// for 3.0/4.0, 3.0 for 2.1) → Decode gives the same properties, groups,
// parameters and values in order; and the same holds for the other target
// version.
func TestRoundTripCorpus(t *testing.T) {
	for _, f := range corpusFiles(t) {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			cards, probs := decodeCorpus(t, name, Options{})
			for i, c := range cards {
				for _, target := range []string{sameTarget(c), otherVersion(sameTarget(c))} {
					back, out := reencode(t, c, target, probs...)
					compareCards(t, fmt.Sprintf("card %d → %s", i, target), c, back)
					assertFolded(t, out)
					// Encoding the re-read card again is stable.
					again, err := Marshal(back, target)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(again, out) {
						t.Errorf("card %d → %s: second encoding differs", i, target)
					}
				}
			}
		})
	}
}

// otherVersion returns the other encodable version.
func otherVersion(v string) string {
	if v == Version40 {
		return Version30
	}
	return Version40
}

// assertFolded checks CRLF line endings and the 75-octet limit.
func assertFolded(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Errorf("output does not end with CRLF")
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n")) {
		if bytes.IndexAny(line, "\r\n") >= 0 {
			t.Errorf("line %d: bare CR or LF", i+1)
		}
		if len(line) > contentline.MaxLineOctets && !bytes.HasPrefix(line, []byte("BEGIN:VCARD")) {
			// Nested vCards are written verbatim and may be long.
			if !bytes.Contains(out, []byte("X-NESTED-VCARD")) && !bytes.Contains(out, []byte("AGENT")) {
				t.Errorf("line %d longer than 75 octets: %d", i+1, len(line))
			}
		}
	}
}

// logicalLines unfolds encoder output.
func logicalLines(out []byte) []string {
	s := strings.ReplaceAll(string(out), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// TestUnchangedPropertiesKeepTheirBytes: encoding a 3.0/4.0 card to its own
// version writes every unmodified property from its original bytes.
func TestUnchangedPropertiesKeepTheirBytes(t *testing.T) {
	checked := 0
	for _, f := range corpusFiles(t) {
		name := filepath.Base(f)
		cards, _ := decodeCorpus(t, name, Options{})
		for i, c := range cards {
			if c.Version != Version30 && c.Version != Version40 {
				continue
			}
			out, err := Marshal(c, c.Version)
			if err != nil {
				t.Fatal(err)
			}
			lines := logicalLines(out)
			props := withoutVersion(c)
			var body []string
			for _, l := range lines[1 : len(lines)-1] {
				if !strings.HasPrefix(l, "VERSION:") {
					body = append(body, l)
				}
			}
			if len(body) != len(props) {
				t.Errorf("%s card %d: %d lines for %d properties", name, i, len(body), len(props))
				continue
			}
			for j, p := range props {
				if !reusable(p.raw) {
					continue // not UTF-8 on one line: re-serialised by design
				}
				checked++
				if body[j] != string(p.raw) {
					t.Errorf("%s card %d line %d changed:\n  was %q\n  now %q", name, i, p.Line, p.raw, body[j])
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d properties checked", checked)
	}
}

// TestEditOneFieldKeepsOtherLines changes one value and checks that only its
// line changes.
func TestEditOneFieldKeepsOtherLines(t *testing.T) {
	tests := []struct {
		file, prop string
		index      int
		edit       func(p *Property)
		wantLine   string
	}{
		{"tine__ios_5_addressbook.vcf", "EMAIL", 1, func(p *Property) { p.SetValue("new@example.com") },
			"EMAIL;type=INTERNET;type=WORK:new@example.com"},
		{"ezvcard__gmail-single2.vcf", "EMAIL", 1, func(p *Property) { p.Value = "x,y@example.com" },
			`EMAIL;TYPE=INTERNET;TYPE=HOME:x\,y@example.com`},
		{"vc4a__allfields-vcard3.vcf", "ADR", 1, func(p *Property) {
			c := p.Components()
			c[2] = []string{"Neue Straße 1"}
			p.SetComponents(c)
		}, `monkey.ADR;CHARSET=UTF-8;TYPE=WORK:Postfach 314;vorne hinten;Neue Straße 1;Mönchspfaffingen;;4043;Klöster-Reich`},
		{"ezvcard__rfc6350-example.vcf", "TEL", 0, func(p *Property) { p.SetParam("PREF", "2") },
			`TEL;VALUE=uri;TYPE=work,voice;PREF=2:tel:+1-418-656-9254;ext=102`},
		{"rcube__apple.vcf", "URL", 0, func(p *Property) { p.Value = "https://www.apple.com/ch" },
			`item2.URL;type=pref:https://www.apple.com/ch`},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			c := one(t, tc.file)
			before, err := Marshal(c, c.Version)
			if err != nil {
				t.Fatal(err)
			}
			target := c.All(tc.prop)[tc.index]
			tc.edit(target)
			after, err := Marshal(c, c.Version)
			if err != nil {
				t.Fatal(err)
			}
			lb, la := logicalLines(before), logicalLines(after)
			if len(lb) != len(la) {
				t.Fatalf("line count %d → %d", len(lb), len(la))
			}
			changed := 0
			for i := range lb {
				if lb[i] != la[i] {
					changed++
					if la[i] != tc.wantLine {
						t.Errorf("edited line:\n got %q\nwant %q", la[i], tc.wantLine)
					}
				}
			}
			if changed != 1 {
				t.Errorf("%d lines changed, want 1", changed)
			}
			back, _ := reencode(t, c, c.Version)
			compareCards(t, "edited", c, back)
		})
	}
}
