//go:build unix

package credentials

import (
	"fmt"
	"os"
	"syscall"
)

// checkModes says whether mode bits protect files on this system.
const checkModes = true

// openNoFollow makes opening the file fail on a symlink.
const openNoFollow = syscall.O_NOFOLLOW

// checkOwner refuses a file or directory that belongs to another user.
func checkOwner(fi os.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if uid := os.Geteuid(); int(st.Uid) != uid {
		return fmt.Errorf("%w: owned by uid %d, not by uid %d", ErrInsecureFile, st.Uid, uid)
	}
	return nil
}

// syncDir flushes a directory entry change (a rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
