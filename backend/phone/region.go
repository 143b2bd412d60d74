package phone

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// nonGeoRegion is libphonenumber's region code for numbers that belong to no
// country (UN M.49 "World"), such as +800 international freephone.
const nonGeoRegion = "001"

// knownRegion returns region upper-cased when libphonenumber has metadata for
// it, "" otherwise (including for "", "ZZ" and "001").
func knownRegion(region string) string {
	region = strings.ToUpper(strings.TrimSpace(region))
	if len(region) != 2 || phonenumbers.GetCountryCodeForRegion(region) == 0 {
		return ""
	}
	return region
}

// regionOf returns the ISO 3166 region of a judged number. libphonenumber
// answers "" for an invalid number whose calling code is shared (+1, +7…);
// then the default region is used when it has the same calling code, so that
// "555 123 4567" read in the US stays a US number even though 555 is not an
// assigned area code. Non-geographic numbers (+800…) have no region.
func regionOf(j judged, defaultRegion string) string {
	switch {
	case j.region == nonGeoRegion:
		return ""
	case j.region == "" && defaultRegion != "" &&
		phonenumbers.GetCountryCodeForRegion(defaultRegion) == int(j.pn.GetCountryCode()):
		return defaultRegion
	default:
		return j.region
	}
}

// placeName names, for messages, where a number belongs: the English name of
// its region ("Germany"), or its calling code when the region is unknown or
// shared ("country code +1").
func placeName(region string, callingCode int) string {
	if region != "" {
		if r, err := language.ParseRegion(region); err == nil {
			if name := display.English.Regions().Name(r); name != "" {
				return name
			}
		}
		return region
	}
	return "country code +" + strconv.Itoa(callingCode)
}
