#!/usr/bin/env bash
# Measures the JUnit face as an IDE runs it: a fresh JVM of the JUnit Console Launcher runs "all tests" of module m0
# of a generated repository (500 main classes, 167 test classes) with tia-junit on the class path and
# tia.affected=true, with no change and after a method-body edit of one class. Prints each run's wall ms and what tia
# ran; with several jars, runs them in turn (the fair comparison on a machine whose speed drifts), each with its own
# index.
#
# Usage: bench/junit-launcher.sh [CLASSES] [TIA_JUNIT_JAR...]   (default: 10000 classes, this build's jar)
# Env:   BENCH_DIR (default /tmp/tia-bench), RUNS (default 5), M2_REPO (default ~/.m2/repository)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=${1:-10000}
shift || true
jars=("$@")
[ ${#jars[@]} -gt 0 ] || jars=("$here"/junit-extension/target/tia-junit-*.jar)
work="${BENCH_DIR:-/tmp/tia-bench}"
runs="${RUNS:-5}"
m2="${M2_REPO:-$HOME/.m2/repository}"
repo="$work/repo-$size"
"$here/bench/generate.sh" "$size" "$repo"

version=1.10.3
launcher="$m2/org/junit/platform/junit-platform-console-standalone/$version/junit-platform-console-standalone-$version.jar"
[ -f "$launcher" ] || mvn -B -q dependency:get -Dartifact="org.junit.platform:junit-platform-console-standalone:$version" \
  -Dtransitive=false
classes="$work/junit-launcher/classes"
if [ ! -d "$classes" ]; then
  mkdir -p "$classes"
  (cd "$repo/modules/m0" && javac -nowarn -d "$classes" -cp "$launcher" $(find src/main/java src/test/java -name '*.java'))
fi

restore="git -C $repo checkout -q -- . && rm -rf $repo/modules/m0/target"
trap 'eval "$restore"' EXIT
edited=$(git -C "$repo" ls-files 'modules/m0/src/main/java/*.java' | sed -n 1p)
run() { # jar number scenario
  eval "$restore"
  [ "$3" = body ] && sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/return \1 + $RANDOM;/" "$repo/$edited"
  local start ran
  start=$(date +%s%3N)
  # The report the extension writes in the module's target/ would be a change the next run sees: removed between runs.
  ran=$(java -jar "$launcher" -cp "$classes:$1" --scan-classpath "$classes" --disable-banner --details=none \
    --config tia.affected=true --config tia.projectDir="$repo/modules/m0" --config tia.cacheDir="$work/junit-launcher/cache-$2" 2>&1 \
    | sed -n 's/^tia: \(ran [0-9]* of [0-9]* test classes\).*/\1/p')
  echo "jar $2 ($(basename "$(dirname "$(dirname "$(dirname "$1")")")")), $3: $(($(date +%s%3N) - start)) ms, $ran"
}
for n in "${!jars[@]}"; do rm -rf "$work/junit-launcher/cache-$n"; run "${jars[$n]}" "$n" none >/dev/null; done # indexes made
for _ in $(seq "$runs"); do
  for scenario in none body; do
    for n in "${!jars[@]}"; do run "${jars[$n]}" "$n" "$scenario"; done
  done
done
