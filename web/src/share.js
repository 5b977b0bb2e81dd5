// The URL-hash codec: "#v1:" + base64url(deflate-raw(UTF-8 text)), plus "#example/<id>". Versioned so that old
// links keep opening when the format changes: a new format gets "#v2:" and this decoder stays.

const PREFIX = 'v1:';

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** text → "v1:…" (no leading "#"). */
export async function encodeState(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** "v1:…" or "#v1:…" → text; throws a readable Error for anything else. */
export async function decodeState(hash) {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) throw new Error(`This link's format (${body.slice(0, 8) || 'empty'}) is not one this page reads.`);
  let bytes;
  try {
    bytes = await pipe(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  } catch {
    throw new Error('This share link is damaged (it did not decompress). Was it cut short when copied?');
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** What a location hash asks for: {kind: 'state', hash} | {kind: 'example', id} | {kind: 'none'}. */
export function parseHash(hash) {
  const body = (hash ?? '').replace(/^#/, '');
  if (!body) return { kind: 'none' };
  if (/^v\d+:/.test(body)) return { kind: 'state', hash: body };
  const m = /^example\/(.+)$/.exec(body);
  if (m) return { kind: 'example', id: decodeURIComponent(m[1]) };
  return { kind: 'none' };
}

export function exampleHash(id) {
  return `example/${encodeURIComponent(id)}`;
}
