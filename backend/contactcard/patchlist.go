package contactcard

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/vcard"
)

// item is one row of a list field as it stands in the card: its property
// and a key identifying its value and label.
type item struct {
	p   *vcard.Property
	key string
}

// wanted is one row the patched card must hold: its key and how to build
// its properties (the property and its X-ABLabel, or nil) when no existing
// property can be reused.
type wanted struct {
	key   string
	build func() (*vcard.Property, *vcard.Property)
}

// rows patches the EMAIL, TEL or URL rows to rows.
func (pt *patcher) rows(name string, rows []crm.LabeledValue) {
	var have []item
	for _, r := range rowsOf(pt.c, name) {
		have = append(have, item{r.p, r.key()})
	}
	want := make([]wanted, len(rows))
	for i, r := range rows {
		want[i] = wanted{row{v: r}.key(), func() (*vcard.Property, *vcard.Property) {
			return labelled(name, r.Value, r.Label, pt.groups)
		}}
	}
	pt.list(have, want)
}

// addresses patches the ADR properties to addrs. LABEL properties (2.1,
// 3.0) with the label of a removed address, and no kept address of that
// label, are removed too.
func (pt *patcher) addresses(addrs []crm.Address) {
	var have []item
	labelOfProp := map[*vcard.Property]string{}
	for _, r := range addressesOf(pt.c) {
		have = append(have, item{r.p, r.key()})
		labelOfProp[r.p] = r.addr.Label
	}
	want := make([]wanted, len(addrs))
	for i, a := range addrs {
		want[i] = wanted{addrKey(a), func() (*vcard.Property, *vcard.Property) { return adrProp(a, pt.groups) }}
	}
	dropped := pt.list(have, want)
	stale := map[string]bool{}
	for _, p := range dropped {
		stale[labelOfProp[p]] = true
	}
	for _, r := range addressesOf(pt.c) {
		delete(stale, r.addr.Label)
	}
	if len(stale) == 0 {
		return
	}
	for _, p := range pt.c.All("LABEL") {
		if stale[labelOf(pt.c, p)] {
			pt.remove(p)
		}
	}
}

// list rearranges the card so that its rows of one field are want, in
// order. Rows kept in place are a longest common subsequence of have and
// want; a wanted row equal to another existing row reuses (moves) that
// property; the rest are new properties, placed next to the previous wanted
// row (or before the next kept one, or where the old rows started). A
// preference mark is removed from every row but the first. It returns the
// properties removed.
func (pt *patcher) list(have []item, want []wanted) []*vcard.Property {
	keep := lcs(have, want) // keep[j] = index in have, or -1
	used := make([]bool, len(have))
	for _, i := range keep {
		if i >= 0 {
			used[i] = true
		}
	}
	// The properties of each wanted row, in order.
	placed := make([][]*vcard.Property, len(want))
	for j, w := range want {
		if keep[j] >= 0 {
			placed[j] = []*vcard.Property{have[keep[j]].p}
			continue
		}
		if i := unusedMatch(have, used, w.key); i >= 0 {
			used[i] = true
			placed[j] = []*vcard.Property{have[i].p}
			continue
		}
		p, l := w.build()
		placed[j] = []*vcard.Property{p}
		if l != nil {
			placed[j] = append(placed[j], l)
		}
	}
	for j := 1; j < len(placed); j++ {
		clearPref(placed[j][0])
	}
	var dropped []*vcard.Property
	inHave := make(map[*vcard.Property]bool, len(have))
	for i, it := range have {
		inHave[it.p] = true
		if !used[i] {
			dropped = append(dropped, it.p)
		}
	}
	keptAt := make(map[*vcard.Property]int, len(want))
	lastKept := -1
	for j, i := range keep {
		if i >= 0 {
			keptAt[have[i].p] = j
			lastKept = j
		}
	}
	out := make([]*vcard.Property, 0, len(pt.c.Properties)+len(want))
	next := 0 // first wanted row not yet placed
	flush := func(upto int) {
		for ; next < upto; next++ {
			out = append(out, placed[next]...)
		}
	}
	for _, q := range pt.c.Properties {
		if !inHave[q] {
			out = append(out, q)
			continue
		}
		if j, ok := keptAt[q]; ok {
			flush(j)
			out = append(out, q)
			next = j + 1
			if j == lastKept {
				flush(len(want))
			}
			continue
		}
		if lastKept < 0 {
			flush(len(want)) // no row kept in place: start where the old rows did
		}
	}
	flush(len(want))
	pt.c.Properties = out
	for _, p := range dropped {
		if p.Group != "" {
			pt.removed = append(pt.removed, p.Group)
		}
	}
	return dropped
}

// unusedMatch returns the index of an unused item with the key, or -1.
func unusedMatch(have []item, used []bool, key string) int {
	for i, it := range have {
		if !used[i] && it.key == key {
			return i
		}
	}
	return -1
}

// lcs returns, for each wanted row, the index of the existing row it is
// matched with in a longest common subsequence of the keys, or -1.
func lcs(have []item, want []wanted) []int {
	n, m := len(have), len(want)
	keep := make([]int, m)
	for j := range keep {
		keep[j] = -1
	}
	if n == 0 || m == 0 {
		return keep
	}
	// t[i][j] is the LCS length of have[i:] and want[j:].
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case have[i].key == want[j].key:
				t[i][j] = t[i+1][j+1] + 1
			case t[i+1][j] >= t[i][j+1]:
				t[i][j] = t[i+1][j]
			default:
				t[i][j] = t[i][j+1]
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case have[i].key == want[j].key:
			keep[j] = i
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return keep
}

// clearPref removes a preference mark (PREF=n, TYPE=pref) from p.
func clearPref(p *vcard.Property) {
	if p.Pref() == 0 {
		return
	}
	p.SetParam("PREF")
	out := p.Params[:0]
	for _, pa := range p.Params {
		if pa.Name == "TYPE" {
			vals := pa.Values[:0:0]
			for _, v := range pa.Values {
				if !equalFold(v, "pref") {
					vals = append(vals, v)
				}
			}
			if len(vals) == 0 {
				continue
			}
			pa.Values = vals
		}
		out = append(out, pa)
	}
	p.Params = out
}
