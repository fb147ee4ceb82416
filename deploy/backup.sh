#!/bin/sh
# The nightly backup with its retention (deploy/backup.md), run by moot-backup.service:
#   ROOT/daily/YYYY-MM-DD   every night, 7 kept
#   ROOT/weekly/YYYY-MM-DD  Sunday's, 4 kept
#   ROOT/monthly/YYYY-MM    the 1st's, 12 kept
# Weekly and monthly copies are hard links of the day's files (no extra space). Then, when
# MOOT_BACKUP_OFFSITE is set (an rsync destination, e.g. backup@store.example:moot/), the
# whole ROOT is copied there.
set -eu
ROOT=${1:?usage: backup.sh ROOT}
MOOT=${MOOT:-/srv/moot/.venv/bin/moot}
day=$(date +%F)
mkdir -p "$ROOT/daily" "$ROOT/weekly" "$ROOT/monthly"
"$MOOT" backup "$ROOT/daily/$day"
if [ "$(date +%u)" = 7 ]; then cp -al "$ROOT/daily/$day" "$ROOT/weekly/$day"; fi
if [ "$(date +%d)" = 01 ]; then cp -al "$ROOT/daily/$day" "$ROOT/monthly/$(date +%Y-%m)"; fi
prune() { # keep the newest $2 folders of $1 (names sort by date)
    ls -1 "$1" | grep -v '^\.' | sort -r | tail -n +"$(($2 + 1))" | while read -r old; do
        rm -rf "${1:?}/$old"
    done
}
prune "$ROOT/daily" 7
prune "$ROOT/weekly" 4
prune "$ROOT/monthly" 12
# Interrupted backups (moot backup's .NAME.part-* folders) older than a day.
find "$ROOT" -mindepth 2 -maxdepth 2 -name '.*.part-*' -mtime +1 -exec rm -rf {} +
if [ -n "${MOOT_BACKUP_OFFSITE:-}" ]; then
    rsync -a --delete "$ROOT/" "$MOOT_BACKUP_OFFSITE"
fi
