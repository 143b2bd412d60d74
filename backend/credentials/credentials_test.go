package credentials

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeKeychain is an in-memory Keychain whose failures tests switch on.
type fakeKeychain struct {
	mu    sync.Mutex
	items map[string]string // service + "\x00" + account → secret
	// fail, when set, is returned by every call.
	fail error
	// failSet lists accounts whose Set fails.
	failSet map[string]bool
	// wrongValue makes Get return something other than what was set.
	wrongValue bool
	// block, when set, makes every call wait until it is closed.
	block chan struct{}
	// failGet makes only Get fail.
	failGet error
}

func newFake() *fakeKeychain { return &fakeKeychain{items: map[string]string{}} }

func (f *fakeKeychain) wait() error {
	f.mu.Lock()
	block, fail := f.block, f.fail
	f.mu.Unlock()
	if block != nil {
		<-block
	}
	return fail
}

func (f *fakeKeychain) Set(service, account, secret string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failSet[account] {
		return errors.New("fake: set refused")
	}
	f.items[service+"\x00"+account] = secret
	return nil
}

func (f *fakeKeychain) Get(service, account string) (string, error) {
	if err := f.wait(); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failGet != nil {
		return "", f.failGet
	}
	s, ok := f.items[service+"\x00"+account]
	if !ok {
		return "", ErrNotFound
	}
	if f.wrongValue {
		s += "?"
	}
	return s, nil
}

func (f *fakeKeychain) Delete(service, account string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	k := service + "\x00" + account
	if _, ok := f.items[k]; !ok {
		return ErrNotFound
	}
	delete(f.items, k)
	return nil
}

func (f *fakeKeychain) snapshot() map[string]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := make(map[string]string, len(f.items))
	for k, v := range f.items {
		m[k] = v
	}
	return m
}

func (f *fakeKeychain) setFail(err error) {
	f.mu.Lock()
	f.fail = err
	f.mu.Unlock()
}

// hang makes every call block until the test ends.
func (f *fakeKeychain) hang(t *testing.T) {
	ch := make(chan struct{})
	f.mu.Lock()
	f.block = ch
	f.mu.Unlock()
	t.Cleanup(func() { close(ch) })
}

func openFile(t *testing.T, dir string) *Vault {
	t.Helper()
	v, err := Open(dir, WithKeychain(nil))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if v.Backend() != BackendFile {
		t.Fatalf("Backend = %q, want %q", v.Backend(), BackendFile)
	}
	return v
}

func mustGet(t *testing.T, s Store, account, want string) {
	t.Helper()
	got, err := s.Get(account)
	if err != nil {
		t.Fatalf("Get(%q): %v", account, err)
	}
	if got != want {
		t.Fatalf("Get(%q) = %q, want %q", account, got, want)
	}
}

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	v := openFile(t, dir)
	if !strings.Contains(v.Notice(), "readable only by you") {
		t.Errorf("Notice = %q", v.Notice())
	}
	if v.FallbackReason() == nil {
		t.Error("FallbackReason = nil for the file backend")
	}
	if err := v.Set("alice@dav.example", "pa:ss \"wörd\"\n"); err != nil {
		t.Fatal(err)
	}
	if err := v.Set("bob", "x"); err != nil {
		t.Fatal(err)
	}
	if err := v.Set("bob", "y"); err != nil {
		t.Fatal(err)
	}
	mustGet(t, v, "alice@dav.example", "pa:ss \"wörd\"\n")
	mustGet(t, v, "bob", "y")

	v2 := openFile(t, dir)
	mustGet(t, v2, "alice@dav.example", "pa:ss \"wörd\"\n")
	if err := v2.Delete("bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := v2.Get("bob"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := v2.Delete("bob"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
	if err := v2.Set("", "x"); err == nil {
		t.Fatal("Set with empty account succeeded")
	}
}

func TestMissingAccount(t *testing.T) {
	for _, kc := range []Keychain{nil, newFake()} {
		v, err := Open(t.TempDir(), WithKeychain(kc))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.Get("nobody"); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: Get missing: %v, want ErrNotFound", v.Backend(), err)
		}
		if err := v.Delete("nobody"); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: Delete missing: %v, want ErrNotFound", v.Backend(), err)
		}
	}
}

func TestFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits do not protect files on Windows")
	}
	dir := filepath.Join(t.TempDir(), "data", "fieldbook")
	v := openFile(t, dir)
	if err := v.Set("a", "secret"); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("directory mode %o, want 700", m)
	}
	if m := mode(t, v.Path()); m != 0o600 {
		t.Errorf("file mode %o, want 600", m)
	}
	if v.Path() != filepath.Join(dir, FileName) {
		t.Errorf("Path = %q", v.Path())
	}
}

func TestLoosePermissionsAreTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("mode bits do not protect files on Windows")
	}
	dir := t.TempDir()
	v := openFile(t, dir)
	if err := v.Set("a", "secret"); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(v.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	v2 := openFile(t, dir)
	mustGet(t, v2, "a", "secret")
	if m := mode(t, v.Path()); m != 0o600 {
		t.Errorf("file mode after read %o, want 600", m)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("directory mode after open %o, want 700", m)
	}
}

func TestSymlinkedFileIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no O_NOFOLLOW on Windows")
	}
	dir := t.TempDir()
	other := filepath.Join(t.TempDir(), "planted.json")
	if err := os.WriteFile(other, []byte(`{"version":1,"secrets":{"a":"planted"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, WithKeychain(nil)); !errors.Is(err, ErrInsecureFile) {
		t.Fatalf("Open with symlinked file: %v, want ErrInsecureFile", err)
	}
}

func TestDamagedFileIsReported(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(`{"version":1,"secr`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, WithKeychain(nil)); err == nil || !strings.Contains(err.Error(), "parse") {
		t.Fatalf("Open with damaged file: %v, want a parse error", err)
	}
}

// A crash between writing the temporary file and renaming it leaves the
// old file intact and a stray temporary file, which Open removes.
func TestCrashMidWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	v := openFile(t, dir)
	if err := v.Set("a", "old"); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, tempPattern)); len(left) != 0 {
		t.Fatalf("temporary files left after Set: %v", left)
	}
	stray := filepath.Join(dir, ".credentials-4242.tmp")
	if err := os.WriteFile(stray, []byte(`{"version":1,"secrets":{"a":"ne`), 0o600); err != nil {
		t.Fatal(err)
	}

	v2 := openFile(t, dir)
	mustGet(t, v2, "a", "old")
	if _, err := os.Stat(stray); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stray temporary file not removed: %v", err)
	}
	if err := v2.Set("a", "new"); err != nil {
		t.Fatal(err)
	}
	mustGet(t, openFile(t, dir), "a", "new")
}

func TestKeychainChosenWhenItWorks(t *testing.T) {
	dir := t.TempDir()
	kc := newFake()
	v, err := Open(dir, WithKeychain(kc))
	if err != nil {
		t.Fatal(err)
	}
	if v.Backend() != BackendKeychain || v.FallbackReason() != nil {
		t.Fatalf("Backend = %q, FallbackReason = %v", v.Backend(), v.FallbackReason())
	}
	if !strings.Contains(v.Notice(), "keychain") {
		t.Errorf("Notice = %q", v.Notice())
	}
	if n := len(kc.snapshot()); n != 0 {
		t.Errorf("probe left %d items in the keychain", n)
	}
	if err := v.Set("alice", "s3cret"); err != nil {
		t.Fatal(err)
	}
	if got := kc.snapshot()["Fieldbook\x00alice"]; got != "s3cret" {
		t.Errorf("keychain item = %q", got)
	}
	mustGet(t, v, "alice", "s3cret")
	if _, err := os.Stat(v.Path()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file created although the keychain is used: %v", err)
	}
	if err := v.Delete("alice"); err != nil {
		t.Fatal(err)
	}
	if n := len(kc.snapshot()); n != 0 {
		t.Errorf("%d items left after Delete", n)
	}
}

func TestFallbackWhenKeychainFails(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(*testing.T, *fakeKeychain)
		wantErr error
	}{
		{"unavailable", func(_ *testing.T, f *fakeKeychain) { f.fail = errors.New("no session bus") }, nil},
		{"get fails", func(_ *testing.T, f *fakeKeychain) { f.failGet = errors.New("locked") }, nil},
		{"wrong value", func(_ *testing.T, f *fakeKeychain) { f.wrongValue = true }, nil},
		{"hangs", func(t *testing.T, f *fakeKeychain) { f.hang(t) }, ErrKeychainTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kc := newFake()
			tt.setup(t, kc)
			start := time.Now()
			v, err := Open(t.TempDir(), WithKeychain(kc), WithProbeTimeout(100*time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Open took %v", d)
			}
			if v.Backend() != BackendFile {
				t.Fatalf("Backend = %q, want file", v.Backend())
			}
			if v.FallbackReason() == nil {
				t.Fatal("FallbackReason = nil")
			}
			if tt.wantErr != nil && !errors.Is(v.FallbackReason(), tt.wantErr) {
				t.Errorf("FallbackReason = %v, want %v", v.FallbackReason(), tt.wantErr)
			}
			if tt.name != "hangs" && len(kc.snapshot()) != 0 {
				t.Errorf("probe item left in keychain: %v", kc.snapshot())
			}
			if err := v.Set("a", "b"); err != nil {
				t.Fatal(err)
			}
			mustGet(t, v, "a", "b")
		})
	}
}

