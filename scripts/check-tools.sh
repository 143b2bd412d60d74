#!/usr/bin/env bash
# Checks that Go and Node.js are new enough. They are not installed from
# Debian's packages (whose versions are too old for Fieldbook): the message
# says where to get them.
set -euo pipefail
need_go=$(awk '/^go /{print $2}' go.mod)
ver_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
if ! command -v go >/dev/null 2>&1; then
  echo "Go $need_go or newer is needed: see https://go.dev/doc/install" >&2; exit 1
fi
have_go=$(go env GOVERSION | sed 's/^go//')
if ! ver_ge "$have_go" "$need_go"; then
  echo "Go $need_go or newer is needed (found $have_go): see https://go.dev/doc/install" >&2; exit 1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20.19 or newer with npm is needed for the front end: see https://nodejs.org/" >&2; exit 1
fi
have_node=$(node -p 'process.versions.node')
if ! ver_ge "$have_node" "20.19.0"; then
  echo "Node.js 20.19 or newer is needed for the front end (found $have_node): see https://nodejs.org/" >&2; exit 1
fi
