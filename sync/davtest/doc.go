// Package davtest provides in-memory CardDAV and CalDAV servers with fault
// injection for the sync engine's tests.
//
// The server is go-webdav v0.7.0's carddav.Handler (NewCardDAV) or
// caldav.Handler (NewCalDAV: one calendar of meetings and tasks, with a
// calendar-color) over an in-memory backend, wrapped by a handler that adds
// what go-webdav's server
// lacks and what the engine relies on from real servers (Radicale, Xandikos,
// DAViCal): Basic auth, a 301 well-known redirect to "/", If-Match on DELETE,
// getctag and sync-token properties, the RFC 6578 sync-collection REPORT, a
// request log and scripted faults (dropped connections, error statuses,
// delays, truncated bodies).
//
// It is a test helper: nothing in the shipped binary imports it.
package davtest
