package tzmap

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./internal/gen -in $CLDR_CORE/supplemental/windowsZones.json -out windows_gen.go

// Sources of a resolved zone (Zone.Source).
const (
	SourceIANA        = "iana"         // the TZID is an IANA name
	SourceWindows     = "windows"      // a Windows zone ID, mapped with CLDR
	SourceDisplayName = "display-name" // an Outlook/CDO display name
	SourceVTimezone   = "vtimezone"    // the object's own VTIMEZONE
	SourceFloating    = "floating"     // nothing known: read as floating time
)

// WindowsToIANA returns the IANA zone CLDR maps a Windows zone ID to
// (territory 001), e.g. "W. Europe Standard Time" → "Europe/Berlin". The
// ID is matched without regard to case or surrounding blanks, and the
// "Daylight Time" spelling some writers use is accepted for "Standard
// Time". It reports false for anything else.
func WindowsToIANA(name string) (string, bool) {
	key := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if z := windowsZone(key); z != "" {
		return z, true
	}
	if strings.HasSuffix(key, " daylight time") {
		if z := windowsZone(strings.TrimSuffix(key, " daylight time") + " standard time"); z != "" {
			return z, true
		}
	}
	return "", false
}

// IANANames returns the IANA zone names CLDR knows a Windows mapping for
// (about 450, sorted): a list for a zone picker.
func IANANames() []string { return cldrZones() }

// CLDRVersion is the CLDR release the Windows mapping comes from.
func CLDRVersion() string { return cldrVersion }

// ToIANA maps a TZID to an IANA zone name without looking at any
// VTIMEZONE: an IANA name is returned as is (also when it follows a
// vendor prefix such as "/mozilla.org/20050126_1/Europe/Berlin"), a Windows
// zone ID through CLDR, and an Outlook/CDO display name ("(UTC+10:00)
// Canberra, Melbourne, Sydney", "Pacific Time (US & Canada), Tijuana")
// through a table of well-known display names or the city names in it,
// checked against the UTC offset in its prefix. source is one of the Source
// constants; ok is false when nothing matched.
func ToIANA(tzid string) (iana, source string, ok bool) {
	name := cleanTZID(tzid)
	if name == "" {
		return "", "", false
	}
	if z, ok := ianaName(name); ok {
		return z, SourceIANA, true
	}
	if z, ok := WindowsToIANA(name); ok {
		return z, SourceWindows, true
	}
	if z, ok := displayName(name); ok {
		return z, SourceDisplayName, true
	}
	return "", "", false
}

