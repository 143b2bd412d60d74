package csvimport

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// mapRow detects the profile of header and maps one row.
func mapRow(header []string, fields ...string) (Record, []Problem) {
	_, m := DetectProfile(header)
	return toRecord(Row{Line: 7, Fields: fields}, m, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
}

func TestToRecordGoogle(t *testing.T) {
	header := []string{"Name", "Given Name", "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value",
		"Phone 1 - Type", "Phone 1 - Value", "Address 1 - Type", "Address 1 - Formatted", "Address 1 - City", "Website 1 - Type", "Website 1 - Value", "Birthday"}
	rec, probs := mapRow(header, " Ann Lee ", "Ann", "* My Contacts ::: Kunden ::: VIP", "* Work", "ann@work.example ::: ann2@work.example",
		"Custom Label", "not-an-email", "Work Fax", "+49 30 1234", "Home", "Ring 22\r\nWinsen", "Winsen", "Blog", "https://ann.example", "--12-24")
	want := Record{
		Line: 7, GivenName: "Ann", DisplayName: "Ann Lee",
		Emails: []LabeledValue{{Label: "work", Value: "ann@work.example", Primary: true}, {Label: "work", Value: "ann2@work.example"},
			{Label: "Custom Label", Value: "not-an-email"}},
		Phones:     []LabeledValue{{Label: "work_fax", Value: "+49 30 1234"}},
		Addresses:  []Address{{Label: "home", City: "Winsen", Formatted: "Ring 22\nWinsen"}},
		Websites:   []LabeledValue{{Label: "blog", Value: "https://ann.example"}},
		Birthday:   Date{Month: 12, Day: 24},
		Categories: []string{"Kunden", "VIP"},
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("record\n got %+v\nwant %+v", rec, want)
	}
	if len(probs) != 1 || probs[0].Field != FieldEmail || probs[0].Header != "E-mail 2 - Value" || probs[0].Line != 7 || probs[0].Column != 6 {
		t.Errorf("problems = %+v", probs)
	}
}

func TestToRecordOutlook(t *testing.T) {
	header := []string{"Title", "First Name", "Last Name", "Business Street", "Business Street 2", "Business City", "Home Street", "Home City",
		"Business Phone", "Mobile Phone", "E-mail Address", "E-mail Type", "Categories", "Birthday", "Anniversary", "Priority", "Sensitivity", "Notes"}
	rec, probs := mapRow(header, "Dr.", "Eva", "Roth", "Main St 1", "Floor 3", "Springfield", "", "  ", "+1 555 0100", "x", "Eva Roth <eva@example.com>",
		"SMTP", "Kunde; Lieferant;", "3/4/1970", "0/0/00", "Normal", "Private", "line1\r\nline2")
	want := Record{
		Line: 7, Prefix: "Dr.", GivenName: "Eva", FamilyName: "Roth",
		Emails:      []LabeledValue{{Value: "eva@example.com"}},
		Phones:      []LabeledValue{{Label: "work", Value: "+1 555 0100"}, {Label: "mobile", Value: "x"}},
		Addresses:   []Address{{Label: "work", Street: "Main St 1\nFloor 3", City: "Springfield"}},
		Birthday:    Date{Year: 1970, Month: 3, Day: 4}, // English Outlook: month first
		Notes:       "line1\nline2",
		Categories:  []string{"Kunde", "Lieferant"},
		Custom:      []CustomField{{Name: "Sensitivity", Value: "Private"}},
		Anniversary: Date{},
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("record\n got %+v\nwant %+v", rec, want)
	}
	if len(probs) != 1 || probs[0].Field != FieldPhone || probs[0].Value != "x" {
		t.Errorf("problems = %+v", probs)
	}
}

func TestToRecordProblemsKeepData(t *testing.T) {
	header := []string{"First Name", "Birthday", "Birth Year", "Birth Month", "Birth Day", "Email"}
	rec, probs := mapRow(header, "Kim", "someday", "1980", "13", "40", "kim@@example", "extra", "")
	if rec.GivenName != "Kim" || !rec.Birthday.IsZero() {
		t.Errorf("record %+v", rec)
	}
	wantCustom := []CustomField{{"Birthday", "someday"}, {"Column 7", "extra"}, {"Birth Year", "1980"}, {"Birth Month", "13"}, {"Birth Day", "40"}}
	if !reflect.DeepEqual(rec.Custom, wantCustom) {
		t.Errorf("custom = %+v", rec.Custom)
	}
	if len(rec.Emails) != 1 || rec.Emails[0].Value != "kim@@example" {
		t.Errorf("emails = %+v", rec.Emails)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{`line 7, column "Birthday": unreadable date`, `column "Column 7": value beyond the last column`,
		"line 7: unreadable birth date 1980-13-40", `column "Email": not an e-mail address (more than one @)`} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems lack %q:\n%s", want, joined)
		}
	}
}

func TestToRecordThunderbirdBirthParts(t *testing.T) {
	header := []string{"Display Name", "Birth Year", "Birth Month", "Birth Day"}
	for _, tt := range []struct {
		y, m, d string
		want    Date
	}{
		{"1970", "11", "15", Date{1970, 11, 15}},
		{"", "2", "29", Date{0, 2, 29}},
	} {
		rec, probs := mapRow(header, "X", tt.y, tt.m, tt.d)
		if rec.Birthday != tt.want || len(probs) != 0 {
			t.Errorf("%s-%s-%s: %v %v", tt.y, tt.m, tt.d, rec.Birthday, probs)
		}
	}
}

func TestToRecordEmptyRow(t *testing.T) {
	rec, probs := mapRow([]string{"First Name", "E-mail Address"}, " ", "")
	if !rec.IsEmpty() || len(probs) != 0 {
		t.Errorf("%+v %v", rec, probs)
	}
}

func TestNormalizeLabel(t *testing.T) {
	tests := []struct {
		in      string
		label   string
		primary bool
	}{
		{"* Home", "home", true}, {"Work", "work", false}, {"Home Fax", "home_fax", false}, {"MOBILE", "mobile", false},
		{"Google Voice", "Google Voice", false}, {"*", "", true},
	}
	for _, tt := range tests {
		l, p := normalizeLabel(tt.in)
		if l != tt.label || p != tt.primary {
			t.Errorf("normalizeLabel(%q) = %q, %v", tt.in, l, p)
		}
	}
}
