#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core; no tool
# may download a browser of its own. Install the package when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] || [ -n "${SAMLET_CHROMIUM:-}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install it (sudo apt-get install chromium) or set SAMLET_CHROMIUM to a Chromium binary." >&2
  exit 1
fi
