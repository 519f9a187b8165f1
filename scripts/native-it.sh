#!/usr/bin/env bash
# Builds the native executable with the native-probe (GraalVM's own builder, for a machine without a GraalVM or
# Mandrel distribution) and runs every *IT suite against it (the contract suite a second time in the production
# profile, as ./mvnw verify does), CrashRecoveryIT included when CRASH_TEST=true.
#
# Usage: scripts/native-it.sh            (from anywhere; about 7 minutes of build and 5 of tests on 2 vCPUs)
#
# With a real GraalVM or Mandrel, `./mvnw verify -Dnative` does the same without this script.
#
# Environment:
#   NATIVE_PROBE   the probe's build command (default: ../shared/native-probe/build beside the repository, else
#                  /work/shared/native-probe/build, where the development machines keep it)
#   CRASH_TEST     true: also run CrashRecoveryIT against the executable (it crashes the local PostgreSQL)
#   MAVEN_ARGS     passed to Maven as usual
set -euo pipefail

cd "$(dirname "$0")/.."
probe=${NATIVE_PROBE:-../shared/native-probe/build}
[[ -n ${NATIVE_PROBE:-} || -x $probe ]] || probe=/work/shared/native-probe/build
[[ -x $probe ]] || { echo "native-it: no native-probe at $probe (set NATIVE_PROBE)" >&2; exit 1; }

"$probe"
binary=$(sed -n 's/^path=//p' target/quarkus-artifact.properties)
[[ -x target/$binary ]] || { echo "native-it: the probe reported no executable (target/$binary)" >&2; exit 1; }

# The build leaves gigabytes just written in the page cache. Their writeback would share the disk with PostgreSQL's
# commits under the suites that time recovery (CrashRecoveryIT): let the disk settle first.
echo "native-it: writing back $(awk '/^Dirty:/ { print $2 }' /proc/meminfo) kB of the build's files before the tests"
timeout 300 sync || echo "native-it: the writeback did not finish within 300 s; testing anyway"

executions=(failsafe:integration-test@default failsafe:integration-test@production-profile)
[[ ${CRASH_TEST:-} == true ]] && executions+=(failsafe:integration-test@crash)
./mvnw "${executions[@]}" failsafe:verify@default -Dnative -Dnative.image.path="$PWD/target/$binary"
