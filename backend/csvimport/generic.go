package csvimport

import (
	"slices"
	"strconv"
	"strings"
)

// Word lists for the generic matcher, in folded form (see foldText). They
// cover English and German names and the most common French and Spanish ones.
var (
	labelHomeWords  = wordSet("home", "private", "privat", "personal", "persoenlich", "personlich", "privee", "casa")
	labelWorkWords  = wordSet("work", "business", "office", "geschaftlich", "dienstlich", "buro", "arbeit", "travail", "trabajo")
	labelOtherWords = wordSet("other", "weitere", "weiterer", "weiteres", "andere", "alternate", "alternative", "alt", "autre", "otro")

	emailWords   = wordSet("email", "emails", "mail", "emailadresse", "emailaddress", "mailadresse", "courriel", "correo")
	phoneWords   = wordSet("phone", "telephone", "tel", "telefon", "telefono", "phonenumber", "telefonnummer", "rufnummer")
	mobileWords  = wordSet("mobile", "cell", "cellular", "cellphone", "mobilephone", "handy", "mobil", "mobiltelefon", "portable", "movil", "celular", "natel")
	faxWords     = wordSet("fax", "telefax", "faxnumber", "faxnummer")
	pagerWords   = wordSet("pager", "beeper")
	mainWords    = wordSet("main", "haupttelefon", "zentrale", "switchboard")
	primaryWords = wordSet("primary", "preferred", "pref")

	poBoxWords    = wordSet("pobox", "postfach", "postbox", "bp", "apartado")
	postcodeWords = wordSet("zip", "zipcode", "postcode", "postalcode", "plz", "postleitzahl", "cp", "codepostal", "postal")
	countryWords  = wordSet("country", "land", "countryregion", "nation", "pays", "pais", "staat")
	cityWords     = wordSet("city", "town", "ort", "stadt", "ville", "ciudad", "locality", "wohnort", "gemeinde")
	regionWords   = wordSet("state", "region", "province", "bundesland", "kanton", "county", "provinz", "provincia", "departement")
	streetWords   = wordSet("street", "strasse", "address", "adresse", "addr", "streetaddress", "anschrift", "rue", "calle", "direccion", "line", "str")
	formatWords   = wordSet("formatted", "full", "complete", "mailing", "postal")

	websiteWords = wordSet("web", "website", "webpage", "homepage", "url", "webseite", "site", "www", "internetseite", "blog", "sitio")

	birthdayWords    = wordSet("birthday", "birthdate", "dob", "bday", "geburtstag", "geburtsdatum", "anniversaire", "cumpleanos", "naissance")
	birthWords       = wordSet("birth", "geburt", "geburts")
	anniversaryWords = wordSet("anniversary", "jahrestag", "hochzeitstag", "weddinganniversary")

	phoneticWords    = wordSet("yomi", "phonetic", "furigana", "kana")
	givenWords       = wordSet("first", "firstname", "given", "givenname", "forename", "vorname", "prenom", "nombre", "fname", "rufname")
	familyWords      = wordSet("last", "lastname", "surname", "family", "familyname", "nachname", "familienname", "nom", "apellido", "apellidos", "lname", "zuname")
	middleWords      = wordSet("middle", "middlename", "additional", "zweitname", "mi")
	prefixWords      = wordSet("prefix", "salutation", "anrede", "honorific", "civilite", "tratamiento")
	suffixWords      = wordSet("suffix", "namenszusatz")
	nicknameWords    = wordSet("nickname", "nick", "spitzname", "rufname", "surnom", "apodo")
	displayWords     = wordSet("display", "full", "fullname", "displayname", "anzeigename", "contact", "kontakt", "person")
	companyWords     = wordSet("company", "organization", "organisation", "org", "firma", "unternehmen", "employer", "account", "firm", "societe", "entreprise", "empresa", "companyname", "arbeitgeber")
	departWords      = wordSet("department", "abteilung", "dept", "division", "departement", "departamento")
	titleWords       = wordSet("title", "jobtitle", "job", "position", "role", "funktion", "titel", "poste", "cargo", "designation")
	notesWords       = wordSet("notes", "note", "comments", "comment", "remarks", "remark", "notizen", "notiz", "bemerkung", "bemerkungen", "anmerkung", "anmerkungen", "description", "beschreibung", "memo", "info", "commentaire", "notas")
	categoryWords    = wordSet("categories", "category", "tags", "tag", "groups", "group", "labels", "kategorien", "kategorie", "gruppen", "gruppe", "etiquettes", "schlagworte", "segment", "segments", "lists")
	nameWord         = "name"
	typeWords        = wordSet("type", "typ", "label", "kind", "art")
	displayNameWords = wordSet("display", "angezeigter", "angezeigt")
)

// wordSet builds a set of words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// headerInfo is a header split into words, with its number and label words.
type headerInfo struct {
	words  []string
	joined string
	index  int
	label  string
}

// has reports whether any word (or the joined header) is in set.
func (h headerInfo) has(set map[string]bool) bool {
	if set[h.joined] {
		return true
	}
	for _, w := range h.words {
		if set[w] {
			return true
		}
	}
	return false
}

// analyse splits a header for the generic matcher.
func analyse(header string) headerInfo {
	words := headerWords(header)
	h := headerInfo{}
	for _, w := range words {
		if n, err := strconv.Atoi(w); err == nil {
			if h.index == 0 {
				h.index = n
			}
			continue
		}
		h.words = append(h.words, w)
	}
	h.joined = strings.Join(h.words, "")
	switch {
	case h.has(labelHomeWords):
		h.label = LabelHome
	case h.has(labelWorkWords):
		h.label = LabelWork
	case h.has(labelOtherWords):
		h.label = LabelOther
	}
	return h
}

