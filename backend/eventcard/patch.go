package eventcard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
)

// Patch returns base (an object's kept bytes, Object.Data) changed so that
// FromObject reads o's fields from it. It dispatches on o.Kind to
// PatchEvent or PatchTask.
func Patch(base []byte, o Object) ([]byte, error) {
	if o.Kind == KindTask {
		return PatchTask(base, o.Task)
	}
	return PatchEvent(base, o.Event)
}

// PatchEvent returns base changed so that FromObject reads f (after
// Canonical) from it. Only the properties of fields that differ from what
// base holds are touched, each in place and keeping its parameters:
//
//   - SUMMARY, LOCATION, DESCRIPTION are set or removed (X-ALT-DESC, the
//     HTML copy of the description, goes when the description changes);
//   - DTSTART and DTEND (or DURATION, when the object uses it) are
//     rewritten when the times, all-day or zone change, keeping the TZID
//     text as received while the zone stays;
//   - RRULE is set or removed; EXDATE and RDATE lines whose dates are all
//     still wanted stay, others are cut down or removed, new dates are
//     added on one line in the master's zone and value type;
//   - busy sets TRANSP and updates X-MICROSOFT-CDO-BUSYSTATUS and
//     -INTENDEDSTATUS where present (adding BUSYSTATUS for tentative and
//     out of office, which TRANSP cannot say); private sets CLASS PRIVATE
//     or PUBLIC; categories go to the first CATEGORIES line; STATUS is set;
//   - ORGANIZER and ATTENDEE lines of people still invited stay, with only
//     the changed CN, ROLE or PARTSTAT parameter rewritten; others go, new
//     ones are added, in f's order;
//   - modelled VALARMs with wanted minutes stay, the other modelled ones
//     go, new ones are added; alarms Fieldbook does not model stay;
//   - overrides are patched the same way, new ones added as VEVENTs with a
//     RECURRENCE-ID in the master's form, dropped ones removed.
//
// Everything else (X- properties, unknown parameters, VTIMEZONEs still
// used, the UID) is written from its original text. The result is the
// object on its own (see Object.Data).
func PatchEvent(base []byte, f crm.EventFields) ([]byte, error) {
	cal, r, pa, err := readForPatch(base, KindEvent, (*reader).eventGroup)
	if err != nil {
		return nil, err
	}
	f = Canonical(f)
	old := pa.obj.Event
	pt := &patcher{cal: cal, r: r, pa: pa, tzid: tzidText(pa.master.Prop("DTSTART"), old.TimeZone, f.TimeZone)}
	lone := old.RecurrenceID != ""
	pt.event(pa.master, old, f, !lone)
	if !lone {
		oldOcc := map[string]crm.EventFields{}
		for _, o := range old.Overrides {
			oldOcc[o.RecurrenceID] = o.Fields
		}
		wanted := map[string]bool{}
		moved := old.AllDay != f.AllDay || old.TimeZone != f.TimeZone
		for _, o := range f.Overrides {
			wanted[o.RecurrenceID] = true
			if c := pa.overrides[o.RecurrenceID]; c != nil {
				pt.event(c, oldOcc[o.RecurrenceID], fillOccurrence(o, f).Fields, false)
				if moved {
					// Keys are wall clocks of the series: in a new zone or
					// value type the RECURRENCE-ID is written anew.
					c.Set(keyProp("RECURRENCE-ID", []string{o.RecurrenceID}, f, pt.tzid))
				}
				continue
			}
			pa.keep = append(pa.keep, pt.newOverride(pa.master, f, o))
		}
		pa.keep = slices.DeleteFunc(pa.keep, func(c *ical.Component) bool {
			if c == pa.master {
				return false
			}
			for k, oc := range pa.overrides {
				if oc == c {
					return !wanted[k]
				}
			}
			return false
		})
	}
	out, _ := r.standaloneCal(pa.keep)
	return ical.Write(out), nil
}

// PatchTask returns base changed so that FromObject reads f (after
// CanonicalTask) from it, touching only the properties of changed fields
// (SUMMARY, DESCRIPTION, DUE, DTSTART, PRIORITY, STATUS, PERCENT-COMPLETE,
// COMPLETED, RRULE, CATEGORIES, modelled VALARMs) as PatchEvent does.
func PatchTask(base []byte, f crm.TaskFields) ([]byte, error) {
	cal, r, pa, err := readForPatch(base, KindTask, (*reader).taskGroup)
	if err != nil {
		return nil, err
	}
	f = CanonicalTask(f)
	old := pa.obj.Task
	anchor := pa.master.Prop("DUE")
	if anchor == nil {
		anchor = pa.master.Prop("DTSTART")
	}
	pt := &patcher{cal: cal, r: r, pa: pa, tzid: tzidText(anchor, old.TimeZone, f.TimeZone)}
	pt.task(pa.master, old, f)
	out, _ := r.standaloneCal(pa.keep)
	return ical.Write(out), nil
}

