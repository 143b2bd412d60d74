package realdav

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// card returns a small vCard 3.0.
func card(uid string) []byte {
	return []byte(fmt.Sprintf("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:%s\r\nFN:Person %s\r\nN:%s;Person;;;\r\nEMAIL;TYPE=INTERNET:%s@example.com\r\nEND:VCARD\r\n", uid, uid, uid, uid))
}

var (
	ctagRE = regexp.MustCompile(`getctag[^>]*>([^<]+)<`)
	hrefRE = regexp.MustCompile(`<(?:[A-Za-z0-9]+:)?href>([^<]+)</`)
)

// collection returns the address book's ctag and the hrefs of its members
// (PROPFIND Depth 1).
func collection(t *testing.T, s *Server) (ctag string, members []string) {
	t.Helper()
	body := `<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/><d:getetag/></d:prop></d:propfind>`
	status, data, err := s.call(context.Background(), httpClient(), "PROPFIND", s.AddressBookURL,
		http.Header{"Depth": {"1"}, "Content-Type": {"application/xml"}}, []byte(body))
	if err != nil || status != http.StatusMultiStatus {
		t.Fatalf("PROPFIND %s: %d %v %.300s", s.AddressBookURL, status, err, data)
	}
	if m := ctagRE.FindSubmatch(data); m != nil {
		ctag = string(m[1])
	}
	for _, m := range hrefRE.FindAllSubmatch(data, -1) {
		if h := string(m[1]); strings.HasSuffix(h, ".vcf") {
			members = append(members, h)
		}
	}
	return ctag, members
}

var tokenRE = regexp.MustCompile(`sync-token>([^<]+)<`)

// syncToken returns the address book's DAV:sync-token.
func syncToken(t *testing.T, s *Server) string {
	t.Helper()
	st, err := s.collectionState(context.Background(), s.AddressBookURL)
	if err != nil {
		t.Fatal(err)
	}
	m := tokenRE.FindStringSubmatch(st)
	if m == nil {
		t.Fatalf("no sync-token in %s", st)
	}
	return m[1]
}

// syncChanges returns the .vcf hrefs a sync-collection REPORT from token
// reports.
func syncChanges(t *testing.T, s *Server, token string) []string {
	t.Helper()
	body := `<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>` + token +
		`</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`
	status, data, err := s.call(context.Background(), httpClient(), "REPORT", s.AddressBookURL,
		http.Header{"Depth": {"0"}, "Content-Type": {"application/xml"}}, []byte(body))
	if err != nil || status != http.StatusMultiStatus {
		t.Fatalf("sync-collection: %d %v %.300s", status, err, data)
	}
	var hrefs []string
	for _, m := range hrefRE.FindAllSubmatch(data, -1) {
		if h := string(m[1]); strings.HasSuffix(h, ".vcf") {
			hrefs = append(hrefs, h)
		}
	}
	return hrefs
}

// alive reports whether pid still exists (and is not a zombie we own).
func alive(pid int) bool { return syscall.Kill(pid, 0) == nil }

func TestStartLoadRestart(t *testing.T) {
	for _, kind := range Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			t.Parallel()
			t0 := time.Now()
			s := Start(t, kind)
			t.Logf("%s: start: %s", kind, time.Since(t0))
			if !strings.HasSuffix(s.AddressBookURL, "/") || !strings.HasPrefix(s.AddressBookURL, "http://127.0.0.1:") {
				t.Fatalf("AddressBookURL %q", s.AddressBookURL)
			}
			ctag0, members := collection(t, s)
			if len(members) != 0 {
				t.Fatalf("new address book has %d members: %v", len(members), members)
			}
			cards := map[string][]byte{}
			for i := range 200 {
				uid := fmt.Sprintf("bulk-%03d", i)
				cards[uid+".vcf"] = card(uid)
			}
			token0 := syncToken(t, s)
			start := time.Now()
			s.BulkLoad(t, cards)
			t.Logf("%s: bulk load of %d cards: %s", kind, len(cards), time.Since(start))
			ctag1, members := collection(t, s)
			if len(members) != len(cards) {
				t.Fatalf("after bulk load: %d members, want %d", len(members), len(cards))
			}
			if ctag1 == "" || ctag1 == ctag0 {
				t.Errorf("ctag %q -> %q: want a change", ctag0, ctag1)
			}
			if changed := syncChanges(t, s, token0); len(changed) != len(cards) {
				t.Errorf("sync-collection from the token before the load: %d changes, want %d", len(changed), len(cards))
			}

			var pids []int
			for _, p := range s.procs {
				pids = append(pids, p.cmd.Process.Pid)
			}
			if err := s.Stop(); err != nil {
				t.Fatal(err)
			}
			for _, pid := range pids {
				if alive(pid) {
					t.Errorf("pid %d still alive after Stop", pid)
				}
			}
			if _, err := http.Get(s.BaseURL); err == nil {
				t.Errorf("server still answers after Stop")
			}
			s.Restart(t)
			ctag2, members := collection(t, s)
			if len(members) != len(cards) || ctag2 != ctag1 {
				t.Errorf("after restart: %d members, ctag %q; want %d, %q", len(members), ctag2, len(cards), ctag1)
			}
		})
	}
}

func TestStartInRemovesOnlyOwnDir(t *testing.T) {
	dir := t.TempDir()
	s, err := StartIn(dir+"/state", Radicale)
	if err != nil {
		var me *MissingError
		if errors.As(err, &me) {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir + "/state/config"); err != nil {
		t.Errorf("Close removed a caller's state dir: %v", err)
	}
}
