#!/usr/bin/env bash
# Measures the portal's pages under load on generated province-scale data, next to the ceiling of this machine
# (a trivial Kestrel app measured in the same run). Loopback only; every run is bounded in time.
#   bench/run.sh                         scale 1, 10 s per page, 16 connections
#   SCALE=1,10 DURATION=10 bench/run.sh  both scales in one run, with each page's growth from the first to the last
# For each scale: cold start on a fresh database, the dashboard's first computation on the generated data, each page
# under load (served from the per-user page cache after its first request), each page's first request (not cached:
# what the data behind it costs), and the server's peak RSS.
# Needs: wrk, sqlite3, curl (apt-get install wrk sqlite3 curl).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

(cd "$OUT/ceiling" && exec dotnet Ceiling.dll --urls "http://127.0.0.1:$CEILING_PORT" >/dev/null 2>&1) & PIDS+=($!)
wait_up "http://127.0.0.1:$CEILING_PORT/"

ms_of() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "—"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A P50 MISS
PAGES=()

run_scale() { # $1 scale
  local scale=$1 db; db=$(db_of "$1")
  echo "== scale $scale: cold start on a fresh database"
  local fresh=$OUT/cold-$STAMP.db t0 t1 pid
  t0=$(date +%s.%N); pid=$(start_portal "$fresh"); PIDS+=("$pid")
  wait_up "http://127.0.0.1:$PORT/health"; t1=$(date +%s.%N)
  COLD=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'); kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$fresh"*
  printf 'cold start to first 200: %.2f s\n' "$COLD"

  pid=$(start_portal "$db"); PIDS+=("$pid"); PORTAL_PID=$pid
  wait_up "http://127.0.0.1:$PORT/health"
  CHAIRMAN=$(sign_in bench.chairman); OFFICE=$(sign_in bench.office00); HEAD=$(sign_in bench.head0000)
  [[ $CHAIRMAN == *parportal.auth* && $OFFICE == *parportal.auth* && $HEAD == *parportal.auth* ]] || { echo "sign-in failed" >&2; exit 1; }
  # The dashboard's first computation on this data: the first request after start (nothing computed or cached yet).
  DASH_FIRST=$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: $CHAIRMAN" "http://127.0.0.1:$PORT/dashboard?first=1")
  printf 'dashboard, first computation: %s ms\n' "$(ms_of "$DASH_FIRST")"

  local head_unit assignment notice deep ids token
  head_unit=$(sqlite3 "$db" "select UnitId from AspNetUsers where UserName='bench.head0000'")
  assignment=$(sqlite3 "$db" "select Id from Assignments where UnitId=$head_unit order by Id desc limit 1")
  notice=$(sqlite3 "$db" "select max(Id) from Notices")
  # The middle of the directive list, as its "next page" link names it (the sort key of the row before the page).
  deep=$(sqlite3 "$db" "select 'n.'||cast(julianday(n.MeetingDate) - julianday('0001-01-01') as int)||'.'||d.NoticeId||'.'||d.SortOrder from Directives d join Notices n on n.Id = d.NoticeId order by n.MeetingDate desc, d.NoticeId desc, d.SortOrder limit 1 offset (select count(*) / 2 from Directives)")
  ids=$OUT/mixed-ids-$STAMP.txt
  sqlite3 "$db" "select a.Id||'|'||a.Version from Assignments a join Directives d on d.Id=a.DirectiveId where a.UnitId=$head_unit and d.IsCancelled=0 and a.Status in ('NotStarted','InProgress','Returned') and a.Progress<=99 order by random()" > "$ids"
  token=$(curl -fs -H "Cookie: $HEAD" "http://127.0.0.1:$PORT/assignments/$assignment" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')

  local rows=() ceiling=0
  measure() { # $1 name, $2 url, $3 cookie, $4 lua script
    local raw; raw=$(COOKIE="$3" TOKEN="$token" IDS="$ids" THREADS="$THREADS" timeout $((DURATION + 30)) \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -s "bench/$4" "$2")
    echo "$raw" > "$OUT/wrk-$STAMP-scale$scale-${1// /_}.txt"
    local rps p50 p99 errors rss miss="—"
    wrk_stats "$raw"; rps=$RPS; p50=$P50; p99=$P99; errors=$ERRORS
    if [[ $REQUESTS == 0 ]]; then p50=">$((DURATION * 1000))"; p99=">$((DURATION * 1000))"; errors=$CONNECTIONS; fi
    rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/"$PORTAL_PID"/status 2>/dev/null || echo "?")
    if [[ $1 == ceiling* ]]; then ceiling=$rps; rss="—"; elif [[ $4 == cookie.lua ]]; then
      # Five first requests (a query no one asked before, so not from the cache): what the page costs to compute.
      local sep='?'; [[ $2 == *\?* ]] && sep='&'
      miss=$(for i in 1 2 3 4 5; do curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $3" "$2${sep}nocache=$RANDOM$i"; done | awk '{ printf "%.1f\n", $1 * 1000 }' | median)
    fi
    local fraction; fraction=$(awk -v a="$rps" -v c="$ceiling" 'BEGIN { if (c > 0) printf "%.1f %%", 100 * a / c; else print "—" }')
    rows+=("| $1 | $rps | $p50 | $p99 | $errors | $miss | $rss | $fraction |")
    P50["$scale|$1"]=$p50; MISS["$scale|$1"]=$miss
    [[ " ${PAGES[*]} " == *" ${1// /_} "* ]] || PAGES+=("${1// /_}")
    echo "  $1: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors, first request $miss ms"
  }

  echo "== scale $scale: measuring ($CONNECTIONS connections, ${DURATION} s each)"
  measure "ceiling (trivial Kestrel app)" "http://127.0.0.1:$CEILING_PORT/" "" cookie.lua
  measure "directive list, filtered, page 1" "http://127.0.0.1:$PORT/directives?notice=$notice&sort=deadline" "$OFFICE" cookie.lua
  measure "directive list, overdue, page 1" "http://127.0.0.1:$PORT/directives?overdue=true" "$OFFICE" cookie.lua
  measure "directive list, middle page" "http://127.0.0.1:$PORT/directives?after=$deep" "$OFFICE" cookie.lua
  measure "unit head's workspace" "http://127.0.0.1:$PORT/my-unit" "$HEAD" cookie.lua
  measure "chairman's dashboard" "http://127.0.0.1:$PORT/dashboard" "$CHAIRMAN" cookie.lua
  measure "KPI page" "http://127.0.0.1:$PORT/kpis/2" "$OFFICE" cookie.lua
  measure "assignment page" "http://127.0.0.1:$PORT/assignments/$assignment" "$HEAD" cookie.lua
  measure "mixed: unit head reads and reports" "http://127.0.0.1:$PORT" "$HEAD" mixed.lua
  local peak; peak=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' /proc/"$PORTAL_PID"/status 2>/dev/null || echo "?")
  kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true

  local report=$RESULTS/$STAMP-scale$scale.md
  {
    echo "# Load run $STAMP — scale $scale"
    echo
    echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo); SQLite; Release (ReadyToRun); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; data: $(sqlite3 -cmd ".timeout 10000" "$db" "select (select count(*) from Directives)||' directives, '||(select count(*) from Assignments)||' assignments, '||(select count(*) from ProgressReports)||' reports'")."
    printf 'Cold start on a fresh database to the first 200: %.2f s. Dashboard, first computation: %s ms. Server peak RSS: %s MB.\n' "$COLD" "$(ms_of "$DASH_FIRST")" "$peak"
    echo
    echo "Under load, pages come from the per-user page cache after their first request; \"first request\" is the median of five requests the cache has not seen."
    echo
    echo "| page | req/s | p50 ms | p99 ms | errors | first request ms | server peak RSS MB | of ceiling |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
  } > "$report"
  echo; cat "$report"; echo; echo "saved: $report"
}

