package csvimport

import (
	"regexp"
	"strings"
)

// Profile says which exporter wrote a file, as far as its header tells.
type Profile struct {
	// Source is the exporter: outlook, google, thunderbird or generic.
	Source Source
	// Language of the header where it matters ("en", "de"), else "".
	Language string
	// Matched is how many columns were recognised (by the exporter's
	// dictionary or by the generic synonyms); the rest are custom fields.
	Matched int
}

// googleNumbered matches Google's numbered column groups: "E-mail 1 - Type",
// "Phone 2 - Value", "Address 1 - Postal Code", "Website 1 - Label".
var googleNumbered = regexp.MustCompile(`^(?i)(e-?mail|phone|address|website|organization|relation|event|im|custom field|external id|calendar link|jot)\s+(\d+)\s+-\s+(.+)$`)

// googleTarget maps one numbered Google column.
func googleTarget(header string) (Target, bool) {
	m := googleNumbered.FindStringSubmatch(strings.TrimSpace(header))
	if m == nil {
		return Target{}, false
	}
	group := strings.ReplaceAll(headerKey(m[1]), " ", "")
	part := strings.ReplaceAll(headerKey(m[3]), " ", "")
	index := atoi(m[2])
	isLabel := part == "type" || part == "label"
	t := Target{Index: index}
	switch group {
	case "email":
		t.Field = FieldEmail
		if isLabel {
			t.Field = FieldEmailLabel
		}
	case "phone":
		t.Field = FieldPhone
		if isLabel {
			t.Field = FieldPhoneLabel
		}
	case "website":
		t.Field = FieldWebsite
		if isLabel {
			t.Field = FieldWebsiteLabel
		}
	case "address":
		switch part {
		case "type", "label":
			t.Field = FieldAddressLabel
		case "formatted":
			t.Field = FieldAddress
		case "street":
			t.Field = FieldStreet
		case "extendedaddress":
			t.Field = FieldExtended
		case "pobox":
			t.Field = FieldPOBox
		case "city":
			t.Field = FieldCity
		case "region":
			t.Field = FieldRegion
		case "postalcode":
			t.Field = FieldPostcode
		case "country":
			t.Field = FieldCountry
		default:
			return Target{Field: FieldCustom}, true
		}
	case "organization":
		switch {
		case index == 1 && part == "name":
			return Target{Field: FieldCompany}, true
		case index == 1 && part == "title":
			return Target{Field: FieldTitle}, true
		case index == 1 && part == "department":
			return Target{Field: FieldDepartment}, true
		}
		return Target{Field: FieldCustom}, true
	default:
		return Target{Field: FieldCustom}, true
	}
	return t, true
}

// lookupHeader maps a header by every dictionary and the generic synonyms;
// it is used to tell a header row from data.
func lookupHeader(header string) (Target, bool) {
	key := headerKey(header)
	if key == "" {
		return Target{}, false
	}
	for _, p := range profileTables {
		if t, ok := p.byKey[key]; ok {
			return t, true
		}
	}
	if t, ok := googleTarget(header); ok {
		return t, true
	}
	return genericTarget(header)
}

// DetectProfile recognises the exporter from the header and maps every
// column: by the exporter's own dictionary first, then by generic synonyms
// (case-, accent- and punctuation-insensitive: "First Name", "firstname",
// "Vorname", "E-mail Address", "Email", "Mobile Phone", "Home Zip", …);
// anything else is kept as a custom field named after its header.
func DetectProfile(header []string) (Profile, Mapping) {
	best, bestScore := (*profileTable)(nil), 0
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = headerKey(h)
	}
	googleCols := 0
	for _, h := range header {
		if googleNumbered.MatchString(strings.TrimSpace(h)) {
			googleCols++
		}
	}
	for _, p := range profileTables {
		score, marked := 0, p.source == SourceGoogle && googleCols > 0
		for _, k := range keys {
			if _, ok := p.byKey[k]; ok {
				score++
			}
			marked = marked || p.markKeys[k]
		}
		if p.source == SourceGoogle {
			score += googleCols
		}
		if marked && score >= 2 && score > bestScore {
			best, bestScore = p, score
		}
	}

	prof := Profile{Source: SourceGeneric}
	m := Mapping{Header: header, Columns: make(map[int]Target, len(header))}
	if best != nil {
		prof.Source, prof.Language = best.source, best.language
		m.CategorySeparator, m.DateOrder = best.catSep, best.dates
	}
	for i, h := range header {
		t, ok := columnTarget(best, keys[i], h)
		if ok {
			prof.Matched++
		} else {
			t = Target{Field: FieldCustom}
		}
		if t.Field == FieldCustom && t.Label == "" {
			t.Label = m.ColumnName(i)
		}
		m.Columns[i] = t
	}
	resolveTitle(&m)
	dedupe(&m)
	return prof, m
}

// columnTarget maps one column for the chosen profile (nil: generic).
func columnTarget(p *profileTable, key, header string) (Target, bool) {
	if key == "" {
		return Target{}, false
	}
	if p != nil {
		if t, ok := p.byKey[key]; ok {
			return t, true
		}
		if p.source == SourceGoogle {
			if t, ok := googleTarget(header); ok {
				return t, true
			}
		}
	}
	return genericTarget(header)
}

// resolveTitle reads a generic "Title" column as the name prefix when
// another column holds the job title ("Job Title", "Position").
func resolveTitle(m *Mapping) {
	titles := []int{}
	for i := range len(m.Header) {
		if m.Columns[i].Field == FieldTitle {
			titles = append(titles, i)
		}
	}
	if len(titles) < 2 {
		return
	}
	for _, i := range titles {
		if headerKey(m.Header[i]) == "title" {
			m.Columns[i] = Target{Field: FieldPrefix}
		}
	}
}

// dedupe keeps one column per single-valued field (notes and categories may
// come from several columns and are joined), numbers repeated e-mails,
// phones and websites apart, and turns repeated address parts into custom
// fields, so no value silently overwrites another.
func dedupe(m *Mapping) {
	seenSingle := map[Field]bool{}
	seenItem := map[itemID]bool{}
	seenPart := map[Field]map[itemID]bool{}
	for i := range len(m.Header) {
		t := m.Columns[i]
		switch kind := t.Field.Kind(); {
		case kind == KindSingle && t.Field != FieldNotes && t.Field != FieldCategories:
			if seenSingle[t.Field] {
				t = Target{Field: FieldCustom, Label: m.ColumnName(i)}
			}
			seenSingle[t.Field] = true
		case t.Field == FieldEmail || t.Field == FieldPhone || t.Field == FieldWebsite:
			for seenItem[itemKey(t)] {
				t.Index++
			}
			seenItem[itemKey(t)] = true
		case kind == KindAddress:
			if seenPart[t.Field] == nil {
				seenPart[t.Field] = map[itemID]bool{}
			}
			if seenPart[t.Field][itemKey(t)] {
				t = Target{Field: FieldCustom, Label: m.ColumnName(i)}
			} else {
				seenPart[t.Field][itemKey(t)] = true
			}
		}
		m.Columns[i] = t
	}
}
