package app

// DuplicateSide is one contact of a suggested pair.
type DuplicateSide struct {
	ContactSummary
	CreatedAt string `json:"createdAt"`
	Version   int    `json:"version"`
}

// DuplicatePair is two contacts that are probably the same person.
type DuplicatePair struct {
	A DuplicateSide `json:"a"`
	B DuplicateSide `json:"b"`
	// Reasons: "email", "phone", "name".
	Reasons []string `json:"reasons"`
	// Score in (0, 1]: how sure the match is.
	Score float64 `json:"score"`
}

// DuplicateList is the suggested pairs (at most 500) and how many there are.
type DuplicateList struct {
	Pairs []DuplicatePair `json:"pairs"`
	Total int             `json:"total"`
}

// MergePreview is both contacts and the record their merge would give.
// Fields are the one-value fields the user picks a side of, in form order.
type MergePreview struct {
	Keep   Contact  `json:"keep"`
	Other  Contact  `json:"other"`
	Merged Contact  `json:"merged"`
	Fields []string `json:"fields"`
}

// MergeResult is the merged contact and the merge's id (for UndoMerge).
type MergeResult struct {
	Contact Contact `json:"contact"`
	MergeID string  `json:"mergeId"`
}

// UndoMergeResult is both contacts after an undo.
type UndoMergeResult struct {
	Keep  Contact `json:"keep"`
	Other Contact `json:"other"`
}

// MergeSummary is one merge in the list of recent merges.
type MergeSummary struct {
	ID        string `json:"id"`
	KeepID    string `json:"keepId"`
	KeepName  string `json:"keepName"`
	OtherID   string `json:"otherId"`
	OtherName string `json:"otherName"`
	CreatedAt string `json:"createdAt"`
	Undone    bool   `json:"undone"`
}
