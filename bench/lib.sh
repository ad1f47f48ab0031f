# Shared by run.sh and soak.sh: settings, the Release build, the generated data, starting the portal, signing in.
# Loopback only; the caller sets `set -euo pipefail` and sources this file.
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=${SCALE:-1}
SCALES=${SCALE//,/ }   # "1,10": every scale in one run
FIRST_SCALE=${SCALES%% *}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-5181}
CEILING_PORT=${CEILING_PORT:-5182}
OUT=$ROOT/bench/.out
RESULTS=$ROOT/bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
DB=$OUT/bench-scale$FIRST_SCALE.db
db_of() { echo "$OUT/bench-scale$1.db"; }
PASSWORD='Bench-Hiepduc-2023!'
mkdir -p "$OUT" "$RESULTS"
for tool in wrk sqlite3 curl; do command -v $tool >/dev/null || { echo "missing $tool: sudo apt-get install -y $tool" >&2; exit 1; }; done

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== build (Release)"
# ReadyToRun: the portal as it should be deployed (precompiled code starts about a second sooner).
dotnet publish src/HiepDuc.ParPortal.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/portal" --nologo -v q >/dev/null
dotnet publish bench/Ceiling -c Release -o "$OUT/ceiling" --nologo -v q >/dev/null
dotnet publish bench/Generator -c Release -o "$OUT/generator" --nologo -v q >/dev/null

for s in $SCALES; do
  if [[ ! -f $(db_of "$s") ]]; then
    echo "== generating scale $s into $(db_of "$s")"
    (cd "$OUT/generator" && timeout 3600 dotnet seed-bench.dll --scale "$s" --database "$(db_of "$s")")
  fi
done

start_portal() { # $1 database file; prints pid
  (cd "$OUT/portal" && exec dotnet HiepDuc.ParPortal.Web.dll --urls "http://127.0.0.1:$PORT" \
    --ConnectionStrings:Sqlite="Data Source=$1" --Security:SecureCookies=false --Security:HttpsRedirection=false --Reminders:Enabled=false \
    --Security:LoginAttemptsPerMinute=1000 --PortalLogging:File= --Serilog:MinimumLevel:Default=Warning \
    --Security:InitialAdminPasswordFile="$1.admin-password.txt" >"$OUT/portal.log" 2>&1) &
  echo $!
}
wait_up() { # $1 url; waits up to 60 s
  for _ in $(seq 1 1200); do curl -fs -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "server did not answer $1" >&2; return 1
}

sign_in() { # $1 user name -> cookie header value
  local jar; jar=$(mktemp)
  local token; token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$PORT/account/login" \
    --data-urlencode "UserName=$1" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token"
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }
wrk_stats() { # $1 wrk output -> REQUESTS RPS P50 P99 (ms) ERRORS (HTTP >= 400 + socket errors)
  REQUESTS=$(echo "$1" | awk '/requests in/ { print $1 }'); REQUESTS=${REQUESTS:-0}
  RPS=$(echo "$1" | awk '/Requests\/sec/ { print $2 }')
  P50=$(to_ms "$(echo "$1" | awk '$1 == "50%" { print $2 }')")
  P99=$(to_ms "$(echo "$1" | awk '$1 == "99%" { print $2 }')")
  local non2xx socket
  non2xx=$(echo "$1" | awk '/Non-2xx/ { print $5 }')
  socket=$(echo "$1" | awk -F'[ ,]+' '/Socket errors/ { print $5 + $7 + $9 + $11 }')
  ERRORS=$(( ${non2xx:-0} + ${socket:-0} ))
}
