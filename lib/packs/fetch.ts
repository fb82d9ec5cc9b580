/**
 * Downloading a pack: only from the address the reader subscribed to, without cookies or other
 * credentials, without following redirects, with a byte cap while the body streams and a timeout.
 * The request carries nothing but that address: no page content, no reader data. `fetch` is
 * injected so the logic runs in tests without a network.
 */
import { MAX_PACK_BYTES } from './format';

/** The part of WHATWG fetch this module uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Why a download failed; the reader's data stays unchanged. */
export type FetchFailure = 'address' | 'unreachable' | 'http' | 'oversized';

export type FetchResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: FetchFailure; message: string };

/** How long a download may take in all, by default (ms). */
export const PACK_TIMEOUT_MS = 30_000;

/** The exact fetch options of every pack request (exported so tests can hold us to them). */
export const PACK_REQUEST: RequestInit = {
  method: 'GET',
  credentials: 'omit',
  cache: 'no-store',
  redirect: 'error',
  referrerPolicy: 'no-referrer',
};

// Plain http is refused except on this machine, so a publisher can try a pack before hosting it
// (and the tests can serve one); anything that leaves the machine must be https.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for the development exception: http on 127.0.0.1, localhost or [::1]. */
export function isLoopbackUrl(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

/**
 * The pack address as it will be fetched, or why it cannot be: https only (http only on this
 * machine), no user name or password in it, and no fragment (it is never sent anyway).
 */
export function parsePackUrl(text: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: 'The address is not a URL.' };
  }
  if (url.protocol !== 'https:' && !isLoopbackUrl(url))
    return {
      ok: false,
      message:
        'The address must start with https:// (plain http only for 127.0.0.1 or localhost, for testing).',
    };
  if (url.username || url.password)
    return { ok: false, message: 'The address must not contain a user name or password.' };
  url.hash = '';
  return { ok: true, url };
}

/**
 * The host permission pattern for a pack address ("https://host/*"): that host only. Without the
 * port, which Firefox's match patterns do not take (the scheme and host are what a reader grants).
 */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** Downloads a pack: at most `maxBytes`, within `timeoutMs`, with PACK_REQUEST's options. */
export async function fetchPackBytes(
  address: string,
  fetchFn: FetchLike,
  options: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  const parsed = parsePackUrl(address);
  if (!parsed.ok) return { ok: false, reason: 'address', message: parsed.message };
  const url = parsed.url.href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? PACK_TIMEOUT_MS);
  const oversized = (size?: number): FetchResult => ({
    ok: false,
    reason: 'oversized',
    message: `The pack is too large (more than ${mb(maxBytes)} MB${size ? `: ${mb(size)} MB` : ''}); nothing was read past the limit.`,
  });
  try {
    const response = await fetchFn(url, { ...PACK_REQUEST, signal: controller.signal });
    if (!response.ok)
      return {
        ok: false,
        reason: 'http',
        message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}.`,
      };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return oversized(declared);
    }
    if (!response.body) return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
    // Counted while streaming: a server may send no length, or a false one.
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return oversized();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { ok: true, bytes };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return {
      ok: false,
      reason: 'unreachable',
      message: timedOut
        ? `No answer from ${parsed.url.host} within ${Math.round((options.timeoutMs ?? PACK_TIMEOUT_MS) / 1000)} s.`
        : `Could not reach ${parsed.url.host} (offline, refused, or the server redirected): ${(error as Error).message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

function mb(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
