#!/usr/bin/env bash
# Stops the CoreNLP server that start.sh started (by its pid file); does nothing if none is running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${LOCAL_NLP_DATA:-$repo/.data/corenlp}"
pid_file="$data/corenlp.pid"
# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
service_name="local NLP server" jvm_marker=StanfordCoreNLPServer
jvm_stop
