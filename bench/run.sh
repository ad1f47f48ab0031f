#!/usr/bin/env bash
# Measures the portal's pages under load on generated province-scale data, next to the ceiling of this machine
# (a trivial Kestrel app measured in the same run). Loopback only; every run is bounded in time.
#   bench/run.sh                      scale 1, 10 s per page, 16 connections
#   SCALE=10 DURATION=20 bench/run.sh
# Needs: wrk, sqlite3, curl (apt-get install wrk sqlite3 curl).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

echo "== cold start on a fresh database"
FRESH=$OUT/cold-$STAMP.db
t0=$(date +%s.%N); pid=$(start_portal "$FRESH"); PIDS+=("$pid")
wait_up "http://127.0.0.1:$PORT/health"; t1=$(date +%s.%N)
COLD=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$FRESH"*
printf 'cold start to first 200: %.2f s\n' "$COLD"

pid=$(start_portal "$DB"); PIDS+=("$pid"); PORTAL_PID=$pid
wait_up "http://127.0.0.1:$PORT/health"
(cd "$OUT/ceiling" && exec dotnet Ceiling.dll --urls "http://127.0.0.1:$CEILING_PORT" >/dev/null 2>&1) & PIDS+=($!)
wait_up "http://127.0.0.1:$CEILING_PORT/"

CHAIRMAN=$(sign_in bench.chairman); OFFICE=$(sign_in bench.office00); HEAD=$(sign_in bench.head0000)
[[ $CHAIRMAN == *parportal.auth* && $OFFICE == *parportal.auth* && $HEAD == *parportal.auth* ]] || { echo "sign-in failed" >&2; exit 1; }

HEAD_UNIT=$(sqlite3 "$DB" "select UnitId from AspNetUsers where UserName='bench.head0000'")
ASSIGNMENT=$(sqlite3 "$DB" "select Id from Assignments where UnitId=$HEAD_UNIT order by Id desc limit 1")
NOTICE=$(sqlite3 "$DB" "select max(Id) from Notices")
DEEP=$(( $(sqlite3 "$DB" "select count(*) from Directives") / 20 / 2 ))
IDS=$OUT/mixed-ids-$STAMP.txt
sqlite3 "$DB" "select a.Id||'|'||a.Version from Assignments a join Directives d on d.Id=a.DirectiveId where a.UnitId=$HEAD_UNIT and d.IsCancelled=0 and a.Status in ('NotStarted','InProgress','Returned') and a.Progress<=99 order by random()" > "$IDS"
TOKEN=$(curl -fs -H "Cookie: $HEAD" "http://127.0.0.1:$PORT/assignments/$ASSIGNMENT" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')

ROWS=()
CEILING_RPS=0
measure() { # $1 name, $2 url, $3 cookie, $4 lua script
  local raw; raw=$(COOKIE="$3" TOKEN="$TOKEN" IDS="$IDS" THREADS="$THREADS" timeout $((DURATION + 30)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -s "bench/$4" "$2")
  echo "$raw" > "$OUT/wrk-$STAMP-${1// /_}.txt"
  local rps p50 p99 errors rss
  wrk_stats "$raw"; rps=$RPS; p50=$P50; p99=$P99; errors=$ERRORS
  if [[ $REQUESTS == 0 ]]; then p50=">$((DURATION * 1000))"; p99=">$((DURATION * 1000))"; errors=$CONNECTIONS; fi
  rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/"$PORTAL_PID"/status 2>/dev/null || echo "?")
  if [[ $1 == ceiling* ]]; then CEILING_RPS=$rps; rss="—"; fi
  local fraction; fraction=$(awk -v a="$rps" -v c="$CEILING_RPS" 'BEGIN { if (c > 0) printf "%.1f %%", 100 * a / c; else print "—" }')
  ROWS+=("| $1 | $rps | $p50 | $p99 | $errors | $rss | $fraction |")
  echo "  $1: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
}

echo "== measuring ($CONNECTIONS connections, ${DURATION} s each)"
measure "ceiling (trivial Kestrel app)" "http://127.0.0.1:$CEILING_PORT/" "" cookie.lua
measure "directive list, filtered, page 1" "http://127.0.0.1:$PORT/directives?notice=$NOTICE&sort=deadline" "$OFFICE" cookie.lua
measure "directive list, overdue, page 1" "http://127.0.0.1:$PORT/directives?overdue=true" "$OFFICE" cookie.lua
measure "directive list, deep page $DEEP" "http://127.0.0.1:$PORT/directives?page=$DEEP" "$OFFICE" cookie.lua
measure "unit head's workspace" "http://127.0.0.1:$PORT/my-unit" "$HEAD" cookie.lua
measure "chairman's dashboard" "http://127.0.0.1:$PORT/dashboard" "$CHAIRMAN" cookie.lua
measure "KPI page" "http://127.0.0.1:$PORT/kpis/2" "$OFFICE" cookie.lua
measure "assignment page" "http://127.0.0.1:$PORT/assignments/$ASSIGNMENT" "$HEAD" cookie.lua
measure "mixed: unit head reads and reports" "http://127.0.0.1:$PORT" "$HEAD" mixed.lua

REPORT=$RESULTS/$STAMP-scale$SCALE.md
{
  echo "# Load run $STAMP — scale $SCALE"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); SQLite; Release; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; data: $(sqlite3 "$DB" "select (select count(*) from Directives)||' directives, '||(select count(*) from Assignments)||' assignments, '||(select count(*) from ProgressReports)||' reports'")."
  printf 'Cold start on a fresh database to the first 200: %.2f s.\n' "$COLD"
  echo
  echo "| page | req/s | p50 ms | p99 ms | errors | server peak RSS MB | of ceiling |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} > "$REPORT"
echo
cat "$REPORT"
echo
echo "saved: $REPORT"
