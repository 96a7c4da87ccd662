#!/usr/bin/env bash
# make bench: wrk against an authenticated JSON read (a page of the people
# list) on loopback, SQLite backend, 64 connections. Target on 2 cores:
# >= 10,000 requests/s with p99 under 20 ms.
set -euo pipefail
BUILD=${1:-build}
DURATION=${DURATION:-15s}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$BUILD/inloco" demo --db "sqlite:$work/bench.db" --key "$work/key" > "$work/demo.txt"
user=$(grep -m1 "Headteacher" "$work/demo.txt" | awk '{print $1}')
pass=$(grep -o 'password [^ )]*' "$work/demo.txt" | head -1 | cut -d' ' -f2)

"$BUILD/inloco" serve --db "sqlite:$work/bench.db" --key "$work/key" --listen 127.0.0.1:0 \
  --static "$BUILD/static" > "$work/serve.txt" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "on http://" "$work/serve.txt" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.txt")

cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"password\":\"$pass\"}" "$base/api/v1/session" |
  grep -i '^set-cookie: inloco_session=' | sed 's/^[^:]*: //; s/;.*//')
school=$(curl -s -H "Cookie: $cookie" "$base/api/v1/me" | grep -o '"school_id":[0-9]*' | head -1 | cut -d: -f2)
url="$base/api/v1/schools/$school/people?limit=20"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url")
[ "$status" = 200 ] || { echo "bench: the authenticated read answered $status"; exit 1; }

echo "== wrk: GET /api/v1/schools/$school/people?limit=20, signed in, 64 connections, 2 threads, $DURATION"
wrk -t2 -c64 -d"$DURATION" --latency -H "Cookie: $cookie" "$url" | tee "$work/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
echo
echo "requests/s: $rps (target >= 10000; ratio $(awk -v r="$rps" 'BEGIN {printf "%.2f", r/10000}'))"
echo "p99 latency: $p99 (target < 20ms)"
