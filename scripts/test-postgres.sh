#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: no systemd, no service, nothing outside its folder.
#   scripts/test-postgres.sh start DIR PORT   initdb (if needed) and start a cluster in DIR on 127.0.0.1:PORT,
#                                             socket in DIR; prints the NM_TEST_POSTGRES connection string
#   scripts/test-postgres.sh stop DIR         stop it (the caller deletes DIR)
# As root the server runs as the 'postgres' user (runuser): PostgreSQL refuses to run as root. Installs Debian's
# postgresql package when no server binary is found. Authentication is 'trust' on the loopback address only.
set -euo pipefail
action=${1:?usage: test-postgres.sh start DIR PORT | stop DIR}
dir=${2:?cluster folder}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" || ! -x "$bin/postgres" ]]; then
  if [[ $action != start ]]; then exit 0; fi
  echo "Installing Debian's PostgreSQL" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q >&2
  "${sudo[@]}" apt-get install -y -q --no-install-recommends postgresql </dev/null >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $action in
  start)
    port=${3:?port}
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      mkdir -p "$dir"
      if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # Fast and disposable: nothing here must survive a crash of the machine.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    ;;
  *)
    echo "unknown action $action" >&2; exit 2 ;;
esac
