package app

import (
	"encoding/base64"
	"strings"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/phone"
)

// contactExtras are what the contacts binding adds to a stored contact:
// photos, the live custom fields and the default country for phones.
type contactExtras struct {
	photos *contacts.Photos
	defs   contacts.CustomFieldDefs
	region func() string // the default country for phone numbers
}

// SetPhoto makes the image in base64 (standard encoding, optionally a whole
// data: URL) the photo of contact id; mime is what the file claims to be.
// The bytes must be a JPEG, PNG, GIF or WebP image of at most 5 MB.
func (s *ContactsService) SetPhoto(id, data, mime string) (string, error) {
	if i := strings.Index(data, ";base64,"); strings.HasPrefix(data, "data:") && i > 0 {
		data = data[i+len(";base64,"):]
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return "", crm.FieldError(crm.CodePhotoInvalid, "photo", "the photo did not arrive intact (bad base64)")
	}
	p, err := s.extras.photos.Set(s.ctx, id, raw, mime)
	if err != nil {
		return "", err
	}
	s.changed()
	return dataURL(p), nil
}

// RemovePhoto deletes the photo of contact id.
func (s *ContactsService) RemovePhoto(id string) error {
	if err := s.extras.photos.Remove(s.ctx, id); err != nil {
		return err
	}
	s.changed()
	return nil
}

// Photo returns the photo of contact id as a data: URL, "" when it has none.
func (s *ContactsService) Photo(id string) (string, error) {
	p, ok, err := s.extras.photos.Get(s.ctx, id)
	if err != nil || !ok {
		return "", err
	}
	return dataURL(p), nil
}

func dataURL(p crm.Photo) string {
	return "data:" + p.MediaType + ";base64," + base64.StdEncoding.EncodeToString(p.Data)
}

// decorate adds to a contact DTO the reading of its phone numbers and keeps
// only the values of live custom fields.
func (s *ContactsService) decorate(dto Contact, c crm.Contact) (Contact, error) {
	region := "US"
	if s.extras.region != nil {
		region = s.extras.region()
	}
	dto.PhoneInfo = make([]PhoneInfo, len(c.Phones))
	for i, p := range c.Phones {
		n := phone.Parse(p.Value, region)
		dto.PhoneInfo[i] = PhoneInfo{Formatted: phone.Format(n, region), E164: n.E164, Problem: phone.Problem(n)}
	}
	dto.Custom = map[string]string{}
	if len(c.Custom) > 0 && s.extras.defs != nil {
		defs, err := s.extras.defs.CustomFields(s.ctx)
		if err != nil {
			return dto, err
		}
		for _, d := range defs {
			if v, ok := c.Custom[d.ID]; ok {
				dto.Custom[d.ID] = v
			}
		}
	}
	return dto, nil
}
