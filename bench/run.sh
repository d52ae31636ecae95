#!/usr/bin/env bash
# tia's benchmark: generates synthetic multi-module git repositories (bench/GenerateRepo.java) and measures
# bin/tia affected on them: cold index, warm with no change, warm with a 1-file change, a new file (alone, and used
# by an edited class), a new test, a file deleted, a text resource naming another class, a tag put on a test class, a
# @Nested test class added to a test, a class that starts to extend another, a new class whose name other files
# write for another package's class, warm with 5% of files
# changed, warm on a feature branch a commit ahead of main (a pull request's CI step), the same branch's commit (--head HEAD, as docs/ci's workflows ask), and the engine alone in a long-lived JVM (bench/EngineLoop.java); beside them the lower bounds (reading every source file, git diff --name-only, an empty JVM).
#
# Usage: bench/run.sh [SIZES...]      (default: 1000 10000 50000 classes)
# Env:   BENCH_DIR (default /tmp/tia-bench), RUNS (repetitions, median taken; default 3), OUT (default BENCHMARKS.md)
# Writes the tables to $OUT.table; BENCHMARKS.md keeps the last results with their reading. Run nothing else meanwhile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("${@:-1000 10000 50000}")
[ $# -eq 0 ] && sizes=(1000 10000 50000)
work="${BENCH_DIR:-/tmp/tia-bench}"
runs="${RUNS:-3}"
out="${OUT:-$here/BENCHMARKS.md}"
mkdir -p "$work"

ls "$here"/engine/target/tia-engine-*-cli.jar >/dev/null 2>&1 || (cd "$here" && mvn -B -q -DskipTests package)
# Measure a copy, so a rebuild during a long run cannot change what is measured.
tia_home="$work/tia-under-test"
rm -rf "$tia_home" && mkdir -p "$tia_home/bin" "$tia_home/engine/target"
cp "$here/bin/tia" "$tia_home/bin/" && cp "$here"/engine/target/tia-engine-*-cli.jar "$tia_home/engine/target/"
javac -d "$work/empty" "$here/bench/Empty.java"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs tia once; prints "wall_ms engine_ms peak_heap_mb parsed". $2: how reports are handled (default --no-write).
tia_once() {
  local repo=$1 start end err
  start=$(now_ms)
  # shellcheck disable=SC2086
  err=$("$tia_home/bin/tia" affected --repo "$repo" ${2:---no-write} --timings 2>&1 >/dev/null)
  end=$(now_ms)
  local engine heap parsed
  engine=$(sed -n 's/.*total \([0-9]*\) ms.*/\1/p' <<<"$err")
  heap=$(sed -n 's/.*peak heap \([0-9]*\) MB.*/\1/p' <<<"$err")
  parsed=$(sed -n 's/.*parsed \([0-9]*\),.*/\1/p' <<<"$err")
  echo "$((end - start)) $engine $heap $parsed"
}

# Median over $runs runs of a scenario; $2 is a setup command run before each run, $3 tia_once's report option.
scenario() {
  local repo=$1 setup=$2 walls=() engines=() heaps=() parsed=0 line
  for _ in $(seq "$runs"); do
    eval "$setup"
    line=$(tia_once "$repo" "${3:-}")
    read -r w e h p <<<"$line"
    walls+=("$w"); engines+=("$e"); heaps+=("$h"); parsed=$p
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${engines[@]}" | median) $(printf '%s\n' "${heaps[@]}" | sort -n | tail -1) $parsed"
}

lower_bound() {
  local start end walls=()
  for _ in $(seq "$runs"); do start=$(now_ms); eval "$1" >/dev/null 2>&1; end=$(now_ms); walls+=("$((end - start))"); done
  printf '%s\n' "${walls[@]}" | median
}

results=()
precision_rows=()
for size in "${sizes[@]}"; do
  repo="$work/repo-$size"
  "$here/bench/generate.sh" "$size" "$repo"
  files=$(git -C "$repo" ls-files '*.java' | wc -l)
  one_file=$(git -C "$repo" ls-files 'modules/m1/src/main/java/*.java' | sed -n 1p)
  restore="git -C '$repo' checkout -q -- ."
  echo "bench: $size classes ($files Java files)" >&2
  cold=$(scenario "$repo" "$restore; rm -rf '$repo/.tia'")
  capped=$(scenario "$repo" "$restore; rm -rf '$repo/.tia'; export TIA_JAVA_OPTS=-Xmx512m")
  unset TIA_JAVA_OPTS
  warm=$(scenario "$repo" "$restore")
  # As a CI step runs it: report.json and report.md written (outside the repository, so they are no change).
  written=$(scenario "$repo" "$restore" "--report-dir $work/reports-$size")
  # As a pull request's CI step runs it: a branch a commit ahead of main (a method body of another file edited and
  # committed), measured from the merge-base, reports written. The branch is made anew and left once measured.
  other_file=$(git -C "$repo" ls-files 'modules/m2/src/main/java/*.java' | sed -n 1p)
  eval "$restore"; git -C "$repo" checkout -q -B tia-bench-feature main
  sed -i '/public int weight()/,/}/ s/return \([0-9]*\);/return \1 + 1;/' "$repo/$other_file"
  git -C "$repo" commit -q -a -m "feature work"
  branch=$(scenario "$repo" "$restore" "--report-dir $work/reports-$size")
  # The same commit as docs/ci's workflows ask for it (--head HEAD): its files from git's index, no working tree.
  commit=$(scenario "$repo" "$restore" "--report-dir $work/reports-$size --head HEAD")
  git -C "$repo" checkout -q main && git -C "$repo" branch -q -D tia-bench-feature
  # Edits add a small type (a comment alone would be a no-op for tia), unique per run so the index cannot know it.
  one=$(scenario "$repo" "$restore; echo \"class Edit\$(date +%s%N) { }\" >> '$repo/$one_file'")
  # The most common edit: one method's body, naming nothing new (another number each run), so the stored graph holds.
  body=$(scenario "$repo" "$restore; sed -i \"/public int weight()/,/}/ s/return \\([0-9]*\\);/return \\1 + \$RANDOM;/\" '$repo/$one_file'")
  # As common: a body that writes a word it did not before (a new local variable), which names no type.
  local_var=$(scenario "$repo" "$restore; sed -i \"/public int weight()/,/}/ s/return \\([0-9]*\\);/int local\$RANDOM = 0; return \\1;/\" '$repo/$one_file'")
  # A new class: a file of main sources added (named anew each run), naming a class of its package.
  new_dir="$repo/$(dirname "$one_file")"
  new_package=$(dirname "$one_file" | sed 's|^modules/m1/src/main/java/||; s|/|.|g')
  one_type=$(basename "$one_file" .java)
  add_class() {
    local stamp
    stamp=$(date +%s%N)
    printf 'package %s;\n\npublic class Added%s {\n    private final %s used = null;\n}\n' "$new_package" "$stamp" "$one_type" \
      > "$new_dir/Added$stamp.java"
  }
  added=$(scenario "$repo" "$restore; rm -f '$new_dir'/Added*.java; add_class")
  rm -f "$new_dir"/Added*.java
  # The commonest change that adds a class: a new file, and the edited class starting to use it.
  use_class() {
    local stamp
    stamp=$(date +%s%N)
    printf 'package %s;\n\npublic class Added%s {\n}\n' "$new_package" "$stamp" > "$new_dir/Added$stamp.java"
    sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/Object added = (Added$stamp) null; return \1;/" "$repo/$one_file"
  }
  added_used=$(scenario "$repo" "$restore; rm -f '$new_dir'/Added*.java; use_class")
  rm -f "$new_dir"/Added*.java
  # A new test class beside the class's test (named anew each run), calling the class.
  new_test_dir="$repo/$(dirname "$one_file" | sed 's|/src/main/java/|/src/test/java/|')"
  add_test() {
    local stamp
    stamp=$(date +%s%N)
    printf 'package %s;\n\nimport org.junit.jupiter.api.Test;\n\nclass Added%sTest {\n    @Test\n    void weighs() {\n        new %s().weight();\n    }\n}\n' \
      "$new_package" "$stamp" "$one_type" > "$new_test_dir/Added${stamp}Test.java"
  }
  added_test=$(scenario "$repo" "$restore; rm -f '$new_test_dir'/Added*Test.java; add_test")
  rm -f "$new_test_dir"/Added*Test.java
  # A file of main sources deleted (m2's first, which other files name), as a class removed or about to be renamed.
  deleted=$(scenario "$repo" "$restore; rm '$repo/$other_file'")
  eval "$restore"
  # A text resource naming another class: m1's configuration points its fallback at the module's first class, as a
  # Spring bean swapped in configuration.
  one_fqn=$(echo "$one_file" | sed 's|^modules/m1/src/main/java/||; s|\.java$||; s|/|.|g')
  resource=$(scenario "$repo" "$restore; sed -i 's/^  fallback: .*/  fallback: $one_fqn/' '$repo/modules/m1/src/main/resources/application.yml'")
  eval "$restore"
  # A test's tier edited: a tag put on the class's test (another each run), and a @Nested test class added to it.
  one_test="$new_test_dir/${one_type}Test.java"
  tagged=$(scenario "$repo" "$restore; sed -i \"s/^class ${one_type}Test {/@org.junit.jupiter.api.Tag(\\\"slow\$RANDOM\\\")\\nclass ${one_type}Test {/\" '$one_test'")
  add_nested() {
    local stamp
    stamp=$(date +%s%N)
    sed -i '$ d' "$one_test"
    printf '\n    @org.junit.jupiter.api.Nested\n    class Added%s {\n        @Test\n        void weighs() {\n            new %s().weight();\n        }\n    }\n}\n' \
      "$stamp" "$one_type" >> "$one_test"
  }
  nested=$(scenario "$repo" "$restore; add_nested")
  # A class that starts to extend another: the edited class extends m2's first class, imported.
  other_fqn=$(echo "$other_file" | sed 's|^modules/m2/src/main/java/||; s|\.java$||; s|/|.|g')
  extended=$(scenario "$repo" "$restore; sed -i \"0,/^import /s//import $other_fqn;\\nimport /; s/^public class ${one_type} {/public class ${one_type} extends ${other_fqn##*.} { \\/\\/ \$RANDOM/\" '$repo/$one_file'")
  eval "$restore"
  # A new class taking a name other files write for another type (another package's Result, which they import): the
  # name of the first class of m1's second package, in a package of its own (its content new each run).
  namesake_type=$(basename "$(git -C "$repo" ls-files 'modules/m1/src/main/java/*.java' | grep -v "^$(dirname "$one_file")/" | sed -n 1p)" .java)
  namesake_dir="$new_dir/namesake"
  add_namesake() {
    mkdir -p "$namesake_dir"
    printf 'package %s.namesake;\n\npublic class %s {\n    int run%s;\n}\n' "$new_package" "$namesake_type" "$(date +%s%N)" \
      > "$namesake_dir/$namesake_type.java"
  }
  namesake=$(scenario "$repo" "$restore; rm -rf '$namesake_dir'; add_namesake")
  rm -rf "$namesake_dir"
  five=$(scenario "$repo" "$restore; stamp=\$(date +%s%N); git -C '$repo' ls-files '*.java' | awk 'NR % 20 == 0' | while read -r f; do echo \"class Edit\$stamp { }\" >> '$repo/'\"\$f\"; done")
  # The engine alone in a JVM that has run it before (an IDE, a Maven daemon): no class loading, code compiled.
  # The 5% edit left its graph stored (its files are many): a run on the committed files stores theirs, as a
  # developer's earlier run would. Otherwise the loop's first run stores one with its own edit of the file, and every
  # later run, whose edit replaces that class, builds the graph (an uncommitted edit does not store it again).
  eval "$restore"; "$tia_home/bin/tia" affected --repo "$repo" --no-write >/dev/null 2>&1
  loop=$(java -cp "$(ls "$tia_home"/engine/target/tia-engine-*-cli.jar)" "$here/bench/EngineLoop.java" "$repo" "$one_file" 15 15)
  # What member-level narrowing selects for a method-body edit, against class level, and the engine's time for it
  # (the second run of each, so the edited file is in the index): value(int) is called by every class that names
  # this one, weight() only by the class's own test.
  selected() {
    local out
    "$tia_home/bin/tia" affected --repo "$repo" --no-write --precision "$1" >/dev/null 2>&1
    out=$("$tia_home/bin/tia" affected --repo "$repo" --no-write --timings --precision "$1" 2>&1)
    # stdout and stderr interleave in either order: each figure by its own pattern
    echo "$(sed -n 's/^tia: \([0-9]*\) of \([0-9]*\) test classes selected.*/\1 \2/p' <<<"$out") $(sed -n 's/.*total \([0-9]*\) ms.*/\1/p' <<<"$out")"
  }
  eval "$restore"; sed -i '/public int value(int depth)/,/return 1;/ s/return 1;/return 2;/' "$repo/$one_file"
  read -r value_member total value_member_ms <<<"$(selected member)"; read -r value_class _ value_class_ms <<<"$(selected class)"
  eval "$restore"; sed -i '/public int weight()/,/}/ s/return \([0-9]*\);/return \1 + 1;/' "$repo/$one_file"
  read -r weight_member _ weight_member_ms <<<"$(selected member)"; read -r weight_class _ weight_class_ms <<<"$(selected class)"
  precision_rows+=("$size $total $value_member $value_class $weight_member $weight_class $value_member_ms $value_class_ms $weight_member_ms $weight_class_ms")
  eval "$restore"
  read_all=$(lower_bound "git -C '$repo' ls-files -z '*.java' | (cd '$repo' && xargs -0 cat)")
  diff_names=$(lower_bound "git -C '$repo' diff --name-only HEAD")
  # What tia itself asks git on every run that compares the working tree: no warm run can take less.
  git_status=$(lower_bound "GIT_OPTIONAL_LOCKS=0 git -C '$repo' status --porcelain=v1 -z --untracked-files=normal --no-renames --ignore-submodules=all")
  empty_jvm=$(lower_bound "java -cp '$work/empty' Empty")
  results+=("$size $files $cold $warm $one $five $read_all $diff_names $empty_jvm $capped $loop $git_status $body $local_var $written $branch $added $added_test $deleted $commit $resource $added_used $tagged $nested $extended $namesake")
done

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1) (kernel $(uname -r | cut -d- -f1))"
java_version="$(java -version 2>&1 | head -n 1)"
{
  echo "# tia benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $machine; $java_version; tia $(git -C "$here" rev-parse --short HEAD)."
  echo "Reproduce: \`bench/run.sh ${sizes[*]}\` (median of $runs runs; whole \`bin/tia affected\` process, wall clock; \"engine\" is"
  echo "the analysis inside it, from \`--timings\`; peak heap is the largest of the runs)."
  echo
  echo "| classes | Java files | scenario | wall ms | engine ms | peak heap MB | files parsed |"
  echo "|---:|---:|---|---:|---:|---:|---:|"
  for row in "${results[@]}"; do
    read -r size files cw ce ch cp ww we wh wp ow oe oh op fw fe fh fp rd dn ej xw xe xh xp lm lp lo gs bw be bh bp vw ve vh vp rw re rh rp aw ae ah ap nw ne nh np tw te th tp dw de dh dp hw he hh hp sw se sh sp uw ue uh up qw qe qh qp kw ke kh kp yw ye yh yp mw me mh mp <<<"$row"
    echo "| $size | $files | cold (no index) | $cw | $ce | $ch | $cp |"
    echo "| $size | $files | cold, heap capped at 512 MB (-Xmx512m) | ${xw:-failed} | ${xe:-failed} | ${xh:-} | ${xp:-} |"
    echo "| $size | $files | warm, no change | $ww | $we | $wh | $wp |"
    echo "| $size | $files | warm, no change, reports written (as a CI step) | $rw | $re | $rh | $rp |"
    echo "| $size | $files | warm, 1 file changed | $ow | $oe | $oh | $op |"
    echo "| $size | $files | warm, 1 file changed, engine in a long-lived JVM (median; slowest $lp) | | $lm | | 1 |"
    echo "| $size | $files | warm, 1 file changed, engine in a long-lived JVM, its own work: without waiting for git's answers (median) | | $lo | | 1 |"
    echo "| $size | $files | warm, 1 method body changed (names nothing new) | $bw | $be | $bh | $bp |"
    echo "| $size | $files | warm, 1 method body changed (a new local variable) | $vw | $ve | $vh | $vp |"
    echo "| $size | $files | warm, 1 new file (a class of main sources) | $nw | $ne | $nh | $np |"
    echo "| $size | $files | warm, 1 new file, used by the edited class | $uw | $ue | $uh | $up |"
    echo "| $size | $files | warm, 1 new test file (a test class) | $tw | $te | $th | $tp |"
    echo "| $size | $files | warm, 1 file deleted (a class other files name) | $dw | $de | $dh | $dp |"
    echo "| $size | $files | warm, 1 text resource names another class | $sw | $se | $sh | $sp |"
    echo "| $size | $files | warm, 1 tag put on a test class | $qw | $qe | $qh | $qp |"
    echo "| $size | $files | warm, 1 nested test class added to a test | $kw | $ke | $kh | $kp |"
    echo "| $size | $files | warm, 1 class starts to extend another | $yw | $ye | $yh | $yp |"
    echo "| $size | $files | warm, 1 new class whose name other files write (another package's class of that name) | ${mw:-} | ${me:-} | ${mh:-} | ${mp:-} |"
    echo "| $size | $files | warm, 5% of files changed | $fw | $fe | $fh | $fp |"
    echo "| $size | $files | warm, on a branch 1 commit ahead, reports written (a pull request's CI step) | $aw | $ae | $ah | $ap |"
    echo "| $size | $files | warm, on a branch 1 commit ahead, the commit (--head HEAD, as docs/ci asks), reports written | $hw | $he | $hh | $hp |"
  done
  echo
  echo "Lower bounds on the same machine and run:"
  echo
  echo "| classes | read every source file (ms) | git diff --name-only (ms) | git status, as tia runs it (ms) | empty JVM start (ms) |"
  echo "|---:|---:|---:|---:|---:|"
  for row in "${results[@]}"; do
    read -r size files _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ rd dn ej _ _ _ _ _ _ _ gs _ _ _ _ <<<"$row"
    echo "| $size | $rd | $dn | $gs | $ej |"
  done
  echo
  echo "Test classes selected for a one-method body edit in \`$(basename "$one_file")\` of module m1, member level (the default) against"
  echo "class level (\`--precision class\`):"
  echo
  echo "| classes | test classes | edit \`value(int)\` (called by every class naming it): member / class | engine ms | edit \`weight()\` (called by its own test only): member / class | engine ms |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for row in "${precision_rows[@]}"; do
    read -r size total vm vc wm wc vmm vcm wmm wcm <<<"$row"
    echo "| $size | $total | $vm / $vc | $vmm / $vcm | $wm / $wc | $wmm / $wcm |"
  done
  echo
  echo '```mermaid'
  echo 'xychart-beta'
  echo '  title "bin/tia affected, wall ms against repository size"'
  printf '  x-axis "classes" ['; printf '%s' "$(for row in "${results[@]}"; do read -r s _ <<<"$row"; printf '%s, ' "$s"; done | sed 's/, $//')"; echo ']'
  echo '  y-axis "ms"'
  printf '  line "cold" ['; printf '%s' "$(for row in "${results[@]}"; do read -r _ _ cw _ <<<"$row"; printf '%s, ' "$cw"; done | sed 's/, $//')"; echo ']'
  printf '  line "warm, 1 file" ['; printf '%s' "$(for row in "${results[@]}"; do read -r _ _ _ _ _ _ _ _ _ _ ow _ <<<"$row"; printf '%s, ' "$ow"; done | sed 's/, $//')"; echo ']'
  echo '```'
} > "$out.table"
echo "bench: results in $out.table" >&2
cat "$out.table"
