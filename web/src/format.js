// How the page writes times: seconds since the workflow start, and Argo-style duration strings.

/** Seconds as a Go/Argo duration string: 180 → "3m", 90 → "1m30s", 0.5 → "0.5s". */
export function duration(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  if (s === 0) return '0s';
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  s = Math.round(s * 1000) / 1000;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s || !out) out += `${s}s`;
  return sign + out;
}

/** A moment on the virtual clock: "180 s" (and "(3m)" when that reads easier). */
export function moment(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const plain = `${Math.round(seconds * 1000) / 1000} s`;
  return Math.abs(seconds) >= 120 ? `${plain} (${duration(seconds)})` : plain;
}

/** Short tick label: "0", "30s", "2m", "1h5m". */
export function tick(seconds) {
  return seconds === 0 ? '0' : duration(seconds);
}
