/**
 * The importer's core: turns Epoch AI's rows and the Chinese list's rows into entities with
 * structured facts, linked to the curated dataset and never duplicating one of its entities.
 * Curated entities win: a row that names one adds facts only where the curated entity has none,
 * and any disagreement goes to the report for a person to decide. Pure and deterministic: the same
 * inputs give the same output, in a stable order.
 */
import { createHash } from 'node:crypto';
import { isHttpUrl, type Alias, type Entity, type Facts, type Source } from '../../lib/schema';
import { normalizeKey } from '../../lib/text/fold';
import { canonicalUrl } from '../../lib/sources/url';
import type { HostRegistry } from '../../lib/sources/registry';
import type { EpochRow } from './epoch';
import type { ChineseListRow } from './cn-list';
import { nameUse } from './words';
import { CHINESE_COMPANY_EQUIVALENTS, CHINESE_ORG_NAMES, ORG_EQUIVALENTS, ORG_RENAMES } from './names';

/** What the importer adds to the bundled data (data/imported.json). */
export interface ImportedData {
  schemaVersion: 1;
  /** A digest of the content: changes whenever the import does. */
  version: string;
  /** The snapshots it was made from (data/sources/manifest.json). */
  sources: { file: string; sha256: string }[];
  /** New entities, by id. */
  entities: Entity[];
  /** Facts for curated entities that have none, by entity id. */
  facts: Record<string, Facts>;
}

/** What a person should look at after an import. */
export interface ImportReport {
  conflicts: string[];
  variants: string[];
  unresolvedBase: string[];
  missingChineseNames: string[];
  droppedLinks: string[];
  suggestions: string[];
  nameUses: Record<string, number>;
}

export interface ImportInput {
  curated: readonly Entity[];
  epoch: readonly EpochRow[];
  chineseList: readonly ChineseListRow[];
  registry: HostRegistry;
  sources: { file: string; sha256: string }[];
}

/** Credit lines for the two datasets (their own pages), added to every fact they give. */
export const EPOCH_CREDIT: Source = {
  url: 'https://epoch.ai/data/notable-ai-models',
  title: 'Notable AI Models',
  publisher: 'Epoch AI',
  lang: 'en',
};
export const CHINESE_LIST_CREDIT: Source = {
  url: 'https://github.com/wgwang/awesome-LLMs-In-China',
  title: '中国大模型列表 Awesome LLMs In China',
  publisher: 'wgwang/awesome-LLMs-In-China',
  lang: 'zh',
};

const ACCESS: Record<string, Facts['access']> = {
  'Open weights (unrestricted)': 'open-weights',
  'Open weights (restricted use)': 'open-weights-restricted',
  'Open weights (non-commercial)': 'open-weights-non-commercial',
  'API access': 'api',
  'Hosted access (no API)': 'hosted',
  Unreleased: 'unreleased',
};

const COUNTRIES: Record<string, string> = {
  'United States of America': 'US',
  China: 'CN',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  Canada: 'CA',
  'Korea (Republic of)': 'KR',
  Germany: 'DE',
  France: 'FR',
  Japan: 'JP',
  Switzerland: 'CH',
  'Hong Kong': 'HK',
  Singapore: 'SG',
  Israel: 'IL',
  'United Arab Emirates': 'AE',
  India: 'IN',
  Taiwan: 'TW',
  Russia: 'RU',
  'Russian Federation': 'RU',
  Netherlands: 'NL',
  Italy: 'IT',
  Spain: 'ES',
  Sweden: 'SE',
  Finland: 'FI',
  Australia: 'AU',
  Austria: 'AT',
  Belgium: 'BE',
  Denmark: 'DK',
  Norway: 'NO',
  Poland: 'PL',
  Czechia: 'CZ',
  Brazil: 'BR',
  'Saudi Arabia': 'SA',
  Qatar: 'QA',
  Vietnam: 'VN',
  'Viet Nam': 'VN',
  Ireland: 'IE',
  Multinational: '',
};
const CHINESE_COUNTRIES = new Set(['CN', 'HK', 'TW']);

