package activities

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"fieldbook/backend/crm"
	"fieldbook/backend/textenc"
)

// MaxEMLSize is the largest message file ParseEML reads (25 MB, about what
// mail servers accept).
const MaxEMLSize = 25 << 20

// maxDepth bounds how deeply multiparts may nest.
const maxDepth = 20

// Message is what Fieldbook keeps of an e-mail message: its header as
// text, the body as plain text and the names of its attachments (their
// content is not kept).
type Message struct {
	From      string
	To        []string
	Cc        []string
	Subject   string
	MessageID string
	// Date is zero when the message has no readable Date header.
	Date        time.Time
	Text        string
	Attachments []string
}

func emlError(format string, args ...any) error {
	return &crm.Error{Code: crm.CodeEMLInvalid, Message: fmt.Sprintf(format, args...)}
}

// ParseEML reads an RFC 5322 message file (.eml). Encoded words in the
// header (RFC 2047, any charset backend/textenc knows) and 8-bit header
// bytes are decoded; the body is the text/plain part, else the text/html
// part reduced to text, found inside nested multiparts; attachments are
// named. A file that is not a message, or is larger than MaxEMLSize, gives a
// *crm.Error with code crm.CodeEMLInvalid; damage inside the body keeps
// what could be read.
func ParseEML(data []byte) (Message, error) {
	var m Message
	if len(data) > MaxEMLSize {
		return m, emlError("the message file is %d MB; the largest Fieldbook reads is %d MB", len(data)>>20, MaxEMLSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// Some mail programs save a leading mbox "From " line.
	if bytes.HasPrefix(data, []byte("From ")) {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return m, emlError("this is not an e-mail message file: %v", err)
	}
	h := msg.Header
	known := 0
	for _, k := range []string{"From", "To", "Subject", "Date", "Message-Id", "Mime-Version", "Received", "Sender"} {
		if _, ok := h[k]; ok {
			known++
		}
	}
	if known == 0 {
		return m, emlError("this is not an e-mail message file: it has no From, To, Subject or Date")
	}
	dec := wordDecoder()
	m.Subject = crm.CleanLine(headerText(dec, h.Get("Subject")))
	m.From = firstOr(addresses(dec, h.Get("From")))
	m.To = addresses(dec, h.Get("To"))
	m.Cc = addresses(dec, h.Get("Cc"))
	m.MessageID = crm.CleanLine(h.Get("Message-Id"))
	if d, err := mail.ParseDate(h.Get("Date")); err == nil {
		m.Date = d.UTC()
	}
	var c collector
	c.walk(dec, textproto.MIMEHeader(h), msg.Body, 0)
	m.Text = c.text()
	m.Attachments = c.attachments
	return m, nil
}

func firstOr(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// wordDecoder decodes RFC 2047 encoded words in any charset textenc knows.
func wordDecoder() *mime.WordDecoder {
	return &mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
		return textenc.NewDecodingReader(input, charset)
	}}
}

// headerText decodes a header value: encoded words, and raw 8-bit bytes
// (UTF-8, else whatever textenc detects).
func headerText(dec *mime.WordDecoder, v string) string {
	if v == "" {
		return ""
	}
	v = eightBit([]byte(v), "")
	if d, err := dec.DecodeHeader(v); err == nil {
		return d
	}
	return v
}

// eightBit turns bytes into text: in charset when it is given and known,
// as UTF-8 when they are valid UTF-8, else as textenc detects them.
func eightBit(b []byte, charset string) string {
	if charset != "" {
		if s, err := textenc.DecodeBytes(b, charset); err == nil {
			return s
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	if s, err := textenc.DecodeBytes(b, textenc.Detect(b).Name); err == nil {
		return s
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// addresses reads an address list as "Name <addr>" texts; a list that is
// not valid RFC 5322 is split on commas and kept as written.
func addresses(dec *mime.WordDecoder, v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	v = eightBit([]byte(v), "")
	p := mail.AddressParser{WordDecoder: dec}
	var out []string
	if list, err := p.ParseList(v); err == nil {
		for _, a := range list {
			if a.Name != "" {
				out = append(out, crm.CleanLine(a.Name)+" <"+a.Address+">")
			} else {
				out = append(out, a.Address)
			}
		}
		return out
	}
	for _, part := range strings.Split(headerText(dec, v), ",") {
		if part = crm.CleanLine(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// collector gathers the body texts and attachment names of a message.
type collector struct {
	plain, html []string
	attachments []string
}

func (c *collector) text() string {
	t := strings.Join(c.plain, "\n\n")
	if strings.TrimSpace(t) == "" {
		t = strings.Join(c.html, "\n\n")
	}
	return tidy(t)
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

// tidy normalises line ends, drops trailing spaces and keeps at most one
// blank line in a row.
func tidy(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	return strings.TrimSpace(blankRuns.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

// walk reads one entity (the message or a part) with header h.
func (c *collector) walk(dec *mime.WordDecoder, h textproto.MIMEHeader, body io.Reader, depth int) {
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mediaType == "" {
		mediaType, params = "text/plain", map[string]string{"charset": paramsCharset(h.Get("Content-Type"))}
	}
	disposition, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	name = crm.CleanLine(headerText(dec, name))
	if strings.HasPrefix(mediaType, "multipart/") && depth < maxDepth {
		c.multipart(dec, mediaType, params["boundary"], body, depth)
		return
	}
	isText := mediaType == "text/plain" || mediaType == "text/html"
	if disposition == "attachment" || !isText || (name != "" && disposition != "inline") {
		if name == "" {
			name = mediaType
		}
		c.attachments = append(c.attachments, name)
		return
	}
	raw := decodeTransfer(h.Get("Content-Transfer-Encoding"), body)
	text := eightBit(raw, params["charset"])
	if mediaType == "text/html" {
		c.html = append(c.html, htmlText(text))
	} else {
		c.plain = append(c.plain, text)
	}
}

// paramsCharset finds a charset= in a Content-Type that mime could not parse.
func paramsCharset(ct string) string {
	i := strings.Index(strings.ToLower(ct), "charset=")
	if i < 0 {
		return ""
	}
	v := ct[i+len("charset="):]
	if j := strings.IndexAny(v, "; \t"); j >= 0 {
		v = v[:j]
	}
	return strings.Trim(v, `"'`)
}

// multipart reads the parts of a multipart entity. In an alternative, the
// plain text wins over HTML; other multiparts contribute every part.
func (c *collector) multipart(dec *mime.WordDecoder, mediaType, boundary string, body io.Reader, depth int) {
	if boundary == "" {
		return
	}
	r := multipart.NewReader(body, boundary)
	var alt []collector
	for {
		p, err := r.NextRawPart()
		if err != nil {
			break // io.EOF, or a damaged part: keep what was read
		}
		if mediaType == "multipart/alternative" {
			var sub collector
			sub.walk(dec, p.Header, p, depth+1)
			alt = append(alt, sub)
			continue
		}
		c.walk(dec, p.Header, p, depth+1)
	}
	if mediaType != "multipart/alternative" {
		return
	}
	best := -1
	for i, a := range alt {
		if strings.TrimSpace(strings.Join(a.plain, "")) != "" {
			best = i
			break
		}
	}
	if best < 0 {
		for i, a := range alt {
			if strings.TrimSpace(strings.Join(a.html, "")) != "" {
				best = i
				break
			}
		}
	}
	for i, a := range alt {
		if i == best {
			c.plain = append(c.plain, a.plain...)
			c.html = append(c.html, a.html...)
		}
		c.attachments = append(c.attachments, a.attachments...)
	}
}

// decodeTransfer undoes a Content-Transfer-Encoding, leniently: damaged
// base64 or quoted-printable keeps what decoded before the damage.
func decodeTransfer(cte string, body io.Reader) []byte {
	raw, _ := io.ReadAll(io.LimitReader(body, MaxEMLSize))
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		clean := make([]byte, 0, len(raw))
		for _, b := range raw {
			if b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' {
				clean = append(clean, b)
			}
		}
		if len(clean)%4 == 1 {
			clean = clean[:len(clean)-1] // a lone trailing character holds no whole byte
		}
		out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
		n, _ := base64.RawStdEncoding.Decode(out, clean)
		return out[:n]
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && len(out) == 0 {
			return raw
		}
		return out
	}
	return raw
}

// htmlText reduces HTML to its text: scripts, styles and the head dropped,
// block elements and <br> as line breaks, entities decoded.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			lines := strings.Split(b.String(), "\n")
			for i, l := range lines {
				lines[i] = strings.TrimSpace(l)
			}
			return tidy(strings.Join(lines, "\n"))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				skip++
			case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr":
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				if skip > 0 {
					skip--
				}
			case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table":
				b.WriteByte('\n')
			case "td", "th":
				b.WriteByte('\t')
			}
		case html.TextToken:
			if skip == 0 {
				b.WriteString(collapse(string(z.Text())))
			}
		}
	}
}

var spaceRuns = regexp.MustCompile(`[ \t\r\n]+`)

// collapse turns HTML whitespace runs into one space, as a browser shows them.
func collapse(s string) string { return spaceRuns.ReplaceAllString(s, " ") }
