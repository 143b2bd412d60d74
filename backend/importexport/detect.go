package importexport

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/crm"

	"fieldbook/backend/textenc"
)

// Format is a file format Fieldbook imports.
type Format string

const (
	// FormatCSV is a comma, semicolon or TAB separated contact list.
	FormatCSV Format = "csv"
	// FormatVCard is one or more vCards (2.1, 3.0 or 4.0).
	FormatVCard Format = "vcard"
	// FormatICS is an iCalendar file: meetings and tasks.
	FormatICS Format = "ics"
)

// ParseFormat reads a format name as the CLI and the UI write it; "" means
// detect.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "csv":
		return FormatCSV, nil
	case "vcard", "vcf", "vcard3", "vcard4":
		return FormatVCard, nil
	case "ics", "ical", "icalendar", "ifb":
		return FormatICS, nil
	}
	return "", fmt.Errorf("importexport: unknown import format %q (csv, vcard or ics)", s)
}

// sniffSize is how much of a file format detection reads.
const sniffSize = 4 << 10

// openImportFile opens the file to import, positioned at its start, with
// its first sniffSize bytes. It refuses what cannot be a contact list with
// a clear error: a folder (crm.CodeFileUnreadable) or binary data such as a
// spreadsheet, a picture or an archive (crm.CodeFileNotText), which would
// otherwise come out as thousands of garbled skipped rows.
func openImportFile(path string) (*os.File, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, crm.Errorf(crm.CodeFileUnreadable, "cannot open %s: %v", path, unwrapPath(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, nil, crm.Errorf(crm.CodeFileUnreadable, "%s is a folder, not a file", path)
	}
	sample := make([]byte, sniffSize)
	n, err := io.ReadFull(f, sample)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		f.Close()
		return nil, nil, crm.Errorf(crm.CodeFileUnreadable, "cannot read %s: %v", path, unwrapPath(err))
	}
	sample = sample[:n]
	if looksBinary(sample) {
		f.Close()
		return nil, nil, crm.Errorf(crm.CodeFileNotText,
			"%s is not a CSV, vCard or iCalendar file: it holds binary data (a spreadsheet, a picture or an archive?)", path)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("importexport: rewind %s: %w", path, err)
	}
	return f, sample, nil
}

// looksBinary reports whether sample is not text in any encoding textenc
// reads: a NUL outside UTF-16, or more than one in twenty characters a
// control character (other than tab, line breaks and form feed) or
// undecodable.
func looksBinary(sample []byte) bool {
	if len(sample) == 0 {
		return false
	}
	det := textenc.Detect(sample)
	if !strings.HasPrefix(det.Name, "utf-16") && bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	text, err := textenc.DecodeBytes(sample, det.Name)
	if err != nil {
		return true
	}
	var runes, odd int
	for _, r := range text {
		runes++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError:
			odd++
		}
	}
	return odd*20 > runes
}

// detectFormat says whether a file starting with sample is a vCard, an
// iCalendar or a CSV file: a vCard starts with BEGIN:VCARD, an iCalendar
// file with BEGIN:VCALENDAR (or a bare BEGIN:VEVENT / BEGIN:VTODO), in any
// encoding textenc detects, after a BOM and blank lines; anything else is
// read as CSV. The extension of path decides only for an empty file.
func detectFormat(sample []byte, path string) Format {
	if len(bytes.TrimSpace(sample)) == 0 {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".vcf", ".vcard":
			return FormatVCard
		case ".ics", ".ical", ".ifb":
			return FormatICS
		}
		return FormatCSV
	}
	det := textenc.Detect(sample)
	text, err := textenc.DecodeBytes(sample, det.Name)
	if err != nil {
		text = string(sample)
	}
	text = strings.TrimLeft(text, "\ufeff \t\r\n")
	if len(text) >= 11 && strings.EqualFold(text[:11], "BEGIN:VCARD") {
		return FormatVCard
	}
	for _, begin := range []string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "BEGIN:VTODO"} {
		if len(text) >= len(begin) && strings.EqualFold(text[:len(begin)], begin) {
			return FormatICS
		}
	}
	return FormatCSV
}
