package csvimport

// Source names the application a CSV file was exported from.
type Source string

// Recognised sources.
const (
	SourceOutlook     Source = "outlook"
	SourceGoogle      Source = "google"
	SourceThunderbird Source = "thunderbird"
	SourceGeneric     Source = "generic" // any other CRM or spreadsheet, mapped by fuzzy header names
)

// headerEntry is one known column name and what it maps to. A custom
// target with an empty label takes the header text as its name.
type headerEntry struct {
	name   string
	target Target
}

// e builds a headerEntry; label and index are optional (label, index).
func e(name string, f Field, opt ...any) headerEntry {
	t := Target{Field: f}
	for _, o := range opt {
		switch v := o.(type) {
		case string:
			t.Label = v
		case int:
			t.Index = v
		case []string:
			t.Omit = v
		}
	}
	return headerEntry{name: name, target: t}
}

// custom is a column kept as a custom field under its own name.
func custom(name string, omit ...string) headerEntry {
	t := Target{Field: FieldCustom}
	if len(omit) > 0 {
		t.Omit = omit
	}
	return headerEntry{name: name, target: t}
}

// profileTable is the dictionary of one exporter's column names.
type profileTable struct {
	source   Source
	language string
	variant  string
	entries  []headerEntry
	markers  []string // column names only this exporter writes
	catSep   string
	dates    DateOrder
	byKey    map[string]Target
	markKeys map[string]bool
}

// outlookEnglish is the header of Outlook's "Comma Separated Values" export
// (Outlook 2003–365, English), plus names used by Outlook.com and LinkedIn.
var outlookEnglish = profileTable{
	source: SourceOutlook, language: "en", catSep: ";", dates: DateMDY,
	markers: []string{"E-mail Address", "E-mail 2 Address", "E-mail Display Name", "Business Street", "Home Street",
		"Business Phone", "Mobile Phone", "Business Postal Code", "Home Postal Code", "Company Main Phone"},
	entries: []headerEntry{
		e("Title", FieldPrefix), e("First Name", FieldGivenName), e("Middle Name", FieldMiddleName),
		e("Last Name", FieldFamilyName), e("Suffix", FieldSuffix), e("Nickname", FieldNickname),
		e("Company", FieldCompany), e("Department", FieldDepartment), e("Job Title", FieldTitle),
		e("Business Street", FieldStreet, LabelWork), e("Business Street 2", FieldStreet2, LabelWork),
		e("Business Street 3", FieldStreet3, LabelWork), e("Business City", FieldCity, LabelWork),
		e("Business State", FieldRegion, LabelWork), e("Business Postal Code", FieldPostcode, LabelWork),
		e("Business Country/Region", FieldCountry, LabelWork), e("Business Country", FieldCountry, LabelWork),
		e("Business Address PO Box", FieldPOBox, LabelWork),
		e("Home Street", FieldStreet, LabelHome), e("Home Street 2", FieldStreet2, LabelHome),
		e("Home Street 3", FieldStreet3, LabelHome), e("Home City", FieldCity, LabelHome),
		e("Home State", FieldRegion, LabelHome), e("Home Postal Code", FieldPostcode, LabelHome),
		e("Home Country/Region", FieldCountry, LabelHome), e("Home Country", FieldCountry, LabelHome),
		e("Home Address PO Box", FieldPOBox, LabelHome),
		e("Other Street", FieldStreet, LabelOther), e("Other Street 2", FieldStreet2, LabelOther),
		e("Other Street 3", FieldStreet3, LabelOther), e("Other City", FieldCity, LabelOther),
		e("Other State", FieldRegion, LabelOther), e("Other Postal Code", FieldPostcode, LabelOther),
		e("Other Country/Region", FieldCountry, LabelOther), e("Other Country", FieldCountry, LabelOther),
		e("Other Address PO Box", FieldPOBox, LabelOther), e("PO Box", FieldPOBox, LabelOther),
		e("Assistant's Phone", FieldPhone, LabelAssistant), e("Business Fax", FieldPhone, LabelWorkFax),
		e("Business Phone", FieldPhone, LabelWork, 1), e("Business Phone 2", FieldPhone, LabelWork, 2),
		e("Callback", FieldPhone, LabelCallback), e("Car Phone", FieldPhone, LabelCar),
		e("Company Main Phone", FieldPhone, LabelMain), e("Home Fax", FieldPhone, LabelHomeFax),
		e("Home Phone", FieldPhone, LabelHome, 1), e("Home Phone 2", FieldPhone, LabelHome, 2),
		e("ISDN", FieldPhone, LabelISDN), e("Mobile Phone", FieldPhone, LabelMobile),
		e("Other Fax", FieldPhone, LabelOtherFax), e("Other Phone", FieldPhone, LabelOther),
		e("Pager", FieldPhone, LabelPager), e("Primary Phone", FieldPhone, LabelPrimary),
		e("Radio Phone", FieldPhone, LabelRadio), e("TTY/TDD Phone", FieldPhone, LabelTTY), e("Telex", FieldPhone, LabelTelex),
		custom("Account"), e("Anniversary", FieldAnniversary), custom("Assistant's Name"),
		custom("Billing Information"), e("Birthday", FieldBirthday), e("Categories", FieldCategories),
		custom("Children"), custom("Directory Server"),
		e("E-mail Address", FieldEmail, 1), custom("E-mail Type", "SMTP"), custom("E-mail Display Name"),
		e("E-mail 2 Address", FieldEmail, 2), custom("E-mail 2 Type", "SMTP"), custom("E-mail 2 Display Name"),
		e("E-mail 3 Address", FieldEmail, 3), custom("E-mail 3 Type", "SMTP"), custom("E-mail 3 Display Name"),
		custom("Gender", "Unspecified"), custom("Government ID Number"), custom("Hobby"), custom("Initials"),
		custom("Internet Free Busy"), custom("Keywords"), custom("Language"), custom("Location"),
		custom("Manager's Name"), custom("Mileage"), e("Notes", FieldNotes), custom("Office Location"),
		custom("Organizational ID Number"), custom("Priority", "Normal"), custom("Private", "False"),
		custom("Profession"), custom("Referred By"), custom("Sensitivity", "Normal"), custom("Spouse"),
		custom("User 1"), custom("User 2"), custom("User 3"), custom("User 4"),
		e("Web Page", FieldWebsite), e("Personal Web Page", FieldWebsite, LabelHome),
		custom("Given Yomi"), custom("Surname Yomi"), custom("Given Name Yomi"), custom("Family Name Yomi"),
	},
}

