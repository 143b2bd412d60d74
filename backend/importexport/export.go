package importexport

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fieldbook/backend/contactcard"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/backend/vcard"
)

// ExportFormat is a file format Fieldbook exports.
type ExportFormat string

const (
	// ExportCSV is CSV with Outlook's English header (UTF-8 with a BOM, so
	// Excel and Outlook read non-Latin names).
	ExportCSV ExportFormat = "csv"
	// ExportVCard3 is vCard 3.0.
	ExportVCard3 ExportFormat = "vcard3"
	// ExportVCard4 is vCard 4.0.
	ExportVCard4 ExportFormat = "vcard4"
	// ExportICS is iCalendar: every meeting and task (not contacts) in one
	// VCALENDAR.
	ExportICS ExportFormat = "ics"
)

// ParseExportFormat reads an export format name.
func ParseExportFormat(s string) (ExportFormat, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return ExportCSV, nil
	case "vcard3", "vcard", "vcf", "3.0":
		return ExportVCard3, nil
	case "vcard4", "4.0":
		return ExportVCard4, nil
	case "ics", "ical", "icalendar":
		return ExportICS, nil
	}
	return "", crm.Errorf(crm.CodeInvalidInput, "unknown export format %q (csv, vcard3, vcard4 or ics)", s)
}

// Ext is the file name extension of the format.
func (f ExportFormat) Ext() string {
	switch f {
	case ExportCSV:
		return ".csv"
	case ExportICS:
		return ".ics"
	}
	return ".vcf"
}

func (f ExportFormat) version() string {
	if f == ExportVCard4 {
		return vcard.Version40
	}
	return vcard.Version30
}

// Export writes the live contacts (all, or those in ids) to w in one file
// and returns how many it wrote. ExportICS writes every live meeting and
// task instead (ids are contacts and do not apply).
func Export(ctx context.Context, db *store.DB, w io.Writer, format ExportFormat, ids []string) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	var err error
	switch format {
	case ExportCSV:
		n, err = exportCSV(ctx, db, bw, ids)
	case ExportICS:
		n, err = exportICS(ctx, db, bw)
	case ExportVCard3, ExportVCard4:
		err = db.ExportContacts(ctx, ids, func(e store.ExportedContact) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			b, err := CardBytes(e, format)
			if err != nil {
				return err
			}
			n++
			_, err = bw.Write(b)
			return err
		})
	default:
		return 0, crm.Errorf(crm.CodeInvalidInput, "unknown export format %q", format)
	}
	if err != nil {
		return n, fmt.Errorf("importexport: export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("importexport: export: %w", err)
	}
	return n, nil
}

// ExportFiles writes each contact to its own file in dir (created if
// missing), named after the contact, and returns the paths written.
func ExportFiles(ctx context.Context, db *store.DB, dir string, format ExportFormat, ids []string) ([]string, error) {
	if format == ExportICS {
		return nil, crm.Errorf(crm.CodeInvalidInput, "meetings and tasks are exported into one .ics file, not one file each")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("importexport: create %s: %w", dir, err)
	}
	var paths []string
	used := map[string]int{}
	err := db.ExportContacts(ctx, ids, func(e store.ExportedContact) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var buf bytes.Buffer
		if format == ExportCSV {
			if _, err := writeCSV(&buf, []store.ExportedContact{e}); err != nil {
				return err
			}
		} else {
			b, err := CardBytes(e, format)
			if err != nil {
				return err
			}
			buf.Write(b)
		}
		base := fileName(e.Contact)
		used[strings.ToLower(base)]++
		if k := used[strings.ToLower(base)]; k > 1 {
			base = fmt.Sprintf("%s (%d)", base, k)
		}
		p := filepath.Join(dir, base+format.Ext())
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			return err
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return paths, fmt.Errorf("importexport: export to %s: %w", dir, err)
	}
	return paths, nil
}

// fileName is a file name made from the contact's name, without characters
// that file systems refuse.
func fileName(c crm.Contact) string {
	name := strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(c.DisplayName()))
	name = strings.Trim(name, ". ")
	if r := []rune(name); len(r) > 80 {
		name = string(r[:80])
	}
	if name == "" {
		name = c.ID
	}
	return name
}

// CardBytes is the vCard of an exported contact: its imported card with the
// current fields patched in (so unknown properties and groups survive), or
// a new card with the contact's ID as UID. The stored photo, when there is
// one, is the card's PHOTO.
func CardBytes(e store.ExportedContact, format ExportFormat) ([]byte, error) {
	var card *vcard.Card
	if e.Card != nil {
		cards, _, err := vcard.Decode(bytes.NewReader(e.Card))
		if err == nil && len(cards) > 0 {
			card = contactcard.Patch(cards[0], cardFields(cards[0], e.Contact.ContactFields))
		}
	}
	if card == nil {
		card = contactcard.NewCard(e.Contact.ContactFields, e.Contact.ID)
	}
	if e.Photo != nil {
		setPhoto(card, *e.Photo)
	}
	b, err := vcard.Marshal(card, format.version())
	if err != nil {
		return nil, fmt.Errorf("write the vCard of contact %s: %w", e.Contact.ID, err)
	}
	return b, nil
}

// cardFields are the fields to patch into a kept card: the card's own
// fields, with those the user changed since the import replaced by the
// contact's. Fields that only differ because the import normalised them (a
// web address given a scheme, an invalid e-mail dropped) keep the card's
// original properties.
func cardFields(card *vcard.Card, current crm.ContactFields) crm.ContactFields {
	raw, _ := contactcard.FromCard(card)
	imported, _, err := sanitize(raw)
	if err != nil {
		return current
	}
	out := raw
	for _, name := range contacts.ChangedFields(imported, current) {
		copyField(&out, current, name)
	}
	return out
}

