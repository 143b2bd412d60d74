package vcard

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"fieldbook/backend/textenc"
)

const (
	// maxNestedBlocks is how many consecutive vCards found inside an open
	// card are buffered while deciding whether they are nested or the outer
	// card merely lacks its END line.
	maxNestedBlocks = 4
	// maxNestedBytes bounds the bytes buffered for that decision.
	maxNestedBytes = 8 << 20
	// maxNestedLines bounds the lines of one nested vCard; a longer "nested
	// card" is taken as a sign of a missing END instead. This also bounds the
	// work spent re-reading lines on hostile input.
	maxNestedLines = 1000
	// smallSample is the first read, enough for a typical single card.
	smallSample = 4 << 10
)

// Options tunes decoding. The zero value is ready to use.
type Options struct {
	// FallbackCharset is used for values that are not valid UTF-8 and carry
	// no CHARSET parameter (for example "iso-8859-2" for a Polish file). When
	// empty, the charset sniffed from the start of the file is used if it is
	// not UTF-8, else the charset sniffed from the value itself, else
	// windows-1252.
	FallbackCharset string
	// MaxLineBytes bounds one logical line; longer lines are skipped and
	// reported. Zero means DefaultMaxLineBytes.
	MaxLineBytes int
}

// Decoder reads vCards one at a time from a stream.
type Decoder struct {
	src          io.Reader
	opts         Options
	lx           *lexer
	started      bool
	fileFallback string
	index        int
	pending      []bufLine // lines pushed back, read before the lexer …
	phead        int       // … starting at this index
	err          error     // sticky terminal error (io.EOF at the end)
	chunk        []byte    // arena the lines of cards are copied into
	entryBuf     []cardEntry
	hint         slabHint // slab sizes used by the previous card
	segs         [][]byte // scratch for parameter segments
	// flatUntil is the last line of cards pushed back after a failed
	// nesting attempt; up to there a BEGIN inside a card just means the card
	// lacks its END, so hostile input cannot make lines be re-read again
	// and again.
	flatUntil int
}

const (
	// chunkSize is the size of the arena blocks card lines are copied into;
	// a block is shared by consecutive cards and freed with the last of them.
	chunkSize = 64 << 10
	// bigLine is the length from which a line gets its own allocation.
	bigLine = 8 << 10
)

// keep copies a line into the decoder's arena and returns the copy, which
// is never written again.
func (d *Decoder) keep(b []byte) []byte {
	if len(b) >= bigLine {
		return append([]byte(nil), b...)
	}
	if cap(d.chunk)-len(d.chunk) < len(b) {
		d.chunk = make([]byte, 0, chunkSize)
	}
	start := len(d.chunk)
	d.chunk = append(d.chunk, b...)
	return d.chunk[start:len(d.chunk):len(d.chunk)]
}

// bufLine is a logical line.
type bufLine struct {
	data    []byte
	line    int
	tooLong bool
	owned   bool // data is a private copy, not the lexer's buffer
}

// NewDecoder returns a decoder reading r with default options.
func NewDecoder(r io.Reader) *Decoder {
	return NewDecoderOptions(r, Options{})
}

// NewDecoderOptions returns a decoder reading r with the given options.
func NewDecoderOptions(r io.Reader, opts Options) *Decoder {
	return &Decoder{src: r, opts: opts}
}

// Decode reads every vCard from r. Problems list what was skipped or
// repaired; the error is non-nil only when reading r fails.
func Decode(r io.Reader) ([]*Card, []Problem, error) {
	return DecodeWith(r, Options{})
}

// DecodeWith is Decode with options.
func DecodeWith(r io.Reader, opts Options) ([]*Card, []Problem, error) {
	d := NewDecoderOptions(r, opts)
	var cards []*Card
	var problems []Problem
	for {
		c, probs, err := d.Next()
		problems = append(problems, probs...)
		if errors.Is(err, io.EOF) {
			return cards, problems, nil
		}
		if err != nil {
			return cards, problems, err
		}
		cards = append(cards, c)
	}
}

