package importexport

import (
	"os"
	"path/filepath"
	"testing"

	"fieldbook/internal/testcorpus"
)

// holdsNoContact are corpus files with nothing a contact could be made of.
var holdsNoContact = map[string]string{
	"sabre__issue64.vcf": "a card with only an empty PHOTO",
	"tine__leads.csv":    "a sales-leads export: no name, company or e-mail column",
}

// TestCorpusImportsEveryFile imports every vCard and CSV file of the shared
// corpus into a fresh database: none may fail or crash, and every record is
// accounted for (imported, merged or skipped with a reason).
func TestCorpusImportsEveryFile(t *testing.T) {
	dir := testcorpus.Dir(t)
	for _, sub := range []string{"vcard", "csv"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, ent := range entries {
			path := filepath.Join(dir, sub, ent.Name())
			t.Run(ent.Name(), func(t *testing.T) {
				e := newEnv(t)
				rep := e.importFile(t, path, Options{})
				if rep.Imported+rep.Merged+rep.Skipped != rep.Records {
					t.Errorf("records %d != imported %d + merged %d + skipped %d", rep.Records, rep.Imported, rep.Merged, rep.Skipped)
				}
				for _, s := range rep.SkippedEntries {
					if s.Reason == "" {
						t.Errorf("skipped record %d without a reason", s.Record)
					}
				}
				if got := len(e.all(t)); got != rep.Imported {
					t.Errorf("database holds %d contacts, report says %d imported", got, rep.Imported)
				}
				wantFormat := FormatVCard
				if sub == "csv" {
					wantFormat = FormatCSV
				}
				if rep.Format != wantFormat {
					t.Errorf("format %q, want %q", rep.Format, wantFormat)
				}
				if why, ok := holdsNoContact[ent.Name()]; ok {
					if rep.Imported != 0 || rep.Skipped != rep.Records || rep.Records == 0 {
						t.Errorf("%s: want every record skipped, got %+v", why, rep)
					}
					for _, s := range rep.SkippedEntries {
						if s.Reason != "empty" {
							t.Errorf("record %d skipped as %q, want empty", s.Record, s.Reason)
						}
					}
				} else if rep.Imported == 0 {
					t.Errorf("nothing imported: %+v", rep)
				}
				t.Logf("%s: %d records, %d imported, %d merged, %d skipped, %d warnings", ent.Name(), rep.Records, rep.Imported, rep.Merged, rep.Skipped, rep.WarningCount)
			})
		}
	}
}
