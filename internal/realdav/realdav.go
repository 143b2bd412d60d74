// Package realdav starts real CardDAV/CalDAV servers (Radicale, Xandikos,
// DAViCal, as packaged by Debian 12) on 127.0.0.1 for tests and benchmarks.
//
// Each server gets a free port, its state in a directory of its own and an
// empty address book and calendar (meetings and tasks) for the user alice
// (password alicepw); MakeCalendar adds calendars, LoadInto fills any
// collection in bulk.
// Every process it runs is started here, in a process group of its own,
// and stopped by that group id; nothing is ever killed by name.
//
// In a test, Start does everything and registers the clean-up. A missing
// server package skips the test, or fails it when the environment variable
// CI is "true", naming the Debian package to install. Programs use StartIn
// and Close.
//
// Set-ups (see SERVERS.md in ../shared/dav beside the repository):
//   - Radicale 3.1.8: htpasswd (plain) auth, multifilesystem storage;
//     address book /alice/contacts/ (extended MKCOL), calendar
//     /alice/calendar/ (MKCALENDAR).
//   - Xandikos 0.2.8: no authentication at all (credentials are ignored);
//     --defaults creates /alice/contacts/addressbook/ and
//     /alice/calendars/calendar/, each a git repository.
//   - DAViCal 1.1.12: a private PostgreSQL cluster (unix socket in the
//     state directory, no TCP), php -S with a router for /.well-known;
//     address book /caldav.php/alice/addresses/ (MKCOL), calendar
//     /caldav.php/alice/calendar/ (MKCALENDAR).
package realdav

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"
	"time"
)

// Kind names a server implementation.
type Kind string

// The servers this package can run.
const (
	Radicale Kind = "radicale"
	Xandikos Kind = "xandikos"
	DAViCal  Kind = "davical"
)

// Kinds returns every Kind, in a fixed order.
func Kinds() []Kind { return []Kind{Radicale, Xandikos, DAViCal} }

// The account every server is set up with.
const (
	davUser     = "alice"
	davPassword = "alicepw"
)

// startTimeout bounds how long a server may take to answer after start.
const startTimeout = 30 * time.Second

// MissingError reports a server program that is not installed.
type MissingError struct {
	Kind    Kind
	Program string // what was looked for
	Package string // the Debian package that provides it
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("realdav: %s needs %s, which is missing: apt-get install --no-install-recommends %s", e.Kind, e.Program, e.Package)
}

// Server is one running (or stopped) server. Its methods are not safe for
// concurrent use.
type Server struct {
	Kind Kind
	// BaseURL is the server's root, "http://127.0.0.1:PORT/": where
	// discovery starts (/.well-known/carddav redirects from there).
	BaseURL string
	// User and Password are alice's credentials (Xandikos ignores them).
	User, Password string
	// AddressBookURL is the absolute URL of alice's address book, empty
	// at start, with a trailing slash.
	AddressBookURL string
	// CalendarURL is the absolute URL of alice's calendar, with a
	// trailing slash.
	CalendarURL string
	// StateDir holds the server's configuration, data and logs (*.log).
	StateDir string

	port    int
	ownsDir bool    // StateDir was created by StartIn and is removed by Close
	procs   []*proc // running processes, in start order
	impl    impl
}

// impl is what differs between server kinds.
type impl interface {
	// check reports a missing program as a *MissingError.
	check() error
	// setup prepares the state directory once, before the first launch.
	setup(s *Server) error
	// launch starts the processes and returns once the server answers.
	launch(s *Server) error
	// provision creates the collections after the first launch.
	provision(ctx context.Context, s *Server) error
	// load puts objects (name → vCard or iCalendar object) into the
	// collection at url in bulk.
	load(ctx context.Context, s *Server, url string, objs map[string][]byte) error
}

// implOf returns the implementation of kind.
func implOf(kind Kind) (impl, error) {
	switch kind {
	case Radicale:
		return radicale{}, nil
	case Xandikos:
		return xandikos{}, nil
	case DAViCal:
		return davical{}, nil
	}
	return nil, fmt.Errorf("realdav: unknown server kind %q", kind)
}

// Check reports whether kind's programs are installed: nil, a
// *MissingError, or an error for an unknown kind.
func Check(kind Kind) error {
	im, err := implOf(kind)
	if err != nil {
		return err
	}
	return im.check()
}

