#!/usr/bin/env bash
# Benchmarks, never tests: the engine natively and as WebAssembly under node on the same inputs (per-scenario
# medians and the WASM/native ratio, then fan-outs and DAG chains at scale), and with --page the page itself.
#   bash scripts/bench.sh [--page] [--min-time SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export EMSDK_PYTHON=${EMSDK_PYTHON:-/usr/bin/python3}

page=0
min_time=0.2
while [ $# -gt 0 ]; do
  case $1 in
  --page) page=1 ;;
  --min-time) min_time=$2; shift ;;
  *) echo "usage: bash scripts/bench.sh [--page] [--min-time SECONDS]" >&2; exit 2 ;;
  esac
  shift
done

bash scripts/setup.sh >/dev/null
cmake --preset native >/dev/null && cmake --build --preset native --target argosim_bench >/dev/null
cmake --preset wasm >/dev/null && cmake --build --preset wasm --target argosim_bench >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== native (g++ -O2), then WebAssembly (emscripten -Os, node $(node --version)): same inputs, one after the other"
build/native/bench/argosim_bench --min-time "$min_time" | tee "$out/native.txt"
node build/wasm/bench/argosim_bench.js --min-time "$min_time" | tee "$out/wasm.txt"

python3 - "$out/native.txt" "$out/wasm.txt" <<'PY'
import statistics, sys

def scenarios(path):
    rows = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 6 and parts[0].endswith(".yaml"):
            rows[parts[0]] = (float(parts[4]), float(parts[5]))  # ns per scenario, ns per event
    return rows

def scale(path):
    rows = {}
    for line in open(path):
        if line.startswith(("fan-out ", "DAG chain ")):
            label = line[:30].strip()
            rows[label] = float(line[30:].split()[2])  # sim ms
    return rows

native, wasm = scenarios(sys.argv[1]), scenarios(sys.argv[2])
both = sorted(set(native) & set(wasm))
if both:
    n = [native[k][0] for k in both]
    w = [wasm[k][0] for k in both]
    ratios = [wasm[k][0] / native[k][0] for k in both if native[k][0] > 0]
    per_event = [native[k][1] for k in both if native[k][1] > 0], [wasm[k][1] for k in both if wasm[k][1] > 0]
    print(f"\n== summary over {len(both)} scenarios (medians)")
    print(f"  per scenario: native {statistics.median(n) / 1e3:.0f} µs, WASM {statistics.median(w) / 1e3:.0f} µs")
    print(f"  per event:    native {statistics.median(per_event[0]) / 1e3:.1f} µs, "
          f"WASM {statistics.median(per_event[1]) / 1e3:.1f} µs")
    print(f"  WASM/native:  median {statistics.median(ratios):.1f}x (min {min(ratios):.1f}x, max {max(ratios):.1f}x)")
ns, ws = scale(sys.argv[1]), scale(sys.argv[2])
for label in ns:
    if label in ws and ns[label] > 0:
        print(f"  {label:<28} native {ns[label]:9.1f} ms   WASM {ws[label]:9.1f} ms   ({ws[label] / ns[label]:.1f}x)")
PY

if [ "$page" = 1 ]; then
  echo "== the page (headless Chromium)"
  cmake --build --preset wasm --target argosim_wasm >/dev/null
  (cd web && node bench/page-bench.mjs)
fi
