package contentline

// MaxLineOctets is the folding limit of RFC 5545 and RFC 6350, excluding
// the line break.
const MaxLineOctets = 75

// Writer is what WriteFolded writes to (*bufio.Writer, *bytes.Buffer).
type Writer interface {
	Write(p []byte) (int, error)
	WriteString(s string) (int, error)
}

// WriteFolded writes one content line folded at 75 octets without
// splitting a UTF-8 sequence, followed by CRLF. Continuation lines start
// with one space, which counts towards their 75 octets. Write errors are
// left to the caller's writer (bufio.Writer keeps the first one).
func WriteFolded(w Writer, line []byte) {
	limit := MaxLineOctets
	for len(line) > limit {
		cut := limit
		// Back off to the start of a UTF-8 sequence (at most 3 bytes).
		for back := 0; back < 3 && cut > 1 && line[cut]&0xC0 == 0x80; back++ {
			cut--
		}
		w.Write(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = MaxLineOctets - 1
	}
	w.Write(line)
	w.WriteString("\r\n")
}