// outlookGerman is the same export from a German Outlook
// (tine__importtest_outlook2013.csv), column for column.
var outlookGerman = profileTable{
	source: SourceOutlook, language: "de", catSep: ";", dates: DateDMY,
	markers: []string{"E-Mail-Adresse", "E-Mail 2: Adresse", "Straße geschäftlich", "Telefon geschäftlich",
		"Postleitzahl geschäftlich", "Mobiltelefon", "Weitere Vornamen", "Straße privat"},
	entries: []headerEntry{
		e("Anrede", FieldPrefix), e("Vorname", FieldGivenName), e("Weitere Vornamen", FieldMiddleName),
		e("Nachname", FieldFamilyName), e("Suffix", FieldSuffix), e("Spitzname", FieldNickname),
		e("Firma", FieldCompany), e("Abteilung", FieldDepartment), e("Position", FieldTitle),
		e("Straße geschäftlich", FieldStreet, LabelWork), e("Straße geschäftlich 2", FieldStreet2, LabelWork),
		e("Straße geschäftlich 3", FieldStreet3, LabelWork), e("Ort geschäftlich", FieldCity, LabelWork),
		e("Region geschäftlich", FieldRegion, LabelWork), e("Postleitzahl geschäftlich", FieldPostcode, LabelWork),
		e("Land/Region geschäftlich", FieldCountry, LabelWork), e("Postfach geschäftlich", FieldPOBox, LabelWork),
		e("Straße privat", FieldStreet, LabelHome), e("Straße privat 2", FieldStreet2, LabelHome),
		e("Straße privat 3", FieldStreet3, LabelHome), e("Ort privat", FieldCity, LabelHome),
		e("Bundesland/Kanton privat", FieldRegion, LabelHome), e("Postleitzahl privat", FieldPostcode, LabelHome),
		e("Land/Region privat", FieldCountry, LabelHome), e("Postfach privat", FieldPOBox, LabelHome),
		e("Weitere Straße", FieldStreet, LabelOther), e("Weitere Straße 2", FieldStreet2, LabelOther),
		e("Weitere Straße 3", FieldStreet3, LabelOther), e("Weiterer Ort", FieldCity, LabelOther),
		e("Weiteres/r Bundesland/Kanton", FieldRegion, LabelOther), e("Weitere Postleitzahl", FieldPostcode, LabelOther),
		e("Weiteres/e Land/Region", FieldCountry, LabelOther), e("Weiteres Postfach", FieldPOBox, LabelOther),
		e("Telefon Assistent", FieldPhone, LabelAssistant), e("Fax geschäftlich", FieldPhone, LabelWorkFax),
		e("Telefon geschäftlich", FieldPhone, LabelWork, 1), e("Telefon geschäftlich 2", FieldPhone, LabelWork, 2),
		e("Rückmeldung", FieldPhone, LabelCallback), e("Autotelefon", FieldPhone, LabelCar),
		e("Telefon Firma", FieldPhone, LabelMain), e("Fax privat", FieldPhone, LabelHomeFax),
		e("Telefon (privat)", FieldPhone, LabelHome, 1), e("Telefon (privat 2)", FieldPhone, LabelHome, 2),
		e("ISDN", FieldPhone, LabelISDN), e("Mobiltelefon", FieldPhone, LabelMobile, 1),
		e("Mobiltelefon 2", FieldPhone, LabelMobile, 2), e("Weiteres Fax", FieldPhone, LabelOtherFax),
		e("Weiteres Telefon", FieldPhone, LabelOther), e("Pager", FieldPhone, LabelPager),
		e("Haupttelefon", FieldPhone, LabelPrimary), e("Telefon für Hörbehinderte", FieldPhone, LabelTTY),
		e("Telex", FieldPhone, LabelTelex),
		custom("Abrechnungsinformation"), custom("Assistent(in)"),
		custom("Benutzer 1"), custom("Benutzer 2"), custom("Benutzer 3"), custom("Benutzer 4"),
		custom("Beruf"), custom("Büro"),
		e("E-Mail-Adresse", FieldEmail, 1), custom("E-Mail-Typ", "SMTP"), custom("E-Mail: Angezeigter Name"),
		e("E-Mail 2: Adresse", FieldEmail, 2), custom("E-Mail 2: Typ", "SMTP"), custom("E-Mail 2: Angezeigter Name"),
		e("E-Mail 3: Adresse", FieldEmail, 3), custom("E-Mail 3: Typ", "SMTP"), custom("E-Mail 3: Angezeigter Name"),
		custom("Empfohlen von"), e("Geburtstag", FieldBirthday), custom("Geschlecht", "Keine Angabe"),
		custom("Hobby"), custom("Initialen"), custom("Internet Frei/Gebucht"), e("Jahrestag", FieldAnniversary),
		e("Kategorien", FieldCategories), custom("Kinder"), custom("Konto"), custom("Name des/r Vorgesetzten"),
		e("Notizen", FieldNotes), custom("Organisationsnr."), custom("Ort"), custom("Partner"),
		custom("Priorität", "Normal"), custom("Privat", "Aus"), custom("Reisekilometer"),
		custom("Sozialversicherungsnr."), custom("Sprache"), custom("Stichwörter"),
		custom("Vertraulichkeit", "Normal"), custom("Verzeichnisserver"), e("Webseite", FieldWebsite),
	},
}

