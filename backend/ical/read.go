package ical

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/contentline"
	"fieldbook/backend/textenc"
)

// ErrNoCalendar is returned by Read and ReadAll for input that holds no
// VCALENDAR and no component at all.
var ErrNoCalendar = errors.New("ical: no calendar data")

// maxDepth bounds component nesting (VCALENDAR > VEVENT > VALARM is three);
// deeper components are skipped and reported.
const maxDepth = 32

// Read parses an iCalendar object. Several VCALENDARs in one input are
// merged into the first (their components appended, calendar properties
// with a name the first one lacks added) and reported; ReadAll keeps them
// apart. Problems list what was skipped or repaired; the error is
// ErrNoCalendar when nothing could be read.
func Read(data []byte) (*Calendar, []Problem, error) {
	cals, probs, err := ReadAll(data)
	if err != nil {
		return nil, probs, err
	}
	cal := cals[0]
	for _, other := range cals[1:] {
		probs = append(probs, Problem{Line: other.Line, Reason: "another VCALENDAR in the same input: its components were merged into the first"})
		for _, p := range other.Props {
			if cal.Prop(p.Name) == nil {
				cal.Props = append(cal.Props, p)
			}
		}
		cal.Components = append(cal.Components, other.Components...)
	}
	return cal, probs, nil
}

// ReadAll parses every VCALENDAR in the input, in order. Components found
// outside a VCALENDAR are put into an implicit calendar (Line 0) and
// reported.
func ReadAll(data []byte) ([]*Calendar, []Problem, error) {
	r := &reader{fallback: textenc.Windows1252}
	data = r.prepare(data)
	lx := lexer{data: data}
	for {
		line, num, ok := lx.next()
		if !ok {
			break
		}
		joined := false
		if openQuote(line) {
			line, joined = lx.joinBroken(line)
		}
		r.line = num
		r.handle(line)
		if joined {
			r.problem("", "a line broken inside a quoted parameter was joined with the next line")
		}
	}
	r.finish()
	if len(r.cals) == 0 {
		return nil, r.probs, ErrNoCalendar
	}
	return r.cals, r.probs, nil
}

// reader assembles calendars from content lines.
type reader struct {
	cals     []*Calendar
	cur      *Calendar    // the open calendar, nil outside one
	stack    []*Component // open components inside cur
	skip     int          // nesting depth of components being skipped
	probs    []Problem
	fallback string // charset for lines that are not UTF-8
	line     int    // physical line of the current logical line
}

// prepare sniffs the encoding: UTF-16 is transcoded to UTF-8, a UTF-8 BOM
// dropped, and the legacy charset for non-UTF-8 lines chosen.
func (r *reader) prepare(data []byte) []byte {
	d := textenc.Detect(data)
	switch d.Name {
	case textenc.UTF16LE, textenc.UTF16BE:
		s, err := textenc.DecodeBytes(data, d.Name)
		if err != nil {
			r.problem("", fmt.Sprintf("input looks like %s but does not decode (%v); read as bytes", d.Name, err))
			return data
		}
		s = strings.TrimPrefix(s, "\uFEFF")
		return []byte(s)
	case textenc.ShiftJIS, textenc.Windows1252:
		r.fallback = d.Name
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		data = data[3:]
	}
	return data
}

// problem records a problem at the current line.
func (r *reader) problem(prop, reason string) {
	r.probs = append(r.probs, Problem{Line: r.line, Component: r.where(), Property: prop, Reason: reason})
}

// where names the innermost open component.
func (r *reader) where() string {
	if n := len(r.stack); n > 0 {
		return r.stack[n-1].Name
	}
	if r.cur != nil {
		return "VCALENDAR"
	}
	return ""
}

