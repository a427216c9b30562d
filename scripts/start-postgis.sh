#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and makes a PostGIS database `gebiedscan_test` owned by
# the current OS user (peer authentication over the Unix socket), and the role `gebiedscan_reader`
# (no superuser, may only read what it is granted; password login on localhost) through which the
# tests let gebiedscan read, as a police database would be read. Idempotent.
set -euo pipefail
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
as_postgres() { "${sudo_cmd[@]}" su postgres -s /bin/sh -c "$1"; }

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 \+main'; then
  "${sudo_cmd[@]}" pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .*online'; then
  "${sudo_cmd[@]}" pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
user=$(id -un)
as_postgres "psql -qAtc \"select 1 from pg_roles where rolname='$user'\"" | grep -q 1 ||
  as_postgres "psql -qc \"create role \\\"$user\\\" login superuser\""
as_postgres "psql -qAtc \"select 1 from pg_database where datname='gebiedscan_test'\"" | grep -q 1 ||
  as_postgres "createdb -O \"$user\" gebiedscan_test"
as_postgres "psql -q -d gebiedscan_test -c 'create extension if not exists postgis'" >/dev/null
as_postgres "psql -qAtc \"select 1 from pg_roles where rolname='gebiedscan_reader'\"" | grep -q 1 ||
  as_postgres "psql -qc \"create role gebiedscan_reader login nosuperuser nocreatedb nocreaterole password 'gebiedscan_reader'\""
as_postgres "psql -q -d gebiedscan_test -c 'grant connect on database gebiedscan_test to gebiedscan_reader'" >/dev/null
