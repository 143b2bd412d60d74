package csvimport

import (
	"fmt"
	"unicode/utf8"
)

// Default size limits.
const (
	DefaultMaxFieldBytes = 1 << 20 // 1 MiB
	DefaultMaxRowBytes   = 4 << 20 // 4 MiB
)

// HeaderMode says whether the first row is a header.
type HeaderMode int

const (
	// HeaderAuto treats the first row as a header unless it looks like data
	// (no known column name, and an e-mail address or a number in it).
	HeaderAuto HeaderMode = iota
	// HeaderPresent always treats the first row as a header.
	HeaderPresent
	// HeaderAbsent treats every row as data.
	HeaderAbsent
)

// Options configures Open. The zero value detects everything and uses the
// default limits.
type Options struct {
	// Charset forces the input charset (any label textenc.Lookup knows);
	// empty means detect.
	Charset string
	// Delimiter forces the field delimiter (an ASCII character other than
	// a quote or line break); 0 means detect among ',', ';' and TAB.
	Delimiter rune
	// Header says whether the first row holds column names.
	Header HeaderMode
	// MaxFieldBytes limits one field (after decoding to UTF-8); a row with
	// a longer field is skipped with ErrFieldTooLong. 0 means
	// DefaultMaxFieldBytes.
	MaxFieldBytes int
	// MaxRowBytes limits one row; a longer row is skipped with
	// ErrRowTooLong. It also bounds the memory a Reader uses. 0 means
	// DefaultMaxRowBytes.
	MaxRowBytes int
}

// withDefaults validates o and fills in defaults.
func (o Options) withDefaults() (Options, error) {
	if o.MaxFieldBytes < 0 || o.MaxRowBytes < 0 {
		return o, fmt.Errorf("csvimport: negative size limit (field %d, row %d)", o.MaxFieldBytes, o.MaxRowBytes)
	}
	if o.MaxFieldBytes == 0 {
		o.MaxFieldBytes = DefaultMaxFieldBytes
	}
	if o.MaxRowBytes == 0 {
		o.MaxRowBytes = DefaultMaxRowBytes
	}
	if o.Delimiter != 0 && (o.Delimiter >= utf8.RuneSelf || o.Delimiter == '"' || o.Delimiter == '\r' || o.Delimiter == '\n') {
		return o, fmt.Errorf("csvimport: unsupported delimiter %q: must be an ASCII character other than a quote or line break", o.Delimiter)
	}
	if o.Header < HeaderAuto || o.Header > HeaderAbsent {
		return o, fmt.Errorf("csvimport: unknown header mode %d", o.Header)
	}
	return o, nil
}
