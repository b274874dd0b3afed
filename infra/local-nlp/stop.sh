#!/usr/bin/env bash
# Stops the CoreNLP server that start.sh started (by its pid file); does nothing if none is running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${LOCAL_NLP_DATA:-$repo/.data/corenlp}"
pid_file="$data/corenlp.pid"

[[ -f "$pid_file" ]] || { echo "no local NLP server pid file in $data"; exit 0; }
pid="$(cat "$pid_file")"
# Guard against a recycled pid: only signal the CoreNLP server's JVM.
if ! grep -qs StanfordCoreNLPServer "/proc/$pid/cmdline"; then
  rm -f "$pid_file"
  echo "local NLP server was not running"
  exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "local NLP server (pid $pid) ignored SIGTERM for 30s; killing it" >&2
  kill -KILL "$pid"
fi
rm -f "$pid_file"
echo "local NLP server stopped"
