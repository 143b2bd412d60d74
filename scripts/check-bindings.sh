#!/usr/bin/env bash
# Regenerates the front end's Wails bindings (frontend/wailsjs) and fails if
# they differ from the ones in the tree: a Go API change must ship with them.
set -euo pipefail
wails=$1
tags=$2
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -r frontend/wailsjs "$before/"
"$wails" generate module -tags "$tags" >/dev/null
if ! diff -r "$before/wailsjs" frontend/wailsjs >/dev/null; then
  diff -r "$before/wailsjs" frontend/wailsjs | head -40 || true
  echo "The Wails bindings in frontend/wailsjs were stale; they are regenerated now: commit them." >&2
  exit 1
fi
echo "Wails bindings are up to date."
