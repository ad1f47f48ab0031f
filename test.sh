#!/usr/bin/env bash
# The test command: prepares what the tests need on this machine, then runs them all.
#   ./test.sh            (extra arguments go to `dotnet test`, e.g. ./test.sh --filter Api)
# - Installs the Debian packages the browser and Word-report tests use (chromium, LibreOffice Writer, poppler,
#   sqlite3) when missing: as root, or through sudo; otherwise it says exactly which to install and stops.
# - Restores the dotnet tools of the manifest and runs `dotnet test`, ending with one line "N passed, N failed".
# Idempotent: when everything is there it goes straight to the tests.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "Cần cài các gói / these packages are needed: ${need[*]}"
    echo "  sudo apt-get install -y ${need[*]}"
    exit 3
  fi
  echo "Đang cài / installing: ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; } \
    || { echo "Không cài được / could not install: ${need[*]}"; exit 3; }
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "Cần .NET SDK 10 (global.json) / the .NET 10 SDK is needed: https://dotnet.microsoft.com/download"
  exit 3
fi

dotnet tool restore >/dev/null || exit 1

results="${TEST_RESULTS:-TestResults/run}"
rm -rf "$results"
mkdir -p "$results"
log="$results/console.log"
dotnet test --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    23, Skipped: 0, Total: 23, ..."
passed=0; failed=0; total=0
while read -r f p t; do
  passed=$((passed + p)); failed=$((failed + f)); total=$((total + t))
done < <(sed -n 's/.*\(Passed\|Failed\)! *- *Failed: *\([0-9]*\), *Passed: *\([0-9]*\), *Skipped: *[0-9]*, *Total: *\([0-9]*\).*/\2 \3 \4/p' "$log")

if [ "$total" -eq 0 ]; then
  echo "no test ran"
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed" | tee "$results/summary.txt"
exit $status
