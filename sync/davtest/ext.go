package davtest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// extHandler adds to go-webdav's carddav.Handler and caldav.Handler what
// v0.7.0 lacks: getctag and sync-token on the collection (PROPFIND), the
// RFC 6578 sync-collection REPORT, and for a calendar its calendar-color
// (PROPFIND on the calendar or its home set). Everything else goes to next.
type extHandler struct {
	store *store
	fl    flavour
	next  http.Handler
}

// maxBody bounds request bodies the wrapper reads.
const maxBody = 1 << 20

func (h *extHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		h.next.ServeHTTP(&davHeaderWriter{ResponseWriter: w}, r)
		return
	}
	home := h.fl.isHomeSet(r.URL.Path) && r.Method == "PROPFIND"
	if (r.Method != "PROPFIND" && r.Method != "REPORT") || !(h.fl.isCollection(r.URL.Path) || home) {
		h.next.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		http.Error(w, fmt.Sprintf("davtest: read body: %v", err), http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	req, err := parseDAVRequest(body)
	if err != nil {
		h.next.ServeHTTP(w, r) // let go-webdav report the malformed body
		return
	}
	switch {
	case home && req.wants(nameCalendarColor):
		h.propfindHome(w, r, req)
	case home:
		h.next.ServeHTTP(w, r)
	case r.Method == "REPORT" && req.root == nameSyncCollection:
		h.syncCollection(w, req)
	case r.Method == "PROPFIND" && (req.wants(nameGetCTag) || req.wants(nameSyncToken) || req.wants(nameCalendarColor)):
		h.propfindBook(w, r, req)
	default:
		h.next.ServeHTTP(w, r)
	}
}

// syncToken renders a change counter as a sync token.
func syncToken(n uint64) string { return "data:," + strconv.FormatUint(n, 10) }

// parseSyncToken reads a token from syncToken; "" means a full sync (0).
func parseSyncToken(tok string) (uint64, bool) {
	if tok == "" {
		return 0, true
	}
	rest, ok := strings.CutPrefix(tok, "data:,")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 64)
	return n, err == nil
}

// syncCollection answers REPORT sync-collection: members changed since the
// token with their ETags (and any requested getlastmodified, getcontenttype,
// address-data), deleted ones as 404, and the new token. getetag is always
// included. An unknown or future token gets 403 valid-sync-token, like
// Radicale. The limit element is ignored.
func (h *extHandler) syncCollection(w http.ResponseWriter, req davRequest) {
	since, ok := parseSyncToken(req.syncToken)
	var (
		updated map[string]entry
		deleted []string
		now     uint64
	)
	if ok {
		updated, deleted, now, ok = h.store.since(since)
	}
	if !ok {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, `<?xml version="1.0" encoding="utf-8"?>`+"\n"+`<error xmlns="DAV:"><valid-sync-token/></error>`)
		return
	}
	ms := newMultistatus()
	for _, href := range sortedKeys(updated) {
		found, missing := h.objectProps(updated[href], req.props)
		found[nameGetETag] = escape(strconv.Quote(updated[href].etag))
		ms.response(href, found, missing)
	}
	for _, href := range deleted {
		ms.gone(href)
	}
	writeMultistatus(w, ms.finish(syncToken(now)))
}

// propfindBook answers a PROPFIND on the collection that asks for getctag,
// sync-token or calendar-color; with Depth other than 0 it lists members
// with ETags.
func (h *extHandler) propfindBook(w http.ResponseWriter, r *http.Request, req davRequest) {
	ms := newMultistatus()
	h.collectionResponse(ms, req)
	if r.Header.Get("Depth") != "0" {
		objs, hrefs := h.store.list()
		for _, href := range hrefs {
			f, m := h.objectProps(objs[href], req.props)
			ms.response(href, f, m)
		}
	}
	writeMultistatus(w, ms.finish(""))
}

// propfindHome answers a PROPFIND on the calendar home set that asks for
// calendar-color (go-webdav does not know it): the home set, and with
// Depth other than 0 the calendar.
func (h *extHandler) propfindHome(w http.ResponseWriter, r *http.Request, req davRequest) {
	ms := newMultistatus()
	found := map[xml.Name]string{}
	var missing []xml.Name
	for _, n := range req.props {
		if n == nameResourceType {
			found[n] = element(xml.Name{Space: nsDAV, Local: "collection"}, "")
		} else {
			missing = append(missing, n)
		}
	}
	ms.response(h.fl.homeSet, found, missing)
	if r.Header.Get("Depth") != "0" {
		h.collectionResponse(ms, req)
	}
	writeMultistatus(w, ms.finish(""))
}

// collectionResponse adds the collection's requested properties to ms.
func (h *extHandler) collectionResponse(ms *multistatus, req davRequest) {
	tok := syncToken(h.store.counter())
	found := map[xml.Name]string{}
	var missing []xml.Name
	for _, n := range req.props {
		if v, ok := h.bookProp(n, tok); ok {
			found[n] = v
		} else {
			missing = append(missing, n)
		}
	}
	ms.response(h.fl.collection, found, missing)
}

// bookProp renders one property of the collection.
func (h *extHandler) bookProp(n xml.Name, tok string) (string, bool) {
	switch n {
	case nameGetCTag, nameSyncToken:
		return escape(tok), true
	case nameResourceType:
		return element(xml.Name{Space: nsDAV, Local: "collection"}, "") + element(h.fl.resource, ""), true
	case xml.Name{Space: nsDAV, Local: "displayname"}:
		return escape(h.fl.name), true
	case xml.Name{Space: nsDAV, Local: "current-user-principal"}:
		return "<href>" + escape(PrincipalPath) + "</href>", true
	case xml.Name{Space: nsDAV, Local: "supported-report-set"}:
		var b strings.Builder
		for _, rep := range h.fl.reports {
			b.WriteString("<supported-report><report>" + element(rep, "") + "</report></supported-report>")
		}
		return b.String(), true
	}
	return h.fl.extra(n)
}

// objectProps renders the requested properties of one member.
func (h *extHandler) objectProps(e entry, props []xml.Name) (map[xml.Name]string, []xml.Name) {
	found := map[xml.Name]string{}
	var missing []xml.Name
	for _, n := range props {
		switch n {
		case nameGetETag:
			found[n] = escape(strconv.Quote(e.etag))
		case xml.Name{Space: nsDAV, Local: "getcontenttype"}:
			found[n] = h.fl.mime
		case xml.Name{Space: nsDAV, Local: "getlastmodified"}:
			found[n] = e.mod.UTC().Format(http.TimeFormat)
		case xml.Name{Space: nsDAV, Local: "resourcetype"}:
			found[n] = ""
		case h.fl.data:
			found[n] = escape(string(e.data))
		default:
			missing = append(missing, n)
		}
	}
	return found, missing
}

// writeMultistatus sends a 207 with body.
func writeMultistatus(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusMultiStatus)
	w.Write(body)
}

// sortedKeys returns m's keys in order, for stable responses.
func sortedKeys(m map[string]entry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// davHeaderWriter adds "sync-collection" to go-webdav's DAV header, as
// Xandikos advertises it.
type davHeaderWriter struct {
	http.ResponseWriter
	done bool
}

func (w *davHeaderWriter) WriteHeader(code int) {
	if !w.done {
		w.done = true
		if v := w.Header().Get("DAV"); v != "" {
			w.Header().Set("DAV", v+", sync-collection")
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *davHeaderWriter) Write(p []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}
