package davtest

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-webdav/carddav"
)

const ctagBody = `<?xml version="1.0" encoding="utf-8"?>
<propfind xmlns="DAV:" xmlns:CS="http://calendarserver.org/ns/"><prop><CS:getctag/><sync-token/><getetag/><displayname/></prop></propfind>`

// TestCTagAndSyncTokenProps proves PROPFIND on the address book reports
// getctag and sync-token, that both change on a write, and that Depth 1
// lists members with their ETags.
func TestCTagAndSyncTokenProps(t *testing.T) {
	s := NewCardDAV(t)
	etag := s.Put("a.vcf", card("a", "Ann"))
	before := s.SyncToken()
	resp, body := mustDo(t, s, "PROPFIND", AddressBookPath, ctagBody, "Depth", "1", "Content-Type", "application/xml")
	if resp.StatusCode != http.StatusMultiStatus {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		`<getctag xmlns="http://calendarserver.org/ns/">` + before + `</getctag>`,
		`<sync-token xmlns="DAV:">` + before + `</sync-token>`,
		`<href>` + AddressBookPath + `a.vcf</href>`,
		`<getetag xmlns="DAV:">&#34;` + etag + `&#34;</getetag>`,
		`<displayname xmlns="DAV:">Default</displayname>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
	s.Put("a.vcf", card("a", "Ann"))
	if s.SyncToken() == before {
		t.Fatal("sync token unchanged after a write")
	}
	_, body = mustDo(t, s, "PROPFIND", AddressBookPath, ctagBody, "Depth", "0", "Content-Type", "application/xml")
	if !strings.Contains(body, s.SyncToken()) || strings.Contains(body, "a.vcf") {
		t.Fatalf("Depth 0 after write: %s", body)
	}
}

// TestSyncCollection proves the sync-collection REPORT with go-webdav's
// client: a full sync lists every member, a delta lists changed members
// with current ETags and deleted ones, and the token moves on.
func TestSyncCollection(t *testing.T) {
	s := NewCardDAV(t, WithObject("a.vcf", card("a", "Ann")), WithObject("b.vcf", card("b", "Bob")), WithObject("c.vcf", card("c", "Cy")))
	s.Delete("c.vcf") // deleted before the first sync: not reported
	ctx := context.Background()
	c := davClient(t, s, nil)

	full, err := c.SyncCollection(ctx, AddressBookPath, &carddav.SyncQuery{})
	if err != nil {
		t.Fatalf("full sync: %v", err)
	}
	if got := paths(full.Updated); !slices.Equal(got, []string{AddressBookPath + "a.vcf", AddressBookPath + "b.vcf"}) || len(full.Deleted) != 0 {
		t.Fatalf("full sync updated %v deleted %v", got, full.Deleted)
	}
	if full.SyncToken != s.SyncToken() {
		t.Fatalf("token %q, server %q", full.SyncToken, s.SyncToken())
	}

	s.Put("b.vcf", card("b", "Bob Two"))
	s.Put("d.vcf", card("d", "Dee"))
	s.Delete("a.vcf")
	delta, err := c.SyncCollection(ctx, AddressBookPath, &carddav.SyncQuery{SyncToken: full.SyncToken})
	if err != nil {
		t.Fatalf("delta sync: %v", err)
	}
	objs := s.Objects()
	if got := paths(delta.Updated); !slices.Equal(got, []string{AddressBookPath + "b.vcf", AddressBookPath + "d.vcf"}) {
		t.Fatalf("delta updated %v", got)
	}
	for _, u := range delta.Updated {
		if u.ETag != objs[u.Path].ETag {
			t.Fatalf("%s: ETag %q, server %q", u.Path, u.ETag, objs[u.Path].ETag)
		}
	}
	if !slices.Equal(delta.Deleted, []string{AddressBookPath + "a.vcf"}) {
		t.Fatalf("delta deleted %v", delta.Deleted)
	}

	none, err := c.SyncCollection(ctx, AddressBookPath, &carddav.SyncQuery{SyncToken: delta.SyncToken})
	if err != nil || len(none.Updated)+len(none.Deleted) != 0 || none.SyncToken != delta.SyncToken {
		t.Fatalf("idle sync = %+v, %v", none, err)
	}
}

// TestSyncCollectionInvalidToken proves unknown and future tokens get 403
// with DAV:valid-sync-token, like Radicale.
func TestSyncCollectionInvalidToken(t *testing.T) {
	s := NewCardDAV(t)
	for _, tok := range []string{"http://radicale.org/ns/sync/abc", "data:,999", "data:,x"} {
		t.Run(tok, func(t *testing.T) {
			body := `<?xml version="1.0" encoding="utf-8"?><sync-collection xmlns="DAV:"><sync-token>` + tok +
				`</sync-token><sync-level>1</sync-level><prop><getetag/></prop></sync-collection>`
			resp, got := mustDo(t, s, "REPORT", AddressBookPath, body, "Content-Type", "application/xml")
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(got, "<valid-sync-token/>") {
				t.Fatalf("got %d %s", resp.StatusCode, got)
			}
		})
	}
}

// TestMultigetStillServedByGoWebdav proves REPORTs other than
// sync-collection still reach go-webdav.
func TestMultigetStillServedByGoWebdav(t *testing.T) {
	s := NewCardDAV(t, WithObject("a.vcf", card("a", "Ann")))
	got, err := davClient(t, s, nil).MultiGetAddressBook(context.Background(), AddressBookPath,
		&carddav.AddressBookMultiGet{Paths: []string{AddressBookPath + "a.vcf"}})
	if err != nil || len(got) != 1 || got[0].ETag != s.Objects()[AddressBookPath+"a.vcf"].ETag {
		t.Fatalf("multiget = %+v, %v", got, err)
	}
}

// TestOptionsAdvertisesSyncCollection proves the DAV header names
// addressbook and sync-collection.
func TestOptionsAdvertisesSyncCollection(t *testing.T) {
	s := NewCardDAV(t)
	resp, _ := mustDo(t, s, http.MethodOptions, AddressBookPath, "")
	if dav := resp.Header.Get("DAV"); !strings.Contains(dav, "addressbook") || !strings.Contains(dav, "sync-collection") {
		t.Fatalf("DAV header %q", dav)
	}
}

// paths returns the sorted paths of objects.
func paths(aos []carddav.AddressObject) []string {
	out := make([]string, 0, len(aos))
	for _, ao := range aos {
		out = append(out, ao.Path)
	}
	slices.Sort(out)
	return out
}
