package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
)

// EventCalendarChanged follows every change to calendars and meetings (and
// to the user's zone, which moves floating and all-day meetings).
const EventCalendarChanged = "calendar:changed"

// CalendarService is bound to the front end: calendars, meetings, the
// contact timeline and the user's time zone.
type CalendarService struct {
	ctx    context.Context
	svc    *calendar.Service
	events Emitter
	// zoneChanged runs after the user's zone changed (tasks re-read their
	// floating due times).
	zoneChanged func(ctx context.Context) error
}

// NewCalendarService wraps the calendar use cases for the binding.
func NewCalendarService(ctx context.Context, svc *calendar.Service, events Emitter) *CalendarService {
	return &CalendarService{ctx: ctx, svc: svc, events: events}
}

// OSSystem is the real machine for the calendar: $TZ, /etc/localtime and
// the tz database files.
func OSSystem() calendar.System {
	return calendar.System{Getenv: os.Getenv, Readlink: os.Readlink, ReadFile: os.ReadFile}
}

func (s *CalendarService) changed() {
	s.events.Emit(EventCalendarChanged)
	s.events.Emit(EventStatusChanged)
}

// Calendars lists the calendars, the default first.
func (s *CalendarService) Calendars() ([]CalendarDTO, error) {
	cals, err := s.svc.Calendars(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]CalendarDTO, len(cals))
	for i, c := range cals {
		out[i] = toCalendarDTO(c.Calendar, c.AccountName)
	}
	return out, nil
}

// CreateCalendar adds a local calendar.
func (s *CalendarService) CreateCalendar(in CalendarInput) (CalendarDTO, error) {
	c, err := s.svc.CreateCalendar(s.ctx, in.Name, in.Color)
	if err != nil {
		return CalendarDTO{}, err
	}
	s.events.Emit(EventCalendarChanged)
	return toCalendarDTO(c, ""), nil
}

// UpdateCalendar renames and recolours a calendar.
func (s *CalendarService) UpdateCalendar(id string, in CalendarInput) (CalendarDTO, error) {
	c, err := s.svc.UpdateCalendar(s.ctx, id, in.Name, in.Color)
	if err != nil {
		return CalendarDTO{}, err
	}
	s.events.Emit(EventCalendarChanged)
	return s.calendarDTO(c)
}

// SetDefaultCalendar makes calendar id the one new meetings and tasks go to.
func (s *CalendarService) SetDefaultCalendar(id string) error {
	if err := s.svc.SetDefaultCalendar(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventCalendarChanged)
	return nil
}

func (s *CalendarService) calendarDTO(c crm.Calendar) (CalendarDTO, error) {
	cals, err := s.svc.Calendars(s.ctx)
	if err != nil {
		return CalendarDTO{}, err
	}
	for _, x := range cals {
		if x.ID == c.ID {
			return toCalendarDTO(x.Calendar, x.AccountName), nil
		}
	}
	return toCalendarDTO(c, ""), nil
}

// DeleteCalendar deletes an empty calendar (calendar_not_empty otherwise).
func (s *CalendarService) DeleteCalendar(id string) error {
	if err := s.svc.DeleteCalendar(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventCalendarChanged)
	return nil
}

// parseInstant reads an RFC 3339 instant from the front end.
func parseInstant(field, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return t, crm.FieldError(crm.CodeInvalidInput, field, fmt.Sprintf("%q is not an RFC 3339 time", v))
	}
	return t, nil
}

// Occurrences lists the occurrences in a window, by start.
func (s *CalendarService) Occurrences(q OccurrenceQuery) ([]OccurrenceDTO, error) {
	from, err := parseInstant("from", q.From)
	if err != nil {
		return nil, err
	}
	to, err := parseInstant("to", q.To)
	if err != nil {
		return nil, err
	}
	occs, err := s.svc.Occurrences(s.ctx, from, to, q.CalendarIDs)
	if err != nil {
		return nil, err
	}
	out := make([]OccurrenceDTO, len(occs))
	for i, o := range occs {
		out[i] = toOccurrenceDTO(o)
	}
	return out, nil
}

