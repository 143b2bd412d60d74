package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/tasks"
)

// Calendars makes calendars and meetings (as the calendar use cases do:
// validated, with their instants).
type Calendars interface {
	CreateCalendar(ctx context.Context, name, color string) (crm.Calendar, error)
	Create(ctx context.Context, calendarID string, f crm.EventFields) (crm.Event, error)
}

// Tasks makes tasks (as the task use cases do).
type Tasks interface {
	Create(ctx context.Context, calendarID string, f crm.TaskFields) (tasks.Item, error)
}

// CalendarSummary counts what PopulateCalendar added.
type CalendarSummary struct {
	Calendars, Meetings, Tasks int
}

// Person is a contact who can be invited to demo meetings or linked to
// demo tasks.
type Person struct {
	ContactID string
	Name      string
	Email     string
}

// demoCalendars are added beside the default calendar.
var demoCalendars = []struct{ name, color string }{
	{"Work", "#16A34A"},
	{"Customers", "#DB2777"},
}

// meetingPlan is a demo meeting: day is relative to today (in the user's
// zone), at is a wall clock ("" for all day), people how many contacts
// are invited.
type meetingPlan struct {
	title, location, notes string
	calendar               int // 0 default, 1 Work, 2 Customers
	day                    int
	at                     string
	minutes                int // length; days for an all-day meeting
	zone                   string
	rrule                  string
	people                 int
	busy                   string
}

