#!/usr/bin/env bash
# Runs the benchmark suite and writes benchmarks/results/<date>.md (+ .svg).
#
#   benchmarks/run.sh           short version (~15 min on 2 cores): 1 fork, 2x1 s warm-up, 3x1 s
#   benchmarks/run.sh --full    longer: 2 forks, 5x2 s warm-up, 10x2 s measurement (~1.5 h)
#   extra arguments after --jmh are passed to JMH (e.g. --jmh 'ReadBench' -prof gc)
#
# Needs: JDK 17, Maven (the keystone artifacts installed: mvn -q -pl processor,runtime-engine
# install -DskipTests), gcc, and npm for SQLite's amalgamation (see native_sqlite below).
# Long: start it in the background (nohup benchmarks/run.sh > benchmarks/target/run.log 2>&1 &).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
OUT=target/run
mkdir -p "$OUT" results target/native
JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) JMH_ARGS=(-f 2 -wi 5 -w 2s -i 10 -r 2s); shift ;;
    --jmh) shift; EXTRA=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

echo "== build"
(cd "$ROOT" && mvn -q -P benchmarks -pl benchmarks package -DskipTests)
JAR=target/benchmarks.jar

# The C baseline links the same SQLite version as the sqlite-jdbc jar. The jar's native library
# exports only its JNI entry points (no sqlite3_* symbols), so the amalgamation is compiled here:
# better-sqlite3 on npm ships it (13.2.0 bundles SQLite 3.54.1, as sqlite-jdbc 3.54.1.0 does).
# Without npm, or on a version mismatch, Debian's libsqlite3 is used and the report says so.
BETTER_SQLITE3=13.2.0
JDBC_SQLITE=$(unzip -p "$JAR" META-INF/maven/org.xerial/sqlite-jdbc/pom.properties \
  | sed -n 's/^version=\([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p')
native_sqlite() {
  local d=target/native
  if [ ! -f $d/sqlite3.c ] && command -v npm > /dev/null; then
    (cd $d && npm pack --silent "better-sqlite3@$BETTER_SQLITE3" > /dev/null 2>&1 \
      && tar xzf "better-sqlite3-$BETTER_SQLITE3.tgz" package/deps/sqlite3 \
      && cp package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h . \
      && rm -rf package) || true
  fi
  if [ -f $d/sqlite3.c ] \
    && grep -q "#define SQLITE_VERSION *\"$JDBC_SQLITE\"" $d/sqlite3.c; then
    if [ ! -f $d/sqlite3.o ]; then
      echo "   compiling SQLite $JDBC_SQLITE amalgamation (about a minute)"
      gcc -O2 -DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_MEMSTATUS=0 -DHAVE_USLEEP=1 \
        -I$d -c $d/sqlite3.c -o $d/sqlite3.o
    fi
    gcc -O2 -I$d c/native_bench.c $d/sqlite3.o -lpthread -lm -ldl -o $d/native_bench
    echo "- C API baseline: SQLite $JDBC_SQLITE amalgamation (from better-sqlite3 $BETTER_SQLITE3 on npm, the same version as sqlite-jdbc's), gcc -O2" > "$OUT/native-note.md"
  else
    gcc -O2 c/native_bench.c -lsqlite3 -o $d/native_bench
    echo "- C API baseline: WARNING, Debian's libsqlite3 $(pkg-config --modversion sqlite3 2>/dev/null || echo '?'), NOT sqlite-jdbc's $JDBC_SQLITE (its amalgamation could not be fetched)" > "$OUT/native-note.md"
  fi
}

echo "== C API baseline"
native_sqlite
java -cp "$JAR" keystone.bench.PrintDdl > "$OUT/ddl.sql"
mkdir -p target/bench-db
target/native/native_bench "$OUT/ddl.sql" target/bench-db 15 > "$OUT/native.tsv"
cat "$OUT/native.tsv"

echo "== cold start (fresh JVM per run, median of 5)"
java -cp "$JAR" keystone.bench.ColdStart "$OUT/coldstart.tsv" 5 2> "$OUT/coldstart.log"

echo "== JMH"
java -jar "$JAR" "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh.json" "${EXTRA[@]}" | tee "$OUT/jmh.txt"

echo "== report"
cat "$OUT/native-note.md" > "$OUT/notes.md"
[ -f notes.md ] && { echo; cat notes.md; } >> "$OUT/notes.md"
java -cp "$JAR" keystone.bench.report.Report "$OUT/jmh.json" "$OUT/native.tsv" \
  "$OUT/coldstart.tsv" results "$ROOT/pom.xml" "$OUT/notes.md"
