#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Fieldbook needs that are missing.
# Usage: ensure-packages.sh PACKAGE:WHY ...   (WHY uses _ for spaces)
# Says exactly what it installs and why; installs nothing that is present.
set -euo pipefail
missing=()
reasons=()
for spec in "$@"; do
  pkg=${spec%%:*}
  why=${spec#*:}
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
    reasons+=("  $pkg — ${why//_/ }")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Fieldbook needs these system packages, which are not installed:"
printf '%s\n' "${reasons[@]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "This is not a Debian/Ubuntu system: install them with your package manager, then run make again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo=sudo
  echo "Installing them with sudo apt-get (you may be asked for your password)."
else
  echo "Installing them with apt-get."
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
