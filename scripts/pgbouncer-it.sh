#!/usr/bin/env bash
# Runs integration suites against the packaged jar with its datasource behind a private PgBouncer in transaction
# mode, set up as docs/scaling.md tells a deployment to (issue 34): the ITs that between them call every route of the
# OpenAPI document, the two-instance checks (MultiInstanceIT) and, with CRASH_TEST=true, the crash test
# (CrashRecoveryIT crashes and restarts the PostgreSQL cluster behind PgBouncer).
#
# Usage: scripts/pgbouncer-it.sh    (from anywhere, after ./mvnw verify or ./mvnw package has built the jar)
#
# What it does:
#  - writes target/pgbouncer/pgbouncer.ini (pool_mode = transaction, ignore_startup_parameters = options and
#    extra_float_digits and search_path, which pgjdbc sends and PgBouncer 1.18 refuses) and a userlist for postgres/postgres, and
#    starts PgBouncer (as user postgres when run as root: it refuses to run as root) on 127.0.0.1:PGBOUNCER_PORT, in
#    front of PostgreSQL on 127.0.0.1:5432;
#  - creates the database payments_pgbouncer if missing (kept between runs; its schema payments_test is emptied at
#    the start of each suite) and sets the statement and idle-in-transaction timeouts (the values
#    application.properties gives) and the search_path on the role in that database only (ALTER ROLE postgres IN
#    DATABASE payments_pgbouncer SET ...): PgBouncer 1.18 ignores the startup parameters that carry them;
#  - runs the suites through failsafe on the jar already built: the application and the tests' own connections get
#    the pooler's URL (prepareThreshold=0: PgBouncer < 1.21 has no prepared statements across transactions), and
#    PAYMENTS_DATABASE_DIRECT_JDBC_URL goes to PostgreSQL itself (LISTEN, job locks, the crash test's cluster);
#  - fails unless PgBouncer's admin console (SHOW STATS) counts the suites' transactions, unless every selected class
#    has a report with tests and none skipped, or if a log of the application has an ERROR line;
#  - stops PgBouncer at the end, whatever the outcome.
# Reports go to target/failsafe-reports-pgbouncer; target/failsafe-reports is left as it was found (CI counts it).
#
# Environment:
#   PGBOUNCER_PORT   the port PgBouncer listens on (default: the first free one from 16432)
#   CRASH_TEST       true: also run CrashRecoveryIT (it crashes the local PostgreSQL on 5432)
#   MAVEN_ARGS       passed to Maven as usual
set -euo pipefail

cd "$(dirname "$0")/.."
log() { echo "pgbouncer-it: $*"; }
die() { echo "pgbouncer-it: ERROR: $*" >&2; exit 1; }

command -v pgbouncer >/dev/null || die "pgbouncer is not installed (Debian: apt-get install pgbouncer)"
grep -q '^type=jar' target/quarkus-artifact.properties 2>/dev/null ||
  die "no packaged jar (target/quarkus-artifact.properties): run ./mvnw package or ./mvnw verify first"

DIR=$PWD/target/pgbouncer
REPORTS=target/failsafe-reports-pgbouncer
DATABASE=payments_pgbouncer
SCHEMA=payments_test

# the suites: the contract-tagged ITs, plus the ITs of the routes they leave out (revenue, webhooks, a website's
# integrations, their deliveries and the Stripe import), the two instances, and the crash test when asked for
contract=$(grep -rl --include='*IT.java' '@Tag("contract")' src/test/java | xargs -n1 basename | sed 's/\.java$//' | sort)
suites=($contract RevenueIT IntegrationsIT DeliveriesListIT StripeWebhooksIT StripeImportIT MultiInstanceIT)
executions=(failsafe:integration-test@default)
if [[ ${CRASH_TEST:-} == true ]]; then
  suites+=(CrashRecoveryIT)
  executions+=(failsafe:integration-test@crash)
fi

# --- the database, the role's timeouts in it, PgBouncer -----------------------------
source scripts/pgbouncer.sh
restore_reports() {
  if [[ -d target/failsafe-reports-before-pgbouncer ]]; then
    rm -rf target/failsafe-reports
    mv target/failsafe-reports-before-pgbouncer target/failsafe-reports
  fi
}
follower=""
cleanup() {
  [[ -z $follower ]] || kill "$follower" 2>/dev/null || true
  pgbouncer_stop
  restore_reports
}
trap cleanup EXIT

