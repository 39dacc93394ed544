#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft combined mode) from the Maven Central jars.
# No Docker, no tarball: jars are resolved with Maven (scripts/kafka/pom.xml).
#
#   scripts/kafka/kafka.sh install|start|wait|stop|restart|status|logs|reset
#
# Environment (defaults):
#   KAFKA_VERSION          4.3.1   (see docs/adr/0002-kafka-broker-version.md)
#   KAFKA_PORT             9092    client listener, 127.0.0.1 only
#   KAFKA_CONTROLLER_PORT  9093    KRaft controller listener, 127.0.0.1 only
#   KAFKA_HOME_DIR         <repo>/.local/kafka
#   KAFKA_WAIT_TIMEOUT     90      seconds `wait` blocks before failing
#   KAFKA_STOP_TIMEOUT     30      seconds `stop` waits after SIGTERM before SIGKILL
#   KAFKA_HEAP_OPTS        -Xms512m -Xmx1g
#   KAFKA_LOG_LEVEL        INFO    root log level of the broker log
#
# Layout under KAFKA_HOME_DIR:
#   <version>/libs/        resolved jars (install is skipped when <version>/libs/.complete exists)
#   <version>/probe/       tiny compiled readiness probe (Admin client)
#   <version>/config/      generated server.properties + log4j2.properties
#   <version>/data/        KRaft metadata + topic data (formatted once)
#   kafka.pid, kafka.log   pid and combined stdout/stderr/log4j output of the running broker
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd -P)"

KAFKA_VERSION="${KAFKA_VERSION:-4.3.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}"
KAFKA_WAIT_TIMEOUT="${KAFKA_WAIT_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}"
KAFKA_LOG_LEVEL="${KAFKA_LOG_LEVEL:-INFO}"
HOST=127.0.0.1

mkdir -p "$KAFKA_HOME_DIR"
KAFKA_HOME_DIR="$(cd -- "$KAFKA_HOME_DIR" && pwd -P)"
VER_DIR="$KAFKA_HOME_DIR/$KAFKA_VERSION"
LIBS_DIR="$VER_DIR/libs"
PROBE_DIR="$VER_DIR/probe"
CONF_DIR="$VER_DIR/config"
DATA_DIR="$VER_DIR/data"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
LOG_FILE="$KAFKA_HOME_DIR/kafka.log"
LOCK_FILE="$KAFKA_HOME_DIR/.lock"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

say() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }

