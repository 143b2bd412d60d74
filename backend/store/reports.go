package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ReportQuery runs a read-only aggregate query for backend/reports, whose
// reports read across the selling and service tables (deals, activities,
// leads, orders, feedback, cases, campaigns). Callers must not write.
func (d *DB) ReportQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: report query: %w", err)
	}
	return rows, nil
}
