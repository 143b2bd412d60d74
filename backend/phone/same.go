package phone

// SameNumber reports whether two raw numbers are the same line once
// normalised (for duplicate detection), given a default region.
//
// Two parsed numbers are the same when their E.164 forms are equal and their
// extensions do not contradict each other: "+1 202 555 0100 x22" matches
// "+1 202 555 0100" (the same line, one written with the extension) but not
// "+1 202 555 0100 x23". When neither number parses, they are the same if
// they have the same digits (at least five), so that "030 1234567" and
// "030-1234567" still match without a default region. A parsed number never
// matches an unparsed one, and an empty number matches nothing.
func SameNumber(a, b, defaultRegion string) bool {
	na, nb := Parse(a, defaultRegion), Parse(b, defaultRegion)
	switch {
	case na.E164 != "" && nb.E164 != "":
		return na.E164 == nb.E164 &&
			(na.Extension == "" || nb.Extension == "" || na.Extension == nb.Extension)
	case na.E164 == "" && nb.E164 == "":
		if len(a) > maxRawLen || len(b) > maxRawLen {
			return false
		}
		da, db := digitsOf(clean(a)), digitsOf(clean(b))
		return len(da) >= 5 && da == db
	default:
		return false
	}
}