// googleContacts covers both Google Contacts CSV formats: the legacy
// "Google CSV" (Given Name, Family Name, Group Membership, "E-mail 1 -
// Type") and the current one (First Name, Last Name, Labels, "E-mail 1 -
// Label"). Numbered groups ("Phone 2 - Value") are handled by googleNumbered.
var googleContacts = profileTable{
	source: SourceGoogle, catSep: " ::: ", dates: DateDMY,
	markers: []string{"Group Membership", "Given Name", "Family Name", "Additional Name", "File As",
		"Given Name Yomi", "Phonetic First Name", "Organization Name"},
	entries: []headerEntry{
		e("Name", FieldDisplayName), e("Given Name", FieldGivenName), e("Additional Name", FieldMiddleName),
		e("Family Name", FieldFamilyName), e("First Name", FieldGivenName), e("Middle Name", FieldMiddleName),
		e("Last Name", FieldFamilyName), e("Name Prefix", FieldPrefix), e("Name Suffix", FieldSuffix),
		e("Nickname", FieldNickname), e("Birthday", FieldBirthday), e("Notes", FieldNotes),
		e("Group Membership", FieldCategories), e("Labels", FieldCategories),
		e("Organization Name", FieldCompany), e("Organization Title", FieldTitle),
		e("Organization Department", FieldDepartment),
		custom("Yomi Name"), custom("Given Name Yomi"), custom("Additional Name Yomi"), custom("Family Name Yomi"),
		custom("Phonetic First Name"), custom("Phonetic Middle Name"), custom("Phonetic Last Name"),
		custom("Initials"), custom("Short Name"), custom("Maiden Name"), custom("Gender"), custom("Location"),
		custom("Billing Information"), custom("Directory Server"), custom("Mileage"), custom("Occupation"),
		custom("Hobby"), custom("Sensitivity"), custom("Priority"), custom("Subject"), custom("File As"),
		custom("Photo"), custom("Organization Phonetic Name"), custom("Organization Yomi Name"),
	},
}

