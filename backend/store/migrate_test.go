package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOpenAppliesMigrationsOnceAndRecordsThem(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db", "fieldbook.db") // the folder does not exist yet
	for range 2 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		var n int
		if err := db.db.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 1 AND name = '0001_contacts'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("schema_migrations rows for 0001 = %d, %v; want 1", n, err)
		}
		var mode string
		if err := db.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
		}
		var fk, busy int
		db.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		db.db.QueryRow(`PRAGMA busy_timeout`).Scan(&busy)
		if fk != 1 || busy != 5000 {
			t.Fatalf("foreign_keys=%d busy_timeout=%d; want 1 and 5000", fk, busy)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

func TestMigrationFailureRollsBackThatMigrationOnly(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fsys := fstest.MapFS{
		"migrations/0001_a.sql": {Data: []byte(`CREATE TABLE a (x INTEGER);`)},
		"migrations/0002_b.sql": {Data: []byte(`CREATE TABLE b (x INTEGER); THIS IS NOT SQL;`)},
	}
	err = migrateFS(ctx, db, fsys)
	if err == nil || !strings.Contains(err.Error(), "0002_b") {
		t.Fatalf("migrate = %v; want an error naming 0002_b", err)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'b'`).Scan(&n)
	if n != 0 {
		t.Fatal("table b exists: the failed migration was not rolled back")
	}
	db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d migrations recorded; want only 0001", n)
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "f.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.db.Exec(`INSERT INTO schema_migrations VALUES (9999, '9999_future', '2030-01-01T00:00:00Z')`)
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("open = %v; want a 'newer schema' error", err)
	}
}

func TestMigrationNamesMustBeNumbered(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no number": {"migrations/init.sql": {Data: []byte(`SELECT 1;`)}},
		"duplicate": {"migrations/0001_a.sql": {Data: []byte(`SELECT 1;`)}, "migrations/01_b.sql": {Data: []byte(`SELECT 1;`)}},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: loadMigrations accepted it", name)
		}
	}
}
