#!/usr/bin/env bash
# Commits a records folder (default records/kirim/, the posting ledger; records/persetujuan/ for
# approval records) to main and pushes it, rebasing over any merge that landed meanwhile. Used by
# .github/workflows/terbit.yml and catat.yml; the token comes from the environment and is never
# stored in .git (checkout runs with persist-credentials: false).
set -euo pipefail
: "${GITHUB_TOKEN:?}" "${GITHUB_REPOSITORY:?}" "${GITHUB_SERVER_URL:?}" "${PESAN:?}"
folder="${1:-records/kirim}"

git add "$folder"
if git diff --cached --quiet; then
  echo "Catatan di $folder tidak berubah."
  exit 0
fi
git -c user.name='tayang[bot]' -c user.email='41898282+github-actions[bot]@users.noreply.github.com' \
  commit --quiet -m "$PESAN (run ${GITHUB_RUN_ID:-lokal})"

remote="https://x-access-token:${GITHUB_TOKEN}@${GITHUB_SERVER_URL#https://}/${GITHUB_REPOSITORY}.git"
for attempt in 1 2 3; do
  if git push --quiet "$remote" HEAD:main; then
    echo "Catatan di $folder tersimpan di main."
    exit 0
  fi
  echo "main bergerak; menyusun ulang catatan di atasnya (percobaan $attempt)."
  git pull --quiet --rebase "$remote" main
done
echo "::error::Catatan di $folder tidak bisa disimpan ke main. Beri izin push ke main untuk github-actions (lihat docs/terbit.md)."
exit 1
