package store

import (
	"context"
	"strings"
	"testing"
)

// The timelines read their index in order: no temporary sort of a whole
// contact's, company's or the global list of activities.
func TestActivityTimelineQueriesUseTheirIndexes(t *testing.T) {
	db, _ := openTestDB(t)
	ctx := context.Background()
	for name, q := range map[string]struct {
		sql  string
		args []any
	}{
		"contact": {`SELECT id FROM activities a INDEXED BY activities_by_contact WHERE a.deleted_at IS NULL AND a.contact_id = ? AND (a.occurred_at, a.id) < (?, ?) ORDER BY a.occurred_at DESC, a.id DESC LIMIT 31`, []any{"c", "2026", "x"}},
		"global":  {`SELECT id FROM activities a INDEXED BY activities_live WHERE a.deleted_at IS NULL AND 1 AND (a.occurred_at, a.id) < (?, ?) ORDER BY a.occurred_at DESC, a.id DESC LIMIT 31`, []any{"2026", "x"}},
	} {
		rows, err := db.db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q.sql, q.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "; ")
		if strings.Contains(text, "TEMP B-TREE") || !strings.Contains(text, "USING INDEX") {
			t.Errorf("%s plan: %s", name, text)
		}
		t.Logf("%s: %s", name, text)
	}
}
