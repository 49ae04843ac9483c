#!/usr/bin/env bash
# Load benchmark of `gouji serve` on loopback (bounded: a fixed number of requests, each with a
# 60 s socket timeout). Release build.
#   1. N checks (default 1000) of the seed .docx over C persistent connections (default 32)
#      against --max-concurrent = cores and a wait queue of C − cores places, so every
#      connection is served: failed requests and 503s must both be 0. Prints p50/p95/max
#      latency, requests/s and the server's RSS after a warm-up and after the run.
#   2. 2× the cap (4 connections on 2 cores) with no queue: the requests beyond the slots must
#      get 503 quickly (p95 of the 503s is printed), the others 200.
#   scripts/bench-serve.sh [N] [C]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"; C="${2:-32}"
CORES=$(nproc)
swift build -c release --product gouji >/dev/null
BIN="$(swift build -c release --show-bin-path)/gouji"
SEED=Corpus/seed/yueyang-2021-keji.docx
LOG=$(mktemp)
server=""
stop() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; rm -f "$LOG"' EXIT

start() { # start ARGS… → sets $server and $port
  : >"$LOG"
  "$BIN" serve --host 127.0.0.1 --port 0 --quiet "$@" 2>"$LOG" &
  server=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$LOG" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "bench-serve: the server did not start"; cat "$LOG"; exit 1
}
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

QUEUE=$C # a queue place per connection: every request of the load run is served
start --max-concurrent "$CORES" --queue "$QUEUE"
python3 scripts/bench_serve.py "$port" "$SEED" 50 8 >/dev/null # warm-up
before=$(rss)
python3 scripts/bench_serve.py "$port" "$SEED" "$N" "$C" --expect-all-ok --label "load ($CORES slots, queue $QUEUE)"
after=$(rss)
python3 scripts/bench_serve.py "$port" "$SEED" "$N" "$C" --expect-all-ok --label "load, second round" >/dev/null
after2=$(rss)
echo "server RSS: ${before} kB after warm-up, ${after} kB after $N checks, ${after2} kB after $((2 * N))"
stop
# Flat: the second thousand must not grow the server by more than 10%.
if [ "$after2" -gt $((after + after / 10)) ]; then echo "bench-serve: FAILED — RSS grew from $after to $after2 kB"; exit 1; fi

start --max-concurrent "$CORES" --queue 0
python3 scripts/bench_serve.py "$port" "$SEED" 400 $((2 * CORES)) --expect-busy --label "2× cap ($((2 * CORES)) connections, $CORES slots, no queue)"
stop
echo "bench-serve: passed"
