// Package ical is a lenient, lossless codec for iCalendar (RFC 5545) objects
// as Outlook, Exchange, Google, Apple, Thunderbird, Zimbra and friends write
// them.
//
// # Reading
//
// Read never aborts on bad input: a broken line is skipped and reported as a
// Problem (line number, component, reason) and everything else is returned.
// Only input holding no calendar at all is an error (ErrNoCalendar).
//
// Decoding works on bytes first and applies charsets last:
//   - the file encoding is sniffed (textenc.Detect): UTF-16 is transcoded and
//     a UTF-8 byte order mark is dropped;
//   - physical lines end with CRLF, LF, CR or CR CR LF; a line starting with
//     a space or TAB continues the previous one (exactly one whitespace byte
//     is removed), so a fold may split a multi-byte character, a parameter or
//     sit right after the colon;
//   - each unfolded line that is not valid UTF-8 is then decoded with the
//     file's legacy charset (Windows-1252 unless Shift_JIS was sniffed).
//
// A content line is split into an optional group, its name, its parameters
// (quoted values may hold ';', ':' and ','; RFC 6868 caret escapes are
// decoded) and its value: everything after the first colon outside quotes,
// kept in escaped form (Property.Value). Text() and SetText() unescape and
// escape TEXT values. A parameter segment without '=' (`TZIDAsia/Tehran`) is
// kept verbatim as a Bare parameter. BEGIN/END lines nest components to any
// sensible depth (VCALENDAR > VEVENT > VALARM, VTIMEZONE > STANDARD).
//
// # Writing
//
// Write emits UTF-8 with CRLF line endings, folded at 75 octets without
// splitting a UTF-8 sequence. A property that was not changed since it was
// read (Write re-parses its original line and compares) is written from its
// original unfolded text, so X- properties, unknown parameters, the TZID
// text quoted or unquoted as received and any odd spelling survive a round
// trip; a changed property is serialised from its fields.
//
// # Date and time values
//
// ParseDateTime reads DATE and DATE-TIME values (local with TZID, UTC,
// floating) and finds the zone through a ZoneResolver (package tzmap
// resolves Windows and legacy Outlook TZIDs and embedded VTIMEZONEs).
//
// The package has no mutable global state and does not panic on any input
// (it is fuzzed with FuzzRead and FuzzRoundTrip).
package ical
