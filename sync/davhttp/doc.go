// Package davhttp is the HTTP layer Fieldbook's CardDAV and CalDAV clients
// share (sync/carddav, sync/caldav): one request path and one error model.
// A Client is made for a Kind (CardDAV or CalDAV), which picks the multiget
// REPORT, the data property, the upload type, the well-known path and the
// home-set property; everything else is the same for both.
//
// It speaks exactly the requests the engine needs, each built and parsed
// here so that the server quirks measured in ../shared/dav/SERVERS.md are
// handled in one place:
//
//   - Discover follows /.well-known/carddav (caldav) without letting Go's
//     client turn the PROPFIND into a GET, then current-user-principal
//     (falling back to the given URL and "/"), the home set and the
//     collections (for calendars with their supported components and colour).
//   - CollectionState reads getctag and DAV:sync-token in one PROPFIND.
//   - SyncCollection sends an RFC 6578 REPORT asking only for getetag and
//     reports a refused token (403/409 valid-sync-token, Xandikos' 500) as
//     ErrInvalidSyncToken so the engine can fall back to ListETags.
//   - Fetch sends addressbook-multiget or calendar-multiget with <prop>
//     before <href> (DAViCal),
//     falls back to GET per href when a multiget fails, reports 404 hrefs as
//     missing and returns the bytes the server sent.
//   - Redirects are never followed by the HTTP client (Go would replay a
//     redirected PROPFIND, REPORT or PUT as a GET and its 200 would look
//     like success): a 3xx is an *HTTPError, except that PROPFIND, being
//     read-only, follows up to 3 redirects by hand with its method kept.
//   - Create, Update and Delete are always conditional (If-None-Match: * or
//     If-Match: "<etag>"; never If-Match: *, which Radicale compares
//     literally).
//
// go-webdav v0.7.0's client is not used: every operation above needed
// something it lacks (conditional writes, typed 412, getctag, sync-token —
// its CalDAV client has no sync-collection at all —, multiget element
// order, per-href 404, well-known without redirect following), so one HTTP
// path and one error model serve them all.
//
// # Errors
//
// 412 is ErrPrecondition, 404 on Update/Delete/Get is ErrNotFound, a refused
// sync token is ErrInvalidSyncToken (test with errors.Is). Every other
// unexpected status is an *HTTPError (errors.As) carrying the status and the
// first 2 KB of the server's text, for the outbox. The typed errors also
// wrap the *HTTPError.
//
// # Retries and idempotence
//
// This package never retries; the engine decides. Every write is safe to
// repeat after an unknown outcome (timeout, dropped connection):
//
//   - Create: the caller chooses the UID and href before the first try. If
//     the repeat returns ErrPrecondition, the href exists: Get it and compare
//     the UID. If it is ours, the earlier create landed (take the ETag and
//     data from the Get as the new base); if not, it is a foreign object at
//     our href (choose a new href).
//   - Update: a repeat after a landed update returns ErrPrecondition (the
//     ETag moved). Get the object: if it carries our change (compare fields,
//     since servers such as Radicale re-serialise), it landed; otherwise it
//     is a real conflict for the three-way merge.
//   - Delete: a repeat after a landed delete returns ErrNotFound, which the
//     caller treats as done.
//
// # Hrefs and ETags
//
// Hrefs and paths are URL references resolved against Config.URL: usually
// absolute paths in escaped form as servers send them
// ("/alice/contacts/default/a.vcf"); absolute URLs also work. ETags are
// returned without the surrounding quotes (a weak ETag keeps its W/ form).
// An empty ETag means the server sent none (DAViCal on vCard PUT): fetch it.
//
// Remote binds a Client to one collection as the sync engine's Remote.
package davhttp
