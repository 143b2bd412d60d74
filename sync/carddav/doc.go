// Package carddav is the CardDAV side of Fieldbook's sync engine: a Client
// for address books (the shared DAV HTTP layer of sync/davhttp set to
// CardDAV: addressbook-multiget, text/vcard, /.well-known/carddav,
// addressbook-home-set), the engine's vCard Codec and the contact Schema
// the three-way merge compares field by field.
//
// The requests, their server quirks (measured in
// ../shared/dav/SERVERS.md), the error model and the idempotence rules are
// described in sync/davhttp.
package carddav
