#!/usr/bin/env bash
# Workshop load with real Vaadin UI sessions against two nodes on one PostgreSQL behind HAProxy (issue 20, README
# "Running several nodes"): starts a throw-away PostgreSQL cluster on a loopback port (scripts/postgresql-test-cluster),
# two packaged nodes (the production jar, each with its own port, data folder and Tomcat access log) on one database,
# HAProxy with a copy of deploy/haproxy.cfg (only the ports changed), waits for /healthz on both nodes and the proxy,
# runs scripts/ui-load.sh through the proxy and stops everything. The report (also target/ui-load/report-N.txt) gives
# per node: heap per participant it served, UIDL server time p50/p95, 5xx answers, sessions served and failed.
#   scripts/ui-load-two-nodes.sh [participants=100] [ramp-seconds] [heap per node=-Xmx1g] [think=min-max, default 1-3]
# UI_LOAD_SKIP_BUILD=1 reuses the production jar and test classes already built; UI_LOAD_TWO_NODES_PORT (default
# 18581) is the first of four loopback ports: PostgreSQL, node A, node B, the proxy.
# Other sessions' load runs share the machine: run it as `flock /tmp/iamdojo-bench.lock scripts/ui-load-two-nodes.sh`.
# Not part of `mvn verify`. Needs Debian's postgresql and haproxy (.ci/run installs both) and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
RAMP=${2:-$(( N / 5 > 20 ? N / 5 : 20 ))}
HEAP=${3:--Xmx1g}
THINK=${4:-1-3}
FIRST=${UI_LOAD_TWO_NODES_PORT:-18581}
PG_PORT=$FIRST PORT_A=$(( FIRST + 1 )) PORT_B=$(( FIRST + 2 )) PROXY_PORT=$(( FIRST + 3 ))
ADMIN_PASSWORD=${UI_LOAD_ADMIN_PASSWORD:-Bench-Root-Pass-7}
JAR=target/iam-dojo-0.1.0-SNAPSHOT.jar
HAPROXY=/usr/sbin/haproxy
[ -x "$HAPROXY" ] || { echo "needs $HAPROXY (apt-get install haproxy)" >&2; exit 1; }

if [ "${UI_LOAD_SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -Pproduction package -DskipTests
  mvn -B -q -o test-compile
fi
# A development jar (plain `mvn package`) cannot serve pages outside the project folder.
unzip -p "$JAR" META-INF/VAADIN/config/flow-build-info.json | grep -q '"productionMode" *: *true' \
  || { echo "$JAR is not a production build: run without UI_LOAD_SKIP_BUILD or mvn -Pproduction package" >&2; exit 1; }

RUN=$(mktemp -d /tmp/iamdojo-two-nodes.XXXXXX)
# Its own folder, as in .ci/run: as root the cluster runs as the postgres user, who cannot enter $RUN (mode 700).
PGDIR=$(mktemp -d /tmp/iamdojo-pg.XXXXXX)
PIDS=()
stop_all() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  scripts/postgresql-test-cluster stop "$PGDIR" || true
  echo "logs of the run: $RUN"
}
trap stop_all EXIT

DB_URL=$(scripts/postgresql-test-cluster start "$PGDIR" "$PG_PORT")
echo "PostgreSQL: $DB_URL"

# Both nodes start together on the empty database: the unique username decides which one makes the first admin.
start_node() { # name port
  local dir="$RUN/$1"
  mkdir -p "$dir/data"
  IAMDOJO_DATABASE_URL="$DB_URL" IAMDOJO_DATABASE_USER=iamdojo IAMDOJO_DATABASE_PASSWORD=iamdojo \
  IAMDOJO_ADMIN_PASSWORD="$ADMIN_PASSWORD" IAMDOJO_AWS_ENDPOINT=false \
    java "$HEAP" -jar "$PWD/$JAR" --server.port="$2" --iamdojo.data-dir="$dir/data" \
    --iamdojo.scenarios-dir="$PWD/scenarios" --iamdojo.sign-up.per-address=100000 \
    --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$dir" \
    --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
    --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.buffered=false \
    --server.tomcat.accesslog.pattern='%r %s %D' > "$dir/server.log" 2>&1 &
  PIDS+=($!)
}
start_node node-a "$PORT_A"; PID_A=${PIDS[-1]}
start_node node-b "$PORT_B"; PID_B=${PIDS[-1]}
echo "node-a pid $PID_A port $PORT_A, node-b pid $PID_B port $PORT_B"

wait_healthy() { # what url pid
  for _ in $(seq 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = 200 ] && return 0
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then echo "$1 stopped" >&2; return 1; fi
    sleep 1
  done
  echo "$1 not healthy after 240 s" >&2
  return 1
}
wait_healthy node-a "http://127.0.0.1:$PORT_A/healthz" "$PID_A" || { tail -50 "$RUN/node-a/server.log"; exit 1; }
wait_healthy node-b "http://127.0.0.1:$PORT_B/healthz" "$PID_B" || { tail -50 "$RUN/node-b/server.log"; exit 1; }
grep -h "created account 'admin'\|first admin" "$RUN"/node-*/server.log || true

# The sample proxy config with only its three addresses changed.
sed -e "s/bind 127.0.0.1:8000/bind 127.0.0.1:$PROXY_PORT/" -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/" \
    -e "s/127.0.0.1:8082/127.0.0.1:$PORT_B/" deploy/haproxy.cfg > "$RUN/haproxy.cfg"
for want in "bind 127.0.0.1:$PROXY_PORT" "127.0.0.1:$PORT_A check" "127.0.0.1:$PORT_B check"; do
  grep -q "$want" "$RUN/haproxy.cfg" || { echo "deploy/haproxy.cfg changed: no '$want' after the port edits" >&2; exit 1; }
done
"$HAPROXY" -c -q -f "$RUN/haproxy.cfg"
"$HAPROXY" -db -f "$RUN/haproxy.cfg" > "$RUN/haproxy.log" 2>&1 &
PIDS+=($!)
wait_healthy proxy "http://127.0.0.1:$PROXY_PORT/healthz" "${PIDS[-1]}"
sleep 5 # two health checks (inter 2s, rise 2) so the proxy counts both nodes up

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
UI_LOAD_SKIP_BUILD=1 UI_LOAD_BASE_URL="http://127.0.0.1:$PROXY_PORT" \
  UI_LOAD_SERVER_PID="node-a=$PID_A,node-b=$PID_B" \
  UI_LOAD_ACCESS_LOG="$RUN/node-a/access.log,$RUN/node-b/access.log" UI_LOAD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  scripts/ui-load.sh "$N" "$RAMP" "$HEAP" "$THINK"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The proxy's own count: requests per node, and the browsers it pinned (cookie inserted, "NI" in the cookie flags).
echo "proxy requests per node: $(grep -o 'nodes/node-[ab]' "$RUN/haproxy.log" | sort | uniq -c | tr '\n' ' ')"
echo "proxy cookies inserted per node: $(grep -E 'nodes/node-[ab] .* --NI ' "$RUN/haproxy.log" \
  | grep -o 'nodes/node-[ab]' | sort | uniq -c | tr '\n' ' ')"
