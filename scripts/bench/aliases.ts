/**
 * The alias sets the benchmark runs with: the bundled dataset's matcher index, and the same index
 * grown to 10,000 aliases with synthetic name-shaped ones (about 25% CJK). Also the synthetic
 * entities for the popup search benchmark and the name pools the page generator writes from.
 */
import type { Entity } from '../../lib/schema';
import { loadBundled } from '../bundled-data';
import type { MatcherIndex } from '../../lib/match/matcher-index';
import { buildMatcherIndex } from '../../lib/match/build-index';
import { compileAliases } from '../../lib/match/compile';
import type { AliasRecord } from '../../lib/match/matcher';
import { createRng, type Rng } from './prng';

/** The bundled data (curated and imported), as the extension seeds it. */
export function loadDataset() {
  return loadBundled();
}

const CJK = /[\u3400-\u9fff]/;
export const hasCjk = (text: string) => CJK.test(text);

const LATIN_SYLLABLES = [
  'zen',
  'trix',
  'quor',
  'via',
  'lum',
  'ora',
  'vex',
  'nal',
  'kai',
  'ro',
  'bri',
  'tos',
  'mar',
  'vel',
  'syn',
  'tha',
  'dex',
  'ion',
  'cal',
  'yx',
  'orb',
  'ith',
  'fen',
  'dra',
  'jun',
  'pax',
  'rho',
  'sel',
  'tav',
  'ula',
  'wen',
  'xen',
  'yor',
  'zil',
  'nex',
  'qua',
  'lio',
  'ser',
  'tek',
  'vio',
  'mox',
  'ari',
  'ken',
  'sto',
  'ply',
];
const LATIN_SUFFIXES = ['AI', 'Labs', 'Robotics', 'Systems', 'Intelligence', 'Compute', 'Research', 'Cloud'];
const MODEL_SUFFIXES = ['Chat', 'Coder', 'Vision', 'Instruct', 'Pro', 'Mini', 'Turbo', 'Max', 'Lite'];
const CJK_BRAND = [
  '澜',
  '曜',
  '珀',
  '翎',
  '琨',
  '骁',
  '璇',
  '霁',
  '岚',
  '漪',
  '麟',
  '烨',
  '昊',
  '瀚',
  '墨',
  '鸿',
  '璟',
  '彧',
  '睿',
  '弈',
  '玑',
  '衡',
  '峦',
  '澈',
  '熠',
  '槿',
  '泓',
  '湛',
  '逸',
  '岫',
  '珩',
  '瑾',
  '祺',
  '昕',
];
const CJK_SUFFIXES = ['科技', '智能', '大模型', '智算', '助手', '实验室', '智脑', '芯片', '云'];

/** One synthetic name: a brand ("Quorvia"), a company ("Quorvia Labs") or a model ("Lumora-7B"), or CJK. */
export function syntheticName(rng: Rng, cjk: boolean): string {
  if (cjk) {
    const brand = rng.pick(CJK_BRAND) + rng.pick(CJK_BRAND);
    const r = rng.next();
    if (r < 0.6) return brand + rng.pick(CJK_SUFFIXES);
    if (r < 0.8) return `${brand}${rng.int(1, 5)}.${rng.int(0, 9)}`;
    return rng.pick(CJK_BRAND) + brand;
  }
  let brand = '';
  for (let i = rng.int(2, 3); i > 0; i--) brand += rng.pick(LATIN_SYLLABLES);
  brand = brand[0]!.toUpperCase() + brand.slice(1);
  const r = rng.next();
  if (r < 0.3) return brand;
  if (r < 0.55) return `${brand} ${rng.pick(LATIN_SUFFIXES)}`;
  if (r < 0.75) return `${brand}-${rng.pick([3, 7, 8, 13, 34, 70, 405])}B`;
  if (r < 0.9) return `${brand} ${rng.int(1, 4)}.${rng.int(0, 9)}`;
  return `${brand}-${rng.pick(MODEL_SUFFIXES)}`;
}

