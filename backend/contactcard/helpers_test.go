package contactcard

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
	"fieldbook/internal/testcorpus"
)

// corpusCard is one card of a corpus file.
type corpusCard struct {
	name string // file name and card index
	card *vcard.Card
}

// corpusFiles lists the .vcf files of the shared corpus, sorted.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	return testcorpus.Files(tb, "vcard", ".vcf")
}

// corpusCards decodes every card of the corpus.
func corpusCards(tb testing.TB) []corpusCard {
	tb.Helper()
	var out []corpusCard
	for _, f := range corpusFiles(tb) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for i, c := range decodeAll(tb, b) {
			out = append(out, corpusCard{filepath.Base(f) + "#" + string(rune('0'+i)), c})
		}
	}
	return out
}

// decodeAll decodes b and fails on a read error.
func decodeAll(tb testing.TB, b []byte) []*vcard.Card {
	tb.Helper()
	cards, _, err := vcard.Decode(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	return cards
}

// readOne decodes the single (or first) card of a corpus file.
func readOne(tb testing.TB, name string) *vcard.Card {
	tb.Helper()
	cards := decodeAll(tb, testcorpus.Read(tb, "vcard/"+name))
	if len(cards) == 0 {
		tb.Fatalf("%s: no card", name)
	}
	return cards[0]
}

// reread encodes c as version v, decodes it and reads the fields back.
func reread(tb testing.TB, c *vcard.Card, v string) (crm.ContactFields, string, []byte) {
	tb.Helper()
	b, err := vcard.Marshal(c, v)
	if err != nil {
		tb.Fatalf("marshal %s: %v", v, err)
	}
	cards, _, err := vcard.Decode(bytes.NewReader(b))
	if err != nil || len(cards) != 1 {
		tb.Fatalf("decode %s: %d cards, %v\n%s", v, len(cards), err, b)
	}
	f, uid := FromCard(cards[0])
	return f, uid, b
}

// diff describes the fields in which a and b differ after Canonical.
func diff(a, b crm.ContactFields) string {
	a, b = Canonical(a), Canonical(b)
	var out []string
	for _, fd := range fieldDefs {
		if !fd.equal(a, b) {
			out = append(out, fd.name+": "+fd.show(a)+" ≠ "+fd.show(b))
		}
	}
	return strings.Join(out, "\n")
}

// equalCards compares two cards deeply (unexported original lines
// included).
func equalCards(a, b *vcard.Card) bool { return reflect.DeepEqual(a, b) }
