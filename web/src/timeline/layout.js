// Turns a simulation result into what the timeline draws: rows in tree order, segments, deadline lines,
// kill markers and hatched "past the deadline" stretches. Pure: no DOM, no simulation — it only arranges facts.
import { duration } from '../format.js';

/** endedBy values that mean something outside main killed the pod, and who that was. */
export const KILLERS = {
  'kubelet-deadline': 'kubelet',
  'executor-deadline': 'executor',
  'workflow-deadline': 'controller',
  timeout: 'controller',
};

/**
 * The row a node hangs under. Argo's node graph chains a steps/DAG template's nodes (the next step group is a child
 * of the previous step; a DAG task is a child of its dependency), which would indent each step deeper than the last.
 * For rows, a node whose graph parent is a sibling inside the same boundary hangs under that boundary (the Steps or
 * DAG node) instead; step groups always do. A Retry node's attempts stay under it.
 */
export function displayParent(node, byId) {
  const parent = node.parent ? byId.get(node.parent) : undefined;
  if (!parent) return undefined;
  const boundary = node.boundaryId ? byId.get(node.boundaryId) : undefined;
  if (!boundary || parent.id === boundary.id) return parent;
  if (node.type === 'StepGroup') return boundary;
  const attemptOfParent = parent.type === 'Retry' && node.attempt !== null && node.attempt !== undefined;
  if (parent.boundaryId === node.boundaryId && parent.type !== 'StepGroup' && !attemptOfParent) return boundary;
  return parent;
}

/** Nodes in tree order (parents before children, in creation order; exit handlers last), with their depth. */
export function treeOrder(nodes) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = new Map();
  const roots = [];
  for (const node of nodes) {
    const parent = displayParent(node, byId);
    if (parent && parent.id !== node.id) {
      if (!kids.has(parent.id)) kids.set(parent.id, []);
      kids.get(parent.id).push(node);
    } else roots.push(node);
  }
  const out = [];
  const seen = new Set();
  const visit = (node, depth) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push({ node, depth });
    for (const child of kids.get(node.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots.filter((n) => !n.onExit)) visit(root, 0);
  for (const root of roots.filter((n) => n.onExit)) visit(root, 0);
  for (const node of nodes) visit(node, 0); // anything in a cycle, so nothing is silently dropped
  return out;
}

function latestMoment(result) {
  let end = 0;
  const take = (t) => {
    if (typeof t === 'number' && Number.isFinite(t) && t > end) end = t;
  };
  for (const n of result?.nodes ?? []) {
    take(n.startedAt);
    take(n.runningAt);
    take(n.finishedAt);
  }
  for (const e of result?.events ?? []) take(e.t);
  take(result?.workflow?.finishedAt);
  return end;
}

/**
 * Piecewise-linear "warp" of real time: quiet stretches (no pod Pending or Running, nothing happening) longer than
 * max(60 s, a quarter of the run) are squeezed to a short fixed length when collapseIdle is on. pieces: [{t0, t1, w0, w1, collapsed}].
 */
