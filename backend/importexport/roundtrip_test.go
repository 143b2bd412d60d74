package importexport

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fieldbook/backend/vcard"
	"fieldbook/internal/testcorpus"
)

func exportAll(t *testing.T, e env, format ExportFormat) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Export(context.Background(), e.db, &buf, format, nil); err != nil {
		t.Fatalf("export: %v", err)
	}
	return buf.Bytes()
}

func TestUnknownGroupedPropertySurvivesExport(t *testing.T) {
	e, _, _ := importCorpus(t, "vcard/vc4a__unknown-properties-with-labels.vcf")
	for _, f := range []ExportFormat{ExportVCard3, ExportVCard4} {
		out := string(exportAll(t, e, f))
		for _, want := range []string{"item1.X-Unknown:TestValue\r\n", "item1.X-ABLabel:TestLabel\r\n", "FN:Unknown property with label\r\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s export lacks %q:\n%s", f, want, out)
			}
		}
	}
}

func TestEditedContactKeepsUnknownProperties(t *testing.T) {
	e, _, cs := importCorpus(t, "vcard/ezvcard__John_Doe_IPHONE.vcf")
	c := only(t, cs).Contact
	f := c.ContactFields
	f.GivenName = "Johnny"
	if _, err := e.svc.Update(context.Background(), c.ID, c.Version, f); err != nil {
		t.Fatal(err)
	}
	out := string(exportAll(t, e, ExportVCard3))
	for _, want := range []string{"Johnny", "item2.X-ABLabel:_$!<AssistantPhone>!$_", "item3.X-ABADR:Silicon Alley", "PHOTO"} {
		if !strings.Contains(out, want) {
			t.Errorf("export after an edit lacks %q", want)
		}
	}
}

// propKey identifies a property for the round-trip comparison.
func propKey(p *vcard.Property) string {
	return strings.ToLower(p.Group) + "." + p.Name + "=" + p.Value
}

// TestCorpusRoundTrip imports every corpus vCard, exports it (3.0 and
// 4.0), and checks that every X- property and every grouped property of the
// original is in the export, and that importing the export and exporting
// again gives the same bytes.
func TestCorpusRoundTrip(t *testing.T) {
	dir := filepath.Join(testcorpus.Dir(t), "vcard")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, ent := range entries {
		if _, skip := holdsNoContact[ent.Name()]; skip {
			continue
		}
		path := filepath.Join(dir, ent.Name())
		for _, format := range []ExportFormat{ExportVCard3, ExportVCard4} {
			t.Run(ent.Name()+"/"+string(format), func(t *testing.T) {
				e := newEnv(t)
				e.importFile(t, path, Options{})
				first := exportAll(t, e, format)

				orig, _, _ := vcard.Decode(bytes.NewReader(testcorpus.Read(t, "vcard/"+ent.Name())))
				exported, _, err := vcard.Decode(bytes.NewReader(first))
				if err != nil {
					t.Fatal(err)
				}
				have := map[string]bool{}
				for _, c := range exported {
					for _, p := range c.Properties {
						have[propKey(p)] = true
					}
				}
				for _, c := range orig {
					for _, p := range c.Properties {
						if !strings.HasPrefix(p.Name, "X-") && p.Group == "" {
							continue
						}
						if !have[propKey(p)] {
							t.Errorf("export lost %s", propKey(p))
						}
					}
				}

				e2 := newEnv(t)
				e2.importFile(t, writeFile(t, "first.vcf", first), Options{})
				second := exportAll(t, e2, format)
				if !bytes.Equal(first, second) {
					t.Errorf("export → import → export changed the file:\n--- first\n%s\n--- second\n%s", first, second)
				}
			})
		}
	}
}
