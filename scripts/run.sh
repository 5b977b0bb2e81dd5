#!/usr/bin/env bash
# THE main command (README): setup, build the native CLI and show the seed example's timeline, then build the
# WebAssembly module and the page and serve it on http://127.0.0.1:5173/ (Ctrl-C stops it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export EMSDK_PYTHON=${EMSDK_PYTHON:-/usr/bin/python3} # see scripts/test.sh

bash scripts/setup.sh

echo "==== native: build/native/argosim ====" >&2
cmake --preset native >/dev/null
cmake --build --preset native --target argosim

seed=public/examples/maxduration-143-kill.yaml
echo "==== build/native/argosim simulate $seed --text ====" >&2
build/native/argosim simulate "$seed" --text

if [ ! -f web/package.json ]; then
  echo "(web/ is not there yet: nothing to serve)" >&2
  exit 0
fi

echo "==== wasm: argosim.mjs/.wasm -> web/src/wasm/ ====" >&2
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target argosim_wasm

echo "==== web: npm run build ====" >&2
cd web
npm run build
port=${ARGOSIM_PORT:-5173}
echo "==== serving web/dist: http://127.0.0.1:$port/ (Ctrl-C to stop) ====" >&2
exec npx vite preview --host 127.0.0.1 --port "$port" --strictPort
