package ical

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"fieldbook/backend/textenc"
	"fieldbook/internal/testcorpus"
)

// corpusFiles lists every .ics in the corpus, sorted.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	out := testcorpus.Files(t, "ical", ".ics")
	if len(out) != 47 {
		t.Fatalf("found %d .ics files in the corpus, NOTES.md lists 47", len(out))
	}
	return out
}

// readCorpus returns one corpus file by base name.
func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	return testcorpus.Read(t, "ical/"+name)
}

// readCorpusCal reads one corpus file and fails on an error.
func readCorpusCal(t testing.TB, name string) (*Calendar, []Problem) {
	t.Helper()
	cal, probs, err := Read(readCorpus(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cal, probs
}

// physBreak splits physical lines in the tests' own unfolding.
var physBreak = regexp.MustCompile(`\r\r\n|\r\n|\n|\r`)

// unfoldForTest is an independent, simple unfolding: BOM dropped, lines
// split on any line break, lines starting with a space or TAB joined to the
// previous one without that character, each logical line decoded as
// Windows-1252 when it is not UTF-8. Blank lines are dropped.
func unfoldForTest(t testing.TB, data []byte) []string {
	t.Helper()
	s := strings.TrimPrefix(string(data), "\uFEFF")
	var logical []string
	for _, l := range physBreak.Split(s, -1) {
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(logical) > 0 {
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var out []string
	for _, l := range logical {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if !utf8.ValidString(l) {
			d, err := textenc.DecodeBytes([]byte(l), textenc.Windows1252)
			if err != nil {
				t.Fatal(err)
			}
			l = d
		}
		out = append(out, l)
	}
	return out
}

// node is a component as the tests see it: its property lines (in order)
// and its children.
type node struct {
	name     string
	lines    []string
	children []*node
}

// treeForTest builds a component tree from unfolded lines. Lines with no
// colon are dropped (the reader skips them); a line ending inside a quoted
// parameter is joined with the next one (the reader repairs those).
func treeForTest(lines []string) *node {
	root := &node{name: "ROOT"}
	stack := []*node{root}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.Count(strings.SplitN(l, ":", 2)[0], `"`)%2 == 1 && !strings.Contains(l, ":") && i+1 < len(lines) {
			l += lines[i+1]
			i++
		}
		if !strings.Contains(l, ":") {
			continue
		}
		name, value, _ := strings.Cut(l, ":")
		switch strings.ToUpper(strings.TrimSpace(name)) {
		case "BEGIN":
			n := &node{name: strings.ToUpper(strings.TrimSpace(value))}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
			continue
		case "END":
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		top := stack[len(stack)-1]
		top.lines = append(top.lines, l)
	}
	return root
}

// diffTrees reports the first difference between two trees, or "".
func diffTrees(path string, a, b *node) string {
	if a.name != b.name {
		return path + ": component " + a.name + " became " + b.name
	}
	path += "/" + a.name
	for i := 0; i < max(len(a.lines), len(b.lines)); i++ {
		var x, y string
		if i < len(a.lines) {
			x = a.lines[i]
		}
		if i < len(b.lines) {
			y = b.lines[i]
		}
		if x != y {
			return path + ": line " + quote(x) + " became " + quote(y)
		}
	}
	if len(a.children) != len(b.children) {
		return path + ": child count changed"
	}
	for i := range a.children {
		if d := diffTrees(path, a.children[i], b.children[i]); d != "" {
			return d
		}
	}
	return ""
}

// quote shortens and quotes a line for messages.
func quote(s string) string {
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return `"` + s + `"`
}

// mustProp returns the first property with the name or fails.
func mustProp(t testing.TB, c *Component, name string) *Property {
	t.Helper()
	p := c.Prop(name)
	if p == nil {
		t.Fatalf("%s has no %s", c.Name, name)
	}
	return p
}

// mustComp returns the first top-level component with the name or fails.
func mustComp(t testing.TB, cal *Calendar, name string) *Component {
	t.Helper()
	c := cal.Component(name)
	if c == nil {
		t.Fatalf("no %s", name)
	}
	return c
}

// mustReadFile reads a file or fails.
func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
