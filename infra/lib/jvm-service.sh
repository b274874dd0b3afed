# shellcheck shell=bash
# What infra/local-engine and infra/local-nlp have in common: a JVM resolved by Maven from a pom,
# run from a pid file and log under a data folder, or kept attached with --foreground.
# Sourced by their prepare.sh, start.sh and stop.sh (which run with set -euo pipefail).
#
# The caller sets:
#   service_name  for messages, e.g. "local engine"
#   jvm_marker    a word of the JVM's command line (its main class) that tells our JVM by its pid
#   data, pid_file  the data folder and where in it the background start keeps the JVM's pid
# and, for start.sh:
#   service_kind  what must answer on the port, e.g. "search engine"
#   up_word       what healthy() checks, for messages: "healthy" or "ready"
#   url, port, log_file, wait_s, and a function healthy()

# Resolves the pom in $1 into ~/.m2 and writes $1/target/classpath.txt.
jvm_prepare() {
  local dir="$1"
  local mvn_args=(-q -B --no-transfer-progress -f "$dir/pom.xml" dependency:go-offline dependency:build-classpath)
  # Offline first so a warm machine never touches the network; online only when something is missing.
  if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
    mvn "${mvn_args[@]}"
  fi
  test -s "$dir/target/classpath.txt"
}

# True when $1/target/classpath.txt is present, newer than the pom, and every jar it names is
# still in ~/.m2. Call it as a condition: read fails on the file's missing final newline.
jvm_classpath_ok() {
  local cp="$1/target/classpath.txt" jar jars
  [[ -s "$cp" && ! "$1/pom.xml" -nt "$cp" ]] || return 1
  IFS=: read -r -a jars <"$cp"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
}

# Guards against a recycled pid: only our JVM counts.
jvm_is_ours() { [[ -n "${1:-}" ]] && grep -qs "$jvm_marker" "/proc/$1/cmdline"; }

jvm_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# Exits 0 when the service already answers; sets running_pid when our JVM is still starting up
# (then just wait for it), else refuses a port held by anything else: neither JVM says why it
# cannot have it (the engine's runner moves to the next free port, CoreNLP exits silently).
jvm_check_running() {
  running_pid=""
  if healthy; then
    echo "$service_name already up at $url"
    exit 0
  fi
  if [[ -f "$pid_file" ]] && jvm_is_ours "$(cat "$pid_file")"; then
    running_pid="$(cat "$pid_file")"
  elif jvm_port_open; then
    echo "port $port is taken by something that is not a $up_word $service_kind" >&2
    exit 1
  fi
}

# Runs the command "$@" as this script's child and stays its guardian, never returning: TERM/INT
# are forwarded, and the JVM is ended when our parent dies without stopping it (a killed parent
# never runs its exit hooks). The JVM must stay our direct child: test/chaos finds it by that.
jvm_run_foreground() {
  "$@" </dev/null &
  jvm=$!
  trap 'kill -TERM "$jvm" 2>/dev/null; wait "$jvm"; exit 0' TERM INT HUP
  local parent=$PPID
  while kill -0 "$jvm" 2>/dev/null; do
    if ! kill -0 "$parent" 2>/dev/null; then
      kill -TERM "$jvm" 2>/dev/null
      wait "$jvm"
      exit 0
    fi
    sleep 1
  done
  wait "$jvm"
  exit $?
}

# Starts the command "$@" in the background with its pid in $pid_file and its output in $log_file;
# sets running_pid. setsid: the JVM must outlive this shell (and its Ctrl-C); stop.sh ends it.
jvm_start_background() {
  setsid nohup "$@" >"$log_file" 2>&1 </dev/null &
  running_pid=$!
  echo "$running_pid" >"$pid_file"
}

# Waits up to $wait_s seconds for healthy(); on failure shows the log's tail, ends the JVM and exits 1.
jvm_wait_until_up() {
  local deadline=$((SECONDS + wait_s)) why
  until healthy; do
    why=""
    kill -0 "$running_pid" 2>/dev/null || why="exited before it was $up_word"
    ((SECONDS < deadline)) || why="was not $up_word within ${wait_s}s"
    if [[ -n "$why" ]]; then
      echo "$service_name at $url $why; last log lines of $log_file:" >&2
      tail -n 40 "$log_file" >&2 || true
      kill "$running_pid" 2>/dev/null || true
      rm -f "$pid_file"
      exit 1
    fi
    sleep 1
  done
  echo "$service_name up at $url (pid $running_pid, log $log_file)"
}

# stop.sh: ends the JVM of $pid_file (TERM, then KILL after 30 s); does nothing if none is running.
jvm_stop() {
  local pid
  [[ -f "$pid_file" ]] || { echo "no $service_name pid file in $data"; exit 0; }
  pid="$(cat "$pid_file")"
  if ! jvm_is_ours "$pid"; then
    rm -f "$pid_file"
    echo "$service_name was not running"
    exit 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$service_name (pid $pid) ignored SIGTERM for 30s; killing it" >&2
    kill -KILL "$pid"
  fi
  rm -f "$pid_file"
  echo "$service_name stopped"
}
