package ical

import (
	"bytes"
	"slices"
	"testing"

	"fieldbook/backend/contentline"
	"fieldbook/internal/testcorpus"
)

// fuzzSeeds are small inputs covering the reader's special cases, added to
// every corpus file.
var fuzzSeeds = []string{
	"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\n\tb\r\n c\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	"BEGIN:VCALENDAR\rBEGIN:VEVENT\rDTSTART;TZID=\"A, B\":20200101T000000\rEND:VEVENT\rEND:VCALENDAR\r",
	"BEGIN:VCALENDAR\nX;P=\"a\nb\":v\nX;Q=a\\;b;R=^'^n^^:v\nDTEND;TZIDAsia/Tehran:x\nEND:VCALENDAR\n",
	"BEGIN:VEVENT\nBEGIN:VALARM\nEND:VEVENT\nEND:VTODO\n",
	"\xef\xbb\xbfBEGIN:VCALENDAR\r\r\nSUMMARY:Tv\xe5\r\r\nEND:VCALENDAR\r\r\n",
	"\xff\xfeB\x00E\x00G\x00I\x00N\x00:\x00V\x00E\x00V\x00E\x00N\x00T\x00\n\x00",
	"BEGIN:VCALENDAR\nitem1.X-A;b=\"c\"d,\"e:v\n:x\n;y\nEND:VCALENDAR\n",
}

// addSeeds adds the corpus files (read in place) and the synthetic seeds.
func addSeeds(f *testing.F) {
	testcorpus.AddSeeds(f, corpusFiles(f), fuzzSeeds...)
}

// FuzzRead: reading never panics, every property has a valid name, the
// accessors and date parsing cope with whatever was read, and the written
// result reads back.
func FuzzRead(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, _, err := Read(data)
		if err != nil {
			return
		}
		walk(cal, func(p *Property) {
			if !contentline.ValidName(p.Name) {
				t.Fatalf("invalid property name %q", p.Name)
			}
			_ = p.Text()
			_ = p.Texts()
			_, _ = ParseDateTime(p, nil)
			_, _ = ParseDateTimes(p, nil)
			_, _ = ParseDuration(p.Value)
		})
		for _, z := range cal.Timezones() {
			_ = cal.Timezone(z.Text("TZID"))
		}
		if _, _, err := Read(Write(cal)); err != nil {
			t.Fatalf("written calendar does not read back: %v", err)
		}
	})
}

// FuzzRoundTrip: Read → Write → Read keeps every component and property
// (group, name, parameters, value), writing is stable, and forcing every
// property to be serialised from its fields (not copied) keeps them too.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, _, err := Read(data)
		if err != nil {
			return
		}
		out := Write(cal)
		back, _, err := Read(out)
		if err != nil {
			t.Fatalf("re-read: %v", err)
		}
		compareCalendars(t, cal, back)
		if again := Write(back); !bytes.Equal(again, out) {
			t.Fatalf("unstable output\n first %q\nsecond %q", out, again)
		}
		// Drop the original lines so every property is serialised.
		walk(cal, func(p *Property) { p.raw = "" })
		ser := Write(cal)
		back2, _, err := Read(ser)
		if err != nil {
			t.Fatalf("serialised output: %v\n%q", err, ser)
		}
		compareCalendars(t, cal, back2)
	})
}

// walk calls fn for every property of the calendar.
func walk(cal *Calendar, fn func(*Property)) {
	for _, p := range cal.Props {
		fn(p)
	}
	var comp func(c *Component)
	comp = func(c *Component) {
		for _, p := range c.Props {
			fn(p)
		}
		for _, ch := range c.Children {
			comp(ch)
		}
	}
	for _, c := range cal.Components {
		comp(c)
	}
}

// compareCalendars fails when two calendars differ in structure or in any
// property's group, name, parameters or value.
func compareCalendars(t *testing.T, a, b *Calendar) {
	t.Helper()
	comparePropLists(t, "VCALENDAR", a.Props, b.Props)
	compareComps(t, "VCALENDAR", a.Components, b.Components)
}

func compareComps(t *testing.T, path string, a, b []*Component) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d components became %d", path, len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name {
			t.Fatalf("%s: component %q became %q", path, a[i].Name, b[i].Name)
		}
		p := path + "/" + a[i].Name
		comparePropLists(t, p, a[i].Props, b[i].Props)
		compareComps(t, p, a[i].Children, b[i].Children)
	}
}

func comparePropLists(t *testing.T, path string, a, b []*Property) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d properties became %d", path, len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Group != y.Group || x.Name != y.Name || x.Value != y.Value || !slices.EqualFunc(x.Params, y.Params, paramEqual) {
			t.Fatalf("%s: property changed\n was %q %q %+v %q\n now %q %q %+v %q", path, x.Group, x.Name, x.Params, x.Value, y.Group, y.Name, y.Params, y.Value)
		}
	}
}
