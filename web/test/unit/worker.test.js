import { describe, expect, it, vi } from 'vitest';
import { createWorkerHandler } from '../../src/engine/protocol.js';
import { EngineClient, EngineTimeout, Superseded } from '../../src/engine/client.js';
import { compileEngine } from '../../src/engine/compile.js';
import createFake from '../fake-engine.js';

/** A Worker look-alike that runs the real handler in-process, a macrotask later, like postMessage does. */
function fakeWorker({ load, hangOn = 'HANG' } = {}) {
  const w = {
    terminated: false,
    posted: [],
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      w.posted.push(msg);
      if (msg.type === 'simulate' && msg.yaml.includes(hangOn)) return; // never answers: a run that hangs
      setTimeout(() => handler(msg), 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  const handler = createWorkerHandler({
    load: load ?? (() => createFake()),
    post: (m) => setTimeout(() => !w.terminated && w.onmessage?.({ data: m }), 0),
  });
  return w;
}

/** spawn() for an EngineClient, keeping every fake worker it made. */
function recordedWorkers() {
  const workers = [];
  const spawn = () => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  };
  return { workers, spawn };
}

describe('worker handler (worker side)', () => {
  it('reports progress and ready, then answers with the module JSON and the same id', async () => {
    const out = [];
    const handle = createWorkerHandler({
      load: async (progress) => {
        progress(50, 100);
        return { version: () => '1.2.3', simulate: (y) => JSON.stringify({ echo: y }) };
      },
      post: (m) => out.push(m),
    });
    await handle({ type: 'simulate', id: 7, yaml: 'a: 1' });
    expect(out[0]).toEqual({ type: 'progress', loaded: 50, total: 100 });
    expect(out[1]).toEqual({ type: 'ready', version: '1.2.3' });
    expect(out[2]).toMatchObject({ type: 'result', id: 7, ok: true, json: '{"echo":"a: 1"}' });
    expect(typeof out[2].ms).toBe('number');
  });
  it('turns a throwing module into an error result and keeps serving', async () => {
    const out = [];
    const handle = createWorkerHandler({ load: () => createFake(), post: (m) => out.push(m) });
    await handle({ type: 'simulate', id: 1, yaml: 'THROW' });
    await handle({ type: 'simulate', id: 2, yaml: 'ok: 1' });
    expect(out.filter((m) => m.type === 'result').map((m) => [m.id, m.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(out.find((m) => m.id === 1).error).toMatch(/boom/);
  });
  it('says clearly when the module cannot load', async () => {
    const out = [];
    const handle = createWorkerHandler({ load: async () => { throw new Error('no wasm'); }, post: (m) => out.push(m) });
    await handle({ type: 'init' });
    await handle({ type: 'simulate', id: 3, yaml: '' });
    expect(out[0]).toEqual({ type: 'failed', error: 'no wasm' });
    expect(out[1]).toMatchObject({ type: 'result', id: 3, ok: false });
    expect(out[1].error).toMatch(/did not load: no wasm/);
  });
  it('warms the engine up once after ready, unanswered, unless a request came first', async () => {
    const run = async (first) => {
      const simulated = [];
      const out = [];
      const pending = [];
      const handle = createWorkerHandler({
        load: async () => ({ version: () => '1', simulate: (y) => (simulated.push(y), '{}') }),
        post: (m) => out.push(m),
        warmUp: 'WARM',
        later: (f) => pending.push(f),
      });
      await handle(first);
      pending.forEach((f) => f());
      return { simulated, results: out.filter((m) => m.type === 'result').length };
    };
    expect(await run({ type: 'init' })).toEqual({ simulated: ['WARM'], results: 0 });
    expect(await run({ type: 'simulate', id: 1, yaml: 'a: 1' })).toEqual({ simulated: ['a: 1'], results: 1 });
  });
  it('hands the module the page compiled to load', async () => {
    const seen = [];
    const handle = createWorkerHandler({
      load: async (progress, compiled) => (seen.push(compiled), createFake()),
      post: () => {},
    });
    await handle({ type: 'init', module: 'COMPILED' });
    await handle({ type: 'simulate', id: 1, yaml: 'a: 1' });
    expect(seen).toEqual(['COMPILED']);
  });
});

describe('compileEngine (page side)', () => {
  const wasmStub = () => ({
    streamed: 0,
    buffered: 0,
    async compileStreaming(response) {
      this.streamed = (await response.arrayBuffer()).byteLength;
      return 'MODULE';
    },
    async compile(bytes) {
      this.buffered = bytes.byteLength;
      return 'MODULE';
    },
  });
  const serve = (bytes, type) => async () =>
    new Response(new Uint8Array(bytes), { headers: { 'content-type': type, 'content-length': String(bytes) } });
  it('compiles an application/wasm response as it streams (the response itself), reporting the bytes', async () => {
    const wasm = wasmStub();
    const progress = [];
    const module = await compileEngine('x.wasm', (l, t) => progress.push([l, t]), { fetchImpl: serve(1000, 'application/wasm'), wasm });
    expect(module).toBe('MODULE');
    expect(wasm.streamed).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 0)); // progress counts a copy of the response, on its own
    expect(progress.at(-1)).toEqual([1000, 1000]);
  });
  it('falls back to a buffered compile when the server mislabels the file', async () => {
    const wasm = wasmStub();
    await compileEngine('x.wasm', () => {}, { fetchImpl: serve(10, 'application/octet-stream'), wasm });
    expect([wasm.streamed, wasm.buffered]).toEqual([0, 10]);
  });
  it('fails on an HTTP error, naming the file', async () => {
    const fetchImpl = async () => new Response('no', { status: 404 });
    await expect(compileEngine('x.wasm', () => {}, { fetchImpl, wasm: wasmStub() })).rejects.toThrow(/x.wasm \(HTTP 404\)/);
  });
});

describe('engine client (page side)', () => {
  it('parses the result and reports the version', async () => {
    const statuses = [];
    const client = new EngineClient({ spawn: () => fakeWorker(), onStatus: (s) => statuses.push(s.state) });
    const { result } = await client.simulate('sleep 120');
    expect(result.workflow.message).toBe('Max duration limit exceeded');
    expect(client.version).toBe('fake-fixtures');
    expect(statuses).toContain('ready');
  });
  it('replaces a waiting request with a newer one', async () => {
    const client = new EngineClient({ spawn: () => fakeWorker() });
    const first = client.simulate('a: 1'); // in flight
    const second = client.simulate('b: 2'); // queued …
    const third = client.simulate('c: 3'); // … and replaced
    await expect(second).rejects.toBeInstanceOf(Superseded);
    await expect(first).resolves.toHaveProperty('result');
    await expect(third).resolves.toHaveProperty('result');
  });
  it('terminates and restarts a worker that takes too long, with a clear message', async () => {
    vi.useFakeTimers();
    try {
      const { workers, spawn } = recordedWorkers();
      const client = new EngineClient({
        spawn,
        timeoutMs: 3000,
      });
      const hung = client.simulate('HANG');
      const after = client.simulate('ok: 1');
      const hungCheck = expect(hung).rejects.toBeInstanceOf(EngineTimeout);
      await vi.advanceTimersByTimeAsync(10);
      expect(workers).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(3000);
      await hungCheck;
      await expect(hung).rejects.toThrow(/longer than 3 s.*restarted/);
      expect(workers[0].terminated).toBe(true);
      expect(workers).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(50);
      await expect(after).resolves.toHaveProperty('result');
      expect(client.restarts).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
  it('does not count module loading against the watchdog', async () => {
    vi.useFakeTimers();
    try {
      let release;
      const gate = new Promise((r) => (release = r));
      const client = new EngineClient({
        spawn: () => fakeWorker({ load: async () => { await gate; return createFake(); } }),
        timeoutMs: 100,
      });
      const p = client.simulate('ok: 1');
      await vi.advanceTimersByTimeAsync(1000); // slow download, no timeout
      release();
      await vi.advanceTimersByTimeAsync(20);
      await expect(p).resolves.toHaveProperty('result');
    } finally {
      vi.useRealTimers();
    }
  });
  it('posts the page-compiled module with init, and requests only after it', async () => {
    const { workers, spawn } = recordedWorkers();
    const statuses = [];
    const client = new EngineClient({
      spawn,
      compile: async (progress) => (progress(5, 10), 'COMPILED'),
      onStatus: (s) => statuses.push(s),
    });
    const answer = client.simulate('ok: 1');
    expect(workers[0].posted).toEqual([]); // nothing before the module is there
    await expect(answer).resolves.toHaveProperty('result');
    expect(workers[0].posted.map((m) => m.type)).toEqual(['init', 'simulate']);
    expect(workers[0].posted[0].module).toBe('COMPILED');
    expect(statuses).toContainEqual({ state: 'loading', loaded: 5, total: 10 });
  });
  it('starts neither the compile nor the worker before startAfter, and answers what was asked meanwhile', async () => {
    const { workers, spawn } = recordedWorkers();
    let compiles = 0;
    let release;
    const client = new EngineClient({
      spawn,
      compile: async () => (compiles++, 'COMPILED'),
      startAfter: new Promise((resolve) => (release = resolve)),
    });
    const answer = client.simulate('ok: 1');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([compiles, workers.length]).toEqual([0, 0]); // the page draws first; the engine waits
    release();
    await expect(answer).resolves.toHaveProperty('result');
    expect([compiles, workers.length]).toEqual([1, 1]);
    expect(workers[0].posted.map((m) => m.type)).toEqual(['init', 'simulate']);
  });
  it('lets the worker fetch the engine itself when the page could not compile it', async () => {
    const { workers, spawn } = recordedWorkers();
    const client = new EngineClient({
      spawn,
      compile: async () => {
        throw new Error('offline');
      },
    });
    await expect(client.simulate('ok: 1')).resolves.toHaveProperty('result');
    expect(workers[0].posted[0]).toEqual({ type: 'init' });
  });
  it('rejects everything when the engine failed to load', async () => {
    const client = new EngineClient({
      spawn: () => fakeWorker({ load: async () => { throw new Error('404 argosim.wasm'); } }),
    });
    await expect(client.simulate('x')).rejects.toThrow(/404 argosim.wasm/);
    await expect(client.simulate('y')).rejects.toThrow(/404 argosim.wasm/);
  });
});
