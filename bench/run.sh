#!/usr/bin/env bash
# The benchmark harness: on this machine, in one run, at one concurrency, how close the service's create path comes
# to what PostgreSQL itself can do. Prints every figure and appends them to bench/RESULTS.md.
#
# Usage: bench/run.sh                        (from anywhere; builds the jar first when it is missing)
#
# Phases, each DURATION seconds at CONNECTIONS connections, after WARMUP seconds unmeasured where it matters:
#   1. pgbench: single-row INSERT ... ON CONFLICT DO NOTHING of payment-shaped rows into the service's own payment
#      table (same unique key), prepared statements, one commit each: PostgreSQL's limit for this write;
#   2. wrk: POST /api/v1/payments with a new transaction id each time (successful responses only);
#   3. wrk: POST /api/v1/payments of one stored transaction again and again (the duplicate path);
#   4. wrk: a mixed read load on GET /api/v1/payments, after ANALYZE of the payment table and WARMUP seconds of the
#      same load unmeasured (the warm-up before phase 1 posts payments: without one of their own, reads were measured
#      while C2 still compiled them);
#   4b. wrk: POST /api/v1/payments/batch of BATCH_SIZE new payments each, at BATCH_CONNECTIONS connections (payments
#      per second against the single POSTs of phase 2);
#   4c. GET /api/v1/revenue of a year in daily buckets over REVENUE_ROWS (1,000,000) payments of one website, seeded
#      by SQL (a tenth renewals, a twentieth refunded, a fiftieth free trials): REVENUE_RUNS (10) requests in a row,
#      median and slowest (REVENUE_ROWS=0 leaves it out);
#   4d. the dashboard (/dashboard/) in headless Chromium on the website of 4c, with its key: from the key entered to
#      the totals and chart drawn (last 30 days, daily, as the page opens), and to the list of the latest 50
#      payments, DASHBOARD_RUNS (5) times in a fresh browser context each (bench/dashboard/time-to-chart.mjs),
#      median and slowest (DASHBOARD_RUNS=0 or REVENUE_ROWS=0 leaves it out);
#   5. wrk: phase 2 again over two instances of the service on the same PostgreSQL (half the connections each), to
#      see how the create path scales out (SCALE_OUT=0 leaves it out).
# Then JVM start-up time and memory (scripts/startup-footprint.sh, STARTUP_RUNS runs).
# The service runs with its per-key rate limit on, as deployed (its quota shared by all instances through
# PostgreSQL), with a quota the benchmark's key never spends: RATE_LIMIT_REQUESTS (6000000) per minute.
#
# Environment:
#   CONNECTIONS (32), DURATION (20 s), WARMUP (60 s: on 2 CPUs the JIT compilers compete for them that long),
#   THREADS (wrk and pgbench threads, default: the CPU count),
#   STARTUP_RUNS (3), BUILD=1 to rebuild the jar, RESULTS (bench/RESULTS.md), JAVA_OPTS (passed to the service),
#   RATE_LIMIT_REQUESTS (6000000; 0 turns the rate limit off), SCALE_OUT (1), BATCH_SIZE (100),
#   BATCH_CONNECTIONS (4: a backfill is a few clients sending large requests), REVENUE_ROWS, REVENUE_RUNS,
#   DASHBOARD_RUNS. STARTUP_RUNS=0 leaves the start-up measurement out.
#   BENCH_JDBC_URL: the service's datasource URL instead of PostgreSQL's own (e.g. a pooler's, or with other driver
#   settings such as prepareThreshold=0); BENCH_DIRECT_JDBC_URL: its PAYMENTS_DATABASE_DIRECT_JDBC_URL (bench/pooler.sh
#   compares the service behind PgBouncer with it direct).
#   PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE: the PostgreSQL (default 127.0.0.1:5432, postgres/postgres, database
#   postgres); the service and pgbench both use its schema BENCH_SCHEMA (payments_bench), kept between runs.
# Installs wrk (Debian package) and pgbench (postgresql-client) when missing, and for phase 4d chromium and
# nodejs/npm (Debian packages; Node 20 or later) and playwright-core (npm ci in bench/dashboard); needs root for that.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=$PWD/bench
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-60}
THREADS=${THREADS:-$(nproc)}
STARTUP_RUNS=${STARTUP_RUNS:-3}
RESULTS=${RESULTS:-$BENCH_DIR/RESULTS.md}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
readonly SCHEMA=${BENCH_SCHEMA:-payments_bench}
readonly TOKEN=dft_bench_0123456789abcdefghijklmnopqrstuvwxyz
RATE_LIMIT_REQUESTS=${RATE_LIMIT_REQUESTS:-6000000}
SCALE_OUT=${SCALE_OUT:-1}
BATCH_SIZE=${BATCH_SIZE:-100}
BATCH_CONNECTIONS=${BATCH_CONNECTIONS:-4}
REVENUE_ROWS=${REVENUE_ROWS:-1000000}
REVENUE_RUNS=${REVENUE_RUNS:-10}
DASHBOARD_RUNS=${DASHBOARD_RUNS:-5}

