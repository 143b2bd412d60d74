package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// berlinZone is the VTIMEZONE that Thunderbird, Apple Calendar and DAVx⁵
// write for Europe/Berlin.
const berlinZone = "BEGIN:VTIMEZONE\r\n" +
	"TZID:Europe/Berlin\r\n" +
	"BEGIN:DAYLIGHT\r\n" +
	"TZOFFSETFROM:+0100\r\n" +
	"TZOFFSETTO:+0200\r\n" +
	"TZNAME:CEST\r\n" +
	"DTSTART:19700329T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" +
	"END:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\n" +
	"TZOFFSETFROM:+0200\r\n" +
	"TZOFFSETTO:+0100\r\n" +
	"TZNAME:CET\r\n" +
	"DTSTART:19701025T030000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
	"END:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// The kinds of meeting Events generates, by i % 10.
const (
	kindSeries = "series"
	kindAllDay = "all-day"
	kindSingle = "single"
)

// eventKind returns which kind of meeting number i (from 1) is: three in
// ten weekly series, one in ten all-day, the rest single meetings.
func eventKind(i int) string {
	switch i % 10 {
	case 0, 4, 7:
		return kindSeries
	case 9:
		return kindAllDay
	}
	return kindSingle
}

var (
	meetingTopics = []string{"Quarterly review", "Kick-off", "Demo of the spring catalogue", "Contract negotiation",
		"Site visit", "Service planning", "Budget call", "Installation check", "Réunion de suivi", "Jour fixe",
		"Pricing workshop", "Pilot debrief"}
	seriesTopics = []string{"Weekly sync", "Jour fixe", "Sales stand-up", "Account review", "Project status",
		"Point hebdomadaire"}
	allDayTopics = []string{"Trade fair Hannover", "Customer day", "Training: new product line", "Salon Paris",
		"Team offsite"}
	rooms = []string{"Room Elbe", "Room Spree", "Salle Lumière", "Café Olé, Königsallee 14", "Video call",
		"Customer site", "Room Øresund", "Besprechungsraum 3.07"}
	partstats = []string{"ACCEPTED", "ACCEPTED", "TENTATIVE", "NEEDS-ACTION", "DECLINED"}
)

