package crm

import "time"

// SearchHit is one record the global search box (Ctrl+K) found.
type SearchHit struct {
	// Kind names the source: "contact", "company", "event", "task", …
	Kind string
	// ID is the record's id in its area.
	ID string
	// Title is the record's name as the user knows it.
	Title string
	// Subtitle is a short second line (a contact's company, a meeting's place).
	Subtitle string
	// Snippet is plain text around the first match outside the title ("" when
	// only the title matched).
	Snippet string
	// Rank orders the hits, larger first. A source sets its text relevance
	// in [0, 1); the searcher adds the title and recency parts.
	Rank float64
	// Extra is one more fact to show, such as a meeting's start or a task's
	// due date ("" for none).
	Extra string
	// UpdatedAt is when the record last changed: recent records rank slightly ahead.
	UpdatedAt time.Time
	// Opens names the record whose page shows this one, "kind:id" (an
	// activity opens on its contact's page); "" for the record itself.
	Opens string
}
