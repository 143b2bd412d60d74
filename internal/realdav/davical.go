package realdav

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// davical runs DAViCal 1.1.x from the Debian package on PHP's built-in web
// server, with a private PostgreSQL cluster: no TCP (the port only names
// the unix socket in the state directory), trust authentication. The
// package's stock /etc/davical/config.php ("dbname=davical
// user=davical_app") is used unchanged; PGHOST and PGPORT point libpq at
// the private cluster.
type davical struct{}

// Fixed paths of the Debian packages.
const (
	davicalHTDocs   = "/usr/share/davical/htdocs"
	davicalCreateDB = "/usr/share/davical/dba/create-database.sh"
	pgLibDir        = "/usr/lib/postgresql"
	// pgPort names the socket file (.s.PGSQL.5432) in the private socket
	// directory; no TCP port is opened.
	pgPort = "5432"
)

// davicalRouter maps /.well-known/{caldav,carddav} to /caldav.php/ and
// everything else that is not a file of DAViCal's to caldav.php.
const davicalRouter = `<?php
$p = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (preg_match('#^/\.well-known/(caldav|carddav)#', $p)) {
    header('Location: /caldav.php/', true, 301); exit;
}
if (preg_match('#^/(caldav\.php|admin\.php|index\.php|css/|js/|images/)#', $p)) return false;
$_SERVER['SCRIPT_NAME'] = '/caldav.php';
$_SERVER['PATH_INFO'] = $p;
chdir('` + davicalHTDocs + `');
require '` + davicalHTDocs + `/caldav.php';
`

// davicalUserSQL adds alice (DAViCal's "**" prefix: plain-text password)
// and her principal; home collections are not created for users added by
// SQL, provision makes them.
const davicalUserSQL = `INSERT INTO usr (active, email_ok, updated, username, password, fullname, email)
  VALUES (TRUE, current_date, current_date, '` + davUser + `', '**` + davPassword + `', 'Alice Example', 'alice@example.com');
INSERT INTO principal (type_id, user_no, displayname, default_privileges)
  SELECT 1, user_no, 'Alice Example', 0::BIT(24) FROM usr WHERE username='` + davUser + `';
`

// pgBin returns the bin directory of the newest installed PostgreSQL.
func pgBin() (string, error) {
	dirs, _ := filepath.Glob(filepath.Join(pgLibDir, "*", "bin", "initdb"))
	if len(dirs) == 0 {
		return "", &MissingError{Kind: DAViCal, Program: pgLibDir + "/*/bin/initdb", Package: "postgresql"}
	}
	version := func(p string) int {
		n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
		return n
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	return filepath.Dir(dirs[len(dirs)-1]), nil
}

func (davical) check() error {
	if _, err := os.Stat(davicalCreateDB); err != nil {
		return &MissingError{Kind: DAViCal, Program: davicalCreateDB, Package: "davical"}
	}
	if _, err := exec.LookPath("php"); err != nil {
		return &MissingError{Kind: DAViCal, Program: "php", Package: "php-cli"}
	}
	_, err := pgBin()
	return err
}

// pgCred returns the credentials PostgreSQL runs with: as root, the
// postgres user (PostgreSQL refuses to run as root); otherwise nil (the
// current user).
func pgCred() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs the postgres user to run PostgreSQL: %w", err)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("postgres user: bad uid %q / gid %q", u.Uid, u.Gid)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
}

// Paths inside the state directory.
func pgDir(s *Server) string  { return filepath.Join(s.StateDir, "pg") }
func pgData(s *Server) string { return filepath.Join(pgDir(s), "data") }
func pgSock(s *Server) string { return filepath.Join(pgDir(s), "sock") }
func pgEnv(s *Server) []string {
	return []string{"PGHOST=" + pgSock(s), "PGPORT=" + pgPort, "PGUSER=postgres"}
}

