package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/seed"
)

func TestParseInvocation(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want Invocation
		err  string
	}{
		{args: []string{"--db", "/x.db", "stats", "--json"}, want: Invocation{DBPath: "/x.db", Command: "stats", Args: []string{"--json"}}},
		{args: []string{"--db=/y.db", "seed", "--contacts", "5"}, want: Invocation{DBPath: "/y.db", Command: "seed", Args: []string{"--contacts", "5"}}},
		{args: []string{"version"}, env: map[string]string{"FIELDBOOK_DB": "/env.db"}, want: Invocation{DBPath: "/env.db", Command: "version", Args: []string{}}},
		{args: []string{"--db", "/flag.db"}, env: map[string]string{"FIELDBOOK_DB": "/env.db"}, want: Invocation{DBPath: "/flag.db"}},
		// The window's dev build reads its own flags: leave them alone.
		{args: []string{"--db", "/z.db", "-assetdir", "frontend/dist", "-loglevel", "debug"}, want: Invocation{DBPath: "/z.db"}},
		{args: []string{"-assetdir", "stats"}, env: map[string]string{"FIELDBOOK_DB": "/e.db"}, want: Invocation{DBPath: "/e.db"}},
		{args: []string{"--help"}, env: map[string]string{"FIELDBOOK_DB": "/e.db"}, want: Invocation{DBPath: "", Command: "help"}},
		{args: []string{"frobnicate"}, err: `unknown command "frobnicate"`},
		{args: []string{"--db"}, err: "--db needs a file path"},
	} {
		got, err := ParseInvocation(tc.args, env(tc.env))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: err = %v; want %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if got.Args == nil {
			got.Args = nil
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: got %+v; want %+v", tc.args, got, tc.want)
		}
	}
	// With neither flag nor variable, the database is in the user's config folder.
	got, err := ParseInvocation(nil, env(nil))
	if err != nil || !strings.HasSuffix(got.DBPath, filepath.Join("Fieldbook", "fieldbook.db")) || got.Command != "" {
		t.Fatalf("default = %+v, %v", got, err)
	}
}

func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	inv, err := ParseInvocation(append([]string{"--db", db}, args...), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := RunCommand(context.Background(), inv, "1.2.3", &out, &errb)
	return code, out.String(), errb.String()
}

func TestSeedAndStatsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	if code, out, errs := run(t, db, "seed", "--contacts", "7000", "--seed", "3", "--selling=false"); code != 0 || !strings.Contains(out, "added 7000 demo contacts") ||
		!strings.Contains(errs, "7000/7000") || !strings.Contains(out, fmt.Sprintf("added 2 calendars, %d meetings and %d tasks", seed.DemoMeetings, seed.DemoTasks)) {
		t.Fatalf("seed: code %d, out %q, err %q", code, out, errs)
	}
	if code, out, _ := run(t, db, "seed", "--contacts", "5", "--if-empty"); code != 0 || !strings.Contains(out, "nothing added") {
		t.Fatalf("seed --if-empty on a full database: code %d, out %q", code, out)
	}
	code, out, _ := run(t, db, "stats", "--json")
	var st Stats
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil {
		t.Fatalf("stats --json: code %d, %v, %q", code, err, out)
	}
	if st.Contacts != 7000 || st.PendingChanges != 7000+seed.DemoMeetings+seed.DemoTasks || st.DeletedContacts != 0 || st.Database != db ||
		st.Meetings != seed.DemoMeetings || st.Tasks != seed.DemoTasks {
		t.Fatalf("stats = %+v", st)
	}
	if code, out, _ := run(t, db, "stats"); code != 0 || !strings.Contains(out, "contacts:         7000") ||
		!strings.Contains(out, fmt.Sprintf("meetings:         %d\n", seed.DemoMeetings)) {
		t.Fatalf("stats: %d %q", code, out)
	}
}

func TestSeedAddsSellingDataThatHangsTogether(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sell.db")
	code, out, errs := run(t, db, "seed", "--contacts", "400", "--seed", "5")
	if code != 0 || !strings.Contains(out, "added 3 owners, 4 exchange rates, 300 deals") {
		t.Fatalf("seed: code %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = run(t, db, "stats", "--json")
	var st Stats
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil {
		t.Fatalf("stats --json: code %d, %v, %q", code, err, out)
	}
	if st.Deals < seed.DemoDeals || st.Leads < 300 || st.Activities == 0 || st.Orders == 0 || st.Contacts <= 400 {
		t.Fatalf("stats = %+v", st)
	}
	// The board of the default pipeline converts every demo currency: the
	// seed gave each a rate into the home currency.
	s := openServices(t, db)
	board, err := s.Deals.Board(BoardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	for _, col := range board.Columns {
		open += col.Count
		if len(col.MissingRates) > 0 {
			t.Errorf("stage %s misses rates for %v", col.Stage.Name, col.MissingRates)
		}
	}
	if open == 0 {
		t.Error("no open deals on the board")
	}
	owners, err := s.Owners.List()
	if err != nil || len(owners) != 3 {
		t.Errorf("owners = %+v, %v", owners, err)
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	listNames := func(db string) []string {
		run(t, db, "seed", "--contacts", "50", "--seed", "9")
		s := openServices(t, db)
		page, err := s.Contacts.List(ListContactsRequest{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range page.Items {
			names = append(names, c.DisplayName+"|"+c.Email+"|"+c.Phone)
		}
		// Contacts with the same name are ordered by their random IDs.
		slices.Sort(names)
		return names
	}
	a, b := listNames(filepath.Join(dir, "a.db")), listNames(filepath.Join(dir, "b.db"))
	if len(a) != 50 || !reflect.DeepEqual(a, b) {
		t.Fatalf("same seed, different data:\n%v\n%v", a, b)
	}
}

func TestCommandErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	if code, _, errs := run(t, db, "seed", "--contacts", "-4"); code != 2 || !strings.Contains(errs, "--contacts must be between") {
		t.Fatalf("negative count: %d %q", code, errs)
	}
	if code, _, errs := run(t, db, "stats", "--bogus"); code != 2 || !strings.Contains(errs, "bogus") {
		t.Fatalf("bad flag: %d %q", code, errs)
	}
	if code, out, _ := run(t, db, "version"); code != 0 || out != "fieldbook 1.2.3\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, out, _ := run(t, db, "help"); code != 0 || !strings.Contains(out, "seed") {
		t.Fatalf("help: %d %q", code, out)
	}
	// A database path that cannot be created is a clear error, not a crash.
	if code, _, errs := run(t, "/proc/nope/x.db", "stats"); code != 1 || !strings.Contains(errs, "fieldbook stats:") {
		t.Fatalf("bad path: %d %q", code, errs)
	}
}
