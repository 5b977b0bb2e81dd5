import { describe, expect, it } from 'vitest';
import { ENDED_BY, story } from '../../src/why.js';
import seed from '../fixtures/seed.result.json' with { type: 'json' };
import steps from '../fixtures/steps.result.json' with { type: 'json' };

describe('why stories', () => {
  it('tells the seed case as the chain of numbers', () => {
    const s = story(seed, 'wf');
    const text = s.steps.join(' ');
    expect(s.endedBy).toBe('max-duration');
    expect(text).toContain('maxDuration deadline = first attempt started 0 s + 3m = 180 s');
    expect(text).toContain("attempt 1's ARGO_DEADLINE = 180 s");
    expect(text).toContain('killed at 180 s, exit 143');
    expect(text).toContain('Max duration limit exceeded');
  });
  it('tells the executor kill of attempt 1 from the maxDuration deadline', () => {
    const text = story(seed, 'wf(1)').steps.join(' ');
    expect(text).toContain('ARGO_DEADLINE = 180 s');
    expect(text).toContain('exit 143');
    expect(text).toContain('3600');
  });
  it('tells the first attempt exited by itself', () => {
    const s = story(seed, 'wf(0)');
    expect(s.steps.join(' ')).toMatch(/exited by itself at 120 s.* → exit 10/);
    expect(s.deadlines.join(' ')).toContain('3600 s');
  });
  it('tells the kubelet kill with the pod activeDeadlineSeconds', () => {
    const text = story(steps, 'steps-wf[1].flaky(0)').steps.join(' ');
    expect(text).toContain('pod activeDeadlineSeconds = 30 s');
    expect(text).toContain('kubelet');
  });

  // Every endedBy value gets a story with a title and at least one step that carries the node's message.
  for (const endedBy of ENDED_BY) {
    it(`has a story for endedBy=${endedBy}`, () => {
      const r = structuredClone(seed);
      const node = r.nodes.find((n) => n.name === (['exit', 'pod-error', 'evicted', 'kubelet-deadline', 'executor-deadline', 'workflow-deadline', 'timeout', 'pod-creation'].includes(endedBy) ? 'wf(1)' : 'wf'));
      node.endedBy = endedBy;
      node.message = `message for ${endedBy}`;
      r.deadlines.push({ kind: 'workflow', node: '', at: 300 }, { kind: 'timeout', node: node.name, at: 150 });
      const s = story(r, node.name);
      expect(s.title).toBeTruthy();
      expect(s.title).not.toMatch(/^Ended:/); // not the generic fallback
      expect(s.steps.length).toBeGreaterThan(0);
      for (const step of s.steps) expect(step).not.toMatch(/undefined|NaN/);
      if (!['exit', 'succeeded'].includes(endedBy)) expect(s.steps.join(' ')).toContain(`message for ${endedBy}`);
    });
  }
  it('covers exactly the contract list', () => {
    expect(ENDED_BY).toHaveLength(22);
  });
  it('tells an eviction, and the restarts failedPodRestart made before main ran', () => {
    const r = structuredClone(seed);
    const node = r.nodes.find((n) => n.name === 'wf(1)');
    Object.assign(node, { endedBy: 'evicted', message: 'The node was low on resource: memory.', exitCode: null, failedPodRestarts: 0 });
    const off = story(r, 'wf(1)').steps.join(' ');
    expect(off).toContain('evicted the pod before main started: “The node was low on resource: memory.” → no exit code');
    expect(off).toContain('failedPodRestart (off by default) would recreate the pod');
    node.failedPodRestarts = 3;
    expect(story(r, 'wf(1)').steps.join(' ')).toContain('3 pods were evicted before main started and recreated by the controller');
    Object.assign(node, { endedBy: 'exit', exitCode: 0, phase: 'Succeeded', failedPodRestarts: 1 });
    expect(story(r, 'wf(1)').steps[0]).toBe('1 pod was evicted before main started and recreated by the controller (failedPodRestart): no retry was used');
  });
  it('falls back for unknown values and unknown nodes', () => {
    const r = structuredClone(seed);
    r.nodes[0].endedBy = 'something-new';
    expect(story(r, 'wf').title).toMatch(/something-new/);
    expect(story(r, 'nope').node).toBeNull();
  });
});

describe('why stories on composites', () => {
  it('lists a Steps node’s step groups as its children, not only the first one', async () => {
    const steps = (await import('../fixtures/steps.result.json', { with: { type: 'json' } })).default;
    const s = story(steps, 'steps-wf');
    expect(s.endedBy).toBe('children');
    expect(s.steps[0]).toContain('2 child node(s)');
    expect(s.steps[1]).toContain('[1]');
  });
});
