// Package phone parses, validates, normalises and formats phone numbers as
// they appear in real address books: Outlook and Google CSV exports, vCard
// "tel:" URIs, hand-typed numbers with brackets, slashes, dots, vanity letters,
// extensions and digits from any Unicode script.
//
// Every number is normalised to E.164 ("+4930123456"), which is the key used
// to find duplicate contacts. Input that cannot be understood is never an
// error: it yields a Number with an empty E164 so the caller keeps the text
// the user wrote.
//
// The package wraps github.com/nyaruka/phonenumbers (a Go port of Google's
// libphonenumber); no type of that library appears in this package's API.
package phone
