package eventcard

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fieldbook/internal/testcorpus"
)

// corpusICS lists the .ics files of the shared corpus, sorted.
func corpusICS(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(testcorpus.Dir(tb), "ical", "*.ics"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus iCalendar files: %v", err)
	}
	sort.Strings(files)
	return files
}

// readFile returns the bytes of a corpus file.
func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// readObjects reads a corpus .ics file by name and fails on an error.
func readObjects(tb testing.TB, name string) ([]Object, []Problem) {
	tb.Helper()
	objs, probs, err := Read(testcorpus.Read(tb, "ical/"+name))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return objs, probs
}

// lines splits an iCalendar text into unfolded lines.
func lines(b []byte) []string {
	s := strings.ReplaceAll(string(b), "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	return strings.Split(strings.TrimRight(s, "\r\n"), "\r\n")
}

// diff returns the lines only in a and only in b (as multisets).
func diff(a, b []byte) (onlyA, onlyB []string) {
	count := map[string]int{}
	for _, l := range lines(a) {
		count[l]++
	}
	for _, l := range lines(b) {
		if count[l] > 0 {
			count[l]--
			continue
		}
		onlyB = append(onlyB, l)
	}
	for _, l := range lines(a) {
		if count[l] > 0 {
			count[l]--
			onlyA = append(onlyA, l)
		}
	}
	return onlyA, onlyB
}

// problemsMention reports whether any problem's text contains s.
func problemsMention(probs []Problem, s string) bool {
	for _, p := range probs {
		if strings.Contains(p.String(), s) {
			return true
		}
	}
	return false
}
