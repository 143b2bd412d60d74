package ical

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// readString reads s and fails on an error.
func readString(t *testing.T, s string) (*Calendar, []Problem) {
	t.Helper()
	cal, probs, err := Read([]byte(s))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return cal, probs
}

func TestLineEndingsAndFolding(t *testing.T) {
	want := []string{"a folded value", "x"}
	for name, s := range map[string]string{
		"CRLF":    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a fol\r\n ded value\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"LF":      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a fol\n ded value\nUID:x\nEND:VEVENT\nEND:VCALENDAR\n",
		"CR":      "BEGIN:VCALENDAR\rBEGIN:VEVENT\rSUMMARY:a fol\r ded value\rUID:x\rEND:VEVENT\rEND:VCALENDAR",
		"mixed":   "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\nSUMMARY:a fol\r\n\tded value\r\r\nUID:x\rEND:VEVENT\nEND:VCALENDAR",
		"TAB":     "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a\n\t folded value\nUID:x\nEND:VEVENT\nEND:VCALENDAR\n",
		"BOM":     "\uFEFFBEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a folded\n  value\nUID:x\nEND:VEVENT\nEND:VCALENDAR\n",
		"blanks":  "\n\nBEGIN:VCALENDAR\n\nBEGIN:VEVENT\n  \nSUMMARY:a folded value\nUID:x\n\nEND:VEVENT\nEND:VCALENDAR\n\n",
		"no-term": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a folded value\nUID:x\nEND:VEVENT\nEND:VCALENDAR",
	} {
		cal, probs := readString(t, s)
		ev := cal.Component("VEVENT")
		if ev == nil {
			t.Errorf("%s: no VEVENT", name)
			continue
		}
		got := []string{ev.Text("SUMMARY"), ev.Text("UID")}
		if !reflect.DeepEqual(got, want) || len(probs) != 0 {
			t.Errorf("%s: got %q, problems %v", name, got, probs)
		}
	}
}

