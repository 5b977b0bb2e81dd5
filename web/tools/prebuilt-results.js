// Build step: every gallery example simulated by the page's own engine (the same .wasm, run under node), so that
// the page can draw an example's timeline before the engine has loaded in the browser; the browser's engine then
// runs it again and the page keeps the drawing only when the two answers are the same text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instantiateEngine } from '../src/engine/instantiate.js';

/** Ids become file names (examples/<id>.result.json): anything else is left to the engine in the browser. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * glue, wasm: paths of argosim.mjs and argosim.wasm; publicDir: the folder holding examples/index.json.
 * → {version, build, results: [{id, json}]}, in gallery order; build names this very .wasm (its SHA-256, cut).
 */
export async function simulateGallery({ glue, wasm, publicDir }) {
  const { default: createArgosim } = await import(pathToFileURL(glue).href);
  const bytes = readFileSync(wasm);
  const engine = await instantiateEngine(createArgosim, await WebAssembly.compile(bytes));
  const index = JSON.parse(readFileSync(join(publicDir, 'examples/index.json'), 'utf8'));
  const results = [];
  for (const entry of Array.isArray(index) ? index : []) {
    if (typeof entry?.id !== 'string' || typeof entry.file !== 'string' || !SAFE_ID.test(entry.id)) continue;
    // the same resolution as the page's gallery (src/gallery.js): relative to examples/ unless it says examples/
    const file = join(publicDir, entry.file.startsWith('examples/') ? '' : 'examples', entry.file);
    results.push({ id: entry.id, json: engine.simulate(readFileSync(file, 'utf8')) });
  }
  return { version: String(engine.version()), build: createHash('sha256').update(bytes).digest('hex').slice(0, 16), results };
}
