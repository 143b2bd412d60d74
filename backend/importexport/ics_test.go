package importexport

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/store"
	"fieldbook/internal/testcorpus"
)

// fixedZone is a Zones with a fixed user zone.
type fixedZone struct{ loc *time.Location }

func (z fixedZone) UserLocation(context.Context) (*time.Location, error) { return z.loc, nil }

// icsEnv is an env whose importer knows the user's zone.
func icsEnv(t testing.TB) env {
	t.Helper()
	e := newEnv(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	e.im.WithZones(fixedZone{berlin})
	return e
}

// events lists every live meeting with its object bytes.
func (e env) events(t testing.TB) []store.ExportedEvent {
	t.Helper()
	var out []store.ExportedEvent
	if err := e.db.ExportEvents(context.Background(), func(x store.ExportedEvent) error {
		out = append(out, x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// tasks lists every live task with its object bytes.
func (e env) tasks(t testing.TB) []store.ExportedTask {
	t.Helper()
	var out []store.ExportedTask
	if err := e.db.ExportTasks(context.Background(), func(x store.ExportedTask) error {
		out = append(out, x)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// exportICSText exports the calendar and returns it.
func (e env) exportICSText(t testing.TB) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Export(context.Background(), e.db, &buf, ExportICS, nil); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(buf.String(), "\r\n ", "")
}

// TestImportICSCorpus imports every corpus .ics file into one database:
// none fails, every report adds up, every object read is stored, updated
// or reported, and the known bad component is reported as skipped.
func TestImportICSCorpus(t *testing.T) {
	e := icsEnv(t)
	files, err := filepath.Glob(filepath.Join(testcorpus.Dir(t), "ical", "*.ics"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	sort.Strings(files)
	stored := 0
	for _, f := range files {
		rep := e.importFile(t, f, Options{})
		if rep.Format != FormatICS {
			t.Errorf("%s detected as %s", filepath.Base(f), rep.Format)
		}
		if rep.Records != rep.Imported+rep.Merged+rep.Skipped {
			t.Errorf("%s: %d records ≠ %d imported + %d merged + %d skipped", filepath.Base(f), rep.Records, rep.Imported, rep.Merged, rep.Skipped)
		}
		objs, _, _ := eventcard.Read(readBytes(t, f))
		if rep.Imported+rep.Merged+countReason(rep.SkippedEntries, "duplicate")+countReason(rep.SkippedEntries, "invalid") != len(objs) {
			t.Errorf("%s: %d objects, report %+v", filepath.Base(f), len(objs), rep)
		}
		stored += rep.Imported
		if filepath.Base(f) == "ic4a__one-event-with-multiple-exceptions-one-without.ics" &&
			(rep.Imported != 1 || countReason(rep.SkippedEntries, "unreadable") != 1) {
			t.Errorf("one-event: %+v", rep)
		}
	}
	if got := len(e.events(t)) + len(e.tasks(t)); got != stored {
		t.Errorf("%d meetings and tasks stored, reports say %d", got, stored)
	}
}

// readBytes reads a file or fails.
func readBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// countReason counts entries with a reason.
func countReason(es []Entry, reason string) int {
	n := 0
	for _, e := range es {
		if e.Reason == reason {
			n++
		}
	}
	return n
}

// TestICSRoundTrip imports Outlook, Google and Apple objects, exports the
// calendar and checks that unknown properties, alarms Fieldbook does not
// model and the TZID text (quoted or not, as received) survive; importing
// the export into a fresh database gives the same meetings and tasks.
func TestICSRoundTrip(t *testing.T) {
	e := icsEnv(t)
	names := []string{"biweekly__outlook-2010.ics", "pyical__issue_836_do_not_quote_tzid.ics",
		"tine__apple-reminder-weekly-time-and-location-alarms.ics", "rie__issue_28_rrule_with_UTC_endinginZ.ics",
		"tine__lightning_repeating_weekly_exception.ics", "ical4j__apple-iphone-os-26-structured-location.ics"}
	for _, n := range names {
		e.importFile(t, writeFile(t, n, testcorpus.Read(t, "ical/"+n)), Options{})
	}
	out := e.exportICSText(t)
	for _, want := range []string{
		`DTSTART;TZID="Eastern Standard Time":20130610T120000`,
		"DTSTART;TZID=Eastern Standard Time:20241028T170000",
		"X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
		"X-MS-OLK-CONFTYPE:0",
		"X-APPLE-PROXIMITY:ARRIVE",
		"TRIGGER;VALUE=DATE-TIME:20130812T120000Z",
		"RECURRENCE-ID;TZID=GMT Standard Time:20200416T000000",
		"RRULE:FREQ=WEEKLY;UNTIL=20200916T230000Z;INTERVAL=2;BYDAY=TH;WKST=MO",
		`X-TITLE=Hauptstraße 1-5\; 4041 Linz`,
		"UID:040000009200E00074C5B7101A82E00800000000C0383BE68041CE0100000000000000001000000070D00A2F625AC34BB6542DE0D19E67E1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lost %q", want)
		}
	}
	if n := strings.Count(out, "\r\nTZID:Eastern Standard Time\r\n"); n != 1 {
		t.Errorf("%d VTIMEZONEs for Eastern Standard Time, want 1", n)
	}
	if strings.Count(out, "BEGIN:VCALENDAR") != 1 || strings.Contains(out, "METHOD:") {
		t.Error("the export is not one VCALENDAR without METHOD")
	}

	again := icsEnv(t)
	again.importFile(t, writeFile(t, "export.ics", []byte(out)), Options{})
	a, b := e.events(t), again.events(t)
	if len(a) != len(b) || len(e.tasks(t)) != len(again.tasks(t)) {
		t.Fatalf("re-import: %d/%d meetings, %d/%d tasks", len(b), len(a), len(again.tasks(t)), len(e.tasks(t)))
	}
	byUID := map[string]crm.Event{}
	for _, x := range a {
		byUID[x.Event.UID] = x.Event
	}
	for _, x := range b {
		want, ok := byUID[x.Event.UID]
		if !ok || !eventcard.Equal(x.Event.EventFields, want.EventFields) || !x.Event.StartUTC.Equal(want.StartUTC) {
			t.Errorf("re-imported %q differs:\n got  %+v\n want %+v", x.Event.UID, x.Event.EventFields, want.EventFields)
		}
	}
}

// TestICSImportUpdatesByUID imports a file twice (unchanged: nothing
// happens) and a changed version (the meeting is updated, not duplicated),
// then an invitation to one occurrence of the stored series.
func TestICSImportUpdatesByUID(t *testing.T) {
	e := icsEnv(t)
	raw := testcorpus.Read(t, "ical/tine__lightning_repeating_weekly_exception.ics")
	path := writeFile(t, "weekly.ics", raw)
	if rep := e.importFile(t, path, Options{}); rep.Imported != 1 {
		t.Fatalf("first import: %+v", rep)
	}
	if rep := e.importFile(t, path, Options{}); rep.Imported != 0 || rep.Skipped != 1 || rep.SkippedEntries[0].Reason != "duplicate" {
		t.Errorf("unchanged import: %+v", rep)
	}
	changed := bytes.Replace(raw, []byte("SUMMARY:New Event\n"), []byte("SUMMARY:Renamed Event\n"), 1)
	if bytes.Equal(changed, raw) {
		t.Fatal("the test file has no SUMMARY to change")
	}
	if rep := e.importFile(t, writeFile(t, "weekly2.ics", changed), Options{}); rep.Merged != 1 || rep.Imported != 0 {
		t.Errorf("changed import: %+v", rep)
	}
	evs := e.events(t)
	if len(evs) != 1 || evs[0].Event.Title != "Renamed Event" || evs[0].Event.Version != 2 || len(evs[0].Event.Overrides) != 1 {
		t.Fatalf("after update: %+v", evs)
	}
	if !bytes.Contains(evs[0].Card, []byte("SUMMARY:Renamed Event")) {
		t.Error("the kept object was not replaced")
	}
	invite := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n" +
		"UID:353de608-4b50-41e6-9f6c-35889584fe8d\r\nDTSTAMP:20130420T100000Z\r\n" +
		"RECURRENCE-ID;TZID=Europe/Berlin:20130430T153000\r\n" +
		"DTSTART;TZID=Europe/Berlin:20130430T170000\r\nDTEND;TZID=Europe/Berlin:20130430T180000\r\n" +
		"SUMMARY:Moved once\r\nX-CUSTOM:kept\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if rep := e.importFile(t, writeFile(t, "invite.ics", []byte(invite)), Options{}); rep.Merged != 1 {
		t.Errorf("occurrence import: %+v", rep)
	}
	evs = e.events(t)
	if len(evs) != 1 || len(evs[0].Event.Overrides) != 2 {
		t.Fatalf("after the occurrence: %d meetings, %+v", len(evs), evs[0].Event.Overrides)
	}
	o := evs[0].Event.Overrides[1]
	if o.RecurrenceID != "2013-04-30T15:30:00" || o.Fields.Title != "Moved once" || o.Fields.Start != "2013-04-30T17:00:00" {
		t.Errorf("override: %+v", o)
	}
	if !bytes.Contains(evs[0].Card, []byte("RECURRENCE-ID;TZID=Europe/Berlin:20130430T153000")) ||
		!bytes.Contains(evs[0].Card, []byte("SUMMARY:Renamed Event")) {
		t.Errorf("kept object not patched:\n%s", evs[0].Card)
	}
}

// TestICSExportAfterEdit edits an imported meeting and checks that the
// export carries the edit and still every X- line.
func TestICSExportAfterEdit(t *testing.T) {
	e := icsEnv(t)
	e.importFile(t, writeFile(t, "o.ics", testcorpus.Read(t, "ical/biweekly__outlook-2010.ics")), Options{})
	ev := e.events(t)[0].Event
	next := ev
	next.Title, next.Busy, next.Version = "Team Meeting (moved)", crm.BusyFree, ev.Version+1
	if err := e.db.UpdateEvent(context.Background(), next, []string{"title", "busy"}); err != nil {
		t.Fatal(err)
	}
	out := e.exportICSText(t)
	for _, want := range []string{"SUMMARY;LANGUAGE=en-us:Team Meeting (moved)", "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
		"X-MICROSOFT-DISALLOW-COUNTER:TRUE", "X-MS-OLK-APPTSEQTIME:20130425T124303Z", `ATTENDEE;CN="Doe, John";ROLE=OPT-PARTICIPANT;RSVP=FALSE:mailto:johndoe@example.com`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Contains(out, "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE") {
		t.Error("the old busy status stayed")
	}
	// A meeting made in Fieldbook is written anew.
	made := crm.Event{ID: crm.NewID(time.Now()), CalendarID: ev.CalendarID, UID: "made-here@fieldbook", Version: 1,
		EventFields: crm.EventFields{Title: "Made here", Start: "2024-01-02T10:00:00", End: "2024-01-02T11:00:00", TimeZone: "Europe/Berlin"},
		StartUTC:    time.Date(2024, 1, 2, 9, 0, 0, 0, time.UTC), EndUTC: time.Date(2024, 1, 2, 10, 0, 0, 0, time.UTC),
		CreatedAt: time.Now(), UpdatedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := e.db.CreateEvent(context.Background(), made); err != nil {
		t.Fatal(err)
	}
	out = e.exportICSText(t)
	if !strings.Contains(out, "UID:made-here@fieldbook") || !strings.Contains(out, "DTSTART;TZID=Europe/Berlin:20240102T100000") {
		t.Errorf("made-here meeting missing from the export")
	}
}

// TestICSDetectAndPreview checks format detection and the preview.
func TestICSDetectAndPreview(t *testing.T) {
	if f := detectFormat([]byte("\ufeffBEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "x.txt"); f != FormatICS {
		t.Errorf("detected %s", f)
	}
	if f := detectFormat(nil, "empty.ics"); f != FormatICS {
		t.Errorf("empty .ics detected as %s", f)
	}
	if f, err := ParseFormat("ICS"); err != nil || f != FormatICS {
		t.Errorf("ParseFormat: %s %v", f, err)
	}
	path := writeFile(t, "x.ics", testcorpus.Read(t, "ical/ic4a__one-event-with-multiple-exceptions-one-without.ics"))
	p, err := PreviewFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != FormatICS || p.Events != 1 || len(p.Items) != 2 || p.Items[0].Title != "Recurring event with one exception" ||
		!p.Items[0].Recurring || !p.Items[0].AllDay || p.Items[1].Skip != "unreadable" {
		t.Errorf("preview: %+v", p)
	}
	if _, err := ExportFiles(context.Background(), newEnv(t).db, t.TempDir(), ExportICS, nil); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Errorf("one file per meeting: %v", err)
	}
}
