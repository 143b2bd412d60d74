package carddav

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"fieldbook/sync/davtest"
)

func asHTTPError(err error, he **HTTPError) bool { return errors.As(err, he) }

// TestCreate proves a create sends If-None-Match: *, returns the stored
// ETag, and that a second create at the same href is ErrPrecondition and
// leaves the first version in place.
func TestCreate(t *testing.T) {
	s := newServer(t)
	c := newClient(t, s.URL(), "")
	ctx := context.Background()
	h := book + "a.vcf"
	etag, err := c.Create(ctx, h, card("a", "Ann"))
	if err != nil || etag == "" || etag != s.Objects()[h].ETag {
		t.Fatalf("Create = %q, %v; server ETag %q", etag, err, s.Objects()[h].ETag)
	}
	_, err = c.Create(ctx, h, card("a", "Other"))
	if !errors.Is(err, ErrPrecondition) {
		t.Fatalf("second Create err = %v, want ErrPrecondition", err)
	}
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusPreconditionFailed {
		t.Fatalf("second Create err = %v, want it to carry the 412", err)
	}
	if o := s.Objects()[h]; o.ETag != etag || !bytes.Contains(o.Data, []byte("FN:Ann")) {
		t.Fatalf("server object changed: %+v", o)
	}
	if r := s.Requests(); r[0].IfNoneMatch != "*" || r[0].IfMatch != "" {
		t.Fatalf("create sent %+v, want If-None-Match: * only", r[0])
	}
}

// TestUpdate proves an update with the current ETag sends If-Match with
// it quoted and returns the new ETag; a stale ETag is ErrPrecondition and
// changes nothing; a missing object is ErrPrecondition or ErrNotFound
// (davtest answers 412, as RFC 9110 allows); an empty ETag sends nothing.
func TestUpdate(t *testing.T) {
	s := newServer(t)
	h := book + "a.vcf"
	old := s.Put(h, card("a", "Ann"))
	c := newClient(t, s.URL(), "")
	ctx := context.Background()
	etag, err := c.Update(ctx, h, old, card("a", "Ann Two"))
	if err != nil || etag == old || etag != s.Objects()[h].ETag {
		t.Fatalf("Update = %q, %v; server %q", etag, err, s.Objects()[h].ETag)
	}
	if r := s.Requests(); r[0].IfMatch != `"`+old+`"` {
		t.Fatalf("If-Match %q, want %q", r[0].IfMatch, `"`+old+`"`)
	}
	if _, err := c.Update(ctx, h, old, card("a", "Stale")); !errors.Is(err, ErrPrecondition) {
		t.Fatalf("stale Update err = %v, want ErrPrecondition", err)
	}
	if !bytes.Contains(s.Objects()[h].Data, []byte("Ann Two")) {
		t.Fatalf("stale update changed the server")
	}
	if _, err := c.Update(ctx, book+"none.vcf", "e1", card("n", "N")); !errors.Is(err, ErrPrecondition) && !errors.Is(err, ErrNotFound) {
		t.Fatalf("Update of missing err = %v", err)
	}
	n := len(s.Requests())
	if _, err := c.Update(ctx, h, "", card("a", "X")); err == nil || len(s.Requests()) != n {
		t.Fatalf("Update without ETag: err %v, %d requests sent", err, len(s.Requests())-n)
	}
}

// TestDelete proves a delete with a stale ETag is ErrPrecondition and
// keeps the object, with the current ETag removes it, and a repeat is
// ErrNotFound (which a retrying caller treats as done).
func TestDelete(t *testing.T) {
	s := newServer(t)
	h := book + "a.vcf"
	etag := s.Put(h, card("a", "Ann"))
	c := newClient(t, s.URL(), "")
	ctx := context.Background()
	if err := c.Delete(ctx, h, "stale"); !errors.Is(err, ErrPrecondition) {
		t.Fatalf("stale Delete err = %v", err)
	}
	if _, ok := s.Objects()[h]; !ok {
		t.Fatalf("stale delete removed the object")
	}
	if err := c.Delete(ctx, h, etag); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, ok := s.Objects()[h]; ok {
		t.Fatalf("object still there")
	}
	if err := c.Delete(ctx, h, etag); !errors.Is(err, ErrNotFound) {
		t.Fatalf("repeated Delete err = %v, want ErrNotFound", err)
	}
	if err := c.Delete(ctx, h, ""); err == nil {
		t.Fatalf("Delete without ETag succeeded")
	}
}

