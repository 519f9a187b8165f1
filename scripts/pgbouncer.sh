# Sourced (bash) by scripts/pgbouncer-it.sh and bench/pooler.sh: a private PgBouncer in transaction mode in front of
# the PostgreSQL on 127.0.0.1:5432 (postgres/postgres), set up as docs/scaling.md tells a deployment to.
#
#   pgbouncer_database DATABASE SCHEMA
#                                 creates DATABASE if missing and sets the service's statement and
#                                 idle-in-transaction timeouts (application.properties' values) and search_path SCHEMA
#                                 on the role postgres in that database only: PgBouncer 1.18 refuses the startup
#                                 parameters that carry them (options; search_path, which pgjdbc sends for
#                                 currentSchema), so it is told to ignore them
#   pgbouncer_start DIR DATABASE  writes DIR/pgbouncer.ini and DIR/userlist.txt, starts PgBouncer (as user postgres
#                                 when run as root: it refuses root) on 127.0.0.1:$PGBOUNCER_PORT (default: the first
#                                 free port from 16432), which it sets, and waits for its admin console
#   pgbouncer_admin SQL           runs SQL (SHOW ...) on the admin console
#   pgbouncer_stop                stops it (safe to call twice, or before a start)
# The caller's working directory is the repository's root.

_pgb_dir=""

_pgb_psql() { PGPASSWORD=postgres psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

pgbouncer_setting() { sed -n "s/^payments\.database\.$1=//p" src/main/resources/application.properties; }

pgbouncer_database() {
  local database=$1 schema=$2 statement_timeout idle_timeout
  statement_timeout=$(pgbouncer_setting statement-timeout)
  idle_timeout=$(pgbouncer_setting idle-in-transaction-timeout)
  [[ -n $statement_timeout && -n $idle_timeout ]] || { echo "pgbouncer: no timeouts in application.properties" >&2; return 1; }
  _pgb_psql -p 5432 -d postgres -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1 ||
    _pgb_psql -p 5432 -d postgres -c "create database $database"
  _pgb_psql -p 5432 -d postgres <<SQL
alter role postgres in database $database set statement_timeout = '$statement_timeout';
alter role postgres in database $database set idle_in_transaction_session_timeout = '$idle_timeout';
alter role postgres in database $database set search_path = $schema;
SQL
}

pgbouncer_start() {
  local dir=$1 database=$2 port=${PGBOUNCER_PORT:-}
  if [[ -z $port ]]; then
    for port in $(seq 16432 16532); do
      ss -Hltn "sport = :$port" | grep -q . || break
    done
  fi
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "pgbouncer: port $port is taken (set PGBOUNCER_PORT)" >&2
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  echo '"postgres" "postgres"' >"$dir/userlist.txt"
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
$database = host=127.0.0.1 port=5432 dbname=$database

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
admin_users = postgres
pool_mode = transaction
; pgjdbc sends these at start-up and PgBouncer 1.18 refuses them: the timeouts (options) and the schema (search_path,
; from currentSchema) are set on the role in the database instead; extra_float_digits is left at the server's default
ignore_startup_parameters = options,extra_float_digits,search_path
; two or three instances of up to 20 connections each, and the tests' own
max_client_conn = 400
default_pool_size = 40
reserve_pool_size = 10
reserve_pool_timeout = 1
; how long a query waits for a server connection, as the application's own pool waits 5 s for a connection: while
; PostgreSQL is down, queries queued here fail after that and the service answers 503 (the crash test wants answers
; within 12 s; at 10 s here its slowest was 10.6 s)
query_wait_timeout = 5
; back within about a second of PostgreSQL after a crash
server_login_retry = 1
server_connect_timeout = 5
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
  local as_owner=()
  if [[ $(id -u) == 0 ]]; then
    chown -R postgres: "$dir"
    as_owner=(runuser -u postgres --)
  fi
  _pgb_dir=$dir
  PGBOUNCER_PORT=$port
  "${as_owner[@]}" pgbouncer -d "$dir/pgbouncer.ini" || return 1
  local _
  for _ in $(seq 1 50); do
    pgbouncer_admin 'show version' >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "pgbouncer: its admin console does not answer on 127.0.0.1:$port (see $dir/pgbouncer.log)" >&2
  return 1
}

pgbouncer_admin() { _pgb_psql -p "$PGBOUNCER_PORT" -d pgbouncer -tA -F' ' -c "$1"; }

pgbouncer_stop() {
  [[ -n $_pgb_dir && -s $_pgb_dir/pgbouncer.pid ]] || return 0
  local pid _
  pid=$(cat "$_pgb_dir/pgbouncer.pid")
  if kill "$pid" 2>/dev/null; then
    echo "pgbouncer: stopping PgBouncer (pid $pid)" >&2
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
  fi
  _pgb_dir=""
}