export interface AliasSet {
  label: string;
  index: MatcherIndex;
  /** The alias texts a keyword highlighter gets: every non-decoy alias, once. */
  names: string[];
  /** What compiling the aliases costs the background (Node, warm, median), once per data revision. */
  compileMs: number;
}

/** Median time (Node, warm) to compile the aliases, as the background does once per data revision. */
function compileTime(aliases: readonly AliasRecord[]): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    compileAliases(aliases);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

function namesOf(index: MatcherIndex): string[] {
  return [...new Set(index.aliases.filter((a) => !a.decoy).map((a) => a.text))];
}

/** The bundled dataset's index, and the same grown to `size` aliases with synthetic ones. */
export function aliasSets(entities: readonly Entity[], asOf: string, size = 10_000): AliasSet[] {
  const bundled = buildMatcherIndex(entities, asOf);
  const rng = createRng(10_000);
  const seen = new Set(bundled.aliases.map((a) => a.text.toLowerCase()));
  const extra: AliasRecord[] = [];
  while (bundled.aliases.length + extra.length < size) {
    const text = syntheticName(rng, rng.chance(0.25));
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    extra.push({ text, entityId: `syn-${String(extra.length).padStart(5, '0')}` });
  }
  const aliases = [...bundled.aliases, ...extra];
  const large: MatcherIndex = { ...bundled, aliases, compiled: compileAliases(aliases) };
  return [
    { label: 'bundled', index: bundled, names: namesOf(bundled), compileMs: compileTime(bundled.aliases) },
    { label: `${size / 1000}k`, index: large, names: namesOf(large), compileMs: compileTime(aliases) },
  ];
}

/** Entities for the popup search: the bundled ones plus synthetic ones with names and aliases. */
export function searchEntities(entities: readonly Entity[], count = 10_000): Entity[] {
  const rng = createRng(20_000);
  const out: Entity[] = [...entities];
  const seen = new Set(entities.map((e) => e.name.en.toLowerCase()));
  while (out.length < count) {
    const en = syntheticName(rng, false);
    if (seen.has(en.toLowerCase())) continue;
    seen.add(en.toLowerCase());
    const zh = rng.chance(0.5) ? syntheticName(rng, true) : undefined;
    const aliases = Array.from({ length: rng.int(0, 3) }, () => ({
      text: rng.chance(0.25)
        ? syntheticName(rng, true)
        : `${en.split(/[ -]/)[0]}-${rng.pick(MODEL_SUFFIXES)}`,
    }));
    out.push({
      id: `syn-${out.length}`,
      type: rng.pick(['company', 'model', 'product', 'chip'] as const),
      name: zh ? { en, zh } : { en, zhUsesLatin: true },
      aliases,
      summary: { en: 'Synthetic entity for the search benchmark.', zh: '搜索基准的合成条目。' },
      notes: [],
    } as unknown as Entity);
  }
  return out;
}

/** Name pools for the page generator, per language and kind, drawn from the bundled dataset. */
export interface NamePools {
  org: string[][];
  model: string[][];
  chip: string[][];
  decoys: string[];
}

export function namePools(entities: readonly Entity[], lang: 'en' | 'zh'): NamePools {
  const pools: NamePools = { org: [], model: [], chip: [], decoys: [] };
  for (const e of entities) {
    const names = new Set<string>();
    const primary = lang === 'zh' && e.name.zh ? e.name.zh : e.name.en;
    names.add(primary);
    for (const a of e.aliases) {
      if (lang === 'en' && hasCjk(a.text)) continue;
      names.add(a.text);
    }
    // The primary name comes first and is drawn most often (see pickName).
    const list = [primary, ...[...names].filter((n) => n !== primary)];
    const kind = e.type === 'chip' ? 'chip' : e.type === 'company' || e.type === 'lab' ? 'org' : 'model';
    pools[kind].push(list);
    for (const d of e.decoys ?? []) if (lang === 'zh' ? true : !hasCjk(d)) pools.decoys.push(d);
  }
  return pools;
}

/** A name from a pool: a random entity, its primary name 60% of the time. */
export function pickName(rng: Rng, pool: string[][]): string {
  const names = rng.pick(pool);
  return rng.chance(0.6) ? names[0]! : rng.pick(names);
}
