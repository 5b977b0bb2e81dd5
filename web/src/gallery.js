// The example gallery: public/examples/index.json ([{id, file, title, lesson}]) and the YAML files it names.

export async function loadGallery(base = document.baseURI) {
  const indexUrl = new URL('examples/index.json', base);
  try {
    const res = await fetch(indexUrl);
    if (!res.ok) return { entries: [], error: `examples/index.json: HTTP ${res.status}` };
    const list = await res.json();
    if (!Array.isArray(list)) return { entries: [], error: 'examples/index.json is not a list' };
    const entries = list
      .filter((e) => e && typeof e.id === 'string' && typeof e.file === 'string')
      .map((e) => ({
        id: e.id,
        title: String(e.title ?? e.id),
        lesson: String(e.lesson ?? ''),
        url: new URL(e.file.startsWith('examples/') ? e.file : e.file, e.file.startsWith('examples/') ? base : indexUrl).href,
      }));
    return { entries, error: '' };
  } catch (err) {
    return { entries: [], error: `examples/index.json: ${err.message}` };
  }
}

export async function loadExampleText(entry) {
  const res = await fetch(entry.url);
  if (!res.ok) throw new Error(`${entry.url}: HTTP ${res.status}`);
  return res.text();
}
