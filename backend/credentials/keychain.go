package credentials

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/zalando/go-keyring"
)

// Keychain is the part of an operating-system keychain the Vault needs.
// Get returns an error wrapping ErrNotFound for a missing item, and Delete
// for a missing item returns one as well. Implementations may block; the
// Vault bounds every call with a timeout.
type Keychain interface {
	Set(service, account, secret string) error
	Get(service, account string) (string, error)
	Delete(service, account string) error
}

// errNoSessionBus: no D-Bus session bus can be found, so there is no
// Secret Service to talk to.
var errNoSessionBus = errors.New("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set and no /run/user/<uid>/bus socket exists)")

// systemKeychain is the OS keychain through go-keyring. On systems that use
// the Secret Service it first checks that a session bus can be found.
type systemKeychain struct {
	usesDBus bool
	getenv   func(string) string
	stat     func(string) (os.FileInfo, error)
	uid      int
}

// SystemKeychain returns the operating system's keychain: Secret Service
// over D-Bus on Linux and the BSDs, Keychain on macOS, Credential Manager
// on Windows.
func SystemKeychain() Keychain {
	return &systemKeychain{
		usesDBus: runtime.GOOS != "darwin" && runtime.GOOS != "windows",
		getenv:   os.Getenv,
		stat:     os.Stat,
		uid:      os.Getuid(),
	}
}

// sessionBus reports errNoSessionBus when the D-Bus library would find no
// session bus, the case in which it would otherwise start one with
// dbus-launch. It mirrors the library's discovery: the environment
// variable, then /run/user/<uid>/bus and /run/user/<uid>/dbus-session.
func (k *systemKeychain) sessionBus() error {
	if !k.usesDBus {
		return nil
	}
	if a := k.getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return nil
	}
	run := filepath.Join("/run/user", strconv.Itoa(k.uid))
	for _, name := range []string{"bus", "dbus-session"} {
		if _, err := k.stat(filepath.Join(run, name)); err == nil {
			return nil
		}
	}
	return errNoSessionBus
}

func (k *systemKeychain) Set(service, account, secret string) error {
	if err := k.sessionBus(); err != nil {
		return err
	}
	if err := keyring.Set(service, account, secret); err != nil {
		return fmt.Errorf("keyring set: %w", err)
	}
	return nil
}

func (k *systemKeychain) Get(service, account string) (string, error) {
	if err := k.sessionBus(); err != nil {
		return "", err
	}
	s, err := keyring.Get(service, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("keyring get: %w", err)
	}
	return s, nil
}

func (k *systemKeychain) Delete(service, account string) error {
	if err := k.sessionBus(); err != nil {
		return err
	}
	err := keyring.Delete(service, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("keyring delete: %w", err)
	}
	return nil
}
