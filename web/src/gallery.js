// The example gallery: public/examples/index.json ([{id, file, title, lesson}]) and the YAML files it names.
import bundledIndex from '../../public/examples/index.json';

// The index is bundled rather than fetched: the first example's text can then be requested at once, one round
// trip sooner to the first timeline. The YAML files stay separate, fetched when opened.
export function galleryEntries(base = document.baseURI) {
  const indexUrl = new URL('examples/index.json', base);
  if (!Array.isArray(bundledIndex)) return { entries: [], error: 'examples/index.json is not a list' };
  const entries = bundledIndex
    .filter((e) => e && typeof e.id === 'string' && typeof e.file === 'string')
    .map((e) => ({
      id: e.id,
      title: String(e.title ?? e.id),
      lesson: String(e.lesson ?? ''),
      url: new URL(e.file, e.file.startsWith('examples/') ? base : indexUrl).href,
    }));
  return { entries, error: '' };
}

export async function loadExampleText(entry) {
  const res = await fetch(entry.url);
  if (!res.ok) throw new Error(`${entry.url}: HTTP ${res.status}`);
  return res.text();
}
