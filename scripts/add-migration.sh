#!/usr/bin/env bash
# Adds a migration with the same name for both database providers, so they stay in step.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project "src/NetworkMaintenance.Migrations.$provider" \
    --startup-project src/NetworkMaintenance.Web \
    --output-dir Migrations \
    -- --Database:Provider "$provider" --ConnectionStrings:SqlServer "Server=design-time;Database=design-time"
done
