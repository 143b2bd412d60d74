package ical

import (
	"bytes"
	"fmt"
	"testing"
)

// benchCalendar builds a calendar of n events in the shape Outlook writes
// (VTIMEZONE, quoted TZID, attendees, a folded description, a VALARM).
func benchCalendar(n int) []byte {
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n")
	b.WriteString("BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n")
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E0080000000%08d\r\nSUMMARY:Meeting %d\\, weekly\r\n", i, i)
		fmt.Fprintf(&b, "DTSTART;TZID=\"W. Europe Standard Time\":20240%d15T090000\r\nDTEND;TZID=\"W. Europe Standard Time\":20240%d15T100000\r\n", i%9+1, i%9+1)
		b.WriteString("ATTENDEE;CN=\"Doe, Jane\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:jane@exa\r\n mple.com\r\n")
		b.WriteString("DESCRIPTION:A longer description that Outlook folds at seventy-five octets\\, w\r\n ith an escaped newline\\nand more text.\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n")
		b.WriteString("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.Bytes()
}

func BenchmarkRead1000Events(b *testing.B) {
	data := benchCalendar(1000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite1000EventsUnchanged(b *testing.B) {
	cal, _, err := Read(benchCalendar(1000))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_ = Write(cal)
	}
}

func BenchmarkReadCorpus(b *testing.B) {
	var files [][]byte
	for _, p := range corpusFiles(b) {
		files = append(files, mustReadFile(b, p))
	}
	for b.Loop() {
		for _, f := range files {
			if _, _, err := Read(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}
