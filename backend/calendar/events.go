package calendar

import (
	"context"
	"fmt"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
)

// Edit scopes of a change to a repeating meeting.
const (
	ScopeAll       = "all"
	ScopeThis      = "this"
	ScopeFollowing = "following"
)

// Create validates f and stores it as a new meeting in calendarID (the
// default calendar when "").
func (s *Service) Create(ctx context.Context, calendarID string, f crm.EventFields) (crm.Event, error) {
	now := s.clock.Now()
	e := crm.Event{ID: crm.NewID(now), UID: crm.NewID(now) + "@fieldbook", Version: 1, CreatedAt: now, UpdatedAt: now}
	var err error
	if e.CalendarID, err = s.calendarFor(ctx, calendarID); err != nil {
		return crm.Event{}, err
	}
	f.Overrides, f.RecurrenceID = nil, ""
	if e.EventFields, err = s.normalize(ctx, f, "", ""); err != nil {
		return crm.Event{}, err
	}
	if err := s.setInstants(ctx, &e); err != nil {
		return crm.Event{}, err
	}
	if err := s.store.CreateEvent(ctx, e); err != nil {
		return crm.Event{}, err
	}
	return s.Event(ctx, e.ID)
}

// calendarFor checks that calendar id exists, or picks the default one.
func (s *Service) calendarFor(ctx context.Context, id string) (string, error) {
	return crm.ResolveCalendar(ctx, s.store, id)
}

// normalize validates f and checks its zone; curZone and vtimezones are
// the zone the meeting had and the VTIMEZONE blocks it carries, so a zone
// known only from them stays acceptable while unchanged.
func (s *Service) normalize(ctx context.Context, f crm.EventFields, curZone, vtimezones string) (crm.EventFields, error) {
	f, err := Normalize(f)
	if err != nil {
		return f, err
	}
	if f.AllDay || f.TimeZone == "" {
		return f, nil
	}
	if _, err := s.ianaLocation(f.TimeZone); err == nil {
		return f, nil
	}
	if f.TimeZone == curZone {
		if _, err := s.Location(ctx, f.TimeZone, vtimezones); err == nil {
			return f, nil
		}
	}
	return f, crm.FieldError(crm.CodeZoneUnknown, "timeZone", fmt.Sprintf("%q is not a time zone", f.TimeZone))
}

// setInstants computes the instants the store indexes: the start of the
// earliest occurrence, the end of the first and the end of the last (nil
// for a series without end).
func (s *Service) setInstants(ctx context.Context, e *crm.Event) error {
	loc, err := s.eventLocation(ctx, e.EventFields, e.Zones)
	if err != nil {
		return err
	}
	return recurrence.SetInstants(e, loc)
}

// Edit is a change to a meeting the user saw at Version. For a repeating
// meeting Scope says what it applies to: ScopeAll (the default), ScopeThis
// (only the occurrence RecurrenceID) or ScopeFollowing (it and the later
// ones: the series is split, the rest becomes a new meeting).
type Edit struct {
	ID           string
	Version      int
	Scope        string
	RecurrenceID string
	CalendarID   string // "" keeps the calendar
	Fields       crm.EventFields
}

// Update applies an edit and returns the meeting as stored (for
// ScopeFollowing, the new meeting holding the edited occurrence on).
func (s *Service) Update(ctx context.Context, ed Edit) (crm.Event, error) {
	cur, err := s.live(ctx, ed.ID, ed.Version)
	if err != nil {
		return crm.Event{}, err
	}
	calID := cur.CalendarID
	if ed.CalendarID != "" && ed.CalendarID != cur.CalendarID {
		if calID, err = s.calendarFor(ctx, ed.CalendarID); err != nil {
			return crm.Event{}, err
		}
	}
	scope, err := scopeOf(cur, ed.Scope, ed.RecurrenceID)
	if err != nil {
		return crm.Event{}, err
	}
	f := ed.Fields
	switch scope {
	case ScopeThis:
		f.RRule, f.ExDates, f.RDates, f.Overrides, f.RecurrenceID = "", nil, nil, nil, ""
		if f, err = s.normalize(ctx, f, cur.TimeZone, cur.Zones); err != nil {
			return crm.Event{}, err
		}
		next := cur
		next.CalendarID = calID
		if next.EventFields, err = recurrence.EditThis(cur.EventFields, ed.RecurrenceID, f); err != nil {
			return crm.Event{}, editError(err)
		}
		return s.save(ctx, cur, next)
	case ScopeFollowing:
		f.Overrides, f.RecurrenceID = nil, ""
		if f, err = s.normalize(ctx, f, cur.TimeZone, cur.Zones); err != nil {
			return crm.Event{}, err
		}
		return s.splitFollowing(ctx, cur, calID, ed.RecurrenceID, f)
	default:
		f.Overrides = nil
		if f, err = s.normalize(ctx, f, cur.TimeZone, cur.Zones); err != nil {
			return crm.Event{}, err
		}
		next := cur
		next.CalendarID = calID
		if next.EventFields, err = s.editAll(ctx, cur, f); err != nil {
			return crm.Event{}, err
		}
		return s.save(ctx, cur, next)
	}
}

