package eventcard

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/tzmap"
)

// SkipPrefix starts the Reason of a problem that made a component be
// skipped (an unreadable meeting, occurrence or task, or a component that
// is neither); other problems are repairs or dropped values.
const SkipPrefix = "skipped: "

// Skipped reports whether p is about a skipped component.
func Skipped(p Problem) bool { return strings.HasPrefix(p.Reason, SkipPrefix) }

// ErrNoObject is returned by FromObject for input without a readable
// VEVENT or VTODO.
var ErrNoObject = errors.New("eventcard: no event or task in the object")

// Read reads every meeting series, lone override and task of an iCalendar
// file. Unreadable components are skipped and reported; the error is
// returned only when the input holds no calendar at all.
func Read(data []byte) ([]Object, []Problem, error) { return Reader{}.Read(data) }

// FromObject reads the one object of a CalDAV resource. A resource holding
// more than one UID is read as its first object, and the rest reported.
func FromObject(data []byte) (Object, []Problem, error) { return Reader{}.FromObject(data) }

// FromCalendar reads the objects of a parsed calendar. Components without
// a UID get a stable one (written into the component).
func FromCalendar(cal *ical.Calendar) ([]Object, []Problem) { return Reader{}.FromCalendar(cal) }

// Reader reads objects as Read, FromObject and FromCalendar do, compiling
// VTIMEZONEs through Cache when it is set: a calendar synced from Exchange
// repeats the same few VTIMEZONEs in every object, and compiling one is
// most of the work of reading an object. The zero Reader has no cache.
type Reader struct {
	Cache *tzmap.Cache
}

// Read is Read with the reader's cache.
func (rd Reader) Read(data []byte) ([]Object, []Problem, error) {
	cals, probs, err := ical.ReadAll(data)
	if err != nil {
		return nil, probs, fmt.Errorf("eventcard: %w", err)
	}
	var out []Object
	for _, cal := range cals {
		objs, p := rd.FromCalendar(cal)
		out = append(out, objs...)
		probs = append(probs, p...)
	}
	return out, probs, nil
}

// FromObject is FromObject with the reader's cache.
func (rd Reader) FromObject(data []byte) (Object, []Problem, error) {
	objs, probs, err := rd.Read(data)
	if err != nil {
		return Object{}, probs, err
	}
	if len(objs) == 0 {
		return Object{}, probs, ErrNoObject
	}
	for _, o := range objs[1:] {
		probs = append(probs, Problem{Component: "V" + strings.ToUpper(o.Kind),
			Reason: fmt.Sprintf("another object (UID %q) in the same resource was ignored", o.UID)})
	}
	return objs[0], probs, nil
}

// FromCalendar is FromCalendar with the reader's cache.
func (rd Reader) FromCalendar(cal *ical.Calendar) ([]Object, []Problem) {
	r, groups := newReader(cal, rd.Cache)
	var out []Object
	for _, pa := range r.parseGroups(groups) {
		out = append(out, pa.obj)
	}
	return out, r.probs
}

// reader reads the objects of one calendar.
type reader struct {
	cal   *ical.Calendar
	zones *zoneSet
	// floating is the calendar's X-WR-TIMEZONE, used for floating values.
	floatName string
	floatLoc  *time.Location
	probs     []Problem
}

// problem records something skipped or repaired.
func (r *reader) problem(c *ical.Component, prop, format string, args ...any) {
	p := Problem{Property: prop, Reason: fmt.Sprintf(format, args...)}
	if c != nil {
		p.Line, p.Component = c.Line, c.Name
		if pr := c.Prop(prop); pr != nil && pr.Line > 0 {
			p.Line = pr.Line
		}
	}
	r.probs = append(r.probs, p)
}

// group is the components sharing a UID.
type group struct {
	kind  string
	uid   string
	comps []*ical.Component
}

