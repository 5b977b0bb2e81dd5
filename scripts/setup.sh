#!/usr/bin/env bash
# Installs what argosim needs on Debian 12 that is not there yet; quick when everything is present.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
root=$(cd "$(dirname "$0")/.." && pwd)

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in emscripten libyaml-cpp-dev nlohmann-json3-dev chromium clang lld ninja-build dpkg-dev zstd; do
  have_pkg "$pkg" || need_apt+=("$pkg")
done
catch2_ok=false
if have_pkg libcatch2-dev && dpkg-query -W -f='${Version}' libcatch2-dev | grep -q '^3\.'; then catch2_ok=true; fi

sources=/etc/apt/sources.list.d/argosim-extra.sources
if [ ! -f "$sources" ]; then
  # deb-src (for yaml-cpp's source) and bookworm-backports (Catch2 v3), from the machine's own mirror entry.
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  cat >"$sources" <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb deb-src
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=true
fi

if [ ${#need_apt[@]} -gt 0 ] || ! $catch2_ok || [ "${need_update:-false}" = true ] \
  || [ ! -f "$root/third_party/yaml-cpp/CMakeLists.txt" ] || [ ! -f "$root/third_party/catch2/CMakeLists.txt" ]; then
  missing=("${need_apt[@]}")
  $catch2_ok || missing+=(libcatch2-dev)
  echo "setup: apt-get update${missing[*]:+; installing ${missing[*]}}" >&2
  apt-get update -qq
  [ ${#need_apt[@]} -gt 0 ] && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  $catch2_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports libcatch2-dev >/dev/null
fi

# Debian's own source package (with Debian's patches) unpacked into third_party/<dir>, for the WebAssembly build:
# yaml-cpp and Catch2 are compiled there with em++ in the same CMake build as the engine.
fetch_source() { # <apt source spec> <dir name>
  local spec=$1 dir=$2 tmp log
  [ -f "$root/third_party/$dir/CMakeLists.txt" ] && return 0
  echo "setup: apt-get source $spec -> third_party/$dir" >&2
  tmp=$(mktemp -d)
  log="$tmp/apt-get-source.log"
  if ! (cd "$tmp" && apt-get source -qq "$spec" >"$log" 2>&1); then
    cat "$log" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$root/third_party"
  rm -rf "$root/third_party/$dir"
  mv "$tmp"/*/ "$root/third_party/$dir"
  rm -rf "$tmp"
}
fetch_source yaml-cpp yaml-cpp
# The same Catch2 (3.7.1, bookworm-backports) as the native libcatch2-dev, so one set of test sources runs both ways.
fetch_source catch2/bookworm-backports catch2

# Node packages for the page and its tests (no browser download: Debian's chromium is used).
if [ -f "$root/web/package-lock.json" ]; then
  stamp="$root/web/node_modules/.argosim-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/web/package-lock.json" "$stamp"; then
    (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/web/package-lock.json" "$stamp"
  fi
fi
