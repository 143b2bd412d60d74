package vcard

import (
	"bytes"
	"strings"

	"fieldbook/backend/contentline"
)

// cardEntry is one line of a card being built: a content line, or a nested
// vCard (optionally merged with the AGENT line before it).
type cardEntry struct {
	data   []byte
	line   int
	nested [][]byte // nested card lines; nil for a plain content line
}

// cardBuilder collects a card's lines and turns them into a Card.
type cardBuilder struct {
	index   int
	begin   int
	keep    func([]byte) []byte // copies a line into stable memory
	entries []cardEntry
}

// addLine copies a content line into the builder.
func (b *cardBuilder) addLine(l bufLine) {
	b.entries = append(b.entries, cardEntry{data: b.keep(l.data), line: l.line})
}

// build parses the collected lines.
func (b *cardBuilder) build(fileFallback string, hint *slabHint, segs *[][]byte) (*Card, []Problem) {
	var probs []Problem
	version, found := b.findVersion()
	card := &Card{Version: version, Line: b.begin, fallback: fileFallback}
	if !found {
		probs = append(probs, Problem{Card: b.index, Line: b.begin, Reason: "card has no VERSION; read with vCard 3.0 rules"})
	}
	ctx := valueCtx{version: rulesVersion(version), fallback: fileFallback}
	card.Properties = make([]*Property, 0, len(b.entries))
	ps := newParser(ctx, len(b.entries), *hint)
	ps.segs = *segs
	defer func() { *hint, *segs = ps.used, ps.segs[:0] }()
	for _, e := range b.entries {
		if e.nested != nil {
			card.Properties = append(card.Properties, nestedProperty(e, ctx))
			continue
		}
		res, err := ps.parse(e.data)
		if err != nil {
			probs = append(probs, Problem{Card: b.index, Line: e.line, Property: propName(e.data), Reason: err.Error() + "; line skipped"})
			continue
		}
		res.prop.Line = e.line
		for _, w := range res.warnings {
			probs = append(probs, Problem{Card: b.index, Line: e.line, Property: res.prop.Name, Reason: w})
		}
		card.Properties = append(card.Properties, res.prop)
	}
	return card, probs
}

// findVersion returns the value of the first VERSION line.
func (b *cardBuilder) findVersion() (string, bool) {
	for _, e := range b.entries {
		if e.nested != nil {
			continue
		}
		l := contentline.TrimLeftWS(e.data)
		if len(l) < 8 || !bytes.EqualFold(l[:7], []byte("VERSION")) {
			continue
		}
		rest := contentline.TrimLeftWS(l[7:])
		if len(rest) == 0 || rest[0] != ':' {
			continue
		}
		v := strings.TrimSpace(string(rest[1:]))
		switch v {
		case Version21, Version30, Version40:
			return v, true
		}
		return v, true
	}
	return "", false
}

// rulesVersion maps a VERSION value to the escaping rules used to read it.
func rulesVersion(v string) string {
	switch {
	case strings.HasPrefix(v, "2"), strings.HasPrefix(v, "1"):
		return Version21
	case strings.HasPrefix(v, "4"):
		return Version40
	}
	return Version30
}

// propName extracts a printable property name for a problem report.
func propName(line []byte) string {
	l := contentline.TrimLeftWS(line)
	end := bytes.IndexAny(l, ";:")
	if end < 0 || end > 40 || !contentline.ValidName(bytes.TrimSpace(l[:end])) {
		return ""
	}
	return strings.ToUpper(string(bytes.TrimSpace(l[:end])))
}