// newReader prepares the reading of cal and groups its components by UID.
func newReader(cal *ical.Calendar, cache *tzmap.Cache) (*reader, []*group) {
	r := &reader{cal: cal, zones: newZoneSet(cal.Timezones(), cache)}
	if tz := strings.TrimSpace(cal.Text("X-WR-TIMEZONE")); tz != "" {
		if loc, err := time.LoadLocation(tz); err == nil {
			r.floatName, r.floatLoc = tz, loc
		}
	}
	var groups []*group
	index := map[string]*group{}
	for _, c := range cal.Components {
		var kind string
		switch c.Name {
		case "VEVENT":
			kind = KindEvent
		case "VTODO":
			kind = KindTask
		case "VTIMEZONE":
			continue
		default:
			r.problem(c, "", SkipPrefix+"%s is not a meeting or task", c.Name)
			continue
		}
		uid := c.Text("UID")
		if uid == "" {
			sum := sha256.Sum256(ical.WriteComponent(c))
			uid = "fieldbook-" + hex.EncodeToString(sum[:16])
			c.Set(ical.NewProperty("UID", uid))
			r.problem(c, "UID", "no UID: %s was made from the component's text", uid)
		}
		k := kind + "\x00" + uid
		g := index[k]
		if g == nil {
			g = &group{kind: kind, uid: uid}
			index[k] = g
			groups = append(groups, g)
		}
		g.comps = append(g.comps, c)
	}
	return r, groups
}

// parsed is an object with the components it was read from.
type parsed struct {
	obj    Object
	master *ical.Component // the master VEVENT, lone override or VTODO
	mi     info
	// overrides maps occurrence keys to their VEVENTs.
	overrides map[string]*ical.Component
	// keep lists the object's components in file order.
	keep []*ical.Component
}

// parseGroups reads each group into an object.
func (r *reader) parseGroups(groups []*group) []*parsed {
	var out []*parsed
	for _, g := range groups {
		var pa *parsed
		if g.kind == KindEvent {
			pa = r.eventGroup(g)
		} else {
			pa = r.taskGroup(g)
		}
		if pa != nil {
			pa.obj.Zones, pa.obj.Data = r.standalone(pa.keep)
			out = append(out, pa)
		}
	}
	return out
}

// when is a parsed DTSTART, DTEND, DUE or RECURRENCE-ID.
type when struct {
	value string // crm local form
	date  bool
	tz    string         // the TimeZone value
	loc   *time.Location // nil for dates and floating values
	tzid  string         // TZID text as received
	dt    ical.DateTime
}

// when reads a date or date-time property; ok is false when it is absent.
func (r *reader) when(c *ical.Component, name string) (w when, ok bool, err error) {
	p := c.Prop(name)
	if p == nil {
		return when{}, false, nil
	}
	dt, err := ical.ParseDateTime(p, r.zones)
	if err != nil {
		return when{}, false, err
	}
	w = when{value: dt.Local, date: dt.Date, tzid: dt.TZID, dt: dt}
	warning := dt.Warning
	switch {
	case dt.Date:
	case dt.UTC:
		w.tz, w.loc = "UTC", time.UTC
	case dt.Zone != nil:
		wall, _, _ := parseLocal(dt.Local)
		z := r.zones.resolveAt(dt.TZID, wall)
		w.tz, w.loc = z.name, dt.Zone
		// A Windows or Outlook name mapped to its IANA zone is routine;
		// only a VTIMEZONE that governs over the mapping is worth a word.
		warning = z.conflict
	case r.floatLoc != nil:
		w.tz, w.loc = r.floatName, r.floatLoc
	}
	if warning != "" {
		r.problem(c, name, "%s", warning)
	}
	return w, true, nil
}

// endOf reads the end of a component that starts at start: endName
// (DTEND, DUE), else DURATION, else the default length (one day for a
// date, none for a date-time). The value is in start's zone and form.
func (r *reader) endOf(c *ical.Component, start when, endName string) string {
	st, _, _ := parseLocal(start.value)
	e, ok, err := r.when(c, endName)
	if err != nil {
		r.problem(c, endName, "unreadable %s ignored: %v", endName, err)
	}
	var end time.Time
	switch {
	case ok && start.date:
		end, _, _ = parseLocal(e.value)
		if !e.date {
			r.problem(c, endName, "a date-time %s of an all-day start was read as its date", endName)
			end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
		}
	case ok && e.date:
		r.problem(c, endName, "a date %s of a timed start was ignored", endName)
		end = st
	case ok && e.loc == nil && start.loc != nil:
		r.problem(c, endName, "a floating %s was read in the start's zone", endName)
		end, _, _ = parseLocal(e.value)
	case ok && e.loc != nil && start.loc != nil && e.tz != start.tz:
		end = wallIn(e.dt.Instant, start.loc)
	case ok:
		end, _, _ = parseLocal(e.value)
	default:
		end = r.durationEnd(c, st, start.date)
	}
	if end.Before(st) || (start.date && !end.After(st)) {
		if ok {
			r.problem(c, endName, "%s before the start was ignored", endName)
		}
		end = st
		if start.date {
			end = st.AddDate(0, 0, 1)
		}
	}
	return formatLocal(end, start.date)
}

