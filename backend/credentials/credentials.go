package credentials

import (
	"crypto/rand"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"
)

// Service is the keychain service name under which every secret is stored.
const Service = "Fieldbook"

// FileName is the name of the fallback file in the directory given to Open.
const FileName = "credentials.json"

// Backend names returned by Vault.Backend.
const (
	BackendKeychain = "keychain"
	BackendFile     = "file"
)

// Default timeouts; see WithProbeTimeout and WithOpTimeout.
const (
	DefaultProbeTimeout = 2 * time.Second
	DefaultOpTimeout    = 30 * time.Second
)

// probeAccount is the account name of the probe item Open writes and
// deletes again in the keychain.
const probeAccount = "fieldbook-keychain-probe"

// Sentinel errors; test with errors.Is.
var (
	// ErrNotFound: no secret is stored for the account.
	ErrNotFound = errors.New("credentials: not found")
	// ErrKeychainTimeout: the keychain did not answer in time.
	ErrKeychainTimeout = errors.New("credentials: keychain did not answer in time")
	// ErrInsecureFile: the fallback file or its directory is owned by
	// another user or is not a regular file/directory.
	ErrInsecureFile = errors.New("credentials: insecure credentials file")
)

// Store stores one secret per account.
type Store interface {
	// Set stores secret for account, replacing any earlier one.
	Set(account, secret string) error
	// Get returns the secret of account, or an error wrapping ErrNotFound.
	Get(account string) (string, error)
	// Delete removes the secret of account; it returns an error wrapping
	// ErrNotFound when there was none.
	Delete(account string) error
}

// Vault is the Store Open returns: the system keychain when it works,
// otherwise the fallback file. It is safe for concurrent use.
type Vault struct {
	mu        sync.Mutex
	keychain  Keychain // nil when the file is the backend
	file      *fileStore
	opTimeout time.Duration
	fallback  error // why the keychain is not used; nil when it is
}

var _ Store = (*Vault)(nil)

type config struct {
	keychain     Keychain
	probeTimeout time.Duration
	opTimeout    time.Duration
}

// Option configures Open.
type Option func(*config)

// WithKeychain replaces the system keychain, for tests and for platforms
// that need another implementation. A nil Keychain disables the keychain:
// the file is used.
func WithKeychain(k Keychain) Option {
	return func(c *config) { c.keychain = k }
}

// WithProbeTimeout sets how long the keychain probe of Open may take in
// total (default DefaultProbeTimeout). Values <= 0 keep the default.
func WithProbeTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.probeTimeout = d
		}
	}
}

// WithOpTimeout sets how long one keychain operation may take once the
// keychain was chosen (default DefaultOpTimeout). Values <= 0 keep the
// default.
func WithOpTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.opTimeout = d
		}
	}
}

// Open returns a Vault for secrets, using the system keychain when a probe
// round trip succeeds and otherwise the file dir/credentials.json. dir is
// created with mode 0700 when missing (see the package documentation for
// how existing permissions are handled). Open fails when dir cannot be
// prepared, or when the file is the backend and cannot be read.
func Open(dir string, opts ...Option) (*Vault, error) {
	if dir == "" {
		return nil, errors.New("credentials: open: empty directory")
	}
	cfg := config{keychain: SystemKeychain(), probeTimeout: DefaultProbeTimeout, opTimeout: DefaultOpTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	fs := &fileStore{dir: dir, path: filepath.Join(dir, FileName)}
	if err := fs.prepare(); err != nil {
		return nil, fmt.Errorf("credentials: open %s: %w", dir, err)
	}
	v := &Vault{file: fs, opTimeout: cfg.opTimeout}
	if cfg.keychain == nil {
		v.fallback = errors.New("keychain disabled")
	} else if err := probe(cfg.keychain, cfg.probeTimeout); err != nil {
		v.fallback = err
	} else {
		v.keychain = cfg.keychain
	}
	if v.keychain == nil {
		// Read once so that a damaged or insecure file is reported now
		// rather than at the first sync.
		if _, err := fs.load(); err != nil {
			return nil, fmt.Errorf("credentials: open %s: %w", fs.path, err)
		}
		return v, nil
	}
	v.migrate()
	return v, nil
}

// probe checks that k stores, returns and deletes a random value within
// timeout.
func probe(k Keychain, timeout time.Duration) error {
	token := rand.Text()
	_, err := callWithTimeout(timeout, func() (struct{}, error) {
		if err := k.Set(Service, probeAccount, token); err != nil {
			return struct{}{}, fmt.Errorf("store probe item: %w", err)
		}
		got, err := k.Get(Service, probeAccount)
		if err != nil {
			_ = k.Delete(Service, probeAccount)
			return struct{}{}, fmt.Errorf("read probe item: %w", err)
		}
		if got != token {
			_ = k.Delete(Service, probeAccount)
			return struct{}{}, errors.New("read probe item: keychain returned a different value")
		}
		if err := k.Delete(Service, probeAccount); err != nil {
			return struct{}{}, fmt.Errorf("delete probe item: %w", err)
		}
		return struct{}{}, nil
	})
	if err != nil {
		return fmt.Errorf("credentials: keychain probe: %w", err)
	}
	return nil
}

// migrate moves the secrets of the file into the keychain, best effort:
// whatever cannot be moved stays in the file, where Get still finds it.
func (v *Vault) migrate() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.file.exists() {
		return
	}
	m, err := v.file.load()
	if err != nil || len(m) == 0 {
		return
	}
	moved := false
	for account, secret := range m {
		if err := v.kcSet(account, secret); err != nil {
			continue
		}
		delete(m, account)
		moved = true
	}
	if moved {
		_ = v.file.save(m)
	}
}

