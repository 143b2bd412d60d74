// Package store keeps Fieldbook's data in a local SQLite database: schema
// migrations, one file per aggregate, the full-text indexes and the change
// journal (outbox). Exported methods own their transaction; unexported
// helpers take the transaction they work in.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fieldbook/backend/crm"

	_ "github.com/mattn/go-sqlite3" // the database/sql driver "sqlite3"
)

// DB is an open Fieldbook database.
type DB struct {
	db     *sql.DB
	path   string
	clock  crm.Clock
	search searchTuning
}

// Option configures Open.
type Option func(*DB)

// WithClock sets the clock used for journal timestamps (tests fix the time).
func WithClock(c crm.Clock) Option { return func(d *DB) { d.clock = c } }

// Open opens (creating it if needed) the database file at path and applies
// any pending migrations. WAL, foreign keys and the busy timeout are set in
// the DSN so every pooled connection gets them.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("store: open: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("store: create database folder %s: %w", dir, err)
		}
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	q.Set("_cache_size", "-65536") // 64 MiB of page cache: bulk writes and searches stay in memory
	dsn := "file:" + path + "?" + q.Encode()
	sqlDB, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One writer: SQLite serialises writes anyway; a single connection for
	// writes avoids SQLITE_BUSY between our own goroutines. Reads share it,
	// which is fast enough for one user and keeps memory small.
	sqlDB.SetMaxOpenConns(1)
	d := &DB{db: sqlDB, path: path, clock: crm.SystemClock{}, search: defaultSearchTuning}
	for _, o := range opts {
		o(d)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := migrate(ctx, sqlDB); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the database.
func (d *DB) Close() error {
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Path is the database file's path.
func (d *DB) Path() string { return d.path }

// IntegrityCheck runs PRAGMA integrity_check and returns an error describing
// the first problems if the database is damaged.
func (d *DB) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := d.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check failed: %s", res)
	}
	return nil
}

// inTx runs fn in one transaction, committing if it returns nil.
func (d *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
