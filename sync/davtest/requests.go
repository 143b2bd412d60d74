package davtest

import (
	"net/http"
	"sync"
)

// Request is one request as the server saw it.
type Request struct {
	// Method and Path are the request line's method and URL path.
	Method string
	Path   string
	// IfMatch and IfNoneMatch are the conditional headers, "" if absent.
	IfMatch     string
	IfNoneMatch string
	// Status is the status the server sent; 0 when the connection was
	// dropped without a response (FaultDropBefore, FaultDropAfter).
	Status int
	// Fault is the injected fault, 0 if none.
	Fault FaultKind
}

// requestLog records requests in arrival order.
type requestLog struct {
	mu   sync.Mutex
	reqs []Request
}

// add records r and returns its index for setStatus.
func (l *requestLog) add(r Request) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, r)
	return len(l.reqs) - 1
}

// setStatus sets the status of the request at index i.
func (l *requestLog) setStatus(i, status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs[i].Status = status
}

// snapshot returns a copy of the log.
func (l *requestLog) snapshot() []Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Request(nil), l.reqs...)
}

// statusWriter records the status in the log when the header is written,
// i.e. before the client can see the response.
type statusWriter struct {
	http.ResponseWriter
	log   *requestLog
	index int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.log.setStatus(w.index, code)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}