// Events returns n deterministic meetings (iCalendar objects of 1–2.5 KB)
// keyed by file name (event-00001.ics …): three in ten weekly series with
// one moved occurrence (RECURRENCE-ID in the same object; one series in
// six also skips one with EXDATE), one in ten all-day, the rest single
// meetings; every timed one in Europe/Berlin with its VTIMEZONE, with an
// organiser, one to four attendees taken from people (the contacts; made
// up when people is empty), a description and a reminder. They spread
// over 2026, on working days between 08:00 and 17:30.
func Events(n int, people []person) map[string][]byte {
	rng := rand.New(rand.NewPCG(42, 2000))
	out := make(map[string][]byte, n)
	first := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC) // a Monday
	for i := 1; i <= n; i++ {
		var b strings.Builder
		line := func(format string, a ...any) { b.WriteString(fold(fmt.Sprintf(format, a...))) }
		kind := eventKind(i)
		// A working day of 2026 and a start on the half hour.
		day := first.AddDate(0, 0, 7*rng.IntN(51)+rng.IntN(5))
		start := day.Add(time.Duration(16+rng.IntN(20)) * 30 * time.Minute)
		length := []time.Duration{30, 45, 60, 60, 90, 120}[rng.IntN(6)] * time.Minute
		org := companies[rng.IntN(len(companies))]
		var attendees []person
		for range 1 + rng.IntN(4) {
			if len(people) > 0 {
				attendees = append(attendees, people[rng.IntN(len(people))])
			} else {
				k := rng.IntN(100000)
				attendees = append(attendees, person{name: fmt.Sprintf("Guest %d", k), email: fmt.Sprintf("guest%d@mail.example", k), org: org})
			}
		}
		if len(people) > 0 {
			org = attendees[0].org
		}
		var note []string
		for len(strings.Join(note, " ")) < 150+rng.IntN(300) {
			note = append(note, noteWords[rng.IntN(len(noteWords))])
		}
		uid := fmt.Sprintf("benchsync-event-%05d@fieldbook.example", i)
		stamp := fmt.Sprintf("202512%02dT%02d%02d00Z", 1+i%28, i%24, i%60)

		line("BEGIN:VCALENDAR")
		line("VERSION:2.0")
		line("PRODID:-//Fieldbook//benchsync//EN")
		line("CALSCALE:GREGORIAN")
		if kind != kindAllDay {
			b.WriteString(berlinZone)
		}
		// common writes what every component of the meeting carries.
		common := func(title, location string, seq int) {
			line("UID:%s", uid)
			line("DTSTAMP:%s", stamp)
			line("CREATED:%s", stamp)
			line("LAST-MODIFIED:%s", stamp)
			line("SEQUENCE:%d", seq)
			line("SUMMARY:%s", esc(title))
			line("LOCATION:%s", esc(location))
			line("DESCRIPTION:%s", esc("Agenda: "+strings.Join(note, " ")))
			line("ORGANIZER;CN=Bench User:mailto:bench.user@fieldbook.example")
			for k, a := range attendees {
				role := "REQ-PARTICIPANT"
				if k == 3 {
					role = "OPT-PARTICIPANT"
				}
				line("ATTENDEE;CN=\"%s\";ROLE=%s;PARTSTAT=%s;RSVP=TRUE:mailto:%s", a.name, role, partstats[(i+k)%len(partstats)], a.email)
			}
			line("CATEGORIES:%s", []string{"Customer", "Prospect", "Internal", "Partner"}[i%4])
			line("STATUS:CONFIRMED")
			line("TRANSP:OPAQUE")
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:Reminder")
			line("TRIGGER:-PT%dM", []int{5, 10, 15, 30}[i%4])
			line("END:VALARM")
		}
		local := func(t time.Time) string { return t.Format("20060102T150405") }
		switch kind {
		case kindAllDay:
			line("BEGIN:VEVENT")
			line("DTSTART;VALUE=DATE:%s", day.Format("20060102"))
			line("DTEND;VALUE=DATE:%s", day.AddDate(0, 0, 1+rng.IntN(3)).Format("20060102"))
			common(allDayTopics[rng.IntN(len(allDayTopics))], rooms[rng.IntN(len(rooms))], 0)
			line("END:VEVENT")
		case kindSingle:
			line("BEGIN:VEVENT")
			line("DTSTART;TZID=Europe/Berlin:%s", local(start))
			line("DTEND;TZID=Europe/Berlin:%s", local(start.Add(length)))
			common(meetingTopics[rng.IntN(len(meetingTopics))]+" – "+org, rooms[rng.IntN(len(rooms))], 0)
			line("END:VEVENT")
		case kindSeries:
			count := 8 + rng.IntN(23)
			title := seriesTopics[rng.IntN(len(seriesTopics))] + " – " + org
			room := rooms[rng.IntN(len(rooms))]
			moved := 1 + rng.IntN(count-1) // the occurrence moved to the next day, an hour later
			line("BEGIN:VEVENT")
			line("DTSTART;TZID=Europe/Berlin:%s", local(start))
			line("DTEND;TZID=Europe/Berlin:%s", local(start.Add(length)))
			line("RRULE:FREQ=WEEKLY;BYDAY=%s;COUNT=%d", strings.ToUpper(start.Weekday().String()[:2]), count)
			if i%20 == 0 {
				skipped := 1 + rng.IntN(count-2) // not the first, not the moved one
				if skipped >= moved {
					skipped++
				}
				line("EXDATE;TZID=Europe/Berlin:%s", local(start.AddDate(0, 0, 7*skipped)))
			}
			common(title, room, 0)
			line("END:VEVENT")
			orig := start.AddDate(0, 0, 7*moved)
			line("BEGIN:VEVENT")
			line("RECURRENCE-ID;TZID=Europe/Berlin:%s", local(orig))
			line("DTSTART;TZID=Europe/Berlin:%s", local(orig.AddDate(0, 0, 1).Add(time.Hour)))
			line("DTEND;TZID=Europe/Berlin:%s", local(orig.AddDate(0, 0, 1).Add(time.Hour+length)))
			common(title+" (moved)", room, 1)
			line("END:VEVENT")
		}
		line("END:VCALENDAR")
		out[fmt.Sprintf("event-%05d.ics", i)] = []byte(b.String())
	}
	return out
}
