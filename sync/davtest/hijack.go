package davtest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// dropConnection closes the client connection without a response.
func dropConnection(w http.ResponseWriter) error {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return fmt.Errorf("davtest: response writer %T cannot be hijacked", w)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return fmt.Errorf("davtest: hijack: %w", err)
	}
	if err := conn.Close(); err != nil {
		return fmt.Errorf("davtest: close hijacked connection: %w", err)
	}
	return nil
}

// writeTruncated sends rec's status and headers with a Content-Length larger
// than the body bytes actually sent (at most n of them), then closes the
// connection.
func writeTruncated(w http.ResponseWriter, rec *httptest.ResponseRecorder, n int) error {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return fmt.Errorf("davtest: response writer %T cannot be hijacked", w)
	}
	conn, bufw, err := hj.Hijack()
	if err != nil {
		return fmt.Errorf("davtest: hijack: %w", err)
	}
	defer conn.Close()

	body := rec.Body.Bytes()
	sent := body[:min(max(n, 0), len(body))]
	declared := max(len(body), len(sent)+1)

	h := rec.Header().Clone()
	h.Del("Content-Length")
	h.Del("Transfer-Encoding")
	h.Set("Connection", "close")
	var head bytes.Buffer
	fmt.Fprintf(&head, "HTTP/1.1 %d %s\r\n", rec.Code, http.StatusText(rec.Code))
	if err := h.Write(&head); err != nil {
		return fmt.Errorf("davtest: write truncated headers: %w", err)
	}
	fmt.Fprintf(&head, "Content-Length: %d\r\n\r\n", declared)
	if _, err := bufw.Write(append(head.Bytes(), sent...)); err != nil {
		return fmt.Errorf("davtest: write truncated response: %w", err)
	}
	if err := bufw.Flush(); err != nil {
		return fmt.Errorf("davtest: flush truncated response: %w", err)
	}
	return nil
}
