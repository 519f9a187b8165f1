#!/usr/bin/env bash
# Runs FailoverIT several times in a row against the packaged application and prints each run's summaries (the
# synchronous standby's, then the asynchronous one's) and how long the run took: the jar, or with NATIVE=<path> the
# native executable. Each run's output, summaries and timelines stay in target/reliability/failover-repeat.
#
# Usage: scripts/failover-repeat.sh RUNS      (after ./mvnw package, or a native build)
#
# Like FailoverIT itself it makes and drops two PostgreSQL clusters of its own (payments-failover-primary and
# -standby, on free ports): run it as root. The cluster the other tests use is not touched.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${1:?usage: scripts/failover-repeat.sh RUNS}
native=()
[[ -z ${NATIVE:-} ]] || native=(-Dnative "-Dnative.image.path=$NATIVE")
out=target/reliability/failover-repeat
mkdir -p "$out"

passed=0
for run in $(seq 1 "$runs"); do
  rm -f target/reliability/failover-{sync,async}{.txt,-timeline.txt}
  result=FAILED
  start=$SECONDS
  if FAILOVER_TEST=true ./mvnw -B -ntp failsafe:integration-test@failover failsafe:verify@failover "${native[@]}" \
      >"$out/run-$run.log" 2>&1; then
    result=passed
    passed=$((passed + 1))
  fi
  for kind in sync async; do
    cp "target/reliability/failover-$kind.txt" "$out/run-$run-$kind.txt" 2>/dev/null || true
    cp "target/reliability/failover-$kind-timeline.txt" "$out/run-$run-$kind-timeline.txt" 2>/dev/null || true
  done
  echo "run $run: $result in $((SECONDS - start)) s"
  for kind in sync async; do
    echo "  $kind: $(tr '\n' ' ' <"target/reliability/failover-$kind.txt" 2>/dev/null | tr -s ' ')"
  done
done
echo "failover-repeat: $passed of $runs runs passed"
[[ $passed == "$runs" ]]
