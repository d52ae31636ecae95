#!/usr/bin/env bash
# Makes the synthetic git repository of SIZE classes in DIR (bench/GenerateRepo.java, one commit on main), unless
# DIR already holds one of the current generator's version. Used by bench/run.sh and bench/compare.sh.
#
# Usage: bench/generate.sh SIZE DIR
# Env:   BENCH_UNTRACKED_CACHE=1 turns on git's untracked cache in DIR (core.untrackedCache, as feature.manyFiles
#        does), which large repositories use and tia's status is served by (see README, Speed); bench/compare.sh and
#        bench/run.sh pass it on. Use a BENCH_DIR of its own for such runs.
#        BENCH_HISTORY_OBJECTS=N adds N objects to the object database, in a pack of their own, as a long history
#        leaves them (the generated repository has one commit): JGit reads the whole index of a pack the first time
#        it looks up an object there. Again with a BENCH_DIR of its own.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=$1 repo=$2
if [ ! -f "$repo/.generated-v4" ]; then
  rm -rf "$repo"
  echo "bench: generating $size classes in $repo" >&2
  java "$here/bench/GenerateRepo.java" "$size" "$repo"
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@tia.dev commit -q -m "generated"
  printf '.generated-v4\n.tia/\n' > "$repo/.git/info/exclude"
  touch "$repo/.generated-v4"
  # Files written in the same second as git's index are "racily clean": every git status reads them again until
  # the index is written later, and tia's status never writes it. Written once more here, a second on.
  sleep 1
  git -C "$repo" update-index -q --refresh
fi
if [ "${BENCH_UNTRACKED_CACHE:-0}" = 1 ] && [ "$(git -C "$repo" config --get core.untrackedCache || true)" != true ]; then
  git -C "$repo" config core.untrackedCache true
  git -C "$repo" update-index --untracked-cache
  git -C "$repo" status >/dev/null # fills the cache
fi
history=${BENCH_HISTORY_OBJECTS:-0}
if [ "$history" -gt 0 ] && [ ! -f "$repo/.git/bench-history-$history" ]; then
  echo "bench: adding $history objects of history to $repo" >&2
  awk -v n="$history" 'BEGIN { for (i = 1; i <= n; i++) { d = "history " i "\n"; printf "blob\nmark :%d\ndata %d\n%s\n", i, length(d), d } }' \
    | git -C "$repo" fast-import --quiet
  touch "$repo/.git/bench-history-$history"
fi
