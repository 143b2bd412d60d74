package importexport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/ical"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

// Zones gives an iCalendar import the user's zone, in which floating and
// all-day meetings and tasks due on a date are placed (calendar.Service
// does). Without it they are placed in UTC.
type Zones interface {
	UserLocation(ctx context.Context) (*time.Location, error)
}

// WithZones sets where an iCalendar import finds the user's zone and
// returns im.
func (im *Importer) WithZones(z Zones) *Importer {
	im.zones = z
	return im
}

// maxICSSize bounds an iCalendar file read into memory.
const maxICSSize = 256 << 20

// icsRun is one iCalendar import.
type icsRun struct {
	im       *Importer
	rep      *Report
	calendar string
	user     *time.Location
	batch    int
	events   []store.ImportedEvent
	tasks    []store.ImportedTask
	// pending maps the UIDs of new objects not yet stored to their index
	// in events or tasks (an object seen twice in a file keeps the last).
	pendingEvents, pendingTasks map[string]int
}

// importICS imports an iCalendar file: every meeting series, lone
// occurrence and task goes into the default calendar; an object whose UID
// is already stored updates it; unreadable components are skipped and
// reported.
func (im *Importer) importICS(ctx context.Context, r io.Reader, path string, size int64, opts Options, rep *Report, progress func(Progress)) error {
	data, err := io.ReadAll(io.LimitReader(r, maxICSSize+1))
	if err != nil {
		return crm.Errorf(crm.CodeFileUnreadable, "cannot read %s: %v", path, unwrapPath(err))
	}
	if len(data) > maxICSSize {
		return crm.Errorf(crm.CodeFileUnreadable, "%s is larger than %d MB", path, maxICSSize>>20)
	}
	objs, probs, err := eventcard.Read(data)
	if err != nil {
		return crm.Errorf(crm.CodeFileUnreadable, "%s holds no calendar data", path)
	}
	for _, p := range probs {
		if eventcard.Skipped(p) {
			rep.Records++
			rep.skip(Entry{Line: p.Line, Reason: "unreadable", Detail: p.String()})
			continue
		}
		rep.warn(Entry{Line: p.Line, Reason: "problem", Detail: p.String()})
	}
	cal, err := im.db.EnsureDefaultCalendar(ctx, calendar.DefaultCalendarName, calendar.DefaultCalendarColor)
	if err != nil {
		return fmt.Errorf("importexport: default calendar: %w", err)
	}
	run := &icsRun{im: im, rep: rep, calendar: cal.ID, user: time.UTC, batch: opts.BatchSize,
		pendingEvents: map[string]int{}, pendingTasks: map[string]int{}}
	if run.batch <= 0 {
		run.batch = DefaultBatchSize
	}
	if im.zones != nil {
		if loc, err := im.zones.UserLocation(ctx); err == nil && loc != nil {
			run.user = loc
		}
	}
	report := func() {
		if progress != nil {
			progress(Progress{BytesRead: size, BytesTotal: size, Records: rep.Records,
				Imported: rep.Imported, Merged: rep.Merged, Skipped: rep.Skipped})
		}
	}
	for i, o := range objs {
		if ctx.Err() != nil {
			rep.Cancelled = true
			break
		}
		rep.Records++
		entry := Entry{Record: i + 1, Line: o.Line}
		if o.Kind == eventcard.KindTask {
			entry.Name = o.Task.Title
			err = run.task(ctx, o, entry)
		} else {
			entry.Name = o.Event.Title
			err = run.event(ctx, o, entry)
		}
		if err != nil {
			return err
		}
		if len(run.events)+len(run.tasks) >= run.batch {
			if err := run.flush(ctx); err != nil {
				return err
			}
		}
		if rep.Records%250 == 0 {
			report()
		}
	}
	if !rep.Cancelled {
		if err := run.flush(ctx); err != nil {
			return err
		}
	}
	report()
	return nil
}

// flush stores the pending new objects.
func (r *icsRun) flush(ctx context.Context) error {
	if len(r.events) > 0 {
		if err := r.im.db.ImportEvents(ctx, r.events); err != nil {
			return fmt.Errorf("importexport: store meetings: %w", err)
		}
	}
	if len(r.tasks) > 0 {
		if err := r.im.db.ImportTasks(ctx, r.tasks); err != nil {
			return fmt.Errorf("importexport: store tasks: %w", err)
		}
	}
	r.rep.Imported += len(r.events) + len(r.tasks)
	r.events, r.tasks = nil, nil
	clear(r.pendingEvents)
	clear(r.pendingTasks)
	return nil
}

// dropped lists values left out of an imported record.
func (r *icsRun) dropped(entry Entry, what []string) {
	for _, d := range what {
		e := entry
		e.Reason, e.Detail = "value_dropped", d
		r.rep.warn(e)
	}
}

