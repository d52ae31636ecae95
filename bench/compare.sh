#!/usr/bin/env bash
# Compares the warm-run speed of two revisions of tia on one generated repository, alternating runs so that both
# see the same periods of a shared machine (whose speed drifts 10-15% between periods, more than most changes
# this compares). Each revision is built in its own git worktree and keeps its own index (-Dtia.cacheDir), so
# neither run finds the other's index (the index is keyed by tia's build).
#
# Usage: bench/compare.sh OLD_REV NEW_REV [CLASSES] [ROUNDS]   (default: 10000 classes, 9 rounds)
# Env:   BENCH_DIR (default /tmp/tia-bench; the repository is generated there if missing); BENCH_UNTRACKED_CACHE
#        and BENCH_HISTORY_OBJECTS as bench/generate.sh reads them, each with a BENCH_DIR of its own; BENCH_REPORTS=1
#        to write report.json and report.md on every run (outside the repository), as a CI step does
# Prints, per revision, the median engine ms (from --timings) and wall ms (the whole bin/tia process) with no
# change, with a 1-file change (a new type each run, as in bench/run.sh) and with a 1-method-body change (another
# number in weight() each run), and every run's figures; and with a 1-method-body change that writes a new word (a
# local variable named anew each run), and one that imports a type of another package and names it; and a run on a
# feature branch one commit ahead of main (a method-body edit committed), as a pull request's CI step sees it; and a
# new file of main sources (a class named anew each run, naming a class of its package), as a new class starts, and
# such a class used by the edited file (the commonest change that adds a class), and
# a new test file beside its tests (a test class named anew, calling that class), and one extending that class's test,
# whose tests it inherits; and a test method added to that test (named anew each run); and a file of main sources
# deleted (another package's first file, which other files name), and the same file renamed (its class too); and m1's
# configuration (a text resource) naming another class, that other package's first one; and a tag put on the class's
# test (another each run), and a @Nested test class added to that test (named anew each run); and the edited class
# starting to extend the other package's first class, imported; and a new class of that class's simple name in a
# package of its own, as another package's Result or Config is added, whose name the files importing the first write. Since
# bin/tia starts git's status before the JVM (and before that the CLI did, before it read its arguments), the status
# is outside the engine's figure: compare wall figures across those changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
old_rev=$1 new_rev=$2 size=${3:-10000} rounds=${4:-9}
work="${BENCH_DIR:-/tmp/tia-bench}"
repo="$work/repo-$size"
"$here/bench/generate.sh" "$size" "$repo"
one_file=$(git -C "$repo" ls-files 'modules/m1/src/main/java/*.java' | sed -n 1p)
# A type of another package of the module, which the last scenario imports and names.
other_file=$(git -C "$repo" ls-files 'modules/m1/src/main/java/*.java' | grep -v "^$(dirname "$one_file")/" | sed -n 1p)
other_type=$(echo "$other_file" | sed 's|^modules/m1/src/main/java/||; s|\.java$||; s|/|.|g')
# The folder of the new files, and their package.
new_dir="$repo/$(dirname "$one_file")"
new_package=$(dirname "$one_file" | sed 's|^modules/m1/src/main/java/||; s|/|.|g')
one_type=$(basename "$one_file" .java)
new_test_dir="$repo/$(dirname "$one_file" | sed 's|/src/main/java/|/src/test/java/|')"