// thunderbird is the header of Thunderbird's address book CSV export.
var thunderbird = profileTable{
	source: SourceThunderbird, language: "en", dates: DateDMY,
	markers: []string{"Primary Email", "Secondary Email", "Screen Name", "Birth Year", "Web Page 1",
		"Home ZipCode", "Work ZipCode", "Mobile Number", "Custom 1"},
	entries: []headerEntry{
		e("First Name", FieldGivenName), e("Last Name", FieldFamilyName), e("Display Name", FieldDisplayName),
		e("Nickname", FieldNickname), e("Primary Email", FieldEmail, 1), e("Secondary Email", FieldEmail, 2),
		custom("Screen Name"), custom("Chat Name"),
		e("Work Phone", FieldPhone, LabelWork), e("Home Phone", FieldPhone, LabelHome),
		e("Fax Number", FieldPhone, LabelFax), e("Pager Number", FieldPhone, LabelPager),
		e("Mobile Number", FieldPhone, LabelMobile),
		e("Home Address", FieldStreet, LabelHome), e("Home Address 2", FieldStreet2, LabelHome),
		e("Home City", FieldCity, LabelHome), e("Home State", FieldRegion, LabelHome),
		e("Home ZipCode", FieldPostcode, LabelHome), e("Home Country", FieldCountry, LabelHome),
		e("Work Address", FieldStreet, LabelWork), e("Work Address 2", FieldStreet2, LabelWork),
		e("Work City", FieldCity, LabelWork), e("Work State", FieldRegion, LabelWork),
		e("Work ZipCode", FieldPostcode, LabelWork), e("Work Country", FieldCountry, LabelWork),
		e("Job Title", FieldTitle), e("Department", FieldDepartment), e("Organization", FieldCompany),
		e("Web Page 1", FieldWebsite, LabelWork), e("Web Page 2", FieldWebsite, LabelHome),
		e("Birth Year", FieldBirthYear), e("Birth Month", FieldBirthMonth), e("Birth Day", FieldBirthDay),
		custom("Custom 1"), custom("Custom 2"), custom("Custom 3"), custom("Custom 4"), e("Notes", FieldNotes),
	},
}

// profileTables are the known exporters, most specific first.
var profileTables = []*profileTable{&outlookEnglish, &outlookGerman, &googleContacts, &thunderbird}

// init builds the lookup maps of the tables once.
func init() {
	for _, p := range profileTables {
		p.byKey = make(map[string]Target, len(p.entries))
		for _, en := range p.entries {
			p.byKey[headerKey(en.name)] = en.target
		}
		p.markKeys = make(map[string]bool, len(p.markers))
		for _, m := range p.markers {
			p.markKeys[headerKey(m)] = true
		}
	}
}
