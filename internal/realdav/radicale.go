package realdav

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// radicale runs Radicale 3.1.x with htpasswd auth and file storage.
type radicale struct{}

func (radicale) check() error {
	if _, err := exec.LookPath("radicale"); err != nil {
		return &MissingError{Kind: Radicale, Program: "radicale", Package: "radicale"}
	}
	return nil
}

// radicaleConfig is the whole configuration: --config replaces the
// search path, so the Debian default /etc/radicale/config
// (auth = remote_user) is not read.
const radicaleConfig = `[server]
hosts = 127.0.0.1:%d
max_connections = 20
max_content_length = 500000000
timeout = 120
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
type = multifilesystem
filesystem_folder = %s
[web]
type = none
[logging]
level = warning
`

func (radicale) setup(s *Server) error {
	users := filepath.Join(s.StateDir, "users")
	if err := os.WriteFile(users, []byte(davUser+":"+davPassword+"\n"), 0o600); err != nil {
		return fmt.Errorf("write users: %w", err)
	}
	storage := filepath.Join(s.StateDir, "collections")
	if err := os.MkdirAll(storage, 0o755); err != nil {
		return fmt.Errorf("storage dir: %w", err)
	}
	conf := fmt.Sprintf(radicaleConfig, s.port, users, storage)
	if err := os.WriteFile(filepath.Join(s.StateDir, "config"), []byte(conf), 0o644); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	s.AddressBookURL = s.BaseURL + davUser + "/contacts/"
	s.CalendarURL = s.BaseURL + davUser + "/calendar/"
	return nil
}

func (radicale) launch(s *Server) error {
	p, err := startProc(procSpec{
		name: "radicale", path: "radicale", logDir: s.StateDir,
		args: []string{"--config", filepath.Join(s.StateDir, "config")},
	})
	if err != nil {
		return err
	}
	s.addProc(p)
	return waitHTTP(s.BaseURL, p)
}

func (radicale) provision(ctx context.Context, s *Server) error {
	// The principal collection /alice/ is created by the first
	// authenticated request.
	if err := s.mustCall(ctx, "PROPFIND", s.BaseURL+davUser+"/", http.Header{"Depth": {"0"}}, nil); err != nil {
		return fmt.Errorf("principal: %w", err)
	}
	return s.makeCollections(ctx)
}

// radicaleCollection is the folder in the storage of the collection at url.
func radicaleCollection(s *Server, url string) string {
	return filepath.Join(s.StateDir, "collections", "collection-root", filepath.FromSlash(strings.TrimPrefix(url, s.BaseURL)))
}

// load writes the cards as item files (file name = href) into the
// address book's folder while holding Radicale's storage lock exclusively
// (flock on collections/.Radicale.lock, which every Radicale request holds
// shared or exclusive), so no request sees a half-written file. Radicale
// computes items, ctag and sync-token from the files, and its item cache
// is keyed by each file's content hash, so nothing needs clearing; the
// next request parses the new files into Radicale's item cache and
// history (one small file each; Load makes that request).
func (radicale) load(ctx context.Context, s *Server, url string, cards map[string][]byte) error {
	lockPath := filepath.Join(s.StateDir, "collections", ".Radicale.lock")
	lock, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("open storage lock: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("lock storage: %w", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	dir := radicaleCollection(s, url)
	for name, data := range cards {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("write card: %w", err)
		}
	}
	return nil
}
