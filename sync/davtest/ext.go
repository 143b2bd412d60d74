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

	"github.com/emersion/go-vcard"
)

// extHandler adds to go-webdav's carddav.Handler what v0.7.0 lacks:
// getctag and sync-token on the address book (PROPFIND) and the RFC 6578
// sync-collection REPORT. Everything else goes to next.
type extHandler struct {
	store *store
	next  http.Handler
}

// maxBody bounds request bodies the wrapper reads.
const maxBody = 1 << 20

func (h *extHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodOptions {
		h.next.ServeHTTP(&davHeaderWriter{ResponseWriter: w}, r)
		return
	}
	if (r.Method != "PROPFIND" && r.Method != "REPORT") || !isBookPath(r.URL.Path) {
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
	case r.Method == "REPORT" && req.root == nameSyncCollection:
		h.syncCollection(w, req)
	case r.Method == "PROPFIND" && (req.wants(nameGetCTag) || req.wants(nameSyncToken)):
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
		found, missing := objectProps(updated[href], req.props)
		found[nameGetETag] = escape(strconv.Quote(updated[href].etag))
		ms.response(href, found, missing)
	}
	for _, href := range deleted {
		ms.gone(href)
	}
	writeMultistatus(w, ms.finish(syncToken(now)))
}

// propfindBook answers a PROPFIND on the address book that asks for getctag
// or sync-token; with Depth other than 0 it lists members with ETags.
func (h *extHandler) propfindBook(w http.ResponseWriter, r *http.Request, req davRequest) {
	tok := syncToken(h.store.counter())
	ms := newMultistatus()
	found := map[xml.Name]string{}
	var missing []xml.Name
	for _, n := range req.props {
		if v, ok := bookProp(n, tok); ok {
			found[n] = v
		} else {
			missing = append(missing, n)
		}
	}
	ms.response(AddressBookPath, found, missing)
	if r.Header.Get("Depth") != "0" {
		objs, hrefs := h.store.list()
		for _, href := range hrefs {
			f, m := objectProps(objs[href], req.props)
			ms.response(href, f, m)
		}
	}
	writeMultistatus(w, ms.finish(""))
}

// bookProp renders one address book property.
func bookProp(n xml.Name, tok string) (string, bool) {
	switch n {
	case nameGetCTag, nameSyncToken:
		return escape(tok), true
	case xml.Name{Space: nsDAV, Local: "resourcetype"}:
		return element(xml.Name{Space: nsDAV, Local: "collection"}, "") +
			element(xml.Name{Space: nsCardDAV, Local: "addressbook"}, ""), true
	case xml.Name{Space: nsDAV, Local: "displayname"}:
		return "Default", true
	case xml.Name{Space: nsDAV, Local: "current-user-principal"}:
		return "<href>" + escape(PrincipalPath) + "</href>", true
	case xml.Name{Space: nsDAV, Local: "supported-report-set"}:
		var b strings.Builder
		for _, rep := range []xml.Name{nameSyncCollection, {Space: nsCardDAV, Local: "addressbook-multiget"}, {Space: nsCardDAV, Local: "addressbook-query"}} {
			b.WriteString("<supported-report><report>" + element(rep, "") + "</report></supported-report>")
		}
		return b.String(), true
	}
	return "", false
}

// objectProps renders the requested properties of one member.
func objectProps(e entry, props []xml.Name) (map[xml.Name]string, []xml.Name) {
	found := map[xml.Name]string{}
	var missing []xml.Name
	for _, n := range props {
		switch n {
		case nameGetETag:
			found[n] = escape(strconv.Quote(e.etag))
		case xml.Name{Space: nsDAV, Local: "getcontenttype"}:
			found[n] = vcard.MIMEType
		case xml.Name{Space: nsDAV, Local: "getlastmodified"}:
			found[n] = e.mod.UTC().Format(http.TimeFormat)
		case xml.Name{Space: nsDAV, Local: "resourcetype"}:
			found[n] = ""
		case nameAddressData:
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
