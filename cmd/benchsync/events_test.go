package main

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"testing"
	"time"

	"fieldbook/backend/eventcard"
	"fieldbook/backend/recurrence"
)

// TestEventsAreWhatTheBenchmarkPromises reads every generated meeting
// with Fieldbook's own reader: no problem reported, the promised mix of
// kinds, Berlin times with the zone, a weekly series with one moved
// occurrence that is one of its occurrences, attendees who are contacts.
func TestEventsAreWhatTheBenchmarkPromises(t *testing.T) {
	const n = 400
	cards, people := Cards(300)
	if len(cards) != 300 || len(people) != 300 {
		t.Fatalf("%d cards, %d people; want 300", len(cards), len(people))
	}
	emails := map[string]bool{}
	for i, p := range people {
		card := cards[fmt.Sprintf("contact-%05d.vcf", i+1)]
		if !bytes.Contains(card, []byte(":"+p.email+"\r\n")) {
			t.Fatalf("person %d (%s) is not contact %d:\n%s", i, p.email, i+1, card)
		}
		emails[p.email] = true
	}
	events := Events(n, people)
	if len(events) != n {
		t.Fatalf("%d events; want %d", len(events), n)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	count := regexp.MustCompile(`COUNT=(\d+)`)
	kinds := map[string]int{}
	exdates := 0
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("event-%05d.ics", i)
		o, problems, err := eventcard.FromObject(events[name])
		if err != nil || len(problems) > 0 {
			t.Fatalf("%s: %v %v\n%s", name, err, problems, events[name])
		}
		e := o.Event
		if o.Kind != eventcard.KindEvent || o.UID != fmt.Sprintf("benchsync-event-%05d@fieldbook.example", i) {
			t.Fatalf("%s: kind %q, UID %q", name, o.Kind, o.UID)
		}
		if len(e.Attendees) < 1 || len(e.Attendees) > 4 || len(e.Reminders) != 1 || e.Title == "" || e.Notes == "" {
			t.Fatalf("%s: %d attendees, %d reminders, title %q", name, len(e.Attendees), len(e.Reminders), e.Title)
		}
		for _, a := range e.Attendees {
			if !emails[a.Email] || a.Name == "" {
				t.Fatalf("%s: attendee %+v is not a contact", name, a)
			}
		}
		kind := eventKind(i)
		kinds[kind]++
		switch {
		case kind == kindAllDay:
			if !e.AllDay || e.RRule != "" || o.Zones != "" {
				t.Fatalf("%s: want a single all-day meeting without zone: %+v", name, e)
			}
			continue
		case e.AllDay || e.TimeZone != "Europe/Berlin" || o.Zones == "":
			t.Fatalf("%s: want a timed meeting in Europe/Berlin with its VTIMEZONE: zone %q, all-day %v", name, e.TimeZone, e.AllDay)
		case kind == kindSingle:
			if e.RRule != "" || len(e.Overrides) != 0 {
				t.Fatalf("%s: want a single meeting: %+v", name, e)
			}
			continue
		}
		m := count.FindStringSubmatch(e.RRule)
		if m == nil || len(e.Overrides) != 1 || len(e.ExDates) > 1 {
			t.Fatalf("%s: want a weekly series with a COUNT and one override: %q, %d overrides, %d exdates", name, e.RRule, len(e.Overrides), len(e.ExDates))
		}
		exdates += len(e.ExDates)
		occs, err := recurrence.Expand(e, berlin, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 12, 1, 0, 0, 0, 0, time.UTC), 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, _ := strconv.Atoi(m[1])
		moved := 0
		for _, oc := range occs {
			if oc.Override {
				moved++
				if oc.Fields.Title != e.Title+" (moved)" || oc.RecurrenceID != e.Overrides[0].RecurrenceID {
					t.Fatalf("%s: override %+v", name, oc)
				}
			}
		}
		if len(occs) != want-len(e.ExDates) || moved != 1 {
			t.Fatalf("%s: %d occurrences (%d moved); want COUNT %d less %d skipped, one moved", name, len(occs), moved, want, len(e.ExDates))
		}
	}
	if kinds[kindSeries] != 3*n/10 || kinds[kindAllDay] != n/10 || kinds[kindSingle] != 6*n/10 || exdates != n/20 {
		t.Fatalf("kinds %v, %d series with a skipped occurrence; want 30%% series, 10%% all-day, the rest single, one in 20 skipping", kinds, exdates)
	}
	if again := Events(n, people); !maps.EqualFunc(again, events, bytes.Equal) {
		t.Fatal("Events is not deterministic")
	}
}

// TestEventsWithoutContactsMakeUpAttendees checks the -n 0 case.
func TestEventsWithoutContactsMakeUpAttendees(t *testing.T) {
	for name, data := range Events(20, nil) {
		o, problems, err := eventcard.FromObject(data)
		if err != nil || len(problems) > 0 || len(o.Event.Attendees) == 0 {
			t.Fatalf("%s: %v %v %+v", name, err, problems, o.Event.Attendees)
		}
	}
}
