#!/usr/bin/env bash
# Runs the benchmark suite and writes benchmarks/results/<date>.md (+ .svg). A report of that
# name made earlier that day is kept: the run's files are then named <date>-2, <date>-3, ...
#
#   benchmarks/run.sh                  short version (~15 min on 2 cores): 1 fork, 2x1 s warm-up, 3x1 s
#   benchmarks/run.sh --full           longer: 2 forks, 5x2 s warm-up, 10x2 s measurement (~1.5 h)
#   benchmarks/run.sh --postgres       also the PostgreSQL group, as a section of <date>.md with its
#                                      own chart, <date>-postgres.svg (+~13 min)
#   benchmarks/run.sh --postgres-only  only the PostgreSQL group: results/<date>-postgres.md + .svg (~13 min;
#                                      1 fork, 8x1 s warm-up, 3x1 s measurement, see PG_JMH_ARGS)
#   --repeat N                         runs each group N times, the contenders in a different order
#                                      each time (rotated), and the report keeps each contender's
#                                      fastest run of each operation: other work on the machine only
#                                      adds time, and rotating keeps a slow stretch from always
#                                      landing on the same contender. A 5-10% claim needs this:
#                                      single short runs moved the same code by +-30%.
#   --alternating                      instead of JMH, keystone.bench.CpuTime's check (below) for
#                                      SQLite, and with --postgres PostgreSQL too, pinned as JMH's
#                                      group is: results/<date>-alternating.md. Hand JDBC
#                                      and Keystone alternate call by call in one JVM, so a slow
#                                      stretch of the machine falls on both. ALT_CALLS="warm-up
#                                      measured" sets the warm-up (seconds per operation with an
#                                      s, or calls) and the calls measured per contender (default "10s 1000": C2 has
#                                      compiled both paths by then; 100 warm-up calls left Keystone's
#                                      longer path to the interpreter and C1).
#   --only REGEX                       with --alternating, only the operations whose name matches,
#                                      Class.operation, e.g. --only 'RetryBench.*|ReadBench.loadAll'
#                                      (RetryBench's are 'RetryBench.transaction retry=false|true')
#   PG_CPUS=all benchmarks/run.sh ...  does not pin the PostgreSQL group to one CPU (see below)
#   extra arguments after --jmh are passed to every JMH run (e.g. --jmh 'ReadBench' -prof gc)
#
# On a machine other work keeps busy, wall time mostly measures the wait for a CPU. A check that
# leaves the wait out: keystone.bench.CpuTime times the core operations in the calling thread's
# CPU time (and wall time), Keystone and hand JDBC alternating call by call in one JVM
# (java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
#  keystone.bench.CpuTime 10s 1000 [sqlite|postgres];
# on PostgreSQL pinned as below, taskset -c 1, and its wall-time ratio is the one to read).
#
# Needs: JDK 17, Maven, gcc, and npm for SQLite's amalgamation (see native_sqlite below). The
# build goes through the reactor (-am), so nothing has to be installed first. The PostgreSQL group
# starts a PostgreSQL 14 of its own per JMH fork from embedded-postgres's binaries (Maven Central),
# on loopback; -Dbench.pg.url in JAVA_TOOL_OPTIONS would point it at another server.
# Long: start it in the background (nohup benchmarks/run.sh > benchmarks/target/run.log 2>&1 &).
set -euo pipefail
COMMAND="benchmarks/run.sh $*"
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
OUT=target/run
rm -rf "$OUT"
mkdir -p "$OUT" results target/native
JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
# The PostgreSQL group warms up longer: pinned to one CPU (below), the JIT compiles on the CPU the
# benchmark and the server share, and Keystone's longer path took 6 s to settle where hand JDBC's
# took 2 (graph read: 2.3x hand JDBC after 2 s of warm-up, 1.1x once settled).
PG_JMH_ARGS=(-f 1 -wi 8 -w 1s -i 3 -r 1s)
EXTRA=()
SQLITE=1
POSTGRES=0
REPEAT=1
ALTERNATING=0
ONLY='.*'
while [ $# -gt 0 ]; do
  case "$1" in
    --full) JMH_ARGS=(-f 2 -wi 5 -w 2s -i 10 -r 2s); PG_JMH_ARGS=(-f 2 -wi 8 -w 2s -i 10 -r 2s); shift ;;
    --postgres) POSTGRES=1; shift ;;
    --postgres-only) POSTGRES=1; SQLITE=0; shift ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --alternating) ALTERNATING=1; shift ;;
    --only) ONLY=$2; shift 2 ;;
    --jmh) shift; EXTRA=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ "$ONLY" != '.*' ] && [ "$ALTERNATING" = 0 ]; then
  echo "--only selects operations of --alternating; for JMH use --jmh with a regex" >&2
  exit 2
