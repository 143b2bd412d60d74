package eventcard

import (
	"testing"
	"time"

	"fieldbook/backend/recurrence"
)

// FuzzFromObject feeds arbitrary bytes (seeded with every corpus .ics
// file) to the reader: it must not panic, every object's Data must read
// back as the same object, patching an object with its own fields must
// succeed, and expanding it over a year must not panic.
func FuzzFromObject(f *testing.F) {
	for _, path := range corpusICS(f) {
		f.Add(readFile(f, path))
	}
	from := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(1, 0, 0)
	f.Fuzz(func(t *testing.T, data []byte) {
		objs, _, err := Read(data)
		if err != nil {
			return
		}
		for _, o := range objs {
			again, _, err := FromObject(o.Data)
			if err != nil {
				t.Fatalf("Data of %q unreadable: %v\n%s", o.UID, err, o.Data)
			}
			if again.UID != o.UID || again.Kind != o.Kind {
				t.Fatalf("Data of %q reads as %q %s", o.UID, again.UID, again.Kind)
			}
			if _, err := Patch(o.Data, o); err != nil {
				t.Fatalf("patch %q: %v", o.UID, err)
			}
			if o.Kind == KindEvent {
				loc := o.Location
				if loc == nil {
					loc = time.UTC
				}
				recurrence.Expand(o.Event, loc, from, to, 50)
				NewEvent(o.Event, o.UID, from)
			} else {
				NewTask(o.Task, o.UID, from)
			}
		}
	})
}
