#!/usr/bin/env bash
# Resolves the CoreNLP jars into ~/.m2 (first run: downloads ~490 MB from Maven Central, under a
# minute here; later runs: offline, a few seconds) and writes target/classpath.txt for start.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
jvm_prepare "$here"