// setup creates the cluster (initdb) and the router.
func (davical) setup(s *Server) error {
	bin, err := pgBin()
	if err != nil {
		return err
	}
	cred, err := pgCred()
	if err != nil {
		return err
	}
	if err := os.Chmod(s.StateDir, 0o755); err != nil { // postgres must reach pg/
		return fmt.Errorf("state dir: %w", err)
	}
	for _, d := range []string{pgDir(s), pgSock(s)} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("postgres dir: %w", err)
		}
		if cred != nil {
			if err := os.Chown(d, int(cred.Uid), int(cred.Gid)); err != nil {
				return fmt.Errorf("postgres dir: %w", err)
			}
		}
	}
	if err := runCmd(procSpec{
		name: "initdb", path: filepath.Join(bin, "initdb"), logDir: s.StateDir, cred: cred, dir: pgDir(s),
		args: []string{"-D", pgData(s), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"},
	}); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.StateDir, "router.php"), []byte(davicalRouter), 0o644); err != nil {
		return fmt.Errorf("write router: %w", err)
	}
	root := s.BaseURL + "caldav.php/" + davUser + "/"
	s.AddressBookURL = root + "addresses/"
	s.CalendarURL = root + "calendar/"
	return nil
}

// launch starts PostgreSQL, waits until it accepts connections, then
// starts php -S with 4 workers.
func (davical) launch(s *Server) error {
	bin, err := pgBin()
	if err != nil {
		return err
	}
	cred, err := pgCred()
	if err != nil {
		return err
	}
	pg, err := startProc(procSpec{
		name: "postgres", path: filepath.Join(bin, "postgres"), logDir: s.StateDir, cred: cred, dir: pgDir(s),
		args: []string{
			"-D", pgData(s), "-k", pgSock(s), "-p", pgPort,
			"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
			"-c", "full_page_writes=off",
		},
		stopSig: syscall.SIGINT, // fast shutdown
	})
	if err != nil {
		return err
	}
	s.addProc(pg)
	if err := waitPostgres(s, bin, pg); err != nil {
		return err
	}
	php, err := startProc(procSpec{
		name: "php", path: "php", logDir: s.StateDir, dir: davicalHTDocs,
		args: []string{"-d", "opcache.enable_cli=1", "-S", "127.0.0.1:" + strconv.Itoa(s.port), "-t", davicalHTDocs, filepath.Join(s.StateDir, "router.php")},
		env:  append(pgEnv(s), "PHP_CLI_SERVER_WORKERS=4"),
	})
	if err != nil {
		return err
	}
	s.addProc(php)
	return waitHTTP(s.BaseURL+".well-known/carddav", php, pg)
}

// waitPostgres polls pg_isready until the cluster accepts connections.
func waitPostgres(s *Server, bin string, pg *proc) error {
	deadline := time.Now().Add(startTimeout)
	for {
		if pg.exited() {
			return pg.exitError()
		}
		cmd := exec.Command(filepath.Join(bin, "pg_isready"), "-q", "-h", pgSock(s), "-p", pgPort)
		if cmd.Run() == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres not ready within %s; log:\n%s", startTimeout, tail(pg.log, 2000))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// provision creates DAViCal's database and alice, then her address book
// and calendar.
func (davical) provision(ctx context.Context, s *Server) error {
	bin, err := pgBin()
	if err != nil {
		return err
	}
	env := append(pgEnv(s), "PATH="+bin+":"+os.Getenv("PATH"))
	if err := runCmd(procSpec{
		name: "create-database", path: davicalCreateDB, args: []string{"davical", "adminpw"},
		env: env, logDir: s.StateDir,
	}); err != nil {
		return err
	}
	sqlFile := filepath.Join(s.StateDir, "alice.sql")
	if err := os.WriteFile(sqlFile, []byte(davicalUserSQL), 0o644); err != nil {
		return fmt.Errorf("write SQL: %w", err)
	}
	if err := runCmd(procSpec{
		name: "psql-alice", path: filepath.Join(bin, "psql"), env: env, logDir: s.StateDir,
		args: []string{"-qXAt", "-v", "ON_ERROR_STOP=1", "-d", "davical", "-f", sqlFile},
	}); err != nil {
		return err
	}
	return s.makeCollections(ctx)
}

// load PUTs the objects with If-None-Match: * from 4 goroutines (php -S
// runs 4 workers); DAViCal stores each in PostgreSQL, so a PUT costs the
// same whatever the collection's size.
func (davical) load(ctx context.Context, s *Server, url string, objs map[string][]byte) error {
	return s.putAll(ctx, url, objs, 4)
}
