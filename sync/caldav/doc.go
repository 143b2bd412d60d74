// Package caldav is the CalDAV side of Fieldbook's sync engine: a Client
// for calendars (the shared DAV HTTP layer of sync/davhttp set to CalDAV:
// calendar-multiget, text/calendar, /.well-known/caldav,
// calendar-home-set, with discovery of each calendar's components and
// colour), the engine's iCalendar Codec over backend/eventcard, and the
// Schema the three-way merge compares a meeting or task by.
//
// One calendar object resource is one engine record: a meeting with its
// whole series (master and overrides), or a task. go-webdav v0.7.0's
// CalDAV client is not used (it has no sync-collection, no conditional
// writes and no typed 412; see sync/davhttp).
package caldav
