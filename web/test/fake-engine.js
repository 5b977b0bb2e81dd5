// A stand-in for the WASM engine, for unit tests and for working on the page before the real module exists
// (ARGOSIM_FAKE_ENGINE=1 makes vite use it). It only replays hand-made fixtures: it simulates nothing.
import seed from './fixtures/seed.result.json' with { type: 'json' };
import steps from './fixtures/steps.result.json' with { type: 'json' };

export const isFake = true;

function diagnosticsResult(diagnostics) {
  return {
    workflow: { name: '', phase: 'Error', message: diagnostics[0].message, startedAt: 0, finishedAt: null },
    startAt: '2024-07-04T00:00:00Z', argoVersion: 'v4.1', simulated: false,
    nodes: [], events: [], deadlines: [], diagnostics,
  };
}

export async function createArgosim() {
  return {
    version: () => 'fake-fixtures',
    simulate(text) {
      if (text.includes('HANG')) for (;;);
      if (text.includes('THROW')) throw new Error('boom');
      const lines = text.split('\n');
      const bad = lines.findIndex((l) => /factor:\s*"?\d+\.\d+/.test(l) || /\t/.test(l) || /: \[[^\]]*$/.test(l));
      if (bad >= 0) {
        const column = lines[bad].search(/\S/) + 1;
        return JSON.stringify(
          diagnosticsResult([{ severity: 'error', line: bad + 1, column, path: 'spec', message: 'fake engine: this line is wrong' }]),
        );
      }
      const out = structuredClone(text.includes('steps:') ? steps : seed);
      const m = /sleep (\d+)/.exec(text);
      if (m && !text.includes('steps:')) {
        // enough to see a redraw while editing; the real engine decides everything else
        out.nodes[1].finishedAt = Math.min(Number(m[1]), 170);
        out.events[3].t = out.nodes[1].finishedAt;
      }
      return JSON.stringify(out);
    },
  };
}
createArgosim.isFake = true;
export default createArgosim;
