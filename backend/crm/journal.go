package crm

import "time"

// Journal operations: what a local change did to a record.
const (
	OpCreate  = "create"
	OpUpdate  = "update"
	OpDelete  = "delete"
	OpRestore = "restore"
)

// Entity names used in the change journal.
const EntityContact = "contact"

// JournalEntry is one local change waiting in the outbox. Every change to a
// record writes one, in the same transaction, so nothing is "dirty" only in
// memory and the sync engine can replay what the user did.
type JournalEntry struct {
	Seq       int64
	Entity    string
	EntityID  string
	Op        string
	Fields    []string // the fields the change touched (empty for create/delete)
	CreatedAt time.Time
}
