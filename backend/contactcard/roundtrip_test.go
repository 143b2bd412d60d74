package contactcard

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// versions are the versions the sync engine writes.
var versions = []string{vcard.Version30, vcard.Version40}

// editsPerCard is how many random edits each corpus card gets.
const editsPerCard = 40

// TestPatchCorpusProperty patches every corpus card with random edits and
// checks that the patched card reads back as the edited fields in 3.0 and
// 4.0, that base is left alone, and that every property of an unchanged
// field survives with its original bytes.
func TestPatchCorpusProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 6350))
	for _, cc := range corpusCards(t) {
		base := cc.card
		f0, _ := FromCard(base)
		for i := range editsPerCard {
			f := editFields(r, f0)
			checkPatch(t, cc.name, i, base, f)
		}
	}
}

// TestPatchUnchangedIsIdentity: patching with the card's own fields
// changes nothing (a missing FN aside, which Patch adds).
func TestPatchUnchangedIsIdentity(t *testing.T) {
	for _, cc := range corpusCards(t) {
		f0, _ := FromCard(cc.card)
		got := Patch(cc.card, f0)
		want := cloneCard(cc.card)
		if cc.card.Get("FN") == nil {
			got.Remove(got.Get("FN"))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: patch with unchanged fields changed the card", cc.name)
		}
	}
}

// checkPatch runs the checks of one Patch call.
func checkPatch(t *testing.T, name string, i int, base *vcard.Card, f crm.ContactFields) {
	t.Helper()
	before := cloneCard(base)
	f0, uid0 := FromCard(base)
	patched := Patch(base, f)
	if !reflect.DeepEqual(base, before) {
		t.Fatalf("%s edit %d: Patch modified base", name, i)
	}
	for _, v := range versions {
		got, uid, b := reread(t, patched, v)
		if !Equal(got, f) {
			t.Fatalf("%s edit %d (%s): read back differs:\n%s\n--- card:\n%s", name, i, v, diff(got, f), b)
		}
		if uid != uid0 {
			t.Fatalf("%s edit %d (%s): uid %q, want %q", name, i, v, uid, uid0)
		}
	}
	checkPreserved(t, name, i, base, patched, f0, f)
	checkKeptRows(t, name, i, base, patched, f)
}

// checkPreserved verifies that every property of base that carries no
// changed field is in patched unchanged (same Property value, original line
// included) and, for 3.0/4.0 cards, is written from its original bytes.
func checkPreserved(t *testing.T, name string, i int, base, patched *vcard.Card, f0, f crm.ContactFields) {
	t.Helper()
	touchable := map[string]bool{}
	for _, fd := range fieldDefs {
		if !fd.equal(Canonical(f0), Canonical(f)) {
			for _, p := range fd.props {
				touchable[p] = true
			}
		}
	}
	touchedGroups := map[string]bool{}
	for _, p := range base.Properties {
		if touchable[p.Name] && p.Group != "" {
			touchedGroups[strings.ToLower(p.Group)] = true
		}
	}
	var out []byte
	sameVersion := base.Version == vcard.Version30 || base.Version == vcard.Version40
	if sameVersion {
		var err error
		if out, err = vcard.Marshal(patched, base.Version); err != nil {
			t.Fatal(err)
		}
	}
	used := make([]bool, len(patched.Properties))
	for _, p := range base.Properties {
		if touchable[p.Name] || touchedGroups[strings.ToLower(p.Group)] && (p.Name == "X-ABLABEL" || p.Name == "X-ABADR") {
			continue
		}
		found := false
		for j, q := range patched.Properties {
			if !used[j] && reflect.DeepEqual(p, q) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			t.Fatalf("%s edit %d: property %s (line %d) of an unchanged field is gone or changed", name, i, p.Name, p.Line)
		}
		if sameVersion && p.Name != "VERSION" {
			line := marshalOne(t, base.Version, p)
			if !bytes.Contains(out, line) {
				t.Fatalf("%s edit %d: %s not written from its original bytes:\n%q\nin\n%s", name, i, p.Name, line, out)
			}
		}
	}
}

// checkKeptRows verifies that a row of a changed list whose value and
// label are still wanted keeps its property (moved at most), unless a
// preference mark had to be cleared.
func checkKeptRows(t *testing.T, name string, i int, base, patched *vcard.Card, f crm.ContactFields) {
	t.Helper()
	f = Canonical(f)
	wantKeys := map[string]int{}
	for _, r := range f.Emails {
		wantKeys["EMAIL"+row{v: r}.key()]++
	}
	for _, r := range f.Phones {
		wantKeys["TEL"+row{v: r}.key()]++
	}
	for _, r := range f.URLs {
		wantKeys["URL"+row{v: r}.key()]++
	}
	for _, a := range f.Addresses {
		wantKeys["ADR"+addrKey(a)]++
	}
	var have []item
	for _, n := range []string{"EMAIL", "TEL", "URL"} {
		for _, r := range rowsOf(base, n) {
			have = append(have, item{r.p, n + r.key()})
		}
	}
	for _, r := range addressesOf(base) {
		have = append(have, item{r.p, "ADR" + r.key()})
	}
	baseCount, keptCount, prefCount := map[string]int{}, map[string]int{}, map[string]int{}
	used := make([]bool, len(patched.Properties))
	for _, it := range have {
		baseCount[it.key]++
		if it.p.Pref() > 0 {
			prefCount[it.key]++
		}
		for j, q := range patched.Properties {
			if !used[j] && reflect.DeepEqual(it.p, q) {
				used[j] = true
				keptCount[it.key]++
				break
			}
		}
	}
	for k, n := range baseCount {
		if need := min(n, wantKeys[k]) - prefCount[k]; keptCount[k] < need {
			t.Fatalf("%s edit %d: %d of the rows %q kept, want %d", name, i, keptCount[k], k, need)
		}
	}
}

// marshalOne returns the content line(s) Encode writes for p alone.
func marshalOne(t *testing.T, version string, p *vcard.Property) []byte {
	t.Helper()
	b, err := vcard.Marshal(&vcard.Card{Version: version, Properties: []*vcard.Property{p}}, version)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimPrefix(b, []byte("BEGIN:VCARD\r\nVERSION:"+version+"\r\n"))
	return bytes.TrimSuffix(b, []byte("END:VCARD\r\n"))
}

// TestNewCardRoundTrip: a new card reads back as the fields and UID it was
// made from, in 3.0 and 4.0.
func TestNewCardRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 42))
	uids := []string{"", "urn:uuid:0190f1c2-7e4b-7000-8000-000000000001", "abc;def,ghi\\jk", "日本"}
	for i := range 3000 {
		f := randFields(r)
		uid := uids[r.IntN(len(uids))]
		c := NewCard(f, uid)
		for _, v := range versions {
			got, gotUID, b := reread(t, c, v)
			if !Equal(got, f) || gotUID != uid {
				t.Fatalf("case %d (%s): read back differs (uid %q want %q):\n%s\n--- card:\n%s", i, v, gotUID, uid, diff(got, f), b)
			}
		}
	}
}

// TestPatchRandomBase patches cards made by NewCard with random edits.
func TestPatchRandomBase(t *testing.T) {
	r := rand.New(rand.NewPCG(99, 1))
	for i := range 1500 {
		f0 := randFields(r)
		for _, v := range versions {
			b, err := vcard.Marshal(NewCard(f0, "u"), v)
			if err != nil {
				t.Fatal(err)
			}
			base := decodeAll(t, b)[0]
			checkPatch(t, "random/"+v, i, base, editFields(r, f0))
		}
	}
}
