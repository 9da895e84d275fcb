#!/usr/bin/env bash
# Builds the service if needed, then runs both apps on the embedded H2 default:
# query side on :8080 (open http://localhost:8080), command side on :8081. Ctrl-C stops both.
# Data is kept under ./data/; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

command_jar=command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar
query_jar=query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar

needs_build() {
  [ ! -f "$command_jar" ] || [ ! -f "$query_jar" ] && return 0
  [ -n "$(find pom.xml */pom.xml */src/main -newer "$command_jar" -print -quit 2>/dev/null)" ] && return 0
  [ -n "$(find pom.xml */pom.xml */src/main -newer "$query_jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "Construction du service (première fois : quelques minutes)…"
  ./mvnw -q -B -DskipTests install
fi

mkdir -p data
pids=()
stop() {
  trap - INT TERM EXIT
  echo "Arrêt du service…"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# Out of memory, an app stops rather than go on half alive; the script then stops both.
java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$command_jar" & pids+=($!)
java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar "$query_jar" & pids+=($!)
echo "Côté commandes : http://localhost:8081   Côté lecture : http://localhost:8080   (Ctrl-C pour arrêter)"
wait -n "${pids[@]}"
