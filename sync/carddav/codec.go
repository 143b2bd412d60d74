package carddav

import (
	"bytes"
	"errors"
	"fmt"

	"fieldbook/backend/contactcard"
	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
	"fieldbook/sync/engine"
)

// Codec is the engine's vCard codec: contacts to vCards and back, patching
// the server's own bytes on upload so what Fieldbook does not model stays.
type Codec struct{}

var _ engine.Codec[crm.ContactFields] = Codec{}

// errNoCard is an object with no readable vCard in it.
var errNoCard = errors.New("no vCard in the object")

func decodeOne(data []byte) (*vcard.Card, error) {
	cards, _, err := vcard.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read vCard: %w", err)
	}
	if len(cards) == 0 {
		return nil, errNoCard
	}
	return cards[0], nil
}

// Decode reads the contact fields and UID of a server object.
func (Codec) Decode(data []byte) (crm.ContactFields, string, error) {
	card, err := decodeOne(data)
	if err != nil {
		return crm.ContactFields{}, "", err
	}
	f, uid := contactcard.FromCard(card)
	return f, uid, nil
}

// New makes a vCard 3.0 for a contact never uploaded (3.0 rather than 4.0:
// Radicale truncates 4.0 inline photos, and every server reads 3.0).
func (Codec) New(f crm.ContactFields, uid string) ([]byte, error) {
	return vcard.Marshal(contactcard.NewCard(f, uid), vcard.Version30)
}

// Patch writes f into the server's bytes. The card keeps its version when
// it is 3.0 or 4.0; a 2.1 card is written as 3.0.
func (Codec) Patch(base []byte, f crm.ContactFields) ([]byte, error) {
	card, err := decodeOne(base)
	if err != nil {
		return nil, err
	}
	version := vcard.Version30
	if card.Version == vcard.Version40 {
		version = vcard.Version40
	}
	return vcard.Marshal(contactcard.Patch(card, f), version)
}

// Adopt makes a new server object from an imported card: f patched in, uid
// as its UID, every other property kept. Like Patch, 2.1 becomes 3.0.
func (c Codec) Adopt(source []byte, f crm.ContactFields, uid string) ([]byte, error) {
	parsed, err := decodeOne(source)
	if err != nil {
		return nil, err
	}
	version := vcard.Version30
	if parsed.Version == vcard.Version40 {
		version = vcard.Version40
	}
	out := contactcard.Patch(parsed, f)
	out.Set("UID", uid)
	return vcard.Marshal(out, version)
}

// Canonical is the normal form in which fields are compared.
func (Codec) Canonical(f crm.ContactFields) crm.ContactFields { return contactcard.Canonical(f) }
