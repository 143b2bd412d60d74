package app

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fieldbook/backend/calendar"
	"fieldbook/backend/credentials"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
	"fieldbook/sync/engine"
	"fieldbook/sync/syncer"
)

// openSyncer opens the database and the password store beside it.
func openSyncer(ctx context.Context, inv Invocation, progress func(syncer.Progress)) (*store.DB, *syncer.Syncer, *credentials.Vault, error) {
	db, err := store.Open(ctx, inv.DBPath)
	if err != nil {
		return nil, nil, nil, err
	}
	vault, err := credentials.Open(filepath.Dir(inv.DBPath))
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	policy := func(ctx context.Context) engine.Policy {
		if v, ok, err := db.Setting(ctx, settingSyncPolicy); err == nil && ok {
			return engine.Policy(v)
		}
		return engine.PolicyAsk
	}
	return db, syncer.New(syncer.Config{Store: db, Secrets: vault, Clock: crm.SystemClock{}, Policy: policy, Progress: progress,
		Calendars: calendarSync(db), UserZone: calendar.New(db, crm.SystemClock{}, OSSystem()).UserLocation}), vault, nil
}

// SyncReport is what `fieldbook sync --json` prints.
type SyncReport struct {
	Fetched   int               `json:"fetched"`
	Applied   int               `json:"applied"`
	Pushed    int               `json:"pushed"`
	Failed    int               `json:"failed"`
	Conflicts int               `json:"conflicts"`
	Skipped   int               `json:"skipped"`
	Requests  int               `json:"requests"`
	Seconds   float64           `json:"seconds"`
	Offline   bool              `json:"offline"`
	Errors    map[string]string `json:"errors"`
}

func runSync(ctx context.Context, inv Invocation, stdout, stderr io.Writer) error {
	fs := newFlagSet("sync", stderr)
	account := fs.String("account", "", "sync only this account (name or ID)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	if err := fs.Parse(inv.Args); err != nil {
		return usageError{err}
	}
	progress := func(p syncer.Progress) {
		if !*quiet {
			fmt.Fprintf(stderr, "\r%s / %s: %s %d/%d   ", p.Account, p.Collection, p.Phase, p.Done, p.Total)
		}
	}
	db, s, _, err := openSyncer(ctx, inv, progress)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts, err := db.Accounts(ctx)
	if err != nil {
		return err
	}
	if len(accounts) == 0 {
		return errors.New("there is no account to sync: add one with `fieldbook account add URL --user NAME`")
	}
	out, err := s.SyncAll(ctx, *account)
	if !*quiet {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return err
	}
	r := out.Result
	rep := SyncReport{Fetched: r.Fetched, Applied: r.Applied, Pushed: r.Pushed, Failed: r.Failed, Conflicts: r.Conflicts,
		Skipped: r.Skipped, Requests: r.Requests, Seconds: out.Finished.Sub(out.Started).Seconds(), Offline: out.Offline, Errors: out.Errors}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "received %d (applied %d), sent %d, failed %d, conflicts %d, unreadable %d, in %.2f s\n",
			rep.Fetched, rep.Applied, rep.Pushed, rep.Failed, rep.Conflicts, rep.Skipped, rep.Seconds)
	}
	return out.Err()
}

func runAccount(ctx context.Context, inv Invocation, stdout, stderr io.Writer) error {
	if len(inv.Args) == 0 {
		return usageError{errors.New("account add URL --user NAME | account list | account remove NAME")}
	}
	sub, args := inv.Args[0], inv.Args[1:]
	switch sub {
	case "add":
		return runAccountAdd(ctx, inv, args, stdout, stderr)
	case "list":
		db, err := store.Open(ctx, inv.DBPath)
		if err != nil {
			return err
		}
		defer db.Close()
		accounts, err := db.Accounts(ctx)
		if err != nil {
			return err
		}
		for _, a := range accounts {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", a.Name, a.URL, a.Username)
			for _, c := range a.Collections {
				mark := ""
				if c.Default {
					mark = " (new contacts)"
				}
				fmt.Fprintf(stdout, "  %s %s%s\n", c.Href, c.Name, mark)
			}
		}
		return nil
	case "remove":
		if len(args) != 1 {
			return usageError{errors.New("account remove NAME")}
		}
		db, s, _, err := openSyncer(ctx, inv, nil)
		if err != nil {
			return err
		}
		defer db.Close()
		accounts, err := db.Accounts(ctx)
		if err != nil {
			return err
		}
		for _, a := range accounts {
			if a.Name == args[0] || a.ID == args[0] {
				return s.RemoveAccount(ctx, a.ID)
			}
		}
		return crm.Errorf(crm.CodeNotFound, "no account named %q", args[0])
	}
	return usageError{fmt.Errorf("unknown account command %q", sub)}
}

func runAccountAdd(ctx context.Context, inv Invocation, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("account add", stderr)
	user := fs.String("user", "", "user name on the server")
	name := fs.String("name", "", "a name for the account (default user@host)")
	trust := fs.String("trust", "", "SHA-256 fingerprint of a self-signed certificate to trust")
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError{errors.New("account add URL --user NAME (the password is read from standard input)")}
	}
	url := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err}
	}
	password, err := readPassword(inv.Stdin)
	if err != nil {
		return err
	}
	db, s, vault, err := openSyncer(ctx, inv, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	in := syncer.NewAccount{Name: *name, URL: url, Username: *user, Password: password, CertPin: *trust}
	found, err := s.Discover(ctx, in)
	if err != nil {
		return err
	}
	if c := found.Untrusted; c != nil {
		return fmt.Errorf("the server's certificate is not trusted (%s).\n  subject: %s\n  issuer: %s\n  SHA-256: %s\nIf this is your server's certificate, run again with --trust %s",
			c.VerifyError, c.Subject, c.Issuer, c.Fingerprint, c.Fingerprint)
	}
	a, err := s.AddAccount(ctx, in, found.AddressBooks, found.Calendars, "")
	if err != nil {
		return err
	}
	books := len(a.Collections) - len(found.Calendars)
	fmt.Fprintf(stdout, "added account %s with %d address book(s) and %d calendar(s):\n", a.Name, books, len(found.Calendars))
	for _, c := range a.Collections {
		fmt.Fprintf(stdout, "  %s %s\n", c.Href, c.Name)
	}
	if vault.Backend() == credentials.BackendFile {
		fmt.Fprintln(stderr, vault.Notice())
	}
	return nil
}

// readPassword reads the first line of standard input.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("the password is read from standard input, which is not available")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