pgbouncer_database "$DATABASE" "$SCHEMA"
statement_timeout=$(pgbouncer_setting statement-timeout)
pgbouncer_start "$DIR" "$DATABASE"
log "$(pgbouncer_admin 'show version') on 127.0.0.1:$PGBOUNCER_PORT (pool_mode transaction), log $DIR/pgbouncer.log"
PGPASSWORD=postgres psql -X -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U postgres -d "$DATABASE" -tAc 'show statement_timeout' |
  grep -qx "$statement_timeout" || die "a connection through PgBouncer does not get statement_timeout=$statement_timeout"

# --- the suites ------------------------------------------------------------------
export _TEST_QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGBOUNCER_PORT/$DATABASE?currentSchema=$SCHEMA&prepareThreshold=0"
export _TEST_QUARKUS_FLYWAY_SCHEMAS=$SCHEMA
export PAYMENTS_DATABASE_DIRECT_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE?currentSchema=$SCHEMA"
rm -rf target/failsafe-reports-before-pgbouncer "$REPORTS"
[[ -d target/failsafe-reports ]] && mv target/failsafe-reports target/failsafe-reports-before-pgbouncer
rm -f target/quarkus.log target/instance-*.log
# each start of the application by the tests rewrites target/quarkus.log: follow it to keep every start's lines
touch target/quarkus.log
tail -F -n +1 target/quarkus.log >"$DIR/app-quarkus.log" 2>/dev/null &
follower=$!
log "running ${#suites[@]} suites through PgBouncer: ${suites[*]}"
start=$(date +%s)
status=0
it_test=$(IFS=,; echo "${suites[*]}")
./mvnw "${executions[@]}" failsafe:verify@default -Dit.test="$it_test" -Dfailsafe.failIfNoSpecifiedTests=false ||
  status=$?
log "the suites took $(($(date +%s) - start)) s (Maven exit status $status)"
[[ -d target/failsafe-reports ]] && mv target/failsafe-reports "$REPORTS"
sleep 1
kill "$follower"
follower=""
for log_file in target/instance-*.log; do
  [[ -f $log_file ]] && cp "$log_file" "$DIR/app-$(basename "$log_file")"
done

# --- was PgBouncer in the path? ------------------------------------------------
stats=$(pgbouncer_admin 'show stats' | awk -v db="$DATABASE" '$1 == db')
log "PgBouncer's stats for $DATABASE (database, transactions, queries, ...): $stats"
transactions=$(awk '{ print $2 }' <<<"$stats")
[[ ${transactions:-0} -ge 1000 ]] ||
  die "PgBouncer served ${transactions:-no} transactions for $DATABASE: the suites did not go through it"

# --- every suite ran, none skipped; no ERROR in the application's logs -------------
problems=0
for suite in "${suites[@]}"; do
  report=$(find "$REPORTS" -name "TEST-*.$suite.xml" 2>/dev/null | head -n 1)
  if [[ -z $report ]]; then
    echo "pgbouncer-it: no report for $suite" >&2; problems=1; continue
  fi
  header=$(grep -m1 -o '<testsuite [^>]*>' "$report")
  tests=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$header")
  skipped=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$header")
  if [[ ${tests:-0} -eq 0 || ${skipped:-0} -ne 0 ]]; then
    echo "pgbouncer-it: $suite ran ${tests:-0} tests, ${skipped:-?} skipped" >&2; problems=1
  fi
done
# every ERROR entry (with the lines that continue it), except those Quarkus marks as logged once the application was
# stopping ("[Error Occurred After Shutdown]": an instance a test stops while it still loads exchange rates logs its
# closed pool so)
error_entries() {
  awk -v marker='Error Occurred After Shutdown' '
    function flush() { if (entry != "" && index(entry, marker) == 0) print entry; entry = "" }
    /^[0-9{]/ { flush() }
    /^[0-9][0-9:,]* ERROR |"level":"ERROR"/ { entry = FILENAME ": " $0; next }
    entry != "" { entry = entry "\n" $0 }
    ENDFILE { flush() }
    END { flush() }' "$@"
}
stopping=$(grep -h -c 'Error Occurred After Shutdown' "$DIR"/app-*.log | awk '{ n += $1 } END { print n + 0 }')
[[ $stopping == 0 ]] || log "$stopping lines of ERROR entries logged while the application was stopping: not counted"
if [[ -n $(error_entries "$DIR"/app-*.log) ]]; then
  echo "pgbouncer-it: ERROR entries in the application's logs:" >&2
  error_entries "$DIR"/app-*.log | head -n 40 >&2
  problems=1
fi
[[ $status -eq 0 && $problems -eq 0 ]] || die "failed (reports in $REPORTS, logs in $DIR)"
log "passed: ${#suites[@]} suites through PgBouncer, every one with tests and none skipped, no ERROR logged"
