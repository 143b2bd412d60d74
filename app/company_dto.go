package app

import (
	"time"

	"fieldbook/backend/crm"
)

// CompanyInput is what the company form sends.
type CompanyInput struct {
	Name     string  `json:"name"`
	Industry string  `json:"industry"`
	Website  string  `json:"website"`
	Size     string  `json:"size"` // a head-count band such as "11-50"
	Phone    string  `json:"phone"`
	Address  Address `json:"address"`
	Notes    string  `json:"notes"`
}

// Company is a whole company for its page.
type Company struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	CompanyInput
	// People is how many live contacts belong to the company.
	People    int    `json:"people"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// ListCompaniesRequest asks for a window of companies, those whose name
// contains Query when it is not blank.
type ListCompaniesRequest struct {
	Query  string `json:"query"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// CompanyPage is a window of companies and how many match.
type CompanyPage struct {
	Items  []Company `json:"items"`
	Total  int       `json:"total"`
	Offset int       `json:"offset"`
}

// CompanyPeopleRequest asks for a window of a company's people.
type CompanyPeopleRequest struct {
	CompanyID string `json:"companyId"`
	Offset    int    `json:"offset"`
	Limit     int    `json:"limit"`
}

// CustomField is the definition of a user-defined contact field.
type CustomField struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"` // text, number, date or choice
	Options []string `json:"options"`
}

// CustomFieldInput creates or changes a custom field (Kind only on create).
type CustomFieldInput struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Options []string `json:"options"`
}

// PhoneInfo is how a contact's phone number reads: Formatted for display
// (national in the default country, international otherwise), E164 for
// tel: links ("" when the number cannot be read), and Problem, an English
// reason when the number cannot be valid ("" when it is fine). The typed
// value stays in Contact.Phones as it was stored.
type PhoneInfo struct {
	Formatted string `json:"formatted"`
	E164      string `json:"e164"`
	Problem   string `json:"problem"`
}

func (in CompanyInput) fields() crm.CompanyFields {
	return crm.CompanyFields{Name: in.Name, Industry: in.Industry, Website: in.Website, Size: in.Size,
		Phone: in.Phone, Address: crm.Address(in.Address), Notes: in.Notes}
}

func toCompanyDTO(c crm.Company) Company {
	return Company{
		ID: c.ID, Version: c.Version,
		CompanyInput: CompanyInput{Name: c.Name, Industry: c.Industry, Website: c.Website, Size: c.Size,
			Phone: c.Phone, Address: Address(c.Address), Notes: c.Notes},
		People:    c.People,
		CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339),
		UpdatedAt: c.UpdatedAt.UTC().Format(time.RFC3339),
	}
}

func toCustomFieldDTO(f crm.CustomField) CustomField {
	return CustomField{ID: f.ID, Name: f.Name, Kind: string(f.Kind), Options: nonNil(f.Options)}
}
