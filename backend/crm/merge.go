package crm

import "time"

// Merge is one merge of two contacts, kept so it can be undone: the
// survivor (Keep) and the contact merged into it (Other), both as they were
// before.
type Merge struct {
	ID          string
	KeepBefore  Contact
	OtherBefore Contact
	// KeepVersion is the survivor's version right after the merge; undoing
	// it restores the survivor's fields only while it is still there.
	KeepVersion int
	PhotoMoved  bool
	CreatedAt   time.Time
	UndoneAt    *time.Time
}

// Error codes of merging (see errors.go).
const (
	// CodeMergeChanged: the merged contact was edited (or deleted) after
	// the merge, so undoing it would throw that edit away.
	CodeMergeChanged = "merge_changed"
	// CodeMergeUndone: the merge was undone already.
	CodeMergeUndone = "merge_undone"
)
