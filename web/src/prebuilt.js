// Results the page can draw before its engine has loaded, each then re-checked by the engine: the gallery examples
// as the build computed them with this page's own engine (vite.config.js, tools/prebuilt-results.js), and the
// engine's last answer for the user's own draft, kept beside it so that a reload draws it at once.
import manifest from 'virtual:argosim-prebuilt';
import { readStored, writeStored } from './storage.js';

const SAVED_KEY = 'argosim:draft-result';
const MAX_SAVED_CHARS = 512 * 1024; // a huge run is simply computed again

/** → {json, version, note} for a gallery example the build simulated, else null (never throws: the engine answers). */
export async function loadPrebuilt(id, base = document.baseURI) {
  if (!manifest?.ids?.includes(id)) return null;
  try {
    const res = await fetch(new URL(`examples/${id}.result.json`, base));
    return res.ok ? { json: await res.text(), version: manifest.version, note: 'Drawn from the result computed when this page was built.' } : null;
  } catch {
    return null;
  }
}

/** Keeps the engine's answer for a draft's text; only this build's engine can vouch for it later. */
export function saveDraftResult(text, json) {
  if (!manifest?.build || text.length + json.length > MAX_SAVED_CHARS) return forgetDraftResult();
  writeStored(SAVED_KEY, { build: manifest.build, version: manifest.version, text, json });
}

/** → {json, version, note} saved for exactly this text by this build's engine, else null. */
export function savedDraftResult(text) {
  const saved = readStored(SAVED_KEY);
  if (!saved || saved.build !== manifest?.build || saved.text !== text || typeof saved.json !== 'string') return null;
  return { json: saved.json, version: saved.version, note: 'Drawn from the result saved with your draft.' };
}

export function forgetDraftResult() {
  writeStored(SAVED_KEY, null);
}