// readForPatch reads base and returns the first object of kind in it, as
// read reads a group of that kind; ErrNoObject when there is none.
func readForPatch(base []byte, kind string, read func(*reader, *group) *parsed) (*ical.Calendar, *reader, *parsed, error) {
	cal, _, err := ical.Read(base)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("eventcard: patch: %w", err)
	}
	r, groups := newReader(cal, nil)
	for _, g := range groups {
		if g.kind == kind {
			if pa := read(r, g); pa != nil {
				return cal, r, pa, nil
			}
		}
	}
	return nil, nil, nil, fmt.Errorf("eventcard: patch: %w", ErrNoObject)
}

// patcher applies field changes to components.
type patcher struct {
	cal *ical.Calendar
	r   *reader // nil for a new object
	pa  *parsed // nil for a new object
	// tzid is the TZID text for the master's (task's) new zone: the text as
	// received while the zone is unchanged, else the TimeZone value.
	tzid string
}

// tzidText is the TZID text to write for zone newTZ: p's own TZID text
// when the zone did not change, else newTZ.
func tzidText(p *ical.Property, oldTZ, newTZ string) string {
	if p != nil && oldTZ == newTZ {
		if pa, ok := p.GetParam("TZID"); ok && len(pa.Values) > 0 {
			return strings.Join(pa.Values, ",")
		}
	}
	return newTZ
}

// dateTime is the ical value of a local value in a zone.
func dateTime(value string, allDay bool, tz, tzid string) ical.DateTime {
	t, date, err := parseLocal(value)
	if err == nil && (allDay || date) {
		return ical.DateTime{Local: formatLocal(t, true), Date: true}
	}
	dt := ical.DateTime{Local: value}
	switch tz {
	case "":
		dt.Floating = true
	case "UTC":
		dt.UTC, dt.Instant = true, t
	default:
		dt.TZID = tzid
	}
	return dt
}

// setTime sets a date-time property, creating it when absent.
func setTime(c *ical.Component, name string, dt ical.DateTime) {
	if p := c.Prop(name); p != nil {
		if err := p.SetDateTime(dt); err == nil {
			c.Set(p)
		}
		return
	}
	if p, err := ical.NewDateTimeProperty(name, dt); err == nil {
		c.Add(p)
	}
}

// setTextProp sets a TEXT property (keeping its parameters) or removes it
// when v is "".
func setTextProp(c *ical.Component, name, v string) {
	if v == "" {
		c.Remove(name)
		return
	}
	if p := c.Prop(name); p != nil {
		p.SetText(v)
		c.Set(p)
		return
	}
	p := ical.NewProperty(name, "")
	p.SetText(v)
	c.Add(p)
}

// setRaw sets a property's raw value (creating it) or removes it when v
// is "".
func setRaw(c *ical.Component, name, v string) {
	if v == "" {
		c.Remove(name)
		return
	}
	if p := c.Prop(name); p != nil {
		p.Value = v
		c.Set(p)
		return
	}
	c.Add(ical.NewProperty(name, v))
}

// event applies the changes from old to f to a VEVENT; series parts only
// when master.
func (pt *patcher) event(c *ical.Component, old, f crm.EventFields, master bool) {
	if old.Title != f.Title {
		setTextProp(c, "SUMMARY", f.Title)
	}
	if old.Location != f.Location {
		setTextProp(c, "LOCATION", f.Location)
	}
	if old.Notes != f.Notes {
		setTextProp(c, "DESCRIPTION", f.Notes)
		c.Remove("X-ALT-DESC")
	}
	tzid := tzidText(c.Prop("DTSTART"), old.TimeZone, f.TimeZone)
	zoneChanged := old.AllDay != f.AllDay || old.TimeZone != f.TimeZone
	if zoneChanged || old.Start != f.Start {
		setTime(c, "DTSTART", dateTime(f.Start, f.AllDay, f.TimeZone, tzid))
	}
	if zoneChanged || old.Start != f.Start || old.End != f.End {
		pt.end(c, f, tzid)
	}
	if master {
		if old.RRule != f.RRule {
			setRaw(c, "RRULE", f.RRule)
		}
		if zoneChanged || !slices.Equal(old.ExDates, f.ExDates) {
			pt.dates(c, "EXDATE", old, f, zoneChanged)
		}
		if zoneChanged || !slices.Equal(old.RDates, f.RDates) {
			pt.dates(c, "RDATE", old, f, zoneChanged)
		}
	}
	if old.Busy != f.Busy {
		busy(c, f.Busy)
	}
	if old.Private != f.Private {
		switch {
		case f.Private:
			setRaw(c, "CLASS", "PRIVATE")
		case c.Prop("CLASS") != nil:
			setRaw(c, "CLASS", "PUBLIC")
		}
	}
	if !slices.Equal(old.Categories, f.Categories) {
		setCategories(c, f.Categories)
	}
	if old.Status != f.Status && (f.Status != "confirmed" || c.Prop("STATUS") != nil) {
		setRaw(c, "STATUS", strings.ToUpper(f.Status))
	}
	if old.Organizer != f.Organizer {
		organizer(c, f.Organizer)
	}
	if !slices.Equal(old.Attendees, f.Attendees) {
		setAttendees(c, f.Attendees)
	}
	if !slices.Equal(old.Reminders, f.Reminders) {
		setReminders(c, f.Reminders, alarmMode{}, f.Title)
	}
}

