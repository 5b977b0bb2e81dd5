#!/usr/bin/env node
// Page benchmark (not a test): gzipped bundle size (WASM + JS + CSS), load-to-first-timeline and
// keystroke-to-redraw in headless Chromium, each the median of N runs, and yaml-cpp (in the WASM module) against
// js-yaml on the same 1 MB Workflow in the same Chromium. Prints figures; exits 0.
//   node bench/page-bench.mjs [--runs N] [--no-build] [--port 4174]
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { encodeState } from '../src/share.js';

const web = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 7));
const PORT = Number(opt('port', 4174));
const BUDGET_KB = 300;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!args.includes('--no-build')) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const realEngine = existsSync(join(web, 'src/wasm/argosim.mjs'));

// ---- bundle size: what index.html loads (the web component and embed entry are separate, listed apart)
const dist = join(web, 'dist');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(join(dist, 'assets'));
const rows = files
  .filter((f) => /\.(js|css|wasm)$/.test(f))
  .map((f) => {
    const bytes = readFileSync(f);
    return { file: f.slice(dist.length + 1), raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gz - a.gz);
const pageRows = rows.filter((r) => !/embed-/.test(r.file));
const total = pageRows.reduce((s, r) => s + r.gz, 0);
console.log(`argosim page benchmark (${process.env.ARGOSIM_FAKE_ENGINE === '1' ? 'FAKE fixture engine: no WASM' : realEngine ? 'real engine' : 'NO engine built: figures exclude the WASM'})`);
console.log('\nbundle (gzip -9):');
for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gz`);
const by = (re) => pageRows.filter((r) => re.test(r.file)).reduce((s, r) => s + r.gz, 0);
console.log(`  total for the playground page: ${kb(total)} gz (JS ${kb(by(/\.js$/))}, CSS ${kb(by(/\.css$/))}, WASM ${kb(by(/\.wasm$/))}); budget ${BUDGET_KB} KB → ${total <= BUDGET_KB * 1024 ? 'within' : 'OVER'}`);

// A Workflow of about 1 MB whose bulk is 20 000 annotations: what costs is reading the YAML, not simulating.
function bigWorkflow() {
  const lines = ['apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata:', '  name: big', '  annotations:'];
  for (let i = 0; lines.join('\n').length < 1024 * 1024 - 200; i++) lines.push(`    note-${i}: "annotation number ${i} of a generated Workflow"`);
  lines.push('spec:', '  entrypoint: main', '  templates:', '  - name: main', '    container: {image: alpine, command: [sh, -c, "exit 0"]}');
  return lines.join('\n') + '\n';
}

// The browser module and js-yaml served from a made-up origin (no CSP, nothing else loaded), timed in one page.
async function parseBench(browser) {
  const files = {
    '/index.html': ['text/html', '<!doctype html><title>parse</title>'],
    '/argosim.mjs': ['text/javascript', readFileSync(join(web, 'src/wasm/argosim.mjs'))],
    '/argosim.wasm': ['application/wasm', readFileSync(join(web, 'src/wasm/argosim.wasm'))],
    '/js-yaml.mjs': ['text/javascript', readFileSync(join(web, 'node_modules/js-yaml/dist/js-yaml.mjs'))],
  };
  const ctx = await browser.newContext();
  await ctx.route('http://parse.bench/**', (route) => {
    const [type, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', ''];
    return route.fulfill({ status: body ? 200 : 404, contentType: type, body });
  });
  const page = await ctx.newPage();
  await page.goto('http://parse.bench/index.html');
  const text = bigWorkflow();
  const result = await page.evaluate(
    async ({ text, runs }) => {
      const { default: createArgosim } = await import('/argosim.mjs');
      const jsyaml = await import('/js-yaml.mjs');
      const engine = await createArgosim();
      const time = (f) => {
        const t0 = performance.now();
        f();
        return performance.now() - t0;
      };
      const check = JSON.parse(engine.simulate(text));
      if (check.workflow.phase !== 'Succeeded') throw new Error(`unexpected outcome: ${JSON.stringify(check.diagnostics)}`);
      const wasm = [];
      const jsYaml = [];
      for (let i = 0; i < runs; i++) {
        wasm.push(time(() => engine.simulate(text)));
        jsYaml.push(time(() => jsyaml.load(text)));
      }
      return { wasm, jsYaml, runs };
    },
    { text, runs: RUNS },
  );
  await ctx.close();
  return { ...result, bytes: text.length };
}

// From navigation start to the first drawn timeline (a segment in the DOM, after the next frame), in the page: the
// time, and the page's files fetched by then.
const firstTimeline = () =>
  new Promise((resolve) => {
    const done = () =>
      requestAnimationFrame(() =>
        resolve({ at: performance.now(), files: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname) }),
      );
    const ok = () => Number(document.getElementById('app')?.dataset.runs ?? 0) > 0 && document.querySelector('.tl-seg');
    if (ok()) return done();
    const mo = new MutationObserver(() => ok() && (mo.disconnect(), done()));
    mo.observe(document.documentElement, { attributes: true, subtree: true, childList: true });
  });

// The page's first paint in ms after navigation start, once Chromium has reported it (after the frame).
async function firstPaint(page) {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
}

// ---- timings in headless Chromium against vite preview
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: web, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const base = `http://127.0.0.1:${PORT}/`;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
  const loads = [];
  const firstPaints = [];
  const phases = {}; // the page's own start-up marks (argosim:*), ms after navigation start
  const MARKS = ['argosim:run-drawn', 'argosim:engine-compiled', 'argosim:engine-answered', 'argosim:editor-ready'];
  const typed = [];
  const forced = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await page.goto(`${base}#example/maxduration-143-kill`);
    const first = await page.evaluate(firstTimeline);
    loads.push(first.at);
    // the build put this example's first view into the HTML: its timeline is in the first paint
    if (await page.evaluate(() => document.getElementById('app').dataset.firstView === 'replaced')) firstPaints.push(await firstPaint(page));
    // keystroke → redraw: typing (includes the 250 ms debounce) and Ctrl+Enter (engine + render only)
    // The listeners are in place before the key is pressed (an evaluate still on its way could miss the keydown
    // and time the page's age instead).
    const measure = async (press) => {
      await page.evaluate(() => {
        const app = document.getElementById('app');
        const n = Number(app.dataset.runs);
        let t0 = 0;
        document.addEventListener('keydown', () => (t0 ||= performance.now()), { capture: true, once: true });
        window.__redraw = new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            if (Number(app.dataset.runs) > n) {
              mo.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }
          });
          mo.observe(app, { attributes: true });
        });
      });
      await press();
      return page.evaluate(() => window.__redraw);
    };
    await page.waitForFunction(() => window.__argosim?.editor); // set up after the first timeline
    if (realEngine) await page.waitForFunction(() => performance.getEntriesByName('argosim:engine-answered').length > 0);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    for (const [name, at] of marks) (phases[name] ??= []).push(at);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    typed.push(await measure(() => page.keyboard.type('#')));
    forced.push(await measure(() => page.keyboard.press('ControlOrMeta+Enter')));
    await ctx.close();
  }
  // What that first timeline needs: the engine and the editor are held back until it is drawn; the files fetched by
  // then (the page's own; the example and its result are a few KB more).
  let needs = [];
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\.wasm$|\/editor-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.goto(`${base}#example/maxduration-143-kill`);
    needs = (await page.evaluate(firstTimeline)).files;
    release();
    await ctx.close();
  }
  // The same example opened from a share link: nothing was computed for it at build, so the first timeline is the
  // engine's (compiled, instantiated and first called in this page).
  const shared = await encodeState(readFileSync(join(web, '../public/examples/maxduration-143-kill.yaml'), 'utf8'));
  const linked = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    await page.goto(`${base}#${shared}`);
    linked.push(await page.evaluate(firstTimeline).then((r) => r.at));
    await ctx.close();
  }
  // Both again over a throttled link (Chromium's "Fast 3G": 150 ms round trips, 1.6 Mbit/s down), where what the
  // first timeline has to fetch shows.
  const slow = { example: [], linked: [] };
  const slowPaints = [];
  for (const [kind, hash] of [['example', '#example/maxduration-143-kill'], ['linked', `#${shared}`]]) {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
      await page.goto(`${base}${hash}`);
      slow[kind].push(await page.evaluate(firstTimeline).then((r) => r.at));
      if (kind === 'example') slowPaints.push(await firstPaint(page));
      await ctx.close();
    }
  }
  // The floor under "load → first timeline" on this machine: a page that is nothing but one SVG rectangle, from
  // the same server, first painted.
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.route(`${base}__floor.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><svg width="600" height="40"><rect width="300" height="20"/></svg>' }),
    );
    await page.goto(`${base}__floor.html`);
    floor.push(await firstPaint(page));
    await ctx.close();
  }
  // What painting this page costs by itself here: index.html without its scripts (the first view, if the build
  // wrote one, else the boot text) from the same server, first painted. The gap to the floor above is style, layout
  // and raster of a page of text, which this VM does in software.
  const statics = [];
  const staticFile = join(dist, '__static-first-view.html');
  writeFileSync(staticFile, readFileSync(join(dist, 'index.html'), 'utf8').replace(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g, ''));
  try {
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const page = await ctx.newPage();
      await page.goto(`${base}__static-first-view.html#example/maxduration-143-kill`);
      statics.push(await firstPaint(page));
      await ctx.close();
    }
  } finally {
    unlinkSync(staticFile);
  }
  const parse = realEngine ? await parseBench(browser) : null;
  await browser.close();
  const fmt = (xs) => `${median(xs).toFixed(0)} ms median (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
  console.log('\ntimings (headless Chromium, 1280×720):');
  if (firstPaints.length) console.log(`  load → first timeline on screen:  ${fmt(firstPaints)}\n    (the first paint: the build wrote this example's first view into index.html)`);
  else console.log('  load → first timeline on screen:  no first view in index.html (no Chromium or no engine at build)');
  console.log(`  load → the page's own first drawing: ${fmt(loads)}`);
  console.log(`    (a gallery example: drawn from the build's result, then confirmed by the engine at engine-answered)`);
  const needed = pageRows.filter((r) => needs.some((f) => f.endsWith(`/${r.file}`)));
  console.log(`    fetched by then with the WASM and CodeMirror held back: ${kb(needed.reduce((sum, r) => sum + r.gz, 0))} gz of the bundle (${needed.map((r) => r.file.replace(/^assets\//, '')).join(', ')}) + the example and its result`);
  for (const name of MARKS) if (phases[name]) console.log(`    ${name.replace('argosim:', '').padEnd(31)}${fmt(phases[name])}`);
  console.log(`  the same example from a share link (the engine's own first answer): ${fmt(linked)}`);
  console.log(`  over "Fast 3G" (150 ms RTT, 1.6 Mbit/s): a gallery example ${fmt(slow.example)} (first paint ${fmt(slowPaints)}); the share link ${fmt(slow.linked)}`);
  console.log(`  floor: a one-rectangle SVG page's first paint, same server: ${fmt(floor)}`);
  console.log(`  floor for this page: its index.html without scripts, first paint: ${fmt(statics)}`);
  console.log(`  keystroke → redraw (debounced):   ${fmt(typed)}`);
  console.log(`  Ctrl+Enter → redraw (no debounce): ${fmt(forced)}`);
  if (parse) {
    console.log(`\nparse, the same ${kb(parse.bytes)} Workflow in the same Chromium (${parse.runs} runs each):`);
    console.log(`  argosim simulate (yaml-cpp parse + validate + a one-pod run, WASM): ${fmt(parse.wasm)}`);
    console.log(`  js-yaml load:                                                    ${fmt(parse.jsYaml)}`);
  }
} finally {
  process.kill(-server.pid);
}
