package phone

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Format renders a number for display: international format ("+49 30 123456")
// unless the number's region equals displayRegion, then national format
// ("030 123456"). An extension is appended in the style of the number's
// region (" ext. 12" in the US and Germany, " x12" in Britain). Unparsed
// numbers are returned raw, and so is a Number whose E164 field does not
// hold an E.164 number (for instance one built by hand from a damaged
// record).
//
// Numbers that are not valid are always shown in international format:
// libphonenumber has no national pattern for them and would drop the
// national prefix ("030 12" would become "3012").
func Format(n Number, displayRegion string) string {
	pn, ok := fromE164(n)
	if !ok {
		return n.Raw
	}
	if n.Region != "" && strings.EqualFold(n.Region, strings.TrimSpace(displayRegion)) &&
		phonenumbers.IsValidNumber(pn) {
		return phonenumbers.Format(pn, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(pn, phonenumbers.INTERNATIONAL)
}

// fromE164 rebuilds libphonenumber's form of a Number from its E164 and
// Extension fields. E.164 keeps everything needed (including Italian leading
// zeros), so no other field is consulted. ok is false when E164 is not an
// E.164 string or names no known country calling code.
func fromE164(n Number) (*phonenumbers.PhoneNumber, bool) {
	if !isE164(n.E164) {
		return nil, false
	}
	pn, err := phonenumbers.Parse(n.E164, "")
	if err != nil {
		return nil, false
	}
	if n.Extension != "" {
		ext := n.Extension
		pn.Extension = &ext
	}
	return pn, true
}

// isE164 reports whether s has the shape of an E.164 number: "+" followed by
// 2 to 20 ASCII digits (up to three for the calling code, up to seventeen
// national ones).
func isE164(s string) bool {
	if len(s) < 3 || len(s) > 21 || s[0] != '+' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
