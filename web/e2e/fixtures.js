// Shared e2e fixtures: every page is checked for requests to other origins (each request's origin is
// routed and checked; foreign ones are aborted and reported) and for console errors.
import { test as base, expect } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const usingFake = !!process.env.ARGOSIM_FAKE_ENGINE;
export const hasEngine = usingFake || existsSync(fileURLToPath(new URL('../src/wasm/argosim.mjs', import.meta.url)));
export const NO_ENGINE =
  'SKIPPED: web/src/wasm/argosim.mjs is absent, so there is no engine to test against. ' +
  'Build it with `cmake --workflow --preset wasm` (or set ARGOSIM_FAKE_ENGINE=1 to click through with fixtures).';
export const SCREENS = fileURLToPath(new URL('../test-results/screens/', import.meta.url));
mkdirSync(SCREENS, { recursive: true });

/** Routes every request of a context through an origin check; returns the list of foreign URLs it aborted. */
export async function guard(context, baseURL) {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  return foreign;
}

export const test = base.extend({
  context: async ({ context, baseURL }, use) => {
    const foreign = await guard(context, baseURL);
    await use(context);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
  page: async ({ page }, use) => {
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.consoleErrors = errors;
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

/** Waits for the page's next completed simulation (runs counter on #app moves past `after`). */
export async function waitForRun(page, after = 0) {
  await page.waitForFunction((n) => Number(document.getElementById('app')?.dataset.runs ?? 0) > n, after, { timeout: 15_000 });
}
export const runs = (page) => page.evaluate(() => Number(document.getElementById('app')?.dataset.runs ?? 0));

/** Replaces the editor's whole text the way a user would: select all, then type/paste. */
export async function replaceText(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
/** The editor's text, once the editor is up (it is set up after the first timeline is drawn). */
export async function editorText(page) {
  await page.waitForFunction(() => window.__argosim?.editor);
  return page.evaluate(() => window.__argosim.editor.getText());
}
