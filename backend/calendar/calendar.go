// Package calendar is the use-case layer for calendars and meetings: it
// validates meetings, computes the instants the store indexes, expands
// series into occurrences in each meeting's own zone, applies edits to one
// occurrence, to it and the following ones or to the whole series (and
// drags), links attendees to contacts by e-mail, builds a contact's meeting
// timeline, and keeps the user's time zone.
package calendar

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"fieldbook/backend/crm"
)

// Store is what this package needs from persistence.
type Store interface {
	Calendars(ctx context.Context) ([]crm.Calendar, error)
	Calendar(ctx context.Context, id string) (crm.Calendar, error)
	CreateCalendar(ctx context.Context, c crm.Calendar) error
	UpdateCalendar(ctx context.Context, c crm.Calendar) error
	DeleteCalendar(ctx context.Context, id string) error
	EnsureDefaultCalendar(ctx context.Context, name, color string) (crm.Calendar, error)
	CalendarAccountNames(ctx context.Context) (map[string]string, error)

	CreateEvent(ctx context.Context, e crm.Event) error
	UpdateEvent(ctx context.Context, e crm.Event, changed []string) error
	SplitEvent(ctx context.Context, head crm.Event, changed []string, tail crm.Event) error
	DeleteEvent(ctx context.Context, id string, baseVersion int) (crm.Event, error)
	RestoreEvent(ctx context.Context, id string) (crm.Event, error)
	Event(ctx context.Context, id string) (crm.Event, error)
	EventsInRange(ctx context.Context, from, to time.Time, calendarIDs []string) ([]crm.Event, error)
	EventsForEmails(ctx context.Context, emails []string) ([]crm.Event, error)
	ContactsForEmails(ctx context.Context, emails []string) (map[string]string, error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)

	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

// ZoneResolver resolves a zone that is not an IANA name (a Windows name,
// a custom TZID) from the VTIMEZONE blocks the meeting carries (raw text).
type ZoneResolver func(tzid, vtimezones string) (*time.Location, error)

// Default calendar made when a meeting is created before any calendar exists.
const (
	DefaultCalendarName  = crm.DefaultCalendarName
	DefaultCalendarColor = crm.DefaultCalendarColor
)

// Service manages calendars and meetings.
type Service struct {
	store   Store
	clock   crm.Clock
	sys     System
	resolve ZoneResolver
	log     *slog.Logger
	locs    locations

	zonesOnce sync.Once
	zoneNames []string
}

// Option configures New.
type Option func(*Service)

// WithZoneResolver resolves zones that are not IANA names (tzmap over the
// meeting's VTIMEZONE blocks). Without it such a zone is crm.CodeZoneUnknown.
func WithZoneResolver(r ZoneResolver) Option { return func(s *Service) { s.resolve = r } }

// WithLogger sets where skipped meetings (unreadable series) are reported.
func WithLogger(l *slog.Logger) Option { return func(s *Service) { s.log = l } }

// New returns a Service over st, stamping changes with clock and reading
// the machine's zone and zone list through sys.
func New(st Store, clock crm.Clock, sys System, opts ...Option) *Service {
	s := &Service{store: st, clock: clock, sys: sys, log: slog.Default()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// CalendarInfo is a calendar with the name of the account it syncs with
// ("" for a local calendar).
type CalendarInfo struct {
	crm.Calendar
	AccountName string
}

// Calendars lists the calendars, making a default one when there is none.
func (s *Service) Calendars(ctx context.Context) ([]CalendarInfo, error) {
	cals, err := s.store.Calendars(ctx)
	if err != nil {
		return nil, err
	}
	if len(cals) == 0 || !cals[0].Default { // the default is listed first
		if _, err := s.store.EnsureDefaultCalendar(ctx, DefaultCalendarName, DefaultCalendarColor); err != nil {
			return nil, err
		}
		if cals, err = s.store.Calendars(ctx); err != nil {
			return nil, err
		}
	}
	accounts, err := s.store.CalendarAccountNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]CalendarInfo, len(cals))
	for i, c := range cals {
		out[i] = CalendarInfo{Calendar: c, AccountName: accounts[c.ID]}
	}
	return out, nil
}

// CreateCalendar adds a local calendar.
func (s *Service) CreateCalendar(ctx context.Context, name, color string) (crm.Calendar, error) {
	name, color, err := normalizeCalendar(name, color)
	if err != nil {
		return crm.Calendar{}, err
	}
	if _, err := s.store.EnsureDefaultCalendar(ctx, DefaultCalendarName, DefaultCalendarColor); err != nil {
		return crm.Calendar{}, err
	}
	now := s.clock.Now()
	c := crm.Calendar{ID: crm.NewID(now), Name: name, Color: color, CreatedAt: now}
	if err := s.store.CreateCalendar(ctx, c); err != nil {
		return crm.Calendar{}, err
	}
	return s.store.Calendar(ctx, c.ID)
}

// UpdateCalendar renames and recolours calendar id.
func (s *Service) UpdateCalendar(ctx context.Context, id, name, color string) (crm.Calendar, error) {
	name, color, err := normalizeCalendar(name, color)
	if err != nil {
		return crm.Calendar{}, err
	}
	c, err := s.store.Calendar(ctx, id)
	if err != nil {
		return c, err
	}
	c.Name, c.Color = name, color
	if err := s.store.UpdateCalendar(ctx, c); err != nil {
		return c, err
	}
	return s.store.Calendar(ctx, id)
}

// SetDefaultCalendar makes calendar id the one new meetings and tasks go to.
func (s *Service) SetDefaultCalendar(ctx context.Context, id string) error {
	c, err := s.store.Calendar(ctx, id)
	if err != nil {
		return err
	}
	c.Default = true
	return s.store.UpdateCalendar(ctx, c)
}

// DeleteCalendar deletes an empty calendar (crm.CodeCalendarNotEmpty while
// it holds meetings or tasks).
func (s *Service) DeleteCalendar(ctx context.Context, id string) error {
	return s.store.DeleteCalendar(ctx, id)
}

func normalizeCalendar(name, color string) (string, string, error) {
	name = crm.CleanLine(name)
	if name == "" {
		return "", "", crm.FieldError(crm.CodeInvalidInput, "name", "a calendar needs a name")
	}
	if len([]rune(name)) > maxShort {
		return "", "", crm.FieldError(crm.CodeInvalidInput, "name", fmt.Sprintf("the name is longer than %d characters", maxShort))
	}
	color = strings.ToUpper(strings.TrimSpace(color))
	if color == "" {
		color = DefaultCalendarColor
	}
	if !validColor(color) {
		return "", "", crm.FieldError(crm.CodeInvalidInput, "color", fmt.Sprintf("%q is not a colour like #3B82F6", color))
	}
	return name, color, nil
}

func validColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// UserZone is the user's zone: the setting, else the machine's zone.
func (s *Service) UserZone(ctx context.Context) (string, error) {
	v, ok, err := s.store.Setting(ctx, SettingUserZone)
	if err != nil {
		return "", err
	}
	if ok && v != "" {
		if _, err := s.locs.load(v); err == nil {
			return v, nil
		}
	}
	return DetectZone(s.sys), nil
}

// SetUserZone stores the user's zone (an IANA name; crm.CodeZoneUnknown
// for a name Go cannot load).
func (s *Service) SetUserZone(ctx context.Context, zone string) error {
	zone = strings.TrimSpace(zone)
	if _, err := s.ianaLocation(zone); err != nil {
		return err
	}
	return s.store.SetSetting(ctx, SettingUserZone, zone)
}

// UserLocation is the location of the user's zone.
func (s *Service) UserLocation(ctx context.Context) (*time.Location, error) {
	z, err := s.UserZone(ctx)
	if err != nil {
		return nil, err
	}
	loc, err := s.locs.load(z)
	if err != nil {
		return time.UTC, nil // DetectZone only returns loadable names; UTC always loads
	}
	return loc, nil
}

// Zones lists IANA zone names for the zone picker, the user's included.
func (s *Service) Zones(ctx context.Context) ([]string, error) {
	s.zonesOnce.Do(func() { s.zoneNames = ZoneNames(s.sys) })
	out := s.zoneNames
	if z, err := s.UserZone(ctx); err == nil && !slices.Contains(out, z) {
		out = append(append([]string{}, out...), z)
		slices.Sort(out)
	}
	return out, nil
}

// ianaLocation loads an IANA name; "", "Local" and unknown names are
// crm.CodeZoneUnknown.
func (s *Service) ianaLocation(name string) (*time.Location, error) {
	if name == "" || name == "Local" || !validZoneName(name) {
		return nil, crm.FieldError(crm.CodeZoneUnknown, "timeZone", fmt.Sprintf("%q is not a time zone", name))
	}
	loc, err := s.locs.load(name)
	if err != nil {
		return nil, crm.FieldError(crm.CodeZoneUnknown, "timeZone", fmt.Sprintf("%q is not a time zone", name))
	}
	return loc, nil
}

// Location resolves a meeting's or task's zone: "" (floating) is the
// user's zone, an IANA name its location, anything else goes to the zone
// resolver with the VTIMEZONE blocks the object carries.
func (s *Service) Location(ctx context.Context, tz, vtimezones string) (*time.Location, error) {
	if tz == "" {
		return s.UserLocation(ctx)
	}
	if loc, err := s.ianaLocation(tz); err == nil {
		return loc, nil
	}
	if s.resolve != nil {
		if loc, err := s.resolve(tz, vtimezones); err == nil && loc != nil {
			return loc, nil
		}
	}
	return nil, crm.FieldError(crm.CodeZoneUnknown, "timeZone", fmt.Sprintf("%q is not a time zone", tz))
}

// eventLocation is the location a meeting's times are read in: the user's
// zone for all-day and floating meetings.
func (s *Service) eventLocation(ctx context.Context, f crm.EventFields, vtimezones string) (*time.Location, error) {
	if f.AllDay {
		return s.UserLocation(ctx)
	}
	return s.Location(ctx, f.TimeZone, vtimezones)
}
