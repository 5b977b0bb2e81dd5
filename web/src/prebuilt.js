// The gallery examples' results as the build computed them with this page's own engine (vite.config.js,
// tools/prebuilt-results.js): an example's timeline is drawn from one at once, and the engine, once loaded,
// runs the example again to confirm it.
import manifest from 'virtual:argosim-prebuilt';

/** → {json, version} for a gallery example the build simulated, else null (never throws: the engine answers). */
export async function loadPrebuilt(id, base = document.baseURI) {
  if (!manifest?.ids?.includes(id)) return null;
  try {
    const res = await fetch(new URL(`examples/${id}.result.json`, base));
    return res.ok ? { json: await res.text(), version: manifest.version } : null;
  } catch {
    return null;
  }
}
