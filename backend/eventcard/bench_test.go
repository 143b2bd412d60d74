package eventcard

import (
	"testing"

	"fieldbook/backend/tzmap"
	"fieldbook/internal/testcorpus"
)

// benchFiles are representative objects: an Exchange series with Windows
// zones, an Outlook invitation with attendees, a Google series with an
// override, an Apple reminder.
var benchFiles = []string{"ic4a__outlook1.ics", "tine__outlook_invitation.ics",
	"rie__issue_62_moved_event.ics", "tine__apple-reminder-weekly-time-and-location-alarms.ics"}

// BenchmarkFromObject reads one object (what a sync does per download).
func BenchmarkFromObject(b *testing.B) {
	for _, name := range benchFiles {
		data := testcorpus.Read(b, "ical/"+name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := FromObject(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPatch patches one object with a changed title and reminder
// (what a sync does per upload of an edit).
func BenchmarkPatch(b *testing.B) {
	for _, name := range benchFiles {
		o, _, err := FromObject(testcorpus.Read(b, "ical/"+name))
		if err != nil {
			b.Fatal(err)
		}
		o.Event.Title += " (moved)"
		o.Task.Title += " (moved)"
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Patch(o.Data, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFromObjectCached reads objects through a Reader sharing
// compiled VTIMEZONEs (a sync of an Exchange calendar).
func BenchmarkFromObjectCached(b *testing.B) {
	rd := Reader{Cache: tzmap.NewCache(64)}
	for _, name := range benchFiles {
		data := testcorpus.Read(b, "ical/"+name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := rd.FromObject(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
