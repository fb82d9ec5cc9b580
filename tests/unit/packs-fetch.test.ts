import { describe, expect, it } from 'vitest';
import {
  PACK_REQUEST,
  fetchPackBytes,
  isLoopbackUrl,
  originPattern,
  parsePackUrl,
  type FetchLike,
} from '../../lib/packs/fetch';

describe('pack addresses', () => {
  it('takes https anywhere and plain http only on this machine', () => {
    for (const ok of [
      'https://packs.example.org/a.json',
      'http://127.0.0.1:8080/a.json',
      'http://localhost/a.json',
      'http://[::1]:9/a.json',
    ])
      expect(parsePackUrl(ok).ok, ok).toBe(true);
    for (const bad of [
      'http://packs.example.org/a.json',
      'http://127.0.0.2/a.json',
      'file:///etc/passwd',
      'data:application/json,{}',
      'https://user:secret@packs.example.org/a.json',
      'packs.example.org/a.json',
    ])
      expect(parsePackUrl(bad).ok, bad).toBe(false);
  });

  it('drops the fragment and asks for the host only, without the port', () => {
    const parsed = parsePackUrl('  https://packs.example.org:8443/p/a.json?v=2#top ');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.url.href).toBe('https://packs.example.org:8443/p/a.json?v=2');
    expect(originPattern(parsed.url)).toBe('https://packs.example.org/*');
    expect(isLoopbackUrl(parsed.url)).toBe(false);
    expect(isLoopbackUrl(new URL('http://localhost:3000/'))).toBe(true);
    expect(isLoopbackUrl(new URL('https://localhost/'))).toBe(false);
  });
});

describe('fetchPackBytes', () => {
  const recording = (answer: Response) => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return answer;
    };
    return { calls, fetch };
  };

  it('sends a GET without credentials, cache, referrer or redirects, and returns the bytes', async () => {
    const { calls, fetch } = recording(new Response('{"a":1}'));
    const result = await fetchPackBytes('https://packs.example.org/a.json#x', fetch);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"a":1}');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://packs.example.org/a.json');
    expect(calls[0]!.init).toEqual({ ...PACK_REQUEST, signal: expect.any(AbortSignal) });
    expect(PACK_REQUEST).toEqual({
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
  });

  it('refuses a refused address without any request', async () => {
    const { calls, fetch } = recording(new Response('{}'));
    expect(await fetchPackBytes('http://packs.example.org/a.json', fetch)).toMatchObject({
      ok: false,
      reason: 'address',
    });
    expect(calls).toEqual([]);
  });

  it('stops reading at the limit, whatever length the server declared', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    // An endless body with a false small length: the count while streaming is what holds.
    const { fetch } = recording(new Response(body, { headers: { 'content-length': '10' } }));
    expect(await fetchPackBytes('https://packs.example.org/a.json', fetch, { maxBytes: 5000 })).toMatchObject(
      {
        ok: false,
        reason: 'oversized',
      },
    );
    expect(pulled).toBeLessThan(10);
  });

  it('names a redirect or network failure as unreachable', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch (redirect)'));
    expect(await fetchPackBytes('https://packs.example.org/a.json', fetch)).toMatchObject({
      ok: false,
      reason: 'unreachable',
      message: expect.stringMatching(/Could not reach packs\.example\.org/),
    });
  });
});
