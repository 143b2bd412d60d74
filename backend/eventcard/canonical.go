package eventcard

import (
	"reflect"
	"sort"
	"strings"

	"fieldbook/backend/crm"
)

// Canonical returns f in the form Read returns and Patch compares (contact
// links, which are local, cleared): text
// trimmed (notes with LF line ends), defaults filled in (busy "busy",
// status "confirmed", attendee role "required" and state "needs-action"),
// attendees without an address dropped and repeated ones (same e-mail,
// ignoring case) merged, the organiser's role and state cleared, reminders
// of zero or more minutes sorted without repeats, categories trimmed
// without empty or repeated (ignoring case) ones, start, end and keys in
// crm's local forms, EXDATEs and RDATEs sorted without repeats, overrides
// sorted by key with their series parts cleared; empty lists nil.
func Canonical(f crm.EventFields) crm.EventFields {
	f.Title = oneLine(f.Title)
	f.Location = oneLine(f.Location)
	f.Notes = notes(f.Notes)
	f.TimeZone = strings.TrimSpace(f.TimeZone)
	f.RRule = strings.TrimSpace(f.RRule)
	f.Start, f.End = localForm(f.Start), localForm(f.End)
	f.RecurrenceID = localForm(f.RecurrenceID)
	f.ExDates = keyList(f.ExDates)
	f.RDates = keyList(f.RDates)
	f.Attendees = canonicalAttendees(f.Attendees)
	f.Organizer = canonicalAttendee(f.Organizer)
	f.Organizer.Role, f.Organizer.Status = "", ""
	if f.Organizer.Email == "" {
		f.Organizer = crm.Attendee{}
	}
	f.Reminders = canonicalReminders(f.Reminders)
	f.Categories = canonicalCategories(f.Categories)
	f.Busy = strings.ToLower(strings.TrimSpace(f.Busy))
	switch f.Busy {
	case crm.BusyFree, crm.BusyTentative, crm.BusyOutOfOffice:
	default:
		f.Busy = crm.BusyBusy
	}
	f.Status = strings.ToLower(strings.TrimSpace(f.Status))
	switch f.Status {
	case "tentative", "cancelled":
	default:
		f.Status = "confirmed"
	}
	if len(f.Overrides) == 0 {
		f.Overrides = nil
	} else {
		os := make([]crm.Occurrence, 0, len(f.Overrides))
		seen := map[string]bool{}
		for _, o := range f.Overrides {
			o.RecurrenceID = localForm(o.RecurrenceID)
			if seen[o.RecurrenceID] {
				continue
			}
			seen[o.RecurrenceID] = true
			fo := o.Fields
			fo.RRule, fo.ExDates, fo.RDates, fo.Overrides, fo.RecurrenceID = "", nil, nil, nil, ""
			o.Fields = Canonical(fo)
			os = append(os, o)
		}
		sort.SliceStable(os, func(i, j int) bool { return os[i].RecurrenceID < os[j].RecurrenceID })
		f.Overrides = os
	}
	return f
}

// CanonicalTask is Canonical for tasks: text trimmed, priority within 0–9,
// percent within 0–100, status defaulting to "needs-action", due and start
// in crm's local forms, reminders and categories as for meetings.
func CanonicalTask(f crm.TaskFields) crm.TaskFields {
	f.Title = oneLine(f.Title)
	f.Notes = notes(f.Notes)
	f.TimeZone = strings.TrimSpace(f.TimeZone)
	f.RRule = strings.TrimSpace(f.RRule)
	f.Due, f.Start = localForm(f.Due), localForm(f.Start)
	if f.Priority < 0 || f.Priority > 9 {
		f.Priority = 0
	}
	if f.PercentComplete < 0 {
		f.PercentComplete = 0
	}
	if f.PercentComplete > 100 {
		f.PercentComplete = 100
	}
	f.Status = strings.ToLower(strings.TrimSpace(f.Status))
	switch f.Status {
	case crm.TaskInProcess, crm.TaskCompleted, crm.TaskCancelled:
	default:
		f.Status = crm.TaskNeedsAction
	}
	f.CompletedAt = strings.TrimSpace(f.CompletedAt)
	f.Reminders = canonicalReminders(f.Reminders)
	f.Categories = canonicalCategories(f.Categories)
	return f
}

// Equal reports whether two meetings' fields are the same after Canonical.
func Equal(a, b crm.EventFields) bool { return reflect.DeepEqual(Canonical(a), Canonical(b)) }

// EqualTask reports whether two tasks' fields are the same after
// CanonicalTask.
func EqualTask(a, b crm.TaskFields) bool {
	return reflect.DeepEqual(CanonicalTask(a), CanonicalTask(b))
}

// oneLine trims a one-line text.
func oneLine(s string) string { return strings.TrimSpace(s) }

// notes turns CRLF and CR into LF and trims.
func notes(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// localForm rewrites a local value in crm's layout ("" and unreadable
// values stay as they are).
func localForm(v string) string {
	v = strings.TrimSpace(v)
	if t, date, err := parseLocal(v); err == nil {
		return formatLocal(t, date)
	}
	return v
}

// keyList sorts keys in crm's forms without repeats; nil when empty.
func keyList(vs []string) []string {
	if len(vs) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		v = localForm(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// canonicalAttendee cleans one attendee.
func canonicalAttendee(a crm.Attendee) crm.Attendee {
	a.ContactID = "" // local to Fieldbook, never in the object
	a.Email = stripMailto(a.Email)
	a.Name = cleanName(a.Name)
	switch a.Role {
	case crm.RoleOptional, crm.RoleChair:
	default:
		a.Role = crm.RoleRequired
	}
	switch a.Status {
	case crm.PartAccepted, crm.PartDeclined, crm.PartTentative:
	default:
		a.Status = crm.PartNeedsAction
	}
	return a
}

// canonicalAttendees cleans a list of attendees.
func canonicalAttendees(as []crm.Attendee) []crm.Attendee {
	var out []crm.Attendee
	seen := map[string]bool{}
	for _, a := range as {
		a = canonicalAttendee(a)
		k := emailKey(a.Email)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// canonicalReminders sorts reminders without repeats or negative ones.
func canonicalReminders(rs []crm.Reminder) []crm.Reminder {
	var out []crm.Reminder
	seen := map[int]bool{}
	for _, r := range rs {
		if r.MinutesBefore < 0 || seen[r.MinutesBefore] {
			continue
		}
		seen[r.MinutesBefore] = true
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MinutesBefore < out[j].MinutesBefore })
	return out
}

// canonicalCategories trims categories, dropping empty and repeated ones.
func canonicalCategories(cs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		c = strings.TrimSpace(c)
		k := strings.ToLower(c)
		if c == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// emailKey is the form in which e-mails are compared: without "mailto:",
// in lower case.
func emailKey(e string) string { return strings.ToLower(stripMailto(e)) }
