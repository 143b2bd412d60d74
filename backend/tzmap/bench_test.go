package tzmap

import (
	"testing"

	"fieldbook/backend/ical"
)

func BenchmarkFromVTimezoneOutlook(b *testing.B) {
	vtz := readCorpusCal(b, "ic4a__outlook1.ics").Timezone("W. Europe Standard Time")
	for b.Loop() {
		if _, _, err := FromVTimezone(vtz); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDateTimeWindowsTZID(b *testing.B) {
	cal := readCorpusCal(b, "ic4a__outlook1.ics")
	p := cal.Component("VEVENT").Prop("DTSTART")
	r := NewResolver(cal.Timezones())
	for b.Loop() {
		if _, err := ical.ParseDateTime(p, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewVTimezoneBerlin(b *testing.B) {
	loc := mustLoad(b, "Europe/Berlin")
	for b.Loop() {
		_ = NewVTimezone("Europe/Berlin", loc, date(2023, 1, 1), date(2030, 1, 1))
	}
}
