package csvimport

import (
	"strings"
	"testing"
)

// target is shorthand for building expected targets in tests.
func target(s string) Target {
	t, err := ParseTarget(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDetectProfile(t *testing.T) {
	tests := []struct {
		name   string
		header string // comma-separated
		source Source
		lang   string
		want   map[string]string // header → target
	}{
		{"outlook english",
			"Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Street 2,Business City,Business Postal Code,Business Country/Region,Home Phone,Home Phone 2,Mobile Phone,Business Fax,E-mail Address,E-mail Type,E-mail 2 Address,Birthday,Categories,Notes,Web Page,Priority",
			SourceOutlook, "en", map[string]string{
				"Title": "prefix", "First Name": "given_name", "Job Title": "title", "Business Street": "street:work",
				"Business Street 2": "street2:work", "Business Postal Code": "postcode:work", "Business Country/Region": "country:work",
				"Home Phone": "phone:home#1", "Home Phone 2": "phone:home#2", "Mobile Phone": "phone:mobile", "Business Fax": "phone:work_fax",
				"E-mail Address": "email#1", "E-mail Type": "custom:E-mail Type", "E-mail 2 Address": "email#2", "Birthday": "birthday",
				"Categories": "categories", "Notes": "notes", "Web Page": "website", "Priority": "custom:Priority",
			}},
		{"outlook only e-mails (rcube__outlook.csv)", "E-mail Address,E-mail 2 Address,E-mail 3 Address", SourceOutlook, "en",
			map[string]string{"E-mail 3 Address": "email#3"}},
		{"outlook german",
			"Anrede,Vorname,Weitere Vornamen,Nachname,Firma,Position,Straße geschäftlich,Ort geschäftlich,Postleitzahl geschäftlich,Land/Region geschäftlich,Telefon (privat),Mobiltelefon,E-Mail-Adresse,E-Mail 2: Adresse,Geburtstag,Kategorien,Notizen,Ort",
			SourceOutlook, "de", map[string]string{
				"Anrede": "prefix", "Vorname": "given_name", "Weitere Vornamen": "middle_name", "Position": "title",
				"Straße geschäftlich": "street:work", "Ort geschäftlich": "city:work", "Postleitzahl geschäftlich": "postcode:work",
				"Land/Region geschäftlich": "country:work", "Telefon (privat)": "phone:home#1", "Mobiltelefon": "phone:mobile#1",
				"E-Mail-Adresse": "email#1", "E-Mail 2: Adresse": "email#2", "Geburtstag": "birthday", "Kategorien": "categories",
				"Notizen": "notes", "Ort": "custom:Ort",
			}},
		{"google legacy",
			"Name,Given Name,Additional Name,Family Name,Yomi Name,Name Prefix,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - Postal Code,Address 1 - Extended Address,Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value,Relation 1 - Value",
			SourceGoogle, "", map[string]string{
				"Name": "display_name", "Given Name": "given_name", "Additional Name": "middle_name", "Family Name": "family_name",
				"Yomi Name": "custom:Yomi Name", "Group Membership": "categories", "E-mail 1 - Type": "email_label#1",
				"E-mail 1 - Value": "email#1", "Phone 1 - Value": "phone#1", "Address 1 - Type": "address_label#1",
				"Address 1 - Formatted": "address#1", "Address 1 - Street": "street#1", "Address 1 - Postal Code": "postcode#1",
				"Address 1 - Extended Address": "extended#1", "Organization 1 - Name": "company", "Organization 1 - Title": "title",
				"Website 1 - Value": "website#1", "Relation 1 - Value": "custom:Relation 1 - Value",
			}},
		{"google current",
			"First Name,Middle Name,Last Name,Phonetic First Name,Name Prefix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - City",
			SourceGoogle, "", map[string]string{
				"First Name": "given_name", "Last Name": "family_name", "Phonetic First Name": "custom:Phonetic First Name",
				"Organization Name": "company", "Organization Department": "department", "Labels": "categories",
				"E-mail 1 - Label": "email_label#1", "Phone 1 - Label": "phone_label#1", "Address 1 - City": "city#1",
			}},
		{"thunderbird",
			"First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Mobile Number,Home Address,Home Address 2,Home ZipCode,Web Page 1,Birth Year,Birth Month,Birth Day,Custom 1,Notes,",
			SourceThunderbird, "en", map[string]string{
				"Display Name": "display_name", "Primary Email": "email#1", "Secondary Email": "email#2", "Screen Name": "custom:Screen Name",
				"Work Phone": "phone:work", "Mobile Number": "phone:mobile", "Home Address": "street:home", "Home Address 2": "street2:home",
				"Home ZipCode": "postcode:home", "Web Page 1": "website:work", "Birth Year": "birth_year", "Birth Day": "birth_day",
				"Custom 1": "custom:Custom 1", "": "custom:Column 19",
			}},
		{"thunderbird semicolon file", "Display Name,First Name,Last Name,Primary Email", SourceThunderbird, "en", nil},
		{"generic crm",
			"firstname,LASTNAME,E-Mail,Email 2,Mobile,Telefon,Work Phone,Fax,Company Name,Position,Street,Address Line 2,ZIP,Town,State,Country,Website,Date of Birth,Tags,Comments,Lead Score",
			SourceGeneric, "", map[string]string{
				"firstname": "given_name", "LASTNAME": "family_name", "E-Mail": "email", "Email 2": "email#2", "Mobile": "phone:mobile",
				"Telefon": "phone", "Work Phone": "phone:work", "Fax": "phone:fax", "Company Name": "company", "Position": "title",
				"Street": "street", "Address Line 2": "street2", "ZIP": "postcode", "Town": "city", "State": "region",
				"Country": "country", "Website": "website", "Date of Birth": "birthday", "Tags": "categories", "Comments": "notes",
				"Lead Score": "custom:Lead Score",
			}},
		{"generic german", "Vorname;Nachname;E-Mail;Handy;Straße;PLZ;Ort;Land;Geburtsdatum;Bemerkung;Anrede;Firma",
			SourceGeneric, "", map[string]string{
				"Vorname": "given_name", "Nachname": "family_name", "Handy": "phone:mobile", "Straße": "street", "PLZ": "postcode",
				"Ort": "city", "Land": "country", "Geburtsdatum": "birthday", "Bemerkung": "notes", "Anrede": "prefix", "Firma": "company",
			}},
		{"generic title is a prefix next to a job title", "Title,Name,Job Title,Email Home,Home Zip,Work City,Website Blog",
			SourceGeneric, "", map[string]string{
				"Title": "prefix", "Name": "display_name", "Job Title": "title", "Email Home": "email:home",
				"Home Zip": "postcode:home", "Work City": "city:work", "Website Blog": "website:blog",
			}},
		{"generic title alone is a job title", "Name,Title,Email", SourceGeneric, "", map[string]string{"Title": "title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep := ","
			if strings.Contains(tt.header, ";") {
				sep = ";"
			}
			header := strings.Split(tt.header, sep)
			prof, m := DetectProfile(header)
			if prof.Source != tt.source || prof.Language != tt.lang {
				t.Errorf("profile = %+v, want %s/%s", prof, tt.source, tt.lang)
			}
			for i, h := range header {
				want, ok := tt.want[h]
				if !ok {
					continue
				}
				if got := m.Columns[i].String(); got != want {
					t.Errorf("%q → %s, want %s", h, got, want)
				}
			}
		})
	}
}

func TestDetectProfileDuplicates(t *testing.T) {
	_, m := DetectProfile([]string{"Email", "Email", "First Name", "Vorname", "Notes", "Comments"})
	want := []string{"email", "email#1", "given_name", "custom:Vorname", "notes", "notes"}
	for i, w := range want {
		if got := m.Columns[i].String(); got != w {
			t.Errorf("column %d → %s, want %s", i, got, w)
		}
	}
}

func TestParseTarget(t *testing.T) {
	for _, s := range []string{"given_name", "email:work", "phone:mobile#2", "street:home", "custom:Shoe size", "email_label#1", "ignore"} {
		got, err := ParseTarget(s)
		if err != nil || got.String() != s {
			t.Errorf("ParseTarget(%q) = %v, %v", s, got, err)
		}
	}
	if got, _ := ParseTarget("Email2"); got.String() != "email#2" {
		t.Errorf("email2 alias = %s", got)
	}
	for _, s := range []string{"shoe_size", "custom", "email#x", ""} {
		if _, err := ParseTarget(s); err == nil {
			t.Errorf("ParseTarget(%q) succeeded", s)
		}
	}
}

func TestMappingApply(t *testing.T) {
	_, m := DetectProfile([]string{"First Name", "Last Name", "Mail", "Remarks"})
	orig := m.Clone()
	if err := m.Apply("given_name=1, family_name=0 ,email:work=2,ignore=3"); err != nil {
		t.Fatal(err)
	}
	want := []string{"family_name", "given_name", "email:work", "ignore"}
	for i, w := range want {
		if got := m.Columns[i].String(); got != w {
			t.Errorf("column %d → %s, want %s", i, got, w)
		}
	}
	if orig.Columns[0].Field != FieldGivenName {
		t.Error("Clone shares the column map")
	}
	// Moving a single-valued field keeps the old column as a custom field.
	m2 := orig.Clone()
	if err := m2.Apply("given_name=3"); err != nil {
		t.Fatal(err)
	}
	if m2.Columns[0].String() != "custom:First Name" || m2.Columns[3].Field != FieldGivenName {
		t.Errorf("after move: %s, %s", m2.Columns[0], m2.Columns[3])
	}
	for _, badSpec := range []string{"given_name", "given_name=x", "nope=1", "given_name=-1"} {
		m3 := orig.Clone()
		if err := m3.Apply(badSpec); err == nil {
			t.Errorf("Apply(%q) succeeded", badSpec)
		}
	}
}

func TestHeaderNormalisation(t *testing.T) {
	tests := []struct{ in, key string }{
		{"E-mail 2 Address", "email 2 address"},
		{"Straße geschäftlich", "strasse geschaftlich"},
		{"  First_Name ", "first name"},
		{"FirstName", "first name"},
		{"Birth Day", "birth day"},
		{"Birthday", "birthday"},
		{"Telefon für Hörbehinderte", "telefon fur horbehinderte"},
		{"E-Mail 2: Adresse", "email 2 adresse"},
	}
	for _, tt := range tests {
		if got := headerKey(tt.in); got != tt.key {
			t.Errorf("headerKey(%q) = %q, want %q", tt.in, got, tt.key)
		}
	}
	if got := strings.Join(headerWords("HomePhone2 (E-Mail-Adresse)"), " "); got != "home phone 2 email adresse" {
		t.Errorf("headerWords = %q", got)
	}
}
