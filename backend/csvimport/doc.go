// Package csvimport reads contact CSV files exported by Outlook (English and
// localised), Google Contacts (legacy and current formats), Thunderbird and
// other CRMs, in any of the encodings textenc detects and with comma,
// semicolon or TAB delimiters.
//
// Reading is streaming: Open sniffs the encoding and the delimiter from the
// first 64 KiB, and Reader.Next returns one row at a time, so a file of any
// size is read in memory bounded by Options.MaxRowBytes. A malformed row is
// reported as a *RowError and skipped; reading goes on with the next row.
//
// Mapping is separate: DetectProfile recognises the header set and returns a
// Mapping (column index → canonical field and label) which a caller may
// override, and ToRecord turns a Row into a Record plus a list of Problems
// (malformed e-mail, unreadable date, …) that never abort an import.
package csvimport