// end writes the end: DURATION when the component uses it, else DTEND.
func (pt *patcher) end(c *ical.Component, f crm.EventFields, tzid string) {
	if c.Prop("DURATION") != nil && c.Prop("DTEND") == nil {
		s, _, err1 := parseLocal(f.Start)
		e, _, err2 := parseLocal(f.End)
		if err1 == nil && err2 == nil && !e.Before(s) {
			setRaw(c, "DURATION", ical.FormatDuration(e.Sub(s)))
			return
		}
		c.Remove("DURATION")
	}
	if f.End == "" {
		c.Remove("DTEND")
		return
	}
	setTime(c, "DTEND", dateTime(f.End, f.AllDay, f.TimeZone, tzid))
}

// dates rewrites the EXDATE or RDATE lines of a master to f's keys.
func (pt *patcher) dates(c *ical.Component, name string, old, f crm.EventFields, rewrite bool) {
	want := f.ExDates
	if name == "RDATE" {
		want = f.RDates
	}
	wanted := map[string]bool{}
	for _, k := range want {
		wanted[k] = true
	}
	have := map[string]bool{}
	var props []*ical.Property
	for _, p := range c.Props {
		if p.Name != name {
			props = append(props, p)
			continue
		}
		if rewrite || pt.r == nil {
			continue
		}
		tzid := strings.Join(p.ParamValues("TZID"), ",")
		var items []string
		changed := false
		for _, item := range strings.Split(p.Value, ",") {
			v := strings.TrimSpace(item)
			if i := strings.IndexByte(v, '/'); i >= 0 {
				v = v[:i]
			}
			dt, err := ical.ParseDateTimeValue(v, tzid, pt.r.zones)
			if err != nil {
				items = append(items, item) // unreadable: kept as it is
				continue
			}
			w := when{value: dt.Local, date: dt.Date, dt: dt, loc: dt.Zone}
			k := pt.r.key(w, old, pt.pa.mi)
			if !wanted[k] || have[k] {
				changed = true
				continue
			}
			have[k] = true
			items = append(items, item)
		}
		if len(items) == 0 {
			continue
		}
		if changed {
			p.Value = strings.Join(items, ",")
		}
		props = append(props, p)
	}
	c.Props = props
	var times, days []string
	for _, k := range want {
		if have[k] {
			continue
		}
		if _, date, err := parseLocal(k); err == nil && date && !f.AllDay {
			days = append(days, k)
		} else {
			times = append(times, k)
		}
	}
	for _, ks := range [][]string{times, days} {
		if len(ks) > 0 {
			c.Add(keyProp(name, ks, f, pt.tzid))
		}
	}
}

// keyProp builds an EXDATE, RDATE or RECURRENCE-ID line for keys in the
// master's zone and value type (tzid is the TZID text to write).
func keyProp(name string, keys []string, master crm.EventFields, tzid string) *ical.Property {
	p := ical.NewProperty(name, "")
	var vals []string
	date := master.AllDay
	for _, k := range keys {
		t, d, err := parseLocal(k)
		if err != nil {
			continue
		}
		date = date || d
		switch {
		case date:
			vals = append(vals, t.Format("20060102"))
		case master.TimeZone == "UTC":
			vals = append(vals, t.Format("20060102T150405Z"))
		default:
			vals = append(vals, t.Format("20060102T150405"))
		}
	}
	p.Value = strings.Join(vals, ",")
	switch {
	case date:
		p.SetParam("VALUE", "DATE")
	case master.TimeZone != "" && master.TimeZone != "UTC":
		p.SetParam("TZID", tzid)
	}
	return p
}

