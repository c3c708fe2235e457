#!/usr/bin/env bash
# HTTP benchmark (docs/performance.md): publishes the web app (Release), generates a database of generated reports,
# starts the app in Production with the baseline endpoints on, signs in and measures each page against its bare
# baseline. Prints a markdown table and writes artifacts/benchmark.json. Extra arguments go to the runner, e.g.
#   scripts/benchmark.sh --reports 100000 --seconds 10 --connections 8
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- http "$@"