// TestHTTPErrorCarriesText proves an unexpected status comes back as an
// *HTTPError with the status and the server's text, and is neither
// ErrPrecondition nor ErrNotFound.
func TestHTTPErrorCarriesText(t *testing.T) {
	s := newServer(t)
	s.Fail(davtest.FaultRule{Method: http.MethodPut, Kind: davtest.FaultStatus500})
	_, err := newClient(t, s.URL(), "").Create(context.Background(), book+"a.vcf", card("a", "Ann"))
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 500 || !strings.Contains(he.Body, "davtest: injected failure") {
		t.Fatalf("err = %v, want HTTPError 500 with the server's text", err)
	}
	if errors.Is(err, ErrPrecondition) || errors.Is(err, ErrNotFound) {
		t.Fatalf("500 matched a typed error: %v", err)
	}
	if !strings.Contains(err.Error(), "500") || !strings.Contains(err.Error(), "injected failure") {
		t.Fatalf("message %q lacks status and text", err)
	}
}

// TestCreateRetryAfterDrop proves the documented recovery: the server
// applies a create but the answer is lost; the repeat gets
// ErrPrecondition, a Get shows our UID, and the server holds exactly one
// object.
func TestCreateRetryAfterDrop(t *testing.T) {
	s := newServer(t)
	s.Fail(davtest.FaultRule{Method: http.MethodPut, Kind: davtest.FaultDropAfter, Times: 1})
	c := newClient(t, s.URL(), "")
	ctx := context.Background()
	h := book + "uid-123.vcf"
	data := card("uid-123", "Ann")
	if _, err := c.Create(ctx, h, data); err == nil {
		t.Fatalf("Create with dropped answer succeeded")
	}
	_, err := c.Create(ctx, h, data)
	if !errors.Is(err, ErrPrecondition) {
		t.Fatalf("retried Create err = %v, want ErrPrecondition", err)
	}
	o, err := c.Get(ctx, h)
	if err != nil || !bytes.Contains(o.Data, []byte("UID:uid-123")) || o.ETag != s.Objects()[h].ETag {
		t.Fatalf("Get = %+v, %v", o, err)
	}
	if n := len(s.Objects()); n != 1 {
		t.Fatalf("server holds %d objects, want 1", n)
	}
	if n := count(s.Requests(), http.MethodPut, h); n != 2 {
		t.Fatalf("%d PUTs, want 2 (no transport replay)", n)
	}
}

// TestGetNotFound proves Get maps 404 to ErrNotFound.
func TestGetNotFound(t *testing.T) {
	s := newServer(t)
	if _, err := newClient(t, s.URL(), "").Get(context.Background(), book+"none.vcf"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
}

// TestNoETagOnPut proves a PUT answered without an ETag (DAViCal) returns
// "" and no error.
func TestNoETagOnPut(t *testing.T) {
	s := newServer(t)
	c, err := New(context.Background(), Config{URL: s.URL(), Username: davtest.Username, Password: davtest.Password,
		HTTP: &http.Client{Transport: stripETag{http.DefaultTransport}}})
	if err != nil {
		t.Fatal(err)
	}
	etag, err := c.Create(context.Background(), book+"a.vcf", card("a", "Ann"))
	if err != nil || etag != "" {
		t.Fatalf("Create = %q, %v; want \"\", nil", etag, err)
	}
}

// stripETag removes ETag headers from responses.
type stripETag struct{ next http.RoundTripper }

func (s stripETag) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(r)
	if resp != nil {
		resp.Header.Del("ETag")
	}
	return resp, err
}

// TestCredentialsInURL proves credentials given in the URL authenticate
// and never appear in error text.
func TestCredentialsInURL(t *testing.T) {
	s := newServer(t)
	u := strings.Replace(s.URL(), "http://", "http://"+davtest.Username+":"+davtest.Password+"@", 1)
	c, err := New(context.Background(), Config{URL: u, HTTP: testHTTP()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(context.Background(), book+"a.vcf", card("a", "Ann")); err != nil {
		t.Fatalf("Create: %v", err)
	}
	_, err = c.Create(context.Background(), book+"a.vcf", card("a", "Ann"))
	if !errors.Is(err, ErrPrecondition) || strings.Contains(err.Error(), davtest.Password) {
		t.Fatalf("err = %v: want ErrPrecondition without the password", err)
	}
}

// TestRedirectedWriteIsNotSuccess proves a 301 on a PUT is reported as an
// HTTPError, not replayed as a GET whose 200 would look like success.
func TestRedirectedWriteIsNotSuccess(t *testing.T) {
	var methods []string
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		methods = append(methods, r.Method)
		if r.URL.Path == "/old/a.vcf" {
			http.Redirect(w, r, "/new/a.vcf", http.StatusMovedPermanently)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer hs.Close()
	_, err := newClient(t, hs.URL, "").Create(context.Background(), "/old/a.vcf", card("a", "Ann"))
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusMovedPermanently || len(methods) != 1 {
		t.Fatalf("err = %v, requests %v; want HTTPError 301 and one PUT", err, methods)
	}
}