// start sniffs the file encoding and sets up the lexer.
func (d *Decoder) start() error {
	d.started = true
	// Read a small sample first so that decoding one small card (the sync
	// engine does that thousands of times) does not allocate 64 KiB.
	sample := make([]byte, smallSample)
	n, err := io.ReadFull(d.src, sample)
	if err == nil {
		big := make([]byte, textenc.SampleSize)
		copy(big, sample)
		var m int
		m, err = io.ReadFull(d.src, big[n:])
		sample, n = big, n+m
	}
	atEOF := err != nil
	var readErr error
	if atEOF && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		// Decode what was read; the error is reported when it is reached.
		readErr = fmt.Errorf("vcard: reading input: %w", err)
		atEOF = false
	}
	sample = sample[:n]
	det := textenc.Detect(sample)
	d.fileFallback = d.opts.FallbackCharset
	switch det.Name {
	case textenc.UTF16LE, textenc.UTF16BE:
		r, err := textenc.NewDecodingReader(io.MultiReader(bytes.NewReader(sample), d.src), det.Name)
		if err != nil {
			return fmt.Errorf("vcard: decoding %s input: %w", det.Name, err)
		}
		d.lx = newLexer(r, nil, false, d.opts.MaxLineBytes)
		return nil
	case textenc.UTF8:
		if det.BOM {
			sample = sample[3:]
		}
	default:
		if d.fileFallback == "" {
			d.fileFallback = det.Name
		}
	}
	d.lx = newLexer(d.src, sample, atEOF, d.opts.MaxLineBytes)
	d.lx.err = readErr
	return nil
}

// nextLine returns the next logical line, from the pushed-back lines first.
// The data is valid until the next call.
func (d *Decoder) nextLine() (bufLine, bool) {
	if d.phead < len(d.pending) {
		l := d.pending[d.phead]
		d.phead++
		return l, true
	}
	d.pending, d.phead = d.pending[:0], 0
	ll, ok := d.lx.next()
	if !ok {
		return bufLine{}, false
	}
	return bufLine{data: ll.data, line: ll.line, tooLong: ll.tooLong}, true
}

// pushBack puts owned lines in front of everything not read yet.
func (d *Decoder) pushBack(lines []bufLine) {
	if len(lines) <= d.phead {
		d.phead -= len(lines)
		copy(d.pending[d.phead:], lines)
		return
	}
	d.pending = append(append([]bufLine(nil), lines...), d.pending[d.phead:]...)
	d.phead = 0
}

// own returns a copy of l that survives further reads.
func own(l bufLine) bufLine {
	if !l.owned {
		l.data = append([]byte(nil), l.data...)
		l.owned = true
	}
	return l
}

// isBlank reports whether a line holds only whitespace.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f' {
			return false
		}
	}
	return true
}

// Next returns the next card and the problems met while reading it (and any
// junk before it). At the end of the input it returns io.EOF; any other
// error is a read error. After an error every call returns it again.
func (d *Decoder) Next() (*Card, []Problem, error) {
	if d.err != nil {
		return nil, nil, d.err
	}
	if !d.started {
		if err := d.start(); err != nil {
			d.err = err
			return nil, nil, err
		}
	}
	var probs []Problem
	var begin bufLine
	for {
		l, ok := d.nextLine()
		if !ok {
			d.err = d.endErr()
			return nil, probs, d.err
		}
		if isBlank(l.data) {
			continue
		}
		if isBeginLine(l.data) {
			begin = l
			break
		}
		reason := "text outside a vCard skipped"
		if isEndLine(l.data) {
			reason = "END:VCARD without BEGIN:VCARD skipped"
		}
		probs = append(probs, Problem{Card: -1, Line: l.line, Reason: reason})
	}
	b := &cardBuilder{index: d.index, begin: begin.line, keep: d.keep, entries: d.entryBuf[:0]}
	d.index++
	probs, cut := d.readCard(b, probs)
	if cut && d.lx.err != nil {
		d.err = d.lx.err
		return nil, probs, d.err
	}
	card, cprobs := b.build(d.fileFallback, &d.hint, &d.segs)
	d.entryBuf = b.entries[:0]
	return card, append(probs, cprobs...), nil
}

// endErr is the terminal error at the end of the lines.
func (d *Decoder) endErr() error {
	if d.lx != nil && d.lx.err != nil {
		return d.lx.err
	}
	return io.EOF
}

// readCard reads the lines of a card after its BEGIN into b. cut reports
// that the input ended before the card did.
func (d *Decoder) readCard(b *cardBuilder, probs []Problem) (_ []Problem, cut bool) {
	for {
		l, ok := d.nextLine()
		if !ok {
			return append(probs, Problem{Card: b.index, Line: b.begin, Reason: "card has no END:VCARD; closed at the end of the input"}), true
		}
		if l.tooLong {
			probs = append(probs, Problem{Card: b.index, Line: l.line, Reason: "line too long; skipped"})
			continue
		}
		if isBlank(l.data) {
			continue
		}
		if isEndLine(l.data) {
			return probs, false
		}
		if isBeginLine(l.data) {
			if l.line <= d.flatUntil {
				d.pushBack([]bufLine{own(l)})
				return append(probs, Problem{Card: b.index, Line: b.begin, Reason: "card has no END:VCARD; closed before the next BEGIN:VCARD"}), false
			}
			var closed bool
			probs, closed = d.readNested(b, own(l), probs)
			if closed {
				return probs, false
			}
			continue
		}
		b.addLine(l)
	}
}
