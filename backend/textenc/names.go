package textenc

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Canonical charset names used in Detection.Name and returned by CanonicalName.
const (
	UTF8        = "utf-8"
	UTF16       = "utf-16" // endianness taken from the BOM (big-endian without one, RFC 2781)
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
	ISO88591    = "iso-8859-1"
	ShiftJIS    = "shift_jis"
)

// ErrUnknownCharset is wrapped by the error Lookup returns for a label it
// does not know.
var ErrUnknownCharset = errors.New("unknown charset")

// aliases maps a normalised charset label to its canonical name. Labels not
// listed here are resolved through the WHATWG and IANA indexes.
var aliases = map[string]string{
	"utf-8": UTF8, "utf8": UTF8, "unicode-1-1-utf-8": UTF8, "x-unicode20utf8": UTF8,

	"utf-16": UTF16, "utf16": UTF16, "unicode": UTF16, "ucs-2": UTF16, "ucs2": UTF16, "iso-10646-ucs-2": UTF16, "csunicode": UTF16,
	"utf-16le": UTF16LE, "utf16le": UTF16LE, "ucs-2le": UTF16LE, "unicodelittle": UTF16LE, "unicodefffe": UTF16LE,
	"utf-16be": UTF16BE, "utf16be": UTF16BE, "ucs-2be": UTF16BE, "unicodebig": UTF16BE, "unicodefeff": UTF16BE,

	"windows-1252": Windows1252, "cp1252": Windows1252, "cp-1252": Windows1252, "x-cp1252": Windows1252, "win-1252": Windows1252,
	"1252": Windows1252, "ansi": Windows1252, "ms-ansi": Windows1252,
	"us-ascii": Windows1252, "ascii": Windows1252, "us": Windows1252, "ansi_x3.4-1968": Windows1252, "iso646-us": Windows1252, "csascii": Windows1252,

	"iso-8859-1": ISO88591, "iso8859-1": ISO88591, "iso_8859-1": ISO88591, "iso_8859-1:1987": ISO88591, "iso88591": ISO88591,
	"latin1": ISO88591, "latin-1": ISO88591, "l1": ISO88591, "iso-ir-100": ISO88591, "cp819": ISO88591, "ibm819": ISO88591, "csisolatin1": ISO88591,

	"shift_jis": ShiftJIS, "shift-jis": ShiftJIS, "shiftjis": ShiftJIS, "sjis": ShiftJIS, "s-jis": ShiftJIS, "x-sjis": ShiftJIS,
	"ms_kanji": ShiftJIS, "mskanji": ShiftJIS, "csshiftjis": ShiftJIS, "cp932": ShiftJIS, "ms932": ShiftJIS, "windows-31j": ShiftJIS,
	"windows-932": ShiftJIS, "x-ms-cp932": ShiftJIS, "cswindows31j": ShiftJIS,
}

// normaliseLabel trims, unquotes and lower-cases a charset label.
func normaliseLabel(charset string) string {
	s := strings.TrimSpace(charset)
	s = strings.Trim(s, `"'`)
	return strings.ToLower(strings.TrimSpace(s))
}

// CanonicalName maps a charset label (case-insensitive, IANA name or common
// alias) to the canonical name used by this package, for example "sjis" →
// "shift_jis", "Latin1" → "iso-8859-1", "cp1252" → "windows-1252". Labels of
// other charsets supported by golang.org/x/text yield their WHATWG or IANA
// name in lower case ("iso-8859-2", "euc-jp"). An unknown label is an error
// wrapping ErrUnknownCharset.
func CanonicalName(charset string) (string, error) {
	_, name, err := lookup(charset)
	return name, err
}

// Lookup maps an IANA charset name or common alias (case-insensitive:
// "UTF-8", "utf8", "SHIFT_JIS", "sjis", "cp932", "ISO-8859-1", "latin1",
// "windows-1252", "cp1252", "UTF-16", "us-ascii", …) to an encoding. An
// unknown label is an error wrapping ErrUnknownCharset.
//
// Like every browser (WHATWG Encoding Standard), ISO-8859-1 and US-ASCII
// labels decode as Windows-1252: the two agree on every printable Latin-1
// character, and files labelled Latin-1 by Windows software routinely
// contain Windows-1252 bytes such as € or curly quotes in 0x80–0x9F.
//
// "utf-16" without an endianness reads a BOM if present and is big-endian
// otherwise (RFC 2781); DecodeBytes and NewDecodingReader sniff the byte
// order of BOM-less UTF-16 instead.
func Lookup(charset string) (encoding.Encoding, error) {
	enc, _, err := lookup(charset)
	return enc, err
}

// lookup resolves a label to its encoding and canonical name.
func lookup(charset string) (encoding.Encoding, string, error) {
	label := normaliseLabel(charset)
	if label == "" {
		return nil, "", fmt.Errorf("textenc: empty charset name: %w", ErrUnknownCharset)
	}
	if name, ok := aliases[label]; ok {
		return encodingFor(name), name, nil
	}
	if enc, err := htmlindex.Get(label); err == nil && enc != nil {
		name, nerr := htmlindex.Name(enc)
		if nerr != nil {
			name = label
		}
		return enc, strings.ToLower(name), nil
	}
	if enc, err := ianaindex.IANA.Encoding(label); err == nil && enc != nil {
		name, nerr := ianaindex.IANA.Name(enc)
		if nerr != nil {
			name = label
		}
		return enc, strings.ToLower(name), nil
	}
	return nil, "", fmt.Errorf("textenc: charset %q: %w", charset, ErrUnknownCharset)
}

// encodingFor returns the encoding for one of the canonical names in aliases.
func encodingFor(name string) encoding.Encoding {
	switch name {
	case UTF8:
		return unicode.UTF8
	case UTF16:
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case Windows1252, ISO88591:
		return charmap.Windows1252
	case ShiftJIS:
		return japanese.ShiftJIS
	}
	return nil
}
