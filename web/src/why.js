// The "why" panel's stories: for a selected node, the chain of numbers from the result that explains how it
// ended. Every endedBy value has a story. Only arithmetic on facts the engine reported; no simulation here.
import { duration, moment } from './format.js';
import { displayParent } from './timeline/layout.js';

const KIND_WORDS = {
  workflow: 'workflow activeDeadlineSeconds',
  template: 'template activeDeadlineSeconds',
  pod: "pod activeDeadlineSeconds (kubelet)",
  executor: 'ARGO_DEADLINE (executor)',
  maxDuration: 'retryStrategy.backoff.maxDuration',
  timeout: 'template timeout',
};

export const ENDED_BY = [
  'exit', 'pod-error', 'evicted', 'kubelet-deadline', 'executor-deadline', 'workflow-deadline', 'timeout', 'pod-creation',
  'succeeded', 'policy', 'limit', 'expression', 'max-duration', 'backoff-max-duration', 'retry-deadline',
  'config-error', 'children', 'fail-fast', 'omitted', 'skipped', 'suspend', 'invalid-spec',
];

function context(result, node) {
  const byId = new Map((result.nodes ?? []).map((n) => [n.id, n]));
  const byName = new Map((result.nodes ?? []).map((n) => [n.name, n]));
  const parent = node.parent ? byId.get(node.parent) : undefined;
  // the node's own children as the timeline shows them (Argo's graph chains steps one under the other)
  const children = (result.nodes ?? []).filter((n) => n.id !== node.id && displayParent(n, byId)?.id === node.id);
  const attempts = children.filter((c) => c.attempt !== null && c.attempt !== undefined);
  const deadlinesOf = (name, kind) =>
    (result.deadlines ?? []).filter((d) => d.node === name && (!kind || d.kind === kind));
  const workflowDeadline = (result.deadlines ?? []).find((d) => d.kind === 'workflow');
  const eventsOf = (name, kind) => (result.events ?? []).filter((e) => e.node === name && (!kind || e.kind === kind));
  return { byId, byName, parent, children, attempts, deadlinesOf, workflowDeadline, eventsOf };
}

const last = (xs) => xs[xs.length - 1];
/** Long lists keep their first three and last two entries. */
const shortList = (xs) => (xs.length > 6 ? [...xs.slice(0, 3), `… ${xs.length - 5} more …`, ...xs.slice(-2)] : xs);
const secs = (n) => (Math.abs(n) >= 60 ? `${n} s (${duration(n)})` : `${n} s`);
const exitText = (n) => (n.exitCode === null || n.exitCode === undefined ? 'no exit code' : `exit ${n.exitCode}`);
const quote = (s) => (s ? `“${s}”` : '(no message)');
const ran = (n) => {
  const from = n.runningAt ?? n.startedAt;
  return typeof n.finishedAt === 'number' ? n.finishedAt - from : null;
};

/** What failedPodRestart did for a node, from its count. */
function restartedLine(node) {
  const n = node.failedPodRestarts;
  return `${n} pod${n === 1 ? ' was' : 's were'} evicted before main started and recreated by the controller (failedPodRestart): no retry was used`;
}

function killStory(node, who, deadlineLine) {
  return [
    deadlineLine,
    `${who} ends main at ${moment(node.finishedAt)} → ${exitText(node)}`,
    `node ${node.phase}: ${quote(node.message)}`,
  ];
}