// event imports one meeting object.
func (r *icsRun) event(ctx context.Context, o eventcard.Object, entry Entry) error {
	f, dropped, err := ImportableEvent(o.Event)
	if err != nil {
		entry.Reason, entry.Detail = "invalid", err.Error()
		r.rep.skip(entry)
		return nil
	}
	r.dropped(entry, dropped)
	loc := o.Location
	if loc == nil || f.AllDay || f.TimeZone == "" {
		loc = r.user
	}
	now := r.im.clock.Now()
	e := crm.Event{CalendarID: r.calendar, EventFields: f, UID: o.UID, OriginalTZID: o.OriginalTZID, Zones: o.Zones}
	if err := recurrence.SetInstants(&e, loc); err != nil {
		entry.Reason, entry.Detail = "invalid", err.Error()
		r.rep.skip(entry)
		return nil
	}
	if i, ok := r.pendingEvents[o.UID]; ok {
		prev := r.events[i].Event
		e.ID, e.Version, e.CreatedAt, e.UpdatedAt = prev.ID, 1, prev.CreatedAt, now
		r.events[i] = store.ImportedEvent{Event: e, Card: o.Data}
		entry.Reason, entry.Detail = "uid", "the same UID appears again in the file: the later one is kept"
		r.rep.merged(entry)
		return nil
	}
	cur, err := r.im.db.EventByUID(ctx, o.UID)
	switch {
	case crm.ErrorCode(err) == crm.CodeNotFound:
		e.ID, e.Version, e.CreatedAt, e.UpdatedAt = crm.NewID(now), 1, now, now
		r.pendingEvents[o.UID] = len(r.events)
		r.events = append(r.events, store.ImportedEvent{Event: e, Card: o.Data})
		return nil
	case err != nil:
		return fmt.Errorf("importexport: meeting %q: %w", o.UID, err)
	}
	card := o.Data
	if f.RecurrenceID != "" && cur.RecurrenceID == "" && (cur.RRule != "" || len(cur.RDates) > 0) {
		// One occurrence of a series already stored: it becomes (or
		// replaces) that occurrence's override.
		occ := f
		occ.RecurrenceID = ""
		merged, err := recurrence.EditThis(cur.EventFields, f.RecurrenceID, occ)
		if err != nil {
			entry.Reason, entry.Detail = "invalid", err.Error()
			r.rep.skip(entry)
			return nil
		}
		e.EventFields, e.OriginalTZID, e.Zones = merged, cur.OriginalTZID, cur.Zones
		card = nil
		if old, err := r.im.db.EventCard(ctx, cur.ID); err == nil && old != nil {
			if patched, err := eventcard.PatchEvent(old, merged); err == nil {
				card = patched
			}
		}
		loc = r.user
		if l, err := eventcard.Location(cur.TimeZone, cur.Zones); err == nil && l != nil && !cur.AllDay {
			loc = l
		}
		if err := recurrence.SetInstants(&e, loc); err != nil {
			entry.Reason, entry.Detail = "invalid", err.Error()
			r.rep.skip(entry)
			return nil
		}
	}
	next := e
	next.ID, next.CalendarID, next.CreatedAt = cur.ID, cur.CalendarID, cur.CreatedAt
	next.Version, next.UpdatedAt = cur.Version+1, now
	changed := calendar.ChangedFields(cur, next)
	if len(changed) == 0 {
		entry.Reason, entry.Detail = "duplicate", "already in the calendar"
		r.rep.skip(entry)
		return r.keepCard(ctx, "event", cur.ID, card)
	}
	if err := r.im.db.UpdateEvent(ctx, next, changed); err != nil {
		return fmt.Errorf("importexport: update meeting %q: %w", o.UID, err)
	}
	entry.Reason, entry.Detail = "uid", "updated meeting "+cur.ID
	r.rep.merged(entry)
	return r.keepCard(ctx, "event", cur.ID, card)
}

// keepCard stores the object bytes of an updated meeting or task.
func (r *icsRun) keepCard(ctx context.Context, kind, id string, card []byte) error {
	if card == nil {
		return nil
	}
	var err error
	if kind == "event" {
		err = r.im.db.SetEventCard(ctx, id, card)
	} else {
		err = r.im.db.SetTaskCard(ctx, id, card)
	}
	if err != nil {
		return fmt.Errorf("importexport: keep the object of %s %s: %w", kind, id, err)
	}
	return nil
}

