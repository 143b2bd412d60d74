package davtest

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/emersion/go-webdav"
)

// Object is the server-side truth for one address or calendar object.
type Object struct {
	// ETag is the strong entity tag without quotes, as go-webdav's
	// carddav.AddressObject.ETag holds it; the HTTP header carries it quoted.
	ETag string
	// Data is the object as the server serves it (re-encoded by go-vcard
	// or go-ical).
	Data []byte
}

var (
	errNotFound     = errors.New("davtest: no such object")
	errPrecondition = errors.New("davtest: precondition failed")
)

// entry is one stored object.
type entry struct {
	obj  any // vcard.Card or *ical.Calendar
	data []byte
	etag string
	mod  time.Time
}

// change is one entry of the change log used by sync-collection.
type change struct {
	seq     uint64
	deleted bool
}

// store holds the collection's objects and a change counter. Every write
// increments the counter; ETags and sync tokens derive from it, so both
// change on every write, even one with identical content.
type store struct {
	mu      sync.Mutex
	seq     uint64
	objects map[string]*entry
	changes map[string]change // href → last change (writes and deletions)
}

func newStore() *store {
	return &store{objects: map[string]*entry{}, changes: map[string]change{}}
}

// put stores obj, serialised as data, at href if the conditions hold and
// returns the new ETag.
func (s *store) put(href string, obj any, data []byte, ifMatch, ifNoneMatch webdav.ConditionalMatch) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.objects[href]
	if err := checkConditions(cur, ifMatch, ifNoneMatch); err != nil {
		return "", fmt.Errorf("PUT %s: %w", href, err)
	}
	s.seq++
	e := &entry{obj: obj, data: bytes.Clone(data), etag: fmt.Sprintf("e%d", s.seq), mod: time.Now()}
	s.objects[href] = e
	s.changes[href] = change{seq: s.seq}
	return e.etag, nil
}

// remove deletes href if ifMatch (possibly empty) holds.
func (s *store) remove(href string, ifMatch webdav.ConditionalMatch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.objects[href]
	if cur == nil {
		return fmt.Errorf("DELETE %s: %w", href, errNotFound)
	}
	if err := checkConditions(cur, ifMatch, ""); err != nil {
		return fmt.Errorf("DELETE %s: %w", href, err)
	}
	s.seq++
	delete(s.objects, href)
	s.changes[href] = change{seq: s.seq, deleted: true}
	return nil
}

// checkConditions applies RFC 9110 If-Match / If-None-Match to the current
// entry (nil when absent).
func checkConditions(cur *entry, ifMatch, ifNoneMatch webdav.ConditionalMatch) error {
	if ifMatch.IsSet() {
		if cur == nil {
			return errPrecondition
		}
		ok, err := ifMatch.MatchETag(cur.etag)
		if err != nil || !ok {
			return errPrecondition
		}
	}
	if ifNoneMatch.IsSet() && cur != nil {
		ok, err := ifNoneMatch.MatchETag(cur.etag)
		if err != nil || ok {
			return errPrecondition
		}
	}
	return nil
}

// get returns a copy of the entry at href.
func (s *store) get(href string) (entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.objects[href]
	if !ok {
		return entry{}, false
	}
	return *e, true
}

// list returns copies of all entries keyed by href, and the hrefs sorted.
func (s *store) list() (map[string]entry, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]entry, len(s.objects))
	hrefs := make([]string, 0, len(s.objects))
	for h, e := range s.objects {
		out[h] = *e
		hrefs = append(hrefs, h)
	}
	sort.Strings(hrefs)
	return out, hrefs
}

// counter returns the current change counter.
func (s *store) counter() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq
}

// since returns, for a counter value from an earlier token, the hrefs
// written after it (with their entries) and the hrefs deleted after it, plus
// the current counter. ok is false when since is in the future.
func (s *store) since(since uint64) (updated map[string]entry, deleted []string, now uint64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if since > s.seq {
		return nil, nil, s.seq, false
	}
	updated = map[string]entry{}
	for h, c := range s.changes {
		if c.seq <= since {
			continue
		}
		if c.deleted {
			if since > 0 { // a full sync reports no deletions
				deleted = append(deleted, h)
			}
			continue
		}
		updated[h] = *s.objects[h]
	}
	sort.Strings(deleted)
	return updated, deleted, s.seq, true
}