// copyField copies the field called name (as contacts.ChangedFields names
// it) from src to dst.
func copyField(dst *crm.ContactFields, src crm.ContactFields, name string) {
	switch name {
	case "prefix":
		dst.Prefix = src.Prefix
	case "givenName":
		dst.GivenName = src.GivenName
	case "middleName":
		dst.MiddleName = src.MiddleName
	case "familyName":
		dst.FamilyName = src.FamilyName
	case "suffix":
		dst.Suffix = src.Suffix
	case "nickname":
		dst.Nickname = src.Nickname
	case "company":
		dst.Company = src.Company
	case "department":
		dst.Department = src.Department
	case "title":
		dst.Title = src.Title
	case "notes":
		dst.Notes = src.Notes
	case "profile":
		dst.Profile = src.Profile
	case "emails":
		dst.Emails = src.Emails
	case "phones":
		dst.Phones = src.Phones
	case "urls":
		dst.URLs = src.URLs
	case "addresses":
		dst.Addresses = src.Addresses
	case "birthday":
		dst.Birthday = src.Birthday
	case "anniversary":
		dst.Anniversary = src.Anniversary
	case "tags":
		dst.Tags = src.Tags
	case "custom":
		dst.Custom = src.Custom
	}
}

// setPhoto makes p the card's photo, leaving an identical PHOTO untouched
// (so its original line is kept byte for byte).
func setPhoto(card *vcard.Card, p store.Photo) {
	prop := card.Preferred("PHOTO")
	if prop != nil {
		if data, _, err := prop.Data(); err == nil && bytes.Equal(data, p.Data) {
			return
		}
	} else {
		prop = vcard.NewProperty("PHOTO", "")
		card.Add(prop)
	}
	prop.SetData(p.MediaType, p.Data)
}

// outlookHeader is the header Outlook writes in an English CSV export (the
// columns Fieldbook fills), in Outlook's order.
var outlookHeader = []string{
	"Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
	"Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
	"Home Street", "Home City", "Home State", "Home Postal Code", "Home Country/Region",
	"Other Street", "Other City", "Other State", "Other Postal Code", "Other Country/Region",
	"Business Fax", "Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2", "Mobile Phone",
	"Other Phone", "Pager", "Anniversary", "Birthday", "Categories",
	"E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Nickname", "Notes", "Web Page",
}

// column indexes into outlookHeader.
var outlookCol = func() map[string]int {
	m := make(map[string]int, len(outlookHeader))
	for i, h := range outlookHeader {
		m[h] = i
	}
	return m
}()

func exportCSV(ctx context.Context, db *store.DB, w io.Writer, ids []string) (int, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return 0, err
	}
	if err := cw.Write(outlookHeader); err != nil {
		return 0, err
	}
	n := 0
	err := db.ExportContacts(ctx, ids, func(e store.ExportedContact) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		return cw.Write(outlookRow(e.Contact.ContactFields))
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}

func writeCSV(w io.Writer, es []store.ExportedContact) (int, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	io.WriteString(w, "\ufeff")
	cw.Write(outlookHeader)
	for _, e := range es {
		cw.Write(outlookRow(e.Contact.ContactFields))
	}
	cw.Flush()
	return len(es), cw.Error()
}

// outlookRow puts a contact into Outlook's columns: up to three e-mails,
// phones in the slot of their label (else Other Phone), one address per
// label (work → Business, home → Home, anything else → Other).
func outlookRow(f crm.ContactFields) []string {
	row := make([]string, len(outlookHeader))
	set := func(col, v string) bool {
		i := outlookCol[col]
		if row[i] != "" {
			return false
		}
		row[i] = v
		return true
	}
	set("Title", f.Prefix)
	set("First Name", f.GivenName)
	set("Middle Name", f.MiddleName)
	set("Last Name", f.FamilyName)
	set("Suffix", f.Suffix)
	set("Company", f.Company)
	set("Department", f.Department)
	set("Job Title", f.Title)
	set("Nickname", f.Nickname)
	set("Notes", f.Notes)
	set("Birthday", f.Birthday)
	set("Anniversary", f.Anniversary)
	set("Categories", strings.Join(f.Tags, ";"))
	for i, e := range f.Emails {
		if i < 3 {
			set([]string{"E-mail Address", "E-mail 2 Address", "E-mail 3 Address"}[i], e.Value)
		}
	}
	if len(f.URLs) > 0 {
		set("Web Page", f.URLs[0].Value)
	}
	for _, p := range f.Phones {
		var slots []string
		switch p.Label {
		case "work":
			slots = []string{"Business Phone", "Business Phone 2"}
		case "home":
			slots = []string{"Home Phone", "Home Phone 2"}
		case "mobile":
			slots = []string{"Mobile Phone"}
		case "fax":
			slots = []string{"Business Fax"}
		case "pager":
			slots = []string{"Pager"}
		}
		slots = append(slots, "Other Phone")
		for _, s := range slots {
			if set(s, p.Value) {
				break
			}
		}
	}
	for _, a := range f.Addresses {
		prefixes := []string{"Other"}
		switch a.Label {
		case "work":
			prefixes = []string{"Business", "Other"}
		case "home":
			prefixes = []string{"Home", "Other"}
		}
		for _, pre := range prefixes {
			if row[outlookCol[pre+" Street"]]+row[outlookCol[pre+" City"]]+row[outlookCol[pre+" Postal Code"]] != "" {
				continue
			}
			set(pre+" Street", a.Street)
			set(pre+" City", a.City)
			set(pre+" State", a.Region)
			set(pre+" Postal Code", a.Postcode)
			set(pre+" Country/Region", a.Country)
			break
		}
	}
	return row
}
