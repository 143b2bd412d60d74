package calendar

import (
	"context"
	"slices"
	"sort"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
)

// MaxOccurrences bounds what one Occurrences call returns.
const MaxOccurrences = 20_000

// floatingSlack widens the stored-instant query: floating and all-day
// meetings were indexed in the user's zone at the time of writing, which
// may differ from today's by up to a day.
const floatingSlack = 27 * time.Hour

// Occurrence is one occurrence of a meeting as the calendar shows it.
type Occurrence struct {
	EventID    string
	CalendarID string
	Color      string
	Title      string
	Location   string
	// Start and End are instants; StartLocal and EndLocal the wall clocks
	// (or dates) in the meeting's zone TimeZone.
	Start, End           time.Time
	StartLocal, EndLocal string
	AllDay               bool
	TimeZone             string
	Recurring            bool
	RecurrenceID         string // "" for a single meeting
	Busy                 string
	Private              bool
	Status               string
	AttendeeCount        int
	Version              int
}

// Occurrences returns the occurrences overlapping [from, to) of the
// meetings in calendarIDs (all when empty), by start. Each series is
// expanded in its own zone (floating and all-day ones in the user's); a
// meeting whose series cannot be read is skipped and logged.
func (s *Service) Occurrences(ctx context.Context, from, to time.Time, calendarIDs []string) ([]Occurrence, error) {
	if !from.Before(to) {
		return nil, nil
	}
	events, err := s.store.EventsInRange(ctx, from.Add(-floatingSlack), to.Add(floatingSlack), calendarIDs)
	if err != nil {
		return nil, err
	}
	colors, err := s.calendarColors(ctx)
	if err != nil {
		return nil, err
	}
	var out []Occurrence
	for i := range events {
		e := &events[i]
		ins, err := s.expand(ctx, e, from, to, MaxOccurrences)
		if err != nil {
			s.log.Warn("calendar: meeting skipped", "event", e.ID, "error", err)
			continue
		}
		for _, in := range ins {
			out = append(out, occurrenceOf(e, in, colors[e.CalendarID]))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].EventID < out[j].EventID
	})
	if len(out) > MaxOccurrences {
		out = out[:MaxOccurrences]
	}
	return out, nil
}

// expand lists the occurrences of e in [from, to).
func (s *Service) expand(ctx context.Context, e *crm.Event, from, to time.Time, limit int) ([]recurrence.Instance, error) {
	loc, err := s.eventLocation(ctx, e.EventFields, e.Zones)
	if err != nil {
		return nil, err
	}
	zones := func(tz string) (*time.Location, error) { return s.Location(ctx, tz, e.Zones) }
	return recurrence.ExpandWith(e.EventFields, loc, zones, from, to, limit)
}

func (s *Service) calendarColors(ctx context.Context) (map[string]string, error) {
	cals, err := s.store.Calendars(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(cals))
	for _, c := range cals {
		out[c.ID] = c.Color
	}
	return out, nil
}

func occurrenceOf(e *crm.Event, in recurrence.Instance, color string) Occurrence {
	f := in.Fields
	tz := f.TimeZone
	if f.AllDay {
		tz = ""
	}
	return Occurrence{
		EventID: e.ID, CalendarID: e.CalendarID, Color: color, Title: f.Title, Location: f.Location,
		Start: in.Start.UTC(), End: in.End.UTC(), StartLocal: f.Start, EndLocal: f.End, AllDay: f.AllDay,
		TimeZone: tz, Recurring: recurring(e.EventFields), RecurrenceID: in.RecurrenceID,
		Busy: f.Busy, Private: f.Private, Status: f.Status, AttendeeCount: len(f.Attendees), Version: e.Version,
	}
}

// Timeline window: how far back and ahead a repeating meeting's
// occurrences appear on a contact's timeline, and how many items at most.
const (
	timelineBack  = 2 * 365 * 24 * time.Hour
	timelineAhead = 90 * 24 * time.Hour
	maxTimeline   = 500
)

// TimelineItem is one meeting occurrence on a contact's timeline.
type TimelineItem struct {
	EventID      string
	RecurrenceID string
	Title        string
	Start, End   time.Time
	Location     string
	Notes        string
}

// Timeline lists the meetings where one of the contact's e-mails is an
// attendee or the organizer, newest first: single meetings whenever they
// are; of a series, its occurrences from two years back and the next one
// within 90 days (an occurrence changed on its own counts with its own
// attendees). Cancelled occurrences are left out.
func (s *Service) Timeline(ctx context.Context, contactID string) ([]TimelineItem, error) {
	c, err := s.store.GetContact(ctx, contactID)
	if err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	var emails []string
	for _, m := range c.Emails {
		if k := crm.EmailKey(m.Value); k != "" && !keys[k] {
			keys[k] = true
			emails = append(emails, m.Value)
		}
	}
	if len(emails) == 0 {
		return []TimelineItem{}, nil
	}
	events, err := s.store.EventsForEmails(ctx, emails)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	out := []TimelineItem{}
	for i := range events {
		e := &events[i]
		from, to := now.Add(-timelineBack), now.Add(timelineAhead)
		if !recurring(e.EventFields) {
			from, to = e.StartUTC.Add(-time.Second), e.EndUTC.Add(time.Second)
		}
		ins, err := s.expand(ctx, e, from, to, maxTimeline)
		if err != nil {
			s.log.Warn("calendar: meeting skipped on the timeline", "event", e.ID, "error", err)
			continue
		}
		upcoming := false
		for _, in := range ins {
			f := in.Fields
			if f.Status == StatusCancelled || !involves(f, e.EventFields, in.Override, keys) {
				continue
			}
			if in.Start.After(now) {
				// Of a series' future occurrences only the next one is news;
				// a weekly meeting would otherwise fill the timeline.
				if upcoming {
					continue
				}
				upcoming = true
			}
			out = append(out, TimelineItem{EventID: e.ID, RecurrenceID: in.RecurrenceID, Title: f.Title,
				Start: in.Start.UTC(), End: in.End.UTC(), Location: f.Location, Notes: f.Notes})
		}
	}
	slices.SortStableFunc(out, func(a, b TimelineItem) int { return b.Start.Compare(a.Start) })
	if len(out) > maxTimeline {
		out = out[:maxTimeline]
	}
	return out, nil
}

// involves reports whether one of keys is an attendee or the organizer of
// an occurrence: of the override when it lists its own people, else of
// the series.
func involves(occ, master crm.EventFields, override bool, keys map[string]bool) bool {
	f := master
	if override && (len(occ.Attendees) > 0 || occ.Organizer.Email != "") {
		f = occ
	}
	if keys[crm.EmailKey(f.Organizer.Email)] {
		return true
	}
	for _, a := range f.Attendees {
		if keys[crm.EmailKey(a.Email)] {
			return true
		}
	}
	return false
}
