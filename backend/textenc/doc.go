// Package textenc detects the character encoding of contact and calendar files
// (CSV, vCard, iCalendar) and decodes them to UTF-8.
//
// Files reach Fieldbook from Outlook, Excel, Thunderbird, phones and old
// address books, so they come in UTF-8 (with or without a byte order mark),
// UTF-16 (little- or big-endian, with or without a BOM), Windows-1252 /
// ISO-8859-1 and Shift_JIS. Detect sniffs a sample, Lookup resolves a charset
// label found inside a file (vCard CHARSET=, MIME charset=), DecodeBytes
// decodes a byte slice from a named charset and NewReader wraps a stream.
//
// The canonical names returned in a Detection are "utf-8", "utf-16le",
// "utf-16be", "windows-1252" and "shift_jis"; CanonicalName also yields
// "iso-8859-1", "utf-16" and, for other charsets known to
// golang.org/x/text, their WHATWG/IANA name.
package textenc
