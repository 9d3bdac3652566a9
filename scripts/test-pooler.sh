#!/usr/bin/env bash
# npm run test:pooler [session|transaction] [-- vitest options and files]: the end-to-end suite (the
# test/*.e2e.test.ts files that run on each database) on the cluster of `npm run cluster:up`,
# through PgBouncer:
#
#   session mode     127.0.0.1:55436, the fast path on (prepared statements kept per connection)
#   transaction mode 127.0.0.1:55437, DATABASE_FAST_PATH=off (PgBouncer 1.18 cannot keep
#                    prepared statements across transactions)
#
# Both modes when none is named. The test databases are cloned from the run's template on the
# primary directly (TEST_DATABASE_URL); the API servers and test handles reach them through the
# pooler (TEST_POOLER_URL, test/support/databases.ts). PgBouncer is pointed at the node that is
# primary now first (after a failover test it may be the other one). After each mode the script
# prints how many transactions PgBouncer carried for the test databases, so a run that bypassed it
# shows as 0 and fails.
set -uo pipefail
cd "$(dirname "$0")/.."

modes=(session transaction)
case "${1:-}" in
  session | transaction) modes=("$1"); shift ;;
esac
[ "${1:-}" = "--" ] && shift

bash scripts/cluster.sh pooler || exit 1
primary=$(bash scripts/cluster.sh primary-port)
[ -n "$primary" ] || { echo "no primary: npm run cluster:up first" >&2; exit 1; }
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$primary/postgres"
export TEST_TARGETS=postgres
# Test files named among the options run instead of the whole suite (e.g. test/case.e2e.test.ts).
files=$(grep -l testTargets test/*.e2e.test.ts)
for arg in "$@"; do case "$arg" in -*) ;; *) files= ;; esac; done

# Transactions PgBouncer has carried for the suite's databases (hsg_template_…), from its console.
carried() {
  psql -qAt -h 127.0.0.1 -p "$1" -U postgres pgbouncer -c "show stats" 2>/dev/null \
    | awk -F'|' '$1 ~ /^hsg_template_/ { n += $2 } END { print n + 0 }'
}

status=0
for mode in "${modes[@]}"; do
  if [ "$mode" = session ]; then port=55436; fast=on; else port=55437; fast=off; fi
  printf '\n== end-to-end suite through PgBouncer, %s mode (127.0.0.1:%s), DATABASE_FAST_PATH=%s\n' "$mode" "$port" "$fast"
  before=$(carried "$port")
  # TEST_POOLER_MODE: a test handle that prepares statements all the same (the fast side of
  # test/read-paths.e2e.test.ts) is served directly in transaction mode (test/support/databases.ts).
  TEST_POOLER_URL="postgres://postgres@127.0.0.1:$port/postgres" TEST_POOLER_MODE=$mode DATABASE_FAST_PATH=$fast \
    npx vitest run $files "$@"
  rc=$?
  [ "$rc" -ne 0 ] && status=$rc
  through=$(( $(carried "$port") - before ))
  echo "PgBouncer ($mode mode) carried $through transactions for the test databases"
  if [ "$through" -le 0 ]; then echo "the suite did not go through PgBouncer" >&2; status=1; fi
done
exit $status
