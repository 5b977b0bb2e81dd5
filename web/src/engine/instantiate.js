// Starts the emscripten module from a WebAssembly.Module compiled elsewhere (the page compiles it once and the
// worker instantiates it; the build does the same under node for the gallery's results).
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