// durationEnd is start plus the component's DURATION (a day for a date
// without one).
func (r *reader) durationEnd(c *ical.Component, st time.Time, date bool) time.Time {
	if p := c.Prop("DURATION"); p != nil {
		d, err := ical.ParseDuration(p.Value)
		if err == nil && d >= 0 {
			if date {
				days := int(d / (24 * time.Hour))
				if days < 1 {
					days = 1
				}
				return st.AddDate(0, 0, days)
			}
			return st.Add(d)
		}
		r.problem(c, "DURATION", "unreadable DURATION %q ignored", p.Value)
	}
	if date {
		return st.AddDate(0, 0, 1)
	}
	return st
}

// info is what an event component tells besides its fields.
type info struct {
	start when
	seq   int
	// dayZone is the zone an all-day series' UTC values (Exchange's UNTIL,
	// EXDATE) are read in: the zone of its overrides' RECURRENCE-IDs, the
	// calendar's only VTIMEZONE or X-WR-TIMEZONE; nil when unknown (they
	// are then rounded to the nearest midnight).
	dayZone *time.Location
}

// override reads an occurrence (a VEVENT with a RECURRENCE-ID) of the
// series uid and its RECURRENCE-ID; when either does not read, it reports
// the occurrence as skipped and returns false.
func (r *reader) override(c *ical.Component, uid string) (crm.EventFields, info, when, bool) {
	f, in, err := r.event(c)
	if err != nil {
		r.problem(c, "DTSTART", SkipPrefix+"occurrence of %q: %v", uid, err)
		return f, in, when{}, false
	}
	rid, _, err := r.when(c, "RECURRENCE-ID")
	if err != nil {
		r.problem(c, "RECURRENCE-ID", SkipPrefix+"occurrence of %q: %v", uid, err)
		return f, in, when{}, false
	}
	return f, in, rid, true
}

// event reads the fields of one VEVENT (master or override); series parts
// (EXDATE, RDATE keys) are read by the caller, who knows the master.
func (r *reader) event(c *ical.Component) (crm.EventFields, info, error) {
	start, ok, err := r.when(c, "DTSTART")
	if err != nil {
		return crm.EventFields{}, info{}, fmt.Errorf("DTSTART: %w", err)
	}
	if !ok {
		return crm.EventFields{}, info{}, errors.New("no DTSTART")
	}
	f := crm.EventFields{
		Title:    c.Text("SUMMARY"),
		Location: c.Text("LOCATION"),
		Notes:    c.Text("DESCRIPTION"),
		Start:    start.value,
		End:      r.endOf(c, start, "DTEND"),
		AllDay:   start.date,
		TimeZone: start.tz,
	}
	if rr := c.All("RRULE"); len(rr) > 0 {
		f.RRule = strings.TrimSpace(rr[0].Value)
		if len(rr) > 1 {
			r.problem(c, "RRULE", "only the first of %d RRULEs is used", len(rr))
		}
		if err := recurrence.Validate(f.RRule); err != nil {
			r.problem(c, "RRULE", "%v", err)
		}
	}
	f.Attendees = attendees(c)
	if p := c.Prop("ORGANIZER"); p != nil {
		f.Organizer = attendee(p)
		f.Organizer.Role, f.Organizer.Status = "", ""
	}
	f.Reminders = reminders(c, alarmMode{})
	f.Busy = busyOf(c)
	class := strings.ToUpper(strings.TrimSpace(c.Text("CLASS")))
	f.Private = class == "PRIVATE" || class == "CONFIDENTIAL"
	f.Categories = categories(c)
	switch s := strings.ToUpper(strings.TrimSpace(c.Text("STATUS"))); s {
	case "TENTATIVE", "CANCELLED":
		f.Status = strings.ToLower(s)
	}
	return f, info{start: start, seq: sequence(c)}, nil
}

