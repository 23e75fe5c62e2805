#!/usr/bin/env bash
# Runs before `npm test`: the accessibility and browser tests need a Chromium. Uses CHROME_PATH
# or Debian's /usr/bin/chromium; on a Debian machine where we are root (CI, a fresh server) it
# installs Debian's package, because browser downloads are often blocked on government networks.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium belum terpasang: memasang paket Debian 'chromium' untuk uji peramban…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Uji aksesibilitas dan peramban memerlukan Chromium." >&2
echo "Pasang Chromium (mis. 'sudo apt-get install chromium') atau setel CHROME_PATH ke berkas Chrome/Chromium." >&2
exit 1
