/**
 * Evidence for and against reading an ambiguous name ("Gemini", "Claude", "百川") as the AI entity.
 * The matcher adds it up per occurrence; the page region adds what it knows (a related entity named
 * there, or the name used in another sense there) before the name is marked.
 */
import { isCjkCode } from '../text/fold';

/** Tests compiled from cue lexicons (lib/match/lexicons.ts), which travel in the matcher index. */
export interface CueTests {
  /** True when the text carries a cue that it is about AI. */
  ai: (text: string) => boolean;
  /** True when the text reads as business news (what makes "Amazon" the company there). */
  business: (text: string) => boolean;
}

// A web address, scheme first.
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]+/gi;

/** Compiles the cue lexicons: Latin cues need word boundaries ("AI" not in "said"); CJK ones do not. */
export function compileCueTests(lexicons: CueLexicons | undefined): CueTests {
  const test = (pair: { latin: string; cjk: string } | undefined) => {
    if (!pair) return () => false;
    const latin = new RegExp(`\\b(?:${pair.latin})\\b`, 'i');
    const cjk = new RegExp(pair.cjk);
    // A web address's words are not the text's ("…/api/index.html" is no talk of an API).
    const words = (text: string) => (text.includes('://') ? text.replace(URL, ' ') : text);
    return (text: string) => latin.test(words(text)) || cjk.test(text);
  };
  return { ai: test(lexicons?.ai), business: test(lexicons?.business) };
}

/** Cue words as regular-expression alternations, Latin and CJK (see lib/match/lexicons.ts). */
export interface CueLexicons {
  ai: { latin: string; cjk: string };
  business: { latin: string; cjk: string };
}

/** True when the name ending at `end` is used as a company's: "Amazon's", "Amazon-owned", "Meta Platforms". */
export function hasCompanySuffix(text: string, end: number): boolean {
  return /^(?:['’]s\b|-(?:owned|backed|funded)\b|,? (?:Inc|Corp|Ltd|Group|Platforms)\b)/.test(
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
    // A stop ends the sentence before a space or the end of the text, not inside "3.5" or "$6.6".
    if ('.!?'.includes(c) && (to === text.length || /\s/.test(text[to]!))) break;
  }
  return [from, to];
}

// Words that continue a model name ("Claude Sonnet", "Gemini Advanced"), not a surname.
const NAME_CONTINUATIONS =
  /^(?:Pro|Ultra|Nano|Flash|Advanced|Sonnet|Opus|Haiku|Chat|AI|Code|Coder|Instant|Turbo|Large|Max|Mini|Plus|Lite|Vision|Assistant|Smart|App|API|Cloud|Studio|Desk|Team|Enterprise|Live|Search)$/;
const KIN_OR_TITLE =
  /(?:\b(?:daughter|son|wife|husband|mother|father|mum|mom|dad|uncle|aunt|brother|sister|cousin|nephew|niece|chef|Mr|Mrs|Ms|Dr|Saint|St|Apache|NASA|NASA's|Project)\.?\s+|[小老阿]|(?:女儿|儿子|孩子|闺女|女兒|兒子)[^，。,]{0,3}|名叫|叫做|\d{1,3}\s*[岁歲]的?|拳王|球星|歌手|演员|演員|选手|選手|教练|教練)$/;
// "Facebook parent Meta", "臉書母公司Meta": the name before is the product the owner is named for.
const OWNED_BY = /^(?:'s)?\s*(?:parent(?: company)?|owner)\s+[A-Z]|^的?母公司/;
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
  // ("Claude 4 Did Not…" is a headline's capitals: a versioned name is no person's first name.)
  if (next && !company && !NAME_CONTINUATIONS.test(next[1]!) && !/\d/.test(text.slice(start, end)))
    return true;
  // "Meta-analyses", "Spark-based"; not "Amazon-owned" (a company's, see hasCompanySuffix).
  if (/^-(?!(?:owned|backed|funded)\b)[a-z]/.test(after)) return true;
  return PERSON_VERBS.test(after);
}

// Common surnames, leaving out characters that also end an ordinary word before a name (于 "at",
// 向 "to", 周 "week", 何 "why", 许 "perhaps", 高, 金, 陆…).
const SURNAME =
  '[王李张刘陈杨黄赵吴徐孙马朱胡郭林罗郑梁宋唐冯邓曹彭肖田董袁潘蒋蔡杜叶魏吕丁沈姚卢姜崔谭汪范廖贾韦邹孟熊秦邱尹薛闫雷侯陶黎郝龚邵严覃武戴孔汤張劉陳楊黃趙吳孫馬許馮鄧蔣葉呂盧譚賈韋鄒薛閻龔嚴湯]';
const PERSON_BEFORE = new RegExp(`${SURNAME}$`);
const PERSON_AFTER =
  /^(?:表示|称|稱|说|說|认为|認為|指出|介绍|介紹|告诉|告訴|坦言|透露|分析|回忆|回憶|向[^，。,]{1,12}(?:表示|说|說|透露|介绍|介紹)|先生|女士|教授|博士|老师|老師)/;

/**
 * True when a two-character Chinese name is a person's given name: a surname before it and a
 * speaker's verb or a title after ("工程师王清华向记者表示", "王清华分析称").
 */
export function isChinesePersonName(text: string, start: number, end: number): boolean {
  return (
    end - start === 2 &&
    isCjkCode(text.charCodeAt(start)) &&
    PERSON_BEFORE.test(text.slice(Math.max(0, start - 1), start)) &&
    PERSON_AFTER.test(text.slice(end, end + 20))
  );
}

// A platform a company's name is listed with ("Facebook, Instagram and Messenger") is an app, as
// is the name before a user's noun ("Facebook users") or after a user's verb ("access Facebook").
const PLATFORMS = String.raw`(?:Instagram|WhatsApp|Messenger|Threads|YouTube|TikTok|Snapchat|Twitter|LinkedIn|Reddit|Pinterest|Telegram|WeChat|Weibo|微信|微博|抖音|快手)`;
const LISTED_WITH = String.raw`(?:,|、|，| and| or| &|和|与|與|及)\s*`;
const PLATFORM_AFTER = new RegExp(String.raw`^${LISTED_WITH}${PLATFORMS}(?![\w])`);
const PLATFORM_BEFORE = new RegExp(String.raw`${PLATFORMS}${LISTED_WITH}$`);
const USER_NOUN =
  /^ (?:users?|app|apps|accounts?|pages?|posts?|feeds?|usage|logins?|profiles?|groups?|friends|timelines?|Marketplace|Live|Stories|Reels)\b|^(?:用户|用戶|账号|帳號|账户|帳戶|页面|頁面|帖子|贴文|貼文)/;
const USER_VERB =
  /(?:\b(?:access|accessing|accessed|on|via|log in with|sign up with|share on|follow us on|like us on) |(?:登录|登入|打开|打開|使用|分享到))$/i;

/**
 * True when a company's name names its product here: an app listed with other platforms, used by
 * users ("Facebook users", "access Facebook"). A product is not the company.
 */
export function namesProductUse(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 24), start);
  return (
    USER_NOUN.test(after) ||
    USER_VERB.test(before) ||
    PLATFORM_AFTER.test(after) ||
    PLATFORM_BEFORE.test(before)
  );
}

/** True when the name ending at `end` is followed by its owner ("Facebook parent Meta"): it names the product. */
export function namesOwnedProduct(text: string, end: number): boolean {
  return OWNED_BY.test(text.slice(end, end + 24));
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
