/**
 * Evidence for and against reading an ambiguous name ("Gemini", "Claude", "百川") as the AI entity.
 * The matcher adds it up per occurrence; the page region adds what it knows (a related entity named
 * there, or the name used in another sense there) before the name is marked.
 */

// Latin cues need word boundaries ("AI" not in "said"); CJK cues do not.
const LATIN_CUES =
  /\b(?:AI|A\.I\.|LLMs?|GPTs?|chatbots?|(?:language |AI |foundation |open[- ]source )?models?|artificial intelligence|machine learning|neural|benchmark(?:s|ed|ing)?|open[- ]source|open weights|parameters|fine-tun(?:e|ed|ing)|inference|GPUs?|chips?|training|trained|start-?ups?|assistant|context window|tokens|valuation|funding round|leaderboard|API)\b/i;
const CJK_CUES =
  /大模型|模型|人工智能|智能体|助手|聊天机器人|機器人|算力|芯片|晶片|开源|開源|参数|參數|训练|訓練|推理|基准|评测|評測|生成式|语言模型|語言模型|人工智慧|融资|融資|估值|投资|投資|发布|發布|榜单|榜單/;

/** True when the text carries a cue that it is about AI. */
export function hasAiCue(text: string): boolean {
  return LATIN_CUES.test(text) || CJK_CUES.test(text);
}

// The vocabulary of business news: a company's name in such a sentence means the company.
const LATIN_BUSINESS_CUES =
  /\b(?:compan(?:y|ies)|Inc|Corp|Ltd|LLC|shares?|stocks?|shareholders?|investors?|CEO|chief executive|executives?|founder|founded|acquisitions?|acquired?|acquires|bought|buys|deal|revenue|sales|profits?|earnings|quarter(?:ly)?|retail(?:er|ers)?|e-commerce|headquarters|employees|workers|subscribers?|customers|brand|billion|million|valuation|spokes(?:man|woman|person)|announced|launched|subsidiary|owned)\b/i;
const CJK_BUSINESS_CUES =
  /公司|集团|集團|股价|股價|股票|市值|收购|收購|创始人|創始人|创办|創辦|营收|營收|财报|財報|首席执行官|首席執行官|总裁|總裁|总部|總部|员工|員工|电商|電商|旗下|宣布|子公司|董事长|董事長|上市|业务|業務|用户|用戶/;

/** True when the text reads as business news (what makes "Amazon" the company there). */
export function hasBusinessCue(text: string): boolean {
  return LATIN_BUSINESS_CUES.test(text) || CJK_BUSINESS_CUES.test(text);
}

/** True when the name ending at `end` is used as a company's: "Amazon's", "Amazon-owned", "Meta Platforms". */
export function hasCompanySuffix(text: string, end: number): boolean {
  return /^(?:['’]s\b|-(?:owned|backed|funded|based)\b|,? (?:Inc|Corp|Ltd|Group|Platforms)\b)/.test(
    text.slice(end, end + 12),
  );
}

const MODEL_SUFFIX =
  /^[\s-]?(?:\d|[0-9.]+[bkmBKM]\b|Pro\b|Ultra\b|Flash\b|Nano\b|Opus\b|Sonnet\b|Haiku\b|Large\b|Turbo\b|Chat\b|Instruct\b)/;

/** True when the alias ending at `end` is followed by a version or size ("Gemini 1.5", "Llama-3"). */
export function hasModelSuffix(text: string, end: number): boolean {
  return MODEL_SUFFIX.test(text.slice(end, end + 12));
}

// A size ("8B", "8x7B"), a dotted version ("1.5") or a named edition marks a model checkpoint;
// a bare number ("Falcon-9") does not.
const MODEL_SHAPE =
  /\d+(?:x\d+)?(?:\.\d+)?[BbMmKk]\b|\d+\.\d+|[-\s](?:Pro|Ultra|Flash|Nano|Opus|Sonnet|Haiku|Instruct|Chat|Turbo|Large|Base|Mini|it|hf)\b/i;

/** True when a token names a model checkpoint rather than just a name and a number. */
export function isModelShaped(token: string): boolean {
  return MODEL_SHAPE.test(token);
}

/** The sentence around [start, end): bounded by . ! ? followed by a space, CJK stops, or line ends. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0) {
    const c = text[from - 1]!;
    if (c === '\n' || '。！？；'.includes(c)) break;
    if ('.!?'.includes(c) && /\s/.test(text[from] ?? ' ')) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const c = text[to]!;
    if (c === '\n') break;
    to++;
    if ('。！？；'.includes(c)) break;
    if ('.!?'.includes(c) && /\s|$/.test(text[to] ?? '')) break;
  }
  return [from, to];
}

// Words that continue a model name ("Claude Sonnet", "Gemini Advanced"), not a surname.
const NAME_CONTINUATIONS =
  /^(?:Pro|Ultra|Nano|Flash|Advanced|Sonnet|Opus|Haiku|Chat|AI|Code|Coder|Instant|Turbo|Large|Max|Mini|Plus|Lite|Vision|Assistant|Smart|App|API|Cloud|Studio|Desk|Team|Enterprise|Live|Search)$/;
const KIN_OR_TITLE =
  /(?:\b(?:daughter|son|wife|husband|mother|father|mum|mom|dad|uncle|aunt|brother|sister|cousin|nephew|niece|chef|Mr|Mrs|Ms|Dr|Saint|St|Apache|NASA|NASA's|Project)\.?\s+|[小老阿]|(?:女儿|儿子|孩子|闺女|女兒|兒子)[^，。,]{0,3}|名叫|叫做)$/;
const PERSON_VERBS =
  /^,?\s+(?:says|said|tells|told|asks|asked|writes|wrote|replies|replied|laughs|laughed|smiles|smiled|shrugs|shrugged|nods|nodded|tastes|tasted|chooses|chose|turned|turns)\b/;

/**
 * True when this occurrence reads as another sense: a person ("Claude Martin", "daughter Kimi",
 * "Claude says"), a compound ("Meta-analysis"), or a title ("the Bard", "Apache Spark"). A company's
 * name followed by a capitalised word names its product ("Meta Quest", "Amazon Prime"), not a person.
 */
export function otherSenseAt(text: string, start: number, end: number, company = false): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (KIN_OR_TITLE.test(before)) return true;
  const after = text.slice(end, end + 24);
  const next = /^ ([A-ZÀ-Þ][a-zà-ÿ]+)/.exec(after);
  if (next && !company && !NAME_CONTINUATIONS.test(next[1]!)) return true;
  if (/^-[a-z]/.test(after)) return true; // "Meta-analyses", "Spark-based"
  return PERSON_VERBS.test(after);
}

/** True when a negative cue of the entity (another sense's vocabulary) occurs in the text. */
export function hasNegativeCue(text: string, cues: readonly RegExp[] | undefined): boolean {
  return !!cues && cues.some((cue) => cue.test(text));
}

/** Compiles an entity's negative cue words to case-insensitive patterns (word-bounded for Latin). */
export function compileCues(cues: readonly string[]): RegExp[] {
  return cues.map((cue) => {
    const escaped = cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^[\x20-\x7e]+$/.test(cue) ? new RegExp(`\\b${escaped}\\b`, 'i') : new RegExp(escaped);
  });
}
