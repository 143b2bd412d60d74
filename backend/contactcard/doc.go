// Package contactcard maps Fieldbook's contact fields (crm.ContactFields) to
// and from vCards (*vcard.Card).
//
// FromCard reads the fields a user edits out of any card Fieldbook meets
// (vCard 2.1, 3.0 or 4.0 from Outlook, Apple, Google, Android, …). NewCard
// builds a fresh vCard 3.0 card for a contact. Patch applies edited fields to
// a card read from a server and changes only the properties that carry a
// changed field, so everything Fieldbook does not understand (X- properties,
// PHOTO, groups, unknown parameters) and every untouched line survives a sync
// byte for byte.
//
// # Normalisation
//
// FromCard returns fields in canonical form (see Canonical), the same form
// the contacts service stores: one-line fields trimmed with inner whitespace
// and control characters collapsed to single spaces; notes and profile
// trimmed with CRLF and CR turned into LF; list rows without a value
// dropped; labels lower-cased with Apple's "_$!<…>!$_" wrapper removed and
// "other" when missing; dates as "YYYY-MM-DD" or "--MM-DD" (anything else
// becomes ""); tags trimmed with empty and case-insensitive repeats dropped;
// empty lists nil. Equal compares two field sets after that normalisation,
// and the package guarantees
//
//	Equal(FromCard(decode(Marshal(Patch(base, f), v))), f)
//	Equal(FromCard(decode(Marshal(NewCard(f, uid), v))), f)
//
// for v = "3.0" and "4.0".
//
// # Labels
//
// The label of an e-mail, phone, web address or postal address comes from an
// Apple-style group label (itemN.X-ABLabel) when there is one, else from the
// TYPE parameters: CELL and IPHONE → "mobile", FAX → "fax", PAGER → "pager",
// WORK → "work", HOME → "home", OTHER → "other" (in that order of
// precedence); PREF, INTERNET, VOICE, X400, TEXT, POSTAL, PARCEL, DOM, INTL
// and X- types are ignored; any other type (MAIN, CAR, ISDN, …) becomes the
// label in lower case; no type at all is "other". When writing, "work",
// "home" (and for phones "mobile" → CELL, "fax", "pager") become TYPE
// values, "other" is written without a TYPE, and any other label is written
// the Apple way, as itemN.EMAIL plus itemN.X-ABLabel:<label>, which Apple,
// Google, DAVx5 and Nextcloud show as a custom label.
package contactcard
