package crm

import "time"

// Account is a CardDAV/CalDAV server the user syncs with. Its password is
// not here: it lives in the OS keychain (or the fallback file), keyed by ID.
type Account struct {
	ID       string
	Name     string // shown to the user; unique
	URL      string // where discovery started (server, principal or collection)
	Username string
	// CertPin is the SHA-256 fingerprint of a self-signed certificate the
	// user explicitly trusted; empty means normal TLS verification only.
	CertPin     string
	CreatedAt   time.Time
	LastSyncAt  *time.Time
	LastError   string // the last sync's error for the user, "" after a good sync
	Collections []Collection
}

// Collection is one address book of an account.
type Collection struct {
	ID        string
	AccountID string
	Href      string // the collection's path on the server
	Name      string
	Enabled   bool
	// Default marks the collection new local contacts are uploaded to.
	Default   bool
	SyncToken string
	CTag      string
}

// RemoteLink ties a contact to the object that carries it on a server:
// its href, ETag and UID, and the exact bytes last seen on (or sent to) the
// server. Those bytes are the three-way merge base and carry every property
// Fieldbook does not model.
type RemoteLink struct {
	CollectionID string
	Href         string
	ContactID    string
	UID          string
	ETag         string // "" while unknown (a create in flight, or a server that sent none)
	Base         []byte // nil while a first create is in flight
	// Creating is true from just before the first upload until the server
	// has confirmed it, so a retry after a crash repeats the same create.
	Creating bool
}

// RemoteItem is one object of a collection as the server reported it.
type RemoteItem struct {
	Href    string
	ETag    string
	Data    []byte // nil when Deleted
	Deleted bool
}

// LocalState is what the device holds for a RemoteItem's href.
type LocalState struct {
	Link    *RemoteLink // nil when the href is new to this device
	Contact *Contact    // nil when no contact is linked
	// Pending is true while the contact has local changes not yet sent.
	Pending bool
	// PendingUpTo is the last journal row of those changes.
	PendingUpTo int64
	// Conflicts are the contact's unresolved conflicts, by field.
	Conflicts map[string]Conflict
}

// RemoteDecision is what to store for a RemoteItem, decided by the sync
// engine from the item and the LocalState.
type RemoteDecision struct {
	Skip bool // nothing to write
	// WriteFields writes Fields to the contact, creating it when there is
	// none. The write is not journalled: it came from the server.
	WriteFields bool
	Fields      ContactFields
	Undelete    bool // bring a tombstoned contact back (a server edit beat a local delete)
	Tombstone   bool // delete the contact locally (deleted on the server)
	// DropPendingUpTo marks the contact's journal rows up to this seq as
	// sent (superseded); 0 keeps them.
	DropPendingUpTo int64
	// Link is stored for the href; nil removes the link.
	Link *RemoteLink
	// Conflicts replace the contact's open conflicts on the same fields.
	Conflicts []Conflict
	// Requeue journals an upload of the contact (when the server lost it
	// while only an open conflict held this device's values).
	Requeue bool
	// DropConflicts closes the contact's open conflicts on these fields
	// (both sides now agree, or the policy decided).
	DropConflicts []string
}

// PendingPush is a contact with local changes a collection must upload.
type PendingPush struct {
	Contact Contact
	Link    *RemoteLink // nil when the contact was never uploaded
	UpTo    int64       // last journal row covered by this upload
	From    int64       // first unsent journal row (the order uploads are taken in)
	// Card is the vCard the contact was imported from (nil if none): a
	// first upload starts from it so its unmodelled properties go along.
	Card []byte
	// Conflicts are the contact's unresolved conflicts, by field: those
	// fields are not uploaded until the user decides.
	Conflicts map[string]Conflict
}

// Conflict resolutions.
const (
	ResolveMine   = "mine"
	ResolveTheirs = "theirs"
	ResolveBoth   = "both"
)

// Conflict is one field of a contact changed both here and on the server
// since the last sync. Values are JSON of the field's value.
type Conflict struct {
	ID        string
	ContactID string
	Field     string
	Base      string
	Mine      string
	Theirs    string
	CreatedAt time.Time
}

// OutboxEntry is a pending change as the outbox view shows it.
type OutboxEntry struct {
	JournalEntry
	State     string // pending or failed
	Attempts  int
	LastError string
	Title     string // the record's display name
}
