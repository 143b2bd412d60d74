package crm

import (
	"errors"
	"fmt"
	"regexp"
	"testing"
	"time"
)

func TestNewIDIsUUIDv7OrderedByTime(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	seen := map[string]bool{}
	prev := ""
	for i := range 1000 {
		id := NewID(t0.Add(time.Duration(i) * time.Millisecond))
		if !re.MatchString(id) {
			t.Fatalf("%q is not a UUIDv7", id)
		}
		if seen[id] || id <= prev {
			t.Fatalf("id %d (%s) repeats or sorts before the previous (%s)", i, id, prev)
		}
		seen[id], prev = true, id
	}
	if a, b := NewID(t0), NewID(t0); a == b {
		t.Fatal("two IDs in the same millisecond are equal")
	}
}

func TestDisplayNameAndSortKey(t *testing.T) {
	for _, tc := range []struct {
		f             ContactFields
		display, sort string
	}{
		{ContactFields{Prefix: "Dr.", GivenName: "Ada", MiddleName: "A.", FamilyName: "Lovelace", Suffix: "FRS"}, "Dr. Ada A. Lovelace FRS", "lovelace ada a."},
		{ContactFields{GivenName: "Cher"}, "Cher", "cher"},
		{ContactFields{Company: "Acme"}, "Acme", "acme"},
		{ContactFields{Emails: []LabeledValue{{Value: "x@y.z"}}}, "x@y.z", "x@y.z"},
		{ContactFields{GivenName: "রহিম", FamilyName: "আহমেদ"}, "রহিম আহমেদ", "আহমেদ রহিম"},
		{ContactFields{}, "", ""},
	} {
		if got := tc.f.DisplayName(); got != tc.display {
			t.Errorf("DisplayName(%+v) = %q; want %q", tc.f, got, tc.display)
		}
		if got := tc.f.SortKey(); got != tc.sort {
			t.Errorf("SortKey(%+v) = %q; want %q", tc.f, got, tc.sort)
		}
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	e := FieldError(CodeEmailInvalid, "emails.0", "bad")
	wrapped := fmt.Errorf("saving: %w", e)
	if ErrorCode(wrapped) != CodeEmailInvalid || ErrorMessage(wrapped) != "bad" {
		t.Fatalf("wrapped: %q %q", ErrorCode(wrapped), ErrorMessage(wrapped))
	}
	plain := errors.New("disk full")
	if ErrorCode(plain) != CodeInternal || ErrorMessage(plain) == "disk full" {
		t.Fatalf("plain: %q %q", ErrorCode(plain), ErrorMessage(plain))
	}
	if ErrorCode(nil) != "" {
		t.Fatal("nil error has a code")
	}
	if got := e.Error(); got != "email_invalid: bad (emails.0)" {
		t.Fatalf("Error() = %q", got)
	}
}
