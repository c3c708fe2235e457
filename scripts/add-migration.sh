#!/usr/bin/env bash
# Adds a migration with the same name for all three database providers (SQLite, SQL Server, PostgreSQL), so they stay
# in step. No database is contacted: the connection strings are design-time placeholders.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "src/NetworkMaintenance.Migrations.$provider" \
    --startup-project src/NetworkMaintenance.Web \
    --output-dir Migrations \
    -- --Database:Provider "$provider" --ConnectionStrings:SqlServer "Server=design-time;Database=design-time" \
       --ConnectionStrings:PostgreSql "Host=design-time;Database=design-time"
done
