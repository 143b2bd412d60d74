// Package recurrence expands a meeting series (crm.EventFields with an
// RRULE, RDATEs, EXDATEs and per-occurrence overrides) into occurrences, and
// edits a series the way calendar users expect: this occurrence, this and
// the following ones, or all of them.
//
// # Wall clock
//
// Everything is computed in wall-clock time, never in UTC: the rule is
// expanded on the local date-times of the master's zone (the location given
// to Expand), and only each finished occurrence becomes an instant. A 10:00
// weekly meeting in Europe/Berlin is at 10:00 both in summer (08:00Z) and in
// winter (09:00Z). A wall-clock time that does not exist (the hour skipped
// when clocks go forward) is read with the offset before the change, and a
// time that happens twice (clocks go back) is the first of the two, as RFC
// 5545 §3.3.5 says. All-day occurrences are dates; their instants are the
// local midnights in the given location, and their dates never shift.
//
// # Keys
//
// An occurrence is identified by its RecurrenceID: its original start in the
// form of the master's Start ("2006-01-02T15:04:05" wall clock in the
// master's zone, or "2006-01-02" for an all-day series). EXDATEs, RDATEs and
// overrides are matched on that key, in the master's zone and value type,
// so an Exchange RECURRENCE-ID given as a date-time still matches the date of
// an all-day master (eventcard converts received values into keys with
// Key). A date-time key of an all-day series matches by its date; a date key
// of a timed series matches every occurrence on that date.
//
// # Rules of this implementation
//
//   - RRULE is read leniently: spaces anywhere (BYDAY=MO, TU), lower case,
//     unknown parts (X-…, RSCALE, SKIP) ignored. UNTIL may be a UTC
//     date-time (converted into the master's wall clock, so an Exchange
//     all-day series ending at 23:00Z keeps the local last day), a floating
//     date-time (read in the master's zone) or a date (the whole day counts).
//     UNTIL is inclusive.
//   - DTSTART of a series with an RRULE is an occurrence only when the rule
//     produces it (python-dateutil, rrule-go and Outlook behave so; RFC 5545
//     calls an unsynchronised DTSTART undefined). With RDATEs and no RRULE,
//     DTSTART is always the first occurrence. COUNT counts the rule's
//     occurrences.
//   - Every occurrence lasts as long as the master (an exact duration for
//     timed meetings, a number of days for all-day ones).
//   - An override always shows, also when its key is an EXDATE (the
//     override wins, as iCal 1.5 files need) or not produced by the rule;
//     overrides moved into or out of the asked window are placed by their
//     own start and end.
//   - Cancelled occurrences (Status "cancelled" on an override) are
//     returned; callers decide how to show them.
package recurrence
