package duplicates

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldText lower-cases s, drops accents from Latin letters (é → e, ü → u),
// spells out ß, æ, ø, ł, and then folds the German spelt-out umlauts
// (ae → a, oe → o, ue → u), so "Müller", "Mueller" and "MULLER" fold alike.
// Marks on letters of other scripts are kept: in Bengali they are vowels.
func foldText(s string) string {
	if isASCII(s) {
		out := strings.ToLower(s)
		if strings.Contains(out, "e") {
			out = umlautDigraphs.Replace(out)
		}
		return out
	}
	var b strings.Builder
	b.Grow(len(s))
	prevLatin := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if prevLatin {
				continue
			}
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ø':
			b.WriteByte('o')
		case r == 'ł':
			b.WriteByte('l')
		case r == 'đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
			prevLatin = unicode.Is(unicode.Latin, r)
			continue
		}
	}
	out := b.String()
	if strings.Contains(out, "e") {
		out = umlautDigraphs.Replace(out)
	}
	return norm.NFC.String(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var umlautDigraphs = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// nameTokens splits folded text into words: letters and digits, anything
// else separates them ("O'Brien" → "o", "brien"; "Jean-Luc" → "jean", "luc").
func nameTokens(s string) []string {
	return strings.FieldsFunc(foldText(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r)
	})
}

// nicknames maps common English short forms to the full given name, so
// "Bob Smith" and "Robert Smith" at the same company are suggested (the user
// decides; a short form alone never merges anything).
var nicknames = map[string]string{
	"bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert",
	"bill": "william", "billy": "william", "will": "william", "willy": "william", "liam": "william",
	"jim": "james", "jimmy": "james", "jamie": "james",
	"mike": "michael", "mick": "michael", "mikey": "michael",
	"dave": "david", "davy": "david",
	"dick": "richard", "rick": "richard", "ricky": "richard", "rich": "richard",
	"tom": "thomas", "tommy": "thomas",
	"tony": "anthony", "ted": "edward", "ed": "edward", "eddie": "edward", "ned": "edward",
	"chris": "christopher", "kit": "christopher",
	"dan": "daniel", "danny": "daniel",
	"joe": "joseph", "joey": "joseph",
	"steve": "steven", "stephen": "steven",
	"ben": "benjamin", "sam": "samuel", "matt": "matthew", "pat": "patrick",
	"alex": "alexander", "andy": "andrew", "drew": "andrew",
	"nick": "nicholas", "greg": "gregory", "jeff": "jeffrey", "geoff": "jeffrey",
	"ken": "kenneth", "larry": "lawrence", "jerry": "gerald", "fred": "frederick",
	"charlie": "charles", "chuck": "charles", "hank": "henry", "harry": "henry",
	"jack": "john", "johnny": "john", "jon": "john",
	"liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "lizzy": "elizabeth", "eliza": "elizabeth",
	"kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "katherine", "catherine": "katherine",
	"jenny": "jennifer", "jen": "jennifer", "sue": "susan", "susie": "susan",
	"peggy": "margaret", "maggie": "margaret", "meg": "margaret",
	"patty": "patricia", "trish": "patricia", "debbie": "deborah", "deb": "deborah",
	"becky": "rebecca", "vicky": "victoria", "abby": "abigail", "mandy": "amanda",
	"sepp": "josef", "hans": "johannes", "jupp": "josef",
}

// canonicalToken is a folded name token with a nickname read as the full name.
func canonicalToken(t string) string {
	if full, ok := nicknames[t]; ok {
		return full
	}
	return t
}

// nameKey is the key of a person's name for exact matching: given and
// family name tokens, folded, nicknames expanded, sorted (so "Müller
// Jürgen" typed into the wrong fields still matches). The middle name is
// left out: one record often lacks it. "" when there is no name.
func nameKey(given, family string) string {
	return nameKeyOf(nameTokens(given), nameTokens(family))
}

// nameKeyOf is nameKey of tokens already split.
func nameKeyOf(given, family []string) string {
	if len(given)+len(family) == 0 {
		return ""
	}
	toks := make([]string, 0, len(given)+len(family))
	for _, t := range given {
		toks = append(toks, canonicalToken(t))
	}
	for _, t := range family {
		toks = append(toks, canonicalToken(t))
	}
	sort.Strings(toks)
	return strings.Join(toks, " ")
}

// fuzzyNameOf is the folded "given family" text compared for typing slips.
func fuzzyNameOf(given, family []string) string {
	toks := make([]string, 0, len(given)+len(family))
	for _, t := range given {
		toks = append(toks, canonicalToken(t))
	}
	return strings.Join(append(toks, family...), " ")
}

// tokenCache remembers the tokens of names seen before: address books
// repeat given names, family names and companies a lot.
type tokenCache map[string][]string

func (c tokenCache) tokens(s string) []string {
	if s == "" {
		return nil
	}
	if t, ok := c[s]; ok {
		return t
	}
	t := nameTokens(s)
	c[s] = t
	return t
}

// editDistance is the optimal-string-alignment distance of a and b in runes
// (insertions, deletions, substitutions and swaps of neighbours each count
// one), or limit+1 as soon as it is known to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// similarNames reports whether two folded names are one typing slip apart
// (two for names longer than 12 letters): "jon smith" ~ "john smith", but
// not "komol" ~ "kamal" (two vowels differ in a short name).
func similarNames(a, b string) bool {
	limit := 1
	if min(len([]rune(a)), len([]rune(b))) > 12 {
		limit = 2
	}
	return editDistance(a, b, limit) <= limit
}
