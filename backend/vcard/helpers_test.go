package vcard

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fieldbook/internal/testcorpus"
)

// corpusDir is the vCard part of the shared corpus (../shared/corpus/vcard).
func corpusDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(testcorpus.Dir(t), "vcard")
}

// corpusFiles lists every .vcf in the corpus, sorted.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	dir := corpusDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(strings.ToLower(e.Name()), ".vcf") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Fatal("no .vcf files in the corpus")
	}
	return out
}

// readCorpus returns the bytes of one corpus file by base name.
func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