// task imports one task object.
func (r *icsRun) task(ctx context.Context, o eventcard.Object, entry Entry) error {
	f, dropped := ImportableTask(o.Task)
	r.dropped(entry, dropped)
	now := r.im.clock.Now()
	t := crm.Task{CalendarID: r.calendar, TaskFields: f, UID: o.UID, OriginalTZID: o.OriginalTZID, Zones: o.Zones}
	loc := o.Location
	if loc == nil {
		loc = r.user
	}
	t.DueUTC = DueUTC(f, loc, r.user)
	if i, ok := r.pendingTasks[o.UID]; ok {
		prev := r.tasks[i].Task
		t.ID, t.Version, t.CreatedAt, t.UpdatedAt = prev.ID, 1, prev.CreatedAt, now
		r.tasks[i] = store.ImportedTask{Task: t, Card: o.Data}
		entry.Reason, entry.Detail = "uid", "the same UID appears again in the file: the later one is kept"
		r.rep.merged(entry)
		return nil
	}
	found, err := r.im.db.TasksByUID(ctx, o.UID)
	if err != nil {
		return fmt.Errorf("importexport: task %q: %w", o.UID, err)
	}
	if len(found) == 0 || found[0].DeletedAt != nil {
		t.ID, t.Version, t.CreatedAt, t.UpdatedAt = crm.NewID(now), 1, now, now
		r.pendingTasks[o.UID] = len(r.tasks)
		r.tasks = append(r.tasks, store.ImportedTask{Task: t, Card: o.Data})
		return nil
	}
	cur := found[0]
	next := t
	next.ID, next.CalendarID, next.CreatedAt = cur.ID, cur.CalendarID, cur.CreatedAt
	next.ContactID, next.CompanyID, next.DealID = cur.ContactID, cur.CompanyID, cur.DealID // local links stay
	next.Version, next.UpdatedAt = cur.Version+1, now
	changed := tasks.ChangedFields(cur, next)
	if len(changed) == 0 {
		entry.Reason, entry.Detail = "duplicate", "already in the task list"
		r.rep.skip(entry)
		return r.keepCard(ctx, "task", cur.ID, o.Data)
	}
	if err := r.im.db.UpdateTask(ctx, next, changed); err != nil {
		return fmt.Errorf("importexport: update task %q: %w", o.UID, err)
	}
	entry.Reason, entry.Detail = "uid", "updated task "+cur.ID
	r.rep.merged(entry)
	return r.keepCard(ctx, "task", cur.ID, o.Data)
}

// ImportableEvent checks a meeting read from a file as the calendar checks
// one a user enters (calendar.Normalize), leniently: an attendee or
// organizer whose address is not an e-mail, attendees beyond the limit, a
// recurrence rule that cannot be read and overrides that do not pass are
// left out (and listed) instead of refusing the meeting.
func ImportableEvent(f crm.EventFields) (crm.EventFields, []string, error) {
	var dropped []string
	overrides := f.Overrides
	f.Overrides = nil
	g, err := normalizeLeniently(f, &dropped)
	if err != nil {
		return f, dropped, err
	}
	for _, o := range overrides {
		of, err := normalizeLeniently(o.Fields, &dropped)
		if err != nil {
			dropped = append(dropped, fmt.Sprintf("the changed occurrence %s: %s", o.RecurrenceID, crm.ErrorMessage(err)))
			continue
		}
		of.RRule, of.ExDates, of.RDates, of.Overrides, of.RecurrenceID = "", nil, nil, nil, ""
		g.Overrides = append(g.Overrides, crm.Occurrence{RecurrenceID: o.RecurrenceID, Fields: of})
	}
	return g, dropped, nil
}

// normalizeLeniently runs calendar.Normalize, dropping what it refuses
// when that is one attendee, the organizer, the attendees beyond the limit
// or the rule.
func normalizeLeniently(f crm.EventFields, dropped *[]string) (crm.EventFields, error) {
	for tries := 0; tries <= len(f.Attendees)+3; tries++ {
		g, err := calendar.Normalize(f)
		if err == nil {
			return g, nil
		}
		var ce *crm.Error
		if !errors.As(err, &ce) {
			return f, err
		}
		switch {
		case ce.Code == crm.CodeRRuleInvalid:
			*dropped = append(*dropped, fmt.Sprintf("the recurrence rule %q (%s): only the first occurrence is imported", f.RRule, ce.Message))
			f.RRule = ""
		case ce.Field == "organizer":
			*dropped = append(*dropped, fmt.Sprintf("the organizer %q: %s", f.Organizer.Email, ce.Message))
			f.Organizer = crm.Attendee{}
		case ce.Field == "attendees" && len(f.Attendees) > calendar.MaxAttendees:
			*dropped = append(*dropped, fmt.Sprintf("%d attendees beyond %d", len(f.Attendees)-calendar.MaxAttendees, calendar.MaxAttendees))
			f.Attendees = f.Attendees[:calendar.MaxAttendees]
		case strings.HasPrefix(ce.Field, "attendees."):
			i, err := strconv.Atoi(strings.TrimPrefix(ce.Field, "attendees."))
			if err != nil || i < 0 || i >= len(f.Attendees) {
				return f, ce
			}
			*dropped = append(*dropped, fmt.Sprintf("the attendee %q: %s", f.Attendees[i].Email, ce.Message))
			f.Attendees = slices.Delete(slices.Clone(f.Attendees), i, i+1)
		default:
			return f, ce
		}
	}
	return calendar.Normalize(f)
}

