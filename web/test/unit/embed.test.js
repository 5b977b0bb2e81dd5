import { describe, expect, it } from 'vitest';
import { embedOptions } from '../../src/embed-options.js';
import { dedent } from '../../src/dedent.js';

describe('embed options', () => {
  it('defaults: read-only, all panels, system theme, autoplay', () => {
    const o = embedOptions('', '');
    expect(o).toMatchObject({ embed: true, persist: false, readOnly: true, theme: null, autoplay: true });
    expect(o.panels).toEqual({ editor: true, timeline: true, why: true, events: true });
    expect(o.initial).toEqual({ kind: 'none' });
  });
  it('reads mode, theme, panels, autoplay and the example', () => {
    const o = embedOptions('?mode=editable&theme=dark&panels=timeline,why&autoplay=0&example=seed', '');
    expect(o).toMatchObject({ readOnly: false, theme: 'dark', autoplay: false });
    expect(o.panels).toEqual({ editor: false, timeline: true, why: true, events: false });
    expect(o.initial).toEqual({ kind: 'example', id: 'seed' });
  });
  it('a share state in the hash wins over ?example, and odd themes are ignored', () => {
    const o = embedOptions('?example=seed&theme=<script>', '#v1:abc');
    expect(o.initial).toEqual({ kind: 'state', hash: 'v1:abc' });
    expect(o.theme).toBeNull();
  });
});

describe('dedent (inline YAML of <argo-playground>)', () => {
  it('removes the markup indentation and the blank edges, keeping relative indentation', () => {
    const html = '\n        kind: Workflow\n        spec:\n          entrypoint: main\n\n      ';
    expect(dedent(html)).toBe('kind: Workflow\nspec:\n  entrypoint: main\n');
  });
  it('normalises CRLF', () => {
    expect(dedent('  a: 1\r\n  b: 2\r\n')).toBe('a: 1\nb: 2\n');
  });
});
