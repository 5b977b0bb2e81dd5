// The worker side of the engine protocol, kept free of `self` so that tests can drive it with a fake module.
// Messages in:  {type: 'init', module?: WebAssembly.Module} | {type: 'simulate', id, yaml}
// Messages out: {type: 'progress', loaded, total} | {type: 'ready', version} | {type: 'failed', error}
//               {type: 'result', id, ok: true, json, ms} | {type: 'result', id, ok: false, error}

/**
 * load(progress, compiled) → Promise<module with simulate(yamlText) → JSON string and version()>, where `compiled`
 * is the WebAssembly.Module the page compiled (absent: load fetches it); post(message). warmUp: a text simulated
 * once, unanswered, after `ready` when no request has come yet: the engine compiles each function on its first
 * call, which would otherwise fall on the user's first edit.
 */
export function createWorkerHandler({ load, post, now = () => performance.now(), warmUp = '', later = (f) => setTimeout(f, 0) }) {
  let ready;
  let requests = 0;
  const ensure = (compiled) => {
    ready ??= Promise.resolve()
      .then(() => load((loaded, total) => post({ type: 'progress', loaded, total }), compiled))
      .then(
        (mod) => {
          let version = '';
          try {
            version = String(mod.version());
          } catch {
            version = 'unknown';
          }
          post({ type: 'ready', version });
          if (warmUp)
            later(() => {
              if (requests > 0) return;
              try {
                mod.simulate(warmUp);
              } catch {
                /* a warm-up that fails only leaves the compiling to the first request */
              }
            });
          return mod;
        },
        (err) => {
          post({ type: 'failed', error: messageOf(err) });
          throw err;
        },
      );
    return ready;
  };
  return async function onMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'init') {
      await ensure(msg.module).catch(() => {});
      return;
    }
    if (msg.type !== 'simulate') return;
    requests++;
    let mod;
    try {
      mod = await ensure();
    } catch (err) {
      post({ type: 'result', id: msg.id, ok: false, error: `The engine did not load: ${messageOf(err)}` });
      return;
    }
    const started = now();
    try {
      const json = mod.simulate(String(msg.yaml ?? ''));
      if (typeof json !== 'string') throw new Error('simulate() did not return a string');
      post({ type: 'result', id: msg.id, ok: true, json, ms: now() - started });
    } catch (err) {
      post({ type: 'result', id: msg.id, ok: false, error: `The engine failed on this input: ${messageOf(err)}` });
    }
  };
}

export function messageOf(err) {
  if (err instanceof Error) return err.message;
  if (typeof WebAssembly !== 'undefined' && WebAssembly.Exception && err instanceof WebAssembly.Exception) {
    return 'a C++ exception escaped the engine';
  }
  return String(err);
}