var demoMeetings = []meetingPlan{
	{title: "Weekly pipeline review", location: "Room 4", notes: "Go through the open deals, one slide each.",
		calendar: 1, day: -21, at: "09:30", minutes: 45, rrule: "FREQ=WEEKLY;BYDAY=MO", people: 3},
	{title: "Team stand-up", calendar: 1, day: -14, at: "09:00", minutes: 15, rrule: "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=60", people: 2},
	{title: "1:1", notes: "Goals for the quarter.", calendar: 1, day: -10, at: "14:00", minutes: 30, rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", people: 1},
	{title: "Monthly customer call", location: "Video call", notes: "Usage, renewals and open tickets.",
		calendar: 2, day: -40, at: "10:00", minutes: 60, zone: "America/New_York", rrule: "FREQ=MONTHLY;BYDAY=2TU", people: 2},
	{title: "Partner sync (Tokyo)", calendar: 2, day: -3, at: "09:00", minutes: 30, zone: "Asia/Tokyo", rrule: "FREQ=WEEKLY;BYDAY=WE", people: 1},
	{title: "Kick-off", location: "Customer office", notes: "Agreed on the rollout plan and a pilot with two teams.",
		calendar: 2, day: -12, at: "11:00", minutes: 90, people: 3},
	{title: "Demo", location: "Video call", notes: "Showed the import and the duplicate check; they asked about CalDAV.",
		calendar: 2, day: -5, at: "15:00", minutes: 45, people: 2},
	{title: "Lunch", location: "Café Central", notes: "Talked about next year's budget.", calendar: 0, day: -2, at: "12:30", minutes: 60, people: 1},
	{title: "Contract review", calendar: 2, day: 0, at: "16:00", minutes: 30, people: 2},
	{title: "Quarterly business review", location: "Board room", calendar: 2, day: 2, at: "10:00", minutes: 120, people: 3},
	{title: "Trade fair", location: "Exhibition centre", calendar: 1, day: 8, minutes: 3, people: 0, busy: crm.BusyOutOfOffice},
	{title: "Workshop", location: "Training room", calendar: 1, day: 5, at: "13:00", minutes: 180, people: 3},
	{title: "Dentist", calendar: 0, day: 3, at: "08:15", minutes: 45, people: 0},
	{title: "Follow-up call", calendar: 2, day: 6, at: "17:00", minutes: 30, zone: "Europe/London", people: 1},
}

// taskPlan is a demo task: due days from today (nil: no due date), at a
// wall clock or on the date (at "").
type taskPlan struct {
	title, notes string
	due          *int
	at           string
	priority     int
	linked       bool
	done         bool
}

func day(n int) *int { return &n }

var demoTasks = []taskPlan{
	{title: "Send the quote", priority: 1, due: day(-3), linked: true},
	{title: "Call back about the invoice", due: day(-1), at: "11:00", linked: true},
	{title: "Update the pipeline sheet", priority: 5, due: day(-5)},
	{title: "Prepare the demo", notes: "Use the sample data.", priority: 1, due: day(0), at: "15:00", linked: true},
	{title: "Reply to the RFP questions", due: day(0), linked: true},
	{title: "Book the meeting room", due: day(0), at: "09:00"},
	{title: "Send the contract draft", priority: 5, due: day(1), linked: true},
	{title: "Check in after the pilot", due: day(7), at: "10:00", linked: true},
	{title: "Plan the trade fair booth", priority: 9, due: day(6)},
	{title: "Renewal reminder", due: day(21), linked: true},
	{title: "Read the industry report"},
	{title: "Clean up duplicate contacts", priority: 9},
	{title: "Thank-you note after the kick-off", due: day(-10), linked: true, done: true},
	{title: "Collect feedback from the demo", due: day(-4), done: true, linked: true},
}

// DemoMeetings and DemoTasks are how many meetings and tasks
// PopulateCalendar adds.
var (
	DemoMeetings = len(demoMeetings)
	DemoTasks    = len(demoTasks)
)

// PopulateCalendar adds two demo calendars, a mix of single and repeating
// meetings around today (weekly, daily, monthly; in the user's zone and in
// others; one all-day) with people among their attendees, and tasks (some
// overdue, some due today, some done) linked to people. today is the
// current time in the user's zone; the same seed and people give the same
// data relative to today.
func PopulateCalendar(ctx context.Context, cals Calendars, tk Tasks, people []Person, today time.Time, seed uint64) (CalendarSummary, error) {
	var sum CalendarSummary
	rng := rand.New(rand.NewPCG(seed, seed^0x5ca1ab1e))
	ids := []string{""} // the default calendar
	for _, c := range demoCalendars {
		cal, err := cals.CreateCalendar(ctx, c.name, c.color)
		if err != nil {
			return sum, fmt.Errorf("seed: calendar %s: %w", c.name, err)
		}
		ids = append(ids, cal.ID)
		sum.Calendars++
	}
	people = slices.Clone(people)
	slices.SortFunc(people, func(a, b Person) int {
		return strings.Compare(a.Name+"\x00"+a.Email, b.Name+"\x00"+b.Email)
	})
	pick := func(n int) []Person {
		if len(people) == 0 {
			out := make([]Person, n)
			for i := range out {
				out[i] = Person{Name: fmt.Sprintf("Guest %d", i+1), Email: fmt.Sprintf("guest%d@example.com", i+1)}
			}
			return out
		}
		var out []Person
		for _, i := range rng.Perm(len(people))[:min(n, len(people))] {
			out = append(out, people[i])
		}
		return out
	}
	base := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for _, m := range demoMeetings {
		f := crm.EventFields{Title: m.title, Location: m.location, Notes: m.notes, RRule: m.rrule, TimeZone: m.zone, Busy: m.busy,
			Reminders: []crm.Reminder{{MinutesBefore: 10}}}
		d := base.AddDate(0, 0, m.day)
		if m.at == "" {
			f.AllDay = true
			f.Start, f.End = d.Format(crm.LocalDateLayout), d.AddDate(0, 0, m.minutes).Format(crm.LocalDateLayout)
			f.Reminders = nil
		} else {
			if f.TimeZone == "" {
				f.TimeZone = today.Location().String()
			}
			start, err := time.Parse(crm.LocalDateTimeLayout, d.Format(crm.LocalDateLayout)+"T"+m.at+":00")
			if err != nil {
				return sum, fmt.Errorf("seed: meeting %s: %w", m.title, err)
			}
			f.Start = start.Format(crm.LocalDateTimeLayout)
			f.End = start.Add(time.Duration(m.minutes) * time.Minute).Format(crm.LocalDateTimeLayout)
		}
		for _, p := range pick(m.people) {
			f.Attendees = append(f.Attendees, crm.Attendee{Email: p.Email, Name: p.Name, Role: crm.RoleRequired,
				Status: []string{crm.PartAccepted, crm.PartNeedsAction, crm.PartTentative}[rng.IntN(3)]})
		}
		if _, err := cals.Create(ctx, ids[m.calendar], f); err != nil {
			return sum, fmt.Errorf("seed: meeting %s: %w", m.title, err)
		}
		sum.Meetings++
	}
	for _, t := range demoTasks {
		f := crm.TaskFields{Title: t.title, Notes: t.notes, Priority: t.priority}
		if t.due != nil {
			d := base.AddDate(0, 0, *t.due)
			f.Due = d.Format(crm.LocalDateLayout)
			if t.at != "" {
				f.Due += "T" + t.at + ":00"
				f.TimeZone = today.Location().String()
			}
			f.Reminders = []crm.Reminder{{MinutesBefore: 30}}
		}
		if t.linked && len(people) > 0 {
			p := pick(1)[0]
			f.ContactID = p.ContactID
			f.Title += " – " + p.Name
		}
		if t.done {
			f.Status = crm.TaskCompleted
		}
		if _, err := tk.Create(ctx, "", f); err != nil {
			return sum, fmt.Errorf("seed: task %s: %w", t.title, err)
		}
		sum.Tasks++
	}
	return sum, nil
}
