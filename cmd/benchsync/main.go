// Command benchsync times Fieldbook's CardDAV and CalDAV sync against
// vdirsyncer's on the same real Radicale holding the same contacts and
// meetings (run by make bench-sync).
//
// It starts Radicale (internal/realdav), bulk-loads N generated vCard 3.0
// contacts into the address book and E generated meetings (Events) into
// the calendar beside it, then times, as wall time of the whole command:
//
//   - Fieldbook: `fieldbook --db DB sync --json --quiet` on a fresh database
//     whose account (`account add`) has the address book and the calendar
//     (initial), then again (no change); `stats --json` must show N
//     contacts and E meetings.
//   - vdirsyncer: `vdirsyncer -c CONF sync` with two pairs, synced in the
//     same run: a filesystem storage with the carddav address book and one
//     with the caldav calendar (initial, then no change); the local
//     directories must hold N .vcf and E .ics files.
//
// It prints both timings, the ratios vdirsyncer/Fieldbook and whether the
// targets of PRODUCT.md (initial ≥ 3×, no change ≥ 10×) are met. A missed
// target is a measurement and exits 0; a failed step exits 1.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fieldbook/internal/realdav"
)

func main() {
	n := flag.Int("n", 5000, "contacts on the server")
	events := flag.Int("events", 2000, "meetings on the server (in a calendar beside the address book)")
	fieldbook := flag.String("fieldbook", "", "the fieldbook binary (built with -tags sqlite_fts5)")
	vdirsyncer := flag.String("vdirsyncer", "vdirsyncer", "the vdirsyncer program")
	first := flag.String("first", "fieldbook", "which client syncs first: fieldbook or vdirsyncer")
	keep := flag.Bool("keep", false, "keep the work directory (logs, databases) and print its path")
	trace := flag.Bool("trace", false, "send both clients through a loopback proxy and print time and bytes per kind of request")
	flag.Parse()
	if *n < 0 || *events < 0 {
		fmt.Fprintln(os.Stderr, "bench-sync: -n and -events must not be negative")
		os.Exit(2)
	}
	if err := run(load{contacts: *n, events: *events}, *fieldbook, *vdirsyncer, *first, *keep, *trace); err != nil {
		fmt.Fprintln(os.Stderr, "bench-sync:", err)
		os.Exit(1)
	}
}

type timing struct{ initial, noChange time.Duration }

// load is how many objects the server holds.
type load struct{ contacts, events int }

