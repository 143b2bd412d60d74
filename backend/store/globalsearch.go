package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// SearchRow is one record a full-text index found for the global search box.
type SearchRow struct {
	ID string
	// Score is the bm25 relevance turned positive (larger is better); 0
	// for the one-letter lookup, which is not ranked by text.
	Score    float64
	Title    string
	Subtitle string
	// Extra is one more fact for the result line (a start, a due date).
	Extra string
	// Body is the other indexed text, one field per line, in the order a
	// snippet prefers.
	Body string
	// UpdatedAt is when the record last changed (zero when unreadable).
	UpdatedAt time.Time
	// Opens names the record that shows this one, "kind:id" (an activity
	// opens on its contact's, company's, lead's or deal's page); "" for the
	// record itself.
	Opens string
}

// searchIndex describes one full-text index the global search reads.
type searchIndex struct {
	fts     string // the FTS5 table, rowid = table's rowid
	table   string // the records' table, aliased t in columns
	title   string // the FTS column filter of the title: "{name}"
	weights string // bm25 weights, one per FTS column: titles weigh most
	// columns selects, from t: id, title, subtitle, extra, body, updated_at.
	columns string
	// opens selects the record that shows this one, "kind:id" ('' or unset:
	// the record itself).
	opens string
	// oneMatch skips the separate pass over title matches: for big tables
	// whose titles are short or often empty (activities), where a second
	// FTS match of a long prefix would cost as much again.
	oneMatch bool
}

// jsonValues lists the "value" members of a JSON array of labelled values
// (” when the text is not such an array), one per line.
func jsonValues(col string) string {
	return `coalesce((SELECT group_concat(json_extract(j.value, '$.value'), char(10)) FROM json_each(CASE WHEN json_valid(` + col +
		`) AND json_type(` + col + `) = 'array' THEN ` + col + ` ELSE '[]' END) j WHERE j.type = 'object'), '')`
}

// searchIndexes are the indexes of the global search by kind. A new area
// adds its FTS table in a migration and one entry here (see "Search" in
// docs/ARCHITECTURE.md).
var searchIndexes = map[string]searchIndex{
	"contact": {
		fts: "contacts_fts", table: "contacts", title: "{name}", weights: "10, 4, 3, 3, 2, 1",
		columns: `t.id, t.display_name,
			trim(t.title || CASE WHEN t.title <> '' AND t.company <> '' THEN ' · ' ELSE '' END || t.company),
			coalesce(CASE WHEN json_valid(t.emails) AND json_type(t.emails) = 'array' THEN json_extract(t.emails, '$[0].value') END, ''),
			` + jsonValues("t.emails") + ` || char(10) || ` + jsonValues("t.phones") + ` || char(10) ||
			coalesce((SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(t.tags) AND json_type(t.tags) = 'array' THEN t.tags ELSE '[]' END) j), '')
			|| char(10) || t.notes,
			t.updated_at`,
	},
	"company": {
		fts: "companies_fts", table: "companies", title: "{name}", weights: "10, 2, 1",
		columns: `t.id, t.name, t.industry, t.website,
			t.phone || char(10) || t.website || char(10) || t.notes || char(10) ||
			coalesce((SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(t.address) THEN t.address ELSE '{}' END) j WHERE j.type = 'text'), ''),
			t.updated_at`,
	},
	"event": {
		fts: "events_fts", table: "events", title: "{title}", weights: "10, 3, 2, 1",
		columns: `t.id, t.title, t.location, t.start_utc,
			t.location || char(10) || coalesce((SELECT people FROM events_fts_source s WHERE s.rowid = t.rowid), '') || char(10) || t.notes,
			t.updated_at`,
	},
	"task": {
		fts: "tasks_fts", table: "tasks", title: "{title}", weights: "10, 1",
		columns: `t.id, t.title, CASE t.status WHEN 'completed' THEN 'completed' ELSE '' END, t.due, t.notes, t.updated_at`,
	},
	"lead": {
		fts: "leads_fts", table: "leads", title: "{name company}", weights: "10, 5, 2, 1",
		columns: `t.id, CASE WHEN t.name <> '' THEN t.name ELSE t.company_name END,
			trim(t.title || CASE WHEN t.title <> '' AND t.company_name <> '' AND t.name <> '' THEN ' · ' ELSE '' END ||
				CASE WHEN t.name <> '' THEN t.company_name ELSE '' END),
			t.email, t.email || char(10) || t.phone || char(10) || t.source || char(10) || t.notes, t.updated_at`,
	},
	"deal": {
		fts: "deals_fts", table: "deals", title: "{title}", weights: "10, 4, 1",
		columns: `t.id, t.title, coalesce((SELECT c.name FROM companies c WHERE c.id = t.company_id), ''), t.expected_close,
			t.notes || char(10) || t.close_reason, t.updated_at`,
	},
	"case": {
		fts: "cases_fts", table: "cases", title: "{subject number}", weights: "10, 6, 1",
		columns: `t.id, t.subject, t.number, t.opened_at, t.description, t.updated_at`,
	},
	"activity": {
		fts: "activities_fts", table: "activities", title: "{subject}", weights: "10, 1", oneMatch: true,
		columns: `t.id, CASE WHEN t.subject <> '' THEN t.subject ELSE substr(t.body, 1, 80) END,
			coalesce((SELECT c.display_name FROM contacts c WHERE c.id = t.contact_id), (SELECT co.name FROM companies co WHERE co.id = t.company_id),
				(SELECT l.name FROM leads l WHERE l.id = t.lead_id), (SELECT d.title FROM deals d WHERE d.id = t.deal_id), ''),
			t.occurred_at, t.body, t.updated_at`,
		opens: `CASE WHEN t.contact_id IS NOT NULL THEN 'contact:' || t.contact_id WHEN t.company_id IS NOT NULL THEN 'company:' || t.company_id
				WHEN t.lead_id IS NOT NULL THEN 'lead:' || t.lead_id WHEN t.deal_id IS NOT NULL THEN 'deal:' || t.deal_id ELSE '' END`,
	},
}

