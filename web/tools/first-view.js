// Build step: the playground's first view, rendered by the built page itself in headless Chromium and written into
// dist/index.html, so that the first paint already shows the default example's timeline. The live page replaces
// it with its own drawing of the same result (src/app.js); a share link or a saved draft hides it before it paints.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** Serves dir on 127.0.0.1 at a free port: {url, close}. */
function serve(dir) {
  const server = createServer((req, res) => {
    let file = '';
    try {
      file = join(dir, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    } catch {
      /* a malformed path: 404 below */
    }
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

/**
 * The markup inside #app once the built page has drawn the example from its build result, with the engine and the
 * editor held back (what a visitor sees before they arrive). Form state lives in properties, which serializing
 * loses: it is copied into attributes first. → the markup, or throws.
 */
export async function captureFirstView({ distDir, exampleId, chromiumPath, viewport = { width: 1280, height: 720 } }) {
  const { chromium } = await import('playwright-core');
  const site = await serve(distDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce', colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.route(/\.wasm$|\/editor-[^/]*\.js$/, () => {}); // never answered: the view before they arrive
    await page.goto(`${site.url}#example/${encodeURIComponent(exampleId)}`);
    await page.waitForSelector('#app[data-prebuilt="drawn"]', { timeout: 20_000 });
    return await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const app = document.getElementById('app');
            for (const o of app.querySelectorAll('option')) o.toggleAttribute('selected', o.selected);
            for (const i of app.querySelectorAll('input')) {
              if (i.type === 'checkbox') i.toggleAttribute('checked', i.checked);
              else i.setAttribute('value', i.value);
            }
            resolve(app.innerHTML);
          }),
        ),
    );
  } finally {
    await browser.close();
    site.close();
  }
}

/**
 * Decides before the first paint whether the snapshot is what this visit will show: only for the default view or
 * its own example link, and only without a saved draft (a share link or a draft would flash the wrong workflow).
 * It also applies a stored theme choice, so the first paint has the visitor's colours.
 */
export function firstViewScript(exampleId) {
  const own = JSON.stringify(`#example/${encodeURIComponent(exampleId)}`);
  return (
    `(function(){var d=document.documentElement,h=location.hash,s=null,t=null;` +
    `try{s=localStorage.getItem('argosim:draft');t=localStorage.getItem('argosim:theme')}catch(e){}` +
    `if(t==='light'||t==='dark')d.dataset.theme=t;` +
    `if(s||(h&&h!==${own}))d.dataset.firstView='off'})()`
  );
}

/**
 * index.html with the snapshot inside #app (inert, ahead of the boot text) and the deciding script in <head>, its
 * SHA-256 added to the page's Content-Security-Policy (no 'unsafe-inline'). Throws when the page lacks a marker.
 */
export function withFirstView(html, { markup, exampleId }) {
  const script = firstViewScript(exampleId);
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/;
  const boot = /(<div id="app" class="app">)/;
  if (!csp.test(html) || !boot.test(html) || !html.includes('</title>')) throw new Error('index.html lacks the CSP, #app or <title>');
  const attr = exampleId.replace(/[^A-Za-z0-9._-]/g, '');
  return html
    .replace(csp, (m) => `${m} ${hash}`)
    .replace('</title>', () => `</title>\n    <script>${script}</script>`)
    .replace(boot, (m) => `${m}\n      <div class="first-view" inert data-example="${attr}">${markup}</div>`);
}
