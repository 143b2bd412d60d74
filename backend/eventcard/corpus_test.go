package eventcard

import (
	"reflect"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/tzmap"
)

// TestReadCorpusEvents checks the exact fields read from real meetings:
// names with commas and quotes, umlauts, a 4-byte emoji, attendees with
// EMAIL= parameters, Outlook busy states, private, categories, alarms.
func TestReadCorpusEvents(t *testing.T) {
	tests := []struct {
		file, uid, tzid string
		want            crm.EventFields
	}{
		{
			file: "biweekly__outlook-2010.ics", tzid: "Eastern Standard Time",
			uid: "040000009200E00074C5B7101A82E00800000000C0383BE68041CE0100000000000000001000000070D00A2F625AC34BB6542DE0D19E67E1",
			want: crm.EventFields{Title: "Team Meeting", Location: "Auditorium 16",
				Notes: "Meeting will discuss objectives for next project.\nWill include a presentation and food.",
				Start: "2013-06-10T12:00:00", End: "2013-06-10T13:00:00", TimeZone: "America/New_York",
				Attendees: []crm.Attendee{
					{Email: "johndoe@example.com", Name: "Doe, John", Role: crm.RoleOptional, Status: crm.PartNeedsAction},
					{Email: "janedoe@example.com", Name: "Doe, Jane", Role: crm.RoleChair, Status: crm.PartNeedsAction}},
				Organizer: crm.Attendee{Email: "bobsmith@example.com", Name: "Smith, Bob"},
				Busy:      crm.BusyTentative, Status: "confirmed"},
		},
		{
			file: "tine__outlook_invitation.ics", tzid: "W. Europe Standard Time",
			uid: "040000008200E00074C5B7101A82E00800000000B02E5C95A5F1D20100000000000000001000000093544CFB75D75A42B698FD2C940B3285",
			want: crm.EventFields{Title: "Metaways Folgetermin", Location: "Telefonkonferenz",
				Notes: "Telefonkonferenz\nKonferenz-Einwahlnummer: +49 (0) 221 123\nTeilnehmer-Zugangscode: 123#\n\n" +
					"Geben Sie nach Aufforderung den zugewiesenen Zugangscode ein und dr\ufffd\ufffdcken Sie dann die Taste #. " +
					"Sobald die Verbindung zur Live-Telefonkonferenz hergestellt ist, kann jeder Teilnehmer sprechen. " +
					"Jeder Teilnehmer hat auch Zugriff auf die unten aufgelisteten Tastenbefehle.",
				Start: "2017-08-14T11:00:00", End: "2017-08-14T12:00:00", TimeZone: "Europe/Berlin",
				Attendees: []crm.Attendee{
					{Email: "unittest@tine20.org", Name: "Admin Account, Tine 2.0", Role: crm.RoleRequired, Status: crm.PartNeedsAction},
					{Email: "sclever@tine20.org", Name: "Clever, Susan", Role: crm.RoleRequired, Status: crm.PartNeedsAction},
					{Email: "pwulf@tine20.org", Name: "Paul, Wulf", Role: crm.RoleRequired, Status: crm.PartAccepted}},
				Organizer: crm.Attendee{Email: "l.kneschke@caldav.org", Name: "Admin Account, Tine 2.0"},
				Reminders: []crm.Reminder{{MinutesBefore: 15}}, Busy: crm.BusyTentative, Status: "confirmed"},
		},
		{
			file: "tine__exchange2007_mail_anhang.ics", tzid: "W. Europe Standard Time",
			uid: "040000008200E00074C5B7101A82E0080000000060A0CF095EDDCF010000000000000000100000002B6BB244B1AFF048AFD8E002B733D4E7",
			want: crm.EventFields{Title: "Blocker Wie bleibe ich gesund? Ernährung",
				Notes: "Zeit: Mittwoch, 4. März 2015 13:00-14:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.\n\n" +
					"Hinweis: Die oben angegebene Abweichung von GMT berücksichtigt keine Anpassungen für Sommerzeit.\n\n*~*~*~*~*~*~*~*~*~*",
				Start: "2015-03-04T13:00:00", End: "2015-03-04T14:00:00", TimeZone: "Europe/Berlin",
				Attendees: []crm.Attendee{{Email: "name@example.net", Name: "name@example.net", Role: crm.RoleRequired, Status: crm.PartNeedsAction}},
				Organizer: crm.Attendee{Email: "name@example.com", Name: "Name"},
				Reminders: []crm.Reminder{{MinutesBefore: 15}}, Busy: crm.BusyTentative, Status: "confirmed"},
		},
		{
			file: "tine__lightning_TehranTZ.ics", tzid: "Asia/Tehran", uid: "9d28b78f-aa6d-44fc-92f6-5ab98d35d692",
			want: crm.EventFields{Title: "New Event", Location: "Hamburg",
				Notes: "This is a descpription\nwith a linebreak and a ; , and :",
				Start: "2011-10-04T10:00:00", End: "2011-10-04T12:00:00", TimeZone: "Asia/Tehran",
				Attendees: []crm.Attendee{{Email: "lars@kneschke.de", Name: "Lars Kneschke", Role: crm.RoleRequired, Status: crm.PartNeedsAction}},
				Organizer: crm.Attendee{Email: "l.kneschke@metaways.de", Name: "Lars Kneschke"},
				Reminders: []crm.Reminder{{MinutesBefore: 75}}, Busy: crm.BusyBusy, Private: true,
				Categories: []string{"Business"}, Status: "confirmed"},
		},
		{
			file: "tine__invalid_utf8.ics", tzid: "Europe/Berlin", uid: "05D94964-F0A9-47B0-9433-D5E12EB140FA",
			want: crm.EventFields{Title: "🐎Hoppegarten Day", Start: "2012-05-27T13:00:00", End: "2012-05-27T14:00:00",
				TimeZone: "Europe/Berlin", Busy: crm.BusyBusy, Status: "confirmed"},
		},
		{
			file: "tine__floating_time.ics", uid: "2017-10-06 15:00:01_160@demo.icalendar.org",
			want: crm.EventFields{Title: "160:Susan", Notes: "Blabla", Start: "2017-10-06T15:00:01", End: "2017-10-09T10:00:02",
				Busy: crm.BusyBusy, Status: "confirmed"},
		},
		{
			file: "tine__lightning_repeating_weekly_exception.ics", tzid: "Europe/Berlin", uid: "353de608-4b50-41e6-9f6c-35889584fe8d",
			want: func() crm.EventFields {
				me := crm.Attendee{Email: "unittest@tine20.org", Name: "Admin Account, Tine 2.0", Role: crm.RoleRequired, Status: crm.PartAccepted}
				org := crm.Attendee{Email: "unittest@tine20.org", Name: "Admin Account, Tine 2.0"}
				return crm.EventFields{Title: "New Event", Start: "2013-04-16T15:30:00", End: "2013-04-16T16:30:00",
					TimeZone: "Europe/Berlin", RRule: "FREQ=WEEKLY", Attendees: []crm.Attendee{me}, Organizer: org,
					Busy: crm.BusyBusy, Status: "confirmed",
					Overrides: []crm.Occurrence{{RecurrenceID: "2013-04-23T15:30:00", Fields: crm.EventFields{
						Title: "New Event", Start: "2013-04-23T15:30:00", End: "2013-04-23T16:30:00", TimeZone: "Europe/Berlin",
						Attendees: []crm.Attendee{me}, Organizer: org, Busy: crm.BusyBusy, Status: "confirmed"}}}}
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			objs, _ := readObjects(t, tt.file)
			if len(objs) != 1 {
				t.Fatalf("%d objects", len(objs))
			}
			o := objs[0]
			if o.Kind != KindEvent || o.UID != tt.uid || o.OriginalTZID != tt.tzid {
				t.Errorf("kind %q uid %q tzid %q", o.Kind, o.UID, o.OriginalTZID)
			}
			if !reflect.DeepEqual(o.Event, tt.want) {
				t.Errorf("fields:\n got  %#v\n want %#v", o.Event, tt.want)
			}
		})
	}
}

