package csvimport

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// errLineTooLong is returned by appendLine when a line does not fit.
var errLineTooLong = errors.New("line too long")

// lineSource yields physical lines, first from a replay buffer (bytes given
// back by the parser after a failed multi-line row) and then from the
// buffered input.
type lineSource struct {
	br     *bufio.Reader
	eol    byte   // '\n', or '\r' for files with old Mac line endings
	replay []byte // bytes to read before br
}

// appendLine appends the next physical line, including its terminator, to
// dst. At most limit bytes are appended: if the line is longer, the first
// limit bytes are appended, the rest stays unread, and errLineTooLong is
// returned. At the end of the input it returns io.EOF with nothing appended;
// a last line without a terminator is returned without error.
func (s *lineSource) appendLine(dst []byte, limit int) ([]byte, error) {
	start := len(dst)
	if len(s.replay) > 0 {
		chunk := s.replay
		if i := bytes.IndexByte(chunk, s.eol); i >= 0 {
			chunk = chunk[:i+1]
		}
		if len(chunk) > limit {
			dst = append(dst, chunk[:limit]...)
			s.replay = s.replay[limit:]
			return dst, errLineTooLong
		}
		dst = append(dst, chunk...)
		s.replay = s.replay[len(chunk):]
		if chunk[len(chunk)-1] == s.eol {
			return dst, nil
		}
	}
	for {
		room := limit - (len(dst) - start)
		chunk, err := s.br.ReadSlice(s.eol)
		if len(chunk) > room {
			dst = append(dst, chunk[:room]...)
			s.unread(chunk[room:])
			return dst, errLineTooLong
		}
		dst = append(dst, chunk...)
		switch {
		case err == nil:
			return dst, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(dst) > start {
				return dst, nil
			}
			return dst, io.EOF
		default:
			return dst, err
		}
	}
}

// unread puts bytes that were read from br (and are still valid in its
// buffer only until the next read) in front of the replay buffer.
func (s *lineSource) unread(b []byte) {
	s.replay = append(append(make([]byte, 0, len(b)+len(s.replay)), b...), s.replay...)
}

// pushBack puts the bytes of a failed row after its first line back in
// front of the input, so they are parsed again as rows of their own.
func (s *lineSource) pushBack(b []byte) {
	if len(b) > 0 {
		s.unread(b)
	}
}

// discardLine skips the rest of the current physical line.
func (s *lineSource) discardLine() error {
	for len(s.replay) > 0 {
		if i := bytes.IndexByte(s.replay, s.eol); i >= 0 {
			s.replay = s.replay[i+1:]
			return nil
		}
		s.replay = nil
	}
	for {
		_, err := s.br.ReadSlice(s.eol)
		switch {
		case err == nil, errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return err
		}
	}
}
