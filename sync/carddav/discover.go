package carddav

import (
	"context"
)

// AddressBook is one address book collection found by Discover.
type AddressBook struct {
	// Path is the collection's href (see the package doc on hrefs).
	Path        string
	Name        string // DAV:displayname
	Description string // CARDDAV:addressbook-description
}

// Discovery is what Discover found. Principal and HomeSet are empty when
// the configured URL pointed straight at an address book on a server that
// does not report them.
type Discovery struct {
	Principal    string
	HomeSet      string
	AddressBooks []AddressBook
}

// Discover finds the user's address books (RFC 6764 + RFC 6352 §7); see
// davhttp.Client.Discover for the order in which places are tried.
func (c *Client) Discover(ctx context.Context) (Discovery, error) {
	d, err := c.Client.Discover(ctx)
	if err != nil {
		return Discovery{}, err
	}
	out := Discovery{Principal: d.Principal, HomeSet: d.HomeSet}
	for _, col := range d.Collections {
		out.AddressBooks = append(out.AddressBooks, AddressBook{Path: col.Path, Name: col.Name, Description: col.Description})
	}
	return out, nil
}
