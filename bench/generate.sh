#!/usr/bin/env bash
# Makes the synthetic git repository of SIZE classes in DIR (bench/GenerateRepo.java, one commit on main), unless
# DIR already holds one of the current generator's version. Used by bench/run.sh and bench/compare.sh.
#
# Usage: bench/generate.sh SIZE DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=$1 repo=$2
if [ ! -f "$repo/.generated-v2" ]; then
  rm -rf "$repo"
  echo "bench: generating $size classes in $repo" >&2
  java "$here/bench/GenerateRepo.java" "$size" "$repo"
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name=bench -c user.email=bench@tia.dev commit -q -m "generated"
  printf '.generated-v2\n.tia/\n' > "$repo/.git/info/exclude"
  touch "$repo/.generated-v2"
fi
