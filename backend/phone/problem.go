package phone

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Problem explains, in a short English sentence, why a number is not valid
// ("too short for Germany", "not a phone number: contains letters") or ""
// when it is fine. An empty number gets "no number given"; callers for whom
// the field is optional should not ask.
//
// The verdict is recomputed from E164 (or, for an unparsed number, from Raw),
// so a Number loaded from storage is judged by the current metadata even if
// its Valid field was stored by an older version.
func Problem(n Number) string {
	if n.E164 == "" {
		return unparsedProblem(n.Raw)
	}
	pn, ok := fromE164(n)
	if !ok {
		return "not a phone number: the stored E.164 form " + strconv.Quote(n.E164) + " is damaged"
	}
	return parsedProblem(pn, n.Region)
}

// parsedProblem explains why a number that libphonenumber could read is not
// valid, or returns "" when it is.
func parsedProblem(pn *phonenumbers.PhoneNumber, region string) string {
	if phonenumbers.IsValidNumber(pn) {
		return ""
	}
	cc := int(pn.GetCountryCode())
	place := withArticle(placeName(region, cc))
	if phonenumbers.IsValidShortNumber(pn) {
		return "a short service number that works only when dialled within " + place
	}
	switch phonenumbers.IsPossibleNumberWithReason(pn) {
	case phonenumbers.INVALID_COUNTRY_CODE:
		return "unknown country code +" + strconv.Itoa(cc)
	case phonenumbers.TOO_SHORT:
		return "too short for " + place
	case phonenumbers.TOO_LONG:
		return "too long for " + place
	case phonenumbers.INVALID_LENGTH:
		return "wrong number of digits for " + place
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return "too short for " + place + ": the area code seems to be missing"
	default:
		return "not a valid number for " + place
	}
}

// unparsedProblem explains why raw could not be read as a phone number at
// all. It repeats the cheap checks that decide the outcome of Parse.
func unparsedProblem(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return "no number given"
	}
	if len(raw) > maxRawLen {
		return "too long to be a phone number"
	}
	text := clean(raw)
	digits := digitsOf(text)
	if digits == "" {
		if hasLetter(text) {
			return "not a phone number: contains letters"
		}
		return "not a phone number: contains no digits"
	}
	national := digits
	if isInternational(text) {
		cc, known := callingCodePrefix(text)
		if !known {
			return "unknown country code +" + cc
		}
		national = strings.TrimPrefix(strings.TrimPrefix(digits, "00"), cc)
	}
	switch {
	case len(national) < 2:
		return "too short to be a phone number"
	case hasLetter(text):
		return "not a phone number: contains letters"
	case severalNumbers(text):
		return "more than one number: keep one number per field"
	case len(national) > 17:
		return "too long to be a phone number"
	case !isInternational(text):
		return "no country code: write the number with + and the country code"
	default:
		return "not a phone number"
	}
}

// severalNumbers reports whether text looks like a list of numbers, such as
// "030 1234567, 0171 1234567": at least two parts separated by ",", "/" or
// "|" with six or more digits each. "030/1234567" is one number.
func severalNumbers(text string) bool {
	long := 0
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '/' || r == '|' }) {
		if len(digitsOf(part)) >= 6 {
			long++
		}
	}
	return long >= 2
}

// isInternational reports whether the first digit of text is preceded by a
// "+" or the number starts with the "00" international prefix.
func isInternational(text string) bool {
	i := strings.IndexFunc(text, isASCIIDigit)
	return i >= 0 && (strings.ContainsRune(text[:i], '+') || strings.HasPrefix(text[i:], "00"))
}

// callingCodePrefix looks for a known country calling code (one to three
// digits) right after the "+", "00" or "+00" of an international number.
// When none matches it returns up to three digits for the message and false.
func callingCodePrefix(text string) (string, bool) {
	digits := strings.TrimPrefix(digitsOf(text), "00") // "0049" and the "+0049" typo
	for l := 1; l <= 3 && l <= len(digits); l++ {
		cc, err := strconv.Atoi(digits[:l])
		if err == nil && phonenumbers.GetRegionCodeForCountryCode(cc) != phonenumbers.UNKNOWN_REGION {
			return digits[:l], true
		}
	}
	return digits[:min(3, len(digits))], false
}

// withArticle puts "the" before the country names that take it in running
// English text ("too short for the United States").
func withArticle(name string) string {
	if strings.HasPrefix(name, "United ") || strings.HasSuffix(name, " Islands") ||
		strings.Contains(name, "Republic") {
		return "the " + name
	}
	switch name {
	case "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Vatican City":
		return "the " + name
	}
	return name
}
