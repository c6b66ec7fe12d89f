#!/usr/bin/env bash
# Stops the instances started by deploy/run-cluster.sh.
cd "$(dirname "$0")/.."
for pidfile in var/cluster/node-*.pid; do
  [ -f "$pidfile" ] || continue
  kill "$(cat "$pidfile")" 2>/dev/null && echo "stopped $(basename "$pidfile" .pid)"
  rm -f "$pidfile"
done
