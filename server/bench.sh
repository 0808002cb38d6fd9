#!/usr/bin/env bash
# The server's benchmark (issue 20): in one run, from the AWS SDK for Java v2 over keep-alive
# loopback, the same server stack answering a trivial operation (the HTTP limit), StartSyncExecution
# of pass-chain-10 and StartExecution + DescribeExecution of order-processing; then 10,000 executions
# parked on activity task tokens through the API (heap, threads) and answered. Prints Markdown.
#
#   server/bench.sh                          # 5 s per point in 3 alternating rounds, 4 client threads, 10,000 parked
#   SECONDS_PER_POINT=10 ROUNDS=5 THREADS=8 PARKED=20000 server/bench.sh
#
# Environment: SHARED (default ../shared beside the repo), MVN_ARGS (e.g. -o), JAVA_OPTS (default -Xmx1g:
# the goal is 10,000 parked executions in 1 GiB), SKIP_BUILD=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
cd "$ROOT"
CP_FILE="$ROOT/server/target/bench.classpath"
if [[ -z "${SKIP_BUILD:-}" || ! -f "$CP_FILE" ]]; then
  # One reactor run: the sibling modules resolve to their target/classes.
  mvn -B -q ${MVN_ARGS:-} -pl server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
fi
CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$ROOT/runtime/target/classes:$ROOT/dsl/target/classes:$(cat "$CP_FILE")"
exec java ${JAVA_OPTS:--Xmx1g} -cp "$CP" io.asl4j.server.bench.ServerBenchmark "$SHARED/bench/workloads"
