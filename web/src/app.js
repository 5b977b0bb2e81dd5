// The playground page: editor → engine worker → timeline + playback + why panel, with gallery, share links,
// saved drafts and themes. Used by index.html (full page) and embed.html (options from the query string).
import { h, s } from './dom.js';
import { EngineClient, EngineTimeout, Superseded } from './engine/client.js';
import { compileEngine } from './engine/compile.js';
import { duration, moment } from './format.js';
import { galleryEntries, loadExampleText } from './gallery.js';
import { forgetDraftResult, loadPrebuilt, saveDraftResult, savedDraftResult } from './prebuilt.js';
import { decodeState, encodeState, exampleHash, parseHash } from './share.js';
import { readStored, writeStored } from './storage.js';
import { applyTheme, cycleTheme, effectiveTheme, storedTheme } from './theme.js';
import { Playback, SPEEDS } from './timeline/playback.js';
import { TimelineView } from './timeline/svg.js';
import { story } from './why.js';
import { DEFAULT_DOC } from './default-doc.js';

const ENGINE_WASM_URL = new URL('./wasm/argosim.wasm', import.meta.url).href;
const DRAFT_KEY = 'argosim:draft';
const COLLAPSE_KEY = 'argosim:collapse-idle';
const DEBOUNCE_MS = 250;
// A list of tens of thousands of events (a big fan-out) would take seconds to build and nobody reads it whole.
const MAX_EVENTS_LISTED = 1000;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function readDraft() {
  const d = readStored(DRAFT_KEY);
  return d && typeof d.text === 'string' ? d : null;
}
/** null forgets the draft, and the engine's answer kept with it. */
function writeDraft(draft) {
  writeStored(DRAFT_KEY, draft);
  if (!draft) forgetDraftResult();
}
function readFlag(key, fallback) {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}
function writeFlag(key, value) {
  try {
    localStorage.setItem(key, value ? '1' : '0');
  } catch {
    /* ignore */
  }
}

const SHORTCUTS = [
  ['Ctrl/⌘ + Enter', 'simulate now (also runs by itself 250 ms after you stop typing)'],
  ['Space', 'play / pause'],
  ['← / →', 'previous / next event'],
  ['↑ / ↓', 'previous / next row, on a focused timeline row (Enter shows why)'],
  ['Home / End', 'start / end of the run'],
  ['+ / − or W / S', 'zoom in / out'],
  ['A / D', 'pan left / right'],
  ['0', 'fit the whole run'],
  ['C', 'collapse idle time on / off'],
  ['Ctrl + wheel', 'zoom at the pointer; drag the chart to pan, drag the time axis to scrub'],
  ['?', 'this list'],
  ['Esc', 'leave the editor (then the keys above work)'],
];

/**
 * options: {embed, readOnly, panels: {editor, timeline, why, events}, theme ('light'|'dark'|null),
 *           autoplay, initial: {kind: 'state', hash} | {kind: 'example', id} | {kind: 'text', text} | {kind: 'none'},
 *           persist (drafts + hash), base}
 */
