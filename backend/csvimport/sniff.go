package csvimport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
)

// Delimiter candidates, in order of preference when scores tie.
var delimiterCandidates = []byte{',', ';', '\t'}

// sniffRecords is how many records of the sample are compared.
const sniffRecords = 50

// lineEnding reports the line terminator used in sample: "\r\n", "\n" or
// "\r" (old Mac files); "\n" if the sample has no line break.
func lineEnding(sample []byte) string {
	i := bytes.IndexByte(sample, '\n')
	switch {
	case i > 0 && sample[i-1] == '\r':
		return "\r\n"
	case i >= 0:
		return "\n"
	case bytes.IndexByte(sample, '\r') >= 0:
		return "\r"
	}
	return "\n"
}

// delimiterScore describes how one candidate splits the sample.
type delimiterScore struct {
	delim      byte
	records    int // records parsed
	mode       int // most frequent field count above 1 (0 if none)
	consistent int // records with exactly mode fields
	firstCount int // fields in the first record
	split      int // records with more than one field
}

// better reports whether s is a better delimiter than o: more records
// agreeing on a field count above one, then the first record agreeing, then
// more fields.
func (s delimiterScore) better(o delimiterScore) bool {
	if s.consistent != o.consistent {
		return s.consistent > o.consistent
	}
	sf, of := s.firstCount == s.mode, o.firstCount == o.mode
	if sf != of {
		return sf
	}
	return s.mode > o.mode
}

// scoreDelimiter parses the sample with delim, quote-aware, and counts the
// fields of up to sniffRecords records. When the sample is not the whole
// input, the last (possibly cut) record is left out.
func scoreDelimiter(sample []byte, delim byte, eol byte, complete bool, opts Options) delimiterScore {
	p := &parser{
		src:      lineSource{br: bufio.NewReader(bytes.NewReader(sample)), eol: eol},
		delim:    delim,
		maxField: opts.MaxFieldBytes,
		maxRow:   opts.MaxRowBytes,
	}
	var counts []int
	for len(counts) <= sniffRecords {
		rec, err := p.next()
		var rowErr *RowError
		if errors.As(err, &rowErr) {
			counts = append(counts, -1)
			continue
		}
		if err != nil {
			break
		}
		counts = append(counts, len(rec.fields))
	}
	if !complete && len(counts) > 1 {
		counts = counts[:len(counts)-1]
	}
	if len(counts) > sniffRecords {
		counts = counts[:sniffRecords]
	}
	s := delimiterScore{delim: delim, records: len(counts)}
	if len(counts) == 0 {
		return s
	}
	s.firstCount = counts[0]
	freq := map[int]int{}
	for _, c := range counts {
		if c > 1 {
			freq[c]++
			s.split++
		}
	}
	for c, n := range freq {
		if n > s.consistent || (n == s.consistent && c > s.mode) {
			s.mode, s.consistent = c, n
		}
	}
	return s
}

// sniffDelimiter picks the delimiter whose field counts are most consistent
// over the first records of the sample. It returns whether the choice is
// confident and, when it is not, a warning describing how the candidates
// split the rows (for a file that mixes delimiters).
func sniffDelimiter(sample []byte, eol byte, complete bool, opts Options) (delim byte, confident bool, warning string) {
	scores := make([]delimiterScore, 0, len(delimiterCandidates))
	best := -1
	for _, d := range delimiterCandidates {
		s := scoreDelimiter(sample, d, eol, complete, opts)
		scores = append(scores, s)
		if best < 0 || s.better(scores[best]) {
			best = len(scores) - 1
		}
	}
	b := scores[best]
	if b.mode == 0 {
		return ',', false, "" // a single column: the delimiter does not matter
	}
	// Rows that are merely shorter or longer than others are common (Outlook
	// drops trailing empty fields), so confidence asks only that every row
	// splits at all, and that no other candidate splits every row evenly.
	confident = b.split == b.records
	for i, s := range scores {
		if i != best && s.mode > 0 && s.consistent == s.records {
			confident = false
		}
	}
	if !confident {
		warning = fmt.Sprintf("delimiter %s chosen but only %d of the first %d rows split into %d fields by it",
			delimName(b.delim), b.consistent, b.records, b.mode)
		for i, s := range scores {
			if i != best && s.mode > 0 {
				warning += fmt.Sprintf("; %d rows split into %d fields by %s", s.consistent, s.mode, delimName(s.delim))
			}
		}
	}
	return b.delim, confident, warning
}

// delimName names a delimiter for messages.
func delimName(d byte) string {
	switch d {
	case '\t':
		return "TAB"
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	}
	return fmt.Sprintf("%q", d)
}
