package csvimport

import "fmt"

// Record is a contact read from one CSV row: the mapped values, trimmed,
// with empty values left out.
type Record struct {
	// Line is the line of the row the record came from.
	Line int

	Prefix, GivenName, MiddleName, FamilyName, Suffix, Nickname, DisplayName string
	Company, Department, Title                                               string

	Emails    []LabeledValue
	Phones    []LabeledValue
	Addresses []Address
	Websites  []LabeledValue

	Birthday, Anniversary Date
	Notes                 string
	// Categories are the contact's categories, tags or groups, split on
	// the source's separator, without Google's system group "My Contacts".
	Categories []string
	// Custom holds every non-empty column that has no canonical field, in
	// column order, so nothing in the file is lost.
	Custom []CustomField
}

// LabeledValue is an e-mail address, phone number or web address.
type LabeledValue struct {
	Label   string // "home", "work", "mobile", … or a label from the file; may be empty
	Value   string
	Primary bool // marked as the preferred one (Google's "* Home")
}

// Address is a postal address.
type Address struct {
	Label     string
	Street    string // street lines joined with "\n"
	Extended  string
	POBox     string
	City      string
	Region    string
	Postcode  string
	Country   string
	Formatted string // the whole address as one text, when the file has it
}

// CustomField is a column kept under its own name.
type CustomField struct {
	Name, Value string
}

// IsEmpty reports whether the record holds no value at all.
func (r Record) IsEmpty() bool {
	return r.Prefix == "" && r.GivenName == "" && r.MiddleName == "" && r.FamilyName == "" && r.Suffix == "" &&
		r.Nickname == "" && r.DisplayName == "" && r.Company == "" && r.Department == "" && r.Title == "" &&
		len(r.Emails) == 0 && len(r.Phones) == 0 && len(r.Addresses) == 0 && len(r.Websites) == 0 &&
		r.Birthday.IsZero() && r.Anniversary.IsZero() && r.Notes == "" && len(r.Categories) == 0 && len(r.Custom) == 0
}

// Problem is a value that was imported with a doubt, or kept as a custom
// field because it could not be read. Problems never stop an import.
type Problem struct {
	Line    int    // line of the row
	Column  int    // 0-based column index, -1 for the whole row
	Header  string // column name
	Field   Field  // field the value was meant for
	Value   string // the value as found
	Message string // what is wrong
}

// String formats the problem for an import report.
func (p Problem) String() string {
	if p.Column < 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Message)
	}
	return fmt.Sprintf("line %d, column %q: %s: %q", p.Line, p.Header, p.Message, p.Value)
}
