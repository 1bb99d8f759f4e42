#!/usr/bin/env bash
# Workshop load with real Vaadin UI sessions (org.iamdojo.bench.UiLoad): packages the production jar, starts it
# on its own port and throw-away data folder with Tomcat's access log (server time per request), runs the
# participants against it, prints the report (also in target/ui-load/) and stops the server.
#   scripts/ui-load.sh [participants=100] [ramp-seconds] [heap=-Xmx1g] [think=min-max seconds, default 1-3]
# UI_LOAD_JFR=1 records a Java Flight Recording of the server (target/ui-load/server-N.jfr);
# UI_LOAD_SKIP_BUILD=1 reuses the jar and test classes already built; UI_LOAD_HEAP_DUMP=1 writes heap dumps
# before and after the participants (target/ui-load/heap-*.hprof) for org.iamdojo.bench.HeapOwners.
# UI_LOAD_BASE_URL=http://127.0.0.1:8000 drives servers started elsewhere (e.g. two nodes behind deploy/haproxy.cfg,
# README "Running several nodes") instead of starting one; it needs UI_LOAD_SERVER_PID (heap and histogram are of
# that process), UI_LOAD_ACCESS_LOG (Tomcat's access log, pattern '%r %s %D'; nodes may append to one file) and
# UI_LOAD_ADMIN_PASSWORD. For several nodes UI_LOAD_SERVER_PID is name=pid,name=pid (the proxy's SERVERID values) and
# UI_LOAD_ACCESS_LOG one log per node in the same order: figures per node (scripts/ui-load-two-nodes.sh does it all).
# Not part of `mvn verify`. Needs /usr/bin/chromium (the instructor's board is a real browser).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
RAMP=${2:-$(( N / 5 > 20 ? N / 5 : 20 ))}
HEAP=${3:--Xmx1g}
THINK=${4:-1-3}
PORT=${UI_LOAD_PORT:-18481}
RUN=$(mktemp -d /tmp/iamdojo-ui-load.XXXXXX)
ADMIN_PASSWORD=${UI_LOAD_ADMIN_PASSWORD:-Bench-Root-Pass-7}

if [ "${UI_LOAD_SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -Pproduction package -DskipTests
  mvn -B -q -o test-compile
fi
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$RUN/cp.txt" >/dev/null

if [ -n "${UI_LOAD_BASE_URL:-}" ]; then
  java -cp "target/test-classes:$(cat "$RUN/cp.txt")" org.iamdojo.bench.UiLoad "$UI_LOAD_BASE_URL" "$N" \
    "${UI_LOAD_SERVER_PID:?the pid of the node to measure}" "${UI_LOAD_ACCESS_LOG:?the access log of the nodes}" \
    "$ADMIN_PASSWORD" "$RAMP" target/ui-load "$THINK"
  exit
fi

JFR=()
if [ "${UI_LOAD_JFR:-}" = 1 ]; then
  mkdir -p target/ui-load
  JFR=("-XX:StartFlightRecording=settings=profile")
fi
IAMDOJO_ADMIN_PASSWORD="$ADMIN_PASSWORD" IAMDOJO_AWS_ENDPOINT_PORT=$(( PORT + 1 )) \
  java "$HEAP" "${JFR[@]}" -jar target/iam-dojo-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --iamdojo.data-dir="$RUN/data" --iamdojo.sign-up.per-address=100000 \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$RUN" \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
  --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.buffered=false \
  --server.tomcat.accesslog.pattern='%r %s %D' > "$RUN/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 180); do
  grep -q "Started Application" "$RUN/server.log" && break
  kill -0 $SERVER 2>/dev/null || { cat "$RUN/server.log"; exit 1; }
  sleep 1
done
java -cp "target/test-classes:$(cat "$RUN/cp.txt")" org.iamdojo.bench.UiLoad "http://localhost:$PORT" "$N" \
  "$SERVER" "$RUN/access.log" "$ADMIN_PASSWORD" "$RAMP" target/ui-load "$THINK"
if [ "${UI_LOAD_JFR:-}" = 1 ]; then
  jcmd $SERVER JFR.dump name=1 filename="$PWD/target/ui-load/server-$N.jfr" >/dev/null
  echo "flight recording: target/ui-load/server-$N.jfr"
fi
echo "server log and access log: $RUN"
