package app

import (
	"fmt"
	"os"
	"path/filepath"
)

// DefaultDatabasePath is where Fieldbook keeps its database unless told
// otherwise: <user config dir>/Fieldbook/fieldbook.db (on Linux
// ~/.config/Fieldbook/fieldbook.db).
func DefaultDatabasePath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user's config folder: %w", err)
	}
	return filepath.Join(dir, "Fieldbook", "fieldbook.db"), nil
}
