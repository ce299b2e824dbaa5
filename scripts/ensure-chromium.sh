#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core; no tool
# may download a browser of its own. Install the package when it is missing.
# Debian's faketime too: the meeting-time browser test stands the server's
# clock still with it (tests/browser/meeting-time.test.ts).
set -euo pipefail
missing=()
if [ ! -x /usr/bin/chromium ] && [ -z "${SAMLET_CHROMIUM:-}" ]; then missing+=(chromium); fi
if ! ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1; then missing+=(faketime); fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the browser tests …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing for the browser tests: ${missing[*]} (sudo apt-get install ${missing[*]}; SAMLET_CHROMIUM may name a Chromium binary)." >&2
  exit 1
fi
