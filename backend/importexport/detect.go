package importexport

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	}
	return "", fmt.Errorf("importexport: unknown import format %q (csv or vcard)", s)
}

// sniffSize is how much of a file format detection reads.
const sniffSize = 4 << 10

// DetectFormat says whether the file at path is a vCard or a CSV file: a
// vCard starts with BEGIN:VCARD (in any encoding textenc detects, after a
// BOM and blank lines); anything else is read as CSV. The extension decides
// only for an empty file.
func DetectFormat(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", crm.Errorf(crm.CodeFileUnreadable, "cannot open %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	sample := make([]byte, sniffSize)
	n, err := io.ReadFull(f, sample)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", fmt.Errorf("importexport: read %s: %w", path, err)
	}
	return detectFormat(sample[:n], path), nil
}

func detectFormat(sample []byte, path string) Format {
	if len(bytes.TrimSpace(sample)) == 0 {
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".vcf" || ext == ".vcard" {
			return FormatVCard
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
	return FormatCSV
}
