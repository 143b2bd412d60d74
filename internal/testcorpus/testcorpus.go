// Package testcorpus finds the shared interoperability corpus
// (../shared/corpus beside the repository: real vCard, iCalendar and CSV
// files from other projects' test suites) for tests. The corpus is read in
// place, never copied into the project.
package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus directory ($FIELDBOOK_CORPUS when set, for a
// checkout that does not sit beside it, such as a git worktree), failing the
// test if it is missing.
func Dir(tb testing.TB) string {
	tb.Helper()
	if env := os.Getenv("FIELDBOOK_CORPUS"); env != "" {
		if _, err := os.Stat(filepath.Join(env, "NOTES.md")); err != nil {
			tb.Fatalf("FIELDBOOK_CORPUS=%s holds no corpus: %v", env, err)
		}
		return env
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatalf("no go.mod above the test directory")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(corpus, "NOTES.md")); err != nil {
		tb.Fatalf("corpus not found at %s (it must sit beside the repository as ../shared/corpus): %v", corpus, err)
	}
	return corpus
}

// Read returns one corpus file, named relative to the corpus directory
// ("vcard/ezvcard__outlook-2007.vcf").
func Read(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(Dir(tb), filepath.FromSlash(rel)))
	if err != nil {
		tb.Fatalf("read %s: %v", rel, err)
	}
	return b
}
