// Package credentials keeps the passwords of Fieldbook's CardDAV accounts
// out of the database.
//
// Open returns a Vault that stores secrets in the operating system's
// keychain (Secret Service over D-Bus on Linux and the BSDs, Keychain on
// macOS, Credential Manager on Windows, through github.com/zalando/go-keyring)
// under the service name "Fieldbook", one item per account. Where no keychain
// works — typically a headless Linux machine or CI without a D-Bus session or
// without a Secret Service daemon — the Vault falls back to a file
// <dir>/credentials.json readable only by the user. Backend reports which one
// is in use and Notice gives the sentence the UI shows about it.
//
// # Detecting a working keychain
//
// Open probes the keychain once: it stores a random value under a probe
// account, reads it back, compares and deletes it. Only a full round trip
// counts; a keychain that refuses, errors, returns something else or takes
// longer than the probe timeout (2 s by default; see WithProbeTimeout) is
// treated as unavailable, and the reason is kept (FallbackReason). A
// bounded probe matters because D-Bus calls can block indefinitely, e.g. on
// an unlock prompt nobody answers. A call that outlives its timeout cannot
// be cancelled: its goroutine is abandoned and finishes (or not) on its own.
//
// Before any D-Bus call, the system keychain checks cheaply that a session
// bus can be found at all (DBUS_SESSION_BUS_ADDRESS or /run/user/<uid>/bus).
// Without that check the D-Bus library would run dbus-launch and leave a
// private bus daemon behind on every start of a headless machine.
//
// A locked keyring whose unlock prompt is not answered within the probe
// timeout also leads to the file fallback for that session.
//
// # After the choice
//
// The backend is chosen once per Open and never changes silently. When the
// keychain was chosen and later fails (it errors, or does not answer within
// the operation timeout, 30 s by default: long enough for an unlock prompt),
// the error is returned, wrapped with the operation and account; Set does
// not write the secret to the file instead, since the user was told their
// passwords are in the keychain. ErrKeychainTimeout marks a timeout.
//
// Secrets that are in the file while the keychain works (saved in an
// earlier session without a keychain) are moved into the keychain by Open,
// best effort; Get still finds any that could not be moved, and a
// successful Set or Delete of an account removes its copy from the file.
//
// # The fallback file
//
// The file holds the secrets as plain JSON, protected only by its
// permissions, like ~/.netrc or ~/.git-credentials; anyone who can act as
// the user (or root) can read it. The directory is created with mode 0700
// and the file written with mode 0600. Each write goes to a temporary file
// in the same directory that is synced and then renamed over the old one,
// so a crash leaves either the old or the new file, never a mix; temporary
// files left by a crash are removed by Open.
//
// On Unix, reading checks the file and the directory: one owned by another
// user, or a file that is not a regular file (a symlink, say), is refused
// with ErrInsecureFile, since it may have been planted. Permissions that let
// others in (a file 0644, a directory 0755) are tightened to 0600/0700 and
// the read goes on: refusing would lock the user out of syncing without
// making secrets that were already exposed private again, while tightening
// ends the exposure from now on. On Windows the file relies on the ACL of
// the directory (normally in the user's profile) and mode bits are not
// checked.
//
// A Vault is safe for concurrent use by one process. Two processes writing
// the same file may lose each other's updates (Fieldbook runs as a single
// instance).
package credentials