// handle processes one logical line.
func (r *reader) handle(b []byte) {
	if len(contentline.TrimWS(b)) == 0 {
		return // blank lines are common between components
	}
	var line string
	if utf8.Valid(b) {
		line = string(b)
	} else {
		s, err := textenc.DecodeBytes(b, r.fallback)
		if err != nil {
			s = strings.ToValidUTF8(string(b), "\uFFFD")
			r.problem("", fmt.Sprintf("line is not valid UTF-8 and %s failed (%v); invalid bytes replaced", r.fallback, err))
		} else {
			r.problem("", "line is not valid UTF-8; decoded as "+r.fallback)
		}
		line = s
	}
	p, warnings, err := parseLine(line)
	if err != nil {
		r.problem("", fmt.Sprintf("line skipped: %v: %q", err, contentline.Truncate(line, 60)))
		return
	}
	switch p.Name {
	case "BEGIN":
		r.begin(p)
		return
	case "END":
		r.end(p)
		return
	}
	if r.skip > 0 {
		return
	}
	for _, w := range warnings {
		r.problem(p.Name, w)
	}
	p.Line = r.line
	switch {
	case len(r.stack) > 0:
		top := r.stack[len(r.stack)-1]
		top.Props = append(top.Props, p)
	case r.cur != nil:
		r.cur.Props = append(r.cur.Props, p)
	default:
		r.problem(p.Name, "property outside any VCALENDAR skipped")
	}
}

// compName returns the component name of a BEGIN/END line, or "".
func compName(p *Property) string {
	name := strings.ToUpper(strings.TrimSpace(p.Value))
	if !contentline.ValidName(name) {
		return ""
	}
	return name
}

// begin opens a component.
func (r *reader) begin(p *Property) {
	if r.skip > 0 {
		r.skip++
		return
	}
	name := compName(p)
	if name == "" {
		r.problem("BEGIN", fmt.Sprintf("invalid component name %q; line skipped", contentline.Truncate(p.Value, 40)))
		return
	}
	if name == "VCALENDAR" {
		if r.cur != nil {
			r.problem("", "BEGIN:VCALENDAR before the previous calendar ended; it was closed")
			r.closeCalendar()
		}
		r.cur = &Calendar{Line: r.line}
		r.cals = append(r.cals, r.cur)
		return
	}
	if r.cur == nil {
		r.problem("", fmt.Sprintf("%s outside any VCALENDAR; read into an implicit calendar", name))
		r.cur = &Calendar{}
		r.cals = append(r.cals, r.cur)
	}
	if len(r.stack) >= maxDepth {
		r.problem("", fmt.Sprintf("components nested deeper than %d levels skipped", maxDepth))
		r.skip = 1
		return
	}
	c := &Component{Name: name, Line: r.line}
	if n := len(r.stack); n > 0 {
		r.stack[n-1].Children = append(r.stack[n-1].Children, c)
	} else {
		r.cur.Components = append(r.cur.Components, c)
	}
	r.stack = append(r.stack, c)
}

// end closes a component.
func (r *reader) end(p *Property) {
	if r.skip > 0 {
		r.skip--
		return
	}
	name := compName(p)
	if name == "" {
		r.problem("END", fmt.Sprintf("invalid component name %q; line skipped", contentline.Truncate(p.Value, 40)))
		return
	}
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i].Name != name {
			continue
		}
		if i != len(r.stack)-1 {
			r.problem("", fmt.Sprintf("END:%s closes unclosed %s", name, r.stack[len(r.stack)-1].Name))
		}
		r.stack = r.stack[:i]
		return
	}
	if name == "VCALENDAR" && r.cur != nil {
		if len(r.stack) > 0 {
			r.problem("", fmt.Sprintf("END:VCALENDAR closes unclosed %s", r.stack[len(r.stack)-1].Name))
		}
		r.closeCalendar()
		return
	}
	r.problem("END", fmt.Sprintf("END:%s without a matching BEGIN ignored", name))
}

// closeCalendar ends the open calendar and its components.
func (r *reader) closeCalendar() {
	r.cur, r.stack = nil, r.stack[:0]
}

