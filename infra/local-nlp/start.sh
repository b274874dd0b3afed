#!/usr/bin/env bash
# Starts the local Stanford CoreNLP server (see README.md) and waits until it is ready.
#   LOCAL_NLP_PORT  http port, 1025..65535                  (default 9000)
#   LOCAL_NLP_DATA  log and pid folder                      (default <repo>/.data/corenlp)
#   LOCAL_NLP_HEAP  JVM -Xmx, at most 3g                    (default 3g)
#   LOCAL_NLP_WAIT  seconds to wait for GET /ready          (default 180)
#   JAVA_HOME       JDK to run it with                      (default: java on PATH, 17)
# Idempotent: if a CoreNLP server already answers /ready on the port it does nothing.
# --foreground: keep the JVM attached to this script instead (log to stdout, no pid file);
# the server stops when this script gets TERM/INT or when the script's parent dies. Used by
# packages/cli/src/local/local-nlp.ts so the server never outlives the CLI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${LOCAL_NLP_PORT:-9000}"
data="${LOCAL_NLP_DATA:-$repo/.data/corenlp}"
heap="${LOCAL_NLP_HEAP:-3g}"
wait_s="${LOCAL_NLP_WAIT:-180}"
url="http://127.0.0.1:$port"
pid_file="$data/corenlp.pid"
log_file="$data/corenlp.log"
foreground=false
[[ "${1:-}" == "--foreground" ]] && foreground=true

if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1025 || port > 65535)); then
  echo "LOCAL_NLP_PORT must be within 1025..65535, got '$port'" >&2
  exit 2
fi
# The 3-class pipeline idles at about 0.5 GB; 3g leaves room for long articles on two threads
# and is the most a development machine or CI runner is asked to give it.
heap_mb=""
if [[ "$heap" =~ ^([0-9]+)([mMgG])$ ]]; then
  heap_mb=$((10#${BASH_REMATCH[1]}))
  [[ "${BASH_REMATCH[2]}" == [gG] ]] && heap_mb=$((heap_mb * 1024))
fi
if [[ -z "$heap_mb" ]] || ((heap_mb > 3072 || heap_mb < 256)); then
  echo "LOCAL_NLP_HEAP must be a size like 1500m or 2g, 256m..3g, got '$heap'" >&2
  exit 2
fi

# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
service_name="local NLP server" service_kind="CoreNLP server" up_word=ready jvm_marker=StanfordCoreNLPServer
# /ready answers "ready" only once the server is up (with -preload: after the models loaded).
healthy() { [[ "$(curl -fs --max-time 5 "$url/ready" 2>/dev/null)" == ready* ]]; }

jvm_check_running
if [[ -z "$running_pid" ]]; then
  jvm_classpath_ok "$here" || "$here/prepare.sh"
  mkdir -p "$data"
  java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  # The server has no option to choose its bind address: it listens on every interface
  # (see README.md). -serverProperties holds what newsflow's requests send, so -preload loads
  # exactly those models before the port opens and the first request is not a cold one.
  cmd=("$java_bin" "-Xmx$heap" -Djava.awt.headless=true
    -cp "$(cat "$here/target/classpath.txt")"
    edu.stanford.nlp.pipeline.StanfordCoreNLPServer
    -port "$port" -timeout 60000 -threads 2 -quiet
    -serverProperties "$here/server.properties"
    -preload tokenize,ssplit,pos,lemma,ner)
  if $foreground; then jvm_run_foreground "${cmd[@]}"; fi
  jvm_start_background "${cmd[@]}"
fi
jvm_wait_until_up
