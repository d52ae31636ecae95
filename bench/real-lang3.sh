#!/usr/bin/env bash
# Precision on real code: Apache Commons Lang 3.14.0 (the utility library issue #8 measured), its main and test
# sources from Maven Central made into a one-commit git repository, then three one-method body edits, each
# analysed at member level (the default) and at class level. Prints, per edit, the test classes selected of all.
#
# Usage: bench/real-lang3.sh [WORK_DIR]   (default /tmp/tia-bench/lang3; needs mvn, git and a built CLI jar)
# Env:   M2_REPO (default ~/.m2/repository), where dependency:get puts the source jars
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/tia-bench/lang3}"
version=3.14.0
m2="${M2_REPO:-$HOME/.m2/repository}"
jars="$m2/org/apache/commons/commons-lang3/$version"
for classifier in sources test-sources; do
  [ -f "$jars/commons-lang3-$version-$classifier.jar" ] ||
    mvn -B -q dependency:get -Dartifact="org.apache.commons:commons-lang3:$version:jar:$classifier" -Dtransitive=false
done
if [ ! -d "$work/.git" ]; then
  rm -rf "$work" && mkdir -p "$work/src/main/java" "$work/src/test/java"
  (cd "$work/src/main/java" && unzip -q "$jars/commons-lang3-$version-sources.jar" && rm -rf META-INF)
  (cd "$work/src/test/java" && unzip -q "$jars/commons-lang3-$version-test-sources.jar" && rm -rf META-INF)
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>\n<groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>%s</version></project>\n' \
    "$version" > "$work/pom.xml"
  printf 'target/\n.tia/\n' > "$work/.gitignore"
  git -C "$work" init -q && git -C "$work" add -A
  git -C "$work" -c user.email=bench@tia -c user.name=bench commit -qm "commons-lang3 $version sources"
fi
"$here/bin/tia" affected --repo "$work" --no-write >/dev/null 2>&1 # the index, made once

selected() { # precision -> "selected total"
  "$here/bin/tia" affected --repo "$work" --no-write --precision "$1" 2>/dev/null | sed -n 's/^tia: \([0-9]*\) of \([0-9]*\) test classes selected.*/\1 \2/p'
}
edit() { # name file sed-expression
  git -C "$work" checkout -q -- .
  sed -i "$3" "$work/$2"
  [ -n "$(git -C "$work" diff --name-only)" ] || { echo "real-lang3: the edit of $1 did not apply" >&2; exit 1; }
  read -r member total <<<"$(selected member)"
  read -r class _ <<<"$(selected class)"
  echo "| $1 | $member / $total | $class / $total |"
}
trap 'git -C "$work" checkout -q -- .' EXIT
echo "| body edit | member level | class level |"
echo "|---|---:|---:|"
edit 'StopWatch#getNanoTime()' src/main/java/org/apache/commons/lang3/time/StopWatch.java \
  '/public long getNanoTime()/,/return 0;/ s/return 0;/return 0L;/'
edit 'StringUtils#isBlank(CharSequence)' src/main/java/org/apache/commons/lang3/StringUtils.java \
  '/public static boolean isBlank(final CharSequence cs)/,/return true;/ s/return true;/return !false;/'
edit 'CharUtils#isAsciiAlpha(char)' src/main/java/org/apache/commons/lang3/CharUtils.java \
  '/public static boolean isAsciiAlpha(final char ch)/,/return/ s/return \(.*\);/return !!(\1);/'