// finish reports what was left open at the end of the input.
func (r *reader) finish() {
	switch {
	case len(r.stack) > 0:
		r.problem("", fmt.Sprintf("input ended inside %s; it was closed", r.stack[len(r.stack)-1].Name))
	case r.cur != nil && r.cur.Line > 0:
		r.problem("", "input ended without END:VCALENDAR")
	}
	r.closeCalendar()
}

// lexer splits the input into unfolded logical lines.
type lexer struct {
	data []byte
	pos  int
	line int    // physical lines consumed
	acc  []byte // scratch for folded lines
}

// phys returns the next physical line without its terminator (CRLF, LF, CR
// or CR CR LF).
func (lx *lexer) phys() ([]byte, bool) {
	if lx.pos >= len(lx.data) {
		return nil, false
	}
	rest := lx.data[lx.pos:]
	end := len(rest)
	term := 0
	for i, c := range rest {
		if c == '\n' {
			end, term = i, 1
			break
		}
		if c == '\r' {
			end, term = i, 1
			switch {
			case i+1 < len(rest) && rest[i+1] == '\n':
				term = 2
			case i+2 < len(rest) && rest[i+1] == '\r' && rest[i+2] == '\n':
				term = 3
			}
			break
		}
	}
	lx.pos += end + term
	lx.line++
	return rest[:end], true
}

// next returns the next logical line (valid until the following call) and
// the physical line number it starts on.
func (lx *lexer) next() ([]byte, int, bool) {
	first, ok := lx.phys()
	if !ok {
		return nil, 0, false
	}
	num := lx.line
	if !lx.continues() {
		return first, num, true
	}
	lx.acc = append(lx.acc[:0], first...)
	for lx.continues() {
		cont, _ := lx.phys()
		lx.acc = append(lx.acc, cont[1:]...)
	}
	return lx.acc, num, true
}

// joinBroken joins line with the next logical line when the result has a
// colon outside quotes (a writer broke the line inside a quoted parameter
// without folding it). It returns line unchanged when that does not help.
func (lx *lexer) joinBroken(line []byte) ([]byte, bool) {
	first := append([]byte(nil), line...)
	pos, num := lx.pos, lx.line
	next, _, ok := lx.next()
	if ok {
		joined := append(first, next...)
		if !openQuote(joined) && hasValueColon(joined) {
			return joined, true
		}
	}
	lx.pos, lx.line = pos, num
	return first, false
}

// openQuote reports whether a line ends inside a double quote before any
// colon outside quotes.
func openQuote(line []byte) bool {
	colon, inQuote := scanQuotes(line)
	return !colon && inQuote
}

// hasValueColon reports whether a line has a colon outside quotes.
func hasValueColon(line []byte) bool {
	colon, _ := scanQuotes(line)
	return colon
}

// scanQuotes reads a line up to its first colon outside double quotes. It
// reports whether there is one, and otherwise whether the line ends inside
// a quote.
func scanQuotes(line []byte) (colon, inQuote bool) {
	for _, c := range line {
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == ':' && !inQuote:
			return true, false
		}
	}
	return false, inQuote
}

// continues reports whether the next physical line is a continuation.
func (lx *lexer) continues() bool {
	return lx.pos < len(lx.data) && (lx.data[lx.pos] == ' ' || lx.data[lx.pos] == '\t')
}

// errNoColon marks a line without a name/value separator.
var errNoColon = errors.New("no colon")

