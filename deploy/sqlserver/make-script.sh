#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script of this version (no server needed):
#   deploy/sqlserver/make-script.sh [output.sql]      (default: artifacts/parportal-sqlserver.sql)
# Apply it with sqlcmd or SSMS as in the upgrade checklist of docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-artifacts/parportal-sqlserver.sql}"
mkdir -p "$(dirname "$out")"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project src/HiepDuc.ParPortal.Web \
  --context SqlServerParPortalDbContext --output "$out" \
  -- --Database:Provider SqlServer --ConnectionStrings:SqlServer "Server=.;Database=ParPortal;Trusted_Connection=True;TrustServerCertificate=True"
echo "$out"
