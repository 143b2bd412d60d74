package vcard

import "bufio"

// maxLineOctets is the folding limit of RFC 6350 / RFC 2425 (excluding the
// line break).
const maxLineOctets = 75

// writeFolded writes one content line, folded at 75 octets without
// splitting a UTF-8 sequence, followed by CRLF. Continuation lines start
// with a single space, which counts towards their 75 octets.
func writeFolded(w *bufio.Writer, line []byte) {
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		// Back off to the start of a UTF-8 sequence (at most 3 bytes).
		for back := 0; back < 3 && cut > 1 && line[cut]&0xC0 == 0x80; back++ {
			cut--
		}
		w.Write(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1
	}
	w.Write(line)
	w.WriteString("\r\n")
}
