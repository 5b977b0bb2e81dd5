// Vite for the playground: root is web/, static files (examples, docs sample) come from ../public.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { captureFirstView, withFirstView } from './tools/first-view.js';
import { simulateGallery } from './tools/prebuilt-results.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const realEngine = here('./src/wasm/argosim.mjs');

/**
 * Resolves the engine module: the real WASM build when web/src/wasm/argosim.mjs exists; the fixture stand-in
 * when ARGOSIM_FAKE_ENGINE=1 (page work before the engine is built); otherwise a module that says what to build.
 */
function engineResolver() {
  return {
    name: 'argosim-engine',
    enforce: 'pre',
    resolveId(source) {
      if (!source.endsWith('/wasm/argosim.mjs')) return null;
      const fake = process.env.ARGOSIM_FAKE_ENGINE;
      if (fake === '1') return here('./test/fake-engine.js');
      if (fake) return fake; // a path: another stand-in module (page work only)
      if (existsSync(realEngine)) return realEngine;
      return '\0argosim-missing';
    },
    load(id) {
      if (id !== '\0argosim-missing') return null;
      return `export function createArgosim() {
  return Promise.reject(new Error('the engine is not built (web/src/wasm/argosim.mjs is missing): run cmake --workflow --preset wasm'));
}
export default createArgosim;`;
    },
  };
}

/**
 * The pages preload argosim.wasm so its download starts with the HTML, at low priority: a gallery example's first
 * timeline needs only the app, the example and its build result. Without the real engine there is nothing to
 * preload (and a 404 would be a console error).
 */
function preloadOnlyARealEngine() {
  return {
    name: 'argosim-engine-preload',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => (engineIsReal ? html : html.replace(/\s*<link rel="preload" href="\/src\/wasm\/argosim\.wasm"[^>]*>/, '')),
    },
  };
}

/** The CSP meta blocks Vite's dev-server style injection; keep it in built pages only. */
function devWithoutCsp() {
  return {
    name: 'argosim-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * `virtual:argosim-prebuilt`: {version, build (a hash of the .wasm), ids} of the gallery examples whose results the build computed with the
 * real engine (tools/prebuilt-results.js), each emitted as examples/<id>.result.json. None in the dev server and
 * with the fixture engine: the page then waits for its engine, as it does for any text a user wrote.
 */
function prebuiltGallery() {
  const ID = 'virtual:argosim-prebuilt';
  let build = false;
  let computed = null;
  return {
    name: 'argosim-prebuilt-gallery',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (source) => (source === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      if (!build || !engineIsReal) return 'export default null;';
      computed ??= await simulateGallery({ glue: realEngine, wasm: here('./src/wasm/argosim.wasm'), publicDir: here('../public') });
      return `export default ${JSON.stringify({ version: computed.version, build: computed.build, ids: computed.results.map((r) => r.id) })};`;
    },
    generateBundle() {
      for (const { id, json } of computed?.results ?? []) this.emitFile({ type: 'asset', fileName: `examples/${id}.result.json`, source: json });
    },
  };
}

/**
 * dist/index.html gets the first view the built page draws for the first gallery example (tools/first-view.js), so
 * the first paint is a timeline. Needs the real engine (the drawing is of its build result) and Chromium; without
 * either the page is left as it is, with a warning.
 */
function firstViewSnapshot() {
  let outDir = '';
  return {
    name: 'argosim-first-view',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const index = JSON.parse(readFileSync(here('../public/examples/index.json'), 'utf8'));
      const exampleId = Array.isArray(index) ? index[0]?.id : undefined;
      const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
      const skip = !engineIsReal ? 'no real engine' : typeof exampleId !== 'string' ? 'no gallery' : !existsSync(chromiumPath) ? `no ${chromiumPath}` : '';
      if (skip) return void console.warn(`argosim: index.html without its first-view snapshot (${skip})`);
      const file = `${outDir}/index.html`;
      const markup = await captureFirstView({ distDir: outDir, exampleId, chromiumPath });
      writeFileSync(file, withFirstView(readFileSync(file, 'utf8'), { markup, exampleId }));
    },
  };
}

// Whether the page can compile the real engine itself (the fixture stand-in has no .wasm to fetch).
const engineIsReal = !process.env.ARGOSIM_FAKE_ENGINE && existsSync(realEngine);

export default defineConfig({
  root: here('.'),
  define: { 'import.meta.env.ARGOSIM_REAL_ENGINE': JSON.stringify(engineIsReal) },
  publicDir: here('../public'),
  base: './',
  plugins: [engineResolver(), preloadOnlyARealEngine(), devWithoutCsp(), prebuiltGallery(), firstViewSnapshot()],
  worker: { format: 'es', plugins: () => [engineResolver()] },
  build: {
    target: 'es2022',
    outDir: here('./dist'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: here('./index.html'),
        embed: here('./embed.html'),
        'argo-playground': here('./src/argo-playground.js'),
      },
      output: {
        // the web component is loaded by other sites' pages with a plain <script src>: give it a stable name
        entryFileNames: (chunk) => (chunk.name === 'argo-playground' ? 'argo-playground.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
