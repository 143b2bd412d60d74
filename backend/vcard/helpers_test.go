package vcard

import (
	"testing"

	"fieldbook/internal/testcorpus"
)

// corpusFiles lists every .vcf in the corpus, sorted.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	return testcorpus.Files(t, "vcard", ".vcf")
}

// readCorpus returns the bytes of one corpus file by base name.
func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	return testcorpus.Read(t, "vcard/"+name)
}