// Search caps: a ranked query scores at most rankCap of the newest matches
// of each match (title, then anywhere), so a broad prefix such as "an" over
// 100,000 contacts costs a bounded amount; the newest records win there.
const rankCap = 400

// SearchRows finds the live records of one kind (see searchIndexes) for
// the global search box: every word of text must match as a word prefix,
// and no text is read as FTS syntax. One letter matches titles only, newest
// first; longer text is scored with bm25 over the newest title matches and
// the newest matches anywhere. At most limit rows, best first; none for
// text with nothing searchable.
//
// A prefix longer than the index's prefix lengths (3) makes FTS5 merge the
// lists of every word it begins before the first row (≈3.5 ms for a word in
// 60,000 of 200,000 activities); so when text holds such a word the whole
// words are tried first, and when they alone fill limit rows the prefix
// query is not run.
func (d *DB) SearchRows(ctx context.Context, kind, text string, limit int) ([]SearchRow, error) {
	ix, ok := searchIndexes[kind]
	if !ok {
		return nil, fmt.Errorf("store: search: unknown kind %q", kind)
	}
	match := ftsQuery(text)
	if match == "" || limit <= 0 {
		return nil, nil
	}
	if oneLetter(text) {
		return d.searchIndex(ctx, ix, kind, text, match, true, limit)
	}
	if longWord(match) {
		whole := strings.ReplaceAll(match, `"*`, `"`) // each word quoted, without the prefix star
		rows, err := d.searchIndex(ctx, ix, kind, text, whole, false, limit)
		if err != nil || len(rows) >= limit {
			return rows, err
		}
	}
	return d.searchIndex(ctx, ix, kind, text, match, false, limit)
}

// longWord reports whether an ftsQuery match holds a word longer than the
// indexes' prefix lengths.
func longWord(match string) bool {
	for w := range strings.SplitSeq(match, " ") {
		if utf8.RuneCountInString(w) > len(`"abc"*`) {
			return true
		}
	}
	return false
}

// searchIndex runs one FTS match against ix: titles only and newest first
// (titleOnly), or ranked as SearchRows describes.
func (d *DB) searchIndex(ctx context.Context, ix searchIndex, kind, text, match string, titleOnly bool, limit int) ([]SearchRow, error) {
	inTitle := ix.title + " : (" + match + ")"
	var q string
	var args []any
	if titleOnly {
		q = `WITH m(r, s) AS (SELECT rowid, 0.0 FROM ` + ix.fts + ` WHERE ` + ix.fts + ` MATCH ?1 ORDER BY rowid DESC LIMIT ?2)`
		args = []any{inTitle, limit}
	} else if ix.oneMatch {
		q = `WITH m(r, s) AS (SELECT * FROM (SELECT rowid AS r, -bm25(` + ix.fts + `, ` + ix.weights + `) AS s FROM ` + ix.fts +
			` WHERE ` + ix.fts + ` MATCH ?1 ORDER BY rowid DESC LIMIT ?2) ORDER BY s DESC LIMIT ?3)`
		args = []any{match, rankCap, limit}
	} else {
		bm := `-bm25(` + ix.fts + `, ` + ix.weights + `)`
		q = `WITH m(r, s) AS (SELECT r, max(s) FROM (
			SELECT * FROM (SELECT rowid AS r, ` + bm + ` AS s FROM ` + ix.fts + ` WHERE ` + ix.fts + ` MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
			UNION ALL
			SELECT * FROM (SELECT rowid AS r, ` + bm + ` AS s FROM ` + ix.fts + ` WHERE ` + ix.fts + ` MATCH ?2 ORDER BY rowid DESC LIMIT ?3))
			GROUP BY r ORDER BY max(s) DESC LIMIT ?4)`
		args = []any{inTitle, match, rankCap, limit}
	}
	opens := ix.opens
	if opens == "" {
		opens = "''"
	}
	q += ` SELECT m.s, ` + ix.columns + `, ` + opens + ` FROM m JOIN ` + ix.table + ` t ON t.rowid = m.r WHERE t.deleted_at IS NULL ORDER BY m.s DESC, m.r DESC`
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: search %s for %q: %w", kind, text, err)
	}
	defer rows.Close()
	var out []SearchRow
	for rows.Next() {
		var (
			r       SearchRow
			updated string
		)
		if err := rows.Scan(&r.Score, &r.ID, &r.Title, &r.Subtitle, &r.Extra, &r.Body, &updated, &r.Opens); err != nil {
			return nil, fmt.Errorf("store: search %s for %q: %w", kind, text, err)
		}
		r.UpdatedAt, _ = parseTime(updated) // a damaged time only loses the recency nudge
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %s for %q: %w", kind, text, err)
	}
	return out, nil
}

// oneLetter reports whether text is a single searchable character, such
// as "j" or "র" (a prefix that matches too much to rank by text).
func oneLetter(text string) bool {
	m := ftsQuery(text) // `"x"*` for one word
	return utf8.RuneCountInString(m) == 4
}

// SearchKinds lists the kinds SearchRows knows.
func SearchKinds() []string {
	out := make([]string, 0, len(searchIndexes))
	for k := range searchIndexes {
		out = append(out, k)
	}
	return out
}