// sequence is the component's SEQUENCE, 0 when absent or unreadable.
func sequence(c *ical.Component) int {
	n, _ := strconv.Atoi(strings.TrimSpace(c.Text("SEQUENCE")))
	return n
}

// eventGroup reads a meeting series: the master and its overrides.
func (r *reader) eventGroup(g *group) *parsed {
	pa := &parsed{overrides: map[string]*ical.Component{}}
	var mf crm.EventFields
	var overrides []*ical.Component
	for _, c := range g.comps {
		if c.Prop("RECURRENCE-ID") != nil {
			overrides = append(overrides, c)
			continue
		}
		f, in, err := r.event(c)
		if err != nil {
			r.problem(c, "DTSTART", SkipPrefix+"meeting %q: %v", g.uid, err)
			continue
		}
		if pa.master != nil {
			r.problem(c, "", "a second master of %q was dropped", g.uid)
			continue
		}
		pa.master, mf, pa.mi = c, f, in
	}
	if pa.master == nil {
		// Overrides without their series: the first readable one is kept
		// as a single meeting that remembers its RECURRENCE-ID; others stay
		// in the object as they are.
		for _, c := range overrides {
			f, in, rid, ok := r.override(c, g.uid)
			if !ok {
				continue
			}
			pa.keep = append(pa.keep, c)
			if pa.master != nil {
				r.problem(c, "RECURRENCE-ID", "another occurrence of %q without its series is kept as it is", g.uid)
				continue
			}
			f.RecurrenceID = rid.value
			if !f.AllDay && !rid.date && rid.loc != nil && in.start.loc != nil && rid.tz != in.start.tz {
				f.RecurrenceID = formatLocal(wallIn(rid.dt.Instant, in.start.loc), false)
			}
			pa.master, mf, pa.mi = c, f, in
		}
		if pa.master == nil {
			return nil
		}
	} else {
		if mf.AllDay {
			pa.mi.dayZone = r.dayZone(overrides)
			mf.RRule = untilAsDate(mf.RRule, pa.mi.dayZone)
		}
		mf.ExDates = r.keys(pa.master, "EXDATE", mf, pa.mi)
		mf.RDates = r.keys(pa.master, "RDATE", mf, pa.mi)
		chosen := map[string]int{} // key → index in mf.Overrides
		for _, c := range overrides {
			f, in, rid, ok := r.override(c, g.uid)
			if !ok {
				continue
			}
			key := r.key(rid, mf, pa.mi)
			occ := crm.Occurrence{RecurrenceID: key, Fields: f}
			if i, dup := chosen[key]; dup {
				if sequence(pa.overrides[key]) > in.seq {
					r.problem(c, "RECURRENCE-ID", "a duplicate occurrence %s of %q with a lower SEQUENCE was dropped", key, g.uid)
					continue
				}
				r.problem(pa.overrides[key], "RECURRENCE-ID", "a duplicate occurrence %s of %q with a lower SEQUENCE was dropped", key, g.uid)
				mf.Overrides[i], pa.overrides[key] = occ, c
				continue
			}
			chosen[key] = len(mf.Overrides)
			mf.Overrides = append(mf.Overrides, occ)
			pa.overrides[key] = c
		}
		kept := map[*ical.Component]bool{pa.master: true}
		for _, c := range pa.overrides {
			kept[c] = true
		}
		for _, c := range g.comps {
			if kept[c] {
				pa.keep = append(pa.keep, c)
			}
		}
	}
	pa.obj = Object{Kind: KindEvent, UID: g.uid, Event: Canonical(mf), Sequence: pa.mi.seq,
		OriginalTZID: pa.mi.start.tzid, Location: pa.mi.start.loc, Line: pa.master.Line}
	return pa
}

// key converts a RECURRENCE-ID, EXDATE or RDATE value into an occurrence
// key of the master mf.
func (r *reader) key(w when, mf crm.EventFields, mi info) string {
	local, _, _ := parseLocal(w.value)
	if mf.AllDay && w.dt.UTC && !w.date {
		local = utcDate(w.dt.Instant, mi.dayZone)
	}
	loc := w.loc
	if w.dt.Floating || w.date {
		loc = nil
	}
	return recurrence.Key(local, w.date, loc, mf, mi.start.loc)
}