// editAll applies f to the whole meeting: a series through
// recurrence.EditAll (its exceptions and overrides move with the start), a
// single meeting directly.
func (s *Service) editAll(ctx context.Context, cur crm.Event, f crm.EventFields) (crm.EventFields, error) {
	f.RecurrenceID = cur.RecurrenceID
	if cur.RRule == "" && len(cur.RDates) == 0 && len(cur.Overrides) == 0 {
		return f, nil
	}
	loc, err := s.eventLocation(ctx, f, cur.Zones)
	if err != nil {
		return f, err
	}
	out, err := recurrence.EditAll(cur.EventFields, loc, f)
	if err != nil {
		return f, editError(err)
	}
	return out, nil
}

// splitFollowing ends the series before rid and makes the rest (from rid,
// changed to f) a new meeting with its own UID.
func (s *Service) splitFollowing(ctx context.Context, cur crm.Event, calID, rid string, f crm.EventFields) (crm.Event, error) {
	loc, err := s.eventLocation(ctx, cur.EventFields, cur.Zones)
	if err != nil {
		return crm.Event{}, err
	}
	head, tail, err := recurrence.EditFollowing(cur.EventFields, loc, rid, f)
	if err != nil {
		return crm.Event{}, editError(err)
	}
	next := cur
	next.EventFields = head
	if tail == nil { // rid is the first occurrence: the whole series changes
		next.CalendarID = calID
		return s.save(ctx, cur, next)
	}
	now := s.clock.Now()
	t := crm.Event{ID: crm.NewID(now), CalendarID: calID, UID: crm.NewID(now) + "@fieldbook", EventFields: *tail,
		Zones: cur.Zones, Version: 1, CreatedAt: now, UpdatedAt: now}
	if t.TimeZone == cur.TimeZone {
		t.OriginalTZID = cur.OriginalTZID
	}
	if err := s.setInstants(ctx, &t); err != nil {
		return crm.Event{}, err
	}
	if err := s.setInstants(ctx, &next); err != nil {
		return crm.Event{}, err
	}
	next.Version, next.UpdatedAt = cur.Version+1, now
	if err := s.store.SplitEvent(ctx, next, ChangedFields(cur, next), t); err != nil {
		return crm.Event{}, err
	}
	return s.Event(ctx, t.ID)
}

// save stores next over cur when something changed, with fresh instants.
func (s *Service) save(ctx context.Context, cur, next crm.Event) (crm.Event, error) {
	if next.TimeZone != cur.TimeZone {
		next.OriginalTZID = "" // the TZID as received no longer names this zone
	}
	if err := s.setInstants(ctx, &next); err != nil {
		return crm.Event{}, err
	}
	changed := ChangedFields(cur, next)
	if len(changed) == 0 {
		return s.Event(ctx, cur.ID)
	}
	next.Version, next.UpdatedAt = cur.Version+1, s.clock.Now()
	if err := s.store.UpdateEvent(ctx, next, changed); err != nil {
		return crm.Event{}, err
	}
	return s.Event(ctx, cur.ID)
}

