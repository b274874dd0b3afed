#!/usr/bin/env bash
# Resolves the local engine's jars into ~/.m2 (first run: downloads ~130 MB from Maven
# Central, later runs: offline, about 3 s) and writes target/classpath.txt for start.sh.
# CI runs this as its own step before starting the engine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
jvm_prepare "$here"
