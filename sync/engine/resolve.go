package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Resolve applies the user's decision on a conflict to the contact's
// fields and returns them:
//   - mine keeps this device's value (it is uploaded next sync);
//   - theirs takes the server's value;
//   - both keeps every value: lists get the union, notes and profile both
//     texts, and any other field keeps mine while the server's value is
//     added to the notes ("Title on the server: …"), so nothing is lost and
//     no second contact appears.
func Resolve(f crm.ContactFields, c crm.Conflict, choice string) (crm.ContactFields, error) {
	fd, ok := fieldByName(c.Field)
	if !ok {
		return f, fmt.Errorf("conflict on unknown field %q", c.Field)
	}
	switch choice {
	case crm.ResolveMine:
		return f, fd.setJSON(&f, c.Mine)
	case crm.ResolveTheirs:
		return f, fd.setJSON(&f, c.Theirs)
	case crm.ResolveBoth:
		return keepBoth(f, fd, c)
	}
	return f, crm.FieldError(crm.CodeInvalidInput, "choice", fmt.Sprintf("unknown choice %q (mine, theirs or both)", choice))
}

func keepBoth(f crm.ContactFields, fd field, c crm.Conflict) (crm.ContactFields, error) {
	var mine, theirs crm.ContactFields
	if err := fd.setJSON(&mine, c.Mine); err != nil {
		return f, err
	}
	if err := fd.setJSON(&theirs, c.Theirs); err != nil {
		return f, err
	}
	switch c.Field {
	case "emails":
		f.Emails = unionBy(mine.Emails, theirs.Emails)
	case "phones":
		f.Phones = unionBy(mine.Phones, theirs.Phones)
	case "urls":
		f.URLs = unionBy(mine.URLs, theirs.URLs)
	case "addresses":
		f.Addresses = unionBy(mine.Addresses, theirs.Addresses)
	case "tags":
		f.Tags = unionBy(mine.Tags, theirs.Tags)
	case "notes":
		f.Notes = joinTexts(mine.Notes, theirs.Notes)
	case "profile":
		f.Profile = joinTexts(mine.Profile, theirs.Profile)
	default:
		if err := fd.setJSON(&f, c.Mine); err != nil {
			return f, err
		}
		var v string
		if err := json.Unmarshal([]byte(c.Theirs), &v); err != nil {
			return f, fmt.Errorf("field %s: %w", c.Field, err)
		}
		if v != "" {
			f.Notes = joinTexts(f.Notes, fmt.Sprintf("%s on the server: %s", fieldLabel(c.Field), v))
		}
	}
	return f, nil
}

func unionBy[T comparable](a, b []T) []T {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func joinTexts(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case b == "" || strings.Contains(a, b):
		return a
	case a == "":
		return b
	}
	return a + "\n\n" + b
}

// fieldLabel is a field's name in English for the note "keep both" writes.
func fieldLabel(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
			r += 'a' - 'A'
		}
		if i == 0 && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
