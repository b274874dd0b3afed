#!/usr/bin/env bash
# Stops the node that start.sh started (by its pid file); does nothing if none is running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${LOCAL_ENGINE_DATA:-$repo/.data/opensearch}"
pid_file="$data/engine.pid"
# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
service_name="local engine" jvm_marker=OpenSearchRunner
jvm_stop
