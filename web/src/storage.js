// JSON values the page keeps in localStorage across reloads. Storage that is full, disabled or holds garbage
// reads as nothing and takes writes quietly: the page then starts afresh or computes again.

export function readStored(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** null removes the key. */
export function writeStored(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* full or disabled */
  }
}