// TestReadCorpusSeries checks series grouping: overrides before the master,
// a duplicate RECURRENCE-ID (highest SEQUENCE wins), an invalid date-time
// (skipped and reported), Exchange all-day overrides keyed by local date,
// and a lone override.
func TestReadCorpusSeries(t *testing.T) {
	objs, probs := readObjects(t, "ic4a__one-event-with-multiple-exceptions-one-without.ics")
	if len(objs) != 1 || objs[0].UID != "event1" {
		t.Fatalf("objects: %+v", objs)
	}
	e := objs[0].Event
	if e.Title != "Recurring event with one exception" || e.RRule != "FREQ=DAILY;COUNT=5" || !e.AllDay || len(e.Overrides) != 2 ||
		e.Overrides[0].RecurrenceID != "2015-05-03" || e.Overrides[0].Fields.Title != "Final summary" ||
		e.Overrides[1].Fields.Title != "Another summary for the fourth day" {
		t.Errorf("event1: %+v", e)
	}
	if !problemsMention(probs, "20131009T180000T") || !problemsMention(probs, "lower SEQUENCE") {
		t.Errorf("problems: %v", probs)
	}
	if n := countLines(objs[0].Data, "RECURRENCE-ID;VALUE=DATE:20150503"); n != 1 {
		t.Errorf("the losing duplicate stayed in the object: %d RECURRENCE-ID lines", n)
	}

	objs, _ = readObjects(t, "rie__issue_28_rrule_with_UTC_endinginZ.ics")
	if len(objs) != 2 {
		t.Fatalf("rie_28: %d series", len(objs))
	}
	black, blue := objs[0].Event, objs[1].Event
	keys := []string{}
	for _, o := range black.Overrides {
		keys = append(keys, o.RecurrenceID+"→"+o.Fields.Start)
	}
	if black.Title != "Refuse black bin" || !reflect.DeepEqual(keys, []string{"2020-04-16→2020-04-17", "2020-05-28→2020-05-29", "2020-09-03→2020-09-04"}) {
		t.Errorf("black bin: %q %v", black.Title, keys)
	}
	if blue.Title != "Blue Recycle bin" || blue.Start != "2020-04-09" || len(blue.Overrides) != 0 || blue.Busy != crm.BusyFree {
		t.Errorf("blue bin: %+v", blue)
	}

	objs, _ = readObjects(t, "khal__event_dt_recuid_no_master.ics")
	if len(objs) != 1 || objs[0].Event.RecurrenceID != "2017-03-29T16:00:00" || objs[0].Event.RRule != "" || objs[0].UID != "406336" {
		t.Errorf("lone override: %+v", objs)
	}
	objs, _ = readObjects(t, "tine__exchange_external_reoccuring_onlyone.ics")
	if len(objs) != 1 || objs[0].Event.RecurrenceID != "2018-09-06T11:00:00" || objs[0].Event.Title != "Daily Call" {
		t.Errorf("Exchange lone occurrence: %+v", objs)
	}
	objs, _ = readObjects(t, "ical4j__blalor.ics")
	if e := objs[0].Event; len(e.Overrides) != 2 || !reflect.DeepEqual(e.ExDates, []string{"2004-02-24", "2004-03-24"}) {
		t.Errorf("blalor: %v %d", e.ExDates, len(e.Overrides))
	}
}

