// The engine's Web Worker: loads the WASM module (reporting download progress) and answers simulate requests.
import { instantiateEngine } from './engine/instantiate.js';
import { createWorkerHandler } from './engine/protocol.js';
import createArgosim from './wasm/argosim.mjs';
import { DEFAULT_DOC } from './default-doc.js';

const wasmUrl = new URL('./wasm/argosim.wasm', import.meta.url).href;

async function fetchWithProgress(url, progress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not fetch ${url} (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    progress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

async function load(progress, compiled) {
  if (typeof createArgosim !== 'function') throw new Error('argosim.mjs exports no createArgosim()');
  if (createArgosim.isFake) return createArgosim(); // the fixture stand-in (ARGOSIM_FAKE_ENGINE): no .wasm to fetch
  // the page fetched and compiled it: instantiating is all that is left
  if (compiled instanceof WebAssembly.Module) return instantiateEngine(createArgosim, compiled);
  // fetched here rather than by the module itself, so the page can show download progress
  const wasmBinary = await fetchWithProgress(wasmUrl, progress);
  return createArgosim({ wasmBinary });
}

const handle = createWorkerHandler({ load, post: (msg) => self.postMessage(msg), warmUp: DEFAULT_DOC });
self.onmessage = (ev) => handle(ev.data);
