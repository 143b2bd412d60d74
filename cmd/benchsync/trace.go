package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// tracer is a loopback reverse proxy in front of the server that adds up,
// per client and kind of request, how many requests were made, the time
// until each response was complete and the bytes received (-trace).
type tracer struct {
	URL    string // the proxy's root, standing in for the server's
	ln     net.Listener
	mu     sync.Mutex
	client string
	stats  map[string]*traceStat
	order  []string
}

type traceStat struct {
	n     int
	d     time.Duration
	bytes int64
}

func startTracer(target string) (*tracer, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	t := &tracer{URL: "http://" + ln.Addr().String() + "/", ln: ln, stats: map[string]*traceStat{}}
	proxy := httputil.NewSingleHostReverseProxy(u)
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		cw := &countingWriter{ResponseWriter: w}
		start := time.Now()
		proxy.ServeHTTP(cw, r)
		t.add(kindOf(r, body), time.Since(start), cw.n)
	}))
	return t, nil
}

// kindOf names a request: method, and the report or Depth.
func kindOf(r *http.Request, body []byte) string {
	k := r.Method
	switch r.Method {
	case "REPORT":
		for _, rep := range []string{"sync-collection", "addressbook-multiget", "addressbook-query", "calendar-multiget", "calendar-query"} {
			if bytes.Contains(body, []byte(rep)) {
				k += " " + rep
				for _, data := range []string{"address-data", "calendar-data"} {
					if rep == "sync-collection" && bytes.Contains(body, []byte(data)) {
						k += " +" + data
					}
				}
			}
		}
	case "PROPFIND":
		k += " depth " + r.Header.Get("Depth")
	}
	return k
}

func (t *tracer) begin(client string) {
	t.mu.Lock()
	t.client = client
	t.mu.Unlock()
}

func (t *tracer) add(kind string, d time.Duration, n int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	key := t.client + "\t" + kind
	s := t.stats[key]
	if s == nil {
		s = &traceStat{}
		t.stats[key] = s
		t.order = append(t.order, key)
	}
	s.n++
	s.d += d
	s.bytes += n
}

func (t *tracer) print() {
	t.mu.Lock()
	defer t.mu.Unlock()
	keys := append([]string(nil), t.order...)
	sort.SliceStable(keys, func(i, j int) bool {
		return strings.SplitN(keys[i], "\t", 2)[0] < strings.SplitN(keys[j], "\t", 2)[0]
	})
	fmt.Printf("\nrequests through the tracing proxy (seconds until the response was complete):\n")
	fmt.Printf("%-22s %-42s %6s %9s %9s\n", "step", "request", "count", "seconds", "MB")
	for _, k := range keys {
		s := t.stats[k]
		p := strings.SplitN(k, "\t", 2)
		fmt.Printf("%-22s %-42s %6d %9.2f %9.2f\n", p[0], p[1], s.n, s.d.Seconds(), float64(s.bytes)/1e6)
	}
}

func (t *tracer) Close() error { return t.ln.Close() }

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}

func (w *countingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