const STORIES = {
  exit(node) {
    const r = ran(node);
    const steps = [
      `Pod created at ${moment(node.startedAt)}` +
        (typeof node.runningAt === 'number' && node.runningAt > node.startedAt
          ? `, Pending until ${moment(node.runningAt)}`
          : ''),
      `main ran ${r === null ? '?' : duration(r)} and exited by itself at ${moment(node.finishedAt)} → ${exitText(node)}`,
      node.exitCode === 0 ? 'exit 0 → Succeeded' : `non-zero exit → ${node.phase}: ${quote(node.message)}`,
    ];
    if (node.failedPodRestarts) steps.unshift(restartedLine(node));
    if (node.behaviour) steps.push(`behaviour from ${node.behaviour}`);
    return { title: node.exitCode === 0 ? 'Finished normally' : 'main failed by itself', steps };
  },
  evicted(node) {
    const restarts = node.failedPodRestarts ?? 0;
    return {
      title: 'Evicted before main started',
      steps: [
        ...(restarts ? [restartedLine(node), `the last pod was evicted too, and that was the last restart allowed (failedPodRestart maxRestarts)`] : []),
        `at ${moment(node.finishedAt)} the kubelet evicted the pod before main started: ${quote(node.message)} → no exit code`,
        `node ${node.phase} with the pod's message; a retryStrategy decides what follows (the default retryPolicy OnFailure retries Failed)`,
        ...(restarts ? [] : ["from Argo v4.0 the controller's failedPodRestart (off by default) would recreate the pod for the same node instead, without using a retry"]),
      ],
    };
  },
  'pod-error'(node) {
    return {
      title: 'The pod errored',
      steps: [
        `at ${moment(node.finishedAt)} the pod went away or errored: ${quote(node.message)}`,
        `Argo marks the node ${node.phase}; Error is not retried by the default retryPolicy OnFailure`,
      ],
    };
  },
  'kubelet-deadline'(node, result, c) {
    const ads = node.podActiveDeadlineSeconds;
    const pod = c.deadlinesOf(node.name, 'pod')[0];
    let line;
    if (ads === null || ads === undefined) line = 'the pod had an activeDeadlineSeconds';
    else if (pod) {
      line = `pod activeDeadlineSeconds = ${secs(ads)}, counted by the kubelet from the pod's start on its node (${moment(pod.at - ads)}) → deadline ${moment(pod.at)}`;
    } else line = `pod activeDeadlineSeconds = ${secs(ads)}, counted by the kubelet from the pod's start on its node`;
    return { title: 'Killed by the kubelet (pod activeDeadlineSeconds)', steps: killStory(node, 'the kubelet', line) };
  },
  'executor-deadline'(node, result, c) {
    const at = node.executorDeadline;
    const md = c.parent ? c.deadlinesOf(c.parent.name, 'maxDuration')[0] : undefined;
    const steps = [];
    if (md && at !== null && md.at === at) {
      const first = c.parent ? (c.parent.children ?? []).map((id) => c.byId.get(id)).filter(Boolean)[0] : undefined;
      const firstStart = first ? first.startedAt : 0;
      steps.push(
        `maxDuration deadline = first attempt started ${firstStart} s + ${duration(md.at - firstStart)} = ${md.at} s`,
      );
      steps.push(`so this attempt's ARGO_DEADLINE = ${at} s, whatever its pod activeDeadlineSeconds (${node.podActiveDeadlineSeconds ?? 'none'}) says`);
    } else if (c.workflowDeadline && at === c.workflowDeadline.at) {
      steps.push(`ARGO_DEADLINE = the workflow deadline ${moment(at)}`);
    } else {
      steps.push(`ARGO_DEADLINE = ${moment(at)}`);
    }
    steps.push(`the executor (wait container) SIGTERMs main at ${moment(node.finishedAt)} → ${exitText(node)}`);
    steps.push(`node ${node.phase}: ${quote(node.message)}`);
    return { title: 'Killed by the executor (ARGO_DEADLINE)', steps };
  },
  'workflow-deadline'(node, result, c) {
    const wd = c.workflowDeadline;
    return {
      title: 'Stopped by the controller at the workflow deadline',
      steps: [
        wd ? `workflow deadline (spec.activeDeadlineSeconds) = ${moment(wd.at)}` : 'the workflow deadline passed',
        `the controller stops the step at ${moment(node.finishedAt)} → ${exitText(node)}`,
        `node ${node.phase}: ${quote(node.message)}`,
      ],
    };
  },
  timeout(node, result, c) {
    const t = c.deadlinesOf(node.name, 'timeout')[0] ?? (c.parent ? c.deadlinesOf(c.parent.name, 'timeout')[0] : undefined);
    return {
      title: 'Template timeout while Pending',
      steps: [
        t ? `timeout deadline = ${moment(t.at)} (the controller checks it only while the pod is Pending)` : 'the template timeout passed while the pod was Pending',
        `still Pending at ${moment(node.finishedAt)} → the controller fails it`,
        `node ${node.phase}: ${quote(node.message)}`,
      ],
    };
  },
  'pod-creation'(node) {
    return {
      title: 'The pod could not be created',
      steps: [`at ${moment(node.finishedAt ?? node.startedAt)}: ${quote(node.message)}`, 'no container ever ran'],
    };
  },
  succeeded(node, result, c) {
    const winner = c.children.find((ch) => ch.phase === 'Succeeded') ?? last(c.children);
    return {
      title: 'A child succeeded',
      steps: [
        winner ? `${winner.name} Succeeded at ${moment(winner.finishedAt)}` : 'the last child Succeeded',
        c.attempts.length ? `after ${c.attempts.length} attempt${c.attempts.length === 1 ? '' : 's'}` : `${c.children.length} child node(s)`,
        `→ ${node.name} Succeeded at ${moment(node.finishedAt)}`,
      ],
    };
  },
  policy(node, result, c) {
    const lastAttempt = last(c.attempts);
    return {
      title: 'retryPolicy does not retry this failure',
      steps: [
        lastAttempt ? `${lastAttempt.name} ended ${lastAttempt.phase}: ${quote(lastAttempt.message)}` : 'the last attempt failed',
        lastAttempt && lastAttempt.phase === 'Error'
          ? 'the retryPolicy does not retry a node that ended Error (the default, OnFailure, retries only Failed)'
          : 'the retryPolicy does not cover this failure',
        `→ ${node.name} ${node.phase} at ${moment(node.finishedAt)}: ${quote(node.message)}`,
      ],
    };
  },
  limit(node, result, c) {
    const n = c.attempts.length;
    return {
      title: 'No more retries left',
      steps: [
        `limit counts retries: limit ${Math.max(0, n - 1)} → ${n} attempt${n === 1 ? '' : 's'} in all`,
        ...shortList(c.attempts.map((a) => `${a.name}: ${moment(a.startedAt)}–${moment(a.finishedAt)}, ${a.phase} (${exitText(a)})`)),
        `→ ${quote(node.message)} at ${moment(node.finishedAt)}`,
      ],
    };
  },
  expression(node, result, c) {
    const lastAttempt = last(c.attempts);
    return {
      title: 'retryStrategy.expression said no',
      steps: [
        lastAttempt ? `${lastAttempt.name} ended ${lastAttempt.phase} (${exitText(lastAttempt)})` : 'the last attempt failed',
        'the expression is evaluated with lastRetry.* of that attempt (exitCode is a string: use asInt)',
        `it evaluated to false → ${quote(node.message)}`,
      ],
    };
  },
  'max-duration'(node, result, c) {
    const first = c.attempts[0] ?? c.children[0];
    const md = c.deadlinesOf(node.name, 'maxDuration')[0];
    const lastAttempt = last(c.attempts);
    const steps = [];
    if (md && first) {
      steps.push(`maxDuration deadline = first attempt started ${first.startedAt} s + ${duration(md.at - first.startedAt)} = ${md.at} s (Pending and backoff time count)`);
    }
    const carried = lastAttempt && lastAttempt !== first && lastAttempt.executorDeadline !== null && lastAttempt.executorDeadline !== undefined;
    if (carried) steps.push(`→ attempt ${lastAttempt.attempt}'s ARGO_DEADLINE = ${lastAttempt.executorDeadline} s`);
    else if (lastAttempt && lastAttempt === first) steps.push('attempt 0 never carries this deadline: only retries get it as ARGO_DEADLINE');
    if (lastAttempt) {
      const how = lastAttempt.endedBy === 'executor-deadline' ? 'killed' : `attempt ${lastAttempt.attempt ?? ''} ended`.replace('  ', ' ');
      steps.push(`→ ${how} at ${lastAttempt.finishedAt} s, ${exitText(lastAttempt)}`);
      if (md && typeof lastAttempt.finishedAt === 'number' && lastAttempt.finishedAt > md.at) {
        steps.push(`→ the controller looks again at ${moment(lastAttempt.finishedAt)}: that is past ${md.at} s, so no retry`);
      }
    }
    steps.push(`→ ${quote(node.message)} at ${moment(node.finishedAt)}`);
    return { title: 'The maxDuration window closed', steps };
  },
  'backoff-max-duration'(node, result, c) {
    const md = c.deadlinesOf(node.name, 'maxDuration')[0];
    const lastAttempt = last(c.attempts);
    const backoffs = c.eventsOf(node.name, 'backoff');
    const steps = [];
    if (md) steps.push(`maxDuration deadline = ${moment(md.at)}`);
    if (backoffs.length) steps.push(`waits so far: ${backoffs.map((b) => `${moment(b.t)} ${quote(b.message)}`).join('; ')}`);
    if (lastAttempt) steps.push(`${lastAttempt.name} failed at ${moment(lastAttempt.finishedAt)}`);
    steps.push(`the next backoff would end after ${md ? moment(md.at) : 'the deadline'}, so the controller gives up now, with retries left`);
    steps.push(`→ ${quote(node.message)}`);
    return { title: 'The next backoff would cross maxDuration', steps };
  },
  'retry-deadline'(node, result, c) {
    const wd = c.workflowDeadline;
    return {
      title: 'No retry after the workflow deadline',
      steps: [
        wd ? `workflow deadline = ${moment(wd.at)}` : 'the workflow deadline passed',
        `at ${moment(node.finishedAt)} the last attempt is over and the deadline has passed → no new attempt`,
        `→ ${quote(node.message)}`,
      ],
    };
  },
  'config-error'(node) {
    return {
      title: 'A retryStrategy field could not be used',
      steps: [`the controller failed to read a field: ${quote(node.message)}`, 'see the editor markers for the line'],
    };
  },
  children(node, result, c) {
    const failed = c.children.filter((ch) => ch.phase === 'Failed' || ch.phase === 'Error');
    return {
      title: 'Decided by its children',
      steps: [
        `${c.children.length} child node(s): ${c.children.map((ch) => `${ch.displayName || ch.name} ${ch.phase}`).join(', ') || 'none'}`,
        failed.length ? `failed: ${failed.map((f) => f.displayName || f.name).join(', ')}` : 'none failed',
        `→ ${node.phase}${node.message ? `: ${quote(node.message)}` : ''} at ${moment(node.finishedAt)}`,
      ],
    };
  },
  'fail-fast'(node) {
    return {
      title: 'Stopped by failFast',
      steps: ['a sibling failed and failFast stops the branches that had not started', `→ ${node.phase}: ${quote(node.message)}`],
    };
  },
  omitted(node) {
    return {
      title: 'Omitted',
      steps: [`the DAG never ran this task: its dependencies' outcomes ruled it out`, quote(node.message)],
    };
  },
  skipped(node) {
    return { title: 'Skipped', steps: [`its when condition was false: ${quote(node.message)}`] };
  },
  suspend(node) {
    return {
      title: 'Suspended',
      steps: [`a suspend node from ${moment(node.startedAt)}`, `→ ${node.phase}${node.message ? `: ${quote(node.message)}` : ''}`],
    };
  },
  'invalid-spec'(node) {
    return { title: 'The spec is invalid', steps: [`validation failed: ${quote(node.message)}`, 'nothing ran'] };
  },
};

/** story(result, nodeName) → {title, steps: string[], node, endedBy}. Unknown endedBy values get a plain story. */
export function story(result, nodeName) {
  const node = (result?.nodes ?? []).find((n) => n.name === nodeName || n.id === nodeName);
  if (!node) return { title: 'No such node', steps: [], node: null, endedBy: '' };
  const c = context(result, node);
  const endedBy = node.endedBy ?? '';
  let told;
  if (typeof node.finishedAt !== 'number' && !endedBy) {
    told = { title: 'Still going', steps: [`${node.phase} since ${moment(node.runningAt ?? node.startedAt)}; the run ended before this node did`] };
  } else if (STORIES[endedBy]) {
    told = STORIES[endedBy](node, result, c);
  } else {
    told = { title: `Ended: ${endedBy || node.phase}`, steps: [`${node.phase} at ${moment(node.finishedAt)}: ${quote(node.message)}`] };
  }
  const deadlines = c.deadlinesOf(node.name).map((d) => `${KIND_WORDS[d.kind] ?? d.kind}: ${moment(d.at)}`);
  return { ...told, node, endedBy, deadlines };
}
