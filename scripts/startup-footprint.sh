#!/usr/bin/env bash
# Measures start-up time and memory footprint of the packaged application and prints median figures.
#
# Usage: scripts/startup-footprint.sh [--native] [runs]      (runs: default 5)
#
# Measures target/quarkus-app/quarkus-run.jar (build it with ./mvnw package -DskipTests; APP_JAR names another), or
# with --native the native executable target/*-runner (build it with ./mvnw package -Dnative -DskipTests). The script
# never builds. The AOT cache of JDK 25 is used when JAVA_OPTS names it (-XX:AOTCache=...).
# Each run starts the application in the production profile on a free port (PORT) and records:
#   - wall time from launching the process to the first HTTP 200 from /q/health/ready (polled every 10 ms),
#   - wall time from launching the process to the first 200 of a POST /api/v1/payments sent once it is ready (with
#     a df_ key the unmeasured first run creates, through the bootstrap token the script gives the application),
#   - the start time Quarkus reports in its "started in X.XXXs" log line (plain or JSON logs),
#   - resident memory (VmRSS) right after ready, and again after a warm-up load of WARMUP_REQUESTS requests
#     (4 clients alternating GET /q/health/live and an unauthenticated GET /api/v1/payments, a 401: no data written),
#   - how long the process takes to exit after SIGTERM.
# One unmeasured run comes first, so that a cold page cache right after a build does not skew the figures.
#
# Environment:
#   JAVA_OPTS         JVM options, e.g. '-XX:+UseSerialGC -XX:AOTCache=target/quarkus-app/app.aot' (JVM mode only)
#   APP_JAR           the jar to measure in JVM mode (default target/quarkus-app/quarkus-run.jar)
#   NATIVE_BINARY     native executable to measure with --native (default: the single target/*-runner)
#   READY_TIMEOUT     seconds to wait for readiness before failing (default 60)
#   SHUTDOWN_TIMEOUT  seconds to wait for exit after SIGTERM before failing (default 30)
#   WARMUP_REQUESTS   requests of the warm-up load (default 200)
#   QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD, QUARKUS_FLYWAY_SCHEMAS: the database. When no JDBC URL is
#                     given: the local PostgreSQL, schema payments_bench of database postgres, user/password
#                     postgres/postgres. The schema is created by the application's migrations on the first start
#                     and deliberately left in place, so that later invocations do not measure the migration.
set -euo pipefail

readonly POLL_INTERVAL=0.01
readonly TOKEN=dft_startup_0123456789abcdefghijklmnopqrstuvwxyz
export PAYMENTS_BOOTSTRAP_TOKEN=$TOKEN
READY_TIMEOUT=${READY_TIMEOUT:-60}
SHUTDOWN_TIMEOUT=${SHUTDOWN_TIMEOUT:-30}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-200}
JAVA_OPTS=${JAVA_OPTS:-}

if [[ -z ${QUARKUS_DATASOURCE_JDBC_URL:-} ]]; then
  export QUARKUS_DATASOURCE_JDBC_URL='jdbc:postgresql://localhost:5432/postgres?currentSchema=payments_bench'
  export QUARKUS_FLYWAY_SCHEMAS=payments_bench
fi
export QUARKUS_DATASOURCE_USERNAME=${QUARKUS_DATASOURCE_USERNAME:-postgres}
export QUARKUS_DATASOURCE_PASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-postgres}

app_pid=
work_dir=
key=
launch=()
result=()

die() {
  echo "error: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"
}

# Microseconds on the wall clock, without forking ($EPOCHREALTIME, bash 5). Not strictly monotonic, but a clock
# step during one run is unlikely and the fork of date(1) would add its own noise to the 10 ms polling.
now_us() {
  local t=$EPOCHREALTIME
  echo "${t//[!0-9]/}"
}

# A child that has exited stays a zombie until reaped, and kill -0 still succeeds on it: read its state instead.
process_alive() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Stops the application if it still runs; used by the trap, so that no process outlives the script.
cleanup() {
  if [[ -n $app_pid ]] && process_alive "$app_pid"; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in {1..50}; do
      process_alive "$app_pid" || break
      sleep 0.1
    done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  [[ -n $work_dir ]] && rm -rf "$work_dir"
  return 0
}

