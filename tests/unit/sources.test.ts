import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { canonicalUrl, hostKey, urlProblems } from '../../lib/sources/url';
import { HostRegistrySchema, byTier } from '../../lib/sources/registry';
import { lintNoteSources } from '../../lib/sources/lint';
import type { Note, Source } from '../../lib/schema';
import { SourceSchema } from '../../lib/schema';
import { testRegistry } from '../helpers/dataset';

describe('canonical source URLs', () => {
  it.each([
    ['https://www.reuters.com/a/b?utm_source=x&utm_medium=y&id=3#top', 'https://www.reuters.com/a/b?id=3'],
    ['http://huggingface.co./01-ai/Yi-34B', 'https://huggingface.co/01-ai/Yi-34B'],
    ['https://arxiv.org/pdf/2303.08774v6.pdf', 'https://arxiv.org/abs/2303.08774v6'],
    ['https://arxiv.org/pdf/2403.04652', 'https://arxiv.org/abs/2403.04652'],
    ['https://example.com/story?fbclid=abc', 'https://example.com/story'],
  ])('%s becomes %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
    expect(urlProblems(expected)).toEqual([]);
  });

  it.each([
    ['http://example.com/a', /https/],
    ['https://example.com./a', /trailing dot/],
    ['https://example.com/a?utm_campaign=z', /tracking parameters \(utm_campaign\)/],
    ['https://example.com/a#section', /fragment/],
    ['https://arxiv.org/pdf/2303.08774', /abstract page/],
    ['https://example.com/news/page/41', /listing/],
    ['https://example.com/tag/openai', /listing/],
    ['https://example.com/search?q=openai', /listing/],
    ['not a url', /not a URL/],
  ])('flags %s', (url, problem) => {
    expect(urlProblems(url).join('; ')).toMatch(problem);
  });

  it('leaves an article filed under a category alone', () => {
    expect(urlProblems('https://www.leiphone.com/category/ai/abc123.html')).toEqual([]);
    expect(urlProblems('https://example.com/archives/12345')).toEqual([]);
  });

  it('keys hosts without case, www. or a trailing dot', () => {
    expect(hostKey('WWW.Reuters.com.')).toBe('reuters.com');
  });
});

describe('host registry', () => {
  const registry = testRegistry();

  it('rates by host, the most specific path first, and parent domains only loosely', () => {
    expect(registry.rateUrl('https://www.reuters.com/technology/x').tier).toBe('outlet');
    expect(registry.rateUrl('https://huggingface.co/01-ai/Yi-34B').tier).toBe('primary');
    expect(registry.rateUrl('https://huggingface.co/TheBloke/Yi-34B-GGUF').tier).toBe('refused');
    expect(registry.rateUrl('https://huggingface.co/TheBlokeFan/x').tier).toBe('primary');
    expect(registry.lookup('https://uk.reuters.com/x')).toMatchObject({ exact: false });
    expect(registry.rateUrl('https://unknown.example/x').tier).toBe('unrated');
  });

  it('rates an original cited by name through its publisher, and the copy read separately', () => {
    const source: Source = {
      publisher: 'Reuters',
      title: '[Reuters report]',
      via: 'https://finance.yahoo.com/news/x.html',
    };
    expect(registry.rate(source)).toMatchObject({
      tier: 'outlet',
      publisher: 'Reuters',
      via: { tier: 'relay', publisher: 'Yahoo Finance' },
    });
    expect(registry.rate({ ...source, publisher: 'Some Blog' }).tier).toBe('unrated');
  });

  it('orders sources primary first and keeps the order within a tier', () => {
    const tiers = ['relay', 'primary', 'unrated', 'outlet', 'refused', 'primary'] as const;
    const sorted = byTier(
      tiers.map((tier, i) => ({ tier, i })),
      (x) => x.tier,
    );
    expect(sorted.map((x) => x.i)).toEqual([1, 5, 3, 0, 2, 4]);
  });

  it('refuses a registry entry without its reason, publisher or a proper host', () => {
    const bad = (entry: object) => !v.safeParse(HostRegistrySchema, { hosts: [entry] }).success;
    expect(bad({ host: 'x.com', tier: 'refused', why: 'social posts' })).toBe(true);
    expect(bad({ host: 'x.com', tier: 'outlet', why: 'news' })).toBe(true);
    expect(bad({ host: 'www.x.com', publisher: 'X', tier: 'outlet', why: 'news' })).toBe(true);
    expect(bad({ host: 'x.com.', publisher: 'X', tier: 'outlet', why: 'news' })).toBe(true);
    expect(bad({ host: 'x.com', publisher: 'X', tier: 'outlet', why: 'news' })).toBe(false);
    const twice = { host: 'x.com', publisher: 'X', tier: 'outlet', why: 'news' };
    expect(v.safeParse(HostRegistrySchema, { hosts: [twice, twice] }).success).toBe(false);
  });

  it('lets a source without a URL through the schema only with a copy to read', () => {
    expect(v.safeParse(SourceSchema, { publisher: 'Reuters', title: 't' }).success).toBe(false);
    expect(
      v.safeParse(SourceSchema, { publisher: 'Reuters', title: 't', via: 'https://finance.yahoo.com/x' })
        .success,
    ).toBe(true);
  });
});