const DOMAINS_ZH: Record<string, string> = {
  Language: '语言',
  Vision: '视觉',
  Multimodal: '多模态',
  Games: '游戏',
  Biology: '生物',
  'Image generation': '图像生成',
  Speech: '语音',
  Robotics: '机器人',
  Video: '视频',
  Recommendation: '推荐',
  Mathematics: '数学',
  Audio: '音频',
  'Earth science': '地球科学',
  '3D modeling': '三维建模',
  Medicine: '医学',
  'Materials science': '材料科学',
  Search: '搜索',
  Driving: '驾驶',
  Other: '其他',
};

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DATED = new RegExp(`^(?:${MONTHS}) \\d{4}$|^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$`);
const ACRONYM = /^[A-Z][A-Za-z0-9&.-]{1,9}$/;
const CJK = /[\u3400-\u9fff]/;

/** A stable id from a name: lowercase letters and digits joined by single hyphens. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const digest = (text: string, length = 8) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** A name split into its base and the parenthesis after it ("GPT-4o (Mar 2025)"). */
export function splitName(raw: string): { base: string; note?: string } {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(raw.trim());
  return m && m[1] ? { base: m[1].trim(), note: m[2]!.trim() } : { base: raw.trim() };
}

/** An alias for an imported name, with what the word checks decided. */
function aliasFor(text: string, uses: Record<string, number>, publishers: ReadonlySet<string>): Alias {
  // A news publisher's name ("Bloomberg") is in every attribution line; two Chinese characters
  // ("浪潮", a wave) are too often a word: such imported names are found by search only.
  const use =
    publishers.has(text.toLowerCase()) || /^[\u3400-\u9fff]{1,2}$/.test(text) ? 'search-only' : nameUse(text);
  uses[use] = (uses[use] ?? 0) + 1;
  const latin = !CJK.test(text);
  return {
    text,
    ...(CJK.test(text) ? { lang: 'zh' as const } : {}),
    // Imported Latin names are matched as spelt: "Gopher" the model, not "gopher".
    ...(latin ? { caseSensitive: true } : {}),
    ...(use === 'needs-context' ? { ambiguous: true } : {}),
    ...(use === 'search-only' ? { searchOnly: true as const } : {}),
  };
}

/** Names → entity ids, as the matcher compares them (case, width, separators folded). */
class NameIndex {
  private readonly ids = new Map<string, string>();
  add(name: string | undefined, id: string): void {
    if (!name) return;
    const key = normalizeKey(name);
    if (key && !this.ids.has(key)) this.ids.set(key, id);
  }
  addEntity(e: Entity): void {
    for (const name of [e.name.en, e.name.zh, e.name.zhHant, ...e.aliases.map((a) => a.text)])
      this.add(name, e.id);
  }
  get(name: string | undefined): string | undefined {
    return name ? this.ids.get(normalizeKey(name)) : undefined;
  }
}

