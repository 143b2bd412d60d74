package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/seed"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

// Invocation is what the command line asked for.
type Invocation struct {
	// DBPath is the database to open: --db, else $FIELDBOOK_DB, else the default.
	DBPath string
	// Command is the subcommand ("" opens the window) and Args its arguments.
	Command string
	Args    []string
	// Stdin is where commands read secrets (account add reads the password).
	Stdin io.Reader
	// Duplicates finds and merges duplicates for `import`; zero means the
	// rules of the Duplicates view.
	Duplicates Duplicates
	// PhoneRegion is the phone country of the system locale, used when the
	// user has not chosen one ("" means the US).
	PhoneRegion string
}

// commands are the subcommands of the binary.
var commands = map[string]string{
	"seed":    "add realistic demo contacts, calendars, meetings, tasks, deals, leads, activities and orders: seed --contacts N [--seed S] [--if-empty] [--calendar=false] [--selling=false]",
	"stats":   "print how many records of each kind there are: stats [--json]",
	"sync":    "sync every account once and print a summary: sync [--account NAME] [--json]",
	"account": "sync accounts: account add URL --user NAME [--trust SHA256] (password on stdin) | account list | account remove NAME",
	"import":  "import contacts from a CSV or vCard file, or meetings and tasks from an iCalendar file: import FILE [--format csv|vcard|ics] [--map target=col,…] [--on-duplicate merge|skip|import] [--json]",
	"export":  "export contacts, or meetings and tasks (ics): export --format csv|vcard3|vcard4|ics [-o FILE | --dir FOLDER] [--query TEXT]",
	"version": "print the version",
	"help":    "show this help",
}

// ParseInvocation reads the global --db flag and the subcommand from args
// (os.Args[1:]). The subcommand must come before any other flag: at the
// first flag it does not know it stops and opens the window, because the
// window's development build reads flags of its own (-assetdir DIR, …).
func ParseInvocation(args []string, getenv func(string) string) (Invocation, error) {
	inv := Invocation{PhoneRegion: PhoneRegionFromEnv(getenv)}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return inv, errors.New("--db needs a file path")
			}
			inv.DBPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			inv.DBPath = a[strings.Index(a, "=")+1:]
		case a == "-h" || a == "--help":
			inv.Command = "help"
			return inv, nil
		case strings.HasPrefix(a, "-"):
			i = len(args) // someone else's flag: open the window
		default:
			if _, ok := commands[a]; !ok {
				return inv, fmt.Errorf("unknown command %q (try: fieldbook help)", a)
			}
			inv.Command = a
			inv.Args = args[i+1:]
			i = len(args)
		}
	}
	if inv.DBPath == "" {
		inv.DBPath = getenv("FIELDBOOK_DB")
	}
	if inv.DBPath == "" {
		p, err := DefaultDatabasePath()
		if err != nil {
			return inv, err
		}
		inv.DBPath = p
	}
	return inv, nil
}

// RunCommand runs a subcommand and returns the process exit code.
func RunCommand(ctx context.Context, inv Invocation, version string, stdout, stderr io.Writer) int {
	var err error
	switch inv.Command {
	case "help":
		printHelp(stdout)
	case "version":
		fmt.Fprintf(stdout, "fieldbook %s\n", version)
	case "seed":
		err = runSeed(ctx, inv, stdout, stderr)
	case "stats":
		err = runStats(ctx, inv, stdout)
	case "sync":
		err = runSync(ctx, inv, stdout, stderr)
	case "account":
		err = runAccount(ctx, inv, stdout, stderr)
	case "import":
		err = runImport(ctx, inv, stdout, stderr)
	case "export":
		err = runExport(ctx, inv, stdout, stderr)
	default:
		err = fmt.Errorf("unknown command %q", inv.Command)
	}
	if err != nil {
		var usage usageError
		fmt.Fprintf(stderr, "fieldbook %s: %v\n", inv.Command, err)
		if errors.As(err, &usage) {
			return 2
		}
		return 1
	}
	return 0
}

// usageError marks a mistake in how a command was called (exit code 2).
type usageError struct{ error }

