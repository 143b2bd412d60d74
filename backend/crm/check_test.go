package crm

import (
	"slices"
	"strings"
	"testing"
)

func TestValidateEmail(t *testing.T) {
	for _, ok := range []string{"a@b.example", "first.last+tag@sub.example.org", "x@localhost"} {
		if err := ValidateEmail(ok); err != nil {
			t.Errorf("ValidateEmail(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"", "plain", "@b.example", "a@", "a@.example", "a@example.", "Ann <a@b.example>", " a@b.example", "a@b@c", strings.Repeat("a", 250) + "@b.example"} {
		if err := ValidateEmail(bad); err == nil {
			t.Errorf("ValidateEmail(%q) accepted a bad address", bad)
		}
	}
}

func TestFieldChanges(t *testing.T) {
	var c FieldChanges
	if c != nil {
		t.Fatal("zero FieldChanges is not nil")
	}
	c.Add("title", false)
	if c != nil {
		t.Errorf("an unchanged field was recorded: %q", c)
	}
	c.Add("title", true)
	c.Add("notes", false)
	c.Add("due", true)
	if want := []string{"title", "due"}; !slices.Equal(c, want) {
		t.Errorf("FieldChanges = %q, want %q", c, want)
	}
}
