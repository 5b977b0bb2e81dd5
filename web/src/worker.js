// The engine's Web Worker: loads the WASM module (reporting download progress) and answers simulate requests.
import { compileEngine } from './engine/compile.js';
import { instantiateEngine } from './engine/instantiate.js';
import { createWorkerHandler } from './engine/protocol.js';
import createArgosim from './wasm/argosim.mjs';
import { DEFAULT_DOC } from './default-doc.js';

const wasmUrl = new URL('./wasm/argosim.wasm', import.meta.url).href;

async function load(progress, compiled) {
  if (typeof createArgosim !== 'function') throw new Error('argosim.mjs exports no createArgosim()');
  if (createArgosim.isFake) return createArgosim(); // the fixture stand-in (ARGOSIM_FAKE_ENGINE): no .wasm to fetch
  // the page fetched and compiled it, else it is fetched here (not by the module itself, so the page can show
  // download progress); instantiating is all that is left
  const module = compiled instanceof WebAssembly.Module ? compiled : await compileEngine(wasmUrl, progress);
  return instantiateEngine(createArgosim, module);
}

const handle = createWorkerHandler({ load, post: (msg) => self.postMessage(msg), warmUp: DEFAULT_DOC });
self.onmessage = (ev) => handle(ev.data);
