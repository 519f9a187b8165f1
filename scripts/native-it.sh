#!/usr/bin/env bash
# Runs every *IT suite against the native executable (the contract suite a second time in the production profile, as
# ./mvnw verify does), CrashRecoveryIT included when CRASH_TEST=true. Not FailoverIT (FAILOVER_TEST has no effect
# here): CI runs the failover suite against the jar only, to keep CI's time down; ./mvnw verify -Dnative with
# FAILOVER_TEST=true runs it against the executable.
#
# With a local GraalVM or Mandrel, or a container engine, you do not need this script: `./mvnw verify -Dnative` builds
# the executable and runs the same suites (add -Dquarkus.native.container-build=true to compile in a container;
# src/main/docker/Dockerfile.native-multistage builds the image with Docker alone). See docs/native.md.
#
# This script is how CI builds it on machines without GraalVM, Mandrel or a container engine: with the "native probe"
# those machines provide outside this repository (GraalVM's own builder fetched from Maven Central), whose build
# command NATIVE_PROBE names.
#
# Usage: NATIVE_PROBE=/path/to/native-probe/build scripts/native-it.sh
#        (from anywhere; about 7 minutes of build and 5 of tests on 2 vCPUs)
#
# Environment:
#   NATIVE_PROBE   the probe's build command (default: where CI machines provide it, ../shared/native-probe/build
#                  beside the checkout, else /work/shared/native-probe/build)
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
