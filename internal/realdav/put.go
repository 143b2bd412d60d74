package realdav

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// putAll uploads objs (vCards, or iCalendar objects when the name ends in
// ".ics") into the collection at url with If-None-Match: * from workers
// goroutines, stopping at the first failure.
func (s *Server) putAll(ctx context.Context, url string, objs map[string][]byte, workers int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	names := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	hc := httpClient()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				if err := s.putOne(ctx, hc, url, name, objs[name]); err != nil {
					errs <- err
					cancel()
					return
				}
			}
		}()
	}
feed:
	for name := range objs {
		select {
		case names <- name:
		case <-ctx.Done():
			break feed
		}
	}
	close(names)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	return ctx.Err()
}

// putOne creates one object.
func (s *Server) putOne(ctx context.Context, hc *http.Client, url, name string, data []byte) error {
	typ := "text/vcard; charset=utf-8"
	if strings.HasSuffix(name, ".ics") {
		typ = "text/calendar; charset=utf-8"
	}
	h := http.Header{"Content-Type": {typ}, "If-None-Match": {"*"}}
	status, body, err := s.call(ctx, hc, http.MethodPut, url+name, h, data)
	if err != nil {
		return err
	}
	if status < 200 || status > 299 {
		return fmt.Errorf("PUT %s: HTTP %d: %.500s", name, status, body)
	}
	return nil
}
