// User text (YAML, node names, messages from the engine) must never be parsed as HTML: the page builds every
// element with createElement/textContent. This guards the sources against the APIs that would parse HTML.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'wasm') walk(p);
    } else if (p.endsWith('.js')) files.push(p);
  }
})(src);

describe('no HTML parsing of text', () => {
  it('finds the sources', () => expect(files.length).toBeGreaterThan(10));
  for (const f of files) {
    it(f.slice(src.length), () => {
      const code = readFileSync(f, 'utf8');
      expect(code).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
    });
  }
});
