import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstViewScript, withFirstView } from '../../tools/first-view.js';

const page = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

/** Runs the head script against a stand-in window: → {firstView, theme} as it leaves <html>'s dataset. */
function decide(exampleId, { hash = '', draft = null, theme = null, storage = true } = {}) {
  const dataset = {};
  const localStorage = {
    getItem(key) {
      if (!storage) throw new Error('storage is off');
      return { 'argosim:draft': draft, 'argosim:theme': theme }[key] ?? null;
    },
  };
  new Function('document', 'location', 'localStorage', firstViewScript(exampleId))({ documentElement: { dataset } }, { hash }, localStorage);
  return { firstView: dataset.firstView ?? 'on', theme: dataset.theme ?? 'system' };
}

describe('the first view in index.html', () => {
  it('is shown for the default view and its own example link only, and never over a saved draft', () => {
    expect(decide('seed').firstView).toBe('on');
    expect(decide('seed', { hash: '#example/seed' }).firstView).toBe('on');
    expect(decide('seed', { hash: '#example/other' }).firstView).toBe('off');
    expect(decide('seed', { hash: '#v1:abc' }).firstView).toBe('off');
    expect(decide('seed', { draft: '{"text":"x"}' }).firstView).toBe('off');
    expect(decide('seed', { hash: '#example/seed', draft: '{"text":"x"}' }).firstView).toBe('off');
    expect(decide('seed', { storage: false }).firstView).toBe('on'); // private mode: no draft can exist
  });

  it('applies a stored theme choice before the first paint', () => {
    expect(decide('seed', { theme: 'dark' }).theme).toBe('dark');
    expect(decide('seed', { theme: 'light', hash: '#v1:x' }).theme).toBe('light');
    expect(decide('seed', { theme: '<bogus>' }).theme).toBe('system');
  });

  it('allows exactly its own head script in the Content-Security-Policy', () => {
    const html = withFirstView(page, { markup: '<p>drawn</p>', exampleId: 'seed' });
    const script = html.match(/<script>([^<]*)<\/script>/)[1];
    expect(script).toBe(firstViewScript('seed'));
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = html.match(/Content-Security-Policy" content="([^"]*)"/)[1];
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('puts the markup inside #app, inert, ahead of the boot text, with no replacement patterns expanded', () => {
    const markup = '<pre>echo $1 $& $$ $`</pre>';
    const html = withFirstView(page, { markup, exampleId: 'seed' });
    expect(html).toContain(`<div class="first-view" inert data-example="seed">${markup}</div>`);
    expect(html.indexOf('class="first-view"')).toBeLessThan(html.indexOf('class="boot"'));
    expect(html.indexOf('id="app"')).toBeLessThan(html.indexOf('class="first-view"'));
  });

  it('refuses a page without its markers rather than writing a broken one', () => {
    expect(() => withFirstView('<html><title>x</title></html>', { markup: '', exampleId: 'seed' })).toThrow(/lacks/);
  });
});