// Backend returns BackendKeychain or BackendFile.
func (v *Vault) Backend() string {
	if v.keychain != nil {
		return BackendKeychain
	}
	return BackendFile
}

// Notice returns a sentence for the UI that says where passwords are kept.
func (v *Vault) Notice() string {
	if v.keychain != nil {
		return "Passwords are stored in the system keychain."
	}
	return "Passwords are stored in a file readable only by you, because no system keychain was found."
}

// FallbackReason returns why the keychain is not used (for logs and
// diagnostics), or nil when it is.
func (v *Vault) FallbackReason() error { return v.fallback }

// Path returns the path of the fallback file, whether or not it exists.
func (v *Vault) Path() string { return v.file.path }

// Set stores secret for account. With the keychain as backend, an error of
// the keychain is returned and nothing is written to the file.
func (v *Vault) Set(account, secret string) error {
	if account == "" {
		return errors.New("credentials: set: empty account")
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keychain != nil {
		if err := v.kcSet(account, secret); err != nil {
			return fmt.Errorf("credentials: set %q in keychain: %w", account, err)
		}
		// Drop a stale copy left in the file by an earlier session.
		if _, err := v.fileDelete(account); err != nil {
			return fmt.Errorf("credentials: set %q: remove old copy from file: %w", account, err)
		}
		return nil
	}
	m, err := v.file.load()
	if err != nil {
		return fmt.Errorf("credentials: set %q: %w", account, err)
	}
	m[account] = secret
	if err := v.file.save(m); err != nil {
		return fmt.Errorf("credentials: set %q: %w", account, err)
	}
	return nil
}

// Get returns the secret of account; the error wraps ErrNotFound when there
// is none.
func (v *Vault) Get(account string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.keychain != nil {
		s, err := callWithTimeout(v.opTimeout, func() (string, error) { return v.keychain.Get(Service, account) })
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return "", fmt.Errorf("credentials: get %q from keychain: %w", account, err)
		}
		if !v.file.exists() {
			return "", fmt.Errorf("credentials: get %q: %w", account, ErrNotFound)
		}
	}
	m, err := v.file.load()
	if err != nil {
		return "", fmt.Errorf("credentials: get %q: %w", account, err)
	}
	s, ok := m[account]
	if !ok {
		return "", fmt.Errorf("credentials: get %q: %w", account, ErrNotFound)
	}
	return s, nil
}

// Delete removes the secret of account from the keychain and the file; the
// error wraps ErrNotFound when neither had one.
func (v *Vault) Delete(account string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	found := false
	if v.keychain != nil {
		_, err := callWithTimeout(v.opTimeout, func() (struct{}, error) {
			return struct{}{}, v.keychain.Delete(Service, account)
		})
		switch {
		case err == nil:
			found = true
		case !errors.Is(err, ErrNotFound):
			return fmt.Errorf("credentials: delete %q from keychain: %w", account, err)
		}
	}
	inFile, err := v.fileDelete(account)
	if err != nil {
		return fmt.Errorf("credentials: delete %q: %w", account, err)
	}
	if !found && !inFile {
		return fmt.Errorf("credentials: delete %q: %w", account, ErrNotFound)
	}
	return nil
}

// kcSet stores a secret in the keychain within the operation timeout.
func (v *Vault) kcSet(account, secret string) error {
	_, err := callWithTimeout(v.opTimeout, func() (struct{}, error) {
		return struct{}{}, v.keychain.Set(Service, account, secret)
	})
	return err
}

// fileDelete removes account from the file, if the file exists and has it,
// and reports whether it did. The file is not created.
func (v *Vault) fileDelete(account string) (bool, error) {
	if !v.file.exists() {
		return false, nil
	}
	m, err := v.file.load()
	if err != nil {
		return false, err
	}
	if _, ok := m[account]; !ok {
		return false, nil
	}
	delete(m, account)
	return true, v.file.save(m)
}

// callWithTimeout runs f and returns its result, or an error wrapping
// ErrKeychainTimeout when f takes longer than d. f keeps running after a
// timeout (a blocked D-Bus call cannot be cancelled); its result is dropped.
func callWithTimeout[T any](d time.Duration, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := f()
		ch <- result{v, err}
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-timer.C:
		var zero T
		return zero, fmt.Errorf("%w (after %v)", ErrKeychainTimeout, d)
	}
}