/** Makes the import: new entities, facts for curated ones, and the report. */
export function buildImport(input: ImportInput): { data: ImportedData; report: ImportReport } {
  const report: ImportReport = {
    conflicts: [],
    variants: [],
    unresolvedBase: [],
    missingChineseNames: [],
    droppedLinks: [],
    suggestions: [],
    nameUses: {},
  };
  const curated = new Map(input.curated.map((e) => [e.id, e]));
  const publishers = input.registry.publisherNames();
  const names = new NameIndex();
  for (const e of input.curated) names.addEntity(e);
  const created = new Map<string, Entity>();
  const facts: Record<string, Facts> = {};
  const usedIds = new Set(curated.keys());
  const freshId = (base: string, qualifier: string) => {
    let id = base || `x-${digest(qualifier)}`;
    if (usedIds.has(id)) id = `${id}-${slug(qualifier) || digest(qualifier)}`;
    while (usedIds.has(id)) id = `${id}-${digest(id, 4)}`;
    usedIds.add(id);
    return id;
  };
  const add = (e: Entity) => {
    // A name another entity has ("ImageNet" after a model's name) is not this one's alias.
    e.aliases = e.aliases.filter((a, i) => i === 0 || !names.get(a.text));
    created.set(e.id, e);
    names.addEntity(e);
  };

  /** A row's primary link as a source, unless its host is refused. */
  const linkSource = (link: string | undefined, title: string, where: string): Source | undefined => {
    if (!link) return undefined;
    // Some cells omit the scheme ("arxiv.org/abs/…").
    const absolute = /^https?:\/\//i.test(link) ? link : `https://${link}`;
    if (!isHttpUrl(absolute) || !/\./.test(new URL(absolute).hostname)) {
      report.droppedLinks.push(`${where}: not a URL: ${link}`);
      return undefined;
    }
    const url = canonicalUrl(absolute);
    const { tier, entry } = input.registry.rateUrl(url);
    if (tier === 'refused') {
      report.droppedLinks.push(`${where}: refused host: ${url}`);
      return undefined;
    }
    return { url, title, publisher: entry?.publisher ?? new URL(url).hostname.replace(/^www\./, '') };
  };

  // Organisations, in the order the CSV first names them.
  const orgModels = new Map<string, string[]>();
  const resolveOrg = (given: string, row: EpochRow, position: number): string | undefined => {
    const raw = ORG_RENAMES[given] ?? given;
    const known = ORG_EQUIVALENTS[raw] ?? names.get(raw);
    if (known) return known;
    const [primaryRaw, otherRaw] = raw.split(' / ').map((s) => s.trim());
    const { base: primary, note } = splitName(primaryRaw!);
    const byName = names.get(primary) ?? names.get(otherRaw) ?? names.get(CHINESE_ORG_NAMES[raw]);
    if (byName) return byName;
    const country = COUNTRIES[row.countries[position] ?? ''] || undefined;
    // "Microsoft Research", "Meta AI": a unit of an organisation the dataset knows.
    const unit =
      /^(.+?) (Research(?: Asia)?|AI(?: Research)?|Labs?|Brain|Cloud|DAMO Academy|Explore Academy)$/.exec(
        primary,
      );
    const parent = unit ? (ORG_EQUIVALENTS[unit[1]!] ?? names.get(unit[1]!)) : undefined;
    const industry = (row.categories[position] ?? row.categories[0]) === 'Industry';
    const id = freshId(slug(primary), raw);
    const zh = CHINESE_ORG_NAMES[raw];
    const aliases: Alias[] = [aliasFor(primary, report.nameUses, publishers)];
    if (otherRaw && otherRaw !== primary) aliases.push(aliasFor(otherRaw, report.nameUses, publishers));
    if (note && ACRONYM.test(note) && !/^originally/i.test(note))
      aliases.push(aliasFor(note, report.nameUses, publishers));
    if (zh) aliases.push(aliasFor(zh, report.nameUses, publishers));
    if (country && CHINESE_COUNTRIES.has(country) && !zh) report.missingChineseNames.push(`${id} (${raw})`);
    add({
      id,
      type: parent ? 'lab' : industry ? 'company' : 'lab',
      name: { en: primary, ...(zh ? { zh } : {}) },
      aliases,
      ...(parent ? { links: { parent } } : {}),
      facts: { ...(country ? { country: [country] } : {}), sources: [EPOCH_CREDIT] },
      notes: [],
    });
    return id;
  };

  const resolveChip = (hardware: string | undefined): string | undefined => {
    if (!hardware) return undefined;
    // "NVIDIA H800 SXM5", "Google TPU v4": the longest known prefix names the chip.
    const words = hardware.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const id = names.get(words.slice(0, n).join(' '));
      const entity = id ? (curated.get(id) ?? created.get(id)) : undefined;
      if (entity?.type === 'chip') return id;
    }
    return undefined;
  };

  // A checkpoint of a curated model is its name and a size ("Llama 2-7B", "Llama 3-70B"): that model
  // is its family, whose notes (licence, lineage) are the checkpoint's too. Another edition
  // ("GPT-4o mini") is a model of its own.
  // Curated names of one type, lower case with their entity, longest first.
  const curatedNames = (type: Entity['type']) =>
    input.curated
      .filter((e) => e.type === type)
      .flatMap((e) =>
        [e.name.en, ...e.aliases.map((a) => a.text)].map((n) => [n.toLowerCase(), e.id] as const),
      )
      .sort((a, b) => b[0].length - a[0].length);
  const checkpointNames = curatedNames('model');
  const familyNames = curatedNames('model-family');
  const CHECKPOINT_TAIL = /^[-\s]\d+(?:\.\d+)?[bm](?:[-\s](?:chat|instruct|base|hf))?$/;
  const familyOf = (base: string): string | undefined => {
    const lower = base.toLowerCase();
    const checkpointOf = checkpointNames.find(
      ([name]) => lower.startsWith(name) && CHECKPOINT_TAIL.test(lower.slice(name.length)),
    );
    if (checkpointOf) return checkpointOf[1];
    // The longest curated family name the model's name starts with, at a boundary ("Llama 3.1-405B").
    const key = normalizeKey(base);
    for (let n = key.length - 1; n >= 2; n--) {
      const id = names.get(key.slice(0, n));
      if (!id) continue;
      const entity = curated.get(id) ?? created.get(id);
      if (entity?.type === 'model-family' && /[^a-z]/.test(key[n] ?? '-')) return id;
    }
    // A family name and then a word, as written ("Claude Opus 4"): the key has no space to see.
    return familyNames.find(
      ([name]) => lower.startsWith(name) && /^[\s_-]/.test(lower.slice(name.length)),
    )?.[1];
  };

  const factsOf = (row: EpochRow, countries: string[]): Facts => {
    const source = linkSource(row.link, row.reference ?? row.model, `epoch row ${row.row}`);
    const chip = resolveChip(row.hardware);
    return {
      ...(row.published ? { released: row.published } : {}),
      ...(row.parameters ? { parameters: row.parameters } : {}),
      ...(row.trainingCompute
        ? {
            trainingCompute: {
              flop: row.trainingCompute,
              ...(row.confidence ? { confidence: row.confidence.toLowerCase() as 'confident' } : {}),
            },
          }
        : {}),
      ...(row.hardware
        ? {
            trainingHardware: {
              name: row.hardware,
              ...(chip ? { chip } : {}),
              ...(row.hardwareQuantity ? { quantity: row.hardwareQuantity } : {}),
            },
          }
        : {}),
      ...(row.datasetSize ? { datasetSize: row.datasetSize } : {}),
      ...(row.accessibility && ACCESS[row.accessibility] ? { access: ACCESS[row.accessibility] } : {}),
      ...(countries.length ? { country: countries } : {}),
      sources: source ? [source, EPOCH_CREDIT] : [EPOCH_CREDIT],
    };
  };

  // Models, in CSV order; base-model links once every row has its entity.
  const rowEntity = new Map<EpochRow, string>();
  for (const row of input.epoch) {
    if (!row.model) continue;
    const orgIds = row.organizations.map((o, i) => resolveOrg(o, row, i)).filter((id): id is string => !!id);
    const countries = [...new Set(row.countries.map((c) => COUNTRIES[c]).filter((c): c is string => !!c))];
    const { base, note } = splitName(row.model);
    const dated = note !== undefined && DATED.test(note);
    const existing = names.get(base) ?? names.get(row.model);
    if (existing) {
      rowEntity.set(row, existing);
      const entity = curated.get(existing) ?? created.get(existing)!;
      // A row's figures describe one model: a curated family ("Qwen") takes none of them.
      if (curated.has(existing) && entity.type !== 'model') {
        report.variants.push(
          `${existing}: row ${row.row} "${row.model}" names a ${entity.type}; no facts taken`,
        );
      } else if (curated.has(existing)) {
        if (facts[existing]) {
          report.variants.push(`${existing}: also row ${row.row} "${row.model}" (facts from the first row)`);
        } else if (entity.facts) {
          if (row.published && entity.facts.released && !row.published.startsWith(entity.facts.released))
            report.conflicts.push(
              `${existing}: released ${entity.facts.released} (curated) vs ${row.published} (Epoch row ${row.row})`,
            );
        } else {
          facts[existing] = factsOf(row, countries);
          const developer = entity.links?.developer;
          if (orgIds[0] && developer && !orgIds.includes(developer))
            report.conflicts.push(
              `${existing}: developer ${developer} (curated) vs ${orgIds.join(', ')} (Epoch row ${row.row})`,
            );
        }
      } else {
        report.variants.push(`${existing}: also row ${row.row} "${row.model}"`);
      }
      continue;
    }
    const id = freshId(slug(base), `${base} ${row.organizations[0] ?? row.row}`);
    const aliases: Alias[] = [aliasFor(base, report.nameUses, publishers)];
    let zh: string | undefined;
    if (note && !dated) {
      if (CJK.test(note)) zh = note;
      // "(SDXL)", "(CUA)": an abbreviation of the name, not a dataset ("(CIFAR-10)") or a setting.
      else if (ACRONYM.test(note) && note[0] === base[0])
        aliases.push(aliasFor(note, report.nameUses, publishers));
    }
    if (zh) {
      // "ERNIE-4.5-VL-424B-A47B (文心大模型4.5)": a checkpoint's row may give its series' Chinese name,
      // which names the series in prose, not this checkpoint: found by search, not marked.
      const series = /\d+(?:\.\d+)?[BM]\b/i.test(base) && !/\d+(?:\.\d+)?[BM]/i.test(zh);
      aliases.push({
        ...aliasFor(zh, report.nameUses, publishers),
        ...(series && { searchOnly: true as const }),
      });
    }
    const family = familyOf(base);
    const orgNames = orgIds.map((o) => (curated.get(o) ?? created.get(o))!.name);
    const year = row.published?.slice(0, 4);
    const domainZh = DOMAINS_ZH[row.domain] ?? DOMAINS_ZH['Other']!;
    const by = orgNames.map((n) => n.en).join(', ');
    const byZh = orgNames.map((n) => n.zh ?? n.en).join('、');
    add({
      id,
      type: 'model',
      name: { en: base, ...(zh ? { zh } : { zhUsesLatin: true as const }) },
      aliases,
      summary: {
        en: `${row.domain} model${by ? ` by ${by}` : ''}${year ? ` (${year})` : ''}, listed in Epoch AI's Notable AI Models.`,
        zh: `${byZh ? `${byZh}` : ''}${year ? `于 ${year} 年发布的` : '的'}${domainZh}模型，收录于 Epoch AI 知名 AI 模型数据库。`,
      },
      ...(orgIds[0] || family
        ? { links: { ...(orgIds[0] ? { developer: orgIds[0] } : {}), ...(family ? { family } : {}) } }
        : {}),
      facts: factsOf(row, countries),
      notes: [],
    });
    rowEntity.set(row, id);
    for (const o of orgIds) orgModels.set(o, [...(orgModels.get(o) ?? []), base]);
  }
  for (const row of input.epoch) {
    if (!row.baseModel) continue;
    const id = rowEntity.get(row);
    const baseId = names.get(row.baseModel) ?? names.get(splitName(row.baseModel).base);
    if (!id) continue;
    if (!baseId || baseId === id) {
      if (!baseId) report.unresolvedBase.push(`${id}: base model "${row.baseModel}" not in the data`);
      continue;
    }
    const entity = created.get(id);
    if (!entity) {
      const c = curated.get(id)!;
      if (!c.links?.base?.some((b) => b.id === baseId))
        report.suggestions.push(
          `${id}: Epoch gives base model ${baseId} (row ${row.row}); curated data has no such link`,
        );
      continue;
    }
    if (entity.links?.base?.some((b) => b.id === baseId)) continue;
    entity.links = {
      ...entity.links,
      base: [...(entity.links?.base ?? []), { id: baseId, relation: 'fine-tune' }],
    };
  }
  // Organisations' summaries name a few of their models (known only now).
  for (const [id, models] of orgModels) {
    const org = created.get(id);
    if (!org) continue;
    const few = models.slice(0, 3).join(', ');
    org.summary = {
      en: `Developer of ${models.length} model${models.length > 1 ? 's' : ''} in Epoch AI's Notable AI Models, such as ${few}.`,
      zh: `Epoch AI 知名 AI 模型数据库收录其 ${models.length} 个模型，如 ${models.slice(0, 3).join('、')}。`,
    };
  }

  // The Chinese list: companies by Chinese name, and their models or products.
  for (const row of input.chineseList) {
    const companyId =
      CHINESE_COMPANY_EQUIVALENTS[row.company] ??
      names.get(row.company) ??
      (() => {
        const id = freshId(`org-${digest(row.company)}`, row.company);
        add({
          id,
          type: 'company',
          name: { en: row.company, zh: row.company },
          aliases: [aliasFor(row.company, report.nameUses, publishers)],
          summary: {
            en: `Chinese company (${row.company}) listed in Awesome LLMs In China as the maker of ${row.product}.`,
            zh: `《中国大模型列表》收录的公司，其大模型为${row.product}。`,
          },
          facts: { country: ['CN'], sources: [CHINESE_LIST_CREDIT] },
          notes: [],
        });
        return id;
      })();
    if (names.get(row.product)) continue; // a product the dataset has already
    const latin = !CJK.test(row.product);
    const id = freshId(
      latin ? slug(row.product) : `model-${digest(`${row.company}/${row.product}`)}`,
      row.company,
    );
    const company = (curated.get(companyId) ?? created.get(companyId))!;
    const site = linkSource(row.productUrl, row.product, `chinese list row ${row.row}`);
    add({
      id,
      type: 'model-family',
      name: latin ? { en: row.product, zhUsesLatin: true } : { en: row.product, zh: row.product },
      aliases: [aliasFor(row.product, report.nameUses, publishers)],
      summary: {
        en: `Large model (${row.category}) from ${company.name.en}, listed in Awesome LLMs In China.`,
        zh: `${company.name.zh ?? company.name.en}的大模型（${row.category}），收录于《中国大模型列表》。`,
      },
      links: { developer: companyId },
      facts: { country: ['CN'], sources: site ? [site, CHINESE_LIST_CREDIT] : [CHINESE_LIST_CREDIT] },
      notes: [],
    });
  }

  const entities = [...created.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sortedFacts = Object.fromEntries(Object.entries(facts).sort(([a], [b]) => (a < b ? -1 : 1)));
  const body = JSON.stringify({ sources: input.sources, entities, facts: sortedFacts });
  // The curated data is part of the version too: an installed extension upgrades its database only
  // when the bundled version changes, so a curated edit must change it (the importer test fails
  // until `npm run data:import` is run again).
  const curatedDigest = digest(JSON.stringify(input.curated), 12);
  return {
    data: {
      schemaVersion: 1,
      version: `import.${digest(body + curatedDigest, 12)}`,
      sources: input.sources,
      entities,
      facts: sortedFacts,
    },
    report,
  };
}
