/**
 * The exact stage: every place a known name's normalised key occurs in a block (a trie over the
 * aliases: case, width, Traditional/Simplified and separators folded), kept where word boundaries,
 * separators and letter case allow. Overlapping candidates are left for the selection stage.
 */
import { isCjkCode, isLetterCode, isWordCode, mayStartAt, normalizeKey, type Normalized } from '../text/fold';
import type { CompiledAliases } from './compile';
import { inCodeSetting, inFileName } from './code-context';
import { fitsKeptCase, keptForm } from './kept-case';
import { Trie } from './trie';
import type { AliasRecord, Candidate } from './types';

/**
 * A version after a Chinese name, attached or after one space ("文心一言4.0", "文心大模型 X1",
 * "昇腾 910B", "星火4.0 Turbo", "豆包1.5 pro", "混元TurboS"): short ("4.0", "V3", "K2") or a chip's
 * number ("910D", or "960" written onto the name), perhaps with an edition word, or an edition
 * alone. "2021年" is a year, "3 月" a month and "3亿" an amount: a version is never followed by a
 * measure word or a unit.
 */
const CJK_VERSION =
  /^(?: ?(?:[vV]?\d{1,2}(?:\.\d+)*|[A-Z]\d{1,2}|\d{3}[A-Z])(?: (?:[Tt]urbo|[Pp]ro|[Mm]ax|[Uu]ltra|[Ll]ite|[Pp]lus|[Mm]ini|[Ff]lash))?|\d{3}|(?:Turbo|Pro|Max|Ultra|Lite|Mini|Flash)S?)(?![A-Za-z0-9.]| ?[年月日号號亿億万萬千百个個家名位款代次条條人天周週元岁歲分秒项項张張台臺块塊%％倍])/;

/** A hyphenated edition after a Latin model name ("Qwen-Turbo", "Qwen-Long"); not "-based". */
const LATIN_EDITION = /^-(?:Turbo|Long|Max|Plus|Pro|Lite|Mini|Flash|Ultra|Air|Coder|VL|Omni)(?![\w-])/;

/**
 * A spaced edition after a Latin model name ("SenseChat Lite", "ERNIE Speed", "Yi-Large Preview") or
 * a chip's form factor ("H100 SXM", "H100 PCIe", "GB200 NVL72"); not "ChatGPT Plus", a plan.
 */
const SPACED_EDITION =
  /^ (?:(?:Lite|Pro|Max|Ultra|Mini|mini|Turbo|Flash|Large|Nano|Air|Thinking|Speed|Fast|Preview)(?![\w-])|(?:SXM\d?|PCIe|NVL\d*)s?(?![\w-]))/;

/** A web address's top-level domain right after a name ("Grok.com"): an address, not a mention. */
const DOMAIN_AFTER = /^\.(?:com|cn|ai|io|net|org)(?!\w|\.\w)/;

/** Confidence given to a name matched with a separator the alias does not have ("Open AI"). */
const SPLIT_SCORE = 0.95;

interface KeyInfo {
  /** The aliases spelt this way, case-sensitive ones first. */
  records: AliasRecord[];
  /** Per record, the exact form a case-sensitive one must have in the text (width-folded, no separators). */
  exactForms: (string | undefined)[];
  /** Offsets in the key before which some spelling of the alias has a separator. */
  separators: readonly number[];
}

export class ExactStage {
  private readonly trie: Trie;
  /** First alias of each key, and the next alias of the same key (-1 ends a list). */
  private readonly firstAlias: Int32Array;
  private readonly nextAlias: Int32Array;
  private readonly separators = new Map<number, number[]>();
  /** The keys this page has met. */
  private readonly keyInfos = new Map<number, KeyInfo>();

  /**
   * Adopts the compiled aliases; `companies` have no versions ("谷歌V8" is Google's V8 engine);
   * `related` tells which entity a version names after its line's name ("华为昇腾 910B").
   */
  constructor(
    private readonly aliases: readonly AliasRecord[],
    compiled: CompiledAliases,
    private readonly companies: ReadonlySet<string>,
    private readonly related: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.trie = new Trie(compiled.trie);
    // Each key's aliases as a linked list in alias order: two typed arrays, nothing per key until
    // a page meets it (keyInfo).
    this.firstAlias = new Int32Array(this.trie.keyCount).fill(-1);
    this.nextAlias = new Int32Array(aliases.length);
    for (let i = aliases.length - 1; i >= 0; i--) {
      const key = compiled.keyOf[i]!;
      if (key < 0) continue;
      this.nextAlias[i] = this.firstAlias[key]!;
      this.firstAlias[key] = i;
    }
    for (let i = 0; i + 1 < compiled.separators.length; i += 2) {
      const key = compiled.separators[i]!;
      const list = this.separators.get(key);
      if (list) list.push(compiled.separators[i + 1]!);
      else this.separators.set(key, [compiled.separators[i + 1]!]);
    }
  }

