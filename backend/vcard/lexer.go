package vcard

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"fieldbook/backend/contentline"
)

const (
	// readChunk is the minimum number of bytes asked from the reader at once.
	readChunk = 64 << 10
	// DefaultMaxLineBytes bounds one logical line (a multi-MB photo fits);
	// longer lines are skipped and reported.
	DefaultMaxLineBytes = 64 << 20
	// maxEmptyReads is how many (0, nil) reads in a row count as no progress.
	maxEmptyReads = 100
	// maxHeadScan is how far into a line without a colon the lexer looks for
	// the parameters before giving up.
	maxHeadScan = 64 << 10
)

// lexer splits a byte stream into logical content lines. It joins folded
// lines (CRLF, LF, CR or CR CR LF followed by a space or TAB; exactly one
// whitespace character is removed), quoted-printable soft line breaks (the
// next physical line is appended verbatim) and vCard 2.1 base64 bodies
// continued on unindented lines. It works on bytes, before any charset
// decoding, and never limits line length below maxLine.
type lexer struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread data is buf[pos:end]
	eof      bool  // r is exhausted
	err      error // a read error other than io.EOF
	line     int   // physical lines consumed so far
	maxLine  int
	acc      []byte // the logical line being assembled
}

// newLexer returns a lexer reading r. initial holds bytes already read from
// r; the lexer takes it over as its buffer. atEOF reports that r is
// exhausted.
func newLexer(r io.Reader, initial []byte, atEOF bool, maxLine int) *lexer {
	if maxLine <= 0 {
		maxLine = DefaultMaxLineBytes
	}
	if initial == nil {
		initial = make([]byte, 0, readChunk)
	}
	return &lexer{r: r, buf: initial[:cap(initial)], end: len(initial), eof: atEOF, maxLine: maxLine}
}

