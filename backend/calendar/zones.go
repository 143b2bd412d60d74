package calendar

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"sync"
	"time"
)

// SettingUserZone is the settings key of the user's time zone (an IANA name).
const SettingUserZone = "time_zone"

// System is what the calendar reads from the machine: environment
// variables, symbolic links and files. Tests give a fake one.
type System struct {
	Getenv   func(key string) string
	Readlink func(name string) (string, error)
	ReadFile func(name string) ([]byte, error)
}

// DetectZone returns the machine's zone: $TZ when it names a zone Go can
// load, else the zone /etc/localtime links to, else "UTC".
func DetectZone(sys System) string {
	if sys.Getenv != nil {
		tz := strings.TrimPrefix(strings.TrimSpace(sys.Getenv("TZ")), ":")
		if tz != "" && tz != "Local" && loadable(tz) {
			return tz
		}
	}
	if sys.Readlink != nil {
		if target, err := sys.Readlink("/etc/localtime"); err == nil {
			if _, name, ok := strings.Cut(target, "zoneinfo/"); ok && loadable(name) {
				return name
			}
		}
	}
	return "UTC"
}

func loadable(name string) bool {
	_, err := time.LoadLocation(name)
	return err == nil
}

// Where the system's tz database lists its zones.
const (
	zone1970Tab = "/usr/share/zoneinfo/zone1970.tab"
	tzdataZi    = "/usr/share/zoneinfo/tzdata.zi"
)

// ZoneNames lists the IANA zone names for the zone picker, sorted, "UTC"
// included: the canonical zones of zone1970.tab, else the zones ("Z"
// lines) of tzdata.zi, else a built-in list of common zones. Go's embedded
// tz database cannot be listed, hence the files.
func ZoneNames(sys System) []string {
	var names []string
	if sys.ReadFile != nil {
		if b, err := sys.ReadFile(zone1970Tab); err == nil {
			names = parseZoneTab(b)
		}
		if len(names) == 0 {
			if b, err := sys.ReadFile(tzdataZi); err == nil {
				names = parseTzdataZi(b)
			}
		}
	}
	if len(names) == 0 {
		names = slices.Clone(fallbackZones)
	}
	if !slices.Contains(names, "UTC") {
		names = append(names, "UTC")
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// parseZoneTab reads the third column of zone1970.tab ("FR\t+4852+00220\tEurope/Paris").
func parseZoneTab(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) >= 3 && validZoneName(cols[2]) {
			out = append(out, cols[2])
		}
	}
	return out
}

// parseTzdataZi reads the zone lines of tzdata.zi ("Z Europe/Paris 0:9:21 - LMT 1891 Mar 16").
func parseTzdataZi(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "Z" && strings.Contains(f[1], "/") && validZoneName(f[1]) {
			out = append(out, f[1])
		}
	}
	return out
}

// validZoneName accepts what an IANA name is made of.
func validZoneName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_-+", r)) {
			return false
		}
	}
	return true
}

// fallbackZones is used when the system has no tz database files.
var fallbackZones = []string{
	"Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi",
	"America/Anchorage", "America/Argentina/Buenos_Aires", "America/Bogota", "America/Chicago",
	"America/Denver", "America/Halifax", "America/Lima", "America/Los_Angeles", "America/Mexico_City",
	"America/New_York", "America/Phoenix", "America/Santiago", "America/Sao_Paulo", "America/St_Johns",
	"America/Toronto", "America/Vancouver", "Asia/Bangkok", "Asia/Dhaka", "Asia/Dubai", "Asia/Hong_Kong",
	"Asia/Jakarta", "Asia/Jerusalem", "Asia/Karachi", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Manila",
	"Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Asia/Taipei", "Asia/Tehran", "Asia/Tokyo",
	"Atlantic/Azores", "Atlantic/Reykjavik", "Australia/Adelaide", "Australia/Brisbane", "Australia/Perth",
	"Australia/Sydney", "Europe/Amsterdam", "Europe/Athens", "Europe/Berlin", "Europe/Brussels",
	"Europe/Dublin", "Europe/Helsinki", "Europe/Istanbul", "Europe/Kyiv", "Europe/Lisbon", "Europe/London",
	"Europe/Madrid", "Europe/Moscow", "Europe/Paris", "Europe/Rome", "Europe/Stockholm", "Europe/Warsaw",
	"Europe/Zurich", "Pacific/Auckland", "Pacific/Honolulu", "UTC",
}

// locations caches loaded IANA locations: time.LoadLocation reads and
// parses the zone each call.
type locations struct {
	mu   sync.Mutex
	byID map[string]*time.Location
}

// load returns the location of an IANA name.
func (l *locations) load(name string) (*time.Location, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if loc, ok := l.byID[name]; ok {
		return loc, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	if l.byID == nil {
		l.byID = map[string]*time.Location{}
	}
	l.byID[name] = loc
	return loc, nil
}
