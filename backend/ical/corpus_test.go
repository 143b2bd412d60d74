package ical

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCorpusReadsAndRoundTrips reads every corpus file: no error, at least
// one component, and Write keeps every property line (compared unfolded,
// per component, against the test's own unfolding of the file) and the
// component structure. Writing the result again is stable.
func TestCorpusReadsAndRoundTrips(t *testing.T) {
	for _, path := range corpusFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cal, probs, err := Read(data)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			for _, p := range probs {
				t.Logf("problem: %s", p)
			}
			if len(cal.Components) == 0 && name != "pyical__bom_calendar.ics" {
				t.Fatal("no components")
			}
			out := Write(cal)
			want := treeForTest(unfoldForTest(t, data))
			got := treeForTest(unfoldForTest(t, out))
			if d := diffTrees("", want, got); d != "" {
				t.Fatalf("round trip changed the file: %s", d)
			}
			again, _, err := Read(out)
			if err != nil {
				t.Fatalf("re-read: %v", err)
			}
			if out2 := Write(again); !bytes.Equal(out, out2) {
				t.Fatal("second write differs from the first")
			}
			checkWriteFormat(t, out)
		})
	}
}

// checkWriteFormat checks the writer's output rules: CRLF only, lines of at
// most 75 octets, continuation lines start with one space, valid UTF-8 in
// every physical line (no fold inside a UTF-8 sequence).
func checkWriteFormat(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("output does not end with CRLF")
	}
	lines := bytes.Split(out[:len(out)-2], []byte("\r\n"))
	for i, l := range lines {
		if bytes.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !bytesValidUTF8(l) {
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
}

// TestCorpusQuirks checks what NOTES.md asks of individual files.
func TestCorpusQuirks(t *testing.T) {
	t.Run("BOM stripped", func(t *testing.T) {
		cal, probs := readCorpusCal(t, "pyical__bom_calendar.ics")
		if cal.Line != 1 || len(probs) != 0 {
			t.Fatalf("BEGIN:VCALENDAR after the BOM not recognised: line %d, problems %v", cal.Line, probs)
		}
	})
	t.Run("Latin-1 fallback", func(t *testing.T) {
		cal, probs := readCorpusCal(t, "tbird__importLatin1.ics")
		var summaries []string
		for _, ev := range cal.ComponentsNamed("VEVENT") {
			summaries = append(summaries, ev.Text("SUMMARY"))
		}
		if !slices.Contains(summaries, "Event Två") {
			t.Fatalf("SUMMARY values = %q", summaries)
		}
		if !hasProblem(probs, "not valid UTF-8") {
			t.Fatalf("the charset fallback is not reported: %v", probs)
		}
		if !bytes.Contains(Write(cal), []byte("SUMMARY:Event Två\r\n")) {
			t.Fatal("Write does not emit the summary as UTF-8")
		}
	})
	t.Run("4-byte UTF-8", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "tine__invalid_utf8.ics")
		if got := mustComp(t, cal, "VEVENT").Text("SUMMARY"); !strings.HasPrefix(got, "🐎") {
			t.Fatalf("SUMMARY = %q", got)
		}
	})
	t.Run("value after the first colon", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "tine__floating_time.ics")
		if got := mustComp(t, cal, "VEVENT").Text("SUMMARY"); got != "160:Susan" {
			t.Fatalf("SUMMARY = %q", got)
		}
	})
	t.Run("broken lines skipped or repaired", func(t *testing.T) {
		cal, probs := readCorpusCal(t, "tine__outlook_external_invitation.ics")
		ev := mustComp(t, cal, "VEVENT")
		uid := mustProp(t, ev, "UID").Value
		if uid != "040000008200E00074C5B7101A82E00800000000F04200929A03CD01000000000000000" {
			t.Fatalf("UID = %q", uid)
		}
		if !hasProblem(probs, "no colon") {
			t.Fatalf("the stray UID continuation is not reported: %v", probs)
		}
		att := mustProp(t, ev, "ATTENDEE")
		if att.Param("CN") != "'name@example.net'" || att.Value != "MAILTO:name@example.net" {
			t.Fatalf("ATTENDEE broken inside CN not repaired: %q %+v", att.Value, att.Params)
		}
		if got := ev.Text("DESCRIPTION"); got != "\n" {
			t.Fatalf(`DESCRIPTION:\N = %q`, got)
		}
		if p := mustProp(t, ev, "CLASS"); p.Value != "" {
			t.Fatalf("empty CLASS = %q", p.Value)
		}
	})
	t.Run("bad parameter kept", func(t *testing.T) {
		cal, probs := readCorpusCal(t, "tine__lightning_TehranTZ.ics")
		ev := mustComp(t, cal, "VEVENT")
		end := mustProp(t, ev, "DTEND")
		if len(end.Params) != 1 || !end.Params[0].Bare || end.Params[0].Name != "TZIDAsia/Tehran" || end.HasParam("TZID") {
			t.Fatalf("DTEND params = %+v", end.Params)
		}
		if !hasProblem(probs, "no '='") {
			t.Fatalf("the bad parameter is not reported: %v", probs)
		}
		end.Value = "20120327T110000"
		if !bytes.Contains(Write(cal), []byte("\r\nDTEND;TZIDAsia/Tehran:20120327T110000\r\n")) {
			t.Fatal("a changed DTEND lost its bare parameter")
		}
	})
	t.Run("fold inside parameters and after the colon", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "tine__google_external_invite.ics")
		found := false
		for _, p := range mustComp(t, cal, "VEVENT").All("ATTENDEE") {
			if p.Param("RSVP") == "TRUE" {
				found = true
			}
		}
		if !found {
			t.Fatal("RSVP=\\r\\n TRUE not unfolded to TRUE")
		}
		cal, _ = readCorpusCal(t, "rie__issue_27_t1.ics")
		st := mustProp(t, mustComp(t, cal, "VEVENT"), "DTSTART")
		if st.Param("TZID") != "Europe/Berlin" || st.Value != "20200426T140000" {
			t.Fatalf("DTSTART = %+v", st)
		}
	})
	t.Run("TAB folding", func(t *testing.T) {
		data := readCorpus(t, "biweekly__outlook-2010.ics")
		if !bytes.Contains(data, []byte("\r\n\t")) {
			t.Fatal("fixture no longer TAB-folded")
		}
		cal, _ := readCorpusCal(t, "biweekly__outlook-2010.ics")
		ev := mustComp(t, cal, "VEVENT")
		org := mustProp(t, ev, "ORGANIZER")
		if org.Param("CN") == "" {
			t.Fatalf("ORGANIZER = %+v", org)
		}
		for _, a := range ev.All("ATTENDEE") {
			if a.Param("CN") == "Doe, John" {
				return
			}
		}
		t.Fatal(`no attendee with CN="Doe, John"`)
	})
	t.Run("quoted non-ASCII parameter", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "pyical__x_location.ics")
		p := mustProp(t, mustComp(t, cal, "VEVENT"), "X-APPLE-STRUCTURED-LOCATION")
		if addr := p.Param("X-ADDRESS"); !strings.HasPrefix(addr, "Röadstar 16") {
			t.Fatalf("X-ADDRESS = %q", addr)
		}
		if !strings.HasPrefix(p.Value, "geo:") {
			t.Fatalf("value = %q", p.Value)
		}
	})
	t.Run("Apple escaped semicolon in a parameter", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "ical4j__apple-iphone-os-26-structured-location.ics")
		p := mustProp(t, mustComp(t, cal, "VEVENT"), "X-APPLE-STRUCTURED-LOCATION")
		if got := p.Param("X-TITLE"); got != `Hauptstraße 1-5\; 4041 Linz` {
			t.Fatalf("X-TITLE = %q", got)
		}
		if p.Param("X-APPLE-RADIUS") == "" || !strings.HasPrefix(p.Value, "geo:") {
			t.Fatalf("params after the long folded one lost: %+v", p.Params)
		}
	})
	t.Run("huge value", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "biweekly__issue115-1.ics")
		alt := mustProp(t, mustComp(t, cal, "VEVENT"), "X-ALT-DESC")
		if len(alt.Value) < 20000 || !strings.Contains(alt.Value, "</html>") {
			t.Fatalf("X-ALT-DESC has %d bytes", len(alt.Value))
		}
	})
	t.Run("nesting", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "ical4j__Standup.ics")
		if len(mustComp(t, cal, "VEVENT").ChildrenNamed("VALARM")) != 1 {
			t.Fatal("VALARM not nested in VEVENT")
		}
		tz := cal.Timezone("Canberra, Melbourne, Sydney")
		if tz == nil || tz.Child("STANDARD") == nil || tz.Child("DAYLIGHT") == nil {
			t.Fatalf("VTIMEZONE with STANDARD/DAYLIGHT not found: %+v", tz)
		}
	})
	t.Run("escaped TZID lookup", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "ical4j__2207678.ics")
		st := mustProp(t, mustComp(t, cal, "VEVENT"), "DTSTART")
		if st.Param("TZID") != "Kuala Lumpur, Singapore" {
			t.Fatalf("TZID param = %q", st.Param("TZID"))
		}
		if cal.Timezone(st.Param("TZID")) == nil {
			t.Fatal("VTIMEZONE with TZID:Kuala Lumpur\\, Singapore not matched")
		}
	})
	t.Run("empty VTIMEZONE", func(t *testing.T) {
		cal, _ := readCorpusCal(t, "icaljs__recur_instances.ics")
		if len(cal.Timezones()) == 0 {
			t.Fatal("the empty VTIMEZONE was dropped; it must survive a round trip")
		}
	})
}