describe('source rules for the bundled data', () => {
  const registry = testRegistry();
  const note = (sources: Source[], responseSources?: Source[]): Note => ({
    id: 'n',
    kind: 'funding',
    text: { en: 'A line.' },
    date: '2023',
    status: 'reported',
    sources,
    ...(responseSources && { response: { text: { en: 'An answer.' }, sources: responseSources } }),
  });
  const outlet: Source = { url: 'https://www.reuters.com/a', publisher: 'Reuters', title: 'A' };
  const relay: Source = { url: 'https://finance.yahoo.com/b', publisher: 'Yahoo Finance', title: 'B' };
  const lint = (n: Note) => lintNoteSources(n, registry, 'n').join('\n');

  it('accepts a note with an outlet, and an original cited by name via a relay', () => {
    expect(lint(note([outlet, relay]))).toBe('');
    expect(lint(note([{ publisher: 'Reuters', title: '[Reuters report]', via: relay.url! }]))).toBe('');
  });

  it.each([
    ['relays only', note([relay]), /needs at least one primary or outlet/],
    [
      'a refused host',
      note([outlet, { url: 'https://www.summarizepaper.com/x', publisher: 'S', title: 'S' }]),
      /refused host \(ai-summary/,
    ],
    [
      'a refused mirror path',
      note([outlet, { url: 'https://huggingface.co/TheBloke/x', publisher: 'T', title: 'T' }]),
      /refused host \(mirror/,
    ],
    [
      'a host not in the registry',
      note([outlet, { url: 'https://blog.example/x', publisher: 'B', title: 'B' }]),
      /host blog\.example is not in data\/hosts\.json/,
    ],
    [
      'a parent domain only',
      note([{ url: 'https://uk.reuters.com/x', publisher: 'Reuters', title: 'R' }]),
      /host uk\.reuters\.com is not in/,
    ],
    [
      'a tracking parameter',
      note([{ ...outlet, url: 'https://www.reuters.com/a?utm_source=t' }]),
      /tracking/,
    ],
    ['the same URL twice', note([outlet, { ...outlet, title: 'again' }]), /cited twice/],
    [
      'a copy on a refused host',
      note([outlet, { publisher: 'Reuters', title: 'R', via: 'https://summarizepaper.com/y' }]),
      /via https:\/\/summarizepaper\.com\/y: refused host/,
    ],
    [
      'an unknown publisher cited by name',
      note([outlet, { publisher: 'Nobody Daily', title: 'N', via: relay.url! }]),
      /publisher the registry knows/,
    ],
    ['a response on relays only', note([outlet], [relay]), /response\.sources: needs at least one/],
  ])('rejects %s', (_, n, problem) => {
    expect(lint(n)).toMatch(problem);
  });
});
