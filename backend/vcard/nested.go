package vcard

import (
	"bytes"
	"strings"
)

// readNested handles a BEGIN:VCARD inside an open card. It buffers the
// inner card(s) and decides: after an empty AGENT, or when the outer card
// continues with more properties or its END, they are nested and kept as raw
// content; when the input ends or another run of cards follows instead, the
// outer card just lacked its END, so it is closed and the buffered cards are
// read again as cards of their own. closed reports that the outer card ended.
func (d *Decoder) readNested(b *cardBuilder, begin bufLine, probs []Problem) ([]Problem, bool) {
	agent := b.lastIsEmptyAgent()
	var blocks [][]bufLine
	size := 0
	cur := begin
	for {
		block, closed := d.readBlock(cur)
		blocks = append(blocks, block)
		for _, l := range block {
			size += len(l.data)
		}
		if !closed {
			return d.unnest(b, blocks, nil, probs), true
		}
		if agent {
			b.addNested(blocks[0], true)
			probs = append(probs, Problem{Card: b.index, Line: begin.line, Property: "AGENT", Reason: "nested vCard kept as raw content of AGENT"})
			return probs, false
		}
		next, ok := d.nextNonBlank()
		if !ok {
			return d.unnest(b, blocks, nil, probs), true
		}
		if isBeginLine(next.data) {
			if len(blocks) < maxNestedBlocks && size < maxNestedBytes {
				cur = own(next)
				continue
			}
			return d.unnest(b, blocks, []bufLine{own(next)}, probs), true
		}
		for _, blk := range blocks {
			b.addNested(blk, false)
			probs = append(probs, Problem{Card: b.index, Line: blk[0].line, Property: NestedName, Reason: "nested vCard kept as raw content"})
		}
		if isEndLine(next.data) {
			return probs, true
		}
		if next.tooLong {
			probs = append(probs, Problem{Card: b.index, Line: next.line, Reason: "line too long; skipped"})
		} else {
			b.addLine(next)
		}
		return probs, false
	}
}

// unnest closes the outer card as lacking its END and queues the buffered
// cards (and extra lines) to be read again.
func (d *Decoder) unnest(b *cardBuilder, blocks [][]bufLine, extra []bufLine, probs []Problem) []Problem {
	var lines []bufLine
	for _, blk := range blocks {
		lines = append(lines, blk...)
	}
	lines = append(lines, extra...)
	for _, l := range lines {
		d.flatUntil = max(d.flatUntil, l.line)
	}
	d.pushBack(lines)
	return append(probs, Problem{Card: b.index, Line: b.begin, Reason: "card has no END:VCARD; closed before the next BEGIN:VCARD"})
}

// readBlock reads an inner card from its BEGIN line to the matching END.
// closed is false when the input ended first or the block grew too large.
func (d *Decoder) readBlock(begin bufLine) ([]bufLine, bool) {
	block := []bufLine{begin}
	depth, size := 1, 0
	for {
		if len(block) >= maxNestedLines || size >= maxNestedBytes {
			return block, false
		}
		l, ok := d.nextLine()
		if !ok {
			return block, false
		}
		size += len(l.data)
		block = append(block, own(l))
		switch {
		case isBeginLine(l.data):
			depth++
		case isEndLine(l.data):
			depth--
			if depth == 0 {
				return block, true
			}
		}
	}
}

// nextNonBlank returns the next non-blank line as an owned copy.
func (d *Decoder) nextNonBlank() (bufLine, bool) {
	for {
		l, ok := d.nextLine()
		if !ok {
			return bufLine{}, false
		}
		if !isBlank(l.data) {
			return own(l), true
		}
	}
}

// lastIsEmptyAgent reports whether the last line is "AGENT:" with no value.
func (b *cardBuilder) lastIsEmptyAgent() bool {
	if len(b.entries) == 0 || b.entries[len(b.entries)-1].nested != nil {
		return false
	}
	l := bytes.TrimSpace(b.entries[len(b.entries)-1].data)
	if i := bytes.IndexByte(l, '.'); i >= 0 && i < bytes.IndexByte(l, ':') {
		l = l[i+1:]
	}
	if len(l) < 6 || !bytes.EqualFold(l[:5], []byte("AGENT")) || (l[5] != ':' && l[5] != ';') {
		return false
	}
	return scanHead(l).colon == len(l)-1
}

// addNested records a nested card, merged into the preceding AGENT line when
// withAgent is set.
func (b *cardBuilder) addNested(block []bufLine, withAgent bool) {
	lines := make([][]byte, len(block))
	for i, l := range block {
		lines[i] = l.data
	}
	if withAgent {
		last := &b.entries[len(b.entries)-1]
		last.nested = lines
		return
	}
	b.entries = append(b.entries, cardEntry{line: block[0].line, nested: lines})
}

// nestedProperty builds the property for a nested vCard entry.
func nestedProperty(e cardEntry, ctx valueCtx) *Property {
	var raw bytes.Buffer
	p := &Property{Name: NestedName, RawName: NestedName, Line: e.line}
	if e.data != nil { // merged with its AGENT line
		if res, err := parseProperty(e.data, ctx); err == nil {
			p = res.prop
			p.Line = e.line
		}
		raw.Write(e.data)
		raw.WriteString("\r\n")
	}
	var text strings.Builder
	for i, l := range e.nested {
		if i > 0 {
			raw.WriteString("\r\n")
			text.WriteByte('\n')
		}
		raw.Write(l)
		t, _ := ctx.toText(l)
		text.WriteString(t)
	}
	p.Value = text.String()
	p.raw = raw.Bytes()
	p.nested = &nestedOrig{group: p.Group, name: p.Name, rawName: p.RawName, value: p.Value, params: cloneParams(p.Params)}
	return p
}

// cloneParams deep-copies a parameter list.
func cloneParams(ps []Param) []Param {
	if ps == nil {
		return nil
	}
	out := make([]Param, len(ps))
	for i, p := range ps {
		out[i] = p
		out[i].Values = append([]string(nil), p.Values...)
	}
	return out
}
