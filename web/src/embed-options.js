// embed.html's options, read from its query string and hash.
import { parseHash } from './share.js';

export function embedOptions(search, hash) {
  const q = new URLSearchParams(search);
  const panelsParam = q.get('panels');
  const wanted = panelsParam ? new Set(panelsParam.split(',').map((p) => p.trim())) : null;
  const panel = (name) => (wanted ? wanted.has(name) : true);
  const fromHash = parseHash(hash);
  const example = q.get('example');
  const theme = q.get('theme');
  return {
    embed: true,
    persist: false,
    readOnly: q.get('mode') !== 'editable',
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    autoplay: q.get('autoplay') !== '0',
    panels: { editor: panel('editor'), timeline: panel('timeline'), why: panel('why'), events: panel('events') },
    initial: fromHash.kind !== 'none' ? fromHash : example ? { kind: 'example', id: example } : { kind: 'none' },
  };
}
