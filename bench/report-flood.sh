#!/usr/bin/env bash
# Does a flood of revenue reports from one key slow down, or refuse, another website's creates? One instance of the
# service; website B has FLOOD_ROWS (200,000) payments since 1950, and FLOOD_CONNECTIONS (40) clients keep asking for
# B's monthly revenue since 1950 in Africa/Monrovia (whose offsets before 1972 are not whole quarter hours: every
# report reads the payments themselves); one refused 429 asks again after FLOOD_PAUSE (0.05) seconds (a hostile
# client would not wait at all; the pause keeps the load generator's own CPU use low). Meanwhile CREATE_CLIENTS (4)
# clients post new payments to website A for DURATION (30) seconds. Prints the creates' p50, p99, slowest and
# statuses, and the reports' statuses.
#
# Usage: bench/report-flood.sh [quarkus-app directory]   (default target/quarkus-app; build it first)
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE (default 127.0.0.1:5432, postgres/postgres, postgres); the
# service uses the schema payments_flood, emptied at each run. REPORTS_JDBC_URL: a standby of that database for the
# reports (PAYMENTS_DATABASE_REPORTS_JDBC_URL; bench/replica-flood.sh makes one).
set -euo pipefail

cd "$(dirname "$0")/.."
APP=${1:-target/quarkus-app}
FLOOD_ROWS=${FLOOD_ROWS:-200000}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-40}
CREATE_CLIENTS=${CREATE_CLIENTS:-4}
DURATION=${DURATION:-30}
FLOOD_PAUSE=${FLOOD_PAUSE:-0.05}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
readonly SCHEMA=payments_flood
readonly TOKEN=dft_bench_0123456789abcdefghijklmnopqrstuvwxyz

log() { echo "flood: $*" >&2; }

psql -q -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
log "starting $APP on port $port"
PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
QUARKUS_FLYWAY_SCHEMAS=$SCHEMA QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
PAYMENTS_BOOTSTRAP_TOKEN=$TOKEN PAYMENTS_RATES_SOURCES=none PAYMENTS_RATES_HISTORY_SOURCE=none \
PAYMENTS_RATE_LIMIT_REQUESTS=6000000 PAYMENTS_DATABASE_REPORTS_JDBC_URL=${REPORTS_JDBC_URL:-} \
  java -jar "$APP/quarkus-run.jar" >/tmp/report-flood-service.log 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$base/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { tail -20 /tmp/report-flood-service.log >&2; exit 1; }
  sleep 0.2
done

api() { curl -fsS -X POST "$base$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['data'][0]['$1'])"; }
site_a=$(api /api/v1/admin/websites '{"domain":"flood-a.example.com"}' | field id)
key_a=$(api "/api/v1/admin/websites/$site_a/apikeys" '{"name":"creates"}' | field key)
site_b=$(api /api/v1/admin/websites '{"domain":"flood-b.example.com"}' | field id)
key_b=$(api "/api/v1/admin/websites/$site_b/apikeys" '{"name":"reports"}' | field key)
log "seeding $FLOOD_ROWS payments of website B since 1950"
psql -q -v ON_ERROR_STOP=1 -v schema="$SCHEMA" -v site="$site_b" -v rows="$FLOOD_ROWS" >/dev/null <<'SQL'
set search_path to :schema;
insert into payment (website_id, transaction_id, amount, currency, visitor_id, customer_id, renewal, refunded,
                     free_trial, occurred_at, reporting_currency, reporting_amount, reporting_rate, rate_date)
select :'site', 'seed_' || g, 29.99, 'USD', 'v' || (g % 50000), 'c' || (g % 40000), g % 10 = 0, false, false, t.at,
       'USD', 29.99, 1, t.at::date
from generate_series(1, :rows) g
     cross join lateral (select timestamptz '1950-01-02' + (now() - timestamptz '1950-01-02') * (g::float8 / :rows)) t(at);
vacuum analyze payment;
SQL

log "$FLOOD_CONNECTIONS clients asking for reports, $CREATE_CLIENTS posting payments, for ${DURATION}s"
PAUSE=$FLOOD_PAUSE BASE=$base KEY_A=$key_a KEY_B=$key_b FLOOD=$FLOOD_CONNECTIONS CREATES=$CREATE_CLIENTS DURATION=$DURATION python3 - <<'PY'
import collections, os, threading, time, urllib.error, urllib.request

base, duration = os.environ["BASE"], float(os.environ["DURATION"])
end = time.monotonic() + duration
report = (base + "/api/v1/revenue?interval=month&timezone=Africa/Monrovia&startAt=1950-01-01T00:00:00Z"
          "&endAt=" + time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
lock = threading.Lock()
statuses = {"create": collections.Counter(), "report": collections.Counter()}
create_ms = []

def call(request):
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as e:
        e.read()
        return e.code

def flood():
    while time.monotonic() < end:
        status = call(urllib.request.Request(report, headers={"Authorization": "Bearer " + os.environ["KEY_B"]}))
        with lock:
            statuses["report"][status] += 1
        if status == 429:
            time.sleep(float(os.environ["PAUSE"]))

def creates(n):
    i = 0
    while time.monotonic() < end:
        i += 1
        body = ('{"amount":29.99,"currency":"USD","transaction_id":"flood_%d_%d_%d"}' % (time.time_ns(), n, i)).encode()
        started = time.monotonic()
        status = call(urllib.request.Request(base + "/api/v1/payments", data=body, method="POST", headers={
            "Authorization": "Bearer " + os.environ["KEY_A"], "Content-Type": "application/json"}))
        with lock:
            create_ms.append((time.monotonic() - started) * 1000)
            statuses["create"][status] += 1

threads = [threading.Thread(target=flood) for _ in range(int(os.environ["FLOOD"]))]
threads += [threading.Thread(target=creates, args=(n,)) for n in range(int(os.environ["CREATES"]))]
for t in threads:
    t.start()
for t in threads:
    t.join()
create_ms.sort()
pick = lambda q: create_ms[min(len(create_ms) - 1, int(len(create_ms) * q))]
print("creates: %d, p50 %.0f ms, p99 %.0f ms, slowest %.0f ms, statuses %s" % (
    len(create_ms), pick(0.5), pick(0.99), create_ms[-1], dict(statuses["create"])))
print("reports: statuses %s" % dict(statuses["report"]))
PY
