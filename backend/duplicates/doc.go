// Package duplicates finds contacts that are probably the same person and
// merges two contacts without losing a value.
//
// Detection is computed on demand, in memory, from the matching data of the
// live contacts: the same e-mail address (case-folded), the same phone number
// (E.164, read with a default region so "030 1234567" in Germany is
// "+49 30 1234567"), or the same or a similar name at the same company.
// Names are folded before they are compared: case and accents dropped, German
// umlauts and their spelt-out forms made equal (Müller = Mueller), common
// English nicknames read as the full name (Bob = Robert), tokens sorted.
// Similar names (one typing slip apart: an edit distance of one, two for
// long names) are compared only within a block of contacts
// at the same company whose family names start alike (BenchmarkFind100k:
// 100,000 seeded contacts read from the database and compared in ~1.5 s).
//
// Merging keeps every distinct value: lists are unioned by their normalised
// value, tags unioned, and a scalar value that is not kept (the user picked
// the other side) is written into the notes, so nothing is lost.
package duplicates
