package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/internal/testcorpus"
)

const wizardCSV = "Vorname,Nachname,E-Mail-Adresse,Mobiltelefon,Firma\r\n" +
	"Jürgen,Müller,j@example.de,+49 170 1,Ünternehmen\r\n" +
	",,,,\r\n" +
	",,,,Nur Firma\r\n" +
	",,,+49 170 2,\r\n"

func waitDone(t *testing.T, s *Services, id string) ImportJob {
	t.Helper()
	for range 500 {
		job, err := s.ImportExport.ImportResult(id)
		if err != nil {
			t.Fatal(err)
		}
		if job.State != "running" {
			return job
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("import did not finish")
	return ImportJob{}
}

func TestImportWizardFlow(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	path := filepath.Join(t.TempDir(), "kontakte.csv")
	if err := os.WriteFile(path, []byte(wizardCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := s.ImportExport.PreviewImport(ImportRequest{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "csv" || p.Encoding != "utf-8" || p.Delimiter != "," || p.Source != "outlook" || p.Language != "de" {
		t.Errorf("preview detection %+v", p)
	}
	var targets []string
	for _, c := range p.Columns {
		targets = append(targets, c.Target)
	}
	if len(targets) != 5 || targets[0] != "given_name" || targets[1] != "family_name" || !strings.HasPrefix(targets[2], "email") {
		t.Errorf("targets %v", targets)
	}
	if len(p.Records) != 3 || p.Records[0].DisplayName != "Jürgen Müller" || p.Records[2].Skip != "empty" || p.Records[0].Fields.Tags == nil {
		t.Errorf("records %+v", p.Records)
	}
	// The user ignores the company column.
	id, err := s.ImportExport.StartImport(ImportRequest{Path: path, Columns: []ColumnChoice{{Index: 4, Target: "ignore"}}})
	if err != nil {
		t.Fatal(err)
	}
	job := waitDone(t, s, id)
	if job.State != "done" || job.Imported != 1 || job.Skipped != 2 || len(job.SkippedEntries) != 2 || job.SkippedEntries[0].Reason != "empty" {
		t.Fatalf("job %+v", job)
	}
	page, err := s.Contacts.List(ListContactsRequest{Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].DisplayName != "Jürgen Müller" {
		t.Fatalf("list %+v %v", page, err)
	}
	got := ev.take()
	if !slices.Contains(got, EventImportProgress) || !slices.Contains(got, EventImportDone) || !slices.Contains(got, EventContactsChanged) {
		t.Errorf("events %v", got)
	}

	// Export the one contact as vCard 4.0, then everything as one file per contact.
	out := filepath.Join(t.TempDir(), "out.vcf")
	res, err := s.ImportExport.ExportContacts(ExportRequest{Format: "vcard4", Query: "müller", Path: out})
	if err != nil || res.Count != 1 {
		t.Fatalf("export %+v %v", res, err)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "VERSION:4.0") || !strings.Contains(string(b), "FN:Jürgen Müller") {
		t.Errorf("export:\n%s", b)
	}
	dir := t.TempDir()
	res, err = s.ImportExport.ExportContacts(ExportRequest{Format: "csv", Path: dir, OnePerContact: true})
	if err != nil || res.Count != 1 || filepath.Base(res.Paths[0]) != "Jürgen Müller.csv" {
		t.Fatalf("export files %+v %v", res, err)
	}
}

func TestImportOfAnICSFileAnnouncesCalendarAndTasks(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	path := filepath.Join(t.TempDir(), "plan.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:m1@test\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\nSUMMARY:Kick-off\r\nEND:VEVENT\r\n" +
		"BEGIN:VTODO\r\nUID:t1@test\r\nDTSTAMP:20260301T000000Z\r\nDUE:20260303T120000Z\r\nSUMMARY:Send the quote\r\nEND:VTODO\r\n" +
		"END:VCALENDAR\r\n"
	if err := os.WriteFile(path, []byte(ics), 0o644); err != nil {
		t.Fatal(err)
	}
	id, err := s.ImportExport.StartImport(ImportRequest{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if job := waitDone(t, s, id); job.State != "done" || job.Imported != 2 {
		t.Fatalf("job %+v", job)
	}
	got := ev.take()
	if !slices.Contains(got, EventCalendarChanged) || !slices.Contains(got, EventTasksChanged) || slices.Contains(got, EventContactsChanged) {
		t.Errorf("events %v; want calendar:changed and tasks:changed, not contacts:changed", got)
	}
}

func TestImportErrorsAreClear(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "s.db"))
	_, err := s.ImportExport.StartImport(ImportRequest{Path: "/no/such/file.csv"})
	var ce *crm.Error
	if !errors.As(err, &ce) || ce.Code != crm.CodeFileUnreadable {
		t.Errorf("missing file: %v", err)
	}
	_, err = s.ImportExport.PreviewImport(ImportRequest{Path: "/no/such/file.csv"})
	if !errors.As(err, &ce) || ce.Code != crm.CodeFileUnreadable {
		t.Errorf("preview of a missing file: %v", err)
	}
	_, err = s.ImportExport.StartImport(ImportRequest{Path: "/x", OnDuplicate: "keep"})
	if !errors.As(err, &ce) || ce.Code != crm.CodeInvalidInput {
		t.Errorf("bad duplicate choice: %v", err)
	}
	if _, err := s.ImportExport.ChooseImportFile(); err == nil {
		t.Error("dialogs without a window should fail")
	}
	if err := s.ImportExport.CancelImport("nope"); !errors.As(err, &ce) || ce.Code != crm.CodeNotFound {
		t.Errorf("cancel unknown: %v", err)
	}
}

func TestImportExportCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	file := filepath.Join(testcorpus.Dir(t), "vcard", "ezvcard__John_Doe_ANDROID.vcf")
	// Two of the six Android cards share the mobile number 123456: the
	// Duplicates view's rules merge the second into the first.
	code, out, errOut := run(t, db, "import", file)
	if code != 0 || !strings.Contains(out, "6 records (vcard): 5 imported, 1 merged, 0 skipped") ||
		!strings.Contains(out, "same phone") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, db, "import", "--json", "--format", "csv", filepath.Join(testcorpus.Dir(t), "csv", "tine__leads.csv"))
	var rep struct{ Imported, Skipped int }
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Imported != 0 || rep.Skipped != 2 {
		t.Fatalf("import --json: %d %q", code, out)
	}
	code, out, _ = run(t, db, "export", "--format", "vcard4")
	if code != 0 || strings.Count(out, "BEGIN:VCARD") != 5 || !strings.Contains(out, "VERSION:4.0") {
		t.Fatalf("export: %d %q", code, out)
	}
	target := filepath.Join(t.TempDir(), "all.csv")
	code, _, errOut = run(t, db, "export", "--format", "csv", "-o", target)
	b, _ := os.ReadFile(target)
	if code != 0 || !strings.Contains(errOut, "exported 5 contacts") || !strings.Contains(string(b), "First Name") {
		t.Fatalf("export -o: %d %q", code, errOut)
	}
	if code, _, errOut = run(t, db, "export", "--format", "pdf"); code != 2 || !strings.Contains(errOut, "unknown export format") {
		t.Errorf("bad format: %d %q", code, errOut)
	}
	if code, _, errOut = run(t, db, "import"); code != 2 || !strings.Contains(errOut, "give one file") {
		t.Errorf("no file: %d %q", code, errOut)
	}
	if code, _, errOut = run(t, db, "import", "/no/such.vcf"); code != 1 || !strings.Contains(errOut, "cannot open") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
}
