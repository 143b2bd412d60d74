// Package eventcard maps Fieldbook's meetings and tasks (crm.EventFields,
// crm.TaskFields) to and from iCalendar objects, as contactcard does for
// contacts and vCards.
//
// Read splits an iCalendar file into objects: a meeting series (the master
// VEVENT and its overrides, which share a UID, in any order), an override
// kept without its master (an invitation to one occurrence), or a task
// (VTODO). FromObject reads the one object of a CalDAV resource. Each
// Object carries its standalone bytes (Data: the calendar properties except
// METHOD, the VTIMEZONEs it uses, its components), the UID byte for byte,
// the TZID text as received and the raw VTIMEZONEs, so Patch can later
// write it back with everything Fieldbook does not model intact.
//
// NewEvent and NewTask build fresh objects; Patch rewrites only the
// properties of fields that changed and keeps every other line as it was
// read (X- properties, X-MICROSOFT-CDO-*, VALARMs it does not model, the
// TZID text quoted or not).
//
// # Mapping
//
//   - SUMMARY, LOCATION, DESCRIPTION ↔ Title, Location, Notes.
//   - DTSTART/DTEND (or DURATION) ↔ Start/End in TimeZone: a DATE is
//     all-day; a zoned value keeps its wall clock and its zone (an IANA name
//     when tzmap maps the TZID, else the TZID text); a UTC value is zone
//     "UTC"; a floating value has zone "" (or the calendar's
//     X-WR-TIMEZONE, which is used for floating values only). A DTEND in
//     another zone is converted into the start's; a floating DTEND of a
//     zoned start is read in the start's zone (and reported).
//   - RRULE, EXDATE, RDATE ↔ RRule, ExDates, RDates, the dates as keys in the
//     master's zone and value type (recurrence.Key).
//   - A VEVENT with RECURRENCE-ID ↔ an Occurrence in Overrides keyed the
//     same way; of two with the same key the higher SEQUENCE wins; STATUS
//     CANCELLED marks a cancelled occurrence.
//   - X-MICROSOFT-CDO-BUSYSTATUS (FREE, TENTATIVE, BUSY, OOF), else
//     X-MICROSOFT-CDO-INTENDEDSTATUS, else TRANSP ↔ Busy.
//   - CLASS PRIVATE or CONFIDENTIAL ↔ Private.
//   - CATEGORIES (every line, split on unescaped commas) ↔ Categories.
//   - ATTENDEE and ORGANIZER ↔ Attendee (EMAIL= parameter, else the
//     mailto: value; CN; ROLE CHAIR / OPT-PARTICIPANT / NON-PARTICIPANT;
//     PARTSTAT).
//   - VALARM with ACTION DISPLAY or AUDIO and a TRIGGER of zero or less
//     relative to the start (for a task: to DUE, or to the start when it is
//     the only anchor) ↔ Reminders; any other alarm is kept verbatim.
//   - VTODO: DUE, DTSTART, PRIORITY, STATUS, PERCENT-COMPLETE, COMPLETED ↔
//     Due, Start, Priority, Status, PercentComplete, CompletedAt.
package eventcard
