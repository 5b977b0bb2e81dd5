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

if [ ${#need_apt[@]} -gt 0 ] || ! $catch2_ok || [ "${need_update:-false}" = true ] || [ ! -d "$root/third_party/yaml-cpp" ]; then
  echo "setup: installing ${need_apt[*]} $($catch2_ok || echo libcatch2-dev)" >&2
  apt-get update -qq
  [ ${#need_apt[@]} -gt 0 ] && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  $catch2_ok || apt-get install -y -qq --no-install-recommends -t bookworm-backports libcatch2-dev >/dev/null
fi

# yaml-cpp for WebAssembly is built from Debian's own source package, in the same CMake build as the engine.
if [ ! -f "$root/third_party/yaml-cpp/CMakeLists.txt" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq yaml-cpp >/dev/null 2>&1)
  mkdir -p "$root/third_party"
  rm -rf "$root/third_party/yaml-cpp"
  mv "$tmp"/yaml-cpp-*/ "$root/third_party/yaml-cpp"
  rm -rf "$tmp"
fi

# Node packages for the page and its tests (no browser download: Debian's chromium is used).
if [ -f "$root/web/package-lock.json" ]; then
  stamp="$root/web/node_modules/.argosim-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/web/package-lock.json" "$stamp"; then
    (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/web/package-lock.json" "$stamp"
  fi
fi
