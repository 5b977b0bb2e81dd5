import { describe, expect, it } from 'vitest';
import { layout, treeOrder, buildWarp } from '../../src/timeline/layout.js';
import seed from '../fixtures/seed.result.json' with { type: 'json' };
import steps from '../fixtures/steps.result.json' with { type: 'json' };
import dag from '../fixtures/dag.result.json' with { type: 'json' };

const pick = (segs, node, kind) => segs.filter((s) => s.node === node && s.kind === kind);

describe('layout of the seed case (the 143 kill)', () => {
  const L = layout(seed);

  it('puts the Retry node first and its attempts nested under it', () => {
    expect(L.rows.map((r) => [r.name, r.depth])).toEqual([
      ['wf', 0],
      ['wf(0)', 1],
      ['wf(1)', 1],
    ]);
  });

  it('draws each attempt as a running segment with the engine times and final phase', () => {
    expect(pick(L.segments, 'wf(0)', 'running')).toMatchObject([{ start: 0, end: 120, phase: 'Failed', row: 1 }]);
    expect(pick(L.segments, 'wf(1)', 'running')).toMatchObject([{ start: 130, end: 180, phase: 'Failed', row: 2 }]);
    expect(pick(L.segments, 'wf(0)', 'pending')).toEqual([]); // runningAt == startedAt: no Pending stretch
  });

  it('draws the backoff wait from the backoff event to the next attempt', () => {
    expect(pick(L.segments, 'wf', 'backoff')).toMatchObject([{ start: 120, end: 130, next: 'wf(1)', label: 'backoff 10s' }]);
  });

  it('has one line per deadline, on the row it binds', () => {
    const lines = L.lines.map((l) => [l.kind, l.node, l.at, l.row]).sort((a, b) => a[2] - b[2] || a[3] - b[3]);
    expect(lines).toEqual([
      ['maxDuration', 'wf', 180, 0],
      ['executor', 'wf(1)', 180, 2],
      ['pod', 'wf(0)', 3600, 1],
      ['pod', 'wf(1)', 3730, 2],
    ]);
  });

  it('marks the kill with the exit code and the killer, and the plain exit as an exit', () => {
    const kill = L.markers.find((m) => m.node === 'wf(1)');
    expect(kill).toMatchObject({ kind: 'kill', t: 180, exitCode: 143, endedBy: 'executor-deadline', killer: 'executor' });
    expect(kill.label).toContain('143');
    expect(L.markers.find((m) => m.node === 'wf(0)')).toMatchObject({ kind: 'exit', exitCode: 10, t: 120 });
    expect(L.markers.find((m) => m.node === 'wf')).toMatchObject({ kind: 'verdict', endedBy: 'max-duration' });
  });

  it('hatches each row from its earliest binding deadline', () => {
    expect(L.hatches.map((h) => [h.node, h.start, h.kind])).toEqual([
      ['wf', 180, 'maxDuration'],
      ['wf(0)', 3600, 'pod'],
      ['wf(1)', 180, 'executor'],
    ]);
  });

  it('collapses the idle hour before the pod deadlines, keeping the busy part to scale', () => {
    const { warp } = L;
    expect(warp.breaks.length).toBeGreaterThan(0);
    expect(warp.toW(120) - warp.toW(0)).toBeCloseTo(120); // busy time is not squeezed
    expect(warp.toW(3600) - warp.toW(180)).toBeLessThan(60); // 57 quiet minutes are
    for (const t of [0, 60, 150, 1000, 3600, 3730]) expect(warp.toT(warp.toW(t))).toBeCloseTo(t);
  });

  it('without collapsing, far deadlines lie beyond the domain', () => {
    const flat = layout(seed, { collapseIdle: false });
    expect(flat.warp.breaks).toEqual([]);
    expect(flat.domainEnd).toBeLessThan(300);
    expect(flat.lines.filter((l) => l.beyond).map((l) => l.at)).toEqual([3600, 3730]);
  });
});