app_pids=()
bases=()
work=$(mktemp -d)
trap 'stop_service; rm -rf "$work"' EXIT

log() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v pgbench >/dev/null || missing+=(postgresql-client)
  command -v curl >/dev/null || missing+=(curl)
  if ((DASHBOARD_RUNS > 0 && REVENUE_ROWS > 0)); then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
  fi
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
  if ((DASHBOARD_RUNS > 0 && REVENUE_ROWS > 0)); then
    (($(node -p 'process.versions.node.split(".")[0]') >= 20)) ||
      die "phase 4d needs Node 20 or later (playwright-core), found $(node --version): install it, or DASHBOARD_RUNS=0"
    log "installing playwright-core (npm ci in bench/dashboard)"
    npm ci --prefix "$BENCH_DIR/dashboard" --no-audit --no-fund --loglevel=error >/dev/null ||
      die "npm ci in bench/dashboard failed"
  fi
}

build() {
  if [[ ${BUILD:-} == 1 || ! -f target/quarkus-app/quarkus-run.jar ]]; then
    log "building the jar (./mvnw package -DskipTests)"
    ./mvnw -B -q -ntp package -DskipTests
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# starts one more instance of the service; the first one's address is $base, every one's is in bases
start_service() {
  local port pid instance=${#app_pids[@]}
  port=$(free_port)
  log "starting instance $((instance + 1)) of the service on port $port"
  PORT=$port \
  QUARKUS_DATASOURCE_JDBC_URL=${BENCH_JDBC_URL:-"jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA"} \
  QUARKUS_FLYWAY_SCHEMAS=$SCHEMA QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
  PAYMENTS_BOOTSTRAP_TOKEN=$TOKEN PAYMENTS_RATES_SOURCES=none PAYMENTS_RATES_HISTORY_SOURCE=none \
  PAYMENTS_RATE_LIMIT_ENABLED=$([[ $RATE_LIMIT_REQUESTS == 0 ]] && echo false || echo true) \
  PAYMENTS_RATE_LIMIT_REQUESTS=$((RATE_LIMIT_REQUESTS > 0 ? RATE_LIMIT_REQUESTS : 1)) PAYMENTS_RATE_LIMIT_PERIOD=60s \
    env ${BENCH_DIRECT_JDBC_URL:+PAYMENTS_DATABASE_DIRECT_JDBC_URL=$BENCH_DIRECT_JDBC_URL} \
    java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$work/service-$instance.log" 2>&1 &
  pid=$!
  app_pids+=("$pid")
  bases+=("http://127.0.0.1:$port")
  base=${bases[0]}
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/service-$instance.log" >&2; die "the service exited"; }
    sleep 0.1
  done
  die "the service was not ready within 60 s"
}

stop_service() {
  local pid
  for pid in "${app_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  app_pids=()
  bases=()
}

api() { # method path [json]
  curl -fsS -X "$1" "$base$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['data'][0]['$1'])"; }

# Sets website, key, tx (a stored transaction) and visitor (its visitor) for the runs.
prepare_website() {
  website=$(api POST /api/v1/admin/websites "{\"domain\":\"bench-$RANDOM$RANDOM.example.com\"}" | json_field id)
  key=$(api POST "/api/v1/admin/websites/$website/apikeys" '{"name":"bench"}' | json_field key)
  tx=bench_stored_$RANDOM$RANDOM
  visitor=v_$tx
  curl -fsS -o /dev/null "$base/api/v1/payments" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"amount\":29.99,\"currency\":\"USD\",\"transaction_id\":\"$tx\",\"datafast_visitor_id\":\"$visitor\"}"
}

# Milliseconds one CPU takes for a fixed task (summing 30 million integers in Python), measured at the end of the run:
# on a shared virtual machine the same CPUs are not equally fast from one hour to the next, so figures of two runs
# compare only together with this.
cpu_reference() {
  python3 -c 'import time; t = time.perf_counter(); sum(range(30_000_000)); print(round((time.perf_counter() - t) * 1000))'
}

# wrk phase: name script seconds [base] [connections] -> sets the global "result" to "rate p50 p99 ok failed"
run_wrk() {
  local out
  out=$(BENCH_DIR=$BENCH_DIR BENCH_KEY=$key BENCH_TX=$tx BENCH_VISITOR=$visitor BENCH_RUN="r$(date +%s%N)" \
        BENCH_BATCH=$BATCH_SIZE \
        wrk -t "$THREADS" -c "${5:-$CONNECTIONS}" -d "${3}s" --timeout 10s -s "$BENCH_DIR/$2" "${4:-$base}") ||
    die "wrk failed: $out"
  result=$(sed -n 's/^RESULT ok=\([0-9]*\) failed=\([0-9]*\) rate=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\)$/\3 \4 \5 \1 \2/p' <<<"$out")
  [[ -n $result ]] || die "no RESULT line from wrk: $out"
  log "$1: $result (rate p50_ms p99_ms ok failed)"
}

# the same wrk phase against every instance at once, the connections split between them: rates and counts add up,
# the latencies given are the highest of the instances' -> sets "result" the same way
run_wrk_everywhere() {
  local instance runs=()
  for instance in "${!bases[@]}"; do
    (run_wrk "$1 (instance $((instance + 1)))" "$2" "$3" "${bases[$instance]}" $((CONNECTIONS / ${#bases[@]})) &&
      echo "$result" >"$work/everywhere-$instance") &
    runs+=($!)
  done
  wait "${runs[@]}"
  result=$(cat "$work"/everywhere-* | awk '{ rate += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; ok += $4;
    failed += $5 } END { printf "%.1f %.2f %.2f %d %d", rate, p50, p99, ok, failed }')
  rm -f "$work"/everywhere-*
  log "$1: $result (rate p50_ms p99_ms ok failed)"
}

# revenue phase: seeds a website with REVENUE_ROWS payments over the last year, then times GET /api/v1/revenue of that
# year in daily buckets -> sets "result" to "median_ms slowest_ms", and site and site_key for phase 4d
run_revenue() {
  local times
  site=$(api POST /api/v1/admin/websites "{\"domain\":\"revenue-$RANDOM$RANDOM.example.com\"}" | json_field id)
  site_key=$(api POST "/api/v1/admin/websites/$site/apikeys" '{"name":"bench"}' | json_field key)
  log "seeding $REVENUE_ROWS payments of one website"
  psql -q -v ON_ERROR_STOP=1 -v schema="$SCHEMA" -v site="$site" -v rows="$REVENUE_ROWS" >/dev/null <<'SQL'
set search_path to :schema;
insert into payment (website_id, transaction_id, amount, currency, visitor_id, customer_id, renewal, refunded,
                     refunded_at, free_trial, occurred_at, reporting_currency, reporting_amount, reporting_rate,
                     rate_date, refunded_amount, refund_amounts, refund_times, refund_keys)
select :'site', 'seed_' || g, 29.99, 'USD', 'v' || (g % 200000), 'c' || (g % 150000), g % 10 = 0, g % 20 = 0,
       r.at, g % 50 = 0, t.at, 'USD', 29.99, 1, t.at::date, case when g % 20 = 0 then 29.99 end,
       case when g % 20 = 0 then array[29.99] else '{}' end, case when g % 20 = 0 then array[r.at] else '{}' end,
       case when g % 20 = 0 then array[''] else '{}' end
from generate_series(1, :rows) g
     cross join lateral (select now() - interval '365 days' * (g::float8 / :rows)) t(at)
     cross join lateral (select case when g % 20 = 0 then t.at + interval '3 days' end) r(at);
vacuum analyze payment; -- as autovacuum does after so many inserts: the sums are index-only
SQL
  local end start
  end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  start=$(date -u -d '365 days ago' +%Y-%m-%dT%H:%M:%SZ)
  times=$(for _ in $(seq 1 "$REVENUE_RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $site_key" \
      "$base/api/v1/revenue?interval=day&startAt=$start&endAt=$end" || die "GET /api/v1/revenue failed"
  done | sort -n)
  result=$(awk '{ v[NR] = $1 * 1000 } END { printf "%.0f %.0f", v[int((NR + 1) / 2)], v[NR] }' <<<"$times")
  log "revenue over $REVENUE_ROWS payments: $result (median_ms slowest_ms)"
}

# dashboard phase, on the website and key of the revenue phase: the dashboard in headless Chromium, from the key
# entered to the totals and chart drawn and to the payments listed -> sets "result" to
# "drawn_median_ms drawn_slowest_ms listed_median_ms"
run_dashboard() {
  local out
  log "timing the dashboard over the same payments ($DASHBOARD_RUNS runs)"
  out=$(CHROMIUM=$(command -v chromium) node "$BENCH_DIR/dashboard/time-to-chart.mjs" "$base" "$site_key" \
        "$DASHBOARD_RUNS" 2>&1) || die "the dashboard timing failed: $out"
  sed '/^RESULT /d; s/^/bench: dashboard /' <<<"$out" >&2
  result=$(sed -n 's/^RESULT drawn_median_ms=\([0-9]*\) drawn_slowest_ms=\([0-9]*\) listed_median_ms=\([0-9]*\) .*$/\1 \2 \3/p' <<<"$out")
  [[ -n $result ]] || die "no RESULT line from the dashboard timing: $out"
  log "dashboard: $result (drawn_median_ms drawn_slowest_ms listed_median_ms)"
}

# pgbench phase -> sets "result" the same way; latency percentiles from its per-transaction log
run_pgbench() {
  local out
  rm -f "$work"/pgb.*
  out=$(cd "$work" && PGOPTIONS="-c search_path=$SCHEMA" pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
        -T "$DURATION" -D "website=$website" -f "$BENCH_DIR/pgbench-insert.sql" -l --log-prefix=pgb 2>&1) ||
    die "pgbench failed: $out"
  local rate
  rate=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' <<<"$out")
  [[ -n $rate ]] || die "no tps line from pgbench: $out"
  # log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
  result="$(printf %.1f "$rate") $(cat "$work"/pgb.* | awk '{ print $3 }' | sort -n | awk '
    { v[NR] = $1 } END { printf "%.2f %.2f %d 0", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000, NR }')"
  log "pgbench: $result (rate p50_ms p99_ms ok failed)"
}

main() {
  install_tools
  build
  psql -q -c "create schema if not exists $SCHEMA" >/dev/null
  start_service
  # every run starts from an empty payment table, so that figures of successive runs compare
  psql -q -c "truncate $SCHEMA.payment" >/dev/null
  prepare_website
  log "warming up for ${WARMUP}s"
  run_wrk warmup wrk-create.lua "$WARMUP"
  run_pgbench; local pg=($result)
  run_wrk create wrk-create.lua "$DURATION"; local create=($result)
  run_wrk duplicate wrk-duplicate.lua "$DURATION"; local duplicate=($result)
  # statistics as autovacuum would have them after so many inserts (it may be off, as on CI machines): from a run
  # before, the new website looks empty to the planner, which then scans its every row for one transaction id
  psql -q -c "analyze $SCHEMA.payment" >/dev/null
  log "warming up reads for ${WARMUP}s"
  run_wrk warmup wrk-read.lua "$WARMUP"
  run_wrk read wrk-read.lua "$DURATION"; local read=($result)
  run_wrk batch wrk-batch.lua "$DURATION" "$base" "$BATCH_CONNECTIONS"; local batch=($result)
  local batch_payments ratio_batch
  batch_payments=$(awk -v r="${batch[0]}" -v n="$BATCH_SIZE" 'BEGIN { printf "%.1f", r * n }')
  ratio_batch=$(awk -v a="$batch_payments" -v b="${pg[0]}" 'BEGIN { printf "%.2f", a / b }')
  local revenue_line=
  if ((REVENUE_ROWS > 0)); then
    run_revenue
    local revenue=($result)
    revenue_line="GET /api/v1/revenue, a year in daily buckets over $REVENUE_ROWS payments of one website: median \
${revenue[0]} ms, slowest ${revenue[1]} ms of $REVENUE_RUNS."
  fi
  local dashboard_line=
  if ((REVENUE_ROWS > 0 && DASHBOARD_RUNS > 0)); then
    run_dashboard
    local dashboard=($result)
    dashboard_line="Dashboard, key entered to totals and chart drawn over the same $(sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' \
<<<"$REVENUE_ROWS") payments (last 30 days, daily): median ${dashboard[0]} ms, slowest ${dashboard[1]} ms of \
$DASHBOARD_RUNS (the list of 50 payments: median ${dashboard[2]} ms)."
  fi
  local scaled=()
  if [[ $SCALE_OUT == 1 ]]; then
    start_service
    log "warming up the second instance for ${WARMUP}s"
    run_wrk warmup wrk-create.lua "$WARMUP" "${bases[1]}"
    run_wrk_everywhere "create, 2 instances" wrk-create.lua "$DURATION"; scaled=($result)
  fi
  stop_service
  local startup=
  if ((STARTUP_RUNS > 0)); then
    log "measuring start-up ($STARTUP_RUNS runs)"
    startup=$(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
              QUARKUS_FLYWAY_SCHEMAS=$SCHEMA PAYMENTS_RATES_SOURCES=none PAYMENTS_RATES_HISTORY_SOURCE=none \
              scripts/startup-footprint.sh "$STARTUP_RUNS")
  fi
  local ready_ms rss_mib
  ready_ms=$(awk '$1 == "time" && $2 == "to" && $3 == "ready" { print $(NF - 2) }' <<<"$startup")
  rss_mib=$(awk '$1 == "RSS" && $3 == "start" { print $(NF - 2) }' <<<"$startup")

  local ratio_create ratio_duplicate ratio_scaled scaled_row=
  if ((${#scaled[@]})); then
    ratio_scaled=$(awk -v a="${scaled[0]}" -v b="${pg[0]}" 'BEGIN { printf "%.2f", a / b }')
    scaled_row="| POST new payment, 2 instances | ${scaled[0]} | $ratio_scaled | ${scaled[1]} | ${scaled[2]} | ${scaled[3]} | ${scaled[4]} |"
  fi
  ratio_create=$(awk -v a="${create[0]}" -v b="${pg[0]}" 'BEGIN { printf "%.2f", a / b }')
  ratio_duplicate=$(awk -v a="${duplicate[0]}" -v b="${pg[0]}" 'BEGIN { printf "%.2f", a / b }')
  local commit machine when table
  commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+uncommitted')"
  machine="$(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), \
$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1), \
PostgreSQL $(psql -tAc 'show server_version'), CPU reference $(cpu_reference) ms"
  when=$(date -u +%Y-%m-%dT%H:%MZ)
  table=$(cat <<TABLE
| phase | successful/s | vs pgbench | p50 ms | p99 ms | ok | failed |
|---|---|---|---|---|---|---|
| pgbench INSERT ... ON CONFLICT | ${pg[0]} | 1.00 | ${pg[1]} | ${pg[2]} | ${pg[3]} | ${pg[4]} |
| POST new payment | ${create[0]} | $ratio_create | ${create[1]} | ${create[2]} | ${create[3]} | ${create[4]} |
| POST duplicate | ${duplicate[0]} | $ratio_duplicate | ${duplicate[1]} | ${duplicate[2]} | ${duplicate[3]} | ${duplicate[4]} |
| GET mixed reads | ${read[0]} | | ${read[1]} | ${read[2]} | ${read[3]} | ${read[4]} |
| POST batch of $BATCH_SIZE new payments, $BATCH_CONNECTIONS connections (payments/s; requests: ${batch[0]}/s) | $batch_payments | $ratio_batch | ${batch[1]} | ${batch[2]} | ${batch[3]} | ${batch[4]} |
$scaled_row

JVM start to ready (median of $STARTUP_RUNS): ${ready_ms:-?} ms; resident memory after start: ${rss_mib:-?} MiB.
$revenue_line
$dashboard_line
TABLE
)
  echo
  echo "$table"
  {
    echo
    echo "## $when, commit $commit${BENCH_NOTE:+: $BENCH_NOTE}"
    echo
    echo "$machine; $CONNECTIONS connections, ${DURATION}s per phase, $THREADS client threads, JAVA_OPTS=${JAVA_OPTS:-none}, rate limit $RATE_LIMIT_REQUESTS/min per key."
    echo
    echo "$table"
  } >>"$RESULTS"
  log "appended to $RESULTS"
}

main "$@"