func TestUnfoldBeforeDecoding(t *testing.T) {
	// "б" is D0 B1: a fold between its two bytes must be joined first.
	cal, probs := readString(t, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:\xd0\r\n \xb1x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	if got := cal.Component("VEVENT").Text("SUMMARY"); got != "бx" || len(probs) != 0 {
		t.Fatalf("SUMMARY = %q, problems %v", got, probs)
	}
}

func TestUTF16(t *testing.T) {
	src := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Zoë\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, r := range src {
		le = append(le, byte(r), byte(r>>8))
	}
	cal, _, err := Read(le)
	if err != nil {
		t.Fatal(err)
	}
	if got := cal.Component("VEVENT").Text("SUMMARY"); got != "Zoë" {
		t.Fatalf("SUMMARY = %q", got)
	}
}

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		line   string
		group  string
		name   string
		params []Param
		value  string
	}{
		{"SUMMARY:160:Susan", "", "SUMMARY", nil, "160:Susan"},
		{"summary;language=de:x", "", "SUMMARY", []Param{{Name: "LANGUAGE", Values: []string{"de"}}}, "x"},
		{`ATTENDEE;CN="Doe, John";ROLE=CHAIR:mailto:j@x`, "", "ATTENDEE", []Param{
			{Name: "CN", Values: []string{"Doe, John"}, Quoted: true}, {Name: "ROLE", Values: []string{"CHAIR"}},
		}, "mailto:j@x"},
		{`X;MEMBER="mailto:a","mailto:b":v`, "", "X", []Param{{Name: "MEMBER", Values: []string{"mailto:a", "mailto:b"}, Quoted: true}}, "v"},
		{`X;P=a^'b^nc^^d^x:v`, "", "X", []Param{{Name: "P", Values: []string{"a\"b\nc^d^x"}}}, "v"},
		{`X;X-ADDRESS="Röadstar 16\n5":geo:1,2`, "", "X", []Param{{Name: "X-ADDRESS", Values: []string{`Röadstar 16\n5`}, Quoted: true}}, "geo:1,2"},
		{"DTEND;TZIDAsia/Tehran:20120327T110000", "", "DTEND", []Param{{Name: "TZIDAsia/Tehran", Bare: true}}, "20120327T110000"},
		{"item1.X-FOO;A=:v", "item1", "X-FOO", []Param{{Name: "A", Values: []string{""}}}, "v"},
		{"CLASS:", "", "CLASS", nil, ""},
		{"VERSION: 2.0", "", "VERSION", nil, " 2.0"},
		{`X;P="unbalanced:v`, "", "X", []Param{{Name: "P", Values: []string{`"unbalanced`}}}, "v"},
		{`X;T=a\;b;U=1:v`, "", "X", []Param{{Name: "T", Values: []string{`a\;b`}}, {Name: "U", Values: []string{"1"}}}, "v"},
	} {
		p, _, err := parseLine(tc.line)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if p.Group != tc.group || p.Name != tc.name || p.Value != tc.value || !reflect.DeepEqual(p.Params, tc.params) {
			t.Errorf("%q:\n got %q %q %+v %q\nwant %q %q %+v %q", tc.line, p.Group, p.Name, p.Params, p.Value, tc.group, tc.name, tc.params, tc.value)
		}
	}
	for _, bad := range []string{"010000000A9E90330A8A0F", "no colon here", "bad name:x", ":value", "a..b:x"} {
		if _, _, err := parseLine(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestTextEscapes(t *testing.T) {
	p := &Property{Value: `a\,b\;c\nd\Ne\\f\:g\xh`}
	if got := p.Text(); got != "a,b;c\nd\ne\\f:g\\xh" {
		t.Fatalf("Text = %q", got)
	}
	p.SetText("a,b;c\r\nd\\e")
	if p.Value != `a\,b\;c\nd\\e` {
		t.Fatalf("SetText = %q", p.Value)
	}
	cats := &Property{Value: `one\, two,three,`}
	if got := cats.Texts(); !reflect.DeepEqual(got, []string{"one, two", "three", ""}) {
		t.Fatalf("Texts = %q", got)
	}
	cats.SetTexts([]string{"a,b", "c"})
	if cats.Value != `a\,b,c` {
		t.Fatalf("SetTexts = %q", cats.Value)
	}
}

func TestStructureRepairs(t *testing.T) {
	cal, probs := readString(t, strings.Join([]string{
		"PRODID:outside",
		"BEGIN:VCALENDAR",
		"BEGIN:VEVENT",
		"UID:1",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"END:VEVENT", // closes the unclosed VALARM too
		"END:VTODO",  // nothing to close
		"BEGIN:VEVENT",
		"UID:2",
		"END:VCALENDAR", // closes the unclosed VEVENT
		"BEGIN:VEVENT",  // outside: an implicit calendar
		"UID:3",
	}, "\n"))
	if n := len(cal.ComponentsNamed("VEVENT")); n != 3 {
		t.Fatalf("%d events, want 3", n)
	}
	if a := cal.Components[0].Child("VALARM"); a == nil || a.Text("ACTION") != "DISPLAY" {
		t.Fatal("VALARM lost")
	}
	for _, want := range []string{"outside any VCALENDAR", "closes unclosed VALARM", "END:VTODO without", "closes unclosed VEVENT", "implicit calendar", "merged", "input ended inside VEVENT"} {
		if !hasProblem(probs, want) {
			t.Errorf("no problem %q in %v", want, probs)
		}
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	s := "BEGIN:VCALENDAR\n" + strings.Repeat("BEGIN:X-A\n", 100) + "X-IN:deep\n" + strings.Repeat("END:X-A\n", 100) + "X-AFTER:1\nEND:VCALENDAR\n"
	cal, probs := readString(t, s)
	depth := 0
	for c := cal.Component("X-A"); c != nil; c = c.Child("X-A") {
		depth++
	}
	if depth != maxDepth || !hasProblem(probs, "nested deeper") {
		t.Fatalf("depth %d, problems %v", depth, probs)
	}
	if cal.Prop("X-AFTER") == nil {
		t.Fatal("the property after the deep components was not read into VCALENDAR")
	}
}

func TestNoCalendar(t *testing.T) {
	for _, s := range []string{"", "hello", "SUMMARY:x\n", "\xff\xfe"} {
		if _, _, err := Read([]byte(s)); !errors.Is(err, ErrNoCalendar) {
			t.Errorf("%q: err = %v", s, err)
		}
	}
}

func TestReadAllKeepsCalendarsApart(t *testing.T) {
	cals, _, err := ReadAll([]byte("BEGIN:VCALENDAR\nX-A:1\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-B:2\nBEGIN:VTODO\nEND:VTODO\nEND:VCALENDAR\n"))
	if err != nil || len(cals) != 2 {
		t.Fatalf("%d calendars, %v", len(cals), err)
	}
	if cals[0].Prop("X-A") == nil || cals[1].Component("VTODO") == nil || cals[0].Component("VTODO") != nil {
		t.Fatal("calendars mixed up")
	}
	merged, _ := readString(t, "BEGIN:VCALENDAR\nX-A:1\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-A:9\nX-B:2\nBEGIN:VTODO\nEND:VTODO\nEND:VCALENDAR\n")
	if len(merged.Components) != 2 || merged.Prop("X-A").Value != "1" || merged.Prop("X-B") == nil {
		t.Fatalf("merge: %+v", merged)
	}
}
