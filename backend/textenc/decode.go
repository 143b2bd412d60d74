package textenc

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// DecodeBytes decodes b from the named charset to UTF-8, dropping a leading
// byte order mark of that charset. For "utf-16" without an endianness the
// byte order comes from the BOM, else from the NUL-byte pattern, else
// big-endian. Bytes invalid in the charset become U+FFFD.
func DecodeBytes(b []byte, charset string) (string, error) {
	enc, name, err := lookup(charset)
	if err != nil {
		return "", err
	}
	enc, b = resolveBOM(enc, name, b)
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("textenc: decoding %s: %w", name, err)
	}
	return string(out), nil
}

// resolveBOM strips a BOM belonging to the charset and, for unspecified
// UTF-16, picks the byte order.
func resolveBOM(enc encoding.Encoding, name string, b []byte) (encoding.Encoding, []byte) {
	switch name {
	case UTF8:
		return enc, bytes.TrimPrefix(b, bomUTF8)
	case UTF16LE:
		return enc, bytes.TrimPrefix(b, bomUTF16LE)
	case UTF16BE:
		return enc, bytes.TrimPrefix(b, bomUTF16BE)
	case UTF16:
		switch {
		case bytes.HasPrefix(b, bomUTF16LE):
			return encodingFor(UTF16LE), b[len(bomUTF16LE):]
		case bytes.HasPrefix(b, bomUTF16BE):
			return encodingFor(UTF16BE), b[len(bomUTF16BE):]
		}
		if order, ok := sniffUTF16(b[:min(len(b), SampleSize)]); ok {
			return encodingFor(order), b
		}
		return encodingFor(UTF16BE), b
	}
	return enc, b
}

// NewReader sniffs r (buffering the first SampleSize bytes), strips any BOM
// and returns a reader of UTF-8 text plus what was detected. Nothing beyond
// the sample is read before the caller reads, so arbitrarily large inputs
// stream in constant memory.
//
// When the detection is UTF-8, bytes that turn out not to be valid UTF-8
// (after the sample, or the few tolerated inside it) are decoded as
// Windows-1252 rather than replaced, so a file that mixes encodings loses
// nothing.
func NewReader(r io.Reader) (io.Reader, Detection, error) {
	sample, err := readSample(r)
	if err != nil {
		return nil, Detection{}, err
	}
	d := Detect(sample)
	if d.BOM {
		sample = sample[bomLen(d.Name):]
	}
	body := io.MultiReader(bytes.NewReader(sample), r)
	if d.Name == UTF8 {
		return transform.NewReader(body, utf8Fallback{}), d, nil
	}
	return transform.NewReader(body, encodingFor(d.Name).NewDecoder()), d, nil
}

// NewDecodingReader returns a reader of UTF-8 text decoded from r in the
// named charset, for when the charset is known (a user's choice or a label
// in the file). A leading BOM of that charset is dropped.
func NewDecodingReader(r io.Reader, charset string) (io.Reader, error) {
	enc, name, err := lookup(charset)
	if err != nil {
		return nil, err
	}
	// Only BOM handling needs a look at the start of the input.
	var head []byte
	if name == UTF8 || name == UTF16 || name == UTF16LE || name == UTF16BE {
		head, err = readSample(r)
		if err != nil {
			return nil, err
		}
		enc, head = resolveBOM(enc, name, head)
	}
	body := io.MultiReader(bytes.NewReader(head), r)
	return transform.NewReader(body, enc.NewDecoder()), nil
}

// readSample reads up to SampleSize bytes; a short input is not an error.
// The buffer grows with the input, so small files stay cheap.
func readSample(r io.Reader) ([]byte, error) {
	buf, err := io.ReadAll(io.LimitReader(r, SampleSize))
	if err != nil {
		return nil, fmt.Errorf("textenc: reading sample: %w", err)
	}
	return buf, nil
}

// bomLen is the length of the BOM of a canonical charset.
func bomLen(name string) int {
	switch name {
	case UTF8:
		return len(bomUTF8)
	case UTF16LE, UTF16BE:
		return 2
	}
	return 0
}