func run(n load, fieldbook, vdirsyncer, first string, keep, trace bool) error {
	if fieldbook == "" {
		return errors.New("-fieldbook PATH is required (go build -tags sqlite_fts5 -o PATH .)")
	}
	fb, err := filepath.Abs(fieldbook)
	if err != nil {
		return err
	}
	vds, err := exec.LookPath(vdirsyncer)
	if err != nil {
		return fmt.Errorf("vdirsyncer not found (apt-get install vdirsyncer): %w", err)
	}
	if first != "fieldbook" && first != "vdirsyncer" {
		return fmt.Errorf("-first must be fieldbook or vdirsyncer, not %q", first)
	}
	work, err := os.MkdirTemp("", "fieldbook-benchsync-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("work directory:", work)
	} else {
		defer os.RemoveAll(work)
	}

	srv, err := realdav.StartIn("", realdav.Radicale)
	if err != nil {
		return fmt.Errorf("start Radicale: %w", err)
	}
	defer srv.Close()
	cards, people := Cards(n.contacts)
	events := Events(n.events, people)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	fmt.Printf("Radicale at %s\n", srv.BaseURL)
	for _, c := range []struct {
		what, url string
		objs      map[string][]byte
	}{{"contacts", srv.AddressBookURL, cards}, {"meetings", srv.CalendarURL, events}} {
		fmt.Printf("loading %d %s into %s (%s)\n", len(c.objs), c.what, strings.TrimPrefix(c.url, srv.BaseURL), sizes(c.objs))
		if err := srv.LoadInto(ctx, c.url, c.objs); err != nil {
			return fmt.Errorf("load %s: %w", c.what, err)
		}
	}

	// What the clients are given: the server, or the tracing proxy in front of it.
	tg := target{base: srv.BaseURL, addressBook: srv.AddressBookURL, calendar: srv.CalendarURL, user: srv.User, password: srv.Password, label: func(string) {}}
	if trace {
		tr, err := startTracer(srv.BaseURL)
		if err != nil {
			return err
		}
		defer tr.Close()
		defer tr.print()
		tg.base = tr.URL
		tg.addressBook = tr.URL + strings.TrimPrefix(srv.AddressBookURL, srv.BaseURL)
		tg.calendar = tr.URL + strings.TrimPrefix(srv.CalendarURL, srv.BaseURL)
		tg.label = tr.begin
	}

	var f, v timing
	var fRep, fRep2 syncReport
	runFB := func() error {
		f, fRep, fRep2, err = benchFieldbook(fb, filepath.Join(work, "fieldbook"), tg, n)
		return err
	}
	runVD := func() error {
		v, err = benchVdirsyncer(vds, filepath.Join(work, "vdirsyncer"), tg, n)
		return err
	}
	order := []func() error{runFB, runVD}
	if first == "vdirsyncer" {
		order = []func() error{runVD, runFB}
	}
	for _, step := range order {
		if err := step(); err != nil {
			return err
		}
	}

	fmt.Printf("\nFieldbook's own figures (sync --json): initial %.2f s, %d change-listing requests; no change %.2f s, %d\n",
		fRep.Seconds, fRep.Requests, fRep2.Seconds, fRep2.Requests)
	fmt.Printf("\n%d contacts + %d meetings on Radicale, wall seconds (%s synced first)\n", n.contacts, n.events, first)
	fmt.Printf("%-10s %10s %10s %8s %8s %s\n", "sync", "Fieldbook", "vdirsyncer", "ratio", "target", "met")
	row := func(name string, fd, vd time.Duration, target float64) {
		ratio := vd.Seconds() / fd.Seconds()
		met := "no"
		if ratio >= target {
			met = "yes"
		}
		fmt.Printf("%-10s %10.2f %10.2f %7.1f× %7.0f× %s\n", name, fd.Seconds(), vd.Seconds(), ratio, target, met)
	}
	row("initial", f.initial, v.initial, 3)
	row("no change", f.noChange, v.noChange, 10)
	return nil
}

// target is where the clients sync with.
type target struct {
	base, addressBook, calendar, user, password string
	label                                       func(step string) // names the requests that follow (-trace)
}

// syncReport is the part of `fieldbook sync --json` the benchmark reads.
type syncReport struct {
	Fetched  int               `json:"fetched"`
	Applied  int               `json:"applied"`
	Failed   int               `json:"failed"`
	Skipped  int               `json:"skipped"`
	Requests int               `json:"requests"`
	Seconds  float64           `json:"seconds"`
	Errors   map[string]string `json:"errors"`
}

