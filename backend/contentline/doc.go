// Package contentline holds the RFC 5545 / RFC 6350 content-line lexics
// that the iCalendar (backend/ical) and vCard (backend/vcard) codecs share:
// TEXT escaping, RFC 6868 parameter-value carets, splitting escaped lists,
// name checks, splitting the parameters off a line, and folding at 75
// octets without splitting a UTF-8 sequence.
//
// Everything here is lexical and stateless; the codecs keep their own
// leniency rules (which escapes a vCard 2.1 line has, how a bare parameter
// is read) and call these helpers for the parts that are the same.
package contentline