# The end of the application's log without stack frames, which would push the cause out of view.
log_excerpt() {
  if [[ -s $1 ]]; then
    echo "---- last lines of the application log (stack frames left out) ----" >&2
    grep -vE '^[[:space:]]+(at |\.\.\. [0-9]+ more)' "$1" | tail -n 15 >&2 || true
    echo "----" >&2
  else
    echo "(the application has logged nothing)" >&2
  fi
}

free_port() {
  local port attempt
  for attempt in {1..50}; do
    port=$((20000 + RANDOM % 40000))
    # Connection refused means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found after $attempt attempts"
}

rss_mib() {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

warm_up() {
  local base=$1 codes=$work_dir/codes client i pid unexpected
  local paths=(/q/health/live /api/v1/payments) args=() clients=()
  for ((i = 0; i < WARMUP_REQUESTS / 4; i++)); do
    args+=(-o /dev/null "$base${paths[i % 2]}")
  done
  for client in 1 2 3 4; do
    curl -s --max-time 60 -w '%{http_code}\n' "${args[@]}" >"$codes.$client" &
    clients+=($!)
  done
  # Not a bare wait: the application is a child too.
  for pid in "${clients[@]}"; do
    wait "$pid" || true
  done
  unexpected=$(cat "$codes".* | grep -cvE '^(200|401)$' || true)
  [[ $unexpected -eq 0 ]] || die "warm-up load: $unexpected responses other than 200/401"
}

# A website and a df_ key for the POSTs of the measured runs, created through the bootstrap token.
create_key() {
  local base=$1 website
  website=$(curl -fsS -X POST "$base/api/v1/admin/websites" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"domain\":\"startup-$RANDOM$RANDOM.example.com\"}" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
  key=$(curl -fsS -X POST "$base/api/v1/admin/websites/$website/apikeys" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"name":"startup"}' | sed -n 's/.*"key":"\(df_[0-9a-f]*\)".*/\1/p')
  [[ -n $key ]] || die "could not create a website key through the bootstrap token"
}

first_post() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST "$1/api/v1/payments" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"amount\":1,\"currency\":\"USD\",\"transaction_id\":\"startup_$(now_us)\"}"
}

# One start/measure/stop cycle, in this shell (not a subshell: the trap must know app_pid).
# Sets result to: ready_ms post_ms quarkus_s rss_start_mib rss_warm_mib shutdown_ms
measure_run() {
  local log=$1 port start ready_at posted_at deadline started rss_start rss_warm stop_at status
  port=$(free_port)
  local base="http://127.0.0.1:$port"

  start=$(now_us)
  PORT=$port "${launch[@]}" >"$log" 2>&1 &
  app_pid=$!

  deadline=$((start + READY_TIMEOUT * 1000000))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/q/health/ready") == 200 ]]; do
    if ! process_alive "$app_pid"; then
      wait "$app_pid" && status=0 || status=$?
      log_excerpt "$log"
      die "the application exited with status $status before becoming ready"
    fi
    if (($(now_us) > deadline)); then
      log_excerpt "$log"
      die "the application was not ready within ${READY_TIMEOUT}s (READY_TIMEOUT), stopping it; /q/health/ready says: $(curl -s --max-time 2 "$base/q/health/ready" || echo 'nothing (no HTTP server yet)')"
    fi
    sleep "$POLL_INTERVAL"
  done
  ready_at=$(now_us)
  [[ -n $key ]] || create_key "$base"
  [[ $(first_post "$base") == 200 ]] || die "the first POST /api/v1/payments did not answer 200"
  posted_at=$(now_us)
  rss_start=$(rss_mib "$app_pid")

  warm_up "$base"
  rss_warm=$(rss_mib "$app_pid")

  # The "started in" line may be written just after the HTTP server answers.
  for _ in {1..100}; do
    started=$(grep -m1 -oE 'started in [0-9.]+s' "$log" || true)
    [[ -n $started ]] && break
    sleep "$POLL_INTERVAL"
  done
  started=${started#started in }
  started=${started%s}

  stop_at=$(now_us)
  kill -TERM "$app_pid"
  deadline=$((stop_at + SHUTDOWN_TIMEOUT * 1000000))
  while process_alive "$app_pid"; do
    if (($(now_us) > deadline)); then
      log_excerpt "$log"
      die "the application did not exit within ${SHUTDOWN_TIMEOUT}s of SIGTERM (SHUTDOWN_TIMEOUT)"
    fi
    sleep "$POLL_INTERVAL"
  done
  local shutdown_ms=$((($(now_us) - stop_at) / 1000))
  wait "$app_pid" || true # exit status 143 after SIGTERM is the JVM's normal one
  app_pid=

  result=("$(((ready_at - start) / 1000))" "$(((posted_at - start) / 1000))" "${started:-n/a}" "$rss_start"
    "$rss_warm" "$shutdown_ms")
}

# Reads numbers (one a line, "n/a" skipped) and prints "median min max", each with the printf format $1.
stats() {
  grep -v '^n/a$' | sort -g | awk -v f="$1" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "n/a n/a n/a"; exit }
      m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf f " " f " " f "\n", m, v[1], v[NR]
    }'
}

