#!/usr/bin/env bash
# npm run cluster:up / cluster:down: a PostgreSQL 15 cluster on this machine, from Debian's
# packages (postgresql-15-auto-failover, pgbouncer), under .data/cluster/ (git-ignored):
#
#   monitor   127.0.0.1:55432  pg_auto_failover's monitor (formation "default")
#   node1     127.0.0.1:55433  first primary
#   node2     127.0.0.1:55434  synchronous secondary (a failover candidate)
#   replica   127.0.0.1:55435  asynchronous streaming replica for reads (candidate priority 0,
#                              replication quorum off: never promoted, never waited for)
#   pgbouncer 127.0.0.1:55436  session mode, 127.0.0.1:55437 transaction mode, both to the node
#                              that is primary when they start (PgBouncer 1.18 does not follow a
#                              failover: `up` or `pooler` points them at the primary again; see
#                              docs/deploy.md). Any database name is passed through (`*`), so the
#                              test suite's own databases are reached by their names.
#
# `up` is idempotent (a node already made is only started); `down` stops everything and removes
# the folder. pg_autoctl refuses to run as root: as root, it runs as the postgres OS user.
# Database "hsg", user postgres, trust authentication on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR="$ROOT/.data/cluster"
PGBIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
MONITOR_PORT=55432
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"

AS_PG=()
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

need() {
  command -v pg_autoctl >/dev/null 2>&1 || {
    echo "pg_autoctl is not installed: apt-get update && apt-get install -y postgresql-15-auto-failover pgbouncer" >&2
    exit 1
  }
  command -v pgbouncer >/dev/null 2>&1 || { echo "pgbouncer is not installed: apt-get install -y pgbouncer" >&2; exit 1; }
}

# Starts `pg_autoctl run` for a node folder unless it runs already.
run_node() {
  local name=$1
  if [ -f "$DIR/$name.pid" ] && kill -0 "$(cat "$DIR/$name.pid")" 2>/dev/null; then return; fi
  # The XDG folders keep pg_autoctl's own state files beside the node, not in postgres's home.
  # A session of its own per node: its process group is the node's "machine" (test/cluster/ kills it).
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$DIR/$name.pid" \
    "${AS_PG[@]}" env XDG_CONFIG_HOME="$DIR/xdg/$name/config" XDG_DATA_HOME="$DIR/xdg/$name/data" \
    pg_autoctl run --pgdata "$DIR/$name" </dev/null >"$DIR/$name.log" 2>&1 &
  for _ in $(seq 1 20); do [ -s "$DIR/$name.pid" ] && break; sleep 0.1; done
}

