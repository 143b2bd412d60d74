//go:build !unix

package credentials

import "os"

// checkModes says whether mode bits protect files on this system. On
// Windows they do not; the ACL of the user's profile directory does.
const checkModes = false

// openNoFollow is not available; 0 leaves the open flags unchanged.
const openNoFollow = 0

// checkOwner is not implemented outside Unix.
func checkOwner(os.FileInfo) error { return nil }

// syncDir is not needed (or possible) outside Unix.
func syncDir(string) error { return nil }
