package csvimport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"fieldbook/backend/textenc"
)

// readBufferSize is the size of the read buffer, which is also the sample
// used to sniff the delimiter; minBufferSize is the buffer for small files.
const (
	readBufferSize = 64 << 10
	minBufferSize  = 4 << 10
)

// Detection reports what Open found out about the file.
type Detection struct {
	// Encoding is the detected (or, with Options.Charset, forced) charset.
	Encoding textenc.Detection
	// Delimiter is the field delimiter in use.
	Delimiter rune
	// DelimiterConfident is false when the delimiter was guessed from
	// inconsistent rows (or was not needed: a single column).
	DelimiterConfident bool
	// LineEnding is "\r\n", "\n" or "\r", as seen in the first 64 KiB.
	LineEnding string
	// HasHeader reports whether the first row was taken as the header.
	HasHeader bool
	// Warnings are things the user should know before importing, such as a
	// file that mixes delimiters or a malformed header row.
	Warnings []string
}

// Row is one data row.
type Row struct {
	// Line is the 1-based physical line on which the row starts (rows may
	// span lines through quoted line breaks).
	Line int
	// Fields are the row's values; there may be fewer or more than header
	// columns.
	Fields []string
}

// Field returns the value in column i, or "" if the row is shorter.
func (r Row) Field(i int) string {
	if i < 0 || i >= len(r.Fields) {
		return ""
	}
	return r.Fields[i]
}

// Blank reports whether every field of the row is empty or spaces.
func (r Row) Blank() bool {
	for _, f := range r.Fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Reader reads rows from a CSV file one at a time.
type Reader struct {
	p          parser
	header     []string
	det        Detection
	pending    *record // the first row, when it turned out not to be a header
	pendingErr error   // a row error met while looking for the header
}

// Open prepares to read a CSV file: it detects the encoding (unless
// opts.Charset is set), the delimiter (unless opts.Delimiter is set) and
// reads the header row (per opts.Header). Only I/O errors and invalid
// options make it fail; an empty input gives a Reader with no header whose
// Next returns io.EOF.
func Open(r io.Reader, opts Options) (*Reader, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	var text io.Reader
	var enc textenc.Detection
	if opts.Charset != "" {
		name, err := textenc.CanonicalName(opts.Charset)
		if err != nil {
			return nil, fmt.Errorf("csvimport: %w", err)
		}
		if text, err = textenc.NewDecodingReader(r, opts.Charset); err != nil {
			return nil, fmt.Errorf("csvimport: %w", err)
		}
		enc = textenc.Detection{Name: name, Confident: true}
	} else {
		if text, enc, err = textenc.NewReader(r); err != nil {
			return nil, fmt.Errorf("csvimport: %w", err)
		}
	}
	sample, err := io.ReadAll(io.LimitReader(text, readBufferSize))
	if err != nil {
		return nil, fmt.Errorf("csvimport: reading sample: %w", err)
	}
	complete := len(sample) < readBufferSize
	bufSize := readBufferSize
	if complete {
		bufSize = max(len(sample), minBufferSize) // a small file needs no big buffer
	}
	br := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(sample), text), bufSize)
	sample = trimBOM(sample)
	rd := &Reader{det: Detection{Encoding: enc, LineEnding: lineEnding(sample)}}
	eol := byte('\n')
	if rd.det.LineEnding == "\r" {
		eol = '\r'
	}
	delim, confident := byte(opts.Delimiter), true
	if delim == 0 {
		var warning string
		delim, confident, warning = sniffDelimiter(sample, eol, complete, opts)
		if warning != "" {
			rd.det.Warnings = append(rd.det.Warnings, warning)
		}
	}
	rd.det.Delimiter, rd.det.DelimiterConfident = rune(delim), confident
	rd.p = parser{
		src:      lineSource{br: br, eol: eol},
		delim:    delim,
		maxField: opts.MaxFieldBytes,
		maxRow:   opts.MaxRowBytes,
	}
	if err := rd.readHeader(opts.Header); err != nil {
		return nil, err
	}
	return rd, nil
}

// trimBOM drops a U+FEFF left at the start of decoded text (for example a
// BOM inside a file whose charset was forced).
func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// maxHeaderAttempts bounds how many malformed rows are skipped while
// looking for the header.
const maxHeaderAttempts = 10

// readHeader reads the first row and decides whether it is the header.
// Malformed rows before it are skipped with a warning; after
// maxHeaderAttempts of them the file is read as having no header, and the
// last row error is returned by the first Next.
func (rd *Reader) readHeader(mode HeaderMode) error {
	var first record
	for attempt := 0; ; attempt++ {
		rec, err := rd.p.next()
		var rowErr *RowError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &rowErr) && attempt < maxHeaderAttempts:
			rd.det.Warnings = append(rd.det.Warnings, fmt.Sprintf("row at line %d skipped while looking for the header: %v", rowErr.Line, rowErr.Err))
			continue
		case errors.As(err, &rowErr):
			rd.det.Warnings = append(rd.det.Warnings, fmt.Sprintf("no header: the first %d rows are malformed", attempt+1))
			rd.pendingErr = err
			return nil
		case err != nil:
			return fmt.Errorf("csvimport: reading the first row: %w", err)
		}
		first = rec
		break
	}
	if len(first.fields) > 0 {
		first.fields[0] = strings.TrimPrefix(first.fields[0], "\uFEFF")
	}
	isHeader := mode == HeaderPresent || (mode == HeaderAuto && looksLikeHeader(first.fields))
	if !isHeader {
		rd.pending = &first
		return nil
	}
	rd.det.HasHeader = true
	rd.header = make([]string, len(first.fields))
	for i, f := range first.fields {
		rd.header[i] = strings.TrimSpace(f)
	}
	return nil
}

// Header returns the column names (trimmed, BOM removed), or nil if the
// file has no header row.
func (rd *Reader) Header() []string { return rd.header }

// Detection returns what was detected about the file.
func (rd *Reader) Detection() Detection { return rd.det }

// Next returns the next data row. At the end it returns io.EOF. A malformed
// row is returned as a *RowError (with the line number and the reason); the
// row is skipped and the caller may call Next again. Any other error means
// the input could not be read and is final.
func (rd *Reader) Next() (Row, error) {
	if rd.pendingErr != nil {
		err := rd.pendingErr
		rd.pendingErr = nil
		return Row{}, err
	}
	if rd.pending != nil {
		rec := *rd.pending
		rd.pending = nil
		return Row{Line: rec.line, Fields: rec.fields}, nil
	}
	rec, err := rd.p.next()
	if err != nil {
		return Row{}, err
	}
	return Row{Line: rec.line, Fields: rec.fields}, nil
}
