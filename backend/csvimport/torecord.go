package csvimport

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
)

// multiValueSeparator separates several values in one Google cell.
const multiValueSeparator = " ::: "

// googleSystemGroups are Google's built-in groups, which are not categories.
var googleSystemGroups = map[string]bool{"my contacts": true, "mycontacts": true}

// itemID identifies the e-mail, phone, address or website a column belongs to.
type itemID struct {
	kind  Kind
	label string
	index int
}

// itemKey returns the item a target belongs to; a label column belongs to
// the item of its value column.
func itemKey(t Target) itemID {
	return itemID{kind: t.Field.Kind(), label: t.Label, index: t.Index}
}

// colValue is a value and the column it came from.
type colValue struct {
	col int
	v   string
}

// itemBuilder collects the columns of one multi-valued item.
type itemBuilder struct {
	id       itemID
	kind     Kind
	label    string // fixed label from the mapping
	fileLbl  string // label from a label column
	primary  bool
	values   []colValue // e-mail, phone or website values
	addr     Address
	streets  [3]string
	hasValue bool
}

// ToRecord maps a row to a Record. Values are trimmed and empty ones
// skipped. Problems (a malformed e-mail, an unreadable date, a value beyond
// the header) are reported, never fatal; a value that cannot be stored in
// its field is kept as a custom field.
func ToRecord(row Row, m Mapping) (Record, []Problem) {
	return toRecord(row, m, time.Now())
}

// toRecord is ToRecord with a fixed "now" for two-digit years.
func toRecord(row Row, m Mapping, now time.Time) (Record, []Problem) {
	rec := Record{Line: row.Line}
	var problems []Problem
	problem := func(col int, f Field, v, msg string) {
		problems = append(problems, Problem{Line: row.Line, Column: col, Header: m.ColumnName(col), Field: f, Value: v, Message: msg})
	}
	var items []*itemBuilder
	var birth [3]string // year, month, day columns

	for col, raw := range row.Fields {
		v := strings.TrimSpace(raw)
		if v == "" {
			continue
		}
		t, mapped := m.Columns[col]
		if !mapped {
			if col >= len(m.Header) {
				problem(col, FieldCustom, v, "value beyond the last column of the header")
				rec.Custom = append(rec.Custom, CustomField{Name: m.ColumnName(col), Value: v})
			}
			continue
		}
		if omitted(t, v) {
			continue
		}
		switch kind := t.Field.Kind(); kind {
		case KindEmail, KindPhone, KindAddress, KindWebsite:
			id := itemKey(t)
			var it *itemBuilder
			for _, x := range items {
				if x.id == id {
					it = x
					break
				}
			}
			if it == nil {
				it = &itemBuilder{id: id, kind: kind, label: t.Label}
				items = append(items, it)
			}
			it.add(t.Field, v, col)
			continue
		}
		switch t.Field {
		case FieldIgnore:
		case FieldCustom:
			name := t.Label
			if name == "" {
				name = m.ColumnName(col)
			}
			rec.Custom = append(rec.Custom, CustomField{Name: name, Value: v})
		case FieldBirthday, FieldAnniversary:
			d, err := parseDate(v, m.DateOrder, now)
			if err != nil {
				problem(col, t.Field, v, "unreadable date, kept as a custom field")
				rec.Custom = append(rec.Custom, CustomField{Name: m.ColumnName(col), Value: v})
				continue
			}
			if t.Field == FieldBirthday {
				rec.Birthday = d
			} else {
				rec.Anniversary = d
			}
		case FieldBirthYear:
			birth[0] = v
		case FieldBirthMonth:
			birth[1] = v
		case FieldBirthDay:
			birth[2] = v
		case FieldCategories:
			rec.Categories = appendCategories(rec.Categories, v, m.CategorySeparator)
		case FieldNotes:
			if rec.Notes != "" {
				rec.Notes += "\n"
			}
			rec.Notes += strings.ReplaceAll(raw, "\r\n", "\n")
			rec.Notes = strings.TrimSpace(rec.Notes)
		default:
			setSingle(&rec, t.Field, v)
		}
	}
	if birth != [3]string{} {
		d, err := birthFromParts(birth)
		switch {
		case err != nil:
			problems = append(problems, Problem{Line: row.Line, Column: -1, Field: FieldBirthday,
				Value: strings.Join(birth[:], "/"), Message: fmt.Sprintf("unreadable birth date %s, kept as custom fields", strings.Join(birth[:], "-"))})
			for i, name := range []string{"Birth Year", "Birth Month", "Birth Day"} {
				if birth[i] != "" {
					rec.Custom = append(rec.Custom, CustomField{Name: name, Value: birth[i]})
				}
			}
		case rec.Birthday.IsZero():
			rec.Birthday = d
		}
	}
	for _, it := range items {
		it.finish(&rec, func(cv colValue, f Field, msg string) { problem(cv.col, f, cv.v, msg) })
	}
	return rec, problems
}

