#!/usr/bin/env bash
# Runs CrashRecoveryIT several times in a row against the packaged application and prints each run's summary: the
# jar, or with NATIVE=<path> the native executable; with --disk-writer, while another process writes to the same disk
# (1 GiB files in turn, the whole time of each run). Each run's output and timeline stay in target/reliability/repeat.
#
# Usage: scripts/crash-repeat.sh RUNS [--disk-writer]      (after ./mvnw package, or a native build)
#
# Like CrashRecoveryIT itself it crashes the PostgreSQL cluster serving the tests: run it as root, with nothing else
# using that cluster. About a minute and a half a run on 2 vCPUs.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${1:?usage: scripts/crash-repeat.sh RUNS [--disk-writer]}
writer=${2:-}
native=()
[[ -z ${NATIVE:-} ]] || native=(-Dnative "-Dnative.image.path=$NATIVE")
out=target/reliability/repeat
mkdir -p "$out"

write_disk() {
  local i=0
  while :; do
    dd if=/dev/zero of="$out/disk-writer.$((i % 2))" bs=1M count=1024 status=none
    i=$((i + 1))
  done
}

passed=0
for run in $(seq 1 "$runs"); do
  rm -f target/reliability/crash-test.txt target/reliability/crash-test-timeline.txt
  writer_pid=
  if [[ $writer == --disk-writer ]]; then
    write_disk &
    writer_pid=$!
  fi
  result=FAILED
  if CRASH_TEST=true ./mvnw -B -ntp failsafe:integration-test@crash failsafe:verify@default "${native[@]}" \
      >"$out/run-$run.log" 2>&1; then
    result=passed
    passed=$((passed + 1))
  fi
  if [[ -n $writer_pid ]]; then
    pkill -P "$writer_pid" dd || true
    kill "$writer_pid"
    wait "$writer_pid" 2>/dev/null || true
  fi
  cp target/reliability/crash-test-timeline.txt "$out/run-$run-timeline.txt" 2>/dev/null || true
  echo "run $run: $result; $(tr '\n' ' ' <target/reliability/crash-test.txt 2>/dev/null | tr -s ' ')"
done
rm -f "$out"/disk-writer.*
echo "crash-repeat: $passed of $runs runs passed"
[[ $passed == "$runs" ]]
