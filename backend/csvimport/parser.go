package csvimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// parser splits the UTF-8 text of a CSV file into records. It follows RFC
// 4180 (quoted fields with doubled quotes and embedded line breaks, CRLF or
// LF) and is lenient the way real exports need:
//
//   - a quote inside an unquoted field is an ordinary character;
//   - spaces before an opening quote and between a closing quote and the
//     delimiter are ignored;
//   - inside a quoted field, a quote that is not followed by the delimiter or
//     the end of the line is an ordinary character when the field closes
//     later on the same line (`"Bob "the Builder" Smith"`); otherwise it
//     closes the field and the rest up to the delimiter is appended
//     (`"abc"def` → `abcdef`);
//   - line breaks inside quoted fields become "\n";
//   - blank lines are skipped.
//
// A row that cannot be read (a quote still open at the end of the input, a
// field or row over the size limits) is reported as a *RowError. If the row
// spanned several lines because of an open quote, the lines after its first
// are parsed again as rows, so one stray quote costs one line, not the rest
// of the file.
type parser struct {
	src      lineSource
	delim    byte
	maxField int
	maxRow   int

	line  int    // physical lines consumed
	raw   []byte // raw bytes of the current row (its whole lines)
	field []byte // unescaped bytes of all fields of the current row
	ends  []int  // end offset in field of each field

	// No quote in p.raw[noCloseFrom+1 : noCloseTo] closes a field; it saves
	// rescanning a line full of stray quotes.
	noCloseFrom, noCloseTo int
}

// record is one parsed row.
type record struct {
	line   int
	fields []string
}

// next returns the next record, a *RowError for a skipped row, io.EOF at the
// end, or another error if reading the input failed.
func (p *parser) next() (record, error) {
	startLine, err := p.firstLine()
	if err != nil {
		return record{}, err
	}
	firstEnd := len(p.raw)
	p.field, p.ends = p.field[:0], p.ends[:0]
	p.noCloseFrom, p.noCloseTo = 0, 0
	i := 0
	for {
		var err error
		i, err = p.parseField(i)
		if err != nil {
			return record{}, p.fail(startLine, firstEnd, err)
		}
		if len(p.field)-p.fieldStart() > p.maxField {
			return record{}, p.fail(startLine, firstEnd,
				fmt.Errorf("%w: field %d is over %d bytes", ErrFieldTooLong, len(p.ends)+1, p.maxField))
		}
		p.ends = append(p.ends, len(p.field))
		if i < len(p.raw) && p.raw[i] == p.delim {
			i++
			continue
		}
		break
	}
	s := string(p.field)
	fields := make([]string, len(p.ends))
	prev := 0
	for k, end := range p.ends {
		fields[k] = s[prev:end]
		prev = end
	}
	return record{line: startLine, fields: fields}, nil
}

// fieldStart is the offset in p.field where the current field begins.
func (p *parser) fieldStart() int {
	if len(p.ends) == 0 {
		return 0
	}
	return p.ends[len(p.ends)-1]
}

// firstLine reads the first non-blank line of a row into p.raw and returns
// its line number.
func (p *parser) firstLine() (int, error) {
	for {
		var err error
		p.raw, err = p.src.appendLine(p.raw[:0], p.maxRow)
		switch {
		case errors.Is(err, errLineTooLong):
			p.line++
			if derr := p.src.discardLine(); derr != nil {
				return 0, fmt.Errorf("csvimport: reading line %d: %w", p.line, derr)
			}
			return 0, &RowError{Line: p.line, Err: fmt.Errorf("%w: line is over %d bytes", ErrRowTooLong, p.maxRow)}
		case errors.Is(err, io.EOF):
			return 0, io.EOF
		case err != nil:
			return 0, fmt.Errorf("csvimport: reading line %d: %w", p.line+1, err)
		}
		p.line++
		if len(bytes.Trim(p.raw, "\r\n")) > 0 {
			return p.line, nil
		}
	}
}

// fail turns a parse error into a *RowError. When the row ran past its first
// line, the following lines are pushed back to be read again.
func (p *parser) fail(startLine, firstEnd int, err error) error {
	var rowErr *RowError
	if errors.As(err, &rowErr) || !isRowProblem(err) {
		return err
	}
	if len(p.raw) > firstEnd {
		p.src.pushBack(p.raw[firstEnd:])
		p.line = startLine
	}
	return &RowError{Line: startLine, Err: err}
}

// isRowProblem reports whether err is about the row's content rather than
// about reading the input.
func isRowProblem(err error) bool {
	return errors.Is(err, ErrUnterminatedQuote) || errors.Is(err, ErrFieldTooLong) || errors.Is(err, ErrRowTooLong)
}

// lineEnd returns the index in p.raw at which the line containing i ends
// (the index of its terminator, or len(p.raw)).
func (p *parser) lineEnd(i int) int {
	if j := bytes.IndexByte(p.raw[i:], p.src.eol); j >= 0 {
		if p.src.eol == '\n' && i+j > 0 && p.raw[i+j-1] == '\r' {
			return i + j - 1
		}
		return i + j
	}
	return len(p.raw)
}

