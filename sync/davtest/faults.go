package davtest

import (
	"strings"
	"sync"
	"time"
)

// FaultKind selects what a FaultRule does to a matching request.
type FaultKind int

const (
	// FaultDropBefore closes the connection before the handler runs: the
	// server never saw the request (client: connection reset or EOF).
	FaultDropBefore FaultKind = iota + 1
	// FaultDropAfter applies the request, then closes the connection without
	// a response: the write happened but the client got no answer.
	FaultDropAfter
	// FaultStatus500 answers 500 Internal Server Error without applying.
	FaultStatus500
	// FaultUnavailable answers 503 Service Unavailable with Retry-After: 2
	// without applying.
	FaultUnavailable
	// FaultPrecondition answers 412 Precondition Failed without applying,
	// as if another client had changed the resource.
	FaultPrecondition
	// FaultDelay waits FaultRule.Delay, then serves the request normally.
	FaultDelay
	// FaultTruncate serves the request, but sends only the first
	// FaultRule.TruncateAfter bytes of the body under a larger
	// Content-Length, then closes the connection (client: unexpected EOF).
	FaultTruncate
)

// String names the kind for test output.
func (k FaultKind) String() string {
	switch k {
	case FaultDropBefore:
		return "drop-before"
	case FaultDropAfter:
		return "drop-after"
	case FaultStatus500:
		return "status-500"
	case FaultUnavailable:
		return "unavailable-503"
	case FaultPrecondition:
		return "precondition-412"
	case FaultDelay:
		return "delay"
	case FaultTruncate:
		return "truncate"
	case 0:
		return "none"
	}
	return "unknown"
}

// FaultRule injects a fault into matching requests. Rules are tried in the
// order they were added; the first one that matches and has firings left
// fires.
type FaultRule struct {
	// Method matches the request method exactly ("PUT", "REPORT");
	// empty matches any method.
	Method string
	// PathPrefix matches request paths starting with it; empty matches all.
	PathPrefix string
	// Kind is the fault to inject.
	Kind FaultKind
	// Times is how often the rule fires; 0 means always.
	Times int
	// Delay is the wait for FaultDelay.
	Delay time.Duration
	// TruncateAfter is the number of body bytes FaultTruncate sends.
	TruncateAfter int
}

// matches reports whether the rule applies to method and path.
func (r FaultRule) matches(method, path string) bool {
	return (r.Method == "" || r.Method == method) && strings.HasPrefix(path, r.PathPrefix)
}

// activeRule is a rule with its remaining firings (-1: unlimited).
type activeRule struct {
	rule FaultRule
	left int
}

// faultSet is the server's list of rules.
type faultSet struct {
	mu    sync.Mutex
	rules []*activeRule
}

// add appends a rule.
func (f *faultSet) add(r FaultRule) {
	left := r.Times
	if left <= 0 {
		left = -1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &activeRule{rule: r, left: left})
}

// clear removes all rules.
func (f *faultSet) clear() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = nil
}

// take returns the first matching rule with firings left and uses one up.
func (f *faultSet) take(method, path string) (FaultRule, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, ar := range f.rules {
		if ar.left == 0 || !ar.rule.matches(method, path) {
			continue
		}
		if ar.left > 0 {
			ar.left--
			if ar.left == 0 {
				f.rules = append(f.rules[:i:i], f.rules[i+1:]...)
			}
		}
		return ar.rule, true
	}
	return FaultRule{}, false
}
