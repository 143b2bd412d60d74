package ical

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWriteFoldsAt75OctetsOnRuneBoundaries(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("a", 300),
		strings.Repeat("ä", 200),
		strings.Repeat("€", 150),
		strings.Repeat("🐎", 120),
		"x" + strings.Repeat("🐎", 120),
		"xy" + strings.Repeat("€", 150),
	} {
		ev := NewComponent("VEVENT")
		ev.SetText("SUMMARY", text)
		cal := &Calendar{Components: []*Component{ev}}
		out := Write(cal)
		for _, l := range bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n")) {
			if len(l) > 75 || !utf8.Valid(l) {
				t.Fatalf("bad physical line (%d octets): %q", len(l), l)
			}
		}
		back, _, err := Read(out)
		if err != nil {
			t.Fatal(err)
		}
		if got := back.Component("VEVENT").Text("SUMMARY"); got != text {
			t.Fatalf("round trip of %d bytes gave %d bytes", len(text), len(got))
		}
	}
}

func TestWriteSerialisesChangedProperties(t *testing.T) {
	cal, _ := readString(t, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nx-odd;param1=a;Cn=\"Doe, J\":keep  \r\nDTSTART;TZID=\"Eastern Standard Time\";VALUE=DATE-TIME:20240101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	ev := cal.Component("VEVENT")
	out := string(Write(cal))
	if !strings.Contains(out, "\r\nx-odd;param1=a;Cn=\"Doe, J\":keep  \r\n") {
		t.Fatalf("unchanged line not written as read:\n%s", out)
	}
	odd := mustProp(t, ev, "X-ODD")
	odd.SetParam("PARAM1", "b:c")
	odd.Value = "line1\nline2"
	st := mustProp(t, ev, "DTSTART")
	st.SetParam("X-NEW", `say "hi"`)
	ev.Add(&Property{Name: "BEGIN", Value: "VEVENT"}) // structural names are never written as properties
	ev.Add(&Property{Name: "bad name", Value: "x"})
	out = string(Write(cal))
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		"\r\nX-ODD;PARAM1=\"b:c\";CN=\"Doe, J\":line1\\nline2\r\n",
		"\r\nDTSTART;TZID=\"Eastern Standard Time\";VALUE=DATE-TIME;X-NEW=say ^'hi^':20240101T100000\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("%q not in\n%s", want, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 1 || strings.Contains(out, "bad name") {
		t.Errorf("invalid properties written:\n%s", out)
	}
	back, _ := readString(t, out)
	if got := mustProp(t, back.Component("VEVENT"), "DTSTART").Param("X-NEW"); got != `say "hi"` {
		t.Fatalf("RFC 6868 round trip: %q", got)
	}
}

func TestEditHelpers(t *testing.T) {
	cal, _ := readString(t, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nATTENDEE:a\nSUMMARY:s\nATTENDEE:b\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n")
	ev := cal.Component("VEVENT")
	if n := len(ev.All("attendee")); n != 2 {
		t.Fatalf("All = %d", n)
	}
	ev.Set(NewProperty("attendee", "c"))
	if got := ev.All("ATTENDEE"); len(got) != 1 || got[0].Value != "c" || ev.Props[0] != got[0] {
		t.Fatalf("Set did not replace in place: %+v", ev.Props)
	}
	ev.Set(NewProperty("LOCATION", "x"))
	if ev.Props[len(ev.Props)-1].Name != "LOCATION" {
		t.Fatal("Set did not append a new property")
	}
	if n := ev.Remove("SUMMARY"); n != 1 || ev.Prop("SUMMARY") != nil {
		t.Fatal("Remove")
	}
	if n := ev.RemoveChildren("VALARM"); n != 1 || ev.Child("VALARM") != nil {
		t.Fatal("RemoveChildren")
	}
	p := NewProperty("DTSTART", "x")
	p.SetParam("TZID", "A")
	p.SetParam("tzid", "B")
	if len(p.Params) != 1 || p.Param("TZID") != "B" {
		t.Fatalf("SetParam: %+v", p.Params)
	}
	p.RemoveParam("TZID")
	if p.HasParam("TZID") {
		t.Fatal("RemoveParam")
	}
	fresh, _ := readString(t, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nATTENDEE:a\nEND:VEVENT\nEND:VCALENDAR\n")
	c := mustProp(t, fresh.Component("VEVENT"), "ATTENDEE").Clone()
	if c.Raw() != "ATTENDEE:a" || !c.Unchanged() {
		t.Fatal("Clone changed the property")
	}
}

func TestWriteComponentAndNil(t *testing.T) {
	if Write(nil) != nil {
		t.Fatal("Write(nil)")
	}
	ev := NewComponent("vevent")
	ev.SetText("SUMMARY", "x")
	ev.AddChild(NewComponent("VALARM"))
	if got := string(WriteComponent(ev)); got != "BEGIN:VEVENT\r\nSUMMARY:x\r\nBEGIN:VALARM\r\nEND:VALARM\r\nEND:VEVENT\r\n" {
		t.Fatalf("WriteComponent = %q", got)
	}
	// A cycle built in memory must not recurse forever.
	ev.AddChild(ev)
	if out := Write(&Calendar{Components: []*Component{ev}}); len(out) == 0 {
		t.Fatal("no output")
	}
}
