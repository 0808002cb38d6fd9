#!/usr/bin/env bash
# Side-by-side benchmark of asl4j against aws-local-stepfunctions (the npm peer), in one run on one
# machine. Executions are timed three ways (the history not read, read, written as JSON), and both
# sides' outputs are checked against the workloads' expected outputs in every round. From a fresh clone with ../shared beside the repo:
#
#   benchmarks/compare.sh                 # full run: 5 rounds, 3 s measured per point (about 10 min)
#   ROUNDS=7 SECONDS_PER_POINT=5 benchmarks/compare.sh
#   QUICK=1 benchmarks/compare.sh         # 2 rounds, 1 s per point: checks the harness only
#
# It builds benchmarks/target/benchmarks.jar through the Maven reactor (never `mvn install`),
# installs the peer with npm into target/peer-als/, then alternates the two sides (asl4j first in
# odd rounds, the peer first in even ones) and prints a Markdown table (also written to
# target/bench/report.md; raw results in target/bench/results.jsonl). See BENCHMARKS.md.
#
# Environment: SHARED (default ../shared), ROUNDS (5), SECONDS_PER_POINT (3), WARMUP_SECONDS (3),
# MVN_ARGS (extra Maven arguments, e.g. -o), JAVA_OPTS (for the asl4j JVMs), SKIP_BUILD=1,
# BENCH_JAR (a benchmarks.jar to time instead of building one, e.g. an older commit's: implies SKIP_BUILD),
# BENCH_COMMIT (the commit the report names; default: HEAD), BENCH_OUT (default target/bench).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
WORKLOADS="$(cd "$SHARED/bench/workloads" && pwd)"
PEER_SRC="$SHARED/bench/peer-als"
ROUNDS="${ROUNDS:-5}"
SECS="${SECONDS_PER_POINT:-3}"
WARM="${WARMUP_SECONDS:-3}"
if [[ -n "${QUICK:-}" ]]; then ROUNDS=2; SECS=1; WARM=1; fi
NAMES=(order-processing pass-chain-10 map-1000)
HISTORIES=(none read json) # the history not read; history() and details read; every event as JSON
OUT="${BENCH_OUT:-$ROOT/target/bench}"
PEER="$ROOT/target/peer-als"
JAR="${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"
RESULTS="$OUT/results.jsonl"
read -r -a JAVA_ARGS <<< "${JAVA_OPTS:-}"

log() { printf '%s\n' "$*" >&2; }

# ---- build and install ------------------------------------------------------------------------
if [[ -n "${BENCH_JAR:-}" ]]; then
  log "== timing $JAR"