// fill reads more data into the buffer, compacting or growing it. It reports
// false when nothing more can be read.
func (lx *lexer) fill() bool {
	if lx.eof || lx.err != nil {
		return false
	}
	if lx.pos > 0 && (lx.pos == lx.end || len(lx.buf)-lx.end < readChunk/2) {
		n := copy(lx.buf, lx.buf[lx.pos:lx.end])
		lx.pos, lx.end = 0, n
	}
	if len(lx.buf)-lx.end < readChunk/2 {
		nb := make([]byte, 2*len(lx.buf)+readChunk)
		n := copy(nb, lx.buf[lx.pos:lx.end])
		lx.buf, lx.pos, lx.end = nb, 0, n
	}
	for empty := 0; empty < maxEmptyReads; empty++ {
		n, err := lx.r.Read(lx.buf[lx.end:])
		if n < 0 || n > len(lx.buf)-lx.end {
			lx.err = errors.New("vcard: reader returned an invalid count")
			return false
		}
		lx.end += n
		if err != nil {
			if errors.Is(err, io.EOF) {
				lx.eof = true
			} else {
				lx.err = fmt.Errorf("vcard: reading input: %w", err)
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	lx.err = fmt.Errorf("vcard: reading input: %w", io.ErrNoProgress)
	return false
}

// findLine locates the next physical line in the buffer, reading as needed.
// It returns the line's end and its terminator length relative to lx.pos;
// ok is false at the end of input. An over-long line is reported with
// tooLong and everything before its end is discarded.
func (lx *lexer) findLine() (lineEnd, termLen int, tooLong, ok bool) {
	rel := 0 // bytes already scanned, relative to lx.pos
	for {
		w := lx.buf[lx.pos+rel : lx.end]
		lf := bytes.IndexByte(w, '\n')
		crScope := w
		if lf >= 0 {
			crScope = w[:lf]
		}
		if cr := bytes.IndexByte(crScope, '\r'); cr >= 0 {
			at := lx.pos + rel + cr // absolute index of the CR
			switch {
			case at+1 < lx.end && lx.buf[at+1] == '\n':
				return at - lx.pos, 2, tooLong, true
			case at+2 < lx.end && lx.buf[at+1] == '\r':
				if lx.buf[at+2] == '\n' {
					return at - lx.pos, 3, tooLong, true // CR CR LF
				}
				return at - lx.pos, 1, tooLong, true
			case at+1 < lx.end && lx.buf[at+1] != '\r':
				return at - lx.pos, 1, tooLong, true
			}
			// Not enough data to tell CR, CRLF and CRCRLF apart.
			rel = at - lx.pos
			if !lx.fill() {
				return rel, 1, tooLong, true
			}
			continue
		}
		if lf >= 0 {
			return rel + lf, 1, tooLong, true
		}
		rel = lx.end - lx.pos
		if rel > lx.maxLine {
			tooLong = true
			lx.pos, rel = lx.end, 0
		}
		if !lx.fill() {
			if lx.end > lx.pos || tooLong {
				return lx.end - lx.pos, 0, tooLong, true
			}
			return 0, 0, false, false
		}
	}
}

// readPhys consumes the next physical line. The returned text is valid until
// the next call that reads.
func (lx *lexer) readPhys() (text, term []byte, tooLong, ok bool) {
	lineEnd, termLen, tooLong, ok := lx.findLine()
	if !ok {
		return nil, nil, false, false
	}
	start := lx.pos
	if lineEnd > lx.maxLine {
		tooLong = true
	}
	text = lx.buf[start : start+lineEnd]
	term = lx.buf[start+lineEnd : start+lineEnd+termLen]
	lx.pos = start + lineEnd + termLen
	lx.line++
	return text, term, tooLong, true
}

// peekByte returns the first byte of the next physical line without
// consuming it.
func (lx *lexer) peekByte() (byte, bool) {
	if lx.pos >= lx.end && !lx.fill() {
		return 0, false
	}
	if lx.pos >= lx.end {
		return 0, false
	}
	return lx.buf[lx.pos], true
}

// peekPrefix returns up to n bytes of the next physical line without
// consuming it (valid until the next call that reads); complete reports that
// the whole line fitted. ok is false at the end of input.
func (lx *lexer) peekPrefix(n int) (prefix []byte, complete, ok bool) {
	scanned := 0 // bytes already known to hold no line break
	for {
		w := lx.buf[lx.pos:lx.end]
		lim := w
		if len(lim) > n {
			lim = lim[:n]
		}
		if i := bytes.IndexAny(lim[scanned:], "\r\n"); i >= 0 {
			return w[:scanned+i], true, true
		}
		if len(w) >= n {
			return lim, false, true
		}
		scanned = len(w)
		if !lx.fill() {
			w = lx.buf[lx.pos:lx.end]
			return w, true, len(w) > 0
		}
	}
}

// logicalLine is one unfolded content line.
type logicalLine struct {
	data    []byte // valid until the next call to next
	line    int    // physical line number of its first line
	tooLong bool
}

// next returns the next logical line, or ok=false at the end of input.
func (lx *lexer) next() (logicalLine, bool) {
	text, term, tooLong, ok := lx.readPhys()
	if !ok {
		return logicalLine{}, false
	}
	ll := logicalLine{line: lx.line, tooLong: tooLong}
	if tooLong {
		text = nil
	}
	lx.acc = append(lx.acc[:0], text...)
	var lastTerm [3]byte
	termN := copy(lastTerm[:], term)
	var head headInfo
	headKnown := false
	for {
		b, ok := lx.peekByte()
		if !ok {
			break
		}
		if !headKnown {
			head = scanHead(lx.acc)
			headKnown = head.colon >= 0 || len(lx.acc) > maxHeadScan
		}
		verbatim := false
		switch {
		case head.qp && endsWithSoftBreak(lx.acc):
			// A quoted-printable soft line break: the next physical line
			// continues the value as is (even when it starts with a space).
			next, complete, ok := lx.peekPrefix(256)
			if !ok || (complete && isCardBoundary(next)) {
				goto done
			}
			verbatim = true
		case b == ' ' || b == '\t':
			// A folded line.
		case head.b64 && isBase64Char(b):
			// vCard 2.1 base64 continued on unindented lines.
			next, _, ok := lx.peekPrefix(maxHeadScan)
			if !ok || !isBase64Line(next) {
				goto done
			}
			verbatim = true
		default:
			goto done
		}
		text, term, tl, ok := lx.readPhys()
		if !ok {
			break
		}
		if tl {
			ll.tooLong = true
			text = text[:0]
		}
		if verbatim {
			lx.acc = append(lx.acc, lastTerm[:termN]...)
			lx.acc = append(lx.acc, text...)
		} else {
			lx.acc = append(lx.acc, text[1:]...)
		}
		termN = copy(lastTerm[:], term)
		if len(lx.acc) > lx.maxLine {
			ll.tooLong = true
			lx.acc = lx.acc[:0]
		}
	}
done:
	ll.data = lx.acc
	return ll, true
}

// headInfo is what the lexer needs to know about a line's parameters.
type headInfo struct {
	colon int  // index of the name/value separator, -1 if none yet
	qp    bool // ENCODING=QUOTED-PRINTABLE (or bare QUOTED-PRINTABLE)
	b64   bool // ENCODING=BASE64 / B (or bare BASE64)
}

// scanHead finds the first colon outside double quotes and looks at the
// parameters before it for a transfer encoding.
func scanHead(line []byte) headInfo {
	h := headInfo{colon: -1}
	inQuote := false
	segStart := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			inQuote = !inQuote
		case ';', ':':
			if inQuote {
				continue
			}
			if segStart > 0 {
				h.noteParam(line[segStart:i])
			}
			if line[i] == ':' {
				h.colon = i
				return h
			}
			segStart = i + 1
		}
	}
	if inQuote { // an unbalanced quote: retry without quoting rules
		if i := bytes.IndexByte(line, ':'); i >= 0 {
			h = headInfo{colon: i}
			for _, seg := range bytes.Split(line[:i], []byte{';'})[1:] {
				h.noteParam(seg)
			}
		}
	}
	return h
}

// noteParam records a transfer encoding named by one parameter segment.
func (h *headInfo) noteParam(seg []byte) {
	name, val := seg, seg
	if eq := bytes.IndexByte(seg, '='); eq >= 0 {
		name, val = bytes.TrimSpace(seg[:eq]), seg[eq+1:]
		if !bytes.EqualFold(name, []byte("ENCODING")) {
			return
		}
	}
	val = trimQuotes(bytes.TrimSpace(val))
	switch {
	case bytes.EqualFold(val, []byte("QUOTED-PRINTABLE")):
		h.qp = true
	case bytes.EqualFold(val, []byte("BASE64")):
		h.b64 = true
	case bytes.EqualFold(val, []byte("B")) && len(name) != len(val):
		h.b64 = true
	}
}

// endsWithSoftBreak reports whether a quoted-printable line ends with "="
// (optionally followed by spaces or TABs).
func endsWithSoftBreak(b []byte) bool {
	b = contentline.TrimRightWS(b)
	return len(b) > 0 && b[len(b)-1] == '='
}

// isCardBoundary reports whether a physical line is BEGIN:VCARD or END:VCARD.
func isCardBoundary(b []byte) bool {
	return isBeginLine(b) || isEndLine(b)
}

// isBase64Char reports whether c belongs to the base64 alphabet.
func isBase64Char(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		c == '+' || c == '/' || c == '='
}

// isBase64Line reports whether a physical line holds only base64 characters
// (and trailing whitespace).
func isBase64Line(b []byte) bool {
	b = contentline.TrimRightWS(b)
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !isBase64Char(c) {
			return false
		}
	}
	return true
}

// isBeginLine reports whether a line is BEGIN:VCARD (case-insensitive,
// surrounding whitespace allowed).
func isBeginLine(b []byte) bool {
	return matchMarker(b, "BEGIN")
}

// isEndLine reports whether a line is END:VCARD.
func isEndLine(b []byte) bool {
	return matchMarker(b, "END")
}

// matchMarker matches "<word>:VCARD" with optional whitespace around the
// parts.
func matchMarker(b []byte, word string) bool {
	b = contentline.TrimLeftWS(b)
	if len(b) < len(word)+6 || len(b) > 64 || b[0]|0x20 != word[0]|0x20 {
		return false
	}
	b = bytes.TrimSpace(b)
	if len(b) < len(word)+6 || !bytes.EqualFold(b[:len(word)], []byte(word)) {
		return false
	}
	rest := contentline.TrimLeftWS(b[len(word):])
	if len(rest) == 0 || rest[0] != ':' {
		return false
	}
	return bytes.EqualFold(bytes.TrimSpace(rest[1:]), []byte("VCARD"))
}

// trimQuotes removes double quotes at either end.
func trimQuotes(b []byte) []byte {
	for len(b) > 0 && b[0] == '"' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == '"' {
		b = b[:len(b)-1]
	}
	return b
}
