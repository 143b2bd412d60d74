package tzmap

import (
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// tzif encodes the zone as TZif version 2 data: an empty version 1 block
// (one type, no transitions), the 64-bit block and the POSIX footer.
func (z zoneData) tzif() []byte {
	// Types: index 0 is the initial type and is never used by a
	// transition, so Go uses it for times before the first one.
	type ttinfo struct {
		off  int32
		dst  bool
		name string
	}
	types := []ttinfo{{int32(z.initial.to), z.initial.dst, z.initial.name}}
	index := map[ttinfo]int{}
	var txTypes []byte
	for _, t := range z.tx {
		k := ttinfo{int32(t.to), t.dst, t.name}
		i, ok := index[k]
		if !ok {
			i = len(types)
			types = append(types, k)
			index[k] = i
		}
		txTypes = append(txTypes, byte(i))
	}
	var chars []byte
	abbrIdx := map[string]int{}
	for _, t := range types {
		if _, ok := abbrIdx[t.name]; !ok {
			abbrIdx[t.name] = len(chars)
			chars = append(chars, t.name...)
			chars = append(chars, 0)
		}
	}
	b := make([]byte, 0, 128+len(z.tx)*9+len(types)*6+len(chars)+len(z.footer))
	header := func(timecnt, typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} {
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		}
	}
	// Version 1 block: the initial type only.
	first := types[0]
	header(0, 1, len(first.name)+1)
	b = binary.BigEndian.AppendUint32(b, uint32(first.off))
	b = append(b, boolByte(first.dst), 0)
	b = append(b, first.name...)
	b = append(b, 0)
	// Version 2 block.
	header(len(z.tx), len(types), len(chars))
	for _, t := range z.tx {
		b = binary.BigEndian.AppendUint64(b, uint64(t.at))
	}
	b = append(b, txTypes...)
	for _, t := range types {
		b = binary.BigEndian.AppendUint32(b, uint32(t.off))
		b = append(b, boolByte(t.dst), byte(abbrIdx[t.name]))
	}
	b = append(b, chars...)
	b = append(b, '\n')
	b = append(b, z.footer...)
	return append(b, '\n')
}

// boolByte converts a flag to a TZif byte.
func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// posixFooter returns a POSIX TZ rule ("<CET>-1<CEST>,M3.5.0/2,M10.5.0/3")
// when the observances end in exactly one open-ended yearly STANDARD rule
// and one open-ended yearly DAYLIGHT rule of the "nth or last weekday of a
// month" form whose offsets chain; otherwise "".
//
// It also returns the indexes of those two observances (-1 without a rule).
func posixFooter(obs []observance) (footer string, stdIdx, dstIdx int) {
	stdIdx, dstIdx = -1, -1
	for i := range obs {
		o := &obs[i]
		if o.rule == nil || o.rule.count != 0 || o.rule.hasUntil {
			continue
		}
		if o.dst {
			if dstIdx >= 0 {
				return "", -1, -1
			}
			dstIdx = i
		} else {
			if stdIdx >= 0 {
				return "", -1, -1
			}
			stdIdx = i
		}
	}
	if stdIdx < 0 || dstIdx < 0 {
		return "", -1, -1
	}
	std, dst := &obs[stdIdx], &obs[dstIdx]
	if std.from != dst.to || dst.from != std.to || std.to == dst.to {
		return "", -1, -1
	}
	dm, dw, dwd, ok1 := dst.rule.posixWeek()
	sm, sw, swd, ok2 := std.rule.posixWeek()
	if !ok1 || !ok2 {
		return "", -1, -1
	}
	return fmt.Sprintf("%s%s%s%s,M%d.%d.%d/%s,M%d.%d.%d/%s",
		posixName(abbrev(std.name, std.to)), posixOffset(std.to),
		posixName(abbrev(dst.name, dst.to)), posixOffset(dst.to),
		dm, dw, int(dwd), posixTime(timeOfDay(dst.start)),
		sm, sw, int(swd), posixTime(timeOfDay(std.start))), stdIdx, dstIdx
}

// timeOfDay returns the seconds since midnight of a wall clock.
func timeOfDay(t time.Time) int { return t.Hour()*3600 + t.Minute()*60 + t.Second() }

// posixName quotes a zone abbreviation for a POSIX rule: <...> holding
// letters, digits, '+' and '-' (at least three characters).
func posixName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '-' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	for len(s) < 3 {
		s += "x"
	}
	return "<" + s + ">"
}

// posixOffset writes an offset east of UTC in POSIX form (west positive).
func posixOffset(east int) string {
	return posixTime(-east)
}

// posixTime writes seconds as [-]h[:mm[:ss]].
func posixTime(sec int) string {
	sign := ""
	if sec < 0 {
		sign, sec = "-", -sec
	}
	h, m, s := sec/3600, sec%3600/60, sec%60
	switch {
	case s != 0:
		return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
	case m != 0:
		return fmt.Sprintf("%s%d:%02d", sign, h, m)
	}
	return fmt.Sprintf("%s%d", sign, h)
}