// omitted reports whether v is one of the target's "means empty" values.
func omitted(t Target, v string) bool {
	for _, o := range t.Omit {
		if strings.EqualFold(o, v) {
			return true
		}
	}
	return false
}

// setSingle stores a single-valued field; a second value for the same field
// is appended after a space.
func setSingle(rec *Record, f Field, v string) {
	var dst *string
	switch f {
	case FieldPrefix:
		dst = &rec.Prefix
	case FieldGivenName:
		dst = &rec.GivenName
	case FieldMiddleName:
		dst = &rec.MiddleName
	case FieldFamilyName:
		dst = &rec.FamilyName
	case FieldSuffix:
		dst = &rec.Suffix
	case FieldNickname:
		dst = &rec.Nickname
	case FieldDisplayName:
		dst = &rec.DisplayName
	case FieldCompany:
		dst = &rec.Company
	case FieldDepartment:
		dst = &rec.Department
	case FieldTitle:
		dst = &rec.Title
	default:
		return
	}
	if *dst == "" {
		*dst = v
	} else {
		*dst += " " + v
	}
}

// appendCategories splits a categories cell and appends the new names.
func appendCategories(cats []string, v, sep string) []string {
	var parts iter.Seq[string]
	switch {
	case sep != "":
		parts = strings.SplitSeq(v, sep)
	case strings.Contains(v, multiValueSeparator):
		parts = strings.SplitSeq(v, multiValueSeparator)
	default:
		parts = strings.FieldsFuncSeq(v, func(r rune) bool { return r == ';' || r == ',' })
	}
	for p := range parts {
		p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "* "))
		if p == "" || googleSystemGroups[strings.ToLower(p)] || slices.Contains(cats, p) {
			continue
		}
		cats = append(cats, p)
	}
	return cats
}

// birthFromParts builds a birthday from Thunderbird's year, month and day
// columns; the year may be missing.
func birthFromParts(p [3]string) (Date, error) {
	var n [3]int
	for i, s := range p {
		if s == "" {
			continue
		}
		if !isDigits(s) {
			return Date{}, errBadDate
		}
		n[i] = atoi(s)
	}
	if n[1] == 0 && n[2] == 0 {
		return Date{}, errors.Join(errBadDate, errors.New("no month and day"))
	}
	return checkDate(n[0], n[1], n[2], strings.Join(p[:], "-"))
}

// add records one column's value.
func (it *itemBuilder) add(f Field, v string, col int) {
	switch f {
	case FieldEmailLabel, FieldPhoneLabel, FieldAddressLabel, FieldWebsiteLabel:
		it.fileLbl, it.primary = normalizeLabel(v)
		return
	case FieldEmail, FieldPhone, FieldWebsite:
		for part := range strings.SplitSeq(v, multiValueSeparator) {
			if part = strings.TrimSpace(part); part != "" {
				it.values = append(it.values, colValue{col: col, v: part})
			}
		}
	case FieldStreet:
		it.streets[0] = v
	case FieldStreet2:
		it.streets[1] = v
	case FieldStreet3:
		it.streets[2] = v
	case FieldExtended:
		it.addr.Extended = v
	case FieldPOBox:
		it.addr.POBox = v
	case FieldCity:
		it.addr.City = v
	case FieldRegion:
		it.addr.Region = v
	case FieldPostcode:
		it.addr.Postcode = v
	case FieldCountry:
		it.addr.Country = v
	case FieldAddress:
		it.addr.Formatted = strings.ReplaceAll(v, "\r\n", "\n")
	}
	it.hasValue = true
}

// finish appends the item to the record, validating e-mails and phones.
func (it *itemBuilder) finish(rec *Record, problem func(cv colValue, f Field, msg string)) {
	if !it.hasValue {
		return // a label without a value
	}
	label := it.label
	if it.fileLbl != "" {
		label = it.fileLbl
	}
	switch it.kind {
	case KindEmail:
		for i, cv := range it.values {
			clean, msg := cleanEmail(cv.v)
			if msg != "" {
				problem(cv, FieldEmail, msg)
			}
			rec.Emails = append(rec.Emails, LabeledValue{Label: label, Value: clean, Primary: it.primary && i == 0})
		}
	case KindPhone:
		for i, cv := range it.values {
			if msg := checkPhone(cv.v); msg != "" {
				problem(cv, FieldPhone, msg)
			}
			rec.Phones = append(rec.Phones, LabeledValue{Label: label, Value: cv.v, Primary: it.primary && i == 0})
		}
	case KindWebsite:
		for i, cv := range it.values {
			rec.Websites = append(rec.Websites, LabeledValue{Label: label, Value: cv.v, Primary: it.primary && i == 0})
		}
	case KindAddress:
		var lines []string
		for _, s := range it.streets {
			if s != "" {
				lines = append(lines, s)
			}
		}
		it.addr.Street = strings.Join(lines, "\n")
		it.addr.Label = label
		rec.Addresses = append(rec.Addresses, it.addr)
	}
}