// ImportableTask tidies a task read from a file: one-line title, notes,
// priority and percent within their ranges, known status, tags and
// reminders cleaned; a rule that cannot be read is left out (and listed).
// A task without a title is kept (the user gives it one when editing).
func ImportableTask(f crm.TaskFields) (crm.TaskFields, []string) {
	var dropped []string
	f = eventcard.CanonicalTask(f)
	f.Title = crm.CleanLine(f.Title)
	f.Categories = crm.CleanTags(f.Categories)
	if rs, err := crm.CleanReminders(f.Reminders); err == nil {
		f.Reminders = rs
	} else {
		dropped = append(dropped, "reminders: "+crm.ErrorMessage(err))
		f.Reminders = nil
	}
	if err := recurrence.Validate(f.RRule); err != nil {
		dropped = append(dropped, fmt.Sprintf("the recurrence rule %q: %s", f.RRule, crm.ErrorMessage(err)))
		f.RRule = ""
	}
	if (f.Due == "" || isDateValue(f.Due)) && (f.Start == "" || isDateValue(f.Start)) {
		f.TimeZone = ""
	}
	return f, dropped
}

// isDateValue reports whether a local value is a date.
func isDateValue(v string) bool { return len(v) == len(crm.LocalDateLayout) }

// DueUTC is the instant a task is due, for ordering and the lists: its due
// time in loc (its zone), or the start of its due date in user's zone; nil
// without a due.
func DueUTC(f crm.TaskFields, loc, user *time.Location) *time.Time {
	if isDateValue(f.Due) || f.TimeZone == "" {
		loc = user
	}
	d, _ := recurrence.DueInstant(f.Due, loc) // a due that does not read is stored without an instant
	return d
}

// exportICS writes every live meeting and task as one VCALENDAR: an
// imported object is its kept bytes patched with the current fields
// (eventcard.Patch), so X- properties, alarms Fieldbook does not model and
// the TZID text survive; the others are written anew. Each VTIMEZONE is
// written once (the first one met for a TZID).
func exportICS(ctx context.Context, db *store.DB, w io.Writer) (int, error) {
	out := &ical.Calendar{Props: []*ical.Property{
		ical.NewProperty("VERSION", "2.0"), ical.NewProperty("PRODID", eventcard.ProdID)}}
	var zones, comps []*ical.Component
	seen := map[string]bool{}
	add := func(data []byte) {
		cal, _, err := ical.Read(data)
		if err != nil {
			return
		}
		for _, c := range cal.Components {
			if c.Name != "VTIMEZONE" {
				comps = append(comps, c)
				continue
			}
			if id := c.Text("TZID"); !seen[id] {
				seen[id] = true
				zones = append(zones, c)
			}
		}
	}
	n := 0
	emit := func(data []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		add(data)
		n++
		return nil
	}
	err := db.ExportEvents(ctx, func(ex store.ExportedEvent) error {
		return emit(patchOrNew(ex.Card, ex.Event.EventFields, eventcard.PatchEvent, func() []byte {
			return eventcard.NewEvent(ex.Event.EventFields, ex.Event.UID, ex.Event.UpdatedAt)
		}))
	})
	if err != nil {
		return n, err
	}
	err = db.ExportTasks(ctx, func(ex store.ExportedTask) error {
		return emit(patchOrNew(ex.Card, ex.Task.TaskFields, eventcard.PatchTask, func() []byte {
			return eventcard.NewTask(ex.Task.TaskFields, ex.Task.UID, ex.Task.UpdatedAt)
		}))
	})
	if err != nil {
		return n, err
	}
	out.Components = append(zones, comps...)
	if _, err := w.Write(ical.Write(out)); err != nil {
		return n, err
	}
	return n, nil
}

// patchOrNew is the object to export for a record: its stored object
// patched to the fields f (so what Fieldbook does not model survives), or a
// fresh one from fresh when there is no stored object or it does not patch.
func patchOrNew[F any](card []byte, f F, patch func([]byte, F) ([]byte, error), fresh func() []byte) []byte {
	if card != nil {
		if data, _ := patch(card, f); data != nil {
			return data
		}
	}
	return fresh()
}
