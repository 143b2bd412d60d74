package carddav

import (
	"context"

	"fieldbook/sync/davhttp"
)

// Client talks CardDAV to one server: the shared DAV HTTP layer (requests,
// change markers, multiget, conditional writes; see sync/davhttp) set to
// address books. It is safe for concurrent use.
type Client struct {
	*davhttp.Client
}

// Config configures New (see davhttp.Config).
type Config = davhttp.Config

// The shared layer's types, under the names this package has always used.
type (
	// HTTPError is an unexpected HTTP status with the server's text.
	HTTPError = davhttp.HTTPError
	// Object is one address object as the server sent it.
	Object = davhttp.Object
	// Ref is one address object's href and ETag (unquoted).
	Ref = davhttp.Ref
	// State is an address book's change markers.
	State = davhttp.State
	// Changes is the result of SyncCollection.
	Changes = davhttp.Changes
	// Remote is one address book of a Client as the sync engine sees it.
	Remote = davhttp.Remote
)

// Sentinel errors; test with errors.Is.
var (
	// ErrPrecondition: the server answered 412 to a conditional write.
	ErrPrecondition = davhttp.ErrPrecondition
	// ErrNotFound: the object does not exist (404).
	ErrNotFound = davhttp.ErrNotFound
	// ErrInvalidSyncToken: the server refused the sync token.
	ErrInvalidSyncToken = davhttp.ErrInvalidSyncToken
)

// DefaultChunk is the multiget size Fetch uses when chunk <= 0.
const DefaultChunk = davhttp.DefaultChunk

// New returns a CardDAV client for cfg. It sends no request.
func New(ctx context.Context, cfg Config) (*Client, error) {
	c, err := davhttp.New(ctx, cfg, davhttp.CardDAV)
	if err != nil {
		return nil, err
	}
	return &Client{c}, nil
}