// busy writes a busy state: TRANSP, and Outlook's statuses.
func busy(c *ical.Component, b string) {
	if c.Prop("TRANSP") != nil || b == crm.BusyFree {
		setRaw(c, "TRANSP", transpValue(b))
	}
	if c.Prop("X-MICROSOFT-CDO-BUSYSTATUS") != nil || b == crm.BusyTentative || b == crm.BusyOutOfOffice {
		setRaw(c, "X-MICROSOFT-CDO-BUSYSTATUS", cdoValue(b))
	}
	if c.Prop("X-MICROSOFT-CDO-INTENDEDSTATUS") != nil {
		setRaw(c, "X-MICROSOFT-CDO-INTENDEDSTATUS", cdoValue(b))
	}
}

// setCategories puts every category on the first CATEGORIES line.
func setCategories(c *ical.Component, cats []string) {
	if len(cats) == 0 {
		c.Remove("CATEGORIES")
		return
	}
	p := c.Prop("CATEGORIES")
	if p == nil {
		p = ical.NewProperty("CATEGORIES", "")
		c.Add(p)
	}
	p.SetTexts(cats)
	c.Set(p)
}

// organizer sets or removes the ORGANIZER.
func organizer(c *ical.Component, o crm.Attendee) {
	if o.Email == "" {
		c.Remove("ORGANIZER")
		return
	}
	p := c.Prop("ORGANIZER")
	if p == nil {
		p = ical.NewProperty("ORGANIZER", "")
		c.Add(p)
	}
	fillAddress(p, crm.Attendee{}, o, false)
	c.Set(p)
}

// fillAddress updates an ATTENDEE or ORGANIZER from had to a: the address,
// CN and, for attendees, ROLE and PARTSTAT, each only when changed.
func fillAddress(p *ical.Property, had, a crm.Attendee, roles bool) {
	if emailKey(addressOf(p)) != emailKey(a.Email) {
		p.Value = "mailto:" + a.Email
		if p.HasParam("EMAIL") {
			p.SetParam("EMAIL", a.Email)
		}
	}
	if cleanName(p.Param("CN")) != a.Name {
		if a.Name == "" {
			p.RemoveParam("CN")
		} else {
			p.SetParam("CN", a.Name)
		}
	}
	if !roles {
		return
	}
	if had.Role != a.Role {
		p.SetParam("ROLE", roleParam(a.Role))
	}
	if had.Status != a.Status {
		p.SetParam("PARTSTAT", partstatParam(a.Status))
	}
}

// setAttendees rewrites the attendee list in the order of as, keeping the
// lines of people still invited.
func setAttendees(c *ical.Component, as []crm.Attendee) {
	existing := map[string]*ical.Property{}
	at := -1
	var rest []*ical.Property
	for _, p := range c.Props {
		if p.Name != "ATTENDEE" {
			rest = append(rest, p)
			continue
		}
		if at < 0 {
			at = len(rest)
		}
		k := emailKey(addressOf(p))
		if _, dup := existing[k]; !dup && k != "" {
			existing[k] = p
		}
	}
	var list []*ical.Property
	for _, a := range as {
		p := existing[emailKey(a.Email)]
		if p != nil {
			fillAddress(p, attendee(p), a, true)
		} else {
			p = ical.NewProperty("ATTENDEE", "mailto:"+a.Email)
			if a.Name != "" {
				p.SetParam("CN", a.Name)
			}
			p.SetParam("ROLE", roleParam(a.Role))
			p.SetParam("PARTSTAT", partstatParam(a.Status))
			if a.Status == crm.PartNeedsAction {
				p.SetParam("RSVP", "TRUE")
			}
		}
		list = append(list, p)
	}
	if at < 0 {
		at = len(rest)
	}
	c.Props = slices.Concat(rest[:at], list, rest[at:])
}

// setReminders keeps modelled alarms with wanted minutes, removes the other
// modelled ones and adds new DISPLAY alarms.
func setReminders(c *ical.Component, rs []crm.Reminder, mode alarmMode, title string) {
	want := map[int]bool{}
	for _, r := range rs {
		want[r.MinutesBefore] = true
	}
	var children []*ical.Component
	for _, a := range c.Children {
		if a.Name == "VALARM" {
			if m, ok := alarmMinutes(a, mode); ok {
				if !want[m] {
					continue
				}
				want[m] = false
			}
		}
		children = append(children, a)
	}
	c.Children = children
	for _, r := range rs {
		if !want[r.MinutesBefore] {
			continue
		}
		a := ical.NewComponent("VALARM")
		a.Add(ical.NewProperty("ACTION", "DISPLAY"))
		desc := ical.NewProperty("DESCRIPTION", "")
		desc.SetText(cmpOr(title, "Reminder"))
		a.Add(desc)
		trig := ical.NewProperty("TRIGGER", ical.FormatDuration(-time.Duration(r.MinutesBefore)*time.Minute))
		if r.MinutesBefore == 0 {
			trig.Value = "PT0S"
		}
		if mode.writeEnd {
			trig.SetParam("RELATED", "END")
		}
		a.Add(trig)
		c.AddChild(a)
	}
}

