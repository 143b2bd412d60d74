package syncer_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"fieldbook/backend/credentials"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/davtest"
	"fieldbook/sync/syncer"
	"fieldbook/sync/tlstrust"
)

func newSyncer(t *testing.T) (*syncer.Syncer, *store.DB, *credentials.Vault) {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(context.Background(), filepath.Join(dir, "fieldbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	vault, err := credentials.Open(dir, credentials.WithKeychain(nil))
	if err != nil {
		t.Fatal(err)
	}
	return syncer.New(syncer.Config{Store: db, Secrets: vault}), db, vault
}

func vcard(uid, given, family string) []byte {
	return []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + given + " " + family +
		"\r\nN:" + family + ";" + given + ";;;\r\nEND:VCARD\r\n")
}

func TestAddAccountFromTheServerURLThenSync(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("a.vcf", vcard("a", "Ada", "Lovelace"))
	srv.Put("b.vcf", vcard("b", "Alan", "Turing"))
	s, db, vault := newSyncer(t)
	ctx := context.Background()
	in := syncer.NewAccount{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password}
	found, err := s.Discover(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.AddressBooks) != 1 || found.AddressBooks[0].Path != davtest.AddressBookPath || found.Untrusted != nil {
		t.Fatalf("found %+v", found)
	}
	a, err := s.AddAccount(ctx, in, found.AddressBooks, found.Calendars, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "alice@"+srv.URL()[len("http://"):] || !a.Collections[0].Default {
		t.Errorf("account %q, collections %+v; want alice@host and the book as default", a.Name, a.Collections)
	}
	if pw, err := vault.Get(a.ID); err != nil || pw != davtest.Password {
		t.Errorf("stored password %q, %v", pw, err)
	}
	out, err := s.SyncAll(ctx, "")
	if err != nil || out.Err() != nil {
		t.Fatalf("sync: %v %v", err, out.Err())
	}
	if out.Result.Applied != 2 {
		t.Errorf("applied %d; want 2", out.Result.Applied)
	}
	if live, _, _ := db.ContactCounts(ctx); live != 2 {
		t.Errorf("%d contacts; want 2", live)
	}
	got, err := db.Account(ctx, a.ID)
	if err != nil || got.LastSyncAt == nil || got.LastError != "" {
		t.Errorf("after sync: last sync %v, error %q (%v)", got.LastSyncAt, got.LastError, err)
	}
	if err := s.RemoveAccount(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := vault.Get(a.ID); err == nil {
		t.Error("the password outlived its account")
	}
	if live, _, _ := db.ContactCounts(ctx); live != 2 {
		t.Errorf("removing the account removed contacts: %d left", live)
	}
}

func TestWrongPasswordIsExplained(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	s, _, _ := newSyncer(t)
	_, err := s.Discover(context.Background(), syncer.NewAccount{URL: srv.URL(), Username: davtest.Username, Password: "wrong"})
	if crm.ErrorCode(err) != syncer.CodeUnauthorized {
		t.Fatalf("error %v (code %q); want %s", err, crm.ErrorCode(err), syncer.CodeUnauthorized)
	}
}

func TestSelfSignedCertificateNeedsExplicitTrust(t *testing.T) {
	fake := davtest.NewCardDAV(t)
	tlsSrv := httptest.NewTLSServer(fake)
	defer tlsSrv.Close()
	s, _, _ := newSyncer(t)
	in := syncer.NewAccount{URL: tlsSrv.URL, Username: davtest.Username, Password: davtest.Password}
	found, err := s.Discover(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := tlstrust.Fingerprint(tlsSrv.Certificate().Raw)
	if found.Untrusted == nil || found.Untrusted.Fingerprint != want || len(found.AddressBooks) != 0 {
		t.Fatalf("found %+v; want the untrusted certificate %s and no address books", found, want)
	}
	in.CertPin = want
	found, err = s.Discover(context.Background(), in)
	if err != nil || found.Untrusted != nil || len(found.AddressBooks) != 1 {
		t.Fatalf("with the pin: %+v, %v", found, err)
	}
}

func TestUnreachableServerIsOfflineAndNotASuccess(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	s, db, _ := newSyncer(t)
	ctx := context.Background()
	in := syncer.NewAccount{URL: srv.URL(), Username: davtest.Username, Password: davtest.Password}
	found, err := s.Discover(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	// Point the account at a port nobody listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	in.URL = "http://" + l.Addr().String() + "/"
	l.Close()
	a, err := s.AddAccount(ctx, in, found.AddressBooks, found.Calendars, "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.SyncAll(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if !out.Offline || out.Err() == nil {
		t.Fatalf("outcome %+v; want offline with an error", out)
	}
	if msg := out.Errors[a.Name]; !strings.Contains(msg, "cannot be reached") || !strings.Contains(msg, "connection refused") || strings.Contains(msg, "REPORT") {
		t.Errorf("error for the user = %q; want the reason in plain words", msg)
	}
	got, _ := db.Account(ctx, a.ID)
	if got.LastSyncAt != nil || got.LastError == "" {
		t.Errorf("last sync %v, error %q; want no success recorded and the error kept", got.LastSyncAt, got.LastError)
	}
}

func TestDiscoveryErrorsSayWhatToDo(t *testing.T) {
	// A web server that is not CardDAV: PROPFIND is not allowed.
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "<html>no DAV here</html>", http.StatusMethodNotAllowed)
	}))
	defer web.Close()
	s, _, _ := newSyncer(t)
	ctx := context.Background()
	_, err := s.Discover(ctx, syncer.NewAccount{URL: web.URL, Username: "u", Password: "p"})
	if crm.ErrorCode(err) != syncer.CodeNotCardDAV || !strings.Contains(crm.ErrorMessage(err), "HTTP 405") {
		t.Errorf("plain web server: %v; want %s naming HTTP 405", err, syncer.CodeNotCardDAV)
	}
	// The bare host of a plain-http server is tried with https.
	_, err = s.Discover(ctx, syncer.NewAccount{URL: strings.TrimPrefix(web.URL, "http://"), Username: "u", Password: "p"})
	if crm.ErrorCode(err) != syncer.CodeNotHTTPS {
		t.Errorf("https to a plain-http server: %v; want %s", err, syncer.CodeNotHTTPS)
	}
	// Nobody listening.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = s.Discover(ctx, syncer.NewAccount{URL: "http://" + addr, Username: "u", Password: "p"})
	if crm.ErrorCode(err) != syncer.CodeUnreachable || !strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "PROPFIND") {
		t.Errorf("closed port: %v; want %s with the plain reason", err, syncer.CodeUnreachable)
	}
}
