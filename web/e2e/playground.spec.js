import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, hasEngine, NO_ENGINE, SCREENS, usingFake, waitForRun, runs, replaceText, editorText, guard } from './fixtures.js';

const gallery = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/examples/index.json', import.meta.url)), 'utf8'));
const SEED = 'maxduration-143-kill';

test.beforeEach(() => {
  test.skip(!hasEngine, NO_ENGINE);
});

test('loads, simulates the first example and draws the timeline', async ({ page }) => {
  const wasmRequests = [];
  page.on('request', (r) => /\.wasm$/.test(new URL(r.url()).pathname) && wasmRequests.push(r.url()));
  await page.goto('./');
  await waitForRun(page);
  await page.waitForFunction(() => document.documentElement.dataset.engine); // the worker is up as well
  // preloaded by the HTML, compiled once by the page, instantiated by the worker
  expect(wasmRequests).toHaveLength(usingFake ? 0 : 1);
  await expect(page.locator('#example-select')).toHaveValue(gallery[0].id);
  await expect(page.locator('.tl-seg').first()).toBeVisible();
  await expect(page.locator('.tl-deadline').first()).toBeAttached();
  await expect(page.locator('.status')).toContainText('Simulated in');
  await expect(page.locator('#outcome')).not.toBeEmpty();
  await expect(page.locator('#lesson')).toContainText(gallery[0].title);
});

test('the seed case: the retry is killed at 180 s by the executor with 143', async ({ page }) => {
  test.skip(usingFake, 'needs the real engine');
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const attempt1 = page.locator('.tl-seg[data-kind="running"][data-start="130"][data-end="180"]');
  await expect(attempt1).toHaveCount(1);
  await expect(attempt1).toHaveAttribute('data-phase', 'Failed');
  await expect(page.locator('.tl-seg[data-kind="running"][data-start="0"][data-end="120"]')).toHaveCount(1);
  await expect(page.locator('.tl-seg[data-kind="backoff"][data-start="120"][data-end="130"]')).toHaveCount(1);
  await expect(page.locator('[data-deadline-kind="maxDuration"][data-at="180"]')).toHaveCount(1);
  await expect(page.locator('[data-deadline-kind="executor"][data-at="180"]')).toHaveCount(1);
  await expect(page.locator('[data-deadline-kind="pod"][data-at="3600"]')).toHaveCount(1);
  await expect(page.locator('[data-deadline-kind="pod"][data-at="3730"]')).toHaveCount(1);
  const kill = page.locator('.tl-marker[data-ended-by="executor-deadline"]');
  await expect(kill).toHaveAttribute('data-exit-code', '143');
  await expect(kill).toContainText('143');
  // the why panel tells the root's story by default
  const why = page.locator('#why');
  await expect(why).toContainText('maxDuration deadline = first attempt started 0 s + 3m = 180 s');
  await expect(why).toContainText("attempt 1's ARGO_DEADLINE = 180 s");
  await expect(why).toContainText('killed at 180 s, exit 143');
  await expect(why).toContainText('Max duration limit exceeded');
  // selecting the attempt's row tells its own story
  await page.locator('.tl-row[data-row="2"] .tl-name').click();
  await expect(why).toContainText('Killed by the executor');
});

test('when the page cannot compile the engine, the worker fetches and compiles it itself', async ({ page }) => {
  test.skip(usingFake, 'needs the real engine');
  // init scripts run in the page, not in its workers: only the page's compile fails
  await page.addInitScript(() => {
    WebAssembly.compileStreaming = () => Promise.reject(new Error('no compiling on this page'));
    WebAssembly.compile = () => Promise.reject(new Error('no compiling on this page'));
  });
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await expect(page.locator('.tl-seg[data-kind="running"][data-start="130"][data-end="180"]')).toHaveCount(1);
  await expect(page.locator('.status')).toContainText('Simulated in');
});

test('a gallery example is drawn from the build before the engine loads, and the engine has the last word', async ({ page }) => {
  test.skip(usingFake, 'the build computes results with the real engine only');
  // the engine's bytes are held back: what is drawn meanwhile can only come from the build's result
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  // … and that result is tampered with, as a stale or corrupt file would be
  await page.route(new RegExp(`/examples/${SEED}\\.result\\.json$`), async (route) => {
    const res = await route.fetch();
    const json = (await res.text()).replaceAll('"Max duration limit exceeded"', '"a stale message"');
    await route.fulfill({ response: res, body: json });
  });
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await expect(page.locator('#app')).toHaveAttribute('data-prebuilt', 'drawn');
  await expect(page.locator('.tl-seg[data-kind="running"][data-start="130"][data-end="180"]')).toHaveCount(1);
  await expect(page.locator('#outcome')).toContainText('a stale message');
  await expect(page.locator('.status')).toContainText('Drawn from the result computed when this page was built');
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-prebuilt', 'replaced');
  await expect(page.locator('#outcome')).toContainText('Max duration limit exceeded');
  await expect(page.locator('.status')).toContainText('Simulated in');
});

