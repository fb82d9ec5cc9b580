/**
 * The host registry: who publishes at a host and how far a reader can trust it as a source. A
 * source's tier is never typed per note; it comes from here, so one decision about a host applies
 * to every line that cites it.
 */
import * as v from 'valibot';
import { describeIssues, type Source } from '../schema';
import { urlHostKey } from './url';

import { ORDER, REFUSALS, SOURCE_TIERS, type Rating, type SourceRating } from './tiers';

export {
  REFUSALS,
  SOURCE_TIERS,
  byTier,
  sourceKey,
  type Rating,
  type Refusal,
  type SourceRating,
  type SourceTier,
} from './tiers';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const HostEntrySchema = v.pipe(
  v.strictObject({
    host: v.pipe(
      v.string(),
      v.regex(
        /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
        'must be a lower-case host name without www. or a trailing dot',
      ),
      v.check((h) => !h.startsWith('www.'), 'must not start with www.'),
    ),
    /** A path prefix that rates differently from the rest of the host (a mirror's account on a hub). */
    path: v.optional(v.pipe(v.string(), v.regex(/^\/\S*$/, 'must start with /'))),
    publisher: v.optional(Text(200)),
    /** Other names the publisher is cited by ("Bloomberg News", "华尔街见闻"), for originals cited by name. */
    names: v.optional(v.pipe(v.array(Text(200)), v.maxLength(20))),
    tier: v.picklist([...SOURCE_TIERS, 'refused']),
    refusal: v.optional(v.picklist(REFUSALS)),
    why: Text(300),
  }),
  v.check(
    (e) => (e.tier === 'refused') === (e.refusal !== undefined),
    'a refused host gives its refusal, and only a refused one',
  ),
  v.check((e) => e.tier === 'refused' || e.publisher !== undefined, 'a usable host names its publisher'),
);

export const HostRegistrySchema = v.pipe(
  v.strictObject({ hosts: v.array(HostEntrySchema) }),
  v.check(
    (r) => new Set(r.hosts.map((e) => `${e.host}${e.path ?? ''}`)).size === r.hosts.length,
    'each host (and path) is listed once',
  ),
);

export type HostEntry = v.InferOutput<typeof HostEntrySchema>;

/** Looks hosts and publishers up; built once from the registry file. */
export class HostRegistry {
  private readonly byHost = new Map<string, HostEntry[]>();
  private readonly byPublisher = new Map<string, HostEntry>();

  constructor(entries: readonly HostEntry[]) {
    for (const entry of entries) {
      const list = this.byHost.get(entry.host) ?? [];
      list.push(entry);
      // Longest path first, so the most specific entry wins.
      list.sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0));
      this.byHost.set(entry.host, list);
      if (!entry.path && entry.publisher && entry.tier !== 'refused') {
        for (const name of [entry.publisher, ...(entry.names ?? [])]) {
          const key = name.toLowerCase();
          const known = this.byPublisher.get(key);
          // One publisher may own several hosts; the best tier among them speaks for its name.
          if (!known || ORDER[entry.tier] < ORDER[known.tier]) this.byPublisher.set(key, entry);
        }
      }
    }
  }

  /** Parses a registry file; throws an Error listing every problem. */
  static parse(input: unknown): HostRegistry {
    const result = v.safeParse(HostRegistrySchema, input);
    if (!result.success)
      throw new Error(`Invalid host registry:\n${describeIssues(result.issues).slice(0, 50).join('\n')}`);
    return new HostRegistry(result.output.hosts);
  }

  /**
   * The entry for a URL: its host's, the most specific path first. `exact` is false when only a
   * parent domain is listed (news.example.com under example.com), which the data lint does not accept.
   */
  lookup(url: string): { entry: HostEntry; exact: boolean } | undefined {
    const host = urlHostKey(url);
    if (!host) return undefined;
    let path = '/';
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const list = this.byHost.get(labels.slice(i).join('.'));
      const entry = list?.find((e) => !e.path || pathUnder(path, e.path));
      if (entry) return { entry, exact: i === 0 };
    }
    return undefined;
  }

  /**
   * The usable entry whose publisher has this name, for an original cited by name only. A name with
   * a gloss in brackets ("华尔街见闻 (Wallstreetcn)") is looked up whole, then by each part.
   */
  /** Every publisher name the registry knows, lower-cased. */
  publisherNames(): Set<string> {
    return new Set(this.byPublisher.keys());
  }

  publisher(name: string): HostEntry | undefined {
    const whole = name.trim();
    const m = /^(.+?)\s*[(（](.+?)[)）]$/.exec(whole);
    for (const n of m ? [whole, m[1]!, m[2]!] : [whole]) {
      const entry = this.byPublisher.get(n.trim().toLowerCase());
      if (entry) return entry;
    }
    return undefined;
  }

  /** How a URL rates on its own. */
  rateUrl(url: string): { tier: Rating; entry?: HostEntry } {
    const found = this.lookup(url);
    return found ? { tier: found.entry.tier, entry: found.entry } : { tier: 'unrated' };
  }

  /** How a source rates: by its URL, or by its publisher's name when it is cited by name via a copy. */
  rate(source: Source): SourceRating {
    const own = source.url
      ? this.rateUrl(source.url)
      : ((entry) => (entry ? { tier: entry.tier, entry } : { tier: 'unrated' as const }))(
          this.publisher(source.publisher),
        );
    const rating: SourceRating = {
      tier: own.tier,
      ...(own.entry?.publisher && { publisher: own.entry.publisher }),
      ...(own.entry && { why: own.entry.why }),
      ...(own.entry?.refusal && { refusal: own.entry.refusal }),
    };
    if (source.via) {
      const via = this.rateUrl(source.via);
      rating.via = { tier: via.tier, ...(via.entry?.publisher && { publisher: via.entry.publisher }) };
    }
    return rating;
  }
}

/** True when a path is the prefix or below it ("/TheBloke" covers "/TheBloke/x", not "/TheBlokeX"). */
function pathUnder(path: string, prefix: string): boolean {
  const p = path.toLowerCase();
  const base = prefix.toLowerCase().replace(/\/+$/, '');
  return p === base || p.startsWith(`${base}/`);
}
