package vcard

import (
	"strings"
	"testing"
)

// TestEditAPI covers Set, Add, InsertAfter, Replace, Remove, RemoveAll and
// RemoveGroup, and checks untouched lines keep their bytes.
func TestEditAPI(t *testing.T) {
	c := one(t, "tine__ios_5_addressbook.vcf")
	before := logicalLines([]byte(encodeString(t, c, Version30)))
	untouched := map[string]bool{}
	for _, l := range before {
		untouched[l] = true
	}

	c.Set("TITLE", "CEO, Europe")
	nick := c.Set("NICKNAME", "")
	nick.SetValues("Lars", "LP")
	note := NewProperty("X-FIELDBOOK-ID", "42")
	c.InsertAfter(c.Get("UID"), note)
	work := c.All("EMAIL")[1]
	repl := NewProperty("EMAIL", "lars@work.example")
	repl.AddParam("type", "INTERNET", "WORK")
	if !c.Replace(work, repl) {
		t.Fatal("Replace")
	}
	if n := c.RemoveGroup("ITEM4"); n != 2 {
		t.Errorf("RemoveGroup removed %d", n)
	}
	if n := c.RemoveAll("x-abadr"); n != 2 {
		t.Errorf("RemoveAll removed %d", n)
	}
	if c.Remove(work) {
		t.Errorf("removed a property that was replaced")
	}

	after := logicalLines([]byte(encodeString(t, c, Version30)))
	want := map[string]bool{
		`TITLE:CEO\, Europe`:                         true,
		"NICKNAME:Lars,LP":                           true,
		"X-FIELDBOOK-ID:42":                          true,
		"EMAIL;type=INTERNET,WORK:lars@work.example": true,
	}
	for _, l := range after {
		if untouched[l] {
			continue
		}
		if !want[l] {
			t.Errorf("unexpected new line %q", l)
		}
		delete(want, l)
	}
	for l := range want {
		t.Errorf("missing line %q", l)
	}
	joined := strings.Join(after, "\n")
	for _, gone := range []string{"item4.URL", "X-ABADR", "l.kneschke@metaways.de"} {
		if strings.Contains(joined, gone) {
			t.Errorf("%s still present", gone)
		}
	}
	if !strings.Contains(joined, "UID:20485418136d9bfbe50cecb587cb12afb0a0cec9\nX-FIELDBOOK-ID:42") {
		t.Errorf("InsertAfter misplaced")
	}
}

// TestAccessors covers the typed accessors.
func TestAccessors(t *testing.T) {
	c := one(t, "ezvcard__rfc6350-example.vcf")
	tel := c.Preferred("TEL")
	eq(t, "preferred TEL", tel.Value, "tel:+1-418-656-9254;ext=102")
	eq(t, "types", tel.Types(), []string{"WORK", "VOICE"})
	eq(t, "has type", tel.HasType("voice"), true)
	eq(t, "pref", tel.Pref(), 1)
	eq(t, "LANG pref 2", c.All("LANG")[1].Pref(), 2)
	n := c.Get("N")
	eq(t, "structured", n.IsStructured(), true)
	eq(t, "suffixes", n.Components()[4], []string{"ing. jr", "M.Sc."})
	eq(t, "component join", n.Component(4), "ing. jr,M.Sc.")
	eq(t, "missing component", n.Component(9), "")
	eq(t, "text", n.Text(), "Perreault;Simon;;;ing. jr,M.Sc.")
	eq(t, "GEO raw", c.Value("GEO"), "geo:46.772673,-71.282945")
	if _, _, err := c.Get("KEY").Data(); err != ErrNotInline {
		t.Errorf("KEY uri Data: %v", err)
	}
	eq(t, "no label", c.Label(tel), "")
	eq(t, "absent", c.Get("NOPE") == nil, true)
	eq(t, "value of absent", c.Value("NOPE"), "")
	p := NewProperty("x-custom", "v")
	eq(t, "name upper", p.Name, "X-CUSTOM")
	p.SetParam("X-A", "1")
	p.SetParam("X-A", "2", "3")
	eq(t, "SetParam replaces", p.ParamValues("x-a"), []string{"2", "3"})
	p.SetParam("X-A")
	eq(t, "SetParam removes", p.HasParam("X-A"), false)
}