test('the first paint already shows the seed case: the build wrote its first view into index.html', async ({ page }) => {
  test.skip(usingFake, 'the build draws the first view with the real engine only');
  // no script at all: what is on screen is the HTML the build wrote
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./', { waitUntil: 'commit' });
  const firstView = page.locator('.first-view');
  const kill = '.tl-seg[data-kind="running"][data-start="130"][data-end="180"][data-phase="Failed"]';
  await expect(firstView.locator(kill)).toBeVisible();
  await expect(firstView.locator('.tl-marker[data-ended-by="executor-deadline"]')).toHaveAttribute('data-exit-code', '143');
  await expect(firstView.locator('#why')).toContainText('killed at 180 s, exit 143');
  await expect(page.locator('.boot')).toBeHidden();
  const drawn = await firstView.locator('.tl-seg[data-node]').evaluateAll((els) => els.map((e) => e.outerHTML));
  // the page then puts its own drawing of the same result in its place: one copy of the page, never a blank one
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-first-view', 'replaced');
  await expect(firstView).toHaveCount(0);
  await expect(page.locator('#timeline')).toHaveCount(1);
  await waitForRun(page);
  expect(await page.locator('#timeline .tl-seg[data-node]').evaluateAll((els) => els.map((e) => e.outerHTML))).toEqual(drawn);
  // the whole run was on screen from the first paint: the playhead stays at its end instead of replaying from 0
  await expect(page.locator('#play')).toHaveAttribute('aria-label', /Play/);
  await expect(page.locator('#clock')).toHaveText('180 s (3m)');
});

test('a share link, another example or a saved draft never shows the first view of the seed', async ({ page }) => {
  test.skip(usingFake, 'the build draws the first view with the real engine only');
  await page.route(/\/assets\/index-[^/]*\.js$/, () => {}); // the HTML alone decides
  const shown = async (url) => {
    await page.goto('about:blank'); // a new document each time: a change of hash alone would not reload the page
    await page.goto(url, { waitUntil: 'commit' });
    // what shows is decided once the page's stylesheet applies (until then nothing is painted)
    await page.waitForFunction(() => getComputedStyle(document.getElementById('app')).display === 'flex');
    const firstView = await page.locator('.first-view').isVisible();
    expect(await page.locator('.boot').isVisible()).toBe(!firstView);
    return firstView;
  };
  expect(await shown('./#example/backoff-arithmetic')).toBe(false);
  expect(await shown('./#v1:anything')).toBe(false);
  await page.evaluate(() => localStorage.setItem('argosim:draft', JSON.stringify({ text: 'x', origin: '' })));
  expect(await shown('./')).toBe(false);
  await page.evaluate(() => localStorage.removeItem('argosim:draft'));
  expect(await shown(`./#example/${SEED}`)).toBe(true);
});

test('a reload draws the draft at once from the answer saved with it, and the engine confirms it', async ({ page }) => {
  test.skip(usingFake, 'results are saved for the real engine only');
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const before = await runs(page);
  await replaceText(page, (await editorText(page)).replace('maxDuration: 3m', 'maxDuration: 4m'));
  await waitForRun(page, before);
  await expect(page.locator('[data-deadline-kind="maxDuration"][data-at="240"]')).toHaveCount(1);
  await page.waitForFunction(() => (localStorage.getItem('argosim:draft-result') ?? '').includes('maxDuration: 4m'));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await waitForRun(page);
  await expect(page.locator('[data-deadline-kind="maxDuration"][data-at="240"]')).toHaveCount(1);
  await expect(page.locator('#app')).toHaveAttribute('data-prebuilt', 'drawn');
  await expect(page.locator('.status')).toContainText('Drawn from the result saved with your draft.');
  release();
  await expect(page.locator('#app')).toHaveAttribute('data-prebuilt', 'confirmed');
  await expect(page.locator('.status')).toContainText('Simulated in');
  // back to the example: the saved answer goes with the draft
  await page.locator('#reset').click();
  await expect(page.locator('[data-deadline-kind="maxDuration"][data-at="180"]')).toHaveCount(1);
  await page.waitForFunction(() => localStorage.getItem('argosim:draft-result') === null);
});