func benchFieldbook(bin, dir string, srv target, n load) (timing, syncReport, syncReport, error) {
	var t timing
	var r1, r2 syncReport
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return t, r1, r2, err
	}
	db := filepath.Join(dir, "fieldbook.db")
	fb := func(stdin string, args ...string) ([]byte, time.Duration, error) {
		return command(dir, stdin, bin, append([]string{"--db", db}, args...)...)
	}
	srv.label("fieldbook account add")
	added, _, err := fb(srv.password+"\n", "account", "add", srv.base, "--user", srv.user, "--name", "bench")
	if err != nil {
		return t, r1, r2, err
	}
	// Both collections, whatever else discovery found.
	for _, want := range []string{srv.addressBook, srv.calendar} {
		if href := strings.TrimPrefix(want, srv.base); !bytes.Contains(added, []byte("/"+href+" ")) {
			return t, r1, r2, fmt.Errorf("fieldbook account add did not take /%s:\n%s", href, added)
		}
	}
	// The password may have gone to the system keychain: take the account
	// out again at the end.
	defer fb("", "account", "remove", "bench")
	sync := func(label string, rep *syncReport) (time.Duration, error) {
		srv.label("fieldbook " + label)
		var cpu time.Duration
		cpuNote = &cpu
		out, d, err := fb("", "sync", "--json", "--quiet")
		cpuNote = nil
		if err != nil {
			return 0, err
		}
		if err := json.Unmarshal(out, rep); err != nil {
			return 0, fmt.Errorf("fieldbook sync --json: %w: %s", err, out)
		}
		if rep.Failed > 0 || rep.Skipped > 0 || len(rep.Errors) > 0 {
			return 0, fmt.Errorf("fieldbook %s sync: %s", label, bytes.TrimSpace(out))
		}
		fmt.Printf("fieldbook  %-9s %6.2f s  (client CPU %.2f s; fetched %d, applied %d)\n", label, d.Seconds(), cpu.Seconds(), rep.Fetched, rep.Applied)
		return d, nil
	}
	if t.initial, err = sync("initial", &r1); err != nil {
		return t, r1, r2, err
	}
	if t.noChange, err = sync("no change", &r2); err != nil {
		return t, r1, r2, err
	}
	out, _, err := fb("", "stats", "--json")
	if err != nil {
		return t, r1, r2, err
	}
	var st struct{ Contacts, Meetings int }
	if err := json.Unmarshal(out, &st); err != nil {
		return t, r1, r2, fmt.Errorf("fieldbook stats --json: %w: %s", err, out)
	}
	if st.Contacts != n.contacts || st.Meetings != n.events {
		return t, r1, r2, fmt.Errorf("fieldbook holds %d contacts and %d meetings after sync, want %d and %d", st.Contacts, st.Meetings, n.contacts, n.events)
	}
	fmt.Printf("fieldbook  holds %d contacts and %d meetings (stats --json)\n", st.Contacts, st.Meetings)
	return t, r1, r2, nil
}

func benchVdirsyncer(bin, dir string, srv target, n load) (timing, error) {
	var t timing
	local := filepath.Join(dir, "local", "contacts")
	localCal := filepath.Join(dir, "local", "calendar")
	for _, d := range []string{local, localCal, filepath.Join(dir, "status")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return t, err
		}
	}
	conf := filepath.Join(dir, "vdirsyncer.conf")
	cfg := fmt.Sprintf(`[general]
status_path = %q

[pair contacts]
a = "contacts_local"
b = "contacts_remote"
collections = null
conflict_resolution = "b wins"

[storage contacts_local]
type = "filesystem"
path = %q
fileext = ".vcf"

[storage contacts_remote]
type = "carddav"
url = %q
username = %q
password = %q

[pair calendar]
a = "calendar_local"
b = "calendar_remote"
collections = null
conflict_resolution = "b wins"

[storage calendar_local]
type = "filesystem"
path = %q
fileext = ".ics"

[storage calendar_remote]
type = "caldav"
url = %q
username = %q
password = %q
`, filepath.Join(dir, "status")+"/", local+"/", srv.addressBook, srv.user, srv.password,
		localCal+"/", srv.calendar, srv.user, srv.password)
	if err := os.WriteFile(conf, []byte(cfg), 0o600); err != nil {
		return t, err
	}
	// discover asks before creating a missing collection; the local one
	// exists already, the answers are a safety net.
	srv.label("vdirsyncer discover")
	if _, _, err := command(dir, strings.Repeat("y\n", 10), bin, "-c", conf, "discover"); err != nil {
		return t, err
	}
	sync := func(label string) (time.Duration, error) {
		srv.label("vdirsyncer " + label)
		var cpu time.Duration
		cpuNote = &cpu
		_, d, err := command(dir, "", bin, "-c", conf, "sync")
		cpuNote = nil
		if err != nil {
			return 0, err
		}
		cards, err := countFiles(local, ".vcf")
		if err != nil {
			return 0, err
		}
		events, err := countFiles(localCal, ".ics")
		if err != nil {
			return 0, err
		}
		if cards != n.contacts || events != n.events {
			return 0, fmt.Errorf("vdirsyncer %s sync left %d .vcf and %d .ics files, want %d and %d", label, cards, events, n.contacts, n.events)
		}
		fmt.Printf("vdirsyncer %-9s %6.2f s  (client CPU %.2f s; %d .vcf + %d .ics files)\n", label, d.Seconds(), cpu.Seconds(), cards, events)
		return d, nil
	}
	var err error
	if t.initial, err = sync("initial"); err != nil {
		return t, err
	}
	t.noChange, err = sync("no change")
	return t, err
}

