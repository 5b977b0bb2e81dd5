// Fetches and compiles the engine's WebAssembly: on the page while the worker script is still loading (the compiled
// module is then posted to the worker, which only instantiates it, and a restarted worker reuses it), or in the
// worker when the page could not.

/** `fetch(url)` → WebAssembly.Module, reporting progress(loaded, total) as the bytes arrive. */
export async function compileEngine(url, progress = () => {}, { fetchImpl = fetch, wasm = WebAssembly } = {}) {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`could not fetch ${url} (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length')) || 0;
  // compileStreaming compiles while the bytes arrive, but only for an application/wasm response. It reads the
  // response itself, off the main thread; progress counts a copy, so a busy page never holds the compile back.
  if (typeof wasm.compileStreaming === 'function' && /^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) {
    countBytes(response.clone(), (loaded) => progress(loaded, total));
    return compiled(await wasm.compileStreaming(response));
  }
  const bytes = await response.arrayBuffer();
  progress(bytes.byteLength, total);
  return compiled(await wasm.compile(bytes));
}

function compiled(module) {
  globalThis.performance?.mark?.('argosim:engine-compiled');
  return module;
}

async function countBytes(response, onBytes) {
  if (!response.body) return;
  const reader = response.body.getReader();
  let loaded = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) onBytes((loaded += chunk.value.byteLength));
  } catch {
    /* the compile reports a failed download; the count just stops */
  }
}