// isBlank reports whether c is a space or (unless TAB is the delimiter) a TAB.
func (p *parser) isBlank(c byte) bool { return c == ' ' || (c == '\t' && p.delim != '\t') }

// parseField parses the field starting at p.raw[i], appends its value to
// p.field and returns the index just after it (at the delimiter or the line
// end).
func (p *parser) parseField(i int) (int, error) {
	j := i
	for j < len(p.raw) && p.isBlank(p.raw[j]) {
		j++
	}
	if j < len(p.raw) && p.raw[j] == '"' {
		return p.parseQuoted(j + 1)
	}
	end := p.scanUnquoted(i)
	p.field = append(p.field, p.raw[i:end]...)
	return end, nil
}

// scanUnquoted returns the index of the delimiter or line end that ends an
// unquoted field starting at p.raw[i].
func (p *parser) scanUnquoted(i int) int {
	for k := i; k < len(p.raw); k++ {
		switch c := p.raw[k]; {
		case c == p.delim:
			return k
		case c == p.src.eol:
			if c == '\n' && k > i && p.raw[k-1] == '\r' {
				return k - 1
			}
			return k
		}
	}
	return len(p.raw)
}

// closesAt reports whether the quote at p.raw[q] closes the field: it is
// followed, after optional blanks, by the delimiter or the end of the line.
func (p *parser) closesAt(q int) (after int, ok bool) {
	k := q + 1
	for k < len(p.raw) && p.isBlank(p.raw[k]) {
		k++
	}
	if k == len(p.raw) || p.raw[k] == p.delim || p.raw[k] == p.src.eol ||
		(p.raw[k] == '\r' && k+1 < len(p.raw) && p.raw[k+1] == '\n') || (p.raw[k] == '\r' && k+1 == len(p.raw)) {
		return k, true
	}
	return 0, false
}

// closesLaterOnLine reports whether a quote after p.raw[q] on the same line
// closes the field, and records its index in *known so that a line full of
// quotes is scanned once.
func (p *parser) closesLaterOnLine(q int, known *int) bool {
	if p.noCloseFrom < q && q < p.noCloseTo {
		return false
	}
	end := p.lineEnd(q + 1)
	for k := q + 1; k < end; k++ {
		if p.raw[k] != '"' {
			continue
		}
		if k+1 < end && p.raw[k+1] == '"' {
			k++
			continue
		}
		if _, ok := p.closesAt(k); ok {
			*known = k
			return true
		}
	}
	p.noCloseFrom, p.noCloseTo = q, end
	return false
}

// parseQuoted parses a quoted field whose content starts at p.raw[i],
// reading further lines while the quote is open.
func (p *parser) parseQuoted(i int) (int, error) {
	start := p.fieldStart()
	knownClose := -1 // a quote known to close the field later on the line
	for {
		q := bytes.IndexByte(p.raw[i:], '"')
		if q < 0 {
			p.appendQuoted(p.raw[i:])
			if len(p.field)-start > p.maxField {
				return 0, fmt.Errorf("%w: field %d is over %d bytes", ErrFieldTooLong, len(p.ends)+1, p.maxField)
			}
			n := len(p.raw)
			var err error
			p.raw, err = p.src.appendLine(p.raw, p.maxRow-len(p.raw))
			switch {
			case errors.Is(err, errLineTooLong):
				return 0, fmt.Errorf("%w: row is over %d bytes", ErrRowTooLong, p.maxRow)
			case errors.Is(err, io.EOF):
				return 0, ErrUnterminatedQuote
			case err != nil:
				return 0, fmt.Errorf("csvimport: reading line %d: %w", p.line+1, err)
			}
			p.line++
			i = n
			continue
		}
		q += i
		p.appendQuoted(p.raw[i:q])
		if q+1 < len(p.raw) && p.raw[q+1] == '"' {
			p.field = append(p.field, '"')
			i = q + 2
			continue
		}
		if after, ok := p.closesAt(q); ok {
			return after, nil
		}
		if q < knownClose || p.closesLaterOnLine(q, &knownClose) {
			p.field = append(p.field, '"')
			i = q + 1
			continue
		}
		// A quote in the middle of the field that nothing closes later on
		// the line: it ends the quoted part; the rest is taken as it is.
		end := p.scanUnquoted(q + 1)
		p.field = append(p.field, p.raw[q+1:end]...)
		return end, nil
	}
}

// appendQuoted appends quoted content, turning CRLF (and, for files with CR
// line endings, CR) into LF.
func (p *parser) appendQuoted(b []byte) {
	if p.src.eol == '\r' {
		for _, c := range b {
			if c == '\r' {
				c = '\n'
			}
			p.field = append(p.field, c)
		}
		return
	}
	for {
		k := bytes.Index(b, []byte("\r\n"))
		if k < 0 {
			p.field = append(p.field, b...)
			return
		}
		p.field = append(p.field, b[:k]...)
		p.field = append(p.field, '\n')
		b = b[k+2:]
	}
}
