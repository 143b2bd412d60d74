package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Field is one mergeable part of a record of type F, named as in the
// journal and the conflict inbox. Its value is compared, stored in a
// conflict and set back as JSON.
type Field[F any] struct {
	// Name is the field's name (the journal's and the conflict's).
	Name string
	// Ptr returns a pointer to the field inside the record: what
	// encoding/json marshals to read it and unmarshals into to set it.
	Ptr func(*F) any
	// Both merges the two values into dst when the user keeps both sides
	// of a conflict; nil keeps mine and notes the server's value in the
	// schema's notes field.
	Both func(dst *F, mine, theirs F)
	// Copy, when set, copies the field from src into dst during a merge,
	// together with what travels with it but is not compared (a meeting's
	// times carry the VTIMEZONE text they are read in); nil copies the
	// JSON value.
	Copy func(dst *F, src F)
}

// Value is a field whose "keep both" keeps this device's value and adds the
// server's to the notes ("Title on the server: …").
func Value[F, V any](name string, ptr func(*F) *V) Field[F] {
	return Field[F]{Name: name, Ptr: func(f *F) any { return ptr(f) }}
}

// List is a field holding a list; "keep both" keeps the union.
func List[F any, T comparable](name string, ptr func(*F) *[]T) Field[F] {
	return Field[F]{Name: name, Ptr: func(f *F) any { return ptr(f) },
		Both: func(dst *F, mine, theirs F) { *ptr(dst) = unionBy(*ptr(&mine), *ptr(&theirs)) }}
}

// Text is a free text field; "keep both" keeps both texts.
func Text[F any](name string, ptr func(*F) *string) Field[F] {
	return Field[F]{Name: name, Ptr: func(f *F) any { return ptr(f) },
		Both: func(dst *F, mine, theirs F) { *ptr(dst) = joinTexts(*ptr(&mine), *ptr(&theirs)) }}
}

// Schema is the ordered list of a record type's fields that sync: what the
// three-way merge compares one by one and what a conflict names.
type Schema[F any] struct {
	fields []Field[F]
	notes  func(*F) *string
}

// NewSchema returns the schema of fields, in display order. notes is the
// text field where "keep both" writes the server's value of a field that
// cannot hold two values.
func NewSchema[F any](notes func(*F) *string, fields ...Field[F]) *Schema[F] {
	return &Schema[F]{fields: fields, notes: notes}
}

// FieldNames lists the fields that sync, in display order.
func (s *Schema[F]) FieldNames() []string {
	out := make([]string, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.Name
	}
	return out
}

func (s *Schema[F]) field(name string) (Field[F], bool) {
	for _, f := range s.fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field[F]{}, false
}

// valueJSON is a field's value as JSON; empty lists are "[]".
func (fd Field[F]) valueJSON(f F) string {
	b, err := json.Marshal(fd.Ptr(&f))
	if err != nil {
		// Field values are plain data; a value that does not marshal is a
		// programming error, shown rather than hidden.
		return fmt.Sprintf("%q", err.Error())
	}
	if string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// set copies the field's value from src into dst.
func (fd Field[F]) set(dst *F, src F) {
	if fd.Copy != nil {
		fd.Copy(dst, src)
		return
	}
	_ = fd.setJSON(dst, fd.valueJSON(src)) // a value from valueJSON always decodes
}

// setJSON sets the field from its JSON value.
func (fd Field[F]) setJSON(dst *F, v string) error {
	if err := json.Unmarshal([]byte(v), fd.Ptr(dst)); err != nil {
		return fmt.Errorf("field %s: %w", fd.Name, err)
	}
	return nil
}

// SetField sets one named field of dst from its JSON value (as stored in a
// conflict).
func (s *Schema[F]) SetField(dst *F, name, valueJSON string) error {
	fd, ok := s.field(name)
	if !ok {
		return fmt.Errorf("unknown field %q", name)
	}
	return fd.setJSON(dst, valueJSON)
}

// FieldJSON returns one named field of f as JSON.
func (s *Schema[F]) FieldJSON(f F, name string) (string, bool) {
	fd, ok := s.field(name)
	if !ok {
		return "", false
	}
	return fd.valueJSON(f), true
}

// Same reports whether two records agree on every synced field.
func (s *Schema[F]) Same(a, b F) bool {
	return !slices.ContainsFunc(s.fields, func(fd Field[F]) bool { return fd.valueJSON(a) != fd.valueJSON(b) })
}

// Resolve applies the user's decision on a conflict to the record's fields
// and returns them:
//   - mine keeps this device's value (it is uploaded next sync);
//   - theirs takes the server's value;
//   - both keeps every value: lists get the union, texts both texts, and
//     any other field keeps mine while the server's value is added to the
//     notes ("Title on the server: …"), so nothing is lost and no second
//     record appears.
func (s *Schema[F]) Resolve(f F, c crm.Conflict, choice string) (F, error) {
	fd, ok := s.field(c.Field)
	if !ok {
		return f, fmt.Errorf("conflict on unknown field %q", c.Field)
	}
	switch choice {
	case crm.ResolveMine:
		return f, fd.setJSON(&f, c.Mine)
	case crm.ResolveTheirs:
		return f, fd.setJSON(&f, c.Theirs)
	case crm.ResolveBoth:
		return s.keepBoth(f, fd, c)
	}
	return f, crm.FieldError(crm.CodeInvalidInput, "choice", fmt.Sprintf("unknown choice %q (mine, theirs or both)", choice))
}

func (s *Schema[F]) keepBoth(f F, fd Field[F], c crm.Conflict) (F, error) {
	mine, theirs := f, f // the record's own kind decides where a value goes
	if err := fd.setJSON(&mine, c.Mine); err != nil {
		return f, err
	}
	if err := fd.setJSON(&theirs, c.Theirs); err != nil {
		return f, err
	}
	if fd.Both != nil {
		fd.Both(&f, mine, theirs)
		return f, nil
	}
	if err := fd.setJSON(&f, c.Mine); err != nil {
		return f, err
	}
	if v := noteText(c.Theirs); v != "" && s.notes != nil {
		n := s.notes(&f)
		*n = joinTexts(*n, fmt.Sprintf("%s on the server: %s", fieldLabel(c.Field), v))
	}
	return f, nil
}

// noteText is a field value as "keep both" writes it into the notes: a
// string as it is, anything else as its JSON ("" for empty values).
func noteText(valueJSON string) string {
	var v string
	if err := json.Unmarshal([]byte(valueJSON), &v); err == nil {
		return v
	}
	switch valueJSON {
	case "[]", "{}", "null", "false", "0", `""`:
		return ""
	}
	return valueJSON
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