  /**
   * The first name whose normalised key is `key`: what the fuzzy stage links to. Not a decoy, nor a
   * short form, which names its entity only beside the full name ("Opus 4.1" is not Claude 3 Opus).
   */
  nameFor(key: string): AliasRecord | undefined {
    const id = this.trie.lookup(key);
    if (id < 0) return undefined;
    for (let i = this.firstAlias[id]!; i !== -1; i = this.nextAlias[i]!) {
      const alias = this.aliases[i]!;
      if (!alias.decoy && !alias.shortForm) return alias;
    }
    return undefined;
  }

  /** Every exact candidate in a block, in the trie's order (overlaps included). */
  candidates(text: string, norm: Normalized): Candidate[] {
    const out: Candidate[] = [];
    for (const hit of this.trie.scan(norm, text)) {
      const candidate = this.candidate(text, norm, hit.start, hit.end, this.keyInfo(hit.key));
      if (candidate) out.push(candidate);
    }
    return out;
  }

  /** The name a version spells when its entity is related to the line named before it. */
  private memberNamed(line: AliasRecord, version: string): AliasRecord | undefined {
    const named = this.nameFor(normalizeKey(version));
    return named && this.related.get(line.entityId)?.includes(named.entityId) ? named : undefined;
  }

  /** A key's spellings, case-sensitive ones first (an exact-case form wins over a folded one). */
  private keyInfo(key: number): KeyInfo {
    let info = this.keyInfos.get(key);
    if (!info) {
      const records: AliasRecord[] = [];
      for (const caseSensitive of [true, false]) {
        for (let i = this.firstAlias[key]!; i !== -1; i = this.nextAlias[i]!) {
          if (!!this.aliases[i]!.caseSensitive === caseSensitive) records.push(this.aliases[i]!);
        }
      }
      info = {
        records,
        exactForms: records.map((r) => (r.caseSensitive ? keptForm(r.text.trim()) : undefined)),
        separators: this.separators.get(key) ?? [],
      };
      this.keyInfos.set(key, info);
    }
    return info;
  }

