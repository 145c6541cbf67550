#!/usr/bin/env bash
# `cmake --install` into a DESTDIR puts the binaries, the UI files, the data
# files and the systemd units in their places, and `systemd-analyze verify`
# accepts the units with no message at all (it exits 0 even on unknown keys
# or bad values, printing only a warning, so any output fails this test).
# Usage: tests/dist/install_test.sh BUILD_DIR
set -euo pipefail
build="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
DESTDIR="$tmp/root" cmake --install "$build" >"$tmp/install.log"
prefix="$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")"
root="$tmp/root$prefix"
fail=0
for f in bin/baoku-serve bin/baoku-index bin/baoku-search \
         share/baoku/static/index.html share/baoku/static/app.js \
         share/baoku/static/style.css share/baoku/lexicon.txt \
         share/baoku/topics.json \
         lib/systemd/system/baoku-serve.service \
         lib/systemd/system/baoku-index.service \
         lib/systemd/system/baoku-index.timer lib/sysusers.d/baoku.conf; do
  if [ ! -e "$root/$f" ]; then
    echo "install_test: not installed: $prefix/$f" >&2
    fail=1
  fi
done
for f in bin/baoku-serve bin/baoku-index bin/baoku-search; do
  [ -x "$root/$f" ] || { echo "install_test: not executable: $f" >&2; fail=1; }
done
unit="$root/lib/systemd/system/baoku-serve.service"
for setting in DynamicUser=yes ProtectSystem=strict \
               "ReadOnlyPaths=/var/lib/baoku/index" NoNewPrivileges=yes \
               "ExecStart=$prefix/bin/baoku-serve --db /var/lib/baoku/index --static $prefix/share/baoku/static" \
               "StateDirectory=baoku-serve" \
               "--saved-searches %S/baoku-serve/searches.sqlite"; do
  grep -qF -- "$setting" "$unit" || {
    echo "install_test: baoku-serve.service lacks $setting" >&2
    fail=1
  }
done
[ "$fail" = 0 ] || exit 1

if ! command -v systemd-analyze >/dev/null; then
  echo "install_test: systemd-analyze is missing: apt-get install systemd" \
       "(scripts/install-deps)" >&2
  exit 1
fi
# The units name the installed binaries; verify checks that they exist and
# are executable, so point them into the DESTDIR.
mkdir "$tmp/units"
for f in "$root"/lib/systemd/system/*; do
  sed "s|$prefix/bin/|$root/bin/|g" "$f" >"$tmp/units/$(basename "$f")"
done
cd "$tmp/units"
if ! systemd-analyze verify --man=no ./baoku-serve.service \
    ./baoku-index.service ./baoku-index.timer >"$tmp/verify.log" 2>&1 ||
   [ -s "$tmp/verify.log" ]; then
  echo "install_test: systemd-analyze verify:" >&2
  cat "$tmp/verify.log" >&2
  exit 1
fi
echo "install_test: installed under $prefix and verified: baoku-serve.service," \
     "baoku-index.service, baoku-index.timer"
