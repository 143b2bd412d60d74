package realdav

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// xandikos runs Xandikos 0.2.x standalone (aiohttp). It has no
// authentication: alice is the only principal and credentials are ignored.
type xandikos struct{}

func (xandikos) check() error {
	if _, err := exec.LookPath("xandikos"); err != nil {
		return &MissingError{Kind: Xandikos, Program: "xandikos", Package: "xandikos"}
	}
	return nil
}

func (xandikos) setup(s *Server) error {
	s.AddressBookURL = s.BaseURL + davUser + "/contacts/addressbook/"
	s.CalendarURL = s.BaseURL + davUser + "/calendars/calendar/"
	return nil
}

// launch starts xandikos with --defaults, which creates the principal,
// the address book and the calendar on the first start and leaves them
// alone on later ones.
func (xandikos) launch(s *Server) error {
	p, err := startProc(procSpec{
		name: "xandikos", path: "xandikos", logDir: s.StateDir,
		args: []string{
			"-d", filepath.Join(s.StateDir, "data"), "--defaults",
			"--current-user-principal", "/" + davUser + "/",
			"-l", "127.0.0.1", "-p", strconv.Itoa(s.port),
		},
	})
	if err != nil {
		return err
	}
	s.addProc(p)
	return waitHTTP(s.BaseURL+"health", p)
}

func (xandikos) provision(context.Context, *Server) error { return nil } // --defaults did it

// xandikosCollection is the git working tree of the collection at url.
func xandikosCollection(s *Server, url string) string {
	return filepath.Join(s.StateDir, "data", filepath.FromSlash(strings.TrimPrefix(url, s.BaseURL)))
}

// load writes the cards into the address book's working tree and commits
// them with one git commit (git add updates the index, from which
// Xandikos reads ETags; the commit's tree is its ctag and sync-token).
// Per-item PUT commits the whole index each time: O(N²).
func (xandikos) load(ctx context.Context, s *Server, url string, cards map[string][]byte) error {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		return &MissingError{Kind: Xandikos, Program: "git (for bulk loading)", Package: "git"}
	}
	dir := xandikosCollection(s, url)
	for name, data := range cards {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("write card: %w", err)
		}
	}
	// Neither the user's nor the system's git configuration applies
	// (signing, hooks, default branch): the repository is Xandikos'.
	env := []string{
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=realdav", "GIT_AUTHOR_EMAIL=realdav@localhost",
		"GIT_COMMITTER_NAME=realdav", "GIT_COMMITTER_EMAIL=realdav@localhost",
	}
	for _, args := range [][]string{
		{"add", "--all", "--", "."},
		{"commit", "--quiet", "--no-verify", "-m", fmt.Sprintf("realdav: bulk load of %d cards", len(cards))},
	} {
		if err := runCmd(procSpec{name: "git-" + args[0], path: gitPath, args: args, dir: dir, env: env, logDir: s.StateDir}); err != nil {
			return err
		}
	}
	return nil
}
