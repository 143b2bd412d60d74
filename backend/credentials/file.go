package credentials

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// fileVersion is the format version written to the file.
const fileVersion = 1

// tempPattern names temporary files; Open removes leftovers matching it.
const tempPattern = ".credentials-*.tmp"

// maxFileSize bounds what load reads.
const maxFileSize = 4 << 20

// fileContent is the JSON layout of the fallback file.
type fileContent struct {
	Version int               `json:"version"`
	Secrets map[string]string `json:"secrets"`
}

// fileStore is the fallback file. It does no locking; the Vault does.
type fileStore struct {
	dir, path string
}

// prepare creates the directory (0700) or checks and tightens an existing
// one, and removes temporary files left behind by a crash.
func (f *fileStore) prepare() error {
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	fi, err := os.Lstat(f.dir)
	if err != nil {
		return fmt.Errorf("inspect directory: %w", err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// A symlinked data directory is common (dotfiles, moved
		// profiles); judge the directory it points to.
		if fi, err = os.Stat(f.dir); err != nil {
			return fmt.Errorf("inspect directory: %w", err)
		}
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", f.dir)
	}
	if err := checkOwner(fi); err != nil {
		return fmt.Errorf("directory %s: %w", f.dir, err)
	}
	if checkModes && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(f.dir, 0o700); err != nil {
			return fmt.Errorf("restrict directory permissions: %w", err)
		}
	}
	stray, err := filepath.Glob(filepath.Join(f.dir, tempPattern))
	if err != nil {
		return fmt.Errorf("find temporary files: %w", err)
	}
	for _, p := range stray {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove temporary file: %w", err)
		}
	}
	return nil
}

// exists reports whether the file exists (or cannot be inspected, in which
// case load reports why).
func (f *fileStore) exists() bool {
	_, err := os.Lstat(f.path)
	return !errors.Is(err, fs.ErrNotExist)
}

// load returns the secrets in the file; a missing file is an empty map. It
// refuses a file that is not a regular file or belongs to another user and
// tightens a file others may read to 0600.
func (f *fileStore) load() (map[string]string, error) {
	file, err := os.OpenFile(f.path, os.O_RDONLY|openNoFollow, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		if fi, lerr := os.Lstat(f.path); lerr == nil && !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%w: %s is not a regular file", ErrInsecureFile, f.path)
		}
		return nil, fmt.Errorf("open %s: %w", f.path, err)
	}
	defer file.Close()
	fi, err := file.Stat()
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", f.path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file", ErrInsecureFile, f.path)
	}
	if err := checkOwner(fi); err != nil {
		return nil, fmt.Errorf("%s: %w", f.path, err)
	}
	if checkModes && fi.Mode().Perm()&0o077 != 0 {
		if err := file.Chmod(0o600); err != nil {
			return nil, fmt.Errorf("restrict permissions of %s: %w", f.path, err)
		}
	}
	data, err := io.ReadAll(io.LimitReader(file, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.path, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("read %s: larger than %d bytes", f.path, maxFileSize)
	}
	var c fileContent
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse %s: %w", f.path, err)
	}
	if c.Version != fileVersion {
		return nil, fmt.Errorf("parse %s: unsupported version %d", f.path, c.Version)
	}
	if c.Secrets == nil {
		c.Secrets = map[string]string{}
	}
	return c.Secrets, nil
}

// save replaces the file atomically: it writes a 0600 temporary file in the
// same directory, syncs it and renames it over the file.
func (f *fileStore) save(secrets map[string]string) (err error) {
	data, err := json.MarshalIndent(fileContent{Version: fileVersion, Secrets: secrets}, "", "  ")
	if err != nil {
		return fmt.Errorf("encode credentials: %w", err)
	}
	tmp, err := os.CreateTemp(f.dir, tempPattern)
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("restrict temporary file: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("write temporary file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync temporary file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close temporary file: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("replace %s: %w", f.path, err)
	}
	// Make the rename durable; a failure here does not undo it.
	_ = syncDir(f.dir)
	return nil
}
