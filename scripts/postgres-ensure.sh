#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL answers on 127.0.0.1:5432, starting the local cluster when it
# is installed but stopped. DATABASE_URL pointing elsewhere skips this (that server is yours).
set -euo pipefail
url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/rtw}"
case "$url" in
  *@127.0.0.1:5432/*|*@localhost:5432/*) ;;
  *) echo "[postgres] DATABASE_URL points elsewhere; not managing a local server"; exit 0 ;;
esac
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "[postgres] answering on 127.0.0.1:5432"
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "[postgres] starting the local cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && { echo "[postgres] ready"; exit 0; }
    sleep 1
  done
fi
echo "[postgres] ERROR: no PostgreSQL on 127.0.0.1:5432 and none could be started; set DATABASE_URL" >&2
exit 1
