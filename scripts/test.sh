#!/usr/bin/env bash
# THE test command (README, .ci/run): setup, then the native, sanitizer and WebAssembly builds with their Catch2
# suites through ctest, then the page's unit and browser tests. Stops at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# ctest runs one process per TEST_CASE (a node start for wasm): use every core.
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$(nproc)}
# emscripten's wrapper runs `python3`; skip any pyenv/virtualenv shim on PATH (seconds per em++ call on a busy box).
export EMSDK_PYTHON=${EMSDK_PYTHON:-/usr/bin/python3}

started=$SECONDS
section_start=
section() {
  [ -n "$section_start" ] && printf -- '---- done in %ds\n' $((SECONDS - section_start))
  section_start=$SECONDS
  printf '\n==== %s ====\n' "$*"
}

passed=0
failed=0
ctest_log=$(mktemp)
finish() {
  local rc=$?
  rm -f "$ctest_log"
  [ $rc -ne 0 ] && printf '\n==== FAILED (exit %d) in the section above, after %ds ====\n' $rc $((SECONDS - started))
  exit $rc
}
trap finish EXIT
# Configure, build and test one preset; adds ctest's "N tests failed out of M" to the totals.
preset() {
  local name=$1
  section "$name: configure"
  cmake --preset "$name" >/dev/null
  section "$name: build"
  cmake --build --preset "$name"
  section "$name: test (ctest --preset $name)"
  ctest --preset "$name" | tee "$ctest_log"
  local line total bad
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$ctest_log" | tail -1)
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

has_npm_script() { # <name>: web/package.json defines scripts.<name>
  node -e 'const s = require(process.argv[1]).scripts || {}; process.exit(s[process.argv[2]] ? 0 : 1)' \
    "$root/web/package.json" "$1" 2>/dev/null
}

section "setup (scripts/setup.sh)"
bash scripts/setup.sh

preset native
preset asan
preset wasm # also copies argosim.mjs/.wasm into web/src/wasm/ for the page's tests

if [ -f web/package.json ]; then
  if has_npm_script test; then
    section "web: unit tests (npm test)"
    (cd web && npm test)
  fi
  if has_npm_script test:e2e; then
    section "web: browser tests (npm run test:e2e)"
    # playwright.config.js serves the page on ARGOSIM_E2E_PORT (4173). If something already listens there (a dev's
    # preview of another checkout), use a free port instead: outside CI Playwright would reuse that foreign server.
    port=${ARGOSIM_E2E_PORT:-4173}
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      echo "port ${ARGOSIM_E2E_PORT:-4173} is in use: serving the page for the browser tests on $port"
    fi
    export ARGOSIM_E2E_PORT=$port
    (cd web && npm run test:e2e)
  fi
fi

section "summary"
printf 'all green in %ds (native + asan + wasm ctest counts below; web tests passed by exit code)\n' \
  $((SECONDS - started))
echo "$passed passed, $failed failed"
