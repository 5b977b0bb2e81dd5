// Starts the emscripten module from a WebAssembly.Module compiled elsewhere (the page compiles it once; the worker
// and the page's own first run both instantiate it).
export function instantiateEngine(createArgosim, compiled) {
  let failed;
  const failure = new Promise((_, reject) => (failed = reject));
  const ready = createArgosim({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), failed);
      return {};
    },
  });
  return Promise.race([ready, failure]);
}
