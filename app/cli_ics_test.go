package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fieldbook/internal/testcorpus"
)

// TestICSImportExportCLI runs `fieldbook import x.ics` and `fieldbook
// export --format ics -o F`: the meetings and task are stored, a second
// import updates nothing, and the export keeps Outlook's properties and
// the TZID text as received.
func TestICSImportExportCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	dir := filepath.Join(testcorpus.Dir(t), "ical")
	code, out, errOut := run(t, db, "import", filepath.Join(dir, "biweekly__outlook-2010.ics"))
	if code != 0 || !strings.Contains(out, "1 meetings and tasks (ics): 1 imported, 0 updated, 0 skipped") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, db, "import", "--format", "ics", filepath.Join(dir, "tine__lightning.ics"))
	if code != 0 || !strings.Contains(out, "1 imported") {
		t.Fatalf("import task: %d %q", code, out)
	}
	code, out, _ = run(t, db, "import", filepath.Join(dir, "biweekly__outlook-2010.ics"))
	if code != 0 || !strings.Contains(out, "0 imported, 0 updated, 1 skipped") {
		t.Fatalf("second import: %d %q", code, out)
	}
	target := filepath.Join(t.TempDir(), "cal.ics")
	code, _, errOut = run(t, db, "export", "--format", "ics", "-o", target)
	b, _ := os.ReadFile(target)
	text := strings.ReplaceAll(string(b), "\r\n ", "")
	if code != 0 || !strings.Contains(errOut, "exported 2 meetings and tasks") {
		t.Fatalf("export: %d %q", code, errOut)
	}
	for _, want := range []string{`DTSTART;TZID="Eastern Standard Time":20130610T120000`, "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
		"BEGIN:VTODO", "PERCENT-COMPLETE:10"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if code, _, errOut = run(t, db, "export", "--format", "ics", "--dir", t.TempDir()); code != 2 || !strings.Contains(errOut, "do not apply") {
		t.Errorf("ics --dir: %d %q", code, errOut)
	}
}

// A broken meeting is skipped and reported by its record and line (no
// name: it never got one); the task beside it is still imported.
func TestICSImportCLIReportsABrokenMeeting(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	path := filepath.Join(t.TempDir(), "bad.ics")
	ics := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Nowhere:20261301T250000\r\nSUMMARY:Broken\r\nEND:VEVENT\r\n" +
		"BEGIN:VTODO\r\nUID:t\r\nSUMMARY:<script>alert(1)</script>\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(path, []byte(ics), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, db, "import", path)
	if code != 0 || !strings.Contains(out, "1 imported, 0 updated, 1 skipped") ||
		!strings.Contains(out, "  skipped  record 0 (line 4): unreadable: ") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	_, out, _ = run(t, db, "stats", "--json")
	if !strings.Contains(out, `"tasks": 1`) || !strings.Contains(out, `"meetings": 0`) {
		t.Errorf("stats: %s", out)
	}
}