// TestReadCorpusTasks checks VTODO fields (tine__lightning, ic4a
// most-fields, an Apple reminder whose alarms are kept but not modelled).
func TestReadCorpusTasks(t *testing.T) {
	tests := []struct {
		file, uid string
		want      crm.TaskFields
		keep      []string // lines that must stay in Data
	}{
		{
			file: "tine__lightning.ics", uid: "cd701589-4e76-4e87-8aae-1d32a6020159",
			want: crm.TaskFields{Title: "New Task", Notes: "This is a descpription\nwith a linebreak and a ; , and : a",
				Due: "2013-07-14T18:00:00", Start: "2013-07-14T12:00:00", TimeZone: "Europe/Berlin",
				Status: crm.TaskInProcess, PercentComplete: 10, Categories: []string{"CATEGORY 1", "CATEGORY 2"}},
			keep: []string{"TRIGGER;VALUE=DURATION:-PT1H15M", "LOCATION:Kiel"},
		},
		{
			file: "ic4a__most-fields1.ics", uid: "most-fields1@example.com",
			want: crm.TaskFields{Notes: "Meeting to provide technical review for \"Phoenix\" design.\nHappy Face Conference Room. Phoenix design team MUST attend this meeting.\nRSVP to team leader.",
				Due: "2010-10-01", Start: "2010-01-01", Priority: 1, Status: crm.TaskInProcess, PercentComplete: 25,
				RRule: "FREQ=YEARLY;INTERVAL=2", Categories: []string{"Test", "Sample"}},
			keep: []string{"X-UNKNOWN-PROP;param1=xxx:Unknown Value", "GEO:37.386013;-122.082932", "EXDATE;VALUE=DATE:20140101,20180101"},
		},
		{
			file: "tine__apple-reminder-weekly-time-and-location-alarms.ics", uid: "24F35F5A-F6EA-4586-83EB-EB77529C1880",
			want: crm.TaskFields{Title: "weekly time and location alarm", Due: "2013-08-12T14:00:00", Start: "2013-08-12T14:00:00",
				TimeZone: "Europe/Berlin", Status: crm.TaskNeedsAction, RRule: "FREQ=WEEKLY"},
			keep: []string{"X-APPLE-PROXIMITY:ARRIVE", "TRIGGER;VALUE=DATE-TIME:20130812T120000Z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			objs, _ := readObjects(t, tt.file)
			if len(objs) != 1 || objs[0].Kind != KindTask || objs[0].UID != tt.uid {
				t.Fatalf("objects: %+v", objs)
			}
			if !reflect.DeepEqual(objs[0].Task, tt.want) {
				t.Errorf("fields:\n got  %#v\n want %#v", objs[0].Task, tt.want)
			}
			for _, l := range tt.keep {
				if countLines(objs[0].Data, l) == 0 {
					t.Errorf("Data lost %q", l)
				}
			}
		})
	}
}

// countLines counts the unfolded lines of b equal to l.
func countLines(b []byte, l string) int {
	n := 0
	for _, x := range lines(b) {
		if x == l {
			n++
		}
	}
	return n
}

// TestCachedReaderReadsTheSame reads every corpus file with and without a
// shared VTIMEZONE cache, twice with the cache (the second time from it).
func TestCachedReaderReadsTheSame(t *testing.T) {
	rd := Reader{Cache: tzmap.NewCache(8)}
	for _, path := range corpusICS(t) {
		data := readFile(t, path)
		want, _, _ := Read(data)
		for range 2 {
			got, _, _ := rd.Read(data)
			if len(got) != len(want) {
				t.Fatalf("%s: %d objects, want %d", path, len(got), len(want))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i].Event, want[i].Event) || !reflect.DeepEqual(got[i].Task, want[i].Task) ||
					(got[i].Location == nil) != (want[i].Location == nil) {
					t.Errorf("%s #%d differs with the cache", path, i)
				}
			}
		}
	}
	if rd.Cache.Len() == 0 {
		t.Error("nothing was cached")
	}
}