export async function startPlayground(root, options = {}) {
  const opt = {
    embed: false,
    readOnly: false,
    panels: { editor: true, timeline: true, why: true, events: true },
    theme: null,
    autoplay: true,
    initial: parseHash(location.hash),
    persist: true,
    base: document.baseURI,
    ...options,
  };
  let themeChoice = opt.theme ?? storedTheme();
  applyTheme(themeChoice);

  // An example named by the link is requested before the page is built: its text and the build's result are what
  // the first timeline waits for.
  const listed = galleryEntries(opt.base);
  const linked = opt.initial?.kind === 'example' ? listed.entries.find((e) => e.id === opt.initial.id) : null;
  let early = linked ? requestExample(linked) : null;
  function requestExample(entry) {
    const req = { id: entry.id, text: loadExampleText(entry), prebuilt: loadPrebuilt(entry.id, opt.base) };
    req.text.catch(() => {}); // awaited by openExample, which reports a failure
    return req;
  }

  // ---------- state ----------
  const state = {
    origin: '', // 'example/<id>' or 'v1:…' or '' — what "back to …" returns to
    originText: DEFAULT_DOC,
    exampleId: '',
    result: null,
    lastGood: null,
    selected: '',
    loading: true,
    gallery: listed.entries,
    collapseIdle: readFlag(COLLAPSE_KEY, true),
    firstRun: true,
    programmatic: false,
  };

  // ---------- DOM ----------
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { class: 'load-progress', max: 100, 'aria-label': 'Loading the engine' });
  const statusText = h('span', { class: 'status-text', text: 'Loading the engine…' });
  status.append(progress, statusText);

  // ---------- engine ----------
  // Its bytes are preloaded by the HTML. It is compiled once the first text is known: at once when the engine must
  // answer it, after the first drawing when the build's result of a gallery example can be drawn meanwhile.
  let releaseEngine;
  let drawnNote = ''; // while a drawing made before the engine's answer waits for it: what it was drawn from
  const engineMayStart = new Promise((resolve) => (releaseEngine = resolve));
  const engine = new EngineClient({
    startAfter: engineMayStart,
    spawn: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'argosim-engine' }),
    compile: import.meta.env.ARGOSIM_REAL_ENGINE ? (onBytes) => compileEngine(ENGINE_WASM_URL, onBytes) : null,
    // Every simulation ends at an engine bound; the watchdog is the last resort for a huge input (a 10 000-pod
    // fan-out takes seconds), not the usual way out.
    timeoutMs: 15000,
    onStatus: (st) => {
      if (st.state === 'loading') {
        progress.hidden = false;
        if (st.total) progress.value = Math.round((100 * st.loaded) / st.total);
        else progress.removeAttribute('value');
        const loading = st.loaded ? `Loading the engine… ${Math.round(st.loaded / 1024)} KB` : 'Loading the engine…';
        setStatus('loading', drawnNote ? `${drawnNote} ${loading}` : loading);
      } else if (st.state === 'ready') {
        progress.hidden = true;
        document.documentElement.dataset.engine = st.version;
      } else if (st.state === 'failed') {
        progress.hidden = true;
        setStatus('error', `The engine could not start: ${st.error}`);
        showEmpty('The simulator is not available, so there is nothing to show. Reload to try again.');
      } else if (st.state === 'restarting') {
        setStatus('busy', 'Restarting the engine…');
      }
    },
  });

  const exampleSelect = h('select', { id: 'example-select', 'aria-label': 'Example' });
  const resetBtn = h('button', { type: 'button', id: 'reset', class: 'btn', hidden: true, text: '↺ Back to the example' });
  const shareBtn = h('button', { type: 'button', id: 'share', class: 'btn', text: 'Share…' });
  const themeBtn = h('button', { type: 'button', id: 'theme', class: 'btn', title: 'Theme: system, light or dark' });
  const helpBtn = h('button', { type: 'button', id: 'help-button', class: 'btn', popovertarget: 'help', 'aria-label': 'Keyboard shortcuts', text: '? Keys' });
  const openLink = h('a', { id: 'open-in-playground', class: 'btn', target: '_blank', rel: 'noopener', text: 'Open in playground ↗' });
  const lesson = h('details', { id: 'lesson', class: 'lesson', hidden: true });
  const outcome = h('p', { id: 'outcome', class: 'outcome' });

  const header = opt.embed
    ? h('header', { class: 'topbar embed-bar' }, h('span', { class: 'brand', text: 'argosim' }), outcome, h('span', { class: 'grow' }), openLink)
    : h('header', { class: 'topbar' },
        h('h1', { class: 'brand' }, 'argosim', h('span', { class: 'tagline', text: ' · Argo retries and deadlines, second by second' })),
        h('label', { class: 'example-label' }, h('span', { text: 'Example' }), exampleSelect),
        resetBtn,
        h('span', { class: 'grow' }),
        shareBtn,
        themeBtn,
        helpBtn,
      );

  const editorHost = h('div', { id: 'editor', class: 'editor-host' });
  const diagList = h('ul', { id: 'diagnostics', class: 'diagnostics', 'aria-label': 'Problems in the YAML' });
  const editedBadge = h('span', { class: 'badge', hidden: true, text: 'edited' });
  const editorPane = h('section', { class: 'pane editor-pane', 'aria-label': 'Workflow YAML' },
    h('div', { class: 'pane-head' }, h('h2', { text: 'Workflow YAML' }), editedBadge,
      h('span', { class: 'hint', text: opt.readOnly ? 'read-only' : 'edits re-simulate as you type' })),
    editorHost, diagList);

  // toolbar
  const btn = (id, content, label, onclick) =>
    h('button', { type: 'button', id, class: 'btn icon', 'aria-label': label, title: label, onclick }, content.startsWith('M') ? icon(content) : content);
  const playBtn = btn('play', ICONS.play, 'Play (Space)', () => playback.toggle());
  const speedSelect = h('select', { id: 'speed', 'aria-label': 'Playback speed' }, SPEEDS.map((sp) => h('option', { value: sp, text: `×${sp}` })));
  const scrub = h('input', { id: 'scrub', type: 'range', min: 0, max: 1000, step: 1, value: 0, 'aria-label': 'Time' });
  const clock = h('output', { id: 'clock', class: 'clock', text: '0 s' });
  const collapseBox = h('input', { id: 'collapse-idle', type: 'checkbox' });
  collapseBox.checked = state.collapseIdle;
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Playback' },
    btn('home', ICONS.home, 'Start (Home)', () => playback.home()),
    btn('prev-event', ICONS.prev, 'Previous event (←)', () => playback.prev()),
    playBtn,
    btn('next-event', ICONS.next, 'Next event (→)', () => playback.next()),
    btn('end', ICONS.end, 'End (End)', () => playback.toEnd()),
    speedSelect, scrub, clock,
    h('span', { class: 'sep' }),
    btn('zoom-out', '−', 'Zoom out (−)', () => timeline.zoom(1 / 1.5)),
    btn('zoom-in', '+', 'Zoom in (+)', () => timeline.zoom(1.5)),
    btn('zoom-fit', '⤢', 'Fit (0)', () => timeline.resetView()),
    h('label', { class: 'check' }, collapseBox, h('span', { text: 'Collapse idle' })),
  );
  const timelineHost = h('div', { id: 'timeline', class: 'timeline', tabindex: '-1' });
  const timelineEmpty = h('div', { class: 'empty', hidden: true });
  const staleNote = h('p', { class: 'stale-note', hidden: true, text: 'Showing the last run that simulated: the YAML now has errors.' });
  const legend = buildLegend();
  const timelinePane = h('section', { class: 'pane timeline-pane', 'aria-label': 'Timeline' },
    toolbar, staleNote, timelineHost, timelineEmpty, legend);

  const whyBody = h('div', { id: 'why', class: 'why-body' });
  const whyPane = h('section', { class: 'pane why-pane', 'aria-label': 'Why' }, h('h2', { text: 'Why?' }), whyBody);
  const eventsList = h('ol', { id: 'events', class: 'events' });
  const eventsPane = h('section', { class: 'pane events-pane', 'aria-label': 'Events' }, h('h2', { text: 'Events' }), eventsList);

  const help = h('div', { id: 'help', popover: 'auto', class: 'popover', role: 'dialog', 'aria-label': 'Keyboard shortcuts' },
    h('h2', { text: 'Keyboard shortcuts' }),
    h('table', {}, h('tbody', {}, SHORTCUTS.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', { text: k })), h('td', { text: v }))))),
    h('p', { class: 'hint', text: 'Times are seconds since the workflow started, on a virtual clock: the engine simulates the Argo controller, nothing runs.' }));
  const sharePop = h('div', { id: 'share-panel', popover: 'auto', class: 'popover', role: 'dialog', 'aria-label': 'Share' });

  const bottom = h('div', { class: 'bottom' }, opt.panels.why ? whyPane : null, opt.panels.events ? eventsPane : null);
  const right = h('div', { class: 'right' }, lesson, opt.embed ? null : outcome, status, opt.panels.timeline ? timelinePane : null, bottom);
  const main = h('main', { class: `layout${opt.panels.editor ? '' : ' no-editor'}` }, opt.panels.editor ? editorPane : null, right);
  // The build may have put this view's first drawing into the HTML (tools/first-view.js): it stays on screen until
  // this page draws the same result (or reports a failure), so the timeline is never blank on the way and the
  // document never holds two copies of the page. A slow link keeps it longer, not a blank page instead.
  const keepFirstView = !!root.querySelector(':scope > .first-view') && document.documentElement.dataset.firstView !== 'off';
  let mounted = false;
  /** Puts this page's DOM in place; true when it replaced the build's first view. */
  function mount() {
    if (mounted) return false;
    mounted = true;
    root.replaceChildren(header, main, help, sharePop);
    if (keepFirstView) root.dataset.firstView = 'replaced'; // for tests and bench/page-bench.mjs
    return keepFirstView;
  }
  if (!keepFirstView) mount();
  root.classList.toggle('embedded', !!opt.embed);
  updateThemeButton();

  function setStatus(kind, text) {
    if (kind === 'error') mount();
    status.dataset.state = kind;
    statusText.textContent = text;
  }

  // ---------- timeline + playback ----------
  const timeline = new TimelineView(timelineHost, {
    onSelect: (name) => select(name),
    onScrub: (t) => {
      playback.pause();
      playback.seek(t);
    },
  });
  let eventIndex = -1;
  const playback = new Playback({
    reducedMotion,
    onTime: (t) => {
      timeline.setTime(t);
      clock.textContent = moment(Math.round(t * 10) / 10);
      const warp = timeline.L?.warp;
      if (warp) {
        const frac = warp.total ? warp.toW(t) / warp.toW(playback.end || 1) : 0;
        scrub.value = String(Math.round(Math.min(frac, 1) * 1000));
        scrub.setAttribute('aria-valuetext', moment(t));
      }
      markEvents(t);
    },
    onState: (playing) => {
      playBtn.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
      playBtn.setAttribute('aria-label', playing ? 'Pause (Space)' : 'Play (Space)');
      playBtn.title = playBtn.getAttribute('aria-label');
    },
  });
  speedSelect.addEventListener('change', () => (playback.speed = Number(speedSelect.value)));
  scrub.addEventListener('input', () => {
    const warp = timeline.L?.warp;
    if (!warp) return;
    playback.pause();
    playback.seek(warp.toT((Number(scrub.value) / 1000) * warp.toW(playback.end)));
  });
  collapseBox.addEventListener('change', () => setCollapse(collapseBox.checked));

  function setCollapse(on) {
    state.collapseIdle = on;
    collapseBox.checked = on;
    writeFlag(COLLAPSE_KEY, on);
    if (state.lastGood) {
      timeline.setData(state.lastGood, { collapseIdle: on });
      playback.setTrack({ warp: timeline.L.warp, times: timeline.L.events.map((e) => e.t), end: timeline.L.end });
      timeline.setTime(playback.t);
    }
  }

  // ---------- editor ----------
  // CodeMirror is most of the page's JavaScript: it loads beside the engine rather than before it, so the first
  // timeline never waits for it. Until it arrives the text is shown read-only.
  let debounce = 0;
  let editor = null;
  let bootText = '';
  const bootView = h('pre', { class: 'editor-boot', 'aria-label': 'Workflow YAML (the editor is loading)' });
  editorHost.append(bootView);
  const onEdit = (text) => {
    if (state.programmatic) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => run(text), DEBOUNCE_MS);
    afterEdit(text);
  };

  function afterEdit(text) {
    const edited = text !== state.originText;
    editedBadge.hidden = !edited;
    resetBtn.hidden = !edited || opt.embed;
    if (opt.persist) {
      clearTimeout(afterEdit.save);
      afterEdit.save = setTimeout(() => writeDraft(edited ? { text, origin: state.origin, savedAt: Date.now() } : null), 200);
    }
    if (opt.embed) updateOpenLink(text);
  }

  function setText(text) {
    state.programmatic = true;
    try {
      if (editor) editor.setText(text);
      else bootView.textContent = bootText = text;
    } finally {
      state.programmatic = false;
    }
    afterEdit(text);
  }

  // ---------- simulation ----------
  let runSeq = 0;
  let firstRunDone;
  const firstRunSettled = new Promise((resolve) => {
    firstRunDone = resolve;
    setTimeout(resolve, 3000); // an engine that never answers must not keep the editor away
  });
  /** prebuilt: {json, version, note}, a result for this very text known before the engine answers, drawn at once. */
  async function run(text = currentText(), { prebuilt = null } = {}) {
    try {
      await simulateAndShow(text, prebuilt);
    } finally {
      firstRunDone();
      releaseEngine();
    }
  }
  async function simulateAndShow(text, prebuilt) {
    clearTimeout(debounce);
    const seq = ++runSeq;
    if (!text.trim()) {
      state.result = null;
      editor?.setDiagnostics([]);
      renderDiagnostics([]);
      showEmpty('The editor is empty. Pick an example above, or paste a Workflow YAML.');
      setStatus('empty', 'Nothing to simulate.');
      outcome.textContent = '';
      return;
    }
    drawnNote = '';
    const drawn = prebuilt && showPrebuilt(prebuilt);
    if (drawn) {
      firstRunDone(); // the editor need not wait for the engine to confirm what is already drawn
      requestAnimationFrame(() => setTimeout(releaseEngine)); // once the drawing is on screen
    } else {
      releaseEngine();
      if (engine.ready) setStatus('busy', 'Simulating…');
    }
    let answer;
    try {
      answer = await engine.simulate(text);
    } catch (err) {
      if (err instanceof Superseded || seq !== runSeq) return;
      setStatus('error', err.message);
      if (err instanceof EngineTimeout) markStale(true);
      return;
    }
    const cold = !engineAnswered; // its time includes the browser compiling the engine's code on first use
    if (cold) performance.mark('argosim:engine-answered'); // start-up phases, as run-drawn
    engineAnswered = true;
    if (seq !== runSeq) return;
    drawnNote = '';
    // the engine in this page agrees with what was drawn, text for text: the drawing (and its playback) stays
    const same = drawn && answer.json === prebuilt.json;
    if (drawn) root.dataset.prebuilt = same ? 'confirmed' : 'replaced';
    if (same) setStatus('ok', outcomeStatus(answer.result, answer.ms, engine.version, cold));
    else show(answer.result, answer.ms, engine.version, cold);
    if (opt.persist && text !== state.originText && answer.result.simulated) saveDraftResult(text, answer.json);
  }
  let engineAnswered = false;

  /** Draws the build's result for a gallery example; false when it cannot be read (the engine answers then). */
  function showPrebuilt({ json, version, note }) {
    let result;
    try {
      result = JSON.parse(json);
    } catch {
      return false;
    }
    show(result, null, version);
    root.dataset.prebuilt = 'drawn'; // then 'confirmed' or 'replaced' by the engine's answer
    drawnNote = note;
    setStatus('busy', `${note} The engine in your browser is checking it (engine ${version} computed it)…`);
    return true;
  }

  function outcomeStatus(result, ms, version, cold = false) {
    const notes = diagnosticsOf(result).length;
    const took = `${ms < 1 ? '<1' : Math.round(ms)} ms${cold ? ' (a first run: the browser was still compiling the engine)' : ''}`;
    return `Simulated in ${took}${notes ? ` · ${notes} note${notes === 1 ? '' : 's'} in the editor` : ''} · engine ${version} · Argo ${result.argoVersion ?? '?'}`;
  }

  function show(result, ms, version, cold = false) {
    const overFirstView = mount();
    state.result = result;
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1); // completed runs, for tests and tools
    const diags = diagnosticsOf(result);
    editor?.setDiagnostics(diags);
    renderDiagnostics(diags);
    const errors = diags.filter((d) => d.severity === 'error').length;
    const warnings = diags.length - errors;
    if (!result.simulated) {
      setStatus('error', `Not simulated: ${errors} error${errors === 1 ? '' : 's'} in the YAML${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. The markers in the editor say where.`);
      if (state.lastGood) markStale(true);
      else showEmpty('Nothing simulated yet: fix the errors marked in the editor.');
      return;
    }
    markStale(false);
    const wf = result.workflow ?? {};
    setStatus('ok', outcomeStatus(result, ms, version, cold));
    outcome.textContent = `${wf.name || 'workflow'}: ${wf.phase ?? '?'}${wf.message ? ` — ${wf.message}` : ''}${typeof wf.finishedAt === 'number' ? ` at ${moment(wf.finishedAt)}` : ''}`;
    outcome.dataset.phase = wf.phase ?? '';
    const first = state.firstRun;
    state.firstRun = false;
    state.lastGood = result;
    timelineEmpty.hidden = true;
    timelineHost.hidden = false;
    timeline.setData(result, { collapseIdle: state.collapseIdle, keepView: !first });
    const L = timeline.L;
    playback.setTrack({ warp: L.warp, times: L.events.map((e) => e.t), end: L.end });
    renderEvents(L.events);
    if (first) {
      playback.autoSpeed();
      speedSelect.value = String(playback.speed);
    }
    if (!result.nodes?.some((n) => n.name === state.selected)) state.selected = rootName(result);
    select(state.selected, { quiet: true });
    // over the build's first view the whole run was on screen already: replaying it from 0 would look like a reset
    if (first && opt.autoplay && !reducedMotion() && !overFirstView) {
      playback.seek(0);
      playback.play();
    } else {
      // after an edit, show the whole new run at once so the change is visible
      playback.pause();
      playback.seek(L.end);
    }
    root.dataset.ready = 'true';
    if (first) performance.mark('argosim:run-drawn'); // start-up phases, for devtools and bench/page-bench.mjs
  }

  function rootName(result) {
    const nodes = result.nodes ?? [];
    return (nodes.find((n) => !n.parent && !n.onExit) ?? nodes[0])?.name ?? '';
  }

  function markStale(on) {
    staleNote.hidden = !on;
    timelinePane.classList.toggle('stale', on);
  }

  function showEmpty(text) {
    mount();
    timelineEmpty.textContent = text;
    timelineEmpty.hidden = false;
    timelineHost.hidden = !state.lastGood;
    if (!state.lastGood) {
      whyBody.replaceChildren(h('p', { class: 'hint', text: 'Select a node in the timeline to see why it ended the way it did.' }));
      eventsList.replaceChildren();
    }
  }

  function renderDiagnostics(diags) {
    diagList.replaceChildren(
      ...diags.map((d) =>
        h('li', { class: `diag diag-${d.severity}` },
          h('button', {
            type: 'button',
            class: 'diag-jump',
            onclick: () => editor?.goTo(d.line, d.column),
            text: `${d.severity === 'error' ? '✕' : d.severity === 'warning' ? '⚠' : 'ℹ'} ${d.line ?? '?'}:${d.column ?? '?'}`,
          }),
          h('span', { class: 'diag-msg', text: ` ${d.message}` }),
          d.path ? h('span', { class: 'diag-path', text: ` ${d.path}` }) : null,
        ),
      ),
    );
  }

  // ---------- why panel ----------
  function select(name, { quiet = false } = {}) {
    state.selected = name;
    timeline.setSelected(name);
    const result = state.lastGood;
    if (!result || !name) return;
    const st = story(result, name);
    const n = st.node;
    if (!n) return;
    const facts = [
      ['type', n.type],
      ['phase', n.phase],
      ['message', n.message || '—'],
      ['ended by', n.endedBy || '—'],
      ['created', moment(n.startedAt)],
      n.type === 'Pod' ? ['running from', moment(n.runningAt)] : null,
      ['finished', moment(n.finishedAt)],
      n.type === 'Pod' ? ['exit code', n.exitCode ?? '—'] : null,
      n.type === 'Pod' ? ['pod activeDeadlineSeconds', n.podActiveDeadlineSeconds === null || n.podActiveDeadlineSeconds === undefined ? 'none' : `${n.podActiveDeadlineSeconds} s${n.podActiveDeadlineSeconds >= 60 ? ` (${duration(n.podActiveDeadlineSeconds)})` : ''}`] : null,
      n.type === 'Pod' ? ['ARGO_DEADLINE', n.executorDeadline === null || n.executorDeadline === undefined ? 'none' : moment(n.executorDeadline)] : null,
      n.behaviour ? ['behaviour from', n.behaviour] : null,
      // what later steps and tasks read as {{steps.<name>.outputs.…}}; quoted, since "" is a value too
      n.outputs?.result !== undefined ? ['outputs.result', JSON.stringify(n.outputs.result)] : null,
      ...(n.outputs?.parameters ?? []).map((p) => [`outputs.parameters.${p.name}`, JSON.stringify(p.value)]),
    ].filter(Boolean);
    fill(whyBody,
      h('h3', { class: 'why-title' }, h('span', { class: 'why-node', text: n.name }), h('span', { text: ` — ${st.title}` })),
      h('ol', { class: 'why-steps', 'data-ended-by': st.endedBy }, st.steps.map((step) => h('li', { text: step }))),
      st.deadlines.length ? h('p', { class: 'why-deadlines' }, h('strong', { text: 'Deadlines on this node: ' }), st.deadlines.join(' · ')) : null,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })])),
    );
    if (!quiet) whyPane.classList.add('flash'), setTimeout(() => whyPane.classList.remove('flash'), 400);
  }

  // ---------- events list ----------
  let eventItems = [];
  function renderEvents(events) {
    eventIndex = -1;
    eventItems = events.slice(0, MAX_EVENTS_LISTED).map((e) =>
      h('li', { class: `ev ev-${e.kind}`, 'data-t': e.t },
        h('button', {
          type: 'button',
          class: 'ev-btn',
          onclick: () => {
            playback.pause();
            playback.seek(e.t);
            select(e.node);
            timeline.revealRow(e.node);
          },
        },
          h('span', { class: 'ev-t', text: moment(e.t) }),
          h('span', { class: 'ev-node', text: e.node || 'workflow' }),
          h('span', { class: 'ev-kind', text: e.kind }),
          e.message ? h('span', { class: 'ev-msg', text: e.message }) : null),
      ),
    );
    const more = events.length - eventItems.length;
    eventsList.replaceChildren(...eventItems);
    if (more > 0)
      eventsList.append(h('li', { class: 'ev-more', text: `… and ${more.toLocaleString('en')} more events (the timeline draws them all)` }));
  }
  function markEvents(t) {
    const events = timeline.L?.events ?? [];
    let idx = -1;
    for (let i = 0; i < events.length; i++) if (events[i].t <= t + 1e-9) idx = i;
    if (idx === eventIndex) return;
    eventIndex = idx;
    eventItems.forEach((li, i) => {
      li.classList.toggle('past', i <= idx);
      li.classList.toggle('current', events[i]?.t === events[idx]?.t && idx >= 0);
    });
    const cur = eventItems[idx];
    if (cur && playback.playing) cur.scrollIntoView?.({ block: 'nearest' });
  }

  // ---------- gallery, share, reset ----------
  async function openExample(id, { fromHash = false } = {}) {
    const entry = state.gallery.find((e) => e.id === id);
    if (!entry) {
      setStatus('error', `There is no example “${id}”. Showing the default one.`);
      return false;
    }
    const requested = early?.id === id ? early : requestExample(entry);
    early = null;
    let text;
    try {
      text = await requested.text;
    } catch (err) {
      setStatus('error', `Could not load the example: ${err.message}`);
      return false;
    }
    state.origin = exampleHash(id);
    state.originText = text;
    state.exampleId = id;
    exampleSelect.value = id;
    const [firstSentence, ...rest] = entry.lesson.split(/(?<=[.!?])\s+/);
    fill(lesson,
      h('summary', {}, h('strong', { text: `${entry.title}. ` }), firstSentence ?? ''),
      rest.length ? h('p', { text: rest.join(' ') }) : null,
    );
    lesson.open = false;
    lesson.hidden = !entry.lesson && !entry.title;
    if (opt.persist && !fromHash) history.replaceState(null, '', `#${state.origin}`);
    state.firstRun = true;
    setText(text);
    run(text, { prebuilt: await requested.prebuilt });
    return true;
  }

  exampleSelect.addEventListener('change', () => {
    writeDraft(null);
    openExample(exampleSelect.value);
  });
  resetBtn.addEventListener('click', () => {
    writeDraft(null);
    state.firstRun = true;
    setText(state.originText);
    run(state.originText);
  });
  themeBtn.addEventListener('click', () => {
    themeChoice = cycleTheme(themeChoice);
    updateThemeButton();
  });
  function updateThemeButton() {
    const icon = { system: '◐', light: '☀', dark: '☾' }[themeChoice];
    themeBtn.textContent = `${icon} ${themeChoice === 'system' ? `System (${effectiveTheme()})` : themeChoice === 'light' ? 'Light' : 'Dark'}`;
  }

  shareBtn.addEventListener('click', async () => {
    const text = currentText();
    const stateHash = await encodeState(text);
    const base = location.href.replace(/#.*$/, '');
    const link = `${base}#${stateHash}`;
    const embedUrl = new URL('embed.html', base);
    embedUrl.searchParams.set('mode', 'readonly');
    embedUrl.hash = stateHash;
    if (opt.persist) {
      history.replaceState(null, '', `#${stateHash}`);
      state.origin = stateHash;
      state.originText = text;
      state.exampleId = '';
      writeDraft(null);
      afterEdit(text);
    }
    const linkBox = h('input', { id: 'share-link', type: 'text', readonly: true, value: link, 'aria-label': 'Share link' });
    const iframeCode = `<iframe src="${embedUrl.href}" width="100%" height="520" title="argosim playground"></iframe>`;
    const embedBox = h('textarea', { id: 'embed-code', readonly: true, rows: 3, 'aria-label': 'Embed code' });
    embedBox.value = iframeCode;
    const copyState = h('span', { class: 'hint', role: 'status' });
    sharePop.replaceChildren(
      h('h2', { text: 'Share this exact text' }),
      h('p', { class: 'hint', text: `The whole YAML is in the link (${link.length} characters, compressed): no server keeps anything.` }),
      linkBox,
      h('div', { class: 'row' },
        h('button', {
          type: 'button',
          class: 'btn',
          text: 'Copy link',
          onclick: async () => {
            try {
              await navigator.clipboard.writeText(link);
              copyState.textContent = 'Copied.';
            } catch {
              linkBox.select();
              copyState.textContent = 'Select the link above and copy it (the browser refused clipboard access).';
            }
          },
        }),
        copyState),
      h('h3', { text: 'Embed in a page' }),
      embedBox,
    );
    sharePop.showPopover?.();
    linkBox.select();
  });

  function currentText() {
    return editor ? editor.getText() : bootText;
  }

  async function updateOpenLink(text) {
    const base = new URL('index.html', opt.base);
    if (text === state.originText && state.origin.startsWith('example/')) base.hash = state.origin;
    else base.hash = await encodeState(text);
    openLink.href = base.href;
  }

  // ---------- keyboard ----------
  // the editor sits in a shadow root: look at the real origin of the event, not the retargeted host
  const origin = (ev) => ev.composedPath?.()[0] ?? ev.target;
  const inEditable = (el) => !!el?.closest?.('.cm-editor, input, textarea, select, [contenteditable="true"]');
  document.addEventListener('keydown', (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
      ev.preventDefault();
      run();
      return;
    }
    if (ev.key === 'Escape' && origin(ev).closest?.('.cm-editor')) {
      origin(ev).blur?.();
      timelineHost.focus({ preventScroll: true });
      return;
    }
    if (inEditable(origin(ev)) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const target = origin(ev);
    const onButton = target?.closest?.('button, a, [role="button"]');
    const keys = {
      ' ': () => playback.toggle(),
      ArrowRight: () => playback.next(),
      ArrowLeft: () => playback.prev(),
      Home: () => playback.home(),
      End: () => playback.toEnd(),
      '+': () => timeline.zoom(1.5),
      '=': () => timeline.zoom(1.5),
      '-': () => timeline.zoom(1 / 1.5),
      w: () => timeline.zoom(1.5),
      s: () => timeline.zoom(1 / 1.5),
      a: () => timeline.pan(-timeline.chartW / 5),
      d: () => timeline.pan(timeline.chartW / 5),
      0: () => timeline.resetView(),
      c: () => setCollapse(!state.collapseIdle),
      '?': () => help.togglePopover?.(),
    };
    const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    const action = keys[key] ?? keys[ev.key];
    if (!action) return;
    if ((key === ' ' || key === 'Enter') && onButton) return; // Space activates the focused button
    ev.preventDefault();
    action();
  });

  // ---------- start ----------
  exampleSelect.replaceChildren(
    h('option', { value: '', text: listed.entries.length ? '— choose an example —' : 'no examples found' }),
    ...listed.entries.map((e) => h('option', { value: e.id, text: e.title })),
  );
  if (listed.error && listed.entries.length === 0) exampleSelect.title = listed.error;

  const editorLoaded = opt.panels.editor || !opt.embed ? loadEditor() : Promise.resolve();
  async function loadEditor() {
    try {
      // loaded once the first run is drawn: evaluating CodeMirror's modules and setting it up take the main thread
      // for a while, which the first timeline would otherwise wait for
      await firstRunSettled;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const { createEditor } = await import('./editor.js');
      editor = createEditor({ parent: editorHost, doc: bootText, readOnly: opt.readOnly, onChange: onEdit, onRun: () => run() });
      bootView.remove();
      performance.mark('argosim:editor-ready');
      editor.setDiagnostics(diagnosticsOf(state.result));
    } catch (err) {
      setStatus('error', `The editor could not load (${err.message}): reload the page to edit.`);
    }
  }

  const initial = opt.initial ?? { kind: 'none' };
  const draft = opt.persist ? readDraft() : null;
  let text = null;
  if (initial.kind === 'text') {
    text = initial.text;
    state.originText = text;
  } else if (initial.kind === 'state') {
    try {
      state.originText = await decodeState(initial.hash);
      state.origin = initial.hash;
      text = draft && draft.origin === initial.hash ? draft.text : state.originText;
    } catch (err) {
      setStatus('error', err.message);
    }
  }
  if (text !== null) {
    setText(text);
    run(text, { prebuilt: opt.persist ? savedDraftResult(text) : null });
    return api();
  }
  if (initial.kind === 'example') {
    const ok = await openExample(initial.id, { fromHash: true });
    if (ok && draft && draft.origin === state.origin && draft.text !== state.originText) {
      setText(draft.text);
      run(draft.text, { prebuilt: savedDraftResult(draft.text) });
    }
    if (ok) return api();
  }
  if (draft && !draft.origin.startsWith('v1:') && opt.persist && initial.kind === 'none') {
    // a saved draft of an example (or of the default text): restore it and remember what "back" means
    const id = draft.origin.startsWith('example/') ? decodeURIComponent(draft.origin.slice(8)) : '';
    if (id && (await openExample(id, { fromHash: true }))) {
      setText(draft.text);
      run(draft.text, { prebuilt: savedDraftResult(draft.text) });
      return api();
    }
    state.originText = DEFAULT_DOC;
    setText(draft.text);
    run(draft.text, { prebuilt: savedDraftResult(draft.text) });
    return api();
  }
  if (state.gallery.length && (await openExample(state.gallery[0].id, { fromHash: !opt.persist }))) return api();
  state.originText = DEFAULT_DOC;
  setText(DEFAULT_DOC);
  run(DEFAULT_DOC);
  return api();

  // resolves once the editor is there too: the handle's users (tests, devtools) expect to edit
  async function api() {
    await editorLoaded;
    return { run, editor, timeline, playback, engine, select, setCollapse };
  }
}