describe('layout of steps', () => {
  const L = layout(steps);
  it('follows the tree with indentation', () => {
    expect(L.rows.map((r) => `${'  '.repeat(r.depth)}${r.label}`)).toEqual([
      'steps-wf', '  [0]', '    prepare', '  [1]', '    flaky', '      flaky(0)', '      flaky(1)',
    ]);
  });
  it('splits a pod into Pending and Running', () => {
    expect(pick(L.segments, 'steps-wf[1].flaky(1)', 'pending')).toMatchObject([{ start: 65, end: 75, phase: 'Pending' }]);
    expect(pick(L.segments, 'steps-wf[1].flaky(1)', 'running')).toMatchObject([{ start: 75, end: 95 }]);
  });
  it('draws the workflow deadline across all rows', () => {
    expect(L.lines.find((l) => l.kind === 'workflow')).toMatchObject({ row: -1, at: 100 });
  });
  it('hatches the killed attempts from their pod deadline', () => {
    expect(L.hatches.find((h) => h.node === 'steps-wf[1].flaky(0)')).toMatchObject({ start: 45, kind: 'pod' });
  });
  it('marks an eviction as the kubelet ending the pod, without an exit code', () => {
    const r = structuredClone(seed);
    Object.assign(r.nodes.find((n) => n.name === 'wf(1)'), { endedBy: 'evicted', exitCode: null, message: 'The node was low on resource: memory.' });
    expect(layout(r).markers.find((m) => m.node === 'wf(1)')).toMatchObject({ kind: 'kill', killer: 'kubelet', exitCode: null, label: 'evicted · kubelet' });
  });
  it('names the kubelet as the killer', () => {
    expect(L.markers.find((m) => m.node === 'steps-wf[1].flaky(0)')).toMatchObject({ kind: 'kill', killer: 'kubelet' });
  });
});

describe('edge cases', () => {
  it('handles an empty or unsimulated result', () => {
    const L = layout({ nodes: [], events: [], deadlines: [], diagnostics: [] });
    expect(L.rows).toEqual([]);
    expect(L.domainEnd).toBeGreaterThan(0);
    expect(layout(undefined).rows).toEqual([]);
  });
  it('keeps unfinished nodes open to the end', () => {
    const r = structuredClone(seed);
    r.nodes[2].finishedAt = null;
    r.nodes[2].phase = 'Running';
    const seg = layout(r).segments.find((s) => s.node === 'wf(1)' && s.kind === 'running');
    expect(seg).toMatchObject({ open: true, phase: 'Running', end: 180 });
  });
  it('never drops a node whose parent is unknown, and puts exit handlers last', () => {
    const nodes = [
      { id: 'x', name: 'x.onExit', parent: '', children: [], onExit: true },
      { id: 'a', name: 'a', parent: '', children: ['b'] },
      { id: 'b', name: 'b', parent: 'a', children: [] },
      { id: 'c', name: 'c', parent: 'missing', children: [] },
    ];
    expect(treeOrder(nodes).map((e) => e.node.name)).toEqual(['a', 'b', 'c', 'x.onExit']);
  });
  it('a 10-minute backoff between short attempts collapses', () => {
    const warp = buildWarp(620, [[0, 5], [605, 615]], [0, 5, 605, 615], true, 615);
    expect(warp.total).toBeLessThan(60);
    expect(warp.breaks).toHaveLength(1);
  });
  it('a 40 s backoff in a 90 s run is the lesson: it stays to scale', () => {
    const warp = buildWarp(92, [[0, 5], [15, 20], [40, 45], [85, 90]], [0, 5, 15, 20, 40, 45, 85, 90], true, 90);
    expect(warp.breaks).toEqual([]);
    expect(warp.toW(85) - warp.toW(45)).toBeCloseTo(40);
  });
});

describe('layout of a DAG', () => {
  const L = layout(dag);
  it('hangs a dependent task under the DAG, not under the attempt it depends on', () => {
    expect(L.rows.map((r) => `${'  '.repeat(r.depth)}${r.name}`)).toEqual([
      'wf', '  wf.B', '  wf.A', '    wf.A(0)', '    wf.A(1)', '    wf.A(2)', '  wf.C',
    ]);
  });
  it('draws the omitted task as a zero-length span', () => {
    expect(L.segments.find((s) => s.node === 'wf.C')).toMatchObject({ kind: 'span', start: 40, end: 40 });
  });
});