// live reads meeting id and checks it is live and at baseVersion.
func (s *Service) live(ctx context.Context, id string, baseVersion int) (crm.Event, error) {
	cur, err := s.store.Event(ctx, id)
	if err != nil {
		return cur, err
	}
	if cur.DeletedAt != nil {
		return cur, crm.Errorf(crm.CodeNotFound, "meeting %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return cur, crm.Errorf(crm.CodeVersionConflict,
			"meeting %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	return cur, nil
}

// recurring reports whether a meeting has more than its own occurrence.
func recurring(f crm.EventFields) bool {
	return f.RRule != "" || len(f.RDates) > 0
}

// scopeOf checks the scope of an edit: a single meeting is always edited
// whole; this and following need the occurrence.
func scopeOf(e crm.Event, scope, rid string) (string, error) {
	if !recurring(e.EventFields) {
		return ScopeAll, nil
	}
	switch scope {
	case "", ScopeAll:
		return ScopeAll, nil
	case ScopeThis, ScopeFollowing:
		if rid == "" {
			return "", crm.FieldError(crm.CodeInvalidInput, "recurrenceId", "which occurrence? the recurrence id is missing")
		}
		return scope, nil
	default:
		return "", crm.FieldError(crm.CodeInvalidInput, "scope", fmt.Sprintf("%q is not an edit scope (all, this, following)", scope))
	}
}

// editError keeps a *crm.Error from recurrence and makes anything else an
// invalid time.
func editError(err error) error {
	if crm.ErrorCode(err) != crm.CodeInternal {
		return err
	}
	return crm.FieldError(crm.CodeEventInvalidTime, "recurrenceId", err.Error())
}

// Move is a drag or resize of an occurrence to new instants; the meeting
// keeps its zone (the instants become wall clocks in it) and an all-day
// meeting stays on dates (read in the user's zone).
type Move struct {
	ID           string
	Version      int
	Scope        string
	RecurrenceID string
	Start, End   time.Time
}

// Move applies a drag or resize. With ScopeAll on a series the whole
// series shifts by the occurrence's move and takes its new length; with
// ScopeFollowing the occurrence and later ones do; with ScopeThis only the
// occurrence moves.
func (s *Service) Move(ctx context.Context, m Move) (crm.Event, error) {
	cur, err := s.live(ctx, m.ID, m.Version)
	if err != nil {
		return crm.Event{}, err
	}
	if m.End.Before(m.Start) {
		return crm.Event{}, crm.FieldError(crm.CodeEventInvalidTime, "end", "the meeting ends before it starts")
	}
	scope, err := scopeOf(cur, m.Scope, m.RecurrenceID)
	if err != nil {
		return crm.Event{}, err
	}
	occ, err := occurrenceFields(cur.EventFields, scope, m.RecurrenceID)
	if err != nil {
		return crm.Event{}, err
	}
	var loc *time.Location
	if occ.AllDay {
		loc, err = s.UserLocation(ctx)
	} else {
		loc, err = s.Location(ctx, occ.TimeZone, cur.Zones)
	}
	if err != nil {
		return crm.Event{}, err
	}
	newStart, newEnd := wallOf(m.Start, loc), wallOf(m.End, loc)
	if occ.AllDay {
		newStart, newEnd = dateOnly(newStart), ceilDate(newEnd)
		if !newEnd.After(newStart) {
			newEnd = newStart.AddDate(0, 0, 1)
		}
	}
	ed := Edit{ID: cur.ID, Version: cur.Version, Scope: scope, RecurrenceID: m.RecurrenceID}
	switch scope {
	case ScopeThis, ScopeFollowing:
		occ.Start, occ.End = formatLocal(newStart, occ.AllDay), formatLocal(newEnd, occ.AllDay)
		ed.Fields = occ
		if scope == ScopeFollowing {
			ed.Fields = withTimes(cur.EventFields, occ.Start, occ.End)
		}
	default:
		f := cur.EventFields
		if recurring(cur.EventFields) && m.RecurrenceID != "" {
			// Shift the series by how far this occurrence moved.
			oldOcc, _, err := parseLocal(occ.Start)
			if err != nil {
				return crm.Event{}, crm.FieldError(crm.CodeEventInvalidTime, "start", err.Error())
			}
			masterStart, _, err := parseLocal(cur.Start)
			if err != nil {
				return crm.Event{}, crm.FieldError(crm.CodeEventInvalidTime, "start", err.Error())
			}
			start := masterStart.Add(newStart.Sub(oldOcc))
			end := start.Add(newEnd.Sub(newStart))
			if occ.AllDay {
				start, end = dateOnly(start), dateOnly(end)
			}
			f = withTimes(f, formatLocal(start, occ.AllDay), formatLocal(end, occ.AllDay))
		} else {
			f = withTimes(f, formatLocal(newStart, occ.AllDay), formatLocal(newEnd, occ.AllDay))
		}
		ed.Fields = f
	}
	return s.Update(ctx, ed)
}

func withTimes(f crm.EventFields, start, end string) crm.EventFields {
	f.Start, f.End = start, end
	return f
}

// wallOf is the wall clock of instant t in loc, as a time in UTC.
func wallOf(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
}

// ceilDate is the date of w, or the next one when w is past midnight.
func ceilDate(w time.Time) time.Time {
	d := dateOnly(w)
	if w.After(d) {
		return d.AddDate(0, 0, 1)
	}
	return d
}

// occurrenceFields are the fields of the occurrence rid as shown now: its
// override, or the master's fields at the occurrence's original time. For
// a whole-meeting scope without rid they are the master's.
func occurrenceFields(master crm.EventFields, scope, rid string) (crm.EventFields, error) {
	if rid == "" || !recurring(master) {
		return master, nil
	}
	for _, o := range master.Overrides {
		if o.RecurrenceID == rid {
			f := o.Fields
			if f.Start == "" {
				break
			}
			return f, nil
		}
	}
	start, _, err := parseLocal(master.Start)
	if err != nil {
		return master, crm.FieldError(crm.CodeEventInvalidTime, "start", err.Error())
	}
	end, _, err := parseLocal(master.End)
	if err != nil {
		return master, crm.FieldError(crm.CodeEventInvalidTime, "end", err.Error())
	}
	at, _, err := parseLocal(rid)
	if err != nil {
		return master, crm.FieldError(crm.CodeInvalidInput, "recurrenceId", fmt.Sprintf("%q is not an occurrence", rid))
	}
	if master.AllDay {
		at = dateOnly(at)
	}
	f := master
	f.RRule, f.ExDates, f.RDates, f.Overrides, f.RecurrenceID = "", nil, nil, nil, ""
	f.Start, f.End = formatLocal(at, master.AllDay), formatLocal(at.Add(end.Sub(start)), master.AllDay)
	return f, nil
}

// Delete removes a meeting the user saw at version: the whole meeting
// (a tombstone, ScopeAll or a single meeting), one occurrence (ScopeThis:
// an exception) or it and the later ones (ScopeFollowing: the series ends
// before it; when nothing is left the meeting is deleted).
func (s *Service) Delete(ctx context.Context, id string, version int, scope, rid string) error {
	cur, err := s.live(ctx, id, version)
	if err != nil {
		return err
	}
	if scope, err = scopeOf(cur, scope, rid); err != nil {
		return err
	}
	next := cur
	switch scope {
	case ScopeThis:
		if next.EventFields, err = recurrence.DeleteThis(cur.EventFields, rid); err != nil {
			return editError(err)
		}
	case ScopeFollowing:
		loc, err := s.eventLocation(ctx, cur.EventFields, cur.Zones)
		if err != nil {
			return err
		}
		f, remaining, err := recurrence.DeleteFollowing(cur.EventFields, loc, rid)
		if err != nil {
			return editError(err)
		}
		if !remaining {
			_, err := s.store.DeleteEvent(ctx, id, version)
			return err
		}
		next.EventFields = f
	default:
		_, err := s.store.DeleteEvent(ctx, id, version)
		return err
	}
	_, err = s.save(ctx, cur, next)
	return err
}

// Restore brings back a deleted meeting.
func (s *Service) Restore(ctx context.Context, id string) (crm.Event, error) {
	if _, err := s.store.RestoreEvent(ctx, id); err != nil {
		return crm.Event{}, err
	}
	return s.Event(ctx, id)
}

// Event returns one meeting (live or deleted) with its attendees and
// organizer linked to contacts by e-mail.
func (s *Service) Event(ctx context.Context, id string) (crm.Event, error) {
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return e, err
	}
	if err := s.linkContacts(ctx, &e.EventFields); err != nil {
		return e, err
	}
	return e, nil
}

// linkContacts fills the ContactID of every attendee and the organizer
// (overrides included) whose e-mail belongs to a contact.
func (s *Service) linkContacts(ctx context.Context, f *crm.EventFields) error {
	var emails []string
	collect := func(f *crm.EventFields) {
		emails = append(emails, f.Organizer.Email)
		for _, a := range f.Attendees {
			emails = append(emails, a.Email)
		}
	}
	collect(f)
	for i := range f.Overrides {
		collect(&f.Overrides[i].Fields)
	}
	ids, err := s.store.ContactsForEmails(ctx, emails)
	if err != nil {
		return err
	}
	fill := func(f *crm.EventFields) {
		f.Organizer.ContactID = ids[crm.EmailKey(f.Organizer.Email)]
		if len(f.Attendees) > 0 {
			as := make([]crm.Attendee, len(f.Attendees))
			for i, a := range f.Attendees {
				a.ContactID = ids[crm.EmailKey(a.Email)]
				as[i] = a
			}
			f.Attendees = as
		}
	}
	fill(f)
	if len(f.Overrides) > 0 {
		os := make([]crm.Occurrence, len(f.Overrides))
		for i, o := range f.Overrides {
			fill(&o.Fields)
			os[i] = o
		}
		f.Overrides = os
	}
	return nil
}
