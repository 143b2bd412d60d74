package csvimport

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Mapping says what each column of a file means.
type Mapping struct {
	// Header is the file's header row (nil if it has none); custom fields
	// and problems are named after it.
	Header []string
	// Columns maps a column index (0-based) to its target. A column that is
	// not in the map is ignored.
	Columns map[int]Target
	// CategorySeparator splits a categories cell: " ::: " for Google, ";"
	// for Outlook. Empty means any of " ::: ", ";" and ",".
	CategorySeparator string
	// DateOrder resolves ambiguous dates such as 03/04/1990.
	DateOrder DateOrder
}

// Clone returns a copy that can be changed without affecting m.
func (m Mapping) Clone() Mapping {
	m.Header = slices.Clone(m.Header)
	m.Columns = maps.Clone(m.Columns)
	return m
}

// ColumnName returns the header of column i, or "Column N" (1-based) when
// the file has no header or the header is blank.
func (m Mapping) ColumnName(i int) string {
	if i >= 0 && i < len(m.Header) && strings.TrimSpace(m.Header[i]) != "" {
		return strings.TrimSpace(m.Header[i])
	}
	return "Column " + strconv.Itoa(i+1)
}

// Set maps column col to t. A single-valued field (given_name, notes, …)
// previously mapped from another column moves: that column becomes a
// custom field, so its data is still kept.
func (m *Mapping) Set(col int, t Target) error {
	if col < 0 {
		return fmt.Errorf("csvimport: column %d: index must not be negative", col)
	}
	if t.Field == FieldCustom && t.Label == "" {
		t.Label = m.ColumnName(col)
	}
	if m.Columns == nil {
		m.Columns = map[int]Target{}
	}
	if t.Field.Kind() == KindSingle {
		for c, old := range m.Columns {
			if c != col && old.Field == t.Field {
				m.Columns[c] = Target{Field: FieldCustom, Label: m.ColumnName(c)}
			}
		}
	}
	m.Columns[col] = t
	return nil
}

// Apply applies overrides written as "target=column,…" with 0-based column
// indexes, for example "given_name=2,family_name=1,email:work=5,notes=9,
// ignore=4" (see ParseTarget for the target syntax).
func (m *Mapping) Apply(overrides string) error {
	for _, item := range strings.Split(overrides, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		spec, colText, ok := strings.Cut(item, "=")
		if !ok {
			return fmt.Errorf("csvimport: mapping %q: want target=column", item)
		}
		col, err := strconv.Atoi(strings.TrimSpace(colText))
		if err != nil {
			return fmt.Errorf("csvimport: mapping %q: column: %w", item, err)
		}
		t, err := ParseTarget(spec)
		if err != nil {
			return err
		}
		if err := m.Set(col, t); err != nil {
			return err
		}
	}
	return nil
}
