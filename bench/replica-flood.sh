#!/usr/bin/env bash
# Do reports read on a standby spare the primary's creates? Makes a primary and an asynchronous streaming standby of
# it (two new clusters of the installed PostgreSQL on PRIMARY_PORT 5452 and STANDBY_PORT 5453, joined by
# pg_basebackup -R, removed at the end), then runs bench/report-flood.sh against the primary RUNS (2) times each way,
# alternately: the reports on the primary, then on the standby (REPORTS_JDBC_URL). Prints each run's figures, and how
# far the standby's replay fell behind the primary meanwhile (pg_stat_replication's replay_lag, sampled twice a second).
#
# Usage: bench/replica-flood.sh [quarkus-app directory]   (as root; default target/quarkus-app; build it first)
# Environment: RUNS, PRIMARY_PORT, STANDBY_PORT, and report-flood.sh's own (FLOOD_ROWS, DURATION, ...).
# On one machine both clusters share its CPUs, so the standby cannot take the reports' work off the primary's machine.
# SEPARATE_CPUS=true models two machines: the primary, the service and the clients on CPU 0 only, the standby on CPU 1
# only (taskset; the same in both ways of running).
set -euo pipefail

cd "$(dirname "$0")/.."
APP=${1:-target/quarkus-app}
RUNS=${RUNS:-2}
PRIMARY_PORT=${PRIMARY_PORT:-5452}
STANDBY_PORT=${STANDBY_PORT:-5453}
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
primary_cpus=() standby_cpus=()
[[ ${SEPARATE_CPUS:-} == true ]] && primary_cpus=(taskset -c 0) standby_cpus=(taskset -c 1)
readonly PRIMARY=bench-replica-primary STANDBY=bench-replica-standby

log() { echo "replica-flood: $*" >&2; }
as_postgres() { (cd / && su postgres -s /bin/sh -c "$1"); }

drop_clusters() {
  for cluster in $STANDBY $PRIMARY; do
    pg_dropcluster --stop "$version" "$cluster" 2>/dev/null || true
  done
}

# trust on this machine's loopback and socket only, replication included
make_cluster() {
  pg_createcluster -p "$2" "$version" "$1" >/dev/null
  printf '%s\n' 'local all all trust' 'local replication all trust' 'host all all 127.0.0.1/32 trust' \
    'host replication all 127.0.0.1/32 trust' >"/etc/postgresql/$version/$1/pg_hba.conf"
}

drop_clusters
trap drop_clusters EXIT
log "making $PRIMARY (port $PRIMARY_PORT) and its asynchronous standby $STANDBY (port $STANDBY_PORT)"
make_cluster $PRIMARY "$PRIMARY_PORT"
${primary_cpus[@]+"${primary_cpus[@]}"} pg_ctlcluster --skip-systemctl-redirect "$version" $PRIMARY start
make_cluster $STANDBY "$STANDBY_PORT"
standby_data=$(pg_lsclusters -h | awk -v name=$STANDBY '$2 == name { print $6 }')
find "$standby_data" -mindepth 1 -delete # the directory itself is postgres's, in a folder of root's
as_postgres "pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $standby_data -R -X stream -c fast"
# a long report is not cancelled by the primary's vacuum removing rows it still reads
echo 'hot_standby_feedback = on' >>"/etc/postgresql/$version/$STANDBY/postgresql.conf"
${standby_cpus[@]+"${standby_cpus[@]}"} pg_ctlcluster --skip-systemctl-redirect "$version" $STANDBY start
as_postgres "psql -q -p $PRIMARY_PORT -c \"alter user postgres password 'postgres'\""

# the largest replay lag while the function runs, in ms (empty when nothing was sampled)
sample_lag() {
  local largest=0 lag
  while :; do
    lag=$(psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atc \
      "select coalesce(round(max(extract(epoch from replay_lag)) * 1000), 0) from pg_stat_replication" 2>/dev/null) ||
      lag=0
    ((lag > largest)) && largest=$lag
    echo "$largest" >"$1"
    sleep 0.5
  done
}

standby_url="jdbc:postgresql://127.0.0.1:$STANDBY_PORT/postgres?currentSchema=payments_flood"
for run in $(seq 1 "$RUNS"); do
  for reports in primary standby; do
    url=""
    [[ $reports == standby ]] && url=$standby_url
    log "run $run, reports on the $reports"
    lag_file=$(mktemp)
    sample_lag "$lag_file" &
    sampler=$!
    figures=$(PGPORT=$PRIMARY_PORT REPORTS_JDBC_URL=$url ${primary_cpus[@]+"${primary_cpus[@]}"} bench/report-flood.sh "$APP")
    kill $sampler
    echo "run $run, reports on the $reports:"
    echo "$figures" | sed 's/^/  /'
    echo "  standby replay lag, the seeding included: at most $(cat "$lag_file") ms"
    rm -f "$lag_file"
  done
done
