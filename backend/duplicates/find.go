package duplicates

import (
	"cmp"
	"slices"
	"strings"

	"fieldbook/backend/crm"
)

// Reasons a pair of contacts is suggested as duplicates.
const (
	ReasonEmail = "email"
	ReasonPhone = "phone"
	ReasonName  = "name"
)

// Record is the matching data of one contact.
type Record struct {
	ID         string
	GivenName  string
	FamilyName string
	Nickname   string
	Company    string
	Emails     []string
	Phones     []string
}

// RecordOf takes the matching data of a contact's fields.
func RecordOf(id string, f crm.ContactFields) Record {
	r := Record{ID: id, GivenName: f.GivenName, FamilyName: f.FamilyName, Nickname: f.Nickname, Company: f.Company}
	for _, e := range f.Emails {
		r.Emails = append(r.Emails, e.Value)
	}
	for _, p := range f.Phones {
		r.Phones = append(r.Phones, p.Value)
	}
	return r
}

// Pair is two contacts that are probably the same person. A < B.
type Pair struct {
	A, B string
	// Reasons are what matched, in the order email, phone, name.
	Reasons []string
	// Score is how sure the match is, in (0, 1].
	Score float64
}

// Options tune Find.
type Options struct {
	// Region is the default region for phone numbers written without a
	// country code ("DE").
	Region string
	// Dismissed reports whether the user said a and b (a < b) are not
	// duplicates; nil means none were.
	Dismissed func(a, b string) bool
}

// Scores of each kind of evidence; several reasons combine as independent
// evidence (1 - Π(1 - s)).
const (
	scoreEmail      = 0.9
	scorePhone      = 0.8
	scoreName       = 0.75 // same folded name at the same company
	scoreFuzzy      = 0.6  // a name one typing slip away, at the same company
	scoreNameNoFirm = 0.45 // same folded name, neither has a company
	maxGroup        = 50   // a key shared by more contacts is not evidence (a team mailbox, a switchboard)
	fuzzyBlockLimit = 400  // compare similar names only in blocks up to this size
)

// Find returns the pairs of records that are probably duplicates, most
// certain first (ties by IDs), leaving out dismissed pairs.
func Find(records []Record, opt Options) []Pair {
	type agg struct {
		reasons uint8
		score   float64
	}
	const (
		bitEmail = 1 << iota
		bitPhone
		bitName
	)
	found := map[[2]string]*agg{}
	add := func(i, j int, bit uint8, s float64) {
		a, b := records[i].ID, records[j].ID
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		k := [2]string{a, b}
		g := found[k]
		if g == nil {
			g = &agg{}
			found[k] = g
		}
		if g.reasons&bit != 0 {
			if s > g.score && bit == bitName {
				g.score = s
			}
			return
		}
		g.reasons |= bit
		g.score = 1 - (1-g.score)*(1-s)
	}
	groups := func(keys map[string][]int, bit uint8, s float64) {
		for _, idx := range keys {
			if len(idx) < 2 || len(idx) > maxGroup {
				continue
			}
			for x := range idx {
				for y := x + 1; y < len(idx); y++ {
					add(idx[x], idx[y], bit, s)
				}
			}
		}
	}

	emails := make(map[string][]int, len(records))
	phones := make(map[string][]int, len(records))
	names := make(map[string][]int, len(records))
	blocks := map[string][]int{}
	fuzzy := make([]string, len(records))
	toks := tokenCache{}
	companies := map[string]string{}
	for i, r := range records {
		for _, k := range uniqueKeys(r.Emails, emailKey) {
			emails[k] = append(emails[k], i)
		}
		for _, k := range uniqueKeys(r.Phones, func(s string) string { return phoneKey(s, opt.Region) }) {
			phones[k] = append(phones[k], i)
		}
		ck, ok := companies[r.Company]
		if !ok {
			ck = companyKey(r.Company)
			companies[r.Company] = ck
		}
		given, fam := toks.tokens(r.GivenName), toks.tokens(r.FamilyName)
		if nk := nameKeyOf(given, fam); nk != "" {
			names[ck+"\x00"+nk] = append(names[ck+"\x00"+nk], i)
		}
		if ck != "" && len(given)+len(fam) > 0 {
			fuzzy[i] = fuzzyNameOf(given, fam)
			initial := ""
			if len(fam) > 0 {
				initial = firstRune(fam[len(fam)-1])
			}
			bk := ck + "\x00" + initial
			blocks[bk] = append(blocks[bk], i)
		}
	}
	groups(emails, bitEmail, scoreEmail)
	groups(phones, bitPhone, scorePhone)
	for k, idx := range names {
		s := scoreName
		if strings.HasPrefix(k, "\x00") {
			s = scoreNameNoFirm
		}
		groups(map[string][]int{k: idx}, bitName, s)
	}
	for _, idx := range blocks {
		if len(idx) < 2 || len(idx) > fuzzyBlockLimit {
			continue
		}
		for x := range idx {
			for y := x + 1; y < len(idx); y++ {
				a, b := fuzzy[idx[x]], fuzzy[idx[y]]
				if a == b {
					continue // an exact name match was counted above
				}
				if similarNames(a, b) {
					add(idx[x], idx[y], bitName, scoreFuzzy)
				}
			}
		}
	}

	out := make([]Pair, 0, len(found))
	for k, g := range found {
		if opt.Dismissed != nil && opt.Dismissed(k[0], k[1]) {
			continue
		}
		p := Pair{A: k[0], B: k[1], Score: g.score}
		for _, r := range []struct {
			bit  uint8
			name string
		}{{bitEmail, ReasonEmail}, {bitPhone, ReasonPhone}, {bitName, ReasonName}} {
			if g.reasons&r.bit != 0 {
				p.Reasons = append(p.Reasons, r.name)
			}
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y Pair) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out
}

// uniqueKeys maps values to their keys, dropping empty and repeated keys.
func uniqueKeys(values []string, key func(string) string) []string {
	var out []string
	for _, v := range values {
		if k := key(v); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
