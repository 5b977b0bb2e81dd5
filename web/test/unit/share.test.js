import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, parseHash, exampleHash } from '../../src/share.js';
import { readFileSync } from 'node:fs';

const seedYaml = readFileSync(new URL('../fixtures/seed.yaml', import.meta.url), 'utf8');

describe('share codec', () => {
  const cases = {
    seed: seedYaml,
    empty: '',
    unicode: 'name: ünïcødé — 日本語 ✓ 🚀\n  tab\there\r\nCRLF and trailing spaces   \n',
    astral: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇩🇪 👩‍👩‍👧',
    big: 'x: "' + 'abc'.repeat(40000) + '"\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`round-trips ${name} exactly`, async () => {
      const state = await encodeState(text);
      expect(state.startsWith('v1:')).toBe(true);
      expect(state).toMatch(/^v1:[A-Za-z0-9_-]*$/); // base64url: safe in a hash, no padding
      expect(await decodeState(state)).toBe(text);
      expect(await decodeState('#' + state)).toBe(text);
    });
  }
  it('compresses', async () => {
    expect((await encodeState(seedYaml)).length).toBeLessThan(seedYaml.length);
  });
  it('refuses unknown versions and damaged links with a readable message', async () => {
    await expect(decodeState('v9:abc')).rejects.toThrow(/format/);
    await expect(decodeState('v1:@@@')).rejects.toThrow(/damaged/);
    await expect(decodeState('v1:AAAA')).rejects.toThrow(/damaged/);
  });
  it('parses hashes', () => {
    expect(parseHash('#v1:abc')).toEqual({ kind: 'state', hash: 'v1:abc' });
    expect(parseHash('#example/the-143-kill')).toEqual({ kind: 'example', id: 'the-143-kill' });
    expect(parseHash('#' + exampleHash('a b/c'))).toEqual({ kind: 'example', id: 'a b/c' });
    expect(parseHash('')).toEqual({ kind: 'none' });
    expect(parseHash('#whatever')).toEqual({ kind: 'none' });
  });
});