// countFiles counts the files in dir whose names end in ext.
func countFiles(dir, ext string) (int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	files := 0
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ext) {
			files++
		}
	}
	return files, nil
}

// sizes describes the size of objs: total and average.
func sizes(objs map[string][]byte) string {
	total := 0
	for _, o := range objs {
		total += len(o)
	}
	if len(objs) == 0 {
		return "empty"
	}
	return fmt.Sprintf("%.1f MB, %d bytes each on average", float64(total)/1e6, total/len(objs))
}

// cpuNote, when set, receives the CPU time (user + system) of the next
// successful command.
var cpuNote *time.Duration

// command runs name with args in dir, stdin as its input, and returns its
// standard output and wall time; a failure carries its standard error.
func command(dir, stdin, name string, args ...string) ([]byte, time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err == nil && cpuNote != nil {
		*cpuNote = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err != nil {
		return out.Bytes(), d, fmt.Errorf("%s %s: %w\n%s%s", filepath.Base(name), strings.Join(args, " "), err, out.Bytes(), errb.Bytes())
	}
	return out.Bytes(), d, nil
}

var (
	firstNames = []string{"Zoë", "José", "François", "Łukasz", "Søren", "Ingrid", "Mónica", "Jürgen", "Anaïs", "Björn",
		"Çağla", "Dóra", "Émilie", "Fátima", "Gökhan", "Hélène", "Iñaki", "Jana", "Kateřina", "Léa",
		"Mårten", "Noémie", "Oğuz", "Pál", "Renée", "Siobhán", "Tomás", "Ulrike", "Vítor", "Wojciech"}
	lastNames = []string{"Müller", "García", "Øberg", "Nowak", "Dubois", "Šimek", "Çelik", "Rossi", "Ó Briain", "Lindqvist",
		"Fernández", "Kovač", "Lefèvre", "Jørgensen", "Nuñez", "Schäfer", "Wiśniewski", "Horváth", "Brontë", "Zürcher",
		"Álvarez", "Petrović", "Kühn", "Lemaître", "Sørensen", "Yılmaz", "Costa", "Dvořáková", "Grünewald", "Ibáñez"}
	companies = []string{"Nordlicht GmbH", "Café Olé S.L.", "Brasserie Léon SARL", "Øresund Logistik A/S", "Kraków Software sp. z o.o.",
		"Acme Field Services", "Étoile Conseil", "Zürich Präzision AG", "Lisboa Navegação Lda", "Hanseatic Trade KG"}
	titles = []string{"Sales Manager", "Chief Executive Officer", "Head of Procurement", "Field Engineer", "Account Director",
		"Product Owner", "Office Manager", "Technical Buyer", "Operations Lead", "Chef de projet"}
	cities = []struct{ street, city, code, region, country string }{
		{"Königsallee", "Düsseldorf", "40212", "NRW", "Deutschland"},
		{"Rue de Rivoli", "Paris", "75001", "Île-de-France", "France"},
		{"Calle de Alcalá", "Madrid", "28014", "Madrid", "España"},
		{"Nørrebrogade", "København", "2200", "", "Danmark"},
		{"ulica Floriańska", "Kraków", "31-019", "Małopolskie", "Polska"},
		{"Bahnhofstrasse", "Zürich", "8001", "ZH", "Schweiz"},
		{"Rua Augusta", "Lisboa", "1100-053", "", "Portugal"},
		{"Via del Corso", "Roma", "00186", "RM", "Italia"},
	}
	noteWords = strings.Fields("met at the trade fair in Hannover, interested in the spring catalogue; follow up after the " +
		"quarterly review. Prefers calls in the morning, café near the office. Budget approved for the pilot, " +
		"décision attendue en juin. Wants a quote for 40 units with on-site installation and a two-year service contract.")
)

// person is who a generated contact is, for the meetings' attendees.
type person struct{ name, email, org string }

// Cards returns n deterministic vCard 3.0 contacts of about 1 KB, keyed
// by file name (contact-00001.vcf …), and who they are, in order.
func Cards(n int) (map[string][]byte, []person) {
	rng := rand.New(rand.NewPCG(42, 5000))
	cards := make(map[string][]byte, n)
	people := make([]person, 0, n)
	for i := 1; i <= n; i++ {
		first := firstNames[rng.IntN(len(firstNames))]
		last := lastNames[rng.IntN(len(lastNames))]
		org := companies[rng.IntN(len(companies))]
		addr := cities[rng.IntN(len(cities))]
		local := strings.ToLower(asciiFold(first) + "." + asciiFold(last))
		domain := strings.ToLower(asciiFold(strings.Fields(org)[0])) + ".example"
		var note []string
		for len(strings.Join(note, " ")) < 420+rng.IntN(200) {
			note = append(note, noteWords[rng.IntN(len(noteWords))])
		}
		var b strings.Builder
		line := func(format string, a ...any) { b.WriteString(fold(fmt.Sprintf(format, a...))) }
		line("BEGIN:VCARD")
		line("VERSION:3.0")
		line("UID:benchsync-%05d@fieldbook.example", i)
		line("FN:%s %s", first, last)
		line("N:%s;%s;;;", esc(last), esc(first))
		line("ORG:%s;%s", esc(org), []string{"Sales", "Operations", "Engineering", "Purchasing"}[rng.IntN(4)])
		line("TITLE:%s", esc(titles[rng.IntN(len(titles))]))
		line("EMAIL;TYPE=INTERNET,WORK:%s@%s", local, domain)
		line("EMAIL;TYPE=INTERNET,HOME:%s%d@mail.example", local, i)
		line("TEL;TYPE=WORK,VOICE:+49 211 %04d %03d", rng.IntN(10000), i%1000)
		line("TEL;TYPE=CELL:+33 6 %02d %02d %02d %02d", rng.IntN(100), rng.IntN(100), rng.IntN(100), i%100)
		line("ADR;TYPE=WORK:;;%s %d;%s;%s;%s;%s", esc(addr.street), 1+rng.IntN(200), esc(addr.city), esc(addr.region), addr.code, esc(addr.country))
		line("NOTE:%s", esc(strings.Join(note, " ")))
		line("CATEGORIES:%s", []string{"Customer", "Prospect", "Supplier", "Partner"}[rng.IntN(4)])
		line("REV:2026-01-%02dT%02d:%02d:00Z", 1+i%28, i%24, i%60)
		line("END:VCARD")
		cards[fmt.Sprintf("contact-%05d.vcf", i)] = []byte(b.String())
		people = append(people, person{name: first + " " + last, email: local + "@" + domain, org: org})
	}
	return cards, people
}

// esc escapes a vCard 3.0 text value.
func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`).Replace(s)
}

// fold folds a content line at 75 octets without splitting a UTF-8
// character and ends it with CRLF.
func fold(s string) string {
	var b strings.Builder
	width := 0
	for _, r := range s {
		l := len(string(r))
		if width+l > 75 {
			b.WriteString("\r\n ")
			width = 1
		}
		b.WriteRune(r)
		width += l
	}
	b.WriteString("\r\n")
	return b.String()
}

// asciiFold drops accents for e-mail addresses.
func asciiFold(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "ø", "o", "Ø", "O",
		"å", "a", "Å", "A", "æ", "ae", "é", "e", "è", "e", "ê", "e", "ë", "e", "É", "E", "á", "a", "à", "a", "â", "a", "ã", "a",
		"í", "i", "ï", "i", "ı", "i", "İ", "I", "ó", "o", "ô", "o", "Ó", "O", "ú", "u", "ñ", "n", "ç", "c", "Ç", "C", "ğ", "g",
		"ł", "l", "Ł", "L", "ś", "s", "š", "s", "Š", "S", "ř", "r", "ž", "z", "č", "c", "ć", "c", "ń", "n", "ą", "a", "ę", "e", "Á", "A")
	var b strings.Builder
	for _, c := range r.Replace(s) {
		if c < 128 && c != ' ' {
			b.WriteRune(c)
		}
	}
	return b.String()
}
