#!/usr/bin/env bash
# Redmine 5 from Debian's packages as the measured peer of the HTTP benchmark (benchmarks/README.md, "Against Redmine").
#
#   benchmarks/redmine/redmine.sh install                      apt-get install redmine redmine-sqlite puma (root or sudo -n)
#   benchmarks/redmine/redmine.sh fill  [--dir D] [--issues N] a fresh instance in D (database D/redmine.db), filled
#   benchmarks/redmine/redmine.sh start [--dir D] [--port P] [--workers W] [--threads T] [--fresh]
#                                  --fresh: back to the database as filled (the issues a measured run created are gone)
#   benchmarks/redmine/redmine.sh stop  [--dir D]
#   benchmarks/redmine/redmine.sh remove [--dir D]              stop, then delete D and the instance's symlink
#   benchmarks/redmine/redmine.sh installed                    exit 0 when Redmine, its SQLite adapter and puma are installed
#   benchmarks/redmine/redmine.sh measure [--dir D] [--port P] -- HTTP-RUNNER-OPTIONS
#                                  starts Redmine (unless running), runs the HTTP benchmark with --peer against it, stops
#                                  it again if it started it
#
# The instance lives entirely in D (default artifacts/redmine): config (database.yml, configuration.yml, secret), log,
# tmp, files, the database and D/credentials (the measuring account's login and password). Debian's multi-instance
# support finds it through a symlink /var/lib/redmine/<name> -> D/instance and REDMINE_INSTANCE=<name>. Production
# mode, SQLite in WAL mode, e-mails rendered and written to D/instance/tmp/mails (no mail server). puma runs in cluster
# mode on 127.0.0.1: by default 2 workers (one per core: MRI runs one Ruby thread at a time per process, so two
# processes are what uses 2 cores, like our one process with its thread pool) with 4 threads each (8 requests in
# flight, as many as the runner's 8 connections), the app preloaded (workers share its pages copy-on-write).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
redmine_root=/usr/share/redmine

dir="$root/artifacts/redmine"
issues=100000
port=3900
workers=2
threads=4
fresh=0
command=${1:-}
[[ $# -gt 0 ]] && shift
runner_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --) shift; runner_args=("$@"); break ;;
    --dir) dir=$2; shift 2 ;;
    --issues) issues=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
instance="nm-$(printf '%s' "$dir" | md5sum | cut -c1-8)"
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo -n); fi

installed() {
  for package in redmine redmine-sqlite puma; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || return 1
  done
}

in_redmine() {
  (cd "$redmine_root" && REDMINE_INSTANCE="$instance" RAILS_ENV=production "$@")
}

seconds_since() { echo "$(( $(date +%s%N) / 1000000 - $1 ))" | awk '{ printf "%.1f", $1 / 1000 }'; }
now_ms() { echo "$(( $(date +%s%N) / 1000000 ))"; }

case $command in
  installed)
    installed
    ;;
  install)
    if installed; then echo "Redmine is installed: $(dpkg-query -W -f='${Version}' redmine)"; exit 0; fi
    started=$(now_ms)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y -q --no-install-recommends redmine redmine-sqlite puma </dev/null ||
      { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q --no-install-recommends redmine redmine-sqlite puma </dev/null; }
    echo "Installed Redmine $(dpkg-query -W -f='${Version}' redmine) in $(seconds_since "$started") s."
    ;;
  fill)
    installed || { echo "Redmine is not installed (benchmarks/redmine/redmine.sh install)." >&2; exit 1; }
    [[ -f "$dir/puma.pid" ]] && kill -0 "$(cat "$dir/puma.pid")" 2>/dev/null && { echo "Redmine is running from $dir: stop it first." >&2; exit 1; }
    started=$(now_ms)
    rm -rf "$dir/instance" "$dir"/redmine.db* "$dir/credentials"
    mkdir -p "$dir"/instance/{config,log,tmp/mails,files,public}
    cat > "$dir/instance/config/database.yml" <<EOF
production:
  adapter: sqlite3
  database: $dir/redmine.db
  pool: $(( threads > 5 ? threads : 5 ))
  timeout: 10000
EOF
    cat > "$dir/instance/config/configuration.yml" <<EOF
production:
  email_delivery:
    delivery_method: :file
    file_settings:
      location: $dir/instance/tmp/mails
