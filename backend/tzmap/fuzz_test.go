package tzmap

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/ical"
	"fieldbook/internal/testcorpus"
)

// FuzzResolve: compiling any VTIMEZONE and resolving any TZID never
// panics; a compiled zone gives an offset within ±26 hours.
func FuzzResolve(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(testcorpus.Dir(f), "ical", "*.ics"))
	if err != nil || len(files) == 0 {
		f.Fatalf("corpus: %v", err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:x\nBEGIN:DAYLIGHT\nDTSTART:00010101T000000\nTZOFFSETFROM:+2359\nTZOFFSETTO:-2359\nRRULE:FREQ=YEARLY;BYDAY=SU,MO,TU;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYSETPOS=-1,1\nRDATE:99991231T235959\nEND:DAYLIGHT\nEND:VTIMEZONE\nEND:VCALENDAR\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, _, err := ical.Read(data)
		if err != nil {
			return
		}
		r := NewResolver(cal.Timezones())
		for _, vtz := range cal.Timezones() {
			loc, _, err := FromVTimezone(vtz)
			if err == nil {
				for _, y := range []int{1850, 1970, 2024, 2200} {
					if _, off := time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); off < -26*3600 || off > 26*3600 {
						t.Fatalf("offset %d", off)
					}
				}
			}
			_, _ = ResolveAt(vtz.Text("TZID"), cal.Timezones(), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
			_, _, _ = ToIANA(vtz.Text("TZID"))
		}
		for _, c := range cal.Components {
			for _, p := range c.Props {
				_, _ = ical.ParseDateTime(p, r)
			}
		}
	})
}
