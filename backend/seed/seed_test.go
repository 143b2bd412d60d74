package seed

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"fieldbook/backend/contacts"
)

func TestSameSeedSameContacts(t *testing.T) {
	a, b, c := NewGenerator(42), NewGenerator(42), NewGenerator(43)
	differ := false
	for i := range 200 {
		x, y, z := a.Contact(), b.Contact(), c.Contact()
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("contact %d differs for the same seed:\n%+v\n%+v", i, x, y)
		}
		differ = differ || !reflect.DeepEqual(x, z)
	}
	if !differ {
		t.Fatal("seeds 42 and 43 gave the same 200 contacts")
	}
}

func TestContactsAreValidAndVaried(t *testing.T) {
	g := NewGenerator(7)
	scripts := map[string]bool{}
	for i := range 2000 {
		f := g.Contact()
		if _, err := contacts.Normalize(f); err != nil {
			t.Fatalf("contact %d (%+v) does not validate: %v", i, f, err)
		}
		for _, r := range f.GivenName {
			for name, tab := range map[string]*unicode.RangeTable{"Latin": unicode.Latin, "Bengali": unicode.Bengali,
				"Cyrillic": unicode.Cyrillic, "Greek": unicode.Greek, "Han": unicode.Han, "Hiragana": unicode.Hiragana} {
				if unicode.Is(tab, r) {
					scripts[name] = true
				}
			}
		}
		if len(f.Emails) == 0 || !strings.Contains(f.Emails[0].Value, "@") {
			t.Fatalf("contact %d has no usable e-mail: %+v", i, f.Emails)
		}
		for _, e := range f.Emails {
			for _, r := range e.Value {
				if r > unicode.MaxASCII {
					t.Fatalf("contact %d: e-mail %q is not ASCII", i, e.Value)
				}
			}
		}
	}
	for _, want := range []string{"Latin", "Bengali", "Cyrillic", "Greek", "Han"} {
		if !scripts[want] {
			t.Errorf("no %s given names in 2000 contacts (got %v)", want, scripts)
		}
	}
}
