package vcard

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrNotInline is returned by Property.Data for a property whose value is
// not inline data (a text value or a URI other than data:).
var ErrNotInline = errors.New("vcard: property has no inline data")

// b64Class classifies bytes for base64 scanning: 1 = alphabet (standard or
// URL-safe), 2 = padding, 3 = whitespace, 0 = invalid. Built once, read-only.
var b64Class = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	t['+'], t['/'], t['-'], t['_'] = 1, 1, 1, 1
	t['='] = 2
	t[' '], t['\t'], t['\r'], t['\n'] = 3, 3, 3, 3
	return t
}()

// base64Text validates an inline base64 value and returns it without
// whitespace: only characters of the standard or URL-safe alphabet, with "="
// padding only at the end. Sloppy padding and a dangling final character
// (seen in real exports) are accepted; decodeBase64 copes with them.
func base64Text(v []byte) (string, bool) {
	n, pad, ws := 0, 0, 0
	for _, c := range v {
		switch b64Class[c] {
		case 1:
			if pad > 0 {
				return "", false
			}
			n++
		case 2:
			pad++
		case 3:
			ws++
		default:
			return "", false
		}
	}
	if n == 0 && pad > 0 {
		return "", false
	}
	if ws == 0 {
		return string(v), true
	}
	var b strings.Builder
	b.Grow(len(v) - ws)
	start := 0
	for i, c := range v {
		if b64Class[c] == 3 {
			b.Write(v[start:i])
			start = i + 1
		}
	}
	b.Write(v[start:])
	return b.String(), true
}

// stripSpace removes ASCII whitespace (space, TAB, CR, LF) from b.
func stripSpace(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if b64Class[c] != 3 {
			out = append(out, c)
		}
	}
	return out
}

// decodeBase64 decodes base64 leniently: whitespace is ignored, the standard
// and URL-safe alphabets may be mixed, padding is optional and a dangling
// final character (a length of 4n+1, which cannot encode anything) is
// dropped. Any text accepted by base64Text decodes.
func decodeBase64(s string) ([]byte, error) {
	b := stripSpace([]byte(s))
	for len(b) > 0 && b[len(b)-1] == '=' {
		b = b[:len(b)-1]
	}
	if len(b)%4 == 1 {
		b = b[:len(b)-1]
	}
	for i, c := range b {
		switch c {
		case '-':
			b[i] = '+'
		case '_':
			b[i] = '/'
		}
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(b)))
	n, err := base64.RawStdEncoding.Decode(out, b)
	if err != nil {
		return nil, fmt.Errorf("vcard: decoding base64: %w", err)
	}
	return out[:n], nil
}

// parseDataURI splits an RFC 2397 data: URI into its media type and data.
func parseDataURI(uri string) ([]byte, string, error) {
	if len(uri) < 5 || !strings.EqualFold(uri[:5], "data:") {
		return nil, "", ErrNotInline
	}
	rest := uri[5:]
	comma := strings.IndexByte(rest, ',')
	if comma < 0 {
		return nil, "", errors.New("vcard: data URI without a comma")
	}
	meta, payload := rest[:comma], rest[comma+1:]
	isB64 := false
	if i := strings.LastIndexByte(meta, ';'); i >= 0 && strings.EqualFold(strings.TrimSpace(meta[i+1:]), "base64") {
		isB64 = true
		meta = meta[:i]
	}
	mediaType := strings.TrimSpace(meta)
	if i := strings.IndexByte(mediaType, ';'); i >= 0 {
		mediaType = mediaType[:i]
	}
	if !strings.Contains(mediaType, "/") {
		mediaType = "" // not a type/subtype: unknown
	}
	if isB64 {
		data, err := decodeBase64(payload)
		if err != nil {
			return nil, "", err
		}
		return data, strings.ToLower(mediaType), nil
	}
	data, err := url.PathUnescape(payload)
	if err != nil {
		return nil, "", fmt.Errorf("vcard: decoding data URI: %w", err)
	}
	return []byte(data), strings.ToLower(mediaType), nil
}

// buildDataURI writes base64 data as a data: URI.
func buildDataURI(mediaType, b64 string) string {
	if mediaType == "" {
		mediaType = "application/octet-stream"
	}
	return "data:" + mediaType + ";base64," + b64
}

// typeToMedia maps vCard 2.1/3.0 format types (TYPE=JPEG) to media types.
var typeToMedia = map[string]string{
	"JPEG": "image/jpeg", "JPG": "image/jpeg", "PJPEG": "image/jpeg",
	"PNG": "image/png", "GIF": "image/gif", "BMP": "image/bmp",
	"TIFF": "image/tiff", "TIF": "image/tiff", "WEBP": "image/webp",
	"HEIC": "image/heic", "PICT": "image/x-pict", "WMF": "image/x-wmf",
	"PS": "application/postscript", "PDF": "application/pdf",
	"MPEG": "video/mpeg", "MPEG2": "video/mpeg", "QTIME": "video/quicktime",
	"AVI": "video/x-msvideo", "CGM": "image/cgm", "MET": "image/x-met",
	"WAVE": "audio/wav", "WAV": "audio/wav", "PCM": "audio/x-pcm",
	"AIFF": "audio/aiff", "MP3": "audio/mpeg", "OGG": "audio/ogg",
	"X509": "application/pkix-cert", "PGP": "application/pgp-keys",
}

// mediaToType maps media types back to the 3.0 TYPE format name.
func mediaToType(media string) string {
	media = strings.ToLower(media)
	switch media {
	case "image/jpeg", "image/jpg", "image/pjpeg":
		return "JPEG"
	case "application/pkix-cert", "application/x-x509-ca-cert":
		return "X509"
	case "application/pgp-keys":
		return "PGP"
	case "audio/wav", "audio/x-wav", "audio/wave":
		return "WAVE"
	}
	if i := strings.IndexByte(media, '/'); i >= 0 {
		sub := strings.TrimPrefix(media[i+1:], "x-")
		return strings.ToUpper(sub)
	}
	return strings.ToUpper(media)
}

// isFormatType reports whether a TYPE value names a data format (JPEG,
// image/png, …) rather than a usage (WORK, HOME).
func isFormatType(v string) bool {
	if strings.Contains(v, "/") {
		return true
	}
	_, ok := typeToMedia[strings.ToUpper(v)]
	return ok
}

// formatMedia returns the media type named by a TYPE format value.
func formatMedia(v string) string {
	if strings.Contains(v, "/") {
		return strings.ToLower(v)
	}
	return typeToMedia[strings.ToUpper(v)]
}

// sniffMedia recognises common image formats from their first bytes.
func sniffMedia(b []byte) string {
	switch {
	case len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return "image/jpeg"
	case len(b) >= 8 && string(b[:8]) == "\x89PNG\r\n\x1a\n":
		return "image/png"
	case len(b) >= 6 && (string(b[:6]) == "GIF87a" || string(b[:6]) == "GIF89a"):
		return "image/gif"
	case len(b) >= 2 && string(b[:2]) == "BM":
		return "image/bmp"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "image/webp"
	}
	return ""
}

// sniffBase64Media decodes the first bytes of base64 text and sniffs them.
func sniffBase64Media(b64 string) string {
	head := b64
	if len(head) > 24 {
		head = head[:24]
	}
	data, err := decodeBase64(head)
	if err != nil {
		return ""
	}
	return sniffMedia(data)
}