export function buildWarp(domainEnd, activeIntervals, markTimes, collapseIdle, activityEnd = domainEnd) {
  const whole = [{ t0: 0, t1: domainEnd, collapsed: false }];
  let pieces = whole;
  if (collapseIdle && domainEnd > 0) {
    // idle = the complement of the active intervals, cut at every moment something happens
    const active = activeIntervals
      .map(([a, b]) => [Math.max(0, a), Math.min(domainEnd, b)])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const iv of active) {
      const last = merged[merged.length - 1];
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([...iv]);
    }
    const busy = merged.reduce((s, [a, b]) => s + (b - a), 0);
    // "long" is relative to the run: a 40 s backoff in a 90 s run is the lesson, a 57-minute wait for a far deadline
    // or a 10-minute backoff between 5-second attempts is not
    const threshold = Math.max(60, 0.25 * activityEnd);
    const idle = [];
    let cursor = 0;
    for (const [a, b] of merged) {
      if (a > cursor) idle.push([cursor, a]);
      cursor = Math.max(cursor, b);
    }
    if (cursor < domainEnd) idle.push([cursor, domainEnd]);
    const cuts = [...new Set(markTimes)].sort((x, y) => x - y);
    const gaps = [];
    for (const [a, b] of idle) {
      let from = a;
      for (const c of cuts) {
        if (c > from && c < b) {
          gaps.push([from, c]);
          from = c;
        }
      }
      gaps.push([from, b]);
    }
    const collapsible = gaps.filter(([a, b]) => b - a > threshold);
    if (collapsible.length && busy > 0) {
      const removed = collapsible.reduce((s, [a, b]) => s + (b - a), 0);
      const kept = domainEnd - removed;
      const squeezed = Math.max(kept * 0.12, 1);
      pieces = [];
      let t = 0;
      for (const [a, b] of collapsible) {
        if (a > t) pieces.push({ t0: t, t1: a, collapsed: false });
        pieces.push({ t0: a, t1: b, collapsed: true, squeezed: Math.min(squeezed, b - a) });
        t = b;
      }
      if (t < domainEnd) pieces.push({ t0: t, t1: domainEnd, collapsed: false });
    }
  }
  let w = 0;
  for (const p of pieces) {
    p.w0 = w;
    w += p.collapsed ? p.squeezed : p.t1 - p.t0;
    p.w1 = w;
  }
  return makeWarp(pieces);
}

export function makeWarp(pieces) {
  const total = pieces.length ? pieces[pieces.length - 1].w1 : 1;
  const toW = (t) => {
    if (t <= 0 || !pieces.length) return t;
    for (const p of pieces) {
      if (t <= p.t1) return p.t1 === p.t0 ? p.w0 : p.w0 + ((t - p.t0) / (p.t1 - p.t0)) * (p.w1 - p.w0);
    }
    const last = pieces[pieces.length - 1];
    return last.w1 + (t - last.t1);
  };
  const toT = (w) => {
    if (w <= 0 || !pieces.length) return w;
    for (const p of pieces) {
      if (w <= p.w1) return p.w1 === p.w0 ? p.t0 : p.t0 + ((w - p.w0) / (p.w1 - p.w0)) * (p.t1 - p.t0);
    }
    const last = pieces[pieces.length - 1];
    return last.t1 + (w - last.w1);
  };
  return { pieces, total, toW, toT, breaks: pieces.filter((p) => p.collapsed) };
}

/**
 * layout(result, {collapseIdle}) → {rows, segments, lines, markers, hatches, events, end, domainEnd, warp}.
 * Times stay in seconds; the renderer maps them through warp.toW and its own zoom.
 */
