import { describe, expect, it } from 'vitest';
import { Text } from '@codemirror/state';
import { offsetOf, toCmDiagnostics } from '../../src/editor.js';

const doc = Text.of(['kind: Workflow', 'spec:', '  retryStrategy: {factor: "1.5"}', '']);

describe('engine diagnostics → editor markers', () => {
  it('maps 1-based line:column to offsets, clamped to the document', () => {
    expect(offsetOf(doc, 1, 1)).toBe(0);
    expect(offsetOf(doc, 2, 1)).toBe(15);
    expect(offsetOf(doc, 99, 99)).toBe(doc.length);
    expect(offsetOf(doc, 0, 0)).toBe(0);
  });
  it('spans the token at the position and puts line:column in the message', () => {
    const [d] = toCmDiagnostics(doc, [{ severity: 'error', line: 3, column: 27, path: 'spec.templates[0].retryStrategy.backoff.factor', message: 'cannot be resolved to an int' }]);
    expect(doc.sliceString(d.from, d.to)).toBe('"1.5"');
    expect(d.severity).toBe('error');
    expect(d.message).toBe('3:27 cannot be resolved to an int (spec.templates[0].retryStrategy.backoff.factor)');
  });
  it('keeps warnings and infos, and marks the whole line when the position has no token', () => {
    const out = toCmDiagnostics(doc, [
      { severity: 'warning', line: 1, column: 5, message: 'w' },
      { severity: 'info', line: 4, column: 1, message: 'i' },
    ]);
    expect(out.map((d) => d.severity)).toEqual(['warning', 'info']);
    expect(out[0].to).toBeGreaterThan(out[0].from);
  });
});