// Event returns one meeting with its attendees linked to contacts.
func (s *CalendarService) Event(id string) (EventDTO, error) {
	e, err := s.svc.Event(s.ctx, id)
	if err != nil {
		return EventDTO{}, err
	}
	return toEventDTO(e), nil
}

// CreateEvent adds a meeting (to the default calendar when none is named).
func (s *CalendarService) CreateEvent(in EventInput) (EventDTO, error) {
	e, err := s.svc.Create(s.ctx, in.CalendarID, in.fields(crm.EventFields{}))
	if err != nil {
		return EventDTO{}, err
	}
	s.changed()
	return toEventDTO(e), nil
}

// UpdateEvent saves an edit of the whole meeting, one occurrence, or it
// and the following ones (then the returned meeting is the new series).
func (s *CalendarService) UpdateEvent(u EventUpdate) (EventDTO, error) {
	cur, err := s.svc.Event(s.ctx, u.ID)
	if err != nil {
		return EventDTO{}, err
	}
	e, err := s.svc.Update(s.ctx, calendar.Edit{ID: u.ID, Version: u.Version, Scope: u.Scope, RecurrenceID: u.RecurrenceID,
		CalendarID: u.Input.CalendarID, Fields: u.Input.fields(cur.EventFields)})
	if err != nil {
		return EventDTO{}, err
	}
	if e.ID != cur.ID || e.Version != cur.Version {
		s.changed()
	}
	return toEventDTO(e), nil
}

// MoveOccurrence applies a drag or resize; the meeting keeps its zone.
func (s *CalendarService) MoveOccurrence(m MoveRequest) (EventDTO, error) {
	start, err := parseInstant("start", m.Start)
	if err != nil {
		return EventDTO{}, err
	}
	end, err := parseInstant("end", m.End)
	if err != nil {
		return EventDTO{}, err
	}
	e, err := s.svc.Move(s.ctx, calendar.Move{ID: m.ID, Version: m.Version, Scope: m.Scope, RecurrenceID: m.RecurrenceID, Start: start, End: end})
	if err != nil {
		return EventDTO{}, err
	}
	s.changed()
	return toEventDTO(e), nil
}

// DeleteEvent deletes a meeting, one occurrence, or it and the following ones.
func (s *CalendarService) DeleteEvent(d EventDelete) error {
	if err := s.svc.Delete(s.ctx, d.ID, d.Version, d.Scope, d.RecurrenceID); err != nil {
		return err
	}
	s.changed()
	return nil
}

// RestoreEvent brings back a deleted meeting.
func (s *CalendarService) RestoreEvent(id string) (EventDTO, error) {
	e, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return EventDTO{}, err
	}
	s.changed()
	return toEventDTO(e), nil
}

// ContactTimeline lists the meetings of a contact's e-mails, newest first.
func (s *CalendarService) ContactTimeline(contactID string) ([]TimelineItemDTO, error) {
	items, err := s.svc.Timeline(s.ctx, contactID)
	if err != nil {
		return nil, err
	}
	out := make([]TimelineItemDTO, len(items))
	for i, it := range items {
		out[i] = toTimelineDTO(it)
	}
	return out, nil
}

// Zones lists IANA zone names for the zone picker.
func (s *CalendarService) Zones() ([]string, error) { return s.svc.Zones(s.ctx) }

// UserZone is the user's zone (the setting, else the machine's).
func (s *CalendarService) UserZone() (string, error) { return s.svc.UserZone(s.ctx) }

// SetUserZone stores the user's zone (zone_unknown for a name that is not one).
func (s *CalendarService) SetUserZone(zone string) error {
	if err := s.svc.SetUserZone(s.ctx, zone); err != nil {
		return err
	}
	if s.zoneChanged != nil {
		if err := s.zoneChanged(s.ctx); err != nil {
			return err
		}
	}
	s.events.Emit(EventCalendarChanged)
	s.events.Emit(EventTasksChanged)
	return nil
}
