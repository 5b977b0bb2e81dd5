// Light/dark theme: the system's by default, or the user's choice (persisted); embeds may force one.
const KEY = 'argosim:theme';
const CHOICES = ['system', 'light', 'dark'];

export function storedTheme() {
  try {
    const v = localStorage.getItem(KEY);
    return CHOICES.includes(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice) {
  const root = document.documentElement;
  if (choice === 'light' || choice === 'dark') root.dataset.theme = choice;
  else delete root.dataset.theme;
}

export function effectiveTheme() {
  const t = document.documentElement.dataset.theme;
  if (t) return t;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Cycles system → light → dark, persists, applies; returns the new choice. */
export function cycleTheme(current) {
  const next = CHOICES[(CHOICES.indexOf(current) + 1) % CHOICES.length];
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  applyTheme(next);
  return next;
}
