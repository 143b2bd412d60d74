package eventcard

import (
	"strings"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/ical"
)

// addressOf returns the e-mail of an ATTENDEE or ORGANIZER: the EMAIL
// parameter (Outlook, RFC 7986), else the value without "mailto:".
func addressOf(p *ical.Property) string {
	if e := strings.TrimSpace(p.Param("EMAIL")); e != "" {
		return stripMailto(e)
	}
	return stripMailto(p.Value)
}

// stripMailto trims an address and drops a "mailto:" prefix.
func stripMailto(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 7 && strings.EqualFold(v[:7], "mailto:") {
		v = strings.TrimSpace(v[7:])
	}
	return v
}

// cleanName drops the single quotes Outlook puts around some CNs
// (CN="'name@example.net'").
func cleanName(n string) string {
	n = strings.TrimSpace(n)
	if len(n) >= 2 && n[0] == '\'' && n[len(n)-1] == '\'' {
		n = strings.TrimSpace(n[1 : len(n)-1])
	}
	return n
}

// attendee reads one ATTENDEE (or ORGANIZER).
func attendee(p *ical.Property) crm.Attendee {
	a := crm.Attendee{Email: addressOf(p), Name: cleanName(p.Param("CN"))}
	switch strings.ToUpper(p.Param("ROLE")) {
	case "CHAIR":
		a.Role = crm.RoleChair
	case "OPT-PARTICIPANT", "NON-PARTICIPANT":
		a.Role = crm.RoleOptional
	default:
		a.Role = crm.RoleRequired
	}
	switch strings.ToUpper(p.Param("PARTSTAT")) {
	case "ACCEPTED":
		a.Status = crm.PartAccepted
	case "DECLINED":
		a.Status = crm.PartDeclined
	case "TENTATIVE":
		a.Status = crm.PartTentative
	default:
		a.Status = crm.PartNeedsAction
	}
	return a
}

// roleParam is the ROLE value of a role.
func roleParam(role string) string {
	switch role {
	case crm.RoleChair:
		return "CHAIR"
	case crm.RoleOptional:
		return "OPT-PARTICIPANT"
	}
	return "REQ-PARTICIPANT"
}

// partstatParam is the PARTSTAT value of a participation state.
func partstatParam(status string) string {
	switch status {
	case crm.PartAccepted:
		return "ACCEPTED"
	case crm.PartDeclined:
		return "DECLINED"
	case crm.PartTentative:
		return "TENTATIVE"
	}
	return "NEEDS-ACTION"
}

// attendees reads every ATTENDEE with an address.
func attendees(c *ical.Component) []crm.Attendee {
	var out []crm.Attendee
	for _, p := range c.All("ATTENDEE") {
		if a := attendee(p); a.Email != "" {
			out = append(out, a)
		}
	}
	return out
}

// alarmMode says which relative triggers are reminders.
type alarmMode struct {
	task bool // a VTODO: RELATED=END (to DUE) is a reminder
	// startOK: for a task, a trigger related to the start is a reminder
	// too (the task has only one of DTSTART and DUE, or they are equal).
	startOK bool
	// writeEnd: new alarms of a task are written RELATED=END (it has DUE).
	writeEnd bool
}

// taskAlarms is the alarm mode of a task with or without start and due.
func taskAlarms(hasStart, hasDue, same bool) alarmMode {
	return alarmMode{task: true, startOK: !hasStart || !hasDue || same, writeEnd: hasDue}
}

// alarmMinutes reads a VALARM Fieldbook models as a reminder: ACTION
// DISPLAY or AUDIO (or none), a relative TRIGGER of zero or less, related to
// the start of a meeting, or to DUE of a task (see alarmMode).
func alarmMinutes(a *ical.Component, mode alarmMode) (int, bool) {
	switch strings.ToUpper(strings.TrimSpace(a.Text("ACTION"))) {
	case "", "DISPLAY", "AUDIO":
	default:
		return 0, false
	}
	if a.Prop("X-APPLE-PROXIMITY") != nil || a.Prop("X-APPLE-STRUCTURED-LOCATION") != nil {
		return 0, false
	}
	trig := a.Prop("TRIGGER")
	if trig == nil || strings.EqualFold(trig.Param("VALUE"), "DATE-TIME") {
		return 0, false
	}
	related := strings.ToUpper(trig.Param("RELATED"))
	switch {
	case !mode.task && related == "END":
		return 0, false
	case mode.task && related != "END" && !mode.startOK:
		return 0, false
	}
	d, err := ical.ParseDuration(trig.Value)
	if err != nil || d > 0 {
		return 0, false
	}
	return int((-d + 30*time.Second) / time.Minute), true
}

// reminders reads the modelled alarms of a component.
func reminders(c *ical.Component, mode alarmMode) []crm.Reminder {
	var out []crm.Reminder
	for _, a := range c.ChildrenNamed("VALARM") {
		if m, ok := alarmMinutes(a, mode); ok {
			out = append(out, crm.Reminder{MinutesBefore: m})
		}
	}
	return out
}

// cdoBusy maps Outlook's busy status values.
var cdoBusy = map[string]string{
	"FREE": crm.BusyFree, "TENTATIVE": crm.BusyTentative, "BUSY": crm.BusyBusy,
	"OOF": crm.BusyOutOfOffice, "WORKINGELSEWHERE": crm.BusyBusy,
}

// busyOf reads the busy state: Outlook's X-MICROSOFT-CDO-BUSYSTATUS, else
// X-MICROSOFT-CDO-INTENDEDSTATUS, else TRANSP.
func busyOf(c *ical.Component) string {
	for _, name := range []string{"X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-CDO-INTENDEDSTATUS"} {
		if b, ok := cdoBusy[strings.ToUpper(strings.TrimSpace(c.Text(name)))]; ok {
			return b
		}
	}
	if strings.EqualFold(strings.TrimSpace(c.Text("TRANSP")), "TRANSPARENT") {
		return crm.BusyFree
	}
	return crm.BusyBusy
}

// cdoValue is the X-MICROSOFT-CDO-BUSYSTATUS value of a busy state.
func cdoValue(busy string) string {
	switch busy {
	case crm.BusyFree:
		return "FREE"
	case crm.BusyTentative:
		return "TENTATIVE"
	case crm.BusyOutOfOffice:
		return "OOF"
	}
	return "BUSY"
}

// transpValue is the TRANSP value of a busy state.
func transpValue(busy string) string {
	if busy == crm.BusyFree {
		return "TRANSPARENT"
	}
	return "OPAQUE"
}

// categories reads every CATEGORIES line.
func categories(c *ical.Component) []string {
	var out []string
	for _, p := range c.All("CATEGORIES") {
		out = append(out, p.Texts()...)
	}
	return out
}
