package phone

import (
	"strings"

	"golang.org/x/text/language"
)

// RegionFromLocale maps a POSIX locale or BCP 47 tag ("de_DE.UTF-8", "bn-BD",
// "en_US") to a default region ("DE", "BD", "US"), "" if none.
//
// Only a region that is written in the locale counts: "de" alone gives "",
// not a guess. A Unicode region override ("en-US-u-rg-gbzzzz") wins over the
// written region. The codeset (".UTF-8"), modifier ("@euro") and, for values
// of $LANGUAGE, everything after the first ":" are ignored. "C", "POSIX",
// unparseable tags, continents ("es-419") and regions without phone metadata
// give "".
func RegionFromLocale(locale string) string {
	s := strings.TrimSpace(locale)
	if i := strings.IndexAny(s, ".@:"); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || s == "C" || s == "POSIX" {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil {
		return "" // not a locale: the documented "" for "none"
	}
	if rg := tag.TypeForKey("rg"); len(rg) == 6 && strings.HasSuffix(rg, "zzzz") {
		if region := knownRegion(rg[:2]); region != "" {
			return region
		}
	}
	region, confidence := tag.Region()
	if confidence != language.Exact {
		return ""
	}
	return knownRegion(region.String())
}
