#!/usr/bin/env bash
# Publishes the release build (profile linux-x64: Release, ReadyToRun), starts it once on a fresh SQLite database in a
# temporary folder, as production would (ASPNETCORE_ENVIRONMENT=Production), and waits for /health/ready.
# Exit 0 when it answers 200 within 90 s. Used by CI; an IT officer can run it to check a build before copying it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/HiepDuc.ParPortal.Web -p:PublishProfile=linux-x64 -p:PublishDir="$work/app/" -v q -nologo
test -f "$work/app/HiepDuc.ParPortal.Web.dll"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5199)
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Sqlite="Data Source=$work/data/parportal.db"
export Files__Root="$work/files"
export Security__InitialAdminPasswordFile="$work/data/initial-admin-password.txt"
export Security__HttpsRedirection=false
export PortalLogging__File=""
export Reminders__Enabled=false
(cd "$work/app" && dotnet HiepDuc.ParPortal.Web.dll --urls "http://127.0.0.1:$port" > "$work/console.log" 2>&1) &
pid=$!

for _ in $(seq 1 90); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; then
    echo "ready on http://127.0.0.1:$port"
    grep -q "One-time password in" "$work/console.log" && echo "first-run block printed"
    exit 0
  fi
  sleep 1
done
echo "the published build did not answer /health/ready within 90 s"
cat "$work/console.log"
exit 1
