package vcard

import (
	"errors"
	"fmt"
	"strings"

	"fieldbook/backend/contentline"
)

// errJunk marks a line that is not a property at all.
var errJunk = errors.New("not a content line")

// parsed is the result of parsing one content line.
type parsed struct {
	prop     *Property
	escaped  string   // the value text before unescaping, charset-decoded
	warnings []string // repairs made while parsing
}

// parser parses the content lines of one card. It carries the card's
// context, scratch space reused from line to line, and slabs from which the
// many small Property, Param and []string values are carved, so a card costs
// a handful of allocations instead of several per line.
type parser struct {
	ctx    valueCtx
	segs   [][]byte
	props  []Property
	params []Param
	strs   []string
	// hint is how many params and strings the previous card used; slabs
	// are sized from it.
	hint slabHint
	used slabHint
}

// slabHint counts slab usage.
type slabHint struct{ params, strs int }

// newParser returns a parser for a card with n lines, sizing its slabs from
// what the previous card needed.
func newParser(ctx valueCtx, n int, hint slabHint) *parser {
	return &parser{ctx: ctx, props: make([]Property, 0, n), hint: hint}
}

// property returns a new zeroed Property from the slab.
func (ps *parser) property() *Property {
	if len(ps.props) == cap(ps.props) {
		ps.props = make([]Property, 0, 8)
	}
	ps.props = append(ps.props, Property{})
	return &ps.props[len(ps.props)-1]
}

// paramSlice returns an empty slice with capacity n from the slab.
func (ps *parser) paramSlice(n int) []Param {
	ps.used.params += n
	if cap(ps.params)-len(ps.params) < n {
		ps.params = make([]Param, 0, max(n, ps.hint.params, 4))
		ps.hint.params /= 2
	}
	start := len(ps.params)
	ps.params = ps.params[:start+n]
	return ps.params[start : start : start+n]
}

// stringSlice returns an empty slice with capacity n from the slab.
func (ps *parser) stringSlice(n int) []string {
	ps.used.strs += n
	if cap(ps.strs)-len(ps.strs) < n {
		ps.strs = make([]string, 0, max(n, ps.hint.strs, 8))
		ps.hint.strs /= 2
	}
	start := len(ps.strs)
	ps.strs = ps.strs[:start+n]
	return ps.strs[start : start : start+n]
}

// parseProperty parses one logical content line with a throw-away parser.
func parseProperty(line []byte, ctx valueCtx) (parsed, error) {
	ps := parser{ctx: ctx}
	return ps.parse(line)
}

// parse parses one logical content line. A line that cannot be a property
// (no colon, invalid name, undecodable base64) returns an error; the caller
// skips it.
func (ps *parser) parse(line []byte) (parsed, error) {
	var res parsed
	ctx := ps.ctx
	s := contentline.TrimLeftWS(line)
	// Group and name.
	i, nameStart, groupEnd := 0, 0, -1
	for ; i < len(s); i++ {
		c := s[i]
		if c == ';' || c == ':' || c == ',' {
			break
		}
		if c == '.' {
			groupEnd, nameStart = i, i+1
		}
	}
	if i == len(s) {
		return res, fmt.Errorf("%w: no colon", errJunk)
	}
	name := contentline.TrimWS(s[nameStart:i])
	if !contentline.ValidName(name) {
		return res, fmt.Errorf("%w: invalid property name %q", errJunk, contentline.Truncate(s[:i], 40))
	}
	var group []byte
	if groupEnd >= 0 {
		group = contentline.TrimWS(s[:groupEnd])
		if !contentline.ValidDotted(group) {
			return res, fmt.Errorf("%w: invalid group %q", errJunk, contentline.Truncate(group, 40))
		}
	}
	if s[i] == ',' {
		res.warnings = append(res.warnings, "comma after the property name read as ';'")
	}
	// Parameters, then the value after the first colon outside quotes.
	segs, colon := contentline.SplitParams(ps.segs[:0], s, i, true, false)
	if colon < 0 {
		segs, colon = contentline.SplitParams(segs[:0], s, i, false, false)
		if colon < 0 {
			return res, fmt.Errorf("%w: no colon", errJunk)
		}
		res.warnings = append(res.warnings, "unbalanced quote in parameters ignored")
	}
	ps.segs = segs
	p := ps.property()
	p.raw = line
	p.Name, p.RawName = internName(name)
	if len(group) > 0 {
		p.Group = internBytes(group)
	}
	var encoding, charset string
	if len(segs) > 0 {
		p.Params = ps.paramSlice(len(segs))
		for _, seg := range segs {
			pa, ok := ps.parseParamSegment(seg)
			if !ok {
				if len(contentline.TrimWS(seg)) > 0 {
					res.warnings = append(res.warnings, fmt.Sprintf("parameter %q with an invalid name dropped", contentline.Truncate(seg, 40)))
				}
				continue
			}
			if len(pa.Values) > 0 {
				switch pa.Name {
				case "ENCODING":
					if encoding == "" {
						encoding = pa.Values[0]
					}
				case "CHARSET":
					if charset == "" {
						charset = pa.Values[0]
					}
				}
			}
			p.Params = append(p.Params, pa)
		}
	}
	value := s[colon+1:]
	kind := propKind(p.Name, p.Params, value)
	if kind == kindBinary {
		text, ok := base64Text(value)
		if !ok {
			return res, fmt.Errorf("invalid base64 data in %s", p.Name)
		}
		p.Value = text
		res.prop, res.escaped = p, p.Value
		return res, nil
	}
	data := value
	if strings.EqualFold(encoding, "QUOTED-PRINTABLE") {
		var malformed bool
		data, malformed = decodeQP(value)
		if malformed {
			res.warnings = append(res.warnings, "malformed quoted-printable kept literally")
		}
	}
	text, warn := ctx.decodeCharset(data, charset)
	if warn != "" {
		res.warnings = append(res.warnings, warn)
	}
	res.escaped = text
	switch kind {
	case kindText:
		if ctx.v21() {
			p.Value = text
		} else {
			p.Value = contentline.UnescapeText(text)
		}
	case kindStructured, kindList:
		if ctx.v21() {
			p.Value = convert21Escaped(text)
		} else {
			p.Value = text
		}
	case kindURI:
		if ctx.v21() {
			p.Value = text
		} else {
			p.Value = unescapeURI(text)
		}
	default:
		p.Value = unescapeNewlines(text)
	}
	res.prop = p
	return res, nil
}