  private candidate(text: string, norm: Normalized, ns: number, ne: number, info: KeyInfo): Candidate | null {
    const start = norm.origin[ns]!;
    let end = norm.origin[ne - 1]! + 1;
    end = endAtWordBoundary(text, start, end);
    if (end < 0 || inFileName(text, start, end) || inCodeSetting(text, start, end)) return null;
    // (Most names are followed by a space: the checks below look further only after ".", "-" or a
    // space before an edition word.)
    const next = text.charCodeAt(end);
    // Every spelling of this key names a company: no version or edition joins it.
    const company = info.records.every((r) => this.companies.has(r.entityId));
    if (
      next === 0x2e &&
      DOMAIN_AFTER.test(text.slice(end, end + 6)) &&
      !(company && dotComName(text, start, end))
    )
      return null;
    // "GPT-4" in "GPT-4.1" (or "4.x") is another version: the longer number names another model.
    if (
      next === 0x2e &&
      isDigitCode(text.charCodeAt(end - 1)) &&
      (isDigitCode(text.charCodeAt(end + 1)) || /^x(?![A-Za-z])/.test(text.slice(end + 1, end + 3)))
    )
      return null;
    // A separator in the text where no spelling of the alias has one is allowed only between two
    // letters ("Open AI", "Deep Seek"), or between Chinese and Latin, which Chinese typesetting
    // spaces apart ("海螺 AI"); "A 100" is not "A100".
    let split = false;
    for (let k = ns + 1; k < ne; k++) {
      if (norm.origin[k]! - norm.origin[k - 1]! > 1 && !info.separators.includes(k - ns)) {
        const a = text.charCodeAt(norm.origin[k - 1]!);
        const b = text.charCodeAt(norm.origin[k]!);
        if (
          !(isLetterCode(a) && isLetterCode(b)) &&
          !(isCjkCode(a) && isWordCode(b)) &&
          !(isWordCode(a) && isCjkCode(b))
        )
          return null;
        split = true;
      }
    }
    // The text's spelling, for case-sensitive aliases only (most keys have none).
    let surface: string | undefined;
    // Chinese text attaches versions without a space ("文心一言4.0"), and a Latin name takes a
    // hyphenated edition ("Qwen-Turbo"): either joins the mention. (A company has neither: "谷歌V8"
    // is Google's V8 engine.)
    const version = company
      ? null
      : text.charCodeAt(end - 1) >= 0x2e80
        ? CJK_VERSION.exec(text.slice(end, end + 16))
        : next === 0x2d && isWordCode(text.charCodeAt(end - 1))
          ? LATIN_EDITION.exec(text.slice(end, end + 12))
          : next === 0x20 && isWordCode(text.charCodeAt(end - 1))
            ? SPACED_EDITION.exec(text.slice(end, end + 12))
            : null;
    for (let r = 0; r < info.records.length; r++) {
      const record = info.records[r]!;
      // A name that is also a phrase ("Step-1" and "Step 1") is that name only as it is spelt.
      if (record.ambiguous && (split || !sameSeparators(text, start, end, record.text))) continue;
      const exact = info.exactForms[r];
      if (exact !== undefined) {
        surface ??= keptForm(text.slice(start, norm.origin[ne - 1]! + 1));
        if (!fitsKeptCase(surface, exact, text.slice(start, end))) continue;
      }
      const length = end - start;
      const shortFor = record.shortForm
        ? info.records.filter((r) => r.shortForm && r.text === record.text).map((r) => r.entityId)
        : undefined;
      // The version may itself be the name of one of the line's members ("910B" of Ascend).
      const member = version ? this.memberNamed(record, version[0]) : undefined;
      return {
        ...(shortFor && { shortFor }),
        start,
        end: end + (version?.[0].length ?? 0),
        entityId: (member ?? record).entityId,
        alias: (member ?? record).text,
        match: split || version ? 'fuzzy' : 'exact',
        score: version
          ? Math.round((length / (length + version[0].length)) * 1000) / 1000
          : split
            ? SPLIT_SCORE
            : 1,
        ambiguous: !!record.ambiguous,
        decoy: !!record.decoy,
        ...(record.otherName && { otherName: true }),
      };
    }
    return null;
  }
}

/**
 * True for a name with ".com" written as a company's name in prose ("Amazon.com Inc.", "found that
 * Amazon.com can…"): capitalised, no address before it, no path after it.
 */
function dotComName(text: string, start: number, end: number): boolean {
  return (
    /^[A-Z]/.test(text[start]!) &&
    /^\.com(?![\w./])/.test(text.slice(end, end + 5)) &&
    !/(?:www\.|:\/\/|[@/.])$/.test(text.slice(Math.max(0, start - 6), start))
  );
}

/** What separates a name's parts ("Yi-34B", "Yi 34B", "书生·浦语"), and a dot where spellings are compared. */
const SEPARATOR = /[.\s\-_\u00b7\u30fb\u2010-\u2013]/;

/** True when the text's name [start, end) has the alias's separators (most names have none at all). */
function sameSeparators(text: string, start: number, end: number, alias: string): boolean {
  const slice = text.slice(start, end);
  if (!SEPARATOR.test(slice) && !SEPARATOR.test(alias)) return true;
  return separatorsOf(slice) === separatorsOf(alias);
}

/** The separators between a name's parts, in order ("Step-1" → "-", "Step 1" → " ", "Step1" → ""). */
function separatorsOf(text: string): string {
  return text.replace(/[^.\s\-_\u00b7\u30fb\u2010-\u2013]+/g, '').replace(/\s+/g, ' ');
}

function isUpperCode(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Where a hit ends once boundaries are checked, or -1 when it sits inside a word. A Latin edge may
 * not touch a Latin letter or digit; CJK edges need none. A name ending in a number may take a plural
 * "s" ("A100s", "MI300Xs"), which is then part of the mention.
 */
function endAtWordBoundary(text: string, start: number, end: number): number {
  if (!mayStartAt(text, start)) return -1;
  const last = text.charCodeAt(end - 1);
  if (!isWordCode(last) || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const plural = text.charCodeAt(end) === 0x73; // "s"
  const numbered = isDigitCode(last) || (isUpperCode(last) && isDigitCode(text.charCodeAt(end - 2)));
  if (numbered && plural && (end + 1 >= text.length || !isWordCode(text.charCodeAt(end + 1)))) return end + 1;
  return -1;
}
