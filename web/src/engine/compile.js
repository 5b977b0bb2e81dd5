// Fetches and compiles the engine's WebAssembly on the page while the worker script is still loading: the
// compiled module is then posted to the worker, which only instantiates it (and a restarted worker reuses it).

/** `fetch(url)` → WebAssembly.Module, reporting progress(loaded, total) as the bytes arrive. */
export async function compileEngine(url, progress = () => {}, { fetchImpl = fetch, wasm = WebAssembly } = {}) {
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`could not fetch ${url} (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length')) || 0;
  const counted = countingResponse(response, (loaded) => progress(loaded, total));
  // compileStreaming compiles while the bytes arrive, but only for an application/wasm response
  const streaming = typeof wasm.compileStreaming === 'function' && /^application\/wasm\b/.test(response.headers.get('content-type') ?? '');
  const module = await (streaming ? wasm.compileStreaming(counted) : wasm.compile(await counted.arrayBuffer()));
  globalThis.performance?.mark?.('argosim:engine-compiled');
  return module;
}

function countingResponse(response, onBytes) {
  if (!response.body) return response;
  let loaded = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      onBytes(loaded);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { headers: response.headers });
}