export function layout(result, { collapseIdle = true } = {}) {
  const nodes = result?.nodes ?? [];
  const ordered = treeOrder(nodes);
  const rowOf = new Map();
  const rows = ordered.map(({ node, depth }, index) => {
    rowOf.set(node.name, index);
    return {
      index,
      id: node.id,
      name: node.name,
      label: node.displayName || node.name,
      type: node.type,
      depth,
      phase: node.phase,
      endedBy: node.endedBy ?? '',
      attempt: node.attempt ?? null,
      onExit: !!node.onExit,
    };
  });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const end = latestMoment(result);
  const segments = [];
  const markers = [];
  const active = [];

  for (const { node } of ordered) {
    const row = rowOf.get(node.name);
    const finished = typeof node.finishedAt === 'number';
    const stop = finished ? node.finishedAt : end;
    if (node.type === 'Pod') {
      const runningAt = typeof node.runningAt === 'number' ? node.runningAt : null;
      const pendingEnd = runningAt ?? stop;
      if (pendingEnd > node.startedAt || runningAt === null) {
        segments.push({
          row, node: node.name, kind: 'pending', phase: 'Pending', start: node.startedAt, end: pendingEnd,
          open: !finished && runningAt === null,
        });
      }
      if (runningAt !== null) {
        segments.push({
          row, node: node.name, kind: 'running', phase: finished ? node.phase : 'Running', start: runningAt, end: stop,
          open: !finished,
        });
      }
      active.push([node.startedAt, stop]);
      if (finished) {
        let killer = KILLERS[node.endedBy];
        const code = node.exitCode ?? null;
        let kind;
        let label;
        if (node.endedBy === 'evicted') {
          // the kubelet's eviction, before main started: there is no exit code to show
          killer = 'kubelet';
          kind = 'kill';
          label = 'evicted · kubelet';
        } else if (killer) {
          kind = 'kill';
          label = `${code ?? 'no exit code'} · ${killer}`;
        } else if (node.endedBy === 'pod-error' || node.phase === 'Error') {
          kind = 'error';
          label = 'pod error';
        } else {
          kind = 'exit';
          label = `exit ${code ?? '?'}`;
        }
        markers.push({ row, node: node.name, t: node.finishedAt, kind, exitCode: code, endedBy: node.endedBy ?? '', killer: killer ?? null, label });
      }
    } else {
      segments.push({
        row, node: node.name, kind: 'span', phase: node.phase, start: node.startedAt, end: stop, open: !finished,
      });
      if (finished && (node.phase === 'Failed' || node.phase === 'Error') && node.endedBy) {
        markers.push({ row, node: node.name, t: node.finishedAt, kind: 'verdict', exitCode: null, endedBy: node.endedBy, killer: null, label: node.endedBy });
      }
    }
  }

  // Backoff waits: from the controller's "Backoff for …" to the start of the next attempt of that Retry node.
  const events = [...(result?.events ?? [])].map((e, i) => ({ ...e, i, row: rowOf.get(e.node) ?? -1 }));
  events.sort((a, b) => a.t - b.t || a.i - b.i);
  for (const e of events) {
    if (e.kind !== 'backoff') continue;
    const retry = byName.get(e.node);
    if (!retry) continue;
    const next = (retry.children ?? [])
      .map((id) => byId.get(id))
      .filter((c) => c && c.startedAt >= e.t)
      .sort((a, b) => a.startedAt - b.startedAt)[0];
    const stopAt = next ? next.startedAt : typeof retry.finishedAt === 'number' ? retry.finishedAt : end;
    if (stopAt > e.t) {
      segments.push({
        row: rowOf.get(retry.name), node: retry.name, kind: 'backoff', phase: 'Backoff', start: e.t, end: stopAt,
        open: !next && typeof retry.finishedAt !== 'number', label: `backoff ${duration(stopAt - e.t)}`, next: next?.name ?? null,
      });
    }
  }

  // Deadline lines, and the stretch of each row past the earliest deadline that binds it.
  const deadlines = (result?.deadlines ?? []).filter((d) => typeof d.at === 'number' && Number.isFinite(d.at));
  const markTimes = [0, end, ...events.map((e) => e.t), ...deadlines.map((d) => d.at)];
  const horizon = Math.max(end, ...deadlines.map((d) => d.at), 0);
  const farLimit = Math.max(end * 1.5, end + 30);
  const reach = collapseIdle ? horizon : Math.max(end, ...deadlines.map((d) => d.at).filter((at) => at <= farLimit));
  const pad = Math.max(1, 0.02 * Math.max(end, 1)); // the renderer keeps pixels on the right for labels
  const domainEnd = Math.max(reach, 1) + pad;
  const lines = deadlines.map((d) => {
    const global = d.kind === 'workflow' || !d.node;
    return {
      kind: d.kind,
      at: d.at,
      node: d.node ?? '',
      row: global ? -1 : rowOf.get(d.node) ?? -1,
      beyond: d.at > domainEnd,
      label: `${d.kind} ${duration(d.at)}`,
    };
  });
  const hatches = [];
  for (const row of rows) {
    // exit handlers are exempt from the workflow deadline (Argo 3.5.11+): it does not bind their rows
    const binding = lines.filter((l) => (l.row === -1 && !row.onExit) || l.row === row.index);
    if (!binding.length) continue;
    const first = binding.reduce((a, b) => (b.at < a.at ? b : a));
    if (first.at < domainEnd) hatches.push({ row: row.index, node: row.name, start: first.at, end: domainEnd, kind: first.kind });
  }

  const warp = buildWarp(domainEnd, active, markTimes, collapseIdle, end);
  return { rows, segments, lines, markers, hatches, events, end, domainEnd, warp };
}
