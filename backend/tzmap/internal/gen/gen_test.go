package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFileIsCurrent regenerates the table from the cldr-core
// package named by $CLDR_CORE (`npm pack cldr-core`, unpacked) and compares
// it with the committed windows_gen.go. The build never needs npm, so the
// test is skipped when CLDR_CORE is not set.
func TestGeneratedFileIsCurrent(t *testing.T) {
	dir := os.Getenv("CLDR_CORE")
	if dir == "" {
		t.Skip("CLDR_CORE is not set (path of an unpacked cldr-core npm package)")
	}
	got, err := generate(filepath.Join(dir, "supplemental", "windowsZones.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "windows_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("windows_gen.go differs from what the generator writes; run go generate ./backend/tzmap")
	}
}

func TestGenerateRejectsOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(path, []byte(`{"supplemental":{"windowsZones":{"mapTimezones":[]}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(path); err == nil {
		t.Fatal("an empty mapping was accepted")
	}
}

func TestFoldCity(t *testing.T) {
	for in, want := range map[string]string{"Port-au-Prince": "port au prince", "Kuala_Lumpur": "kuala lumpur", "Godthab": "godthab"} {
		if got := foldCity(in); got != want {
			t.Errorf("foldCity(%q) = %q", in, got)
		}
	}
}
