#!/usr/bin/env bash
# A training run for the JVM's AOT cache (JDK 25, Leyden): starts the application with the given command, drives a
# short workload through its API, stops it with SIGTERM, and leaves the cache the JVM writes at exit.
#
# Usage: train-aot-cache.sh <cache file> <command that starts the application...>
#   e.g. train-aot-cache.sh /deployments/app.aot /opt/jboss/container/java/run/run-java.sh      (Dockerfile.jvm)
#        train-aot-cache.sh /tmp/app.aot java -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar
#
# The cache only works on the JDK that made it, so it is made by the JDK that will run it: Dockerfile.jvm runs this
# in a stage on the runtime image. The command gets -XX:AOTCacheOutput through JDK_JAVA_OPTIONS, which the java
# launcher reads, so the command line stays the one used in production.
#
# Workload: with a database (TRAINING_DATABASE_URL, default jdbc:postgresql://localhost:5432/postgres, with
# TRAINING_DATABASE_USERNAME and _PASSWORD, default postgres/postgres; its schema TRAINING_DATABASE_SCHEMA, default
# payments_aot_training, is migrated and kept), it creates a website and a key through a bootstrap token, records new and repeated
# payments, lists them, deletes some, then the website with the rest. Without one, the application still starts, and the cache
# covers start-up and the paths that answer 503: a warning says the cache is weaker for it.
#
# Environment: QUARKUS_HTTP_PORT (default 8080), READY_TIMEOUT seconds (default 60), EXIT_TIMEOUT seconds to stop and
# write the cache after SIGTERM (default 300), PAYMENTS_TRAINING_PAYMENTS (default 300).
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; exit 2; }
cache=$1
shift

readonly TOKEN="dft_training_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export PAYMENTS_BOOTSTRAP_TOKEN=$TOKEN
export QUARKUS_HTTP_PORT=${QUARKUS_HTTP_PORT:-8080}
database=${TRAINING_DATABASE_URL:-jdbc:postgresql://localhost:5432/postgres}
schema=${TRAINING_DATABASE_SCHEMA:-payments_aot_training}
[[ $database == *\?* ]] && separator='&' || separator='?'
export QUARKUS_DATASOURCE_JDBC_URL="$database${separator}currentSchema=$schema"
export QUARKUS_FLYWAY_SCHEMAS=$schema
export QUARKUS_DATASOURCE_USERNAME=${TRAINING_DATABASE_USERNAME:-postgres}
export QUARKUS_DATASOURCE_PASSWORD=${TRAINING_DATABASE_PASSWORD:-postgres}
# Classes only, no method profiles (JEP 515's training data, on by default): replaying them made C2 compile a few
# hundred methods during start-up, which cost more than it saved on 2 vCPUs (bench/RESULTS.md, 2026-12-01).
readonly CLASSES_ONLY="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
export JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:-} -XX:AOTCacheOutput=$cache $CLASSES_ONLY"
READY_TIMEOUT=${READY_TIMEOUT:-60}
EXIT_TIMEOUT=${EXIT_TIMEOUT:-300}
PAYMENTS=${PAYMENTS_TRAINING_PAYMENTS:-300}
base="http://127.0.0.1:$QUARKUS_HTTP_PORT"

log() { echo "train-aot-cache: $*" >&2; }

# A child that has exited stays a zombie until reaped, and kill -0 still succeeds on it: read its state instead
running() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}
die() { log "error: $*"; exit 1; }

# GET or DELETE with the given bearer credential; prints the body
call() {
  curl -fsS --max-time 30 -X "$1" "$base$2" -H "Authorization: Bearer $3"
}
post() {
  curl -fsS --max-time 30 -X POST "$base$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3"
}
status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base$1" || true
}

workload_with_database() {
  local website key i
  website=$(post /api/v1/admin/websites "$TOKEN" "{\"domain\":\"aot-training-$RANDOM.example.com\"}" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
  key=$(post "/api/v1/admin/websites/$website/apikeys" "$TOKEN" '{"name":"training"}' |
    sed -n 's/.*"key":"\(df_[0-9a-f]*\)".*/\1/p')
  [[ -n $key ]] || die "could not create a website key through the bootstrap token"
  for ((i = 0; i < PAYMENTS; i++)); do
    post /api/v1/payments "$key" "{\"amount\":$((i % 90 + 10)).50,\"currency\":\"$([[ $((i % 3)) == 0 ]] && echo EUR || echo USD)\",
      \"transaction_id\":\"training_$((i % (PAYMENTS / 2 + 1)))\",\"customer_email\":\"c$i@example.com\",
      \"datafast_visitor_id\":\"visitor-$i\",\"renewal\":$([[ $((i % 4)) == 0 ]] && echo true || echo false)}" >/dev/null
    if ((i % 20 == 0)); then
      call GET "/api/v1/payments?limit=50" "$key" >/dev/null
      call GET "/api/v1/payments?transaction_id=training_$i" "$key" >/dev/null
    fi
  done
  call DELETE "/api/v1/payments?transaction_id=training_1" "$key" >/dev/null
  call DELETE "/api/v1/payments?datafast_visitor_id=visitor-2" "$key" >/dev/null
  call GET "/api/v1/admin/websites/$website" "$TOKEN" >/dev/null
  call DELETE "/api/v1/admin/websites/$website" "$TOKEN" >/dev/null
}

workload_without_database() {
  log "warning: no database answered within ${READY_TIMEOUT}s: training start-up only (the cache helps less);" \
    "give it a database (TRAINING_DATABASE_URL/_USERNAME/_PASSWORD) for a full training run"
  curl -s -o /dev/null --max-time 30 -X POST "$base/api/v1/payments" -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer df_0000000000000000000000000000000000000000' -d '{"amount":1,"currency":"USD"}' || true
}

"$@" &
app=$!
trap 'kill -KILL "$app" 2>/dev/null || true' EXIT

deadline=$((SECONDS + READY_TIMEOUT))
until [[ $(status /q/health/live) == 200 ]]; do
  kill -0 "$app" 2>/dev/null || die "the application exited before answering"
  ((SECONDS < deadline)) || die "the application did not answer within ${READY_TIMEOUT}s"
  sleep 0.2
done
until [[ $(status /q/health/ready) == 200 ]] || ((SECONDS >= deadline)); do
  sleep 0.2
done
status /q/openapi >/dev/null
if [[ $(status /q/health/ready) == 200 ]]; then
  workload_with_database
  log "workload done: $PAYMENTS payments recorded, listed and deleted"
else
  workload_without_database
fi

kill -TERM "$app"
# The JVM writes the cache as it exits (JDK 25 assembles it in a second JVM, which takes a while)
deadline=$((SECONDS + EXIT_TIMEOUT))
while running "$app"; do
  ((SECONDS < deadline)) || die "the application had not exited ${EXIT_TIMEOUT}s after SIGTERM (EXIT_TIMEOUT)"
  sleep 0.5
done
wait "$app" || true
trap - EXIT
[[ -s $cache ]] || die "the JVM wrote no AOT cache at $cache"
log "AOT cache written: $cache ($(du -h "$cache" | cut -f1))"