// StartIn starts a server of kind with its state in dir, which must not
// exist yet or be empty; "" means a new temporary directory that Close
// removes, in memory when possible (see tempRoot). It returns once the server answers and the address book and
// calendar exist. On error nothing is left running.
func StartIn(dir string, kind Kind) (*Server, error) {
	im, err := implOf(kind)
	if err != nil {
		return nil, err
	}
	if err := im.check(); err != nil {
		return nil, err
	}
	s := &Server{Kind: kind, User: davUser, Password: davPassword, impl: im}
	if dir == "" {
		if dir, err = os.MkdirTemp(tempRoot(), "realdav-"+string(kind)+"-"); err != nil {
			return nil, fmt.Errorf("realdav: state dir: %w", err)
		}
		s.ownsDir = true
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("realdav: state dir: %w", err)
	}
	s.StateDir = dir
	if s.port, err = freePort(); err != nil {
		s.Close()
		return nil, err
	}
	s.BaseURL = "http://127.0.0.1:" + strconv.Itoa(s.port) + "/"
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if err := im.setup(s); err != nil {
		s.Close()
		return nil, fmt.Errorf("realdav: set up %s: %w", kind, err)
	}
	if err := im.launch(s); err != nil {
		s.Close()
		return nil, fmt.Errorf("realdav: launch %s: %w", kind, err)
	}
	if err := im.provision(ctx, s); err != nil {
		s.Close()
		return nil, fmt.Errorf("realdav: create collections on %s: %w", kind, err)
	}
	return s, nil
}

// Stop stops the server's processes, keeping its state and port, so that
// Resume can bring it back. Stopping a stopped server does nothing.
func (s *Server) Stop() error {
	var errs []error
	for i := len(s.procs) - 1; i >= 0; i-- {
		if err := s.procs[i].stop(); err != nil {
			errs = append(errs, err)
		}
	}
	s.procs = nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("realdav: stop %s: %w", s.Kind, err)
	}
	return nil
}

// Resume starts a stopped server again on the same port with the same
// state, and returns once it answers.
func (s *Server) Resume() error {
	if len(s.procs) > 0 {
		return fmt.Errorf("realdav: resume %s: still running", s.Kind)
	}
	if err := s.impl.launch(s); err != nil {
		_ = s.Stop()
		return fmt.Errorf("realdav: resume %s: %w", s.Kind, err)
	}
	return nil
}

// Close stops the server and removes the state directory if StartIn
// created it.
func (s *Server) Close() error {
	err := s.Stop()
	if s.ownsDir && s.StateDir != "" {
		if rerr := os.RemoveAll(s.StateDir); rerr != nil {
			err = errors.Join(err, fmt.Errorf("realdav: remove state dir: %w", rerr))
		}
	}
	return err
}

// Load puts cards (name → vCard bytes; the name becomes the href's last
// segment and should end in ".vcf") into the address book, much faster
// than one PUT per card: Radicale gets the files written into its storage,
// Xandikos one git commit, DAViCal parallel PUTs. Existing names are
// overwritten on Radicale and Xandikos; the server's ctag and sync-token
// change (checked: Load fails otherwise), and on Radicale the new cards
// are parsed into its cache before Load returns. Names must be plain file
// names ([A-Za-z0-9._-]).
func (s *Server) Load(ctx context.Context, cards map[string][]byte) error {
	return s.LoadInto(ctx, s.AddressBookURL, cards)
}

// LoadInto is Load for any collection of the server at url (AddressBookURL,
// CalendarURL or one made by MakeCalendar): objs maps names to vCards or
// iCalendar objects (names ending in ".ics").
func (s *Server) LoadInto(ctx context.Context, url string, objs map[string][]byte) error {
	for name := range objs {
		if !safeName(name) {
			return fmt.Errorf("realdav: load: bad object name %q (want [A-Za-z0-9._-], not starting with a dot)", name)
		}
	}
	if len(objs) == 0 {
		return nil
	}
	before, err := s.collectionState(ctx, url)
	if err != nil {
		return fmt.Errorf("realdav: load: state before: %w", err)
	}
	if err := s.impl.load(ctx, s, url, objs); err != nil {
		return fmt.Errorf("realdav: load %d objects into %s: %w", len(objs), s.Kind, err)
	}
	// Check the server noticed (ctag and sync-token changed); on Radicale
	// this request also parses and caches the new files, a cost a server
	// fed by PUTs would have paid already.
	after, err := s.collectionState(ctx, url)
	if err != nil {
		return fmt.Errorf("realdav: load: state after: %w", err)
	}
	if after == before {
		return fmt.Errorf("realdav: load %d objects into %s: the collection's getctag and sync-token did not change", len(objs), s.Kind)
	}
	return nil
}

// safeName accepts plain file names that need no escaping in a URL.
func safeName(name string) bool {
	if name == "" || name[0] == '.' || len(name) > 200 {
		return false
	}
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'
		if !ok {
			return false
		}
	}
	return true
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("realdav: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// addProc records a started process so Stop ends it.
func (s *Server) addProc(p *proc) { s.procs = append(s.procs, p) }

// tempRoot is where StartIn("") puts state: /dev/shm (tmpfs) when it is
// a writable directory, else os.TempDir(). Radicale keeps one cache and
// one history file per item and builds them on the first request after a
// bulk load: for 5,000 cards that took 5.7 s on tmpfs and 22.7 s on this
// machine's ext4 /tmp (measured), mostly in mkdir/open/rmdir.
func tempRoot() string {
	const shm = "/dev/shm"
	if st, err := os.Stat(shm); err == nil && st.IsDir() && syscall.Access(shm, 2 /* W_OK */) == nil {
		return shm
	}
	return os.TempDir()
}
