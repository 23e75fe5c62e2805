#!/usr/bin/env bash
# Runs before `npm test`: the tools of the machine that some tests drive for real. Chromium for
# the accessibility and browser tests (CHROME_PATH, or Debian's /usr/bin/chromium: browser
# downloads are often blocked on government networks), rsync for the rsync deploys, ssh-keygen
# for the archive signatures, liblouis's lou_translate that the braille translator is held to,
# eSpeak NG and LAME for the recorded edition of "Dengarkan". On a Debian machine where we are
# root (CI, a fresh server) the missing ones are installed from Debian's packages.
set -euo pipefail
missing=()
if ! { [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; } && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium fonts-dejavu-core)
fi
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v lou_translate >/dev/null 2>&1 || missing+=(liblouis-bin)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v lame >/dev/null 2>&1 || missing+=(lame)
if [ "${#missing[@]}" = 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket Debian untuk uji: ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Uji memerlukan paket yang belum terpasang: ${missing[*]}." >&2
echo "Pasang dengan 'sudo apt-get install ${missing[*]}' (atau setel CHROME_PATH ke berkas Chrome/Chromium)." >&2
exit 1
