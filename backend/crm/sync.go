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

// Kinds of collections.
const (
	CollectionAddressBook = "addressbook"
	CollectionCalendar    = "calendar"
)

// Collection is one address book or calendar of an account.
type Collection struct {
	ID        string
	AccountID string
	Href      string // the collection's path on the server
	Name      string
	Enabled   bool
	// Default marks the address book new local contacts are uploaded to
	// (a calendar's meetings and tasks go to the local calendar tied to it).
	Default   bool
	SyncToken string
	CTag      string
	// Kind is CollectionAddressBook ("" is read as one) or
	// CollectionCalendar.
	Kind string
	// Components are a calendar's component names ("VEVENT", "VTODO").
	Components []string
	// Color is a calendar's colour on the server ("#RRGGBB"), "" if none.
	Color string
}

// IsCalendar reports whether the collection is a calendar.
func (c Collection) IsCalendar() bool { return c.Kind == CollectionCalendar }

// RemoteLink ties a record (a contact, a meeting or a task) to the object
// that carries it on a server: its href, ETag and UID, and the exact bytes
// last seen on (or sent to) the server. Those bytes are the three-way merge
// base and carry every property Fieldbook does not model.
type RemoteLink struct {
	CollectionID string
	Href         string
	// ItemID is the linked record's ID (a contact's, or a meeting's or
	// task's for a calendar).
	ItemID string
	UID    string
	ETag   string // "" while unknown (a create in flight, or a server that sent none)
	Base   []byte // nil while a first create is in flight
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

// SyncRecord is a local record as the sync engine sees it: its ID, whether
// it is deleted, and the fields that sync (F is ContactFields for an
// address book, CalendarObject for a calendar).
type SyncRecord[F any] struct {
	ID string
	// UID is the UID the record already carries (a meeting's iCalendar
	// UID, kept byte for byte); "" lets its first upload use ID.
	UID       string
	DeletedAt *time.Time
	Fields    F
}

// LocalState is what the device holds for a RemoteItem's href.
type LocalState[F any] struct {
	Link   *RemoteLink    // nil when the href is new to this device
	Record *SyncRecord[F] // nil when no record is linked
	// Pending is true while the record has local changes not yet sent.
	Pending bool
	// PendingUpTo is the last journal row of those changes.
	PendingUpTo int64
	// Conflicts are the record's unresolved conflicts, by field.
	Conflicts map[string]Conflict
}

// RemoteDecision is what to store for a RemoteItem, decided by the sync
// engine from the item and the LocalState.
type RemoteDecision[F any] struct {
	Skip bool // nothing to write
	// WriteFields writes Fields to the record, creating it when there is
	// none. The write is not journalled: it came from the server.
	WriteFields bool
	Fields      F
	Undelete    bool // bring a tombstoned record back (a server edit beat a local delete)
	Tombstone   bool // delete the record locally (deleted on the server)
	// DropPendingUpTo marks the record's journal rows up to this seq as
	// sent (superseded); 0 keeps them.
	DropPendingUpTo int64
	// Link is stored for the href; nil removes the link.
	Link *RemoteLink
	// Conflicts replace the record's open conflicts on the same fields.
	Conflicts []Conflict
	// Requeue journals an upload of the record (when the server lost it
	// while only an open conflict held this device's values).
	Requeue bool
	// DropConflicts closes the record's open conflicts on these fields
	// (both sides now agree, or the policy decided).
	DropConflicts []string
}

// PendingPush is a record with local changes a collection must upload.
type PendingPush[F any] struct {
	Record SyncRecord[F]
	Link   *RemoteLink // nil when the record was never uploaded
	UpTo   int64       // last journal row covered by this upload
	From   int64       // first unsent journal row (the order uploads are taken in)
	// Source is the file the record was imported from (a vCard or an
	// iCalendar object; nil if none): a first upload starts from it so its
	// unmodelled properties go along.
	Source []byte
	// Conflicts are the record's unresolved conflicts, by field: those
	// fields are not uploaded until the user decides.
	Conflicts map[string]Conflict
}

// Conflict resolutions.
const (
	ResolveMine   = "mine"
	ResolveTheirs = "theirs"
	ResolveBoth   = "both"
)

// Conflict is one field of a record changed both here and on the server
// since the last sync. Values are JSON of the field's value.
type Conflict struct {
	ID string
	// Entity is the record's kind as the journal names it (EntityContact,
	// EntityEvent, EntityTask); "" is read as a contact.
	Entity string
	// ItemID is the record's ID.
	ItemID    string
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