// genericTarget maps a header of an unknown exporter by its words:
// "E-mail Work" → email:work, "Home Zip" → postcode:home, "Mobile Phone 2"
// → phone:mobile#2, "Vorname" → given_name. It reports false when nothing
// matched.
func genericTarget(header string) (Target, bool) {
	h := analyse(header)
	if len(h.words) == 0 {
		return Target{}, false
	}
	t := Target{Label: h.label, Index: h.index}
	switch {
	case h.has(phoneticWords):
		return Target{}, false
	case h.has(emailWords):
		switch {
		case h.has(displayNameWords):
			return Target{}, false
		case h.has(typeWords):
			t.Field, t.Label = FieldEmailLabel, ""
		default:
			t.Field = FieldEmail
		}
	case h.has(faxWords) || h.has(mobileWords) || h.has(pagerWords) || h.has(phoneWords):
		t.Field = FieldPhone
		if h.has(typeWords) {
			t.Field, t.Label = FieldPhoneLabel, ""
			break
		}
		t.Label = phoneLabel(h)
	case h.has(websiteWords) || h.joined == "homepage":
		t.Field = FieldWebsite
		switch {
		case h.has(typeWords):
			t.Field, t.Label = FieldWebsiteLabel, ""
		case slices.Contains(h.words, "blog"):
			t.Label = LabelBlog
		case slices.Contains(h.words, "profile"):
			t.Label = LabelProfile
		}
	case h.has(poBoxWords) || slices.Contains(h.words, "po") && slices.Contains(h.words, "box"):
		t.Field = FieldPOBox
	case h.has(postcodeWords) && !h.has(streetWords) || h.has(postcodeWords) && slices.Contains(h.words, "code"):
		t.Field = FieldPostcode
	case h.has(countryWords):
		t.Field = FieldCountry
	case h.has(cityWords):
		t.Field = FieldCity
	case h.has(regionWords):
		t.Field = FieldRegion
	case h.has(streetWords):
		t.Field = FieldStreet
		switch {
		case h.has(typeWords):
			t.Field, t.Label, t.Index = FieldAddressLabel, "", h.index
			return t, true
		case h.has(formatWords):
			t.Field = FieldAddress
		case h.index == 2:
			t.Field = FieldStreet2
		case h.index == 3:
			t.Field = FieldStreet3
		}
		t.Index = 0 // for street lines the number is the line, not the address
	case h.has(birthWords) && (slices.Contains(h.words, "year") || slices.Contains(h.words, "jahr")):
		return Target{Field: FieldBirthYear}, true
	case h.has(birthWords) && (slices.Contains(h.words, "month") || slices.Contains(h.words, "monat")):
		return Target{Field: FieldBirthMonth}, true
	case h.has(birthWords) && (slices.Contains(h.words, "day") || slices.Contains(h.words, "tag")):
		return Target{Field: FieldBirthDay}, true
	case h.has(birthdayWords) || h.has(birthWords) && slices.Contains(h.words, "date"):
		return Target{Field: FieldBirthday}, true
	case h.has(anniversaryWords):
		return Target{Field: FieldAnniversary}, true
	default:
		f, ok := genericSingle(h)
		if !ok {
			return Target{}, false
		}
		return Target{Field: f}, true
	}
	return t, true
}

// phoneLabel picks the label of a phone column from its words.
func phoneLabel(h headerInfo) string {
	switch {
	case h.has(faxWords):
		switch h.label {
		case LabelHome:
			return LabelHomeFax
		case LabelWork:
			return LabelWorkFax
		case LabelOther:
			return LabelOtherFax
		}
		return LabelFax
	case h.has(mobileWords):
		return LabelMobile
	case h.has(pagerWords):
		return LabelPager
	case h.has(mainWords):
		return LabelMain
	case h.has(primaryWords):
		return LabelPrimary
	case slices.Contains(h.words, "video"):
		return LabelVideo
	case slices.Contains(h.words, "car") || h.joined == "autotelefon":
		return LabelCar
	case slices.Contains(h.words, "assistant") || slices.Contains(h.words, "assistent"):
		return LabelAssistant
	}
	return h.label
}

// genericSingle matches the single-valued fields.
func genericSingle(h headerInfo) (Field, bool) {
	switch {
	case h.has(givenWords):
		return FieldGivenName, true
	case h.has(middleWords):
		return FieldMiddleName, true
	case h.has(familyWords):
		return FieldFamilyName, true
	case h.has(prefixWords):
		return FieldPrefix, true
	case h.has(suffixWords):
		return FieldSuffix, true
	case h.has(nicknameWords):
		return FieldNickname, true
	case h.has(companyWords):
		return FieldCompany, true
	case h.has(departWords):
		return FieldDepartment, true
	case h.has(titleWords):
		return FieldTitle, true
	case h.has(notesWords):
		return FieldNotes, true
	case h.has(categoryWords):
		return FieldCategories, true
	case h.joined == nameWord || h.has(displayWords) && slices.Contains(h.words, nameWord) || h.joined == "fullname" || h.joined == "displayname" || h.joined == "anzeigename":
		return FieldDisplayName, true
	}
	return "", false
}
