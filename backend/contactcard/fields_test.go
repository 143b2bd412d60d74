package contactcard

import (
	"fmt"
	"reflect"

	"fieldbook/backend/crm"
)

// fieldDef names one editable field, how to compare it and which
// properties carry it (for the preservation check).
type fieldDef struct {
	name  string
	get   func(crm.ContactFields) any
	props []string
}

func (fd fieldDef) equal(a, b crm.ContactFields) bool {
	return reflect.DeepEqual(fd.get(a), fd.get(b))
}

func (fd fieldDef) show(f crm.ContactFields) string { return fmt.Sprintf("%q", fd.get(f)) }

// fieldDefs lists the fields. FN and N depend on everything the display
// name is made of, so they belong to "identity".
var fieldDefs = []fieldDef{
	{"identity", func(f crm.ContactFields) any {
		return []any{namesOfFields(f), f.Nickname, f.Company, f.Emails, f.Phones, f.URLs}
	}, []string{"N", "FN"}},
	{"names", func(f crm.ContactFields) any { return namesOfFields(f) }, nil},
	{"nickname", func(f crm.ContactFields) any { return f.Nickname }, []string{"NICKNAME"}},
	{"org", func(f crm.ContactFields) any { return [2]string{f.Company, f.Department} }, []string{"ORG"}},
	{"title", func(f crm.ContactFields) any { return f.Title }, []string{"TITLE"}},
	{"notes", func(f crm.ContactFields) any { return f.Notes }, []string{"NOTE"}},
	{"profile", func(f crm.ContactFields) any { return f.Profile }, []string{ProfileProperty}},
	{"emails", func(f crm.ContactFields) any { return f.Emails }, []string{"EMAIL"}},
	{"phones", func(f crm.ContactFields) any { return f.Phones }, []string{"TEL"}},
	{"urls", func(f crm.ContactFields) any { return f.URLs }, []string{"URL"}},
	{"addresses", func(f crm.ContactFields) any { return f.Addresses }, []string{"ADR", "LABEL"}},
	{"birthday", func(f crm.ContactFields) any { return f.Birthday }, []string{"BDAY"}},
	{"anniversary", func(f crm.ContactFields) any { return f.Anniversary }, append([]string{"X-ABDATE"}, anniversaryNames...)},
	{"tags", func(f crm.ContactFields) any { return f.Tags }, []string{"CATEGORIES"}},
}