build() { # rev name: a worktree with bin/tia and the CLI jar of that revision, under $work/compare/name
  local dir="$work/compare/$2"
  rm -rf "$dir" && git -C "$here" worktree prune
  git -C "$here" worktree add -q --detach "$dir" "$1"
  (cd "$dir" && mvn -B -q -o -DskipTests package -pl engine -am >/dev/null 2>&1 || mvn -B -q -DskipTests package -pl engine -am >/dev/null)
  rm -rf "$work/compare/$2-cache"
}
run() { # name: one warm run, prints engine ms:wall ms
  local start engine
  start=$(date +%s%3N)
  local reports=--no-write
  [ "${BENCH_REPORTS:-}" = 1 ] && reports="--report-dir=$work/compare/$1-reports"
  engine=$(TIA_JAVA_OPTS="-Dtia.cacheDir=$work/compare/$1-cache" "$work/compare/$1/bin/tia" affected --repo "$repo" \
    "$reports" --timings 2>&1 >/dev/null | sed -n 's/.*total \([0-9]*\) ms.*/\1/p')
  echo "$engine:$(($(date +%s%3N) - start))"
}
# The median of field $1 (1 engine, 2 wall) of a list of engine:wall figures.
median() { tr ' ' '\n' | grep . | cut -d: -f"$1" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cell() { echo "$(echo "$1" | median 1) / $(echo "$1" | median 2)"; }

echo "compare: building $old_rev and $new_rev" >&2
build "$old_rev" old
build "$new_rev" new
# A class of the other type's simple name, in a package of its own: the files that import the other type write its name.
namesake_dir="$new_dir/namesake"
restore="git -C $repo checkout -q -- . && rm -f $new_dir/Added*.java $new_test_dir/Added*Test.java $repo/$(dirname "$other_file")/Added*.java && rm -rf $namesake_dir"
feature=tia-bench-feature
trap 'eval "$restore"; git -C "$repo" checkout -q main; git -C "$repo" branch -q -D $feature' EXIT
eval "$restore"
# The feature branch: one commit ahead of main, a method body of another file than the edits' changed.
git -C "$repo" branch -q -f $feature main
git -C "$repo" checkout -q $feature
sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/return \1 + 1;/" "$repo/$other_file"
git -C "$repo" commit -q -a -m "feature work"
git -C "$repo" checkout -q main
# bin/tia picks its JVM options for warm runs when the default index folder holds an index: make sure it does
"$work/compare/new/bin/tia" affected --repo "$repo" --no-write >/dev/null 2>&1 || true
for name in old new; do run "$name" >/dev/null; run "$name" >/dev/null; done # each build's index and archive made
declare -A none one body word named branch added added_used added_test added_sub test_method deleted renamed resource tagged nested extended namesake
for _ in $(seq "$rounds"); do
  for name in old new; do
    eval "$restore"; none[$name]+="$(run "$name") "
    eval "$restore"; echo "class Edit$(date +%s%N) { }" >> "$repo/$one_file"; one[$name]+="$(run "$name") "
    eval "$restore"; sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/return \1 + $RANDOM;/" "$repo/$one_file"
    body[$name]+="$(run "$name") "
    eval "$restore"; sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/int local$RANDOM = 0; return \1;/" "$repo/$one_file"
    word[$name]+="$(run "$name") "
    eval "$restore"; sed -i "0,/^import /s//import $other_type;\nimport /; /public int weight()/,/}/ s/return \([0-9]*\);/Object other = (${other_type##*.}) null; return \1;/" "$repo/$one_file"
    named[$name]+="$(run "$name") "
    eval "$restore"; git -C "$repo" checkout -q $feature; branch[$name]+="$(run "$name") "; git -C "$repo" checkout -q main
    eval "$restore"; stamp=$(date +%s%N)
    printf 'package %s;\n\npublic class Added%s {\n    private final %s used = null;\n}\n' "$new_package" "$stamp" "$one_type" \
      > "$new_dir/Added$stamp.java"
    added[$name]+="$(run "$name") "
    eval "$restore"; stamp=$(date +%s%N)
    printf 'package %s;\n\npublic class Added%s {\n}\n' "$new_package" "$stamp" > "$new_dir/Added$stamp.java"
    sed -i "/public int weight()/,/}/ s/return \([0-9]*\);/Object added = (Added$stamp) null; return \1;/" "$repo/$one_file"
    added_used[$name]+="$(run "$name") "
    eval "$restore"; stamp=$(date +%s%N)
    printf 'package %s;\n\nimport org.junit.jupiter.api.Test;\n\nclass Added%sTest {\n    @Test\n    void weighs() {\n        new %s().weight();\n    }\n}\n' \
      "$new_package" "$stamp" "$one_type" > "$new_test_dir/Added${stamp}Test.java"
    added_test[$name]+="$(run "$name") "
    eval "$restore"; stamp=$(date +%s%N)
    printf 'package %s;\n\nimport org.junit.jupiter.api.Test;\n\nclass Added%sTest extends %sTest {\n    @Test\n    void weighs() {\n        new %s().weight();\n    }\n}\n' \
      "$new_package" "$stamp" "$one_type" "$one_type" > "$new_test_dir/Added${stamp}Test.java"
    added_sub[$name]+="$(run "$name") "
    eval "$restore"; sed -i "0,/    @Test/s//    @Test\n    void also$RANDOM() {\n    }\n\n    @Test/" "$new_test_dir/${one_type}Test.java"
    test_method[$name]+="$(run "$name") "
    eval "$restore"; rm "$repo/$other_file"; deleted[$name]+="$(run "$name") "
    # A build that stores the graph of a deletion (as the old code did) builds it again without: not measured, so that
    # the next run finds the store as the others do.
    eval "$restore"; run "$name" >/dev/null
    eval "$restore"; stamp=$(date +%s%N)
    sed "s/\b${other_type##*.}\b/Added$stamp/g" "$repo/$other_file" > "$repo/$(dirname "$other_file")/Added$stamp.java"
    rm "$repo/$other_file"; renamed[$name]+="$(run "$name") "
    eval "$restore"; run "$name" >/dev/null
    eval "$restore"; sed -i "s/^  fallback: .*/  fallback: $other_type/" "$repo/modules/m1/src/main/resources/application.yml"
    resource[$name]+="$(run "$name") "
    # A build stores the graph of the edited resource: built again without it, not measured, as after the deletion.
    eval "$restore"; run "$name" >/dev/null
    eval "$restore"; sed -i "s/^class ${one_type}Test {/@org.junit.jupiter.api.Tag(\"slow$RANDOM\")\nclass ${one_type}Test {/" \
      "$new_test_dir/${one_type}Test.java"
    tagged[$name]+="$(run "$name") "
    eval "$restore"; stamp=$(date +%s%N); sed -i '$ d' "$new_test_dir/${one_type}Test.java"
    printf '\n    @org.junit.jupiter.api.Nested\n    class Added%s {\n        @Test\n        void weighs() {\n            new %s().weight();\n        }\n    }\n}\n' \
      "$stamp" "$one_type" >> "$new_test_dir/${one_type}Test.java"
    nested[$name]+="$(run "$name") "
    eval "$restore"; sed -i "0,/^import /s//import $other_type;\nimport /; s/^public class ${one_type} {/public class ${one_type} extends ${other_type##*.} { \/\/ $RANDOM/" \
      "$repo/$one_file"
    extended[$name]+="$(run "$name") "
    eval "$restore"; mkdir -p "$namesake_dir"
    printf 'package %s.namesake;\n\npublic class %s {\n    int run%s;\n}\n' "$new_package" "${other_type##*.}" "$(date +%s%N)" \
      > "$namesake_dir/${other_type##*.}.java"
    namesake[$name]+="$(run "$name") "
  done
done
eval "$restore"
echo "| $size classes, $rounds rounds; median engine / wall ms | no change | 1 file changed | 1 method body changed | 1 method body, new local | 1 method body, imports and names a type | on a branch 1 commit ahead | 1 new file | 1 new file, used by 1 changed file | 1 new test file | 1 new test extending a test | 1 test method added | 1 file deleted | 1 file renamed | 1 resource names another class | 1 tag put on a test class | 1 nested test class added | 1 class extends another | 1 new class, a name other files write |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for name in old new; do
  rev=$([ $name = old ] && echo "$old_rev" || echo "$new_rev")
  echo "| $rev | $(cell "${none[$name]}") | $(cell "${one[$name]}") | $(cell "${body[$name]}") | $(cell "${word[$name]}") | $(cell "${named[$name]}") | $(cell "${branch[$name]}") | $(cell "${added[$name]}") | $(cell "${added_used[$name]}") | $(cell "${added_test[$name]}") | $(cell "${added_sub[$name]}") | $(cell "${test_method[$name]}") | $(cell "${deleted[$name]}") | $(cell "${renamed[$name]}") | $(cell "${resource[$name]}") | $(cell "${tagged[$name]}") | $(cell "${nested[$name]}") | $(cell "${extended[$name]}") | $(cell "${namesake[$name]}") |"
done
for name in old new; do echo "$name (engine:wall ms): no change ${none[$name]}; 1 file ${one[$name]}; 1 method body ${body[$name]}; new local ${word[$name]}; names a type ${named[$name]}; branch ${branch[$name]}; new file ${added[$name]}; new file used ${added_used[$name]}; new test file ${added_test[$name]}; new test extending a test ${added_sub[$name]}; test method added ${test_method[$name]}; deleted ${deleted[$name]}; renamed ${renamed[$name]}; resource ${resource[$name]}; tagged ${tagged[$name]}; nested ${nested[$name]}; extended ${extended[$name]}; namesake ${namesake[$name]}" >&2; done
git -C "$here" worktree remove --force "$work/compare/old" && git -C "$here" worktree remove --force "$work/compare/new"