print_header() {
  local cpu mem os
  cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true)
  printf '%-16s %s\n' \
    "CPU" "${cpu:-$(uname -m)} x $(nproc)" \
    "memory" "$mem" \
    "OS" "${os:-$(uname -s)}, kernel $(uname -r)" \
    "load average" "$(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work skews the figures)"
  if [[ $mode == jvm ]]; then
    printf '%-16s %s\n' "java" "$("$java" -version 2>&1 | head -n 1)" "JAVA_OPTS" "${JAVA_OPTS:-(none)}"
  fi
  printf '%-16s %s\n' \
    "artifact" "$artifact" \
    "database" "$QUARKUS_DATASOURCE_JDBC_URL" \
    "runs" "$runs measured, after 1 unmeasured run" \
    "warm-up load" "$WARMUP_REQUESTS requests from 4 clients"
}

main() {
  mode=jvm
  runs=5
  while (($#)); do
    case $1 in
      --native) mode=native ;;
      -h | --help) usage; exit 0 ;;
      *)
        [[ $1 =~ ^[1-9][0-9]*$ ]] || die "unexpected argument: $1 (see --help)"
        runs=$1
        ;;
    esac
    shift
  done

  cd "$(dirname "$0")/.."
  if [[ $mode == jvm ]]; then
    artifact=${APP_JAR:-target/quarkus-app/quarkus-run.jar}
    [[ -f $artifact ]] || die "$artifact is missing: build it with ./mvnw package -DskipTests"
    java=${JAVA_HOME:+$JAVA_HOME/bin/}java
    local java_opts=()
    read -r -a java_opts <<<"$JAVA_OPTS"
    launch=("$java" "${java_opts[@]}" -jar "$artifact")
  else
    local candidates=()
    if [[ -n ${NATIVE_BINARY:-} ]]; then
      candidates=("$NATIVE_BINARY")
    else
      shopt -s nullglob
      candidates=(target/*-runner)
    fi
    if ((${#candidates[@]} != 1)) || [[ ! -x ${candidates[0]} ]]; then
      die "no single native executable (found: ${candidates[*]:-none}): build it with ./mvnw package -Dnative -DskipTests, or set NATIVE_BINARY"
    fi
    artifact=${candidates[0]}
    launch=("$artifact")
  fi
  [[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (EPOCHREALTIME)"

  work_dir=$(mktemp -d)
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  print_header
  echo
  echo "unmeasured first run (cold page cache after a build) ..."
  measure_run "$work_dir/warm-up.log"

  local fmt='%-6s %10s %10s %10s %14s %14s %12s\n'
  # shellcheck disable=SC2059 # the format is ours
  printf "$fmt" run ready_ms post_ms quarkus_s rss_start_MiB rss_warm_MiB shutdown_ms
  local results=$work_dir/results i median min max
  for ((i = 1; i <= runs; i++)); do
    measure_run "$work_dir/run-$i.log"
    echo "${result[*]}" >>"$results"
    # shellcheck disable=SC2059
    printf "$fmt" "$i" "${result[@]}"
  done

  echo
  printf '%-24s %8s %8s %8s\n' "" median min max
  local labels=("time to ready (ms)" "time to first POST (ms)" "Quarkus start (s)" "RSS after start (MiB)"
    "RSS after warm-up (MiB)" "shutdown (ms)")
  local formats=(%.0f %.0f %.3f %.1f %.1f %.0f)
  for i in 0 1 2 3 4 5; do
    read -r median min max < <(cut -d' ' -f$((i + 1)) "$results" | stats "${formats[i]}")
    printf '%-24s %8s %8s %8s\n' "${labels[i]}" "$median" "$min" "$max"
  done
}

main "$@"
