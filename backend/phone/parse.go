package phone

import "github.com/nyaruka/phonenumbers"

// Parse reads raw with defaultRegion ("DE", "BD", "US"…; "" = only
// international "+…" or "00…" forms parse). The region is matched without
// regard to case; a region libphonenumber does not know counts as "".
//
// It never fails for bad input: an unparseable number gives E164 == "" and
// Valid == false, so callers keep the raw text. Input longer than 1024 bytes
// is not examined. Parse is safe for concurrent use.
func Parse(raw, defaultRegion string) Number {
	n := Number{Raw: raw}
	if len(raw) > maxRawLen {
		return n
	}
	region := knownRegion(defaultRegion)
	best, ok := parseBest(clean(raw), region)
	if !ok {
		return n
	}
	if !best.valid {
		best = settle(best)
	}
	n.E164 = phonenumbers.Format(best.pn, phonenumbers.E164)
	n.Region = regionOf(best, region)
	n.Extension = best.pn.GetExtension()
	n.Valid = best.valid
	n.Possible = best.valid || phonenumbers.IsPossibleNumber(best.pn) // valid implies possible
	return n
}

// judged is a number libphonenumber read, with the two answers every caller
// needs; asking for them once saves repeating the costliest regexp work.
type judged struct {
	pn     *phonenumbers.PhoneNumber
	region string // libphonenumber's region: "" if ambiguous, "001" if non-geographic
	valid  bool
}

// judge looks up the region of pn and whether it is valid there, which is
// what phonenumbers.IsValidNumber does internally.
func judge(pn *phonenumbers.PhoneNumber) judged {
	region := phonenumbers.GetRegionCodeForNumber(pn)
	return judged{pn: pn, region: region, valid: phonenumbers.IsValidNumberForRegion(pn, region)}
}

// parseBest tries the readings of text in order and returns the first valid
// number, else the first that parsed at all; ok is false when none did. A
// parse error only means that this reading is not a phone number; Parse
// reports "unparseable" through an empty E164, as its contract says.
func parseBest(text, region string) (best judged, ok bool) {
	for _, reading := range readings(text, region) {
		pn, err := phonenumbers.Parse(reading, region)
		if err != nil {
			continue
		}
		j := judge(pn)
		if j.valid {
			return j, true
		}
		if !ok {
			best, ok = j, true
		}
	}
	return best, ok
}

// settle makes the E.164 form of an invalid number a fixed point of Parse,
// so that the matching key read back from storage or typed in by the user
// gives the same key. libphonenumber strips a national prefix even after a
// "+" ("+49 (0)30…"), so an invalid number such as "+84 00000000000" loses
// one more zero each time its own E.164 form is parsed. Valid numbers are
// already stable; an invalid one is re-read until its form no longer
// changes, which takes at most one round per digit.
func settle(j judged) judged {
	for range phonenumbers.MAX_LENGTH_FOR_NSN {
		e164 := phonenumbers.Format(j.pn, phonenumbers.E164)
		again, err := phonenumbers.Parse(e164, "")
		if err != nil || phonenumbers.Format(again, phonenumbers.E164) == e164 {
			return j // err: no other reading exists; keep this one
		}
		again.Extension = j.pn.Extension
		if j = judge(again); j.valid {
			return j
		}
	}
	return j
}