func TestKeychainErrorsMidway(t *testing.T) {
	dir := t.TempDir()
	kc := newFake()
	v, err := Open(dir, WithKeychain(kc), WithOpTimeout(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Set("a", "1"); err != nil {
		t.Fatal(err)
	}
	gone := errors.New("dbus: connection closed")
	kc.setFail(gone)

	if err := v.Set("b", "2"); !errors.Is(err, gone) {
		t.Errorf("Set: %v, want the keychain error", err)
	}
	if _, err := v.Get("a"); !errors.Is(err, gone) || errors.Is(err, ErrNotFound) {
		t.Errorf("Get: %v, want the keychain error", err)
	}
	if err := v.Delete("a"); !errors.Is(err, gone) {
		t.Errorf("Delete: %v, want the keychain error", err)
	}
	if v.Backend() != BackendKeychain {
		t.Errorf("Backend changed to %q", v.Backend())
	}
	if _, err := os.Stat(v.Path()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("secret written to the file after a keychain error: %v", err)
	}

	kc.setFail(nil)
	kc.hang(t)
	start := time.Now()
	if err := v.Set("b", "2"); !errors.Is(err, ErrKeychainTimeout) {
		t.Errorf("Set on a hanging keychain: %v, want ErrKeychainTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Set took %v", d)
	}
}

func TestFileSecretsMoveToKeychain(t *testing.T) {
	dir := t.TempDir()
	old := openFile(t, dir)
	for _, a := range []string{"a", "b", "c"} {
		if err := old.Set(a, "pw-"+a); err != nil {
			t.Fatal(err)
		}
	}
	kc := newFake()
	kc.failSet = map[string]bool{"b": true}
	v, err := Open(dir, WithKeychain(kc))
	if err != nil {
		t.Fatal(err)
	}
	if v.Backend() != BackendKeychain {
		t.Fatalf("Backend = %q", v.Backend())
	}
	items := kc.snapshot()
	if items["Fieldbook\x00a"] != "pw-a" || items["Fieldbook\x00c"] != "pw-c" {
		t.Errorf("keychain after migration: %v", items)
	}
	left, err := v.file.load()
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left["b"] != "pw-b" {
		t.Errorf("file after migration: %v, want only b", left)
	}
	// b could not be moved: Get still finds it in the file.
	mustGet(t, v, "b", "pw-b")
	mustGet(t, v, "a", "pw-a")
	if err := v.Delete("b"); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Get("b"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
}

func TestSystemKeychainWithoutSessionBus(t *testing.T) {
	k := &systemKeychain{
		usesDBus: true,
		getenv:   func(string) string { return "" },
		stat:     func(string) (os.FileInfo, error) { return nil, fs.ErrNotExist },
		uid:      1000,
	}
	if err := k.Set(Service, "a", "b"); !errors.Is(err, errNoSessionBus) {
		t.Errorf("Set: %v, want errNoSessionBus", err)
	}
	v, err := Open(t.TempDir(), WithKeychain(k))
	if err != nil {
		t.Fatal(err)
	}
	if v.Backend() != BackendFile || !errors.Is(v.FallbackReason(), errNoSessionBus) {
		t.Errorf("Backend = %q, FallbackReason = %v", v.Backend(), v.FallbackReason())
	}

	var statted []string
	k.getenv = func(string) string { return "autolaunch:" }
	k.stat = func(p string) (os.FileInfo, error) { statted = append(statted, p); return nil, nil }
	if err := k.sessionBus(); err != nil {
		t.Errorf("sessionBus with /run/user/1000/bus: %v", err)
	}
	if len(statted) == 0 || statted[0] != filepath.Join("/run/user/1000", "bus") {
		t.Errorf("looked at %v", statted)
	}
}

func TestConcurrentUse(t *testing.T) {
	v := openFile(t, t.TempDir())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			a := string(rune('a' + i))
			if err := v.Set(a, a); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range 8 {
		a := string(rune('a' + i))
		mustGet(t, v, a, a)
	}
}
