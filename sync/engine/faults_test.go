package engine_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/sync/davtest"
)

// faults are the ways a request can fail; each is tried on every request
// kind the engine sends.
var faults = []davtest.FaultRule{
	{Kind: davtest.FaultDropBefore},
	{Kind: davtest.FaultDropAfter},
	{Kind: davtest.FaultStatus500},
	{Kind: davtest.FaultUnavailable},
	{Kind: davtest.FaultPrecondition},
	{Kind: davtest.FaultDelay, Delay: 50 * time.Millisecond},
	{Kind: davtest.FaultTruncate, TruncateAfter: 40},
}

// TestFaultsLoseNothingAndDuplicateNothing injects each fault into each
// kind of request of a sync that pulls a server edit, uploads a new
// contact, an edit and a delete. Whatever the first sync makes of it, the
// next one converges: every edit on the server and here, one object per
// contact, an empty outbox.
func TestFaultsLoseNothingAndDuplicateNothing(t *testing.T) {
	eachFault(t, checkConvergesAfterFault)
}

// eachFault runs check as a subtest for each fault on each kind of request,
// firing once and twice.
func eachFault(t *testing.T, check func(*testing.T, davtest.FaultRule)) {
	for _, method := range []string{"PUT", "DELETE", "REPORT", "GET", "PROPFIND"} {
		for _, f := range faults {
			for _, times := range []int{1, 2} {
				f.Method, f.Times = method, times
				t.Run(fmt.Sprintf("%s/%s/x%d", method, f.Kind, times), func(t *testing.T) {
					check(t, f)
				})
			}
		}
	}
}

func checkConvergesAfterFault(t *testing.T, fault davtest.FaultRule) {
	srv := davtest.NewCardDAV(t)
	srv.Put("keep.vcf", card("uid-keep", "Ada", "Lovelace"))
	srv.Put("edit.vcf", card("uid-edit", "Alan", "Turing"))
	srv.Put("gone.vcf", card("uid-gone", "Kurt", "Gödel"))
	s := newFakeSide(t, srv)
	s.sync()

	// Offline work here, and a colleague's edit on the server.
	newC := s.create(crm.ContactFields{GivenName: "Grace", FamilyName: "Hopper"})
	s.edit(s.byName("Alan", "Turing").ID, func(f *crm.ContactFields) { f.Title = "Cryptanalyst" })
	s.remove(s.byName("Kurt", "Gödel").ID)
	srv.Put("keep.vcf", card("uid-keep", "Ada", "Lovelace", "TITLE:Countess"))

	srv.Fail(fault)
	_, _ = s.trySync() // may fail: that is the point
	srv.ClearFaults()
	for i := 0; i < 2; i++ {
		if _, err := s.trySync(); err != nil {
			t.Fatalf("sync %d after the fault: %v", i+1, err)
		}
	}

	uids := serverUIDs(t, srv.Objects())
	want := map[string]int{"uid-keep": 1, "uid-edit": 1, newC.ID: 1}
	if fmt.Sprint(uids) != fmt.Sprint(want) {
		t.Errorf("server UIDs = %v; want %v", uids, want)
	}
	for href, o := range srv.Objects() {
		if strings.Contains(href, "edit") && !strings.Contains(string(o.Data), "TITLE:Cryptanalyst") {
			t.Errorf("the local edit is not on the server:\n%s", o.Data)
		}
	}
	live := s.live()
	if len(live) != 3 {
		t.Errorf("live contacts = %v; want 3", keys(live))
	}
	if live["uid-keep"].Title != "Countess" {
		t.Errorf("server edit not pulled: title %q", live["uid-keep"].Title)
	}
	if live["uid-edit"].Title != "Cryptanalyst" {
		t.Errorf("local edit lost: title %q", live["uid-edit"].Title)
	}
	if n := s.pending(); n != 0 {
		t.Errorf("outbox holds %d changes; want 0", n)
	}
	if err := s.db.IntegrityCheck(t.Context()); err != nil {
		t.Error(err)
	}
}