// dayZone finds the zone of an all-day series (see info.dayZone).
func (r *reader) dayZone(overrides []*ical.Component) *time.Location {
	for _, c := range overrides {
		if p := c.Prop("RECURRENCE-ID"); p != nil {
			if tz, ok := p.GetParam("TZID"); ok {
				if loc := r.zones.resolve(strings.Join(tz.Values, ",")).loc; loc != nil {
					return loc
				}
			}
		}
	}
	if vt := r.cal.Timezones(); len(vt) == 1 {
		if loc := r.zones.resolve(vt[0].Text("TZID")).loc; loc != nil {
			return loc
		}
	}
	return r.floatLoc
}

// utcDate is the local date (as a UTC midnight) a UTC value of an all-day
// series stands for: its date in zone, or without a zone the nearest
// midnight (Exchange writes local midnights in UTC).
func utcDate(instant time.Time, zone *time.Location) time.Time {
	var t time.Time
	if zone != nil {
		t = instant.In(zone)
	} else {
		t = instant.UTC().Add(12 * time.Hour)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// untilAsDate rewrites a UTC UNTIL of an all-day series' RRULE as the
// DATE it stands for (RFC 5545 wants a DATE there), so the series ends on
// the same day in every user's zone; other rules are returned unchanged.
func untilAsDate(rrule string, zone *time.Location) string {
	parts := strings.Split(rrule, ";")
	for i, p := range parts {
		name, value, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "UNTIL") {
			continue
		}
		t, err := time.Parse("20060102T150405Z", strings.ToUpper(strings.TrimSpace(value)))
		if err != nil {
			return rrule
		}
		parts[i] = name + "=" + utcDate(t, zone).Format("20060102")
		return strings.Join(parts, ";")
	}
	return rrule
}

// keys reads every value of the EXDATE or RDATE lines of the master as
// occurrence keys.
func (r *reader) keys(c *ical.Component, name string, mf crm.EventFields, mi info) []string {
	var out []string
	for _, p := range c.All(name) {
		dts, err := ical.ParseDateTimes(p, r.zones)
		if err != nil {
			r.problem(c, name, "unreadable %s values skipped: %v", name, err)
		}
		for _, dt := range dts {
			w := when{value: dt.Local, date: dt.Date, dt: dt, loc: dt.Zone}
			out = append(out, r.key(w, mf, mi))
		}
	}
	return out
}

// taskGroup reads a task; occurrences of a recurring task (VTODO with
// RECURRENCE-ID) are kept in Data but not modelled.
func (r *reader) taskGroup(g *group) *parsed {
	pa := &parsed{}
	var tf crm.TaskFields
	var tw when
	// The task is the first readable VTODO without RECURRENCE-ID (else the
	// first readable one with it).
	for _, withRID := range []bool{false, true} {
		for _, c := range g.comps {
			if pa.master != nil || (c.Prop("RECURRENCE-ID") != nil) != withRID {
				continue
			}
			f, w, err := r.task(c)
			if err != nil {
				r.problem(c, "DUE", SkipPrefix+"task %q: %v", g.uid, err)
				continue
			}
			pa.master, tf, tw = c, f, w
		}
	}
	if pa.master == nil {
		return nil
	}
	for _, c := range g.comps {
		switch {
		case c == pa.master || c.Prop("RECURRENCE-ID") != nil:
			pa.keep = append(pa.keep, c)
		default:
			r.problem(c, "", "a second task with UID %q was dropped", g.uid)
		}
	}
	pa.mi = info{start: tw, seq: sequence(pa.master)}
	pa.obj = Object{Kind: KindTask, UID: g.uid, Task: CanonicalTask(tf), Sequence: pa.mi.seq,
		OriginalTZID: tw.tzid, Location: tw.loc, Line: pa.master.Line}
	return pa
}

// task reads one VTODO. The returned when is the zone the task's times are
// in (DUE's, else DTSTART's).
func (r *reader) task(c *ical.Component) (crm.TaskFields, when, error) {
	due, hasDue, err := r.when(c, "DUE")
	if err != nil {
		return crm.TaskFields{}, when{}, fmt.Errorf("DUE: %w", err)
	}
	start, hasStart, err := r.when(c, "DTSTART")
	if err != nil {
		return crm.TaskFields{}, when{}, fmt.Errorf("DTSTART: %w", err)
	}
	f := crm.TaskFields{
		Title: c.Text("SUMMARY"),
		Notes: c.Text("DESCRIPTION"),
	}
	zone := when{}
	switch {
	case hasDue && !due.date:
		zone = due
	case hasStart && !start.date:
		zone = start
	}
	f.TimeZone = zone.tz
	if hasDue {
		f.Due = due.value
	}
	if hasStart {
		f.Start = start.value
		if !start.date && zone.loc != nil && start.loc != nil && start.tz != zone.tz {
			f.Start = formatLocal(wallIn(start.dt.Instant, zone.loc), false)
		}
		if !hasDue && c.Prop("DURATION") != nil {
			st, _, _ := parseLocal(start.value)
			f.Due = formatLocal(r.durationEnd(c, st, start.date), start.date)
		}
	}
	if rr := c.All("RRULE"); len(rr) > 0 {
		f.RRule = strings.TrimSpace(rr[0].Value)
	}
	f.Priority, _ = strconv.Atoi(strings.TrimSpace(c.Text("PRIORITY")))
	f.PercentComplete, _ = strconv.Atoi(strings.TrimSpace(c.Text("PERCENT-COMPLETE")))
	f.Status = strings.ToLower(strings.TrimSpace(c.Text("STATUS")))
	if p := c.Prop("COMPLETED"); p != nil {
		if dt, err := ical.ParseDateTime(p, r.zones); err == nil {
			f.CompletedAt = dt.In(time.UTC).UTC().Format(time.RFC3339)
		} else {
			r.problem(c, "COMPLETED", "unreadable COMPLETED ignored: %v", err)
		}
	}
	if f.Status == "" && f.CompletedAt != "" {
		f.Status = crm.TaskCompleted
	}
	f.Reminders = reminders(c, taskAlarms(f.Start != "", f.Due != "", f.Start == f.Due))
	f.Categories = categories(c)
	return f, zone, nil
}

// standalone returns the raw VTIMEZONEs comps use and the object's own
// calendar text: the calendar properties but METHOD (VERSION and PRODID
// added when missing), those VTIMEZONEs and comps.
func (r *reader) standalone(comps []*ical.Component) (zones string, data []byte) {
	cal, zones := r.standaloneCal(comps)
	return zones, ical.Write(cal)
}

// standaloneCal builds the object's own calendar (see standalone).
func (r *reader) standaloneCal(comps []*ical.Component) (*ical.Calendar, string) {
	cal := &ical.Calendar{}
	for _, p := range r.cal.Props {
		if p.Name != "METHOD" {
			cal.Props = append(cal.Props, p)
		}
	}
	if cal.Prop("VERSION") == nil {
		cal.Props = append([]*ical.Property{ical.NewProperty("VERSION", "2.0")}, cal.Props...)
	}
	if cal.Prop("PRODID") == nil {
		cal.Props = append(cal.Props, ical.NewProperty("PRODID", ProdID))
	}
	var used []*ical.Component
	seen := map[*ical.Component]bool{}
	all := r.cal.Timezones()
	for _, tzid := range tzidsOf(comps) {
		if vt := ical.FindTimezone(all, tzid); vt != nil && !seen[vt] {
			seen[vt] = true
			used = append(used, vt)
		}
	}
	var b strings.Builder
	for _, vt := range used {
		b.Write(ical.WriteComponent(vt))
	}
	cal.Components = append(used, comps...)
	return cal, b.String()
}

// tzidsOf lists the TZID parameters used in comps and their children.
func tzidsOf(comps []*ical.Component) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(c *ical.Component)
	walk = func(c *ical.Component) {
		for _, p := range c.Props {
			if pa, ok := p.GetParam("TZID"); ok {
				id := strings.Join(pa.Values, ",")
				if !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
		}
		for _, ch := range c.Children {
			walk(ch)
		}
	}
	for _, c := range comps {
		walk(c)
	}
	return out
}