// parseLine parses one logical content line. It returns repairs made as
// warnings, and an error for a line that is not a property at all.
func parseLine(line string) (*Property, []string, error) {
	var warnings []string
	s := contentline.TrimLeftWS(line)
	i := strings.IndexAny(s, ";:")
	if i < 0 {
		return nil, nil, errNoColon
	}
	head := contentline.TrimWS(s[:i])
	group, name := "", head
	if dot := strings.LastIndexByte(head, '.'); dot >= 0 {
		group, name = contentline.TrimWS(head[:dot]), contentline.TrimWS(head[dot+1:])
		if !contentline.ValidDotted(group) {
			return nil, nil, fmt.Errorf("invalid group %q", contentline.Truncate(group, 40))
		}
	}
	if !contentline.ValidName(name) {
		return nil, nil, fmt.Errorf("invalid property name %q", contentline.Truncate(head, 40))
	}
	segs, colon := contentline.SplitParams(nil, s, i, true, true)
	if colon < 0 {
		segs, colon = contentline.SplitParams(nil, s, i, false, true)
		if colon < 0 {
			return nil, nil, errNoColon
		}
		warnings = append(warnings, "unbalanced quote in the parameters read literally")
	}
	p := &Property{Group: group, Name: strings.ToUpper(name), Value: s[colon+1:], raw: line}
	if len(segs) > 0 {
		p.Params = make([]Param, 0, len(segs))
		for _, seg := range segs {
			pa, ok := parseParam(seg)
			if !ok {
				continue
			}
			if pa.Bare {
				warnings = append(warnings, fmt.Sprintf("parameter %q has no '='; kept as is", contentline.Truncate(pa.Name, 40)))
			}
			p.Params = append(p.Params, pa)
		}
	}
	return p, warnings, nil
}

// parseParam parses one parameter segment. A segment without '=' or with an
// invalid name becomes a Bare parameter; an empty one is dropped.
func parseParam(seg string) (Param, bool) {
	// The value keeps its blanks; only the name is trimmed.
	t := contentline.TrimLeftWS(seg)
	if contentline.TrimWS(t) == "" {
		return Param{}, false
	}
	eq := strings.IndexByte(t, '=')
	if eq < 0 || !contentline.ValidName(contentline.TrimWS(t[:eq])) {
		bare := sanitizeBare(t)
		if bare == "" {
			return Param{}, false
		}
		return Param{Name: bare, Bare: true}, true
	}
	pa := Param{Name: strings.ToUpper(contentline.TrimWS(t[:eq]))}
	rest := t[eq+1:]
	for {
		// One value runs to the next comma outside quotes; the quotes that
		// delimit quoted stretches are removed.
		var b strings.Builder
		inQuote := false
		j := 0
		for ; j < len(rest); j++ {
			c := rest[j]
			if c == '"' {
				if inQuote || strings.IndexByte(rest[j+1:], '"') >= 0 {
					inQuote = !inQuote
					pa.Quoted = true
					continue
				}
			} else if c == ',' && !inQuote {
				break
			}
			b.WriteByte(c)
		}
		pa.Values = append(pa.Values, contentline.DecodeCaret(b.String()))
		if j >= len(rest) {
			break
		}
		rest = rest[j+1:]
	}
	return pa, true
}

// sanitizeBare removes from a bare parameter what could not be written
// back as the same bare parameter: quotes, ';', ':', control characters,
// trailing backslashes and surrounding blanks, and '=' when the text before
// it would read as a parameter name.
func sanitizeBare(s string) string {
	for {
		t := s
		if strings.ContainsAny(t, "\";:") || hasControl(t) {
			var b strings.Builder
			for i := 0; i < len(t); i++ {
				c := t[i]
				if c == '"' || c == ';' || c == ':' || c < 0x20 && c != '\t' || c == 0x7f {
					continue
				}
				b.WriteByte(c)
			}
			t = b.String()
		}
		t = contentline.TrimLeftWS(strings.TrimRight(t, " \t\\"))
		if eq := strings.IndexByte(t, '='); eq >= 0 && contentline.ValidName(contentline.TrimWS(t[:eq])) {
			t = strings.ReplaceAll(t, "=", "")
		}
		if t == s {
			return t
		}
		s = t
	}
}

// hasControl reports whether s holds control characters other than TAB.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return true
		}
	}
	return false
}