/** A result's diagnostics, none for no result. */
function diagnosticsOf(result) {
  return Array.isArray(result?.diagnostics) ? result.diagnostics : [];
}

/** replaceChildren without the null/false placeholders of optional parts (the DOM would print "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

// Toolbar icons as SVG paths (16×16): fonts on many systems lack the media-control characters.
const ICONS = {
  home: 'M2 3h2v10H2z M9 3v10L4 8z M15 3v10L10 8z',
  prev: 'M3 3h2v10H3z M13 3v10L6 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M4 2h3v12H4z M9 2h3v12H9z',
  next: 'M3 3v10l7-5z M11 3h2v10h-2z',
  end: 'M1 3v10l5-5z M7 3v10l5-5z M12 3h2v10h-2z',
};
function icon(d) {
  return s('svg', { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': 'true', class: 'icon-svg' }, s('path', { d }));
}

function buildLegend() {
  // the swatches use their own patterns: the timeline's pattern ids belong to its instance
  const defs = s('svg', { width: 0, height: 0, class: 'legend-defs', 'aria-hidden': 'true' },
    s('defs', {},
      s('pattern', { id: 'lg-pending', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 6, height: 6, class: 'pat-pending-bg' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'pat-pending-line' })),
      s('pattern', { id: 'lg-backoff', width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
        s('rect', { width: 6, height: 6, class: 'pat-backoff-bg' }), s('circle', { cx: 3, cy: 3, r: 1.2, class: 'pat-backoff-dot' })),
      s('pattern', { id: 'lg-hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' },
        s('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'pat-hatch-line' }))));
  const item = (cls, text, svgEl) =>
    h('li', { class: `legend-item ${cls}` }, s('svg', { width: 26, height: 14, 'aria-hidden': 'true', class: 'legend-swatch' }, svgEl), h('span', { text }));
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    h('li', { class: 'legend-defs-holder', 'aria-hidden': 'true' }, defs),
    item('lg-pending', 'Pending (striped)', s('rect', { x: 1, y: 2, width: 24, height: 10, class: 'tl-seg seg-pending', fill: 'url(#lg-pending)' })),
    item('lg-ok', '✓ Succeeded', s('rect', { x: 1, y: 2, width: 24, height: 10, class: 'tl-seg seg-running phase-Succeeded' })),
    item('lg-fail', '✕ Failed', s('rect', { x: 1, y: 2, width: 24, height: 10, class: 'tl-seg seg-running phase-Failed' })),
    item('lg-backoff', 'backoff wait (dotted)', s('rect', { x: 1, y: 2, width: 24, height: 10, class: 'tl-seg seg-backoff', fill: 'url(#lg-backoff)' })),
    item('lg-deadline', 'deadline (dashed line, labelled)', s('line', { x1: 13, x2: 13, y1: 0, y2: 14, class: 'legend-deadline' })),
    item('lg-kill', '✕ killed: exit code · by whom', s('circle', { cx: 13, cy: 7, r: 6, class: 'marker-dot' })),
    item('lg-hatch', 'past its deadline (hatched)', s('rect', { x: 1, y: 1, width: 24, height: 12, class: 'tl-hatch', fill: 'url(#lg-hatch)' })),
  );
}