// TestTZIDTextSurvivesChange changes DTSTART's value (so the line is
// serialised, not copied) and checks that the TZID text keeps its quoting.
func TestTZIDTextSurvivesChange(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"pyical__issue_836_do_not_quote_tzid.ics", "DTSTART;TZID=Eastern Standard Time:20240101T100000\r\n"},
		{"biweekly__outlook-2010.ics", `DTSTART;TZID="Eastern Standard Time":20240101T100000` + "\r\n"},
		{"ic4a__outlook1.ics", "DTSTART;TZID=W. Europe Standard Time:20240101T100000\r\n"},
		{"ical4j__Standup.ics", `DTSTART;TZID="Canberra, Melbourne, Sydney":20240101T100000` + "\r\n"},
	} {
		cal, _ := readCorpusCal(t, tc.file)
		st := mustProp(t, mustComp(t, cal, "VEVENT"), "DTSTART")
		st.Value = "20240101T100000"
		if out := Write(cal); !bytes.Contains(out, []byte("\r\n"+tc.want)) {
			t.Errorf("%s: %q not in the output", tc.file, tc.want)
		}
	}
}

// TestMutationRewritesOneLine changes one property in every corpus event
// and checks that exactly that line differs from the unchanged output.
func TestMutationRewritesOneLine(t *testing.T) {
	for _, path := range corpusFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cal, _, err := Read(data)
		if err != nil {
			t.Fatal(err)
		}
		before := unfoldForTest(t, Write(cal))
		var target *Component
		for _, c := range cal.Components {
			if c.Name == "VEVENT" || c.Name == "VTODO" {
				target = c
				break
			}
		}
		if target == nil {
			continue
		}
		target.SetText("SUMMARY", "Changed, by a test; with\nnewline")
		after := unfoldForTest(t, Write(cal))
		changed := 0
		if len(after) != len(before) && len(after) != len(before)+1 {
			t.Fatalf("%s: %d lines became %d", filepath.Base(path), len(before), len(after))
		}
		j := 0
		for _, l := range after {
			if j < len(before) && l == before[j] {
				j++
				continue
			}
			changed++
			if !strings.HasPrefix(l, "SUMMARY") || !strings.HasSuffix(l, `:Changed\, by a test\; with\nnewline`) {
				t.Errorf("%s: unexpected changed line %q", filepath.Base(path), l)
			}
			if j < len(before) && strings.HasPrefix(before[j], "SUMMARY") {
				j++
			}
		}
		if changed != 1 || j != len(before) {
			t.Errorf("%s: %d lines changed, %d of %d old lines matched", filepath.Base(path), changed, j, len(before))
		}
	}
}

// hasProblem reports whether a problem's reason contains s.
func hasProblem(probs []Problem, s string) bool {
	for _, p := range probs {
		if strings.Contains(p.Reason, s) {
			return true
		}
	}
	return false
}

// bytesValidUTF8 reports whether b is valid UTF-8.
func bytesValidUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }
