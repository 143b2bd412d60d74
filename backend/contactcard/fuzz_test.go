package contactcard

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// FuzzPatch decodes arbitrary bytes, edits one field of every card read
// from them (the edit is chosen by seed) and checks that Patch never panics
// and that the patched card reads back as the edited fields in 3.0 and 4.0.
// It is seeded with every corpus vCard.
func FuzzPatch(f *testing.F) {
	for _, name := range corpusFiles(f) {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint64(len(b)))
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		cards, _, err := vcard.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		r := rand.New(rand.NewPCG(seed, seed>>7))
		for _, base := range cards {
			f0, uid0 := FromCard(base)
			edited := Canonical(f0)
			editOne(r, &edited)
			before := cloneCard(base)
			patched := Patch(base, edited)
			if !equalCards(base, before) {
				t.Fatal("Patch modified base")
			}
			for _, v := range versions {
				out, err := vcard.Marshal(patched, v)
				if err != nil {
					t.Fatalf("marshal %s: %v", v, err)
				}
				back, _, err := vcard.Decode(bytes.NewReader(out))
				if err != nil || len(back) != 1 {
					t.Fatalf("%s: %d cards back, %v\n%s", v, len(back), err, out)
				}
				got, uid := FromCard(back[0])
				if !Equal(got, edited) {
					t.Fatalf("%s: read back differs:\n%s\n--- card:\n%s", v, diff(got, edited), out)
				}
				if uid != uid0 && crm.CleanLine(uid) != crm.CleanLine(uid0) {
					t.Fatalf("%s: uid %q, want %q", v, uid, uid0)
				}
			}
		}
	})
}