fi

# The operations the PostgreSQL group measures (the SQLite run measures every benchmark): over all
# five contenders, and over Keystone and hand JDBC.
PG_CORE_BENCHES='WriteBench\.(bulkInsert|oneByOneInsert|graphWrite)$|ReadBench\.(loadByIdRandom|loadAll|indexedQuery|graphRead)$'
PG_KEYS_BENCHES='CascadeBench|RestrictBench|ImportBench|RetryBench'

echo "== build"
(cd "$ROOT" && mvn -q -P benchmarks -pl benchmarks -am package -DskipTests)
JAR=target/benchmarks.jar

# The PostgreSQL group runs on one CPU: the JMH JVM, its forks and the server each fork starts
# (they inherit the affinity). On a VM whose idle vCPUs halt (cpuidle haltpoll here), a round
# trip between a client and a server on two idle vCPUs costs about 170 us, against about 20 us
# when both take turns on one CPU, and which of the two a fork gets depends on what else runs:
# unpinned, the same 1,000 point reads took 27 ms in one iteration and 200 ms in the next.
# Pinned, every contender meets the same cheap round trip (a real network's costs more).
PG_CPUS=${PG_CPUS:-$(( $(nproc) - 1 ))}
PIN=()
if [ "$PG_CPUS" != all ] && command -v taskset > /dev/null; then
  PIN=(taskset -c "$PG_CPUS")
fi