// cleanTZID trims blanks and surrounding quotes (double or single, as CDO
// writes 'Pacific Time (US & Canada), Tijuana').
func cleanTZID(s string) string {
	s = strings.TrimSpace(s)
	for len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// ianaName reports whether name is an IANA zone the system knows, trying
// the last two and three path components after a vendor prefix.
func ianaName(name string) (string, bool) {
	if loadable(name) {
		return name, true
	}
	if !strings.Contains(name, "/") {
		return "", false
	}
	parts := strings.Split(strings.Trim(name, "/"), "/")
	for n := 3; n >= 2; n-- {
		if len(parts) > n {
			if cand := strings.Join(parts[len(parts)-n:], "/"); loadable(cand) {
				return cand, true
			}
		}
	}
	return "", false
}

// loadable reports whether time.LoadLocation knows name. "Local" and
// names that are not plain zone paths are refused.
func loadable(name string) bool {
	if name == "" || strings.EqualFold(name, "local") || strings.ContainsAny(name, " \\,;:()") ||
		strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// displayName resolves an Outlook/CDO display name.
func displayName(name string) (string, bool) {
	rest, offset, hasOffset := stripOffsetPrefix(name)
	key := foldName(rest)
	if key == "" {
		return "", false
	}
	if id := displayAlias(key); id != "" {
		if z, ok := WindowsToIANA(id); ok {
			return z, true
		}
	}
	// City names: "Sarajevo/Warsaw/Zagreb", "Brasília", "Kuala Lumpur, Singapore".
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool {
		return r == ',' || r == '/' || r == ';' || r == '&' || r == '(' || r == ')'
	}) {
		city := foldName(part)
		z := cityZone(city)
		if z == "" {
			z = renamedCity(city)
		}
		if z == "" {
			continue
		}
		if hasOffset && !hasStandardOffset(z, offset) {
			continue
		}
		return z, true
	}
	return "", false
}

// stripOffsetPrefix removes a "(UTC+01:00) ", "(GMT+01.00) ", "(GMT) " or
// "GMT+0100 " style prefix and returns the offset it names.
func stripOffsetPrefix(s string) (rest string, offset time.Duration, ok bool) {
	t := strings.TrimSpace(s)
	paren := strings.HasPrefix(t, "(")
	if paren {
		t = t[1:]
	}
	up := strings.ToUpper(t)
	switch {
	case strings.HasPrefix(up, "UTC"), strings.HasPrefix(up, "GMT"):
		t = t[3:]
	default:
		return s, 0, false
	}
	if t != "" && strings.IndexByte("+- )", t[0]) < 0 {
		return s, 0, false // "UTCx" is a word, not a prefix
	}
	t = strings.TrimLeft(t, " ")
	end := 0
	for end < len(t) && strings.IndexByte("+-0123456789:.", t[end]) >= 0 {
		end++
	}
	spec := t[:end]
	t = t[end:]
	if paren {
		t = strings.TrimLeft(t, " ")
		if !strings.HasPrefix(t, ")") {
			return s, 0, false
		}
		t = t[1:]
	}
	rest = strings.TrimSpace(t)
	if spec == "" {
		return rest, 0, true
	}
	off, good := parseOffsetSpec(spec)
	if !good {
		return s, 0, false
	}
	return rest, off, true
}

// parseOffsetSpec reads "+01:00", "+01.00", "-0330", "+1".
func parseOffsetSpec(spec string) (time.Duration, bool) {
	if spec == "" || spec[0] != '+' && spec[0] != '-' {
		return 0, false
	}
	sign := time.Duration(1)
	if spec[0] == '-' {
		sign = -1
	}
	digits := strings.NewReplacer(":", "", ".", "").Replace(spec[1:])
	if digits == "" || len(digits) > 4 {
		return 0, false
	}
	var h, m int
	var err error
	switch len(digits) {
	case 1, 2:
		h, err = strconv.Atoi(digits)
	case 3:
		h, err = strconv.Atoi(digits[:1])
		if err == nil {
			m, err = strconv.Atoi(digits[1:])
		}
	default:
		h, err = strconv.Atoi(digits[:2])
		if err == nil {
			m, err = strconv.Atoi(digits[2:])
		}
	}
	if err != nil || h > 14 || m > 59 {
		return 0, false
	}
	return sign * (time.Duration(h)*time.Hour + time.Duration(m)*time.Minute), true
}

// hasStandardOffset reports whether zone z has the given UTC offset in
// January or July of 2005 or 2024 (display names name the standard offset;
// the years cover old Outlook names and current ones).
func hasStandardOffset(z string, offset time.Duration) bool {
	loc, err := time.LoadLocation(z)
	if err != nil {
		return false
	}
	for _, y := range []int{2005, 2024} {
		for _, m := range []time.Month{time.January, time.July} {
			_, off := time.Date(y, m, 1, 12, 0, 0, 0, time.UTC).In(loc).Zone()
			if time.Duration(off)*time.Second == offset {
				return true
			}
		}
	}
	return false
}

// foldName folds a name for matching: accents removed, lower case, every
// run of characters other than letters and digits (underscores, hyphens,
// dots, apostrophes, blanks) becomes one space.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// renamedCity maps current city names to the older names CLDR still uses
// as zone identifiers.
func renamedCity(key string) string {
	switch key {
	case "kolkata":
		return "Asia/Calcutta"
	case "kyiv":
		return "Europe/Kiev"
	case "kathmandu":
		return "Asia/Katmandu"
	case "yangon":
		return "Asia/Rangoon"
	case "ho chi minh", "ho chi minh city":
		return "Asia/Saigon"
	case "nuuk":
		return "America/Godthab"
	}
	return ""
}

// displayAlias maps a folded Outlook/CDO display name (prefix removed) to
// its Windows zone ID. The table holds the legacy names found in Outlook
// 2003–2010 and Exchange CDO exports and the current Windows display names
// whose cities are not IANA zone names.
func displayAlias(key string) string {
	switch key {
	case "canberra melbourne sydney":
		return "AUS Eastern Standard Time"
	case "kuala lumpur singapore":
		return "Singapore Standard Time"
	case "pacific time us canada tijuana", "pacific time us canada":
		return "Pacific Standard Time"
	case "eastern time us canada":
		return "Eastern Standard Time"
	case "central time us canada":
		return "Central Standard Time"
	case "mountain time us canada":
		return "Mountain Standard Time"
	case "sarajevo warsaw zagreb", "sarajevo skopje warsaw zagreb", "sarajevo skopje sofija vilnius warsaw zagreb":
		return "Central European Standard Time"
	case "amsterdam berlin bern rome stockholm vienna":
		return "W. Europe Standard Time"
	case "brussels copenhagen madrid paris":
		return "Romance Standard Time"
	case "belgrade bratislava budapest ljubljana prague":
		return "Central Europe Standard Time"
	case "dublin edinburgh lisbon london", "greenwich mean time dublin edinburgh lisbon london":
		return "GMT Standard Time"
	case "helsinki kyiv riga sofia tallinn vilnius", "helsinki riga tallinn", "helsinki kyiv riga sofia tallinn":
		return "FLE Standard Time"
	case "athens bucharest", "athens istanbul minsk", "athens beirut istanbul minsk", "bucharest":
		return "GTB Standard Time"
	case "brasilia":
		return "E. South America Standard Time"
	case "buenos aires", "buenos aires georgetown", "city of buenos aires":
		return "Argentina Standard Time"
	case "osaka sapporo tokyo":
		return "Tokyo Standard Time"
	case "beijing chongqing hong kong urumqi", "beijing chongqing hong kong sar urumqi":
		return "China Standard Time"
	case "chennai kolkata mumbai new delhi":
		return "India Standard Time"
	case "moscow st petersburg volgograd", "moscow st petersburg":
		return "Russian Standard Time"
	case "auckland wellington":
		return "New Zealand Standard Time"
	case "arizona":
		return "US Mountain Standard Time"
	case "hawaii":
		return "Hawaiian Standard Time"
	case "alaska":
		return "Alaskan Standard Time"
	case "atlantic time canada":
		return "Atlantic Standard Time"
	case "saskatchewan":
		return "Canada Central Standard Time"
	case "indiana east":
		return "US Eastern Standard Time"
	case "bogota lima quito", "bogota lima quito rio branco":
		return "SA Pacific Standard Time"
	case "harare pretoria":
		return "South Africa Standard Time"
	case "abu dhabi muscat":
		return "Arabian Standard Time"
	case "kuwait riyadh":
		return "Arab Standard Time"
	case "islamabad karachi", "islamabad karachi tashkent":
		return "Pakistan Standard Time"
	case "bangkok hanoi jakarta":
		return "SE Asia Standard Time"
	case "guam port moresby":
		return "West Pacific Standard Time"
	case "nuku alofa":
		return "Tonga Standard Time"
	case "coordinated universal time", "universal coordinated time", "utc", "gmt":
		return "UTC"
	case "monrovia reykjavik", "casablanca monrovia", "casablanca monrovia reykjavik":
		return "Greenwich Standard Time"
	case "west central africa":
		return "W. Central Africa Standard Time"
	case "mid atlantic":
		return "UTC-02"
	case "cape verde is", "cape verde islands":
		return "Cape Verde Standard Time"
	case "georgetown la paz manaus san juan", "georgetown la paz san juan":
		return "SA Western Standard Time"
	case "cayenne fortaleza":
		return "SA Eastern Standard Time"
	case "guadalajara mexico city monterrey":
		return "Central Standard Time (Mexico)"
	case "chihuahua la paz mazatlan":
		return "Mountain Standard Time (Mexico)"
	case "central america":
		return "Central America Standard Time"
	case "tijuana baja california", "baja california":
		return "Pacific Standard Time (Mexico)"
	case "international date line west":
		return "Dateline Standard Time"
	case "midway island samoa", "coordinated universal time 11":
		return "UTC-11"
	case "ekaterinburg":
		return "Ekaterinburg Standard Time"
	case "astana dhaka", "dhaka":
		return "Bangladesh Standard Time"
	case "sri jayawardenepura":
		return "Sri Lanka Standard Time"
	case "yerevan", "baku tbilisi yerevan":
		return "Caucasus Standard Time"
	case "magadan solomon is new caledonia", "solomon is new caledonia":
		return "Central Pacific Standard Time"
	case "fiji kamchatka marshall is", "fiji":
		return "Fiji Standard Time"
	case "seoul":
		return "Korea Standard Time"
	case "taipei":
		return "Taipei Standard Time"
	case "jerusalem":
		return "Israel Standard Time"
	case "cairo":
		return "Egypt Standard Time"
	case "nairobi":
		return "E. Africa Standard Time"
	case "tehran":
		return "Iran Standard Time"
	case "kabul":
		return "Afghanistan Standard Time"
	case "brisbane":
		return "E. Australia Standard Time"
	case "adelaide":
		return "Cen. Australia Standard Time"
	case "darwin":
		return "AUS Central Standard Time"
	case "hobart":
		return "Tasmania Standard Time"
	case "perth":
		return "W. Australia Standard Time"
	case "newfoundland":
		return "Newfoundland Standard Time"
	case "greenland":
		return "Greenland Standard Time"
	case "santiago":
		return "Pacific SA Standard Time"
	case "caracas":
		return "Venezuela Standard Time"
	case "azores":
		return "Azores Standard Time"
	case "montevideo":
		return "Montevideo Standard Time"
	}
	return ""
}
