#!/usr/bin/env bash
# Starts N app instances that share one PostgreSQL on loopback. Usage: deploy/run-cluster.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-2}
base_port=${BASE_PORT:-8081}
profile=${PROFILE:-prod}
jar=${JAR:-app/target/jiangcheng-tracker.jar}
db_host=${DB_HOST:-127.0.0.1}
db_port=${DB_PORT:-5432}
db_name=${DB_NAME:-jiangcheng}
db_user=${DB_USER:-postgres}

[ -f "$jar" ] || { echo "no $jar: run 'mvn -B package -DskipTests' first" >&2; exit 1; }
if command -v psql >/dev/null; then
  if ! psql -h "$db_host" -p "$db_port" -U "$db_user" -tAc "select 1 from pg_database where datname='$db_name'" postgres | grep -q 1; then
    psql -h "$db_host" -p "$db_port" -U "$db_user" -c "create database $db_name" postgres >/dev/null
  fi
fi

mkdir -p var/cluster
export SPRING_DATASOURCE_URL="jdbc:postgresql://$db_host:$db_port/$db_name"
export SPRING_DATASOURCE_USERNAME="$db_user"
export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-}"
export TRACKER_SECURE_COOKIES=false

for i in $(seq 1 "$count"); do
  port=$((base_port + i - 1))
  SERVER_PORT=$port nohup java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --spring.profiles.active="$profile" \
    > "var/cluster/node-$i.log" 2>&1 &
  echo $! > "var/cluster/node-$i.pid"
  echo "node $i: pid $(cat "var/cluster/node-$i.pid"), http://127.0.0.1:$port"
  # the first node migrates the schema alone; the others start once it is up
  if [ "$i" = 1 ]; then
    for _ in $(seq 1 120); do
      curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
      sleep 1
    done
  fi
done

for i in $(seq 1 "$count"); do
  port=$((base_port + i - 1))
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      echo "node $i healthy"
      continue 2
    fi
    sleep 1
  done
  echo "node $i did not become healthy; see var/cluster/node-$i.log" >&2
  exit 1
done
