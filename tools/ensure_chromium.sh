#!/usr/bin/env bash
# Install Debian's chromium for the docs-site browser test when it is missing.
# Without root or apt the browser test skips (and fails instead when ID_REQUIRE_BROWSER=1, as in CI).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian chromium for the docs browser test" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
elif [ "${ID_REQUIRE_BROWSER:-0}" = 1 ]; then
  echo "ERROR: chromium is missing and cannot be installed (need root + apt-get)" >&2; exit 1
else
  echo "WARNING: chromium missing; the docs browser test will be skipped" >&2
fi