// cmpOr returns the first non-empty string.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// newOverride builds the VEVENT of a new override of the master component
// mc with fields f.
func (pt *patcher) newOverride(mc *ical.Component, f crm.EventFields, o crm.Occurrence) *ical.Component {
	c := ical.NewComponent("VEVENT")
	for _, name := range []string{"UID", "DTSTAMP", "SEQUENCE"} {
		if p := mc.Prop(name); p != nil {
			c.Add(p.Clone())
		}
	}
	c.Add(keyProp("RECURRENCE-ID", []string{o.RecurrenceID}, f, pt.tzid))
	o = fillOccurrence(o, f)
	pt.event(c, Canonical(crm.EventFields{}), o.Fields, false)
	return c
}

// fillOccurrence gives an override without times its occurrence's
// original ones.
func fillOccurrence(o crm.Occurrence, master crm.EventFields) crm.Occurrence {
	if o.Fields.Start != "" {
		return o
	}
	k, date, err := parseLocal(o.RecurrenceID)
	ms, _, err1 := parseLocal(master.Start)
	me, _, err2 := parseLocal(master.End)
	if err != nil || err1 != nil || err2 != nil {
		return o
	}
	o.Fields.AllDay = master.AllDay || date
	o.Fields.TimeZone = master.TimeZone
	o.Fields.Start = formatLocal(k, o.Fields.AllDay)
	o.Fields.End = formatLocal(k.Add(me.Sub(ms)), o.Fields.AllDay)
	return o
}

// task applies the changes from old to f to a VTODO.
func (pt *patcher) task(c *ical.Component, old, f crm.TaskFields) {
	if old.Title != f.Title {
		setTextProp(c, "SUMMARY", f.Title)
	}
	if old.Notes != f.Notes {
		setTextProp(c, "DESCRIPTION", f.Notes)
		c.Remove("X-ALT-DESC")
	}
	zoneChanged := old.TimeZone != f.TimeZone
	if zoneChanged || old.Due != f.Due {
		c.Remove("DURATION")
		if f.Due == "" {
			c.Remove("DUE")
		} else {
			setTime(c, "DUE", dateTime(f.Due, false, f.TimeZone, tzidText(c.Prop("DUE"), old.TimeZone, f.TimeZone)))
		}
	}
	if zoneChanged || old.Start != f.Start {
		if f.Start == "" {
			c.Remove("DTSTART")
		} else {
			setTime(c, "DTSTART", dateTime(f.Start, false, f.TimeZone, tzidText(c.Prop("DTSTART"), old.TimeZone, f.TimeZone)))
		}
	}
	if old.Priority != f.Priority {
		if f.Priority == 0 && c.Prop("PRIORITY") == nil {
			// nothing to say
		} else {
			setRaw(c, "PRIORITY", strconv.Itoa(f.Priority))
		}
	}
	if old.Status != f.Status && (f.Status != crm.TaskNeedsAction || c.Prop("STATUS") != nil) {
		setRaw(c, "STATUS", strings.ToUpper(f.Status))
	}
	if old.PercentComplete != f.PercentComplete {
		if f.PercentComplete == 0 && c.Prop("PERCENT-COMPLETE") == nil {
			// nothing to say
		} else {
			setRaw(c, "PERCENT-COMPLETE", strconv.Itoa(f.PercentComplete))
		}
	}
	if old.CompletedAt != f.CompletedAt {
		v := ""
		if t, err := time.Parse(time.RFC3339, f.CompletedAt); err == nil {
			v = t.UTC().Format("20060102T150405Z")
		}
		setRaw(c, "COMPLETED", v)
	}
	if old.RRule != f.RRule {
		setRaw(c, "RRULE", f.RRule)
	}
	if !slices.Equal(old.Categories, f.Categories) {
		setCategories(c, f.Categories)
	}
	if !slices.Equal(old.Reminders, f.Reminders) {
		setReminders(c, f.Reminders, taskAlarms(f.Start != "", f.Due != "", f.Start == f.Due), f.Title)
	}
}