test('the first timeline does not wait for the editor: the text shows read-only until CodeMirror arrives', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/assets\/editor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await expect(page.locator('.tl-seg').first()).toBeVisible();
  await expect(page.locator('.editor-boot')).toContainText('maxDuration: 3m');
  await expect(page.locator('.cm-content')).toHaveCount(0);
  release();
  await expect(page.locator('.cm-content')).toContainText('maxDuration: 3m');
  await expect(page.locator('.editor-boot')).toHaveCount(0);
});

test('opens every gallery entry and shows its lesson', async ({ page }) => {
  await page.goto('./');
  await waitForRun(page);
  for (const entry of gallery) {
    const before = await runs(page);
    await page.locator('#example-select').selectOption(entry.id);
    await waitForRun(page, before);
    await expect(page.locator('#lesson'), entry.id).toContainText(entry.title);
    await expect(page.locator('.status'), entry.id).toContainText('Simulated in');
    // drawn from the build's result first, then confirmed text for text by the engine in this page
    if (!usingFake) await expect(page.locator('#app'), entry.id).toHaveAttribute('data-prebuilt', 'confirmed');
    await expect(page.locator('.tl-row').first(), entry.id).toBeVisible();
    expect(page.url(), entry.id).toContain(`#example/${entry.id}`);
    // the root's story is told, with no placeholder leaking into the text
    await expect(page.locator('#why .why-steps li').first(), entry.id).toBeVisible();
    for (const pane of ['#why', '#events', '#lesson', '#outcome']) {
      await expect(page.locator(pane), `${entry.id} ${pane}`).not.toContainText(/\bnull\b|undefined|NaN|\[object/);
    }
    await page.locator('#zoom-fit').click();
    await page.keyboard.press('End');
    await page.screenshot({ path: `${SCREENS}gallery-${entry.id}.png` });
  }
});

test('editing re-simulates and the timeline changes; reset returns to the example', async ({ page }) => {
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const original = await editorText(page);
  const ends = () => page.locator('.tl-seg[data-kind="running"]').evaluateAll((els) => els.map((e) => e.dataset.end).join(','));
  const firstEnds = await ends();
  const before = await runs(page);
  const edited = usingFake ? original.replace('sleep 120', 'sleep 90') : original.replace('maxDuration: 3m', 'maxDuration: 5m');
  expect(edited).not.toBe(original);
  await replaceText(page, edited);
  await waitForRun(page, before);
  if (!usingFake) {
    await expect(page.locator('[data-deadline-kind="maxDuration"]')).toHaveAttribute('data-at', '300');
    await expect(page.locator('[data-deadline-kind="maxDuration"][data-at="180"]')).toHaveCount(0);
  }
  await expect.poll(ends).not.toBe(firstEnds);
  await expect(page.locator('#reset')).toBeVisible();
  // the edit survives a reload
  await page.waitForTimeout(400);
  await page.reload();
  await waitForRun(page);
  expect(await editorText(page)).toBe(edited);
  const beforeReset = await runs(page);
  await page.locator('#reset').click();
  await waitForRun(page, beforeReset);
  expect(await editorText(page)).toBe(original);
  await expect(page.locator('#reset')).toBeHidden();
});

test('a big fan-out draws only the rows near the viewport, and the rest as they scroll in', async ({ page }) => {
  test.skip(usingFake, 'needs the real engine');
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await editorText(page);
  const fanOut = (count) => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: big}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - {name: work, template: flaky, withSequence: {count: "${count}"}}
    - name: flaky
      retryStrategy: {limit: 1}
      container: {image: alpine, command: [sh, -c, "exit 0"]}
---
kind: Scenario
pods:
  flaky: {attempts: [{run: 10s, exit: 1}, {run: 5s, exit: 0}]}
`;
  const before = await runs(page);
  await replaceText(page, fanOut(200)); // 2 + 3 × 200 rows, 1 000-odd events
  await waitForRun(page, before);
  const svg = page.locator('.tl-svg');
  await expect(svg).toHaveAttribute('data-rows', '602');
  const drawn = await page.locator('.tl-row').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(120);
  await expect(page.locator('.tl-row[data-row="601"]')).toHaveCount(0);
  await expect(page.locator('.ev-more')).toContainText('more events');
  await page.locator('.right').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('.tl-row[data-row="601"]')).toHaveCount(1);
  // the time axis has followed to the top of the scrolled view
  await expect(page.locator('.tl-header')).toHaveClass(/stuck/);
  const [axisTop, viewTop] = await page.evaluate(() => [
    document.querySelector('.tl-header .tl-axis-bg').getBoundingClientRect().top,
    document.querySelector('.right').getBoundingClientRect().top,
  ]);
  expect(Math.abs(axisTop - viewTop)).toBeLessThan(2);
  const last = await page.locator('.tl-row[data-row="601"]').getAttribute('data-node');
  expect(last).toBe('big[0].work(199:199)(1)');
  await expect(page.locator(`.tl-seg[data-node="${last}"][data-kind="running"]`)).toHaveAttribute('data-phase', 'Succeeded');
  // an event of a row far above brings that row back into view
  await page.locator('#events .ev-btn').nth(1).click();
  await expect(page.locator('.tl-row[data-row="1"]')).toBeInViewport();
  // ↑/↓ move between rows, drawing the ones beyond the drawn window as they come
  await page.locator('.tl-row[data-row="1"]').focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.tl-row[data-row="61"]')).toBeFocused();
  await expect(page.locator('.tl-row[data-row="61"]')).toBeInViewport();
  // the timeline is one tab stop: the row that has the focus
  await expect(page.locator('.tl-row[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('.tl-row[tabindex="0"]')).toHaveAttribute('data-row', '61');
});

test('bad YAML gets inline diagnostics with line:column', async ({ page }) => {
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const before = await runs(page);
  const broken = usingFake
    ? 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: [1, 2\n  x: y\n'
    : 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: bad\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    retryStrategy:\n      limit: 2\n      backoff: {duration: 10s, factor: "1.5"}\n    container: {image: alpine}\n';
  await replaceText(page, broken);
  await waitForRun(page, before);
  const item = page.locator('#diagnostics li').first();
  await expect(item).toBeVisible();
  await expect(item.locator('.diag-jump')).toHaveText(/\d+:\d+/);
  await expect(page.locator('.cm-lint-marker-error, .cm-lint-marker-warning').first()).toBeVisible();
  await expect(page.locator('.cm-lintRange-error, .cm-lintRange-warning').first()).toBeAttached();
  await page.screenshot({ path: `${SCREENS}diagnostics.png` });
  // a syntax error stops the run, the page says so, and keeps the last good timeline marked as stale
  const beforeSyntax = await runs(page);
  await replaceText(page, 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: [1, 2\n  x: y\n');
  await waitForRun(page, beforeSyntax);
  await expect(page.locator('.status')).toContainText('Not simulated');
  await expect(page.locator('#diagnostics li').first()).toContainText(/\d+:\d+/);
});

test('a share link restores exactly the shared text, unicode included', async ({ page, browser }) => {
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const text = (await editorText(page)) + '# ünïcødé — 日本語 ✓ 🚀 \t tab and trailing spaces   \n';
  const before = await runs(page);
  await replaceText(page, text);
  await waitForRun(page, before);
  expect(await editorText(page)).toBe(text);
  await page.locator('#share').click();
  const link = await page.locator('#share-link').inputValue();
  expect(link).toMatch(/#v1:[A-Za-z0-9_-]+$/);
  await expect(page.locator('#embed-code')).toHaveValue(/embed\.html\?mode=readonly#v1:/);
  // a fresh browser profile: no draft to fall back on
  const other = await browser.newContext();
  const foreign = await guard(other, link);
  const fresh = await other.newPage();
  await fresh.goto(link);
  await waitForRun(fresh);
  expect(await editorText(fresh)).toBe(text);
  await other.close();
  expect(foreign).toEqual([]);
});

test("a step's outputs show in the why panel, and a later step's when reads them", async ({ page }) => {
  test.skip(usingFake, 'needs the real engine');
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  const before = await runs(page);
  await replaceText(
    page,
    [
      'apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {name: coinflip}', 'spec:', '  entrypoint: main',
      '  templates:', '  - name: main', '    steps:', '    - - {name: flip, template: coin}',
      '    - - {name: heads, template: leaf, when: "{{steps.flip.outputs.result}} == heads"}',
      '      - {name: tails, template: leaf, when: "{{steps.flip.outputs.result}} == tails"}',
      '  - name: coin', '    script: {image: python, command: [python], source: "import random"}',
      '  - name: leaf', '    container: {image: alpine}', '---', 'kind: Scenario', 'pods:', '  flip: {result: heads}', '',
    ].join('\n'),
  );
  await waitForRun(page, before);
  await expect(page.locator('.tl-seg[data-node="coinflip[1].heads"]').first()).toBeVisible();
  await page.locator('.tl-row[data-node="coinflip[1].tails"] .tl-name').click();
  await expect(page.locator('#why')).toContainText('Skipped');
  await page.locator('.tl-row[data-node="coinflip[0].flip"] .tl-name').click();
  await expect(page.locator('#why dl.facts')).toContainText('outputs.result');
  await expect(page.locator('#why dl.facts')).toContainText('"heads"');
});

test('keyboard: Home, arrows, End and Space move the playhead', async ({ page }) => {
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await page.locator('.tl-axis-title').click(); // leave the editor
  await page.keyboard.press('Home');
  await expect(page.locator('#clock')).toHaveText('0 s');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#clock')).not.toHaveText('0 s');
  await page.keyboard.press('End');
  const end = await page.locator('#clock').textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#clock')).not.toHaveText(end);
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(page.locator('#play')).toHaveAttribute('aria-label', /Pause/);
  await page.keyboard.press(' ');
  await expect(page.locator('#play')).toHaveAttribute('aria-label', /Play/);
  await page.keyboard.press('?');
  await expect(page.locator('#help')).toBeVisible();
  await expect(page.locator('#help')).toContainText('Ctrl/⌘ + Enter');
});

test('the theme toggle cycles system → light → dark and persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(page.locator('#theme')).toContainText('System');
  await page.locator('#theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.locator('#theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await waitForRun(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(15, 19, 24)');
});

test('prefers-reduced-motion jumps to the end', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await page.locator('#play').click();
  await expect(page.locator('#scrub')).toHaveValue('1000');
});

test('collapse idle time toggles the squeezed stretches', async ({ page }) => {
  test.skip(usingFake, 'needs the real engine');
  await page.goto(`./#example/${SEED}`);
  await waitForRun(page);
  await expect(page.locator('.tl-break').first()).toBeAttached();
  await page.locator('#collapse-idle').uncheck();
  await expect(page.locator('.tl-break')).toHaveCount(0);
  await expect(page.locator('[data-deadline-kind="pod"].offscreen').first()).toBeAttached();
  await page.locator('#collapse-idle').check();
  await expect(page.locator('.tl-break').first()).toBeAttached();
});

