// The page's first run of a gallery example, on the main thread: a worker takes a few hundred milliseconds to
// start, and a gallery example simulates in about a millisecond. Only for texts shipped with the page (each is a
// golden test, so its run is known to be short): anything a user typed or linked goes to the worker's watchdog.
import { instantiateEngine } from './instantiate.js';

/** compiled: Promise<WebAssembly.Module | null>. simulate(yaml) → Promise<{result, json, ms, version}>, like EngineClient. */
export function createInlineEngine(compiled) {
  const glue = import('../wasm/argosim.mjs'); // fetched beside the compile, not after it
  const module = Promise.all([compiled, glue]).then(([wasm, { default: createArgosim }]) => {
    if (!wasm) throw new Error('no compiled engine');
    return instantiateEngine(createArgosim, wasm);
  });
  module.catch(() => {}); // a failure here only means the worker answers instead
  return {
    async simulate(yaml) {
      const mod = await module;
      const started = performance.now();
      const json = mod.simulate(yaml);
      const ms = performance.now() - started;
      performance.mark('argosim:first-run-simulated');
      return { result: JSON.parse(json), json, ms, version: String(mod.version()) };
    },
  };
}