elif [[ -z "${SKIP_BUILD:-}" || ! -f "$JAR" ]]; then
  log "== building benchmarks/target/benchmarks.jar"
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$PEER" "$OUT"
cp "$PEER_SRC/package.json" "$ROOT"/benchmarks/peer/*.mjs "$PEER/"
if [[ ! -d "$PEER/node_modules/aws-local-stepfunctions" ]]; then
  log "== installing the peer with npm into target/peer-als"
  (cd "$PEER" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
: > "$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

asl4j() { java "${JAVA_ARGS[@]}" -Dasl4j.bench.workloads="$WORKLOADS" -cp "$JAR" io.asl4j.bench.Harness "$@" 2>/dev/null | tail -n 1; }
peer() { (cd "$PEER" && node "$@" 2>/dev/null | tail -n 1); }
record() { # round side mode workload json
  printf '{"round":%s,"side":"%s","mode":"%s","workload":"%s","result":%s}\n' "$1" "$2" "$3" "$4" "$5" >> "$RESULTS"
  log "  round $1 $2 $3 $4: $5"
}
rate() { node -e 'console.log(JSON.parse(process.argv[1]).executionsPerSecond)' "$1"; }
def() { echo "$WORKLOADS/$1.asl.json"; }
inp() { echo "$WORKLOADS/$1.input.json"; }
# The output AWS gives for each workload, derived from the definitions (see Workloads.expectedOutput).
EXPECTED_DIR="$ROOT/benchmarks/src/main/resources/io/asl4j/bench/expected"
exp() { echo "$EXPECTED_DIR/$1.output.json"; }
# The peer's runner (benchmarks/peer/exec.mjs): run.mjs with the history modes and the output check.
peer_exec() { peer exec.mjs "$(def "$1")" "$(inp "$1")" "$(exp "$1")" "$2" "$3" "${4:-none}"; }

# ---- the peer is count-based (run.mjs): size its runs to about SECS seconds --------------------
declare -A PEER_N PEER_W
log "== calibrating the peer's execution counts"
for w in "${NAMES[@]}"; do
  for h in "${HISTORIES[@]}"; do
    r2=$(rate "$(peer_exec "$w" 10 2 "$h")")
    for step in 1 2; do # two runs of about 0.5 s: the second one warm
      n=$(( r2 / 2 > 10 ? r2 / 2 : 10 ))
      r2=$(rate "$(peer_exec "$w" "$n" "$n" "$h")")
    done
    PEER_N[$w/$h]=$(awk -v r="$r2" -v s="$SECS" 'BEGIN { n = int(r * s); print (n < 10 ? 10 : n) }')
    PEER_W[$w/$h]=$(awk -v r="$r2" -v s="$WARM" 'BEGIN { n = int(r * s / 2); print (n < 3 ? 3 : n) }')
    log "  $w, history $h: ~$r2 exec/s -> ${PEER_N[$w/$h]} executions after ${PEER_W[$w/$h]} warm-up ones"
  done
done

run_exec() { # round side workload history; mode exec (history not read), exec-read or exec-json
  local mode=exec
  [[ "$4" != none ]] && mode="exec-$4"
  case "$2" in
    asl4j) record "$1" asl4j "$mode" "$3" "$(asl4j exec "$3" --history "$4" --warmup "$WARM" --seconds "$SECS")" ;;
    peer) record "$1" peer "$mode" "$3" "$(peer_exec "$3" "${PEER_N[$3/$4]}" "${PEER_W[$3/$4]}" "$4")" ;;
  esac
}
run_threads() { # round side workload: both cores
  case "$2" in
    asl4j) record "$1" asl4j threads "$3" "$(asl4j exec "$3" --threads 2 --warmup "$WARM" --seconds "$SECS")" ;;
    peer) # Node runs JavaScript on one thread: two processes, one per core, rates added.
      local a b
      a=$(mktemp) b=$(mktemp)
      peer_exec "$3" "${PEER_N[$3/none]}" "${PEER_W[$3/none]}" > "$a" &
      local pa=$!
      peer_exec "$3" "${PEER_N[$3/none]}" "${PEER_W[$3/none]}" > "$b" &
      local pb=$!
      wait "$pa" "$pb"
      record "$1" peer threads "$3" "$(node -e '
        const [a, b] = process.argv.slice(1).map(f => JSON.parse(require("fs").readFileSync(f, "utf8")));
        console.log(JSON.stringify({processes: 2, executionsPerSecond: a.executionsPerSecond + b.executionsPerSecond,
          executionsPerCpuSecond: Math.round((a.executions + b.executions) / (a.executions / a.executionsPerCpuSecond + b.executions / b.executionsPerCpuSecond)),
          outputsChecked: a.outputsChecked + b.outputsChecked, wrong: a.wrong + b.wrong,
          firstWrongOutput: a.firstWrongOutput ?? b.firstWrongOutput, each: [a, b]}));' "$a" "$b")"
      rm -f "$a" "$b" ;;
  esac
}
run_build() {
  case "$2" in
    asl4j) record "$1" asl4j build "$3" "$(asl4j build "$3" --warmup "$WARM" --seconds "$SECS")" ;;
    peer) record "$1" peer build "$3" "$(peer build.mjs "$(def "$3")" "$WARM" "$SECS")" ;;
  esac
}
run_first() { # wall clock of a whole fresh process too
  local t0 t1 json
  t0=$(date +%s%N)
  case "$2" in
    asl4j) json=$(asl4j first "$3") ;;
    peer) json=$(peer first.mjs "$(def "$3")" "$(inp "$3")" "$(exp "$3")") ;;
  esac
  t1=$(date +%s%N)
  record "$1" "$2" first "$3" "${json%\}},\"processWallMs\":$(( (t1 - t0) / 1000000 ))}"
}
sides() { if (( $1 % 2 == 1 )); then echo asl4j peer; else echo peer asl4j; fi; }

# ---- rounds -----------------------------------------------------------------------------------
for (( r = 1; r <= ROUNDS; r++ )); do
  log "== round $r of $ROUNDS"
  for w in "${NAMES[@]}"; do
    for h in "${HISTORIES[@]}"; do
      for s in $(sides "$r"); do run_exec "$r" "$s" "$w" "$h"; done
    done
  done
done
EXTRA_ROUNDS=$(( ROUNDS < 3 ? ROUNDS : 3 ))
for (( r = 1; r <= EXTRA_ROUNDS; r++ )); do
  log "== build + validate, two cores, first execution: round $r of $EXTRA_ROUNDS"
  for w in "${NAMES[@]}"; do
    for s in $(sides "$r"); do run_build "$r" "$s" "$w"; done
    for s in $(sides "$r"); do run_threads "$r" "$s" "$w"; done
  done
done
for (( r = 1; r <= ROUNDS; r++ )); do
  for s in $(sides "$r"); do run_first "$r" "$s" order-processing; done
done
log "== hand-written order-processing vs the interpreter (alternating in one JVM)"
record 1 asl4j handwritten order-processing "$(asl4j handwritten --warmup "$WARM" --seconds "$(( SECS * 3 ))")"
log "== heap held by 100,000 executions parked on .waitForTaskToken"
record 1 asl4j parked waitForTaskToken "$(asl4j parked --count 100000)"

# ---- report -----------------------------------------------------------------------------------
CPU=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)
MACHINE="$(nproc) cores ($CPU), $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB RAM"}'), \
Java $(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {v=$2} /java.vm.name/ {n=$2} END {print v " " n}'), Node $(node -v), $(uname -sr); load average (1, 5, 15 min) $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') at the end"
COMMIT="${BENCH_COMMIT:-$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
node "$ROOT/benchmarks/report.mjs" "$RESULTS" "$MACHINE" "$COMMIT" \
  | tee "$OUT/report.md"
