package app

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"fieldbook/sync/davtest"
)

func runWithStdin(t *testing.T, db, stdin string, args ...string) (int, string, string) {
	t.Helper()
	inv, err := ParseInvocation(append([]string{"--db", db}, args...), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	inv.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	code := RunCommand(context.Background(), inv, "1.2.3", &out, &errb)
	return code, out.String(), errb.String()
}

func TestAccountAddListSyncCommands(t *testing.T) {
	srv := davtest.NewCardDAV(t)
	srv.Put("a.vcf", []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:a\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEND:VCARD\r\n"))
	db := filepath.Join(t.TempDir(), "cli.db")

	if code, _, errs := run(t, db, "sync"); code != 1 || !strings.Contains(errs, "there is no account to sync") {
		t.Fatalf("sync without an account: code %d, err %q", code, errs)
	}
	if code, _, errs := runWithStdin(t, db, "wrong\n", "account", "add", srv.URL(), "--user", davtest.Username); code != 1 || !strings.Contains(errs, "refused the user name or password") {
		t.Fatalf("account add with a wrong password: code %d, err %q", code, errs)
	}
	code, out, errs := runWithStdin(t, db, davtest.Password+"\n", "account", "add", srv.URL(), "--user", davtest.Username, "--name", "office")
	if code != 0 || !strings.Contains(out, "added account office with 1 address book") || !strings.Contains(out, davtest.AddressBookPath) {
		t.Fatalf("account add: code %d, out %q, err %q", code, out, errs)
	}
	if code, out, _ := run(t, db, "account", "list"); code != 0 || !strings.Contains(out, "office\t"+srv.URL()) || !strings.Contains(out, "(new contacts)") {
		t.Fatalf("account list: code %d, out %q", code, out)
	}
	code, out, errs = run(t, db, "sync", "--json", "--quiet")
	var rep SyncReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("sync --json: code %d, %v, out %q, err %q", code, err, out, errs)
	}
	if rep.Fetched != 1 || rep.Applied != 1 || len(rep.Errors) != 0 {
		t.Errorf("sync report %+v; want 1 fetched and applied, no errors", rep)
	}
	if code, out, _ := run(t, db, "stats", "--json"); code != 0 || !strings.Contains(out, `"contacts": 1`) {
		t.Errorf("stats after sync: %q", out)
	}
	if code, _, errs := run(t, db, "sync", "--account", "nope"); code != 1 || !strings.Contains(errs, `no account named "nope"`) {
		t.Errorf("sync of an unknown account: code %d, err %q", code, errs)
	}
	if code, _, _ := run(t, db, "account", "remove", "office"); code != 0 {
		t.Errorf("account remove: code %d", code)
	}
}
