package textenc

import (
	"testing"

	"fieldbook/internal/testcorpus"
)

func corpusDir(tb testing.TB) string { return testcorpus.Dir(tb) }

func readCorpus(tb testing.TB, rel string) []byte { return testcorpus.Read(tb, rel) }
