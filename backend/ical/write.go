package ical

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/contentline"
)

// Write serialises a calendar: UTF-8, CRLF line endings, folded at 75
// octets without splitting a UTF-8 sequence. BEGIN:VCALENDAR is followed by
// the calendar properties, then the components, each with its properties
// before its children.
//
// A property that is unchanged since it was read is written from its
// original unfolded text. Properties with an invalid or structural name
// (BEGIN, END), parameters with an invalid name, components with an invalid
// name and components nested deeper than the reader accepts are left out;
// line breaks in a Value are written as \n.
func Write(cal *Calendar) []byte {
	var w writer
	if cal == nil {
		return nil
	}
	w.buf.Grow(4096)
	w.buf.WriteString("BEGIN:VCALENDAR\r\n")
	for _, p := range cal.Props {
		w.property(p)
	}
	for _, c := range cal.Components {
		w.component(c, 1)
	}
	w.buf.WriteString("END:VCALENDAR\r\n")
	return w.buf.Bytes()
}

// Encode writes cal to w as Write formats it.
func Encode(w io.Writer, cal *Calendar) error {
	if _, err := w.Write(Write(cal)); err != nil {
		return fmt.Errorf("ical: writing calendar: %w", err)
	}
	return nil
}

// WriteComponent serialises one component on its own (without a
// VCALENDAR around it), as Write would inside a calendar.
func WriteComponent(c *Component) []byte {
	var w writer
	w.component(c, 1)
	return w.buf.Bytes()
}

// writer accumulates output.
type writer struct {
	buf  bytes.Buffer
	line []byte // scratch for one serialised line
}

// component writes one component and its children.
func (w *writer) component(c *Component, depth int) {
	if c == nil || depth > maxDepth {
		return
	}
	name := strings.ToUpper(c.Name)
	if !contentline.ValidName(name) || name == "VCALENDAR" {
		return
	}
	w.buf.WriteString("BEGIN:")
	w.buf.WriteString(name)
	w.buf.WriteString("\r\n")
	for _, p := range c.Props {
		w.property(p)
	}
	for _, child := range c.Children {
		w.component(child, depth+1)
	}
	w.buf.WriteString("END:")
	w.buf.WriteString(name)
	w.buf.WriteString("\r\n")
}

// property writes one property, from its original text when unchanged.
func (w *writer) property(p *Property) {
	if p == nil {
		return
	}
	name := strings.ToUpper(p.Name)
	if !contentline.ValidName(name) || name == "BEGIN" || name == "END" {
		return
	}
	if p.Unchanged() {
		contentline.WriteFolded(&w.buf, []byte(p.raw))
		return
	}
	b := w.line[:0]
	if p.Group != "" && contentline.ValidDotted(p.Group) {
		b = append(b, p.Group...)
		b = append(b, '.')
	}
	b = append(b, name...)
	for i, pa := range p.Params {
		b = appendParam(b, pa, i < len(p.Params)-1)
	}
	b = append(b, ':')
	b = contentline.AppendNewlines(b, p.Value)
	contentline.WriteFolded(&w.buf, b)
	if cap(b) <= 64<<10 {
		w.line = b
	}
}

// Unchanged reports whether the property still equals what was read from
// its original line (so Write will write that line as it was).
func (p *Property) Unchanged() bool {
	if p.raw == "" || !reusable(p.raw) {
		return false
	}
	orig, _, err := parseLine(p.raw)
	if err != nil {
		return false
	}
	return p.Group == orig.Group && p.Name == orig.Name && p.Value == orig.Value &&
		slices.EqualFunc(p.Params, orig.Params, paramEqual)
}

// paramEqual compares two parameters field by field.
func paramEqual(a, b Param) bool {
	return a.Name == b.Name && a.Quoted == b.Quoted && a.Bare == b.Bare && slices.Equal(a.Values, b.Values)
}

// reusable reports whether an original line can be written as it is: it
// would not read as a continuation, is UTF-8 on one line, and has no
// unbalanced quote before its colon (the reader could join it with the next
// line).
func reusable(raw string) bool {
	return raw != "" && raw[0] != ' ' && raw[0] != '\t' && utf8.ValidString(raw) &&
		!strings.ContainsAny(raw, "\r\n") && !openQuote([]byte(raw))
}

// appendParam writes ";NAME=v1,v2" (or ";BARE" for a bare parameter);
// more says that another parameter follows.
func appendParam(b []byte, pa Param, more bool) []byte {
	if pa.Bare {
		name := sanitizeBare(pa.Name)
		if name == "" {
			return b
		}
		b = append(b, ';')
		return append(b, name...)
	}
	name := strings.ToUpper(pa.Name)
	if !contentline.ValidName(name) {
		return b
	}
	b = append(b, ';')
	b = append(b, name...)
	b = append(b, '=')
	if len(pa.Values) == 0 {
		if pa.Quoted {
			b = append(b, '"', '"')
		}
		return b
	}
	for i, v := range pa.Values {
		if i > 0 {
			b = append(b, ',')
		}
		b = encodeParamValue(b, v, pa.Quoted, more && i == len(pa.Values)-1)
	}
	return b
}
