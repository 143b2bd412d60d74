// Package testcorpus finds the shared interoperability corpus
// (../shared/corpus beside the repository: real vCard, iCalendar and CSV
// files from other projects' test suites) for tests. The corpus is read in
// place, never copied into the project.
package testcorpus

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// Files lists the files of one corpus directory ("vcard", "ical") whose
// names end with ext (".vcf"; compared without regard to case), sorted, as
// full paths. It fails the test when there are none.
func Files(tb testing.TB, sub, ext string) []string {
	tb.Helper()
	dir := filepath.Join(Dir(tb), filepath.FromSlash(sub))
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatalf("list corpus %s: %v", sub, err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(strings.ToLower(e.Name()), strings.ToLower(ext)) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		tb.Fatalf("no %s files in the corpus directory %s", ext, dir)
	}
	return out
}

// AddSeeds adds the bytes of every file in paths, then every extra seed, to
// a fuzz target that takes one []byte.
func AddSeeds(f *testing.F, paths []string, extra ...string) {
	f.Helper()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatalf("read seed %s: %v", p, err)
		}
		f.Add(b)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}