# Serialise install/start/stop (two parallel `start`s must not launch two brokers).
# The fd is closed for the broker process so it does not hold the lock.
lock() {
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "could not acquire $LOCK_FILE"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

is_our_broker() { # pid -> true if it is a kafka.Kafka JVM started from KAFKA_HOME_DIR
  local pid="$1" cmd
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmd" == *" kafka.Kafka "* && "$cmd" == *"$KAFKA_HOME_DIR/"* ]]
}

broker_pids() { # pid-file pid plus any stray broker JVM started from this KAFKA_HOME_DIR
  local pids=() p
  if [[ -s "$PID_FILE" ]]; then
    p="$(<"$PID_FILE")"
    if [[ "$p" =~ ^[0-9]+$ ]] && is_our_broker "$p"; then pids+=("$p"); fi
  fi
  for d in /proc/[0-9]*; do
    p="${d#/proc/}"
    [[ " ${pids[*]-} " == *" $p "* ]] && continue
    if is_our_broker "$p"; then pids+=("$p"); fi
  done
  printf '%s\n' "${pids[@]-}" | sed '/^$/d'
}

running_pid() { broker_pids | head -n1; }

java_major() {
  "$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n1
}

cmd_install() {
  command -v "$JAVA" >/dev/null || die "java not found (Kafka ${KAFKA_VERSION%%.*}.x needs Java 17+)"
  local jm; jm="$(java_major)"
  if [[ "${KAFKA_VERSION%%.*}" -ge 4 && "${jm:-0}" -lt 17 ]]; then
    die "Kafka $KAFKA_VERSION needs Java 17+, found Java ${jm:-?}"
  fi
  if [[ -f "$LIBS_DIR/.complete" ]]; then
    say "Kafka $KAFKA_VERSION already installed in ${LIBS_DIR#"$REPO_ROOT"/}"
  else
    command -v mvn >/dev/null || die "mvn not found (needed once to resolve the Kafka jars)"
    say "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven Central ..."
    local t0=$SECONDS tmp="$VER_DIR/libs.tmp.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
        dependency:copy-dependencies -DoutputDirectory="$tmp" >"$VER_DIR/mvn.log" 2>&1; then
      rm -rf "$tmp"
      tail -n 20 "$VER_DIR/mvn.log" >&2
      die "maven could not resolve Kafka $KAFKA_VERSION (full output: $VER_DIR/mvn.log)"
    fi
    ls "$tmp"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after resolve"; }
    touch "$tmp/.complete"
    rm -rf "$LIBS_DIR"; mv "$tmp" "$LIBS_DIR"
    say "installed $(ls "$LIBS_DIR"/*.jar | wc -l) jars in $((SECONDS - t0))s"
  fi
  build_probe
}

# Readiness probe: an Admin client that needs a registered, unfenced broker in the
# metadata (describeCluster) and a working metadata/topic listing (listTopics).
build_probe() {
  [[ -f "$PROBE_DIR/KafkaReady.class" ]] && return 0
  command -v "$JAVAC" >/dev/null || { say "javac not found: 'wait' falls back to port + log checks"; return 0; }
  mkdir -p "$PROBE_DIR"
  cat >"$PROBE_DIR/KafkaReady.java" <<'JAVA'
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

public class KafkaReady {
  public static void main(String[] args) throws Exception {
    long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000L;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
    String last = "no answer";
    try (Admin admin = Admin.create(p)) {
      while (System.currentTimeMillis() < deadline) {
        try {
          DescribeClusterResult c = admin.describeCluster();
          int nodes = c.nodes().get(5, TimeUnit.SECONDS).size();
          String clusterId = c.clusterId().get(5, TimeUnit.SECONDS);
          if (nodes > 0) {
            int topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).size();
            System.out.println("cluster " + clusterId + ", " + nodes + " broker(s), " + topics + " topic(s)");
            return;
          }
          last = "no broker registered yet";
        } catch (Exception e) {
          last = String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
        Thread.sleep(300);
      }
    }
    System.err.println("not ready: " + last);
    System.exit(1);
  }
}
JAVA
  "$JAVAC" -nowarn -d "$PROBE_DIR" -cp "$LIBS_DIR/*" "$PROBE_DIR/KafkaReady.java" \
    || die "could not compile the readiness probe"
}

write_config() {
  mkdir -p "$CONF_DIR" "$DATA_DIR"
  cat >"$CONF_DIR/server.properties" <<EOF
# GENERATED by scripts/kafka/kafka.sh -- do not edit, do not commit.
# Single node, KRaft combined mode, loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
background.threads=4

# The application creates its own topics.
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0

# Dev broker: keep the disk small.
log.retention.hours=24
log.retention.bytes=1073741824
log.segment.bytes=67108864
log.retention.check.interval.ms=60000
EOF
  cat >"$CONF_DIR/log4j2.properties" <<EOF
# GENERATED by scripts/kafka/kafka.sh. Everything goes to stdout, which kafka.sh sends to kafka.log.
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = $KAFKA_LOG_LEVEL
rootLogger.appenderRef.out.ref = OUT
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = $KAFKA_LOG_LEVEL
EOF
}

java_cmd() { # common JVM flags for Kafka main classes
  printf '%s\0' "$JAVA" $KAFKA_HEAP_OPTS \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$CONF_DIR/log4j2.properties" -Dlog4j2.shutdownHookEnabled=false \
    "-Dkafka.logs.dir=$KAFKA_HOME_DIR" \
    -cp "$LIBS_DIR/*"
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    local stamp="$DATA_DIR/.listeners" want="$KAFKA_PORT/$KAFKA_CONTROLLER_PORT"
    if [[ -f "$stamp" && "$(<"$stamp")" != "$want" ]]; then
      die "storage in ${DATA_DIR#"$REPO_ROOT"/} was formatted for ports $(<"$stamp"), now $want; run '$0 reset' to wipe it"
    fi
    return 0
  fi
  local cmd=() cluster_id
  mapfile -d '' cmd < <(java_cmd)
  cluster_id="$("${cmd[@]}" -Xms64m -Xmx256m kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
  [[ -n "$cluster_id" ]] || die "StorageTool random-uuid failed"
  say "formatting ${DATA_DIR#"$REPO_ROOT"/} (cluster id $cluster_id)"
  "${cmd[@]}" -Xms64m -Xmx256m kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$CONF_DIR/server.properties" >>"$LOG_FILE" 2>&1 \
    || { tail -n 20 "$LOG_FILE" >&2; die "storage format failed"; }
  printf '%s\n' "$KAFKA_PORT/$KAFKA_CONTROLLER_PORT" >"$DATA_DIR/.listeners"
}

cmd_start() {
  lock
  local pid; pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    say "already running (pid $pid, $HOST:$KAFKA_PORT); nothing to do"
    return 0
  fi
  rm -f "$PID_FILE"
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$p" && die "port $HOST:$p is already in use by another process"
  done
  cmd_install
  write_config
  format_storage
  local cmd=()
  mapfile -d '' cmd < <(java_cmd)
  if [[ -f "$LOG_FILE" && $(stat -c %s "$LOG_FILE") -gt 52428800 ]]; then mv -f "$LOG_FILE" "$LOG_FILE.1"; fi
  printf '\n===== %s kafka.sh start (Kafka %s) =====\n' "$(date -u +%FT%TZ)" "$KAFKA_VERSION" >>"$LOG_FILE"
  # setsid: own session, so Ctrl-C in the caller's terminal does not hit the broker.
  # The inner shell writes its own pid and then execs java, so the pid file is the JVM's pid.
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "${cmd[@]}" kafka.Kafka "$CONF_DIR/server.properties" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  for _ in $(seq 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  [[ -s "$PID_FILE" ]] || die "broker did not start (see $LOG_FILE)"
  sleep 0.5
  if ! is_our_broker "$(<"$PID_FILE")"; then
    rm -f "$PID_FILE"
    printf '[kafka] ERROR: broker exited right after launch; last log lines:\n' >&2
    log_tail; exit 1
  fi
  say "started Kafka $KAFKA_VERSION (pid $(<"$PID_FILE")) on $HOST:$KAFKA_PORT, log: ${LOG_FILE#"$REPO_ROOT"/}"
  say "run '$0 wait' to block until it serves metadata"
}

log_tail() { # last lines of the current run (since the last start marker), shortened
  [[ -f "$LOG_FILE" ]] || return 0
  awk '/^===== .* kafka.sh start/{n=0; delete l} {l[++n]=$0} END{for(i=(n>30?n-29:1);i<=n;i++) print l[i]}' "$LOG_FILE" \
    | cut -c1-300 | sed 's/^/    /' >&2
}

fail_wait() {
  printf '[kafka] ERROR: %s; last log lines (%s):\n' "$1" "$LOG_FILE" >&2
  log_tail
  exit 1
}

cmd_wait() {
  local t0=$SECONDS deadline=$((SECONDS + KAFKA_WAIT_TIMEOUT)) pid
  say "waiting up to ${KAFKA_WAIT_TIMEOUT}s for $HOST:$KAFKA_PORT ..."
  while :; do
    pid="$(running_pid)"
    [[ -n "$pid" ]] || fail_wait "broker is not running"
    port_open "$KAFKA_PORT" && break
    (( SECONDS < deadline )) || fail_wait "port $KAFKA_PORT not open after ${KAFKA_WAIT_TIMEOUT}s"
    sleep 0.3
  done
  local left=$((deadline - SECONDS)); (( left > 0 )) || left=1
  if [[ -f "$PROBE_DIR/KafkaReady.class" ]]; then
    local out
    if ! out="$("$JAVA" -Xmx128m -Dlog4j2.level=OFF -Dlog4j2.statusLoggerLevel=OFF \
          -cp "$PROBE_DIR:$LIBS_DIR/*" KafkaReady "$HOST:$KAFKA_PORT" "$left" 2>&1)"; then
      fail_wait "broker on $HOST:$KAFKA_PORT does not serve metadata: ${out##*$'\n'}"
    fi
    say "ready after $((SECONDS - t0))s: $out"
  else
    until grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null; do
      [[ -n "$(running_pid)" ]] || fail_wait "broker exited"
      (( SECONDS < deadline )) || fail_wait "no 'Kafka Server started' after ${KAFKA_WAIT_TIMEOUT}s"
      sleep 0.3
    done
    say "ready after $((SECONDS - t0))s (log check)"
  fi
}

cmd_stop() {
  lock
  local pids; pids="$(broker_pids | tr '\n' ' ')"; pids="${pids% }"
  if [[ -z "$pids" ]]; then
    rm -f "$PID_FILE"
    say "not running; nothing to do"
    return 0
  fi
  say "stopping pid $pids (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s) ..."
  local t0=$SECONDS
  kill -TERM $pids 2>/dev/null || true
  while [[ -n "$(broker_pids)" ]] && (( SECONDS - t0 < KAFKA_STOP_TIMEOUT )); do sleep 0.3; done
  pids="$(broker_pids | tr '\n' ' ')"; pids="${pids% }"
  if [[ -n "$pids" ]]; then
    say "still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL to $pids"
    kill -KILL $pids 2>/dev/null || true
    for _ in $(seq 50); do [[ -z "$(broker_pids)" ]] && break; sleep 0.1; done
    [[ -z "$(broker_pids)" ]] || die "could not kill $(broker_pids | tr '\n' ' ')"
  fi
  rm -f "$PID_FILE"
  say "stopped in $((SECONDS - t0))s"
}

cmd_status() {
  local pid; pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    if port_open "$KAFKA_PORT"; then say "running (pid $pid), listening on $HOST:$KAFKA_PORT"
    else say "running (pid $pid), $HOST:$KAFKA_PORT not open yet"; fi
    return 0
  fi
  say "not running"
  return 1
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log yet ($LOG_FILE)"
  if [[ "${1:-}" == "-f" ]]; then exec tail -n 100 -F "$LOG_FILE"; fi
  tail -n "${1:-200}" "$LOG_FILE"
}

cmd_reset() {
  cmd_stop
  say "removing data of Kafka $KAFKA_VERSION (${DATA_DIR#"$REPO_ROOT"/})"
  rm -rf "$DATA_DIR"
}

usage() {
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  install) cmd_install ;;
  start)   cmd_start ;;
  wait)    cmd_wait ;;
  stop)    cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status)  cmd_status ;;
  logs)    shift; cmd_logs "$@" ;;
  reset)   cmd_reset ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
