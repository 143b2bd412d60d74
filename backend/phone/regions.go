package phone

import (
	"slices"

	"github.com/nyaruka/phonenumbers"
)

// KnownRegion returns region upper-cased ("de" → "DE") when phone numbers of
// that ISO 3166 region can be read, "" otherwise.
func KnownRegion(region string) string { return knownRegion(region) }

// Regions lists every ISO 3166 region with phone metadata, sorted.
func Regions() []string {
	set := phonenumbers.GetSupportedRegions()
	out := make([]string, 0, len(set))
	for r := range set {
		if knownRegion(r) != "" {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out
}