create_node() {
  local name=$1 port=$2; shift 2
  if [ ! -f "$DIR/$name/PG_VERSION" ]; then
    as_pg env XDG_CONFIG_HOME="$DIR/xdg/$name/config" XDG_DATA_HOME="$DIR/xdg/$name/data" \
      pg_autoctl create postgres --pgdata "$DIR/$name" --pgport "$port" --pgctl "$PGBIN/pg_ctl" \
      --hostname 127.0.0.1 --name "$name" --dbname hsg --auth trust --no-ssl \
      --monitor "$MONITOR_URI" "$@" >>"$DIR/$name.create.log" 2>&1 \
      || { echo "creating $name failed; see $DIR/$name.create.log" >&2; tail -20 "$DIR/$name.create.log" >&2; exit 1; }
  fi
  run_node "$name"
}

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 120); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "timed out waiting for $what" >&2
  # What each node said last, so a failed start can be read from CI's output (cluster:down removes $DIR).
  for log in "$DIR"/*.log; do
    [ -f "$log" ] || continue
    echo "--- $(basename "$log") (last 15 lines)" >&2
    tail -15 "$log" >&2
  done
  exit 1
}

state() {
  psql -qAt "$MONITOR_URI" -c "select string_agg(nodename || '=' || reportedstate, ' ' order by nodeid) from pgautofailover.node" 2>/dev/null
}

pgbouncer_conf() {
  local mode=$1 port=$2 port_primary
  port_primary=$(primary_port)
  [ -n "$port_primary" ] || { echo "no primary to point PgBouncer at" >&2; exit 1; }
  cat >"$DIR/pgbouncer-$mode.ini" <<EOF
[databases]
hsg = host=127.0.0.1 port=$port_primary dbname=hsg user=postgres
* = host=127.0.0.1 port=$port_primary user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $DIR/pgbouncer-users.txt
admin_users = postgres
pool_mode = $mode
max_client_conn = 400
default_pool_size = 40
server_login_retry = 1
ignore_startup_parameters = extra_float_digits,options
logfile = $DIR/pgbouncer-$mode.log
pidfile = $DIR/pgbouncer-$mode.pid
EOF
}

up() {
  need
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  if [ ! -f "$DIR/monitor/PG_VERSION" ]; then
    as_pg env XDG_CONFIG_HOME="$DIR/xdg/monitor/config" XDG_DATA_HOME="$DIR/xdg/monitor/data" \
      pg_autoctl create monitor --pgdata "$DIR/monitor" --pgport "$MONITOR_PORT" --pgctl "$PGBIN/pg_ctl" \
      --hostname 127.0.0.1 --auth trust --no-ssl >>"$DIR/monitor.create.log" 2>&1 \
      || { echo "creating the monitor failed; see $DIR/monitor.create.log" >&2; tail -20 "$DIR/monitor.create.log" >&2; exit 1; }
  fi
  run_node monitor
  wait_for "the monitor" "psql -qAt '$MONITOR_URI' -c 'select 1'"
  # Failure detection in seconds rather than the default half-minute: a check a second, a node
  # unhealthy after 3 s without one, and a primary that stopped reporting given 5 s (not 30) to
  # demote itself before its secondary is promoted (one machine: no network partition to ride out;
  # across machines, keep the defaults: docs/deploy.md).
  psql -qAt "postgres://postgres@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable" \
    -c "alter system set pgautofailover.health_check_period = 1000" \
    -c "alter system set pgautofailover.health_check_retry_delay = 500" \
    -c "alter system set pgautofailover.health_check_max_retries = 1" \
    -c "alter system set pgautofailover.health_check_timeout = 1000" \
    -c "alter system set pgautofailover.node_considered_unhealthy_timeout = 3000" \
    -c "alter system set pgautofailover.primary_demote_timeout = 5000" \
    -c "select pg_reload_conf()" >/dev/null
  # After a failover node1 may come back as the secondary and node2 be the primary: either will do.
  create_node node1 55433
  wait_for "node1" "state | grep -q 'node1=\(single\|primary\|wait_primary\|secondary\)'"
  create_node node2 55434
  wait_for "node2" "state | grep -q 'node2=\(primary\|secondary\)'"
  create_node replica 55435 --candidate-priority 0 --replication-quorum false
  wait_for "the read replica" "state | grep -q 'replica=secondary'"
  wait_for "a primary and its synchronous secondary" "state | grep -q 'node[12]=primary' && state | grep -q 'node[12]=secondary'"
  # Synchronous commit to the secondary: an acknowledged write is on two servers.
  as_pg env XDG_CONFIG_HOME="$DIR/xdg/monitor/config" XDG_DATA_HOME="$DIR/xdg/monitor/data" \
    pg_autoctl set formation number-sync-standbys 1 --pgdata "$DIR/node1" >/dev/null 2>&1 || true
  pooler
  echo "cluster up: $(state)"
  echo "DATABASE_URL=$(uri)"
  echo "READ_DATABASE_URL=postgres://postgres@127.0.0.1:55435/hsg"
}

# PgBouncer in both modes, pointed at the node that is primary now (started, or told to reread its
# configuration when it runs: a database whose address changed gets new server connections).
pooler() {
  printf '"postgres" ""\n' >"$DIR/pgbouncer-users.txt"
  for mode in session transaction; do
    port=55436; [ "$mode" = transaction ] && port=55437
    pgbouncer_conf "$mode" "$port"
    if [ -f "$DIR/pgbouncer-$mode.pid" ] && kill -0 "$(cat "$DIR/pgbouncer-$mode.pid")" 2>/dev/null; then
      kill -HUP "$(cat "$DIR/pgbouncer-$mode.pid")" # running: reread its configuration
    else
      chown -R postgres:postgres "$DIR"/pgbouncer-* 2>/dev/null || true
      as_pg pgbouncer -d "$DIR/pgbouncer-$mode.ini"
    fi
  done
}

# The node the monitor wants primary and that says it is. reportedstate alone is not enough: a killed
# primary keeps its last report ('primary') until it runs again, while its goal is already
# draining or demoted, and it has the lower node id.
primary_port() {
  psql -qAt "$MONITOR_URI" -c "select nodeport from pgautofailover.node where reportedstate in ('primary', 'single', 'wait_primary') and goalstate = reportedstate order by nodeid limit 1"
}

uri() {
  echo "postgres://postgres@127.0.0.1:55433,127.0.0.1:55434/hsg?target_session_attrs=read-write"
}

down() {
  [ -d "$DIR" ] || { echo "no cluster"; return; }
  for mode in session transaction; do
    if [ -f "$DIR/pgbouncer-$mode.pid" ]; then kill "$(cat "$DIR/pgbouncer-$mode.pid")" 2>/dev/null || true; fi
  done
  for name in replica node2 node1 monitor; do
    if [ -d "$DIR/$name" ]; then
      as_pg env XDG_CONFIG_HOME="$DIR/xdg/$name/config" XDG_DATA_HOME="$DIR/xdg/$name/data" \
        pg_autoctl stop --pgdata "$DIR/$name" >/dev/null 2>&1 || true
    fi
    if [ -f "$DIR/$name.pid" ]; then
      pid=$(cat "$DIR/$name.pid")
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    # A postmaster left behind (pg_autoctl killed, or a test's SIGKILL of its parent) is stopped by its folder.
    if [ -f "$DIR/$name/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$DIR/$name" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$DIR"
  echo "cluster down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  state) state ;;
  uri) uri ;;
  primary-port) primary_port ;;
  pooler) pooler ;;
  *) echo "usage: $0 up|down|state|uri|primary-port|pooler" >&2; exit 2 ;;
esac
