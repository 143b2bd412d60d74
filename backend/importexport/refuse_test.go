package importexport

import (
	"bytes"
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"fieldbook/backend/crm"
)

// Files that cannot be contact lists are refused up front with a clear
// code, by the preview and by the import, and nothing is imported.
func TestNotAContactFileIsRefused(t *testing.T) {
	noise := make([]byte, 20_000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	// A zip archive (an .xlsx is one) begins "PK\x03\x04" and has NULs early.
	zip := append([]byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), bytes.Repeat([]byte("[Content_Types].xml"), 50)...)
	dir := t.TempDir()
	cases := []struct {
		name, path, code string
	}{
		{"random bytes as .csv", writeFile(t, "noise.csv", noise), crm.CodeFileNotText},
		{"a spreadsheet saved as .xlsx", writeFile(t, "book.xlsx", zip), crm.CodeFileNotText},
		{"a folder", dir, crm.CodeFileUnreadable},
		{"a missing file", filepath.Join(dir, "nope.vcf"), crm.CodeFileUnreadable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			if _, err := PreviewFile(tc.path, Options{}); crm.ErrorCode(err) != tc.code {
				t.Errorf("preview: %v, want code %s", err, tc.code)
			}
			_, err := e.im.Import(context.Background(), tc.path, Options{Format: FormatCSV}, nil)
			if crm.ErrorCode(err) != tc.code {
				t.Errorf("import: %v, want code %s", err, tc.code)
			}
			if n := len(e.all(t)); n != 0 {
				t.Errorf("%d contacts imported from it", n)
			}
		})
	}
}

// Text in every encoding the importer reads is not mistaken for binary.
func TestTextInEveryEncodingIsNotBinary(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "Vorname;Nachname\r\nJürgen;Müller\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	samples := map[string][]byte{
		"utf-8":            []byte("First Name,Last Name\r\nZoë,Straße\r\n"),
		"utf-16le":         utf16le,
		"windows-1252":     []byte("Vorname;Nachname\r\nJ\xfcrgen;M\xfcller\r\n"),
		"shift_jis":        []byte("\x88\xc0\x93\xa1,\x83\x8d\x83\x43\x83\x68\r\n"),
		"tab separated":    []byte("a\tb\tc\r\n1\t2\t3\r\n"),
		"vcard with photo": []byte("BEGIN:VCARD\r\nVERSION:2.1\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\nEND:VCARD\r\n"),
	}
	for name, s := range samples {
		if looksBinary(s) {
			t.Errorf("%s read as binary", name)
		}
	}
}
