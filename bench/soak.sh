#!/usr/bin/env bash
# Soak: 16 connections of mixed reads and progress reports against the portal for a fixed time (10 minutes by
# default), on a copy of the generated scale-1 data. Prints the errors and the server's memory every 30 s, and saves
# the report in bench/results/. Loopback only; bounded by SOAK_MINUTES.
#   bench/soak.sh                 10 minutes
#   SOAK_MINUTES=2 bench/soak.sh
# Needs: wrk, sqlite3, curl (apt-get install wrk sqlite3 curl).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
MINUTES=${SOAK_MINUTES:-10}
(( MINUTES >= 1 && MINUTES <= 120 )) || { echo "SOAK_MINUTES must be 1..120" >&2; exit 1; }

SOAK_DB=$OUT/soak-$STAMP.db
cp "$DB" "$SOAK_DB"
[[ -f $DB.admin-password.txt ]] && cp "$DB.admin-password.txt" "$SOAK_DB.admin-password.txt"
trap 'cleanup; rm -f "$SOAK_DB" "$SOAK_DB"-wal "$SOAK_DB"-shm "$SOAK_DB".running "$SOAK_DB".admin-password.txt' EXIT
pid=$(start_portal "$SOAK_DB"); PIDS+=("$pid"); PORTAL_PID=$pid
wait_up "http://127.0.0.1:$PORT/health/ready"

HEAD=$(sign_in bench.head0000)
[[ $HEAD == *parportal.auth* ]] || { echo "sign-in failed" >&2; exit 1; }
HEAD_UNIT=$(sqlite3 "$SOAK_DB" "select UnitId from AspNetUsers where UserName='bench.head0000'")
IDS=$OUT/soak-ids-$STAMP.txt
sqlite3 "$SOAK_DB" "select a.Id||'|'||a.Version from Assignments a join Directives d on d.Id=a.DirectiveId where a.UnitId=$HEAD_UNIT and d.IsCancelled=0 and a.Status in ('NotStarted','InProgress','Returned') order by a.Id" > "$IDS"
ANY=$(head -1 "$IDS" | cut -d'|' -f1)
TOKEN=$(curl -fs -H "Cookie: $HEAD" "http://127.0.0.1:$PORT/assignments/$ANY" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
REPORTS_BEFORE=$(sqlite3 "$SOAK_DB" "select count(*) from ProgressReports")

SAMPLES=$OUT/soak-rss-$STAMP.txt
: > "$SAMPLES"
(
  start=$(date +%s)
  while kill -0 "$PORTAL_PID" 2>/dev/null; do
    rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' /proc/"$PORTAL_PID"/status 2>/dev/null || echo 0)
    echo "$(( $(date +%s) - start )) $rss" >> "$SAMPLES"
    sleep 30
  done
) & SAMPLER=$!
PIDS+=("$SAMPLER")

echo "== soak: $CONNECTIONS connections, $MINUTES min, mixed reads and reports"
RAW=$(COOKIE="$HEAD" TOKEN="$TOKEN" IDS="$IDS" THREADS="$THREADS" timeout $(( MINUTES * 60 + 60 )) \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MINUTES}m" --timeout 5s --latency -s bench/soak.lua "http://127.0.0.1:$PORT")
echo "$RAW" > "$OUT/soak-wrk-$STAMP.txt"
sleep 1
kill "$SAMPLER" 2>/dev/null || true
REPORTS_AFTER=$(sqlite3 "$SOAK_DB" "select count(*) from ProgressReports")

wrk_stats "$RAW"
first=$(awk 'NR > 1 && NR <= 3 { s += $2; n++ } END { if (n) printf "%d", s / n; else print 0 }' "$SAMPLES")
last=$(tail -2 "$SAMPLES" | awk '{ s += $2; n++ } END { if (n) printf "%d", s / n; else print 0 }')
peak=$(awk '{ if ($2 > m) m = $2 } END { print m + 0 }' "$SAMPLES")
growth=$(awk -v a="$first" -v b="$last" 'BEGIN { if (a > 0) printf "%+.1f %%", 100 * (b - a) / a; else print "—" }')

REPORT=$RESULTS/$STAMP-soak.md
{
  echo "# Soak $STAMP — $MINUTES min, $CONNECTIONS connections"
  echo
  echo "$(nproc) cores; SQLite; Release; scale-$SCALE data (a copy); wrk -t$THREADS -c$CONNECTIONS -d${MINUTES}m, bench/soak.lua (one request in five a progress report)."
  echo
  echo "| requests | req/s | p50 | p99 | errors (HTTP ≥ 400 + socket) | reports written | RSS after 1 min | RSS at the end | growth | peak RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  echo "| $REQUESTS | $RPS | $P50 ms | $P99 ms | $ERRORS | $((REPORTS_AFTER - REPORTS_BEFORE)) | $first MB | $last MB | $growth | $peak MB |"
  echo
  echo "Server RSS every 30 s (seconds, MB):"
  echo
  echo '```'
  cat "$SAMPLES"
  echo '```'
} > "$REPORT"
cat "$REPORT"
echo "saved: $REPORT"