EOF
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/instance/config/secret_key.txt"
    "${sudo[@]}" ln -sfn "$dir/instance" "/var/lib/redmine/$instance"
    in_redmine rake db:migrate > "$dir/instance/log/setup.log" 2>&1
    migrated=$(seconds_since "$started")
    in_redmine env REDMINE_LANG=en rake redmine:load_default_data >> "$dir/instance/log/setup.log" 2>&1
    password="Uji#$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    filled=$(now_ms)
    ruby "$here/fill.rb" "$dir/redmine.db" "$issues" uji.redmine "$password"
    printf 'login=uji.redmine\npassword=%s\n' "$password" > "$dir/credentials"
    cp "$dir/redmine.db" "$dir/redmine.filled.db" # the database as filled, for start --fresh (WAL checkpointed by fill.rb)
    chmod 600 "$dir/credentials"
    echo "Redmine instance $instance in $dir: schema in $migrated s, filled in $(seconds_since "$filled") s, $(seconds_since "$started") s in all."
    ;;
  start)
    installed || { echo "Redmine is not installed." >&2; exit 1; }
    [[ -f "$dir/redmine.db" && -f "$dir/credentials" ]] || { echo "No filled Redmine in $dir (benchmarks/redmine/redmine.sh fill)." >&2; exit 1; }
    if [[ -f "$dir/puma.pid" ]] && kill -0 "$(cat "$dir/puma.pid")" 2>/dev/null; then
      echo "Redmine is already running from $dir (pid $(cat "$dir/puma.pid"))."; exit 0
    fi
    "${sudo[@]}" ln -sfn "$dir/instance" "/var/lib/redmine/$instance"
    if [[ $fresh -eq 1 ]]; then
      rm -f "$dir/redmine.db-wal" "$dir/redmine.db-shm"
      cp "$dir/redmine.filled.db" "$dir/redmine.db"
    fi
    started=$(now_ms)
    # setsid: its own process group, so a stop takes master and workers and nothing else.
    (cd "$redmine_root" && REDMINE_INSTANCE="$instance" RAILS_ENV=production setsid puma --environment production \
      --bind "tcp://127.0.0.1:$port" --workers "$workers" --threads "$threads:$threads" --preload --tag "redmine-$instance" \
      --pidfile "$dir/puma.pid" config.ru > "$dir/puma.log" 2>&1 < /dev/null &)
    for _ in $(seq 1 600); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null; then
        echo "Redmine started on http://127.0.0.1:$port in $(seconds_since "$started") s ($workers workers x $threads threads; pid $(cat "$dir/puma.pid"))."
        exit 0
      fi
      sleep 0.2
    done
    echo "Redmine did not answer on port $port; see $dir/puma.log" >&2
    tail -20 "$dir/puma.log" >&2 || true
    exit 1
    ;;
  stop)
    if [[ -f "$dir/puma.pid" ]]; then
      pid=$(cat "$dir/puma.pid")
      if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
        echo "Redmine stopped (pid $pid)."
      fi
      rm -f "$dir/puma.pid"
    fi
    ;;
  remove)
    "$0" stop --dir "$dir"
    link="/var/lib/redmine/$instance"
    if [[ -L "$link" ]]; then "${sudo[@]}" rm -f "$link"; fi
    # Only a folder this script made (or an empty one): never a mistyped --dir.
    if [[ -f "$dir/instance/config/database.yml" ]]; then rm -rf "$dir"
    elif ! rmdir "$dir" 2>/dev/null; then echo "$dir is not a Redmine instance folder of this script: left in place." >&2; fi
    ;;
  measure)
    started_here=0
    if ! { [[ -f "$dir/puma.pid" ]] && kill -0 "$(cat "$dir/puma.pid")" 2>/dev/null; }; then
      fresh_arg=(); if [[ $fresh -eq 1 ]]; then fresh_arg=(--fresh); fi
      "$0" start --dir "$dir" --port "$port" --workers "$workers" --threads "$threads" "${fresh_arg[@]}"
      started_here=1
    fi
    status=0
    (cd "$root" && dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- http \
      --peer "http://127.0.0.1:$port" --peer-credentials "$dir/credentials" "${runner_args[@]}") || status=$?
    if [[ $started_here -eq 1 ]]; then "$0" stop --dir "$dir"; fi
    exit "$status"
    ;;
  *)
    awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0" >&2
    exit 2
    ;;
esac
