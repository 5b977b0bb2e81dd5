// The page side of the engine: one worker, one request in flight, the newest waiting request replacing older
// ones, and a watchdog that terminates and restarts the worker when a run takes too long.

export class EngineTimeout extends Error {}
export class Superseded extends Error {}

/**
 * spawn() → a Worker-like object (postMessage, terminate, onmessage, onerror).
 * compile(progress) → Promise<WebAssembly.Module>, optional: the page compiles the engine while the worker starts
 * and hands it over (every restart reuses it); when absent or failing, the worker fetches the engine itself.
 * onStatus({state: 'loading'|'ready'|'failed'|'restarting', loaded?, total?, version?, error?}).
 * startAfter: a Promise; neither the compile nor the worker starts before it settles (requests wait for it).
 */
export class EngineClient {
  constructor({ spawn, compile = null, timeoutMs = 3000, onStatus = () => {}, startAfter = null }) {
    this.spawn = spawn;
    this.timeoutMs = timeoutMs;
    this.onStatus = onStatus;
    this.nextId = 1;
    this.inFlight = null; // {id, yaml, resolve, reject, timer}
    this.queued = null;
    this.ready = false;
    this.failed = null;
    this.version = '';
    this.restarts = 0;
    const begin = () => {
      this.compiled = compile
        ? new Promise((resolve) => resolve(compile((loaded, total) => this.onStatus({ state: 'loading', loaded, total })))).catch(
            () => null,
          )
        : null;
      this.start();
    };
    // Compiling takes the main thread for a while: a page that has something to draw first holds it back.
    // Without startAfter it begins now, not in a later microtask: before the rest of the page is built.
    if (startAfter) startAfter.then(begin);
    else begin();
  }

  start() {
    this.ready = false;
    this.failed = null;
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (ev) => this.receive(worker, ev.data);
    worker.onerror = (ev) => {
      if (worker !== this.worker) return;
      ev?.preventDefault?.();
      this.fail(`The engine worker crashed: ${ev?.message || 'script error'}`);
    };
    this.onStatus({ state: 'loading', loaded: 0, total: 0 });
    this.initPosted = false;
    const init = (module) => {
      if (worker !== this.worker) return;
      worker.postMessage(module ? { type: 'init', module } : { type: 'init' });
      this.initPosted = true; // requests go after init, so the worker never starts a fetch of its own
      this.pump();
    };
    if (this.compiled) this.compiled.then(init);
    else init(null);
  }

  fail(error) {
    this.failed = error;
    this.onStatus({ state: 'failed', error });
    const pending = [this.inFlight, this.queued].filter(Boolean);
    this.inFlight = null;
    this.queued = null;
    for (const req of pending) {
      clearTimeout(req.timer);
      req.reject(new Error(error));
    }
  }

  receive(worker, msg) {
    if (worker !== this.worker || !msg) return;
    if (msg.type === 'progress') this.onStatus({ state: 'loading', loaded: msg.loaded, total: msg.total });
    else if (msg.type === 'ready') {
      this.ready = true;
      this.version = msg.version;
      this.onStatus({ state: 'ready', version: msg.version });
      if (this.inFlight) this.arm(this.inFlight);
    } else if (msg.type === 'failed') this.fail(msg.error);
    else if (msg.type === 'result') {
      const req = this.inFlight;
      if (!req || req.id !== msg.id) return;
      clearTimeout(req.timer);
      this.inFlight = null;
      if (msg.ok) {
        try {
          req.resolve({ result: JSON.parse(msg.json), json: msg.json, ms: msg.ms });
        } catch (err) {
          req.reject(new Error(`The engine returned JSON the page could not read: ${err.message}`));
        }
      } else req.reject(new Error(msg.error));
      this.pump();
    }
  }

  /** The watchdog starts only once the module is ready: loading a large WASM over a slow link is not a hang. */
  arm(req) {
    clearTimeout(req.timer);
    req.timer = setTimeout(() => this.timeout(req), this.timeoutMs);
  }

  timeout(req) {
    if (this.inFlight !== req) return;
    this.inFlight = null;
    this.worker.terminate();
    this.restarts++;
    this.onStatus({ state: 'restarting' });
    req.reject(
      new EngineTimeout(
        `The simulation took longer than ${this.timeoutMs / 1000} s, so it was stopped and the engine restarted. ` +
          'Something in this input makes the run very long (a fan-out or DAG of many thousand pods?).',
      ),
    );
    this.start();
    this.pump();
  }

  pump() {
    if (this.inFlight || !this.queued || !this.initPosted) return;
    const req = this.queued;
    this.queued = null;
    this.inFlight = req;
    this.worker.postMessage({ type: 'simulate', id: req.id, yaml: req.yaml });
    if (this.ready) this.arm(req);
  }

  /** Resolves {result, json, ms}; rejects EngineTimeout, Superseded (a newer call replaced it) or Error. */
  simulate(yaml) {
    if (this.failed) return Promise.reject(new Error(this.failed));
    return new Promise((resolve, reject) => {
      if (this.queued) this.queued.reject(new Superseded('replaced by a newer edit'));
      this.queued = { id: this.nextId++, yaml, resolve, reject, timer: null };
      this.pump();
    });
  }

  dispose() {
    this.worker?.terminate();
  }
}
