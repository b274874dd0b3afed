#!/usr/bin/env bash
# Resolves the CoreNLP jars into ~/.m2 (first run: downloads ~490 MB from Maven Central, under a
# minute here; later runs: offline, a few seconds) and writes target/classpath.txt for start.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mvn_args=(-q -B --no-transfer-progress -f "$here/pom.xml" dependency:go-offline dependency:build-classpath)

# Offline first so a warm machine never touches the network; online only when something is missing.
if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
  mvn "${mvn_args[@]}"
fi
test -s "$here/target/classpath.txt"