func printHelp(w io.Writer) {
	fmt.Fprintln(w, `Fieldbook — offline-first CRM.

Usage:
  fieldbook [--db PATH]              open the window
  fieldbook [--db PATH] COMMAND [flags]

Commands:`)
	for _, name := range []string{"seed", "stats", "sync", "account", "import", "export", "version", "help"} {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name])
	}
	fmt.Fprintln(w, `
The database is --db PATH, else $FIELDBOOK_DB, else ~/.config/Fieldbook/fieldbook.db.`)
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func runSeed(ctx context.Context, inv Invocation, stdout, stderr io.Writer) error {
	fs := newFlagSet("seed", stderr)
	n := fs.Int("contacts", 1000, "how many demo contacts to add")
	seedValue := fs.Uint64("seed", 1, "the seed: the same seed gives the same contacts")
	ifEmpty := fs.Bool("if-empty", false, "add nothing if the database already has contacts")
	withCalendar := fs.Bool("calendar", true, "also add demo calendars, meetings and tasks")
	withSelling := fs.Bool("selling", true, "also add demo owners, exchange rates, deals, leads, activities, orders, feedback, cases and campaigns")
	if err := fs.Parse(inv.Args); err != nil {
		return usageError{err}
	}
	if *n < 0 || *n > 10_000_000 {
		return usageError{fmt.Errorf("--contacts must be between 0 and 10000000, not %d", *n)}
	}
	db, err := store.Open(ctx, inv.DBPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *ifEmpty {
		live, deleted, err := db.ContactCounts(ctx)
		if err != nil {
			return err
		}
		if live+deleted > 0 {
			fmt.Fprintf(stdout, "%s already has %d contacts; nothing added\n", inv.DBPath, live)
			return nil
		}
	}
	start := time.Now()
	err = seed.Populate(ctx, db, crm.SystemClock{}, *n, *seedValue, func(done, total int) {
		fmt.Fprintf(stderr, "\rseeding contacts: %d/%d", done, total)
	})
	if *n > 0 {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %d demo contacts (seed %d) to %s in %s\n", *n, *seedValue, inv.DBPath, time.Since(start).Round(time.Millisecond))
	if !*withCalendar {
		return nil
	}
	sum, err := seedCalendar(ctx, db, *seedValue)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %d calendars, %d meetings and %d tasks\n", sum.Calendars, sum.Meetings, sum.Tasks)
	if !*withSelling {
		return nil
	}
	settings := NewSettingsService(ctx, db, "en")
	settings.defaultRegion = inv.PhoneRegion
	sell, err := seedSelling(ctx, db, *seedValue, settings.phoneRegion)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %d owners, %d exchange rates, %d deals (%d won, %d lost), %d leads (%d converted), %d activities, %d orders, %d feedback answers, %d cases and %d campaigns\n",
		sell.Owners, sell.Rates, sell.Deals.Open+sell.Deals.Won+sell.Deals.Lost, sell.Deals.Won, sell.Deals.Lost,
		sell.Leads.Leads, sell.Leads.Converted, sell.Activities, sell.Orders.Orders, sell.Care.Feedback, sell.Care.Cases, sell.Campaigns.Campaigns)
	return nil
}

// seedCalendar adds the demo calendars, meetings and tasks around today in
// the user's zone, inviting some of the first contacts.
func seedCalendar(ctx context.Context, db *store.DB, seedValue uint64) (seed.CalendarSummary, error) {
	clock := crm.SystemClock{}
	cal := calendar.New(db, clock, OSSystem())
	loc, err := cal.UserLocation(ctx)
	if err != nil {
		return seed.CalendarSummary{}, err
	}
	page, err := db.ListContacts(ctx, 0, 200)
	if err != nil {
		return seed.CalendarSummary{}, err
	}
	var people []seed.Person
	for _, c := range page.Items {
		if len(c.Emails) > 0 {
			people = append(people, seed.Person{ContactID: c.ID, Name: c.DisplayName(), Email: c.Emails[0].Value})
		}
	}
	tk := tasks.New(db, clock, cal, recurrence.Validate)
	return seed.PopulateCalendar(ctx, cal, tk, people, clock.Now().In(loc), seedValue)
}

// Stats are the record counts `fieldbook stats` prints.
type Stats struct {
	Contacts        int    `json:"contacts"`
	DeletedContacts int    `json:"deletedContacts"`
	PendingChanges  int    `json:"pendingChanges"`
	Database        string `json:"database"`
	Meetings        int    `json:"meetings"`
	Tasks           int    `json:"tasks"`
	Deals           int    `json:"deals"`
	Leads           int    `json:"leads"`
	Activities      int    `json:"activities"`
	Orders          int    `json:"orders"`
}

func runStats(ctx context.Context, inv Invocation, stdout io.Writer) error {
	fs := newFlagSet("stats", stdout)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(inv.Args); err != nil {
		return usageError{err}
	}
	db, err := store.Open(ctx, inv.DBPath)
	if err != nil {
		return err
	}
	defer db.Close()
	var st Stats
	if st.Contacts, st.DeletedContacts, err = db.ContactCounts(ctx); err != nil {
		return err
	}
	if st.PendingChanges, err = db.PendingChanges(ctx); err != nil {
		return err
	}
	if st.Meetings, st.Tasks, err = db.CalendarCounts(ctx); err != nil {
		return err
	}
	if st.Deals, st.Leads, st.Activities, st.Orders, err = db.SellingCounts(ctx); err != nil {
		return err
	}
	st.Database = db.Path()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	fmt.Fprintf(stdout, "contacts:         %d\ndeleted contacts: %d\nmeetings:         %d\ntasks:            %d\ndeals:            %d\nleads:            %d\nactivities:       %d\norders:           %d\npending changes:  %d\ndatabase:         %s\n",
		st.Contacts, st.DeletedContacts, st.Meetings, st.Tasks, st.Deals, st.Leads, st.Activities, st.Orders, st.PendingChanges, st.Database)
	return nil
}
