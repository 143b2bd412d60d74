package engine_test

import (
	"fmt"
	"testing"

	"fieldbook/internal/realdav"
)

// benchEvents generates n meetings as another client would store them:
// one in five a weekly series in Berlin (with its VTIMEZONE and an
// override), one in ten all-day, the rest single meetings in UTC; each
// with attendees, a reminder, a description and an X- property.
func benchEvents(n int) map[string][]byte {
	out := make(map[string][]byte, n)
	for i := range n {
		uid := fmt.Sprintf("bench-%05d", i)
		day := fmt.Sprintf("2026%02d%02d", 1+i%12, 1+i%28)
		common := []string{"SUMMARY:Meeting " + uid, "LOCATION:Room " + fmt.Sprint(i%40),
			"DESCRIPTION:Agenda for " + uid + ": figures\\, next steps and questions from the last review.",
			"ORGANIZER;CN=Boss:mailto:boss@example.com",
			"ATTENDEE;CN=Ann;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:ann@example.com",
			fmt.Sprintf("ATTENDEE;CN=Guest %d;ROLE=OPT-PARTICIPANT:mailto:guest%d@example.com", i, i),
			"X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
			"BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT15M", "END:VALARM"}
		var data []byte
		switch {
		case i%5 == 0:
			data = withBerlinZone(ics(
				vevent(uid, append([]string{"DTSTART;TZID=Europe/Berlin:" + day + "T090000", "DTEND;TZID=Europe/Berlin:" + day + "T100000",
					"RRULE:FREQ=WEEKLY;COUNT=20"}, common...)...),
				vevent(uid, "RECURRENCE-ID;TZID=Europe/Berlin:"+day+"T090000", "DTSTART;TZID=Europe/Berlin:"+day+"T110000",
					"DTEND;TZID=Europe/Berlin:"+day+"T120000", "SUMMARY:Moved"),
			))
		case i%10 == 1:
			data = ics(vevent(uid, append([]string{"DTSTART;VALUE=DATE:" + day, "DURATION:P1D"}, common...)...))
		default:
			data = ics(vevent(uid, append([]string{"DTSTART:" + day + "T130000Z", "DTEND:" + day + "T140000Z"}, common...)...))
		}
		out[uid+".ics"] = data
	}
	return out
}

// BenchmarkRealRadicaleEvents times a sync of 2,000 meetings from a real
// Radicale: initial (a fresh database each time) and with no change.
func BenchmarkRealRadicaleEvents(b *testing.B) {
	const n = 2000
	srv := realdav.Start(b, realdav.Radicale)
	srv.BulkLoadInto(b, srv.CalendarURL, benchEvents(n))
	b.Run("initial-2000", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := newRealCalSide(b, srv, "")
			b.StartTimer()
			if res := s.sync(); res.Applied != n {
				b.Fatalf("applied %d; want %d", res.Applied, n)
			}
		}
	})
	b.Run("nochange-2000", func(b *testing.B) {
		s := newRealCalSide(b, srv, "")
		s.sync()
		for b.Loop() {
			if res := s.sync(); res.Fetched != 0 || res.Requests != 1 {
				b.Fatalf("no-change sync: %+v", res)
			}
		}
	})
}