test('embed page: read-only, forced theme, chosen panels, open-in-playground link', async ({ page }) => {
  await page.goto(`./embed.html?example=${SEED}&theme=dark&panels=timeline,why`);
  await waitForRun(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.tl-seg').first()).toBeVisible();
  await expect(page.locator('.cm-editor')).toHaveCount(0);
  await expect(page.locator('#why')).not.toBeEmpty();
  await expect(page.locator('#open-in-playground')).toHaveAttribute('href', new RegExp(`index\\.html#example/${SEED}$`));
  await page.screenshot({ path: `${SCREENS}embed-dark.png` });

  await page.goto(`./embed.html?mode=editable&theme=light`);
  await waitForRun(page);
  await expect(page.locator('.cm-content')).toHaveAttribute('contenteditable', 'true');
  const before = await runs(page);
  await replaceText(page, (await editorText(page)).replace('name:', 'name: x') );
  await waitForRun(page, before);
  await expect(page.locator('#open-in-playground')).toHaveAttribute('href', /index\.html#v1:/);
});

test('docs sample: the iframe and the <argo-playground> element both play', async ({ page }) => {
  await page.goto('./docs-sample.html');
  await expect(page.frameLocator('#iframe-embed').locator('.tl-seg').first()).toBeVisible({ timeout: 15_000 });
  await page.locator('#component-embed').scrollIntoViewIfNeeded();
  const component = page.frameLocator('argo-playground iframe');
  await expect(component.locator('.tl-seg').first()).toBeVisible({ timeout: 15_000 });
  await expect(component.locator('.cm-content')).toContainText('gave-up');
  await page.screenshot({ path: `${SCREENS}docs-sample.png`, fullPage: true });
});

for (const scheme of ['light', 'dark']) {
  test(`screenshot at 1280×720, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`./#example/${SEED}`);
    await waitForRun(page);
    await expect(page.locator('.tl-seg').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENS}playground-${scheme}.png` });
    await page.locator('#help-button').click();
    await page.screenshot({ path: `${SCREENS}help-${scheme}.png` });
  });
}