# rotate K a b c ...: the list, comma-separated, starting at its K-th element.
rotate() {
  local k=$1; shift
  local all=("$@")
  k=$(( k % ${#all[@]} ))
  local turned=("${all[@]:k}" "${all[@]:0:k}")
  (IFS=,; echo "${turned[*]}")
}

# This run's report name: the date, or the date and a number when a report has that name already.
STEM=$(date +%F)
for n in $(seq 2 99); do
  [ -e "results/$STEM.md" ] || [ -e "results/$STEM-postgres.md" ] \
    || [ -e "results/$STEM-alternating.md" ] || break
  STEM="$(date +%F)-$n"
done

if [ "$ALTERNATING" = 1 ]; then
  REPORT="results/$STEM-alternating.md"
  read -r -a CALLS <<< "${ALT_CALLS:-10s 1000}"
  # The JMH forks' heap, pre-touched: see the @Fork comment in jmh/Core.java.
  HEAP=(-Xms1g -Xmx1g -XX:+AlwaysPreTouch)
  {
    echo "# Keystone against hand JDBC, alternating call by call, $(date +%F)"
    echo
    echo "- Command: \`$COMMAND\` at \`$(git -C "$ROOT" rev-parse --short HEAD)\`, $(date -u +%H:%M) UTC"
    echo "- Machine: $(nproc) CPUs, $(uname -r); $(java -version 2>&1 | head -1)"
    echo "- Each figure is a median per call. Wall time is the one to read on PostgreSQL (it holds"
    echo "  the server's time); CPU time is the calling thread's alone."
    echo
  } > "$REPORT"
  if [ "$SQLITE" = 1 ]; then
    echo "== alternating: SQLite"
    java "${HEAP[@]}" -cp "$JAR" keystone.bench.CpuTime "${CALLS[0]}" "${CALLS[1]}" sqlite "$ONLY" \
      "$REPORT"
  fi
  if [ "$POSTGRES" = 1 ]; then
    echo "== alternating: PostgreSQL, pinned with ${PIN[*]:-nothing}"
    "${PIN[@]}" java "${HEAP[@]}" -cp "$JAR" keystone.bench.CpuTime "${CALLS[0]}" "${CALLS[1]}" \
      postgres "$ONLY" "$REPORT"
  fi
  echo "Wrote $REPORT"
  exit 0
fi

PG_JSON=""
postgres_group() {
  echo "== PostgreSQL"
  java -cp "$JAR" keystone.bench.Postgres > "$OUT/postgres.txt"
  { echo "$COMMAND"; echo "${PIN[*]}"; } >> "$OUT/postgres.txt"
  cat "$OUT/postgres.txt"
  for run in $(seq 1 "$REPEAT"); do
    "${PIN[@]}" java -jar "$JAR" "${PG_JMH_ARGS[@]}" -p engine=postgres \
      -p contender="$(rotate $((run - 1)) jdbc keystone ormlite hibernate jdbi)" \
      "$PG_CORE_BENCHES" -rf json -rff "$OUT/jmh-postgres-core-$run.json" "${EXTRA[@]}" \
      | tee "$OUT/jmh-postgres-core-$run.txt"
    "${PIN[@]}" java -jar "$JAR" "${PG_JMH_ARGS[@]}" -p engine=postgres -p children=10,1000 \
      -p contender="$(rotate $((run - 1)) jdbc keystone)" \
      "$PG_KEYS_BENCHES" -rf json -rff "$OUT/jmh-postgres-keys-$run.json" "${EXTRA[@]}" \
      | tee "$OUT/jmh-postgres-keys-$run.txt"
    PG_JSON="$PG_JSON,$OUT/jmh-postgres-core-$run.json,$OUT/jmh-postgres-keys-$run.json"
  done
}

if [ "$SQLITE" = 0 ]; then
  postgres_group
  echo "== report"
  # The PostgreSQL part of the notes (from its heading to the end).
  sed -n '/^## PostgreSQL/,$p' notes.md > "$OUT/notes.md"
  java -Dbench.report.stem="$STEM" -cp "$JAR" keystone.bench.report.Report "${PG_JSON#,}" \
    "$OUT/native.tsv" \
    "$OUT/coldstart.tsv" results "$ROOT/pom.xml" "$OUT/notes.md" "$OUT/postgres.txt"
  exit 0
fi

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
# The benchmarks over all five contenders (Core) and those over Keystone and hand JDBC (Keys).
CORE_BENCHES='^keystone\.bench\.jmh\.(WriteBench|ReadBench|DeleteBench)\.'
KEYS_BENCHES='^keystone\.bench\.jmh\.(CascadeBench|EnforcementBench|ImportBench|RestrictBench|RetryBench|SetNullBench)\.'
SQLITE_JSON=""
if [ ${#EXTRA[@]} -gt 0 ]; then
  # A selection of one's own (--jmh ...): run it as given, once per repeat.
  for run in $(seq 1 "$REPEAT"); do
    java -jar "$JAR" "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh-$run.json" "${EXTRA[@]}" \
      | tee "$OUT/jmh-$run.txt"
    SQLITE_JSON="$SQLITE_JSON,$OUT/jmh-$run.json"
  done
else
  for run in $(seq 1 "$REPEAT"); do
    java -jar "$JAR" "${JMH_ARGS[@]}" -p engine=sqlite \
      -p contender="$(rotate $((run - 1)) jdbc keystone ormlite hibernate jdbi)" "$CORE_BENCHES" \
      -rf json -rff "$OUT/jmh-core-$run.json" | tee "$OUT/jmh-core-$run.txt"
    java -jar "$JAR" "${JMH_ARGS[@]}" -p engine=sqlite \
      -p contender="$(rotate $((run - 1)) jdbc keystone)" "$KEYS_BENCHES" \
      -rf json -rff "$OUT/jmh-keys-$run.json" | tee "$OUT/jmh-keys-$run.txt"
    SQLITE_JSON="$SQLITE_JSON,$OUT/jmh-core-$run.json,$OUT/jmh-keys-$run.json"
  done
fi

[ "$POSTGRES" = 1 ] && postgres_group

echo "== report"
cat "$OUT/native-note.md" > "$OUT/notes.md"
[ -f notes.md ] && { echo; cat notes.md; } >> "$OUT/notes.md"
java -Dbench.report.stem="$STEM" -cp "$JAR" keystone.bench.report.Report \
  "${SQLITE_JSON#,}$PG_JSON" \
  "$OUT/native.tsv" "$OUT/coldstart.tsv" results "$ROOT/pom.xml" "$OUT/notes.md" \
  "$OUT/postgres.txt"