for s in $SCALES; do run_scale "$s"; done

LAST_SCALE=${SCALES##* }
if [[ $FIRST_SCALE != "$LAST_SCALE" ]]; then
  GROWTH=$RESULTS/$STAMP-growth.md
  {
    echo "# Growth from scale $FIRST_SCALE to scale $LAST_SCALE ($STAMP)"
    echo
    echo "| page | p50 ms, scale $FIRST_SCALE | p50 ms, scale $LAST_SCALE | growth | first request ms, scale $FIRST_SCALE | scale $LAST_SCALE | growth |"
    echo "|---|---|---|---|---|---|---|"
    for s in $FIRST_SCALE; do
      for k in "${!P50[@]}"; do
        [[ $k == "$s|"* ]] || continue
        page=${k#*|}; [[ $page == ceiling* ]] && continue
        a=${P50["$FIRST_SCALE|$page"]}; b=${P50["$LAST_SCALE|$page"]:-—}
        ma=${MISS["$FIRST_SCALE|$page"]}; mb=${MISS["$LAST_SCALE|$page"]:-—}
        g=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0 && b > 0) printf "%.2f×", b / a; else print "—" }')
        mg=$(awk -v a="$ma" -v b="$mb" 'BEGIN { if (a > 0 && b > 0) printf "%.2f×", b / a; else print "—" }')
        echo "| $page | $a | $b | $g | $ma | $mb | $mg |"
      done
    done | sort
  } > "$GROWTH"
  echo; cat "$GROWTH"; echo; echo "saved: $GROWTH"
fi
