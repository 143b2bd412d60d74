//go:build !sqlite_fts5

package store

// Fieldbook's search needs SQLite's FTS5, which mattn/go-sqlite3 compiles in
// only with the build tag sqlite_fts5. This reference fails the build early
// with a name that says so, instead of "no such module: fts5" at run time.
var _ = build_with_tags_sqlite_fts5
