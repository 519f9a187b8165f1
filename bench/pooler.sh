#!/usr/bin/env bash
# What running behind PgBouncer in transaction mode costs the create and read paths, and how much of it is pgjdbc's
# prepareThreshold=0 (no server-side prepared statements, which PgBouncer before 1.21 cannot carry across
# transactions): bench/run.sh's phases 2 (POST new payment) and 4 (GET mixed reads), with REVENUE_ROWS=0 SCALE_OUT=0
# STARTUP_RUNS=0, once per setting in each round, in turn (a b c, then c b a, ...), so that drift of the shared
# machine falls on every setting alike:
#   a. direct to PostgreSQL, pgjdbc's default prepareThreshold (5);
#   b. direct, prepareThreshold=0;
#   c. through a private PgBouncer (scripts/pgbouncer.sh, pool_mode = transaction), prepareThreshold=0, and
#      PAYMENTS_DATABASE_DIRECT_JDBC_URL to PostgreSQL.
# Every run uses the database payments_pgbouncer_bench (created if missing, with the role's timeouts and search_path
# that PgBouncer needs) and schema BENCH_SCHEMA (payments_bench). Prints each run's figures and, per round, each setting's ratio to a; the raw
# tables go to target/bench-pooler/. Nothing is appended to bench/RESULTS.md: copy what you keep there.
#
# Usage: bench/pooler.sh    (ROUNDS=2, DURATION=15, WARMUP=30 by default; other bench/run.sh settings pass through)
set -euo pipefail

cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}
export DURATION=${DURATION:-15} WARMUP=${WARMUP:-30}
export REVENUE_ROWS=0 SCALE_OUT=0 STARTUP_RUNS=0 DASHBOARD_RUNS=0
export PGDATABASE=payments_pgbouncer_bench
SCHEMA=${BENCH_SCHEMA:-payments_bench}
OUT=target/bench-pooler
mkdir -p "$OUT"

source scripts/pgbouncer.sh
trap pgbouncer_stop EXIT
pgbouncer_database "$PGDATABASE" "$SCHEMA"
pgbouncer_start "$PWD/target/pgbouncer-bench" "$PGDATABASE"
echo "pooler: $(pgbouncer_admin 'show version') on 127.0.0.1:$PGBOUNCER_PORT" >&2

direct="jdbc:postgresql://127.0.0.1:5432/$PGDATABASE?currentSchema=$SCHEMA"
url_of() {
  case $1 in
    a) echo "$direct" ;;
    b) echo "$direct&prepareThreshold=0" ;;
    c) echo "jdbc:postgresql://127.0.0.1:$PGBOUNCER_PORT/$PGDATABASE?currentSchema=$SCHEMA&prepareThreshold=0" ;;
  esac
}
# "rate p50 p99" of a table row
row() { awk -F'|' -v name="$2" '$2 ~ name { gsub(/ /, ""); print $3, $5, $6; exit }' "$1"; }

declare -A figures
for round in $(seq 1 "$ROUNDS"); do
  order=(a b c)
  ((round % 2 == 0)) && order=(c b a)
  for setting in "${order[@]}"; do
    table=$OUT/run-$round-$setting.txt
    echo "pooler: round $round, setting $setting: $(url_of "$setting")" >&2
    BENCH_JDBC_URL=$(url_of "$setting") BENCH_DIRECT_JDBC_URL=$([[ $setting == c ]] && echo "$direct" || true) \
      RESULTS=$OUT/run-$round-$setting.md bench/run.sh >"$table"
    figures[$round,$setting,create]=$(row "$table" "POST new payment")
    figures[$round,$setting,read]=$(row "$table" "GET mixed reads")
    echo "pooler: round $round $setting: create ${figures[$round,$setting,create]}, read ${figures[$round,$setting,read]} (rate/s p50 p99 ms)" >&2
  done
done
echo "pgbouncer stats: $(pgbouncer_admin 'show stats' | awk -v db="$PGDATABASE" '$1 == db')" >&2

echo "| round | setting | create/s | create p50 / p99 ms | read/s | read p50 / p99 ms | create vs a (rate, p50, p99) | read vs a (rate, p50, p99) |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for setting in a b c; do
    read -r cr c50 c99 <<<"${figures[$round,$setting,create]}"
    read -r rr r50 r99 <<<"${figures[$round,$setting,read]}"
    read -r acr ac50 ac99 <<<"${figures[$round,a,create]}"
    read -r arr ar50 ar99 <<<"${figures[$round,a,read]}"
    ratios=$(awk -v a="$cr" -v b="$acr" -v c="$c50" -v d="$ac50" -v e="$c99" -v f="$ac99" \
                 -v g="$rr" -v h="$arr" -v i="$r50" -v j="$ar50" -v k="$r99" -v l="$ar99" \
      'BEGIN { printf "%.2f, %.2f, %.2f | %.2f, %.2f, %.2f", a/b, c/d, e/f, g/h, i/j, k/l }')
    echo "| $round | $setting | $cr | $c50 / $c99 | $rr | $r50 / $r99 | $ratios |"
  done
done
