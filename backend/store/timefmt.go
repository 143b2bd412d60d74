package store

import (
	"database/sql"
	"fmt"
	"time"
)

// timeLayout stores instants as fixed-width UTC text, so text order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: bad timestamp %q: %w", s, err)
	}
	return t, nil
}

// recordTimes are the stored timestamps every record has.
type recordTimes struct {
	created, updated string
	deleted          sql.NullString
}

// parse reads the timestamps: created, updated, and the tombstone (nil while live).
func (rt recordTimes) parse() (created, updated time.Time, deleted *time.Time, err error) {
	if created, err = parseTime(rt.created); err != nil {
		return
	}
	if updated, err = parseTime(rt.updated); err != nil {
		return
	}
	if rt.deleted.Valid {
		t, perr := parseTime(rt.deleted.String)
		if perr != nil {
			err = perr
			return
		}
		deleted = &t
	}
	return
}
