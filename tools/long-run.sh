#!/usr/bin/env bash
# The long property run of HARDENING.md: every jqwik property of dsl and runtime with many more
# tries than `mvn verify` gives them (200), then one table of tries and checks per property and the
# total of checks: the tries that checked something (jqwik counts a try an assumption rejected as a
# try, not as a check).
#
#   tools/long-run.sh                                   # about 1,670,000 tries
#   DSL_TRIES=5000 FAST_TRIES=5000 SLOW_TRIES=200 tools/long-run.sh   # a shorter one
#
# Three groups, because their tries cost very different times:
#   dsl   every dsl property (reader, writer, validator, paths, intrinsics, JSONata parsing, builder)
#         at DSL_TRIES (40,000);
#   fast  the runtime's path, intrinsic and wildcard evaluators at FAST_TRIES (100,000);
#   slow  JSONata evaluation (a try may run until the 500 ms evaluation timeout) and whole
#         executions of the corpus definitions at SLOW_TRIES (25,000).
# A property that fixes its own tries in @Property(tries = N) keeps them. Logs go to
# target/long-run/; failing samples are kept in each module's target/jqwik-database and tried first
# by the next run. Exit status 1 when any property failed. MVN_ARGS adds Maven arguments (e.g. -o).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/long-run"
DSL_TRIES="${DSL_TRIES:-40000}"
FAST_TRIES="${FAST_TRIES:-100000}"
SLOW_TRIES="${SLOW_TRIES:-25000}"
mkdir -p "$OUT"
status=0

run() { # name tries module test-pattern
  local started=$SECONDS
  echo "== $1: $3 $4 at $2 tries per property" >&2
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B ${MVN_ARGS:-} -pl "$3" -am test -Dtest="$4" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default="$2" \
      -Djqwik.reporting.onlyfailures=false) > "$OUT/$1.log" 2>&1 || status=1
  echo "   $(( SECONDS - started )) s; log: $OUT/$1.log" >&2
}

run dsl "$DSL_TRIES" dsl '*Properties'
run fast "$FAST_TRIES" runtime \
  'io/asl4j/runtime/internal/engine/*Properties,io/asl4j/runtime/internal/expression/*Properties'
run slow "$SLOW_TRIES" runtime \
  'io/asl4j/runtime/internal/jsonata/*Properties,io/asl4j/runtime/LocalStateMachineProperties'

# jqwik reports each property as "timestamp = ..., Class:method = " followed by "tries = N" (the
# calls of the property) and "checks = N" (the calls not rejected by an assumption): only checks
# checked something, so the total that counts is that of checks.
echo "| property | tries | checks |"
echo "| --- | ---: | ---: |"
for group in dsl fast slow; do
  awk '/^timestamp = .*, [A-Za-z0-9_$]+:[A-Za-z0-9_$]+ = *$/ {
         name = $0; sub(/^timestamp = [^,]*, /, "", name); sub(/ = *$/, "", name) }
       /^tries = [0-9]+/ && name != "" { tries = $3 }
       /^checks = [0-9]+/ && name != "" { print "| " name " | " tries " | " $3 " |"; name = "" }' "$OUT/$group.log"
done
tries=$(cat "$OUT"/{dsl,fast,slow}.log | awk '/^tries = [0-9]+/ { sum += $3 } END { print sum + 0 }')
checks=$(cat "$OUT"/{dsl,fast,slow}.log | awk '/^checks = [0-9]+/ { sum += $3 } END { print sum + 0 }')
failures=$(cat "$OUT"/{dsl,fast,slow}.log | grep -c '<<< FAILURE!' || true)
echo
echo "total tries that checked something: $checks (of $tries tries; $(( tries - checks )) rejected by an assumption)"
echo "failing test classes and methods: $failures"
exit "$status"
