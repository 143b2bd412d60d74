package phone

import "testing"

func TestRegionFromLocale(t *testing.T) {
	cases := map[string]string{
		"de_DE.UTF-8":       "DE",
		"bn-BD":             "BD",
		"bn_BD.UTF-8":       "BD",
		"en_US":             "US",
		"en-GB":             "GB",
		"en_UK":             "GB", // common mistake, canonicalised
		"fr_FR@euro":        "FR",
		"sr_RS.UTF-8@latin": "RS",
		"ja_JP.eucJP":       "JP",
		"zh-Hans-CN":        "CN",
		"ru_RU.KOI8-R":      "RU",
		"el_GR":             "GR",
		"es_ES:en_US":       "ES", // $LANGUAGE list
		"en-US-u-rg-gbzzzz": "GB", // region override
		"  de-AT  ":         "AT",
		"de":                "", // no written region: no guess
		"es-419":            "", // Latin America is not a country
		"C":                 "",
		"C.UTF-8":           "",
		"POSIX":             "",
		"":                  "",
		"not a locale!":     "",
		"en-AQ":             "", // Antarctica has no phone metadata
	}
	for in, want := range cases {
		if got := RegionFromLocale(in); got != want {
			t.Errorf("RegionFromLocale(%q) = %q, want %q", in, got, want)
		}
	}
}
