/**
 * Page chrome: the parts of a page readers do not want names marked in (navigation, the site's
 * header and footer, share, ad and cookie boxes, link lists). Structure and class words only; the
 * annotator keeps such mentions (the popup counts them) but does not paint them.
 */
import type { TextBlock } from './blocks';
import { CHROME_WORDS } from '../match/lexicons';

/**
 * True for page chrome, where readers do not want names marked: navigation, the site's header and
 * footer (an article's footer too: tags, "filed under"), share, ad and cookie widgets, menus. A
 * header inside an article or main is part of the content (the headline, the byline). Class and id
 * words are read only on the block and its nearest ancestors: a page wrapper's "menu-open" or
 * "has-ads" says nothing about its text.
 */
export function isChrome(element: Element, chromeWords = CHROME_WORDS): boolean {
  return new ChromeDetector(chromeWords).isChrome(element);
}

type Structure = 'chrome' | 'content' | 'neutral';

/**
 * isChrome with its answers per element remembered: the blocks of a page share their ancestors,
 * so each ancestor is looked at once per scan (forget() when the page's classes may have changed).
 */
export class ChromeDetector {
  private structures = new WeakMap<Element, Structure>();
  private classWords = new WeakMap<Element, ClassWords>();
  private othersList = new WeakMap<Element, boolean>();
  private readonly words: RegExp | undefined;

  /** `chromeWords`: class and id words of widgets (lib/match/lexicons.ts), an alternation. */
  constructor(chromeWords?: string) {
    this.words = chromeWords ? new RegExp(`(?:^|[\\s_-])(?:${chromeWords})(?:$|[\\s_-])`, 'i') : undefined;
  }

  forget(): void {
    this.structures = new WeakMap();
    this.classWords = new WeakMap();
    this.othersList = new WeakMap();
  }

  isChrome(element: Element): boolean {
    if (this.structure(element) === 'chrome') return true;
    if (this.inListOfOthers(element)) return true;
    // The nearest words decide: an article's "entry-content" inside a layout's "l-sidebar-fixed"
    // wrapper is the article.
    let el: Element | null = element;
    for (let depth = 0; el && depth <= CHROME_CLASS_DEPTH; depth++, el = el.parentElement) {
      if (el.localName === 'body' || el.localName === 'html') break;
      const words = this.classWordsOf(el);
      if (words !== 'none') return words === 'chrome';
    }
    return false;
  }

  /**
   * True inside a list of other stories or of readers' comments ("rp4wp-related-posts",
   * "sina-comment-list", "post_next_post", "module-moreStories"), however deep: each teaser there may be an article of its
   * own, with content words nearer than the list's. The page's main element ends the search.
   */
  private inListOfOthers(element: Element): boolean {
    let el: Element | null = element;
    for (let depth = 0; el && depth <= LIST_OF_OTHERS_DEPTH; depth++, el = el.parentElement) {
      const tag = el.localName;
      if (tag === 'body' || tag === 'html' || tag === 'main' || el.getAttribute('role') === 'main') break;
      let known = this.othersList.get(el);
      if (known === undefined) {
        // Words as written: "CommentPost" is one post of a forum's thread, not a list of comments.
        const raw = `${el.id} ${el.getAttribute('class') ?? ''}`;
        known =
          raw.length > 1 &&
          (LIST_OF_OTHERS.test(raw) || (POST_LIST.test(raw) && isStoryPage(el.ownerDocument)));
        this.othersList.set(el, known);
      }
      if (known) return true;
    }
    return false;
  }

  /** Navigation, footers, a site header (not an article's), inherited down the tree. */
  private structure(el: Element): Structure {
    const known = this.structures.get(el);
    if (known) return known;
    const parent = el.parentElement ? this.structure(el.parentElement) : 'neutral';
    let own: Structure = parent;
    if (parent !== 'chrome') {
      const tag = el.localName;
      const role = el.getAttribute('role');
      if (
        tag === 'nav' ||
        tag === 'footer' ||
        role === 'navigation' ||
        role === 'menu' ||
        role === 'contentinfo'
      )
        own = 'chrome';
      else if (tag === 'article' || tag === 'main' || role === 'main') own = 'content';
      else if ((tag === 'header' || role === 'banner') && parent !== 'content') own = 'chrome';
    }
    this.structures.set(el, own);
    return own;
  }

  /** What an element's class and id words say: a widget's (chrome wins), the content's, or nothing. */
  private classWordsOf(el: Element): ClassWords {
    let known = this.classWords.get(el);
    if (known === undefined) {
      const words = splitCamel(`${el.id} ${el.getAttribute('class') ?? ''}`);
      known =
        words.length <= 1
          ? 'none'
          : this.words?.test(words)
            ? 'chrome'
            : CONTENT_WORDS.test(words)
              ? 'content'
              : 'none';
      this.classWords.set(el, known);
    }
    return known;
  }
}

/**
 * True for a short block that is mostly link text: a menu entry, a "Previous post: …" line, a list
 * of related stories, a table of contents. A paragraph with a link or two in it is not one, nor a
 * headline.
 */
export function isLinkList(block: TextBlock): boolean {
  // Long text is prose, measured without the page source's indentation.
  if (block.text.length > 160 && block.text.replace(/\s+/g, ' ').trim().length > 160) return false;
  // A headline is content even when it links to its story (a feed of cards, a front page), except
  // in a list of teasers on a story's own page (its headline is not a link): related stories.
  if (/^h[1-6]$/.test(block.element.localName)) {
    const teaser = block.element.closest('li a') ?? (block.element.closest('li') && linkShare(block) >= 0.6);
    return !!teaser && isStoryPage(block.element.ownerDocument);
  }
  if (block.element.closest('a')) return true;
  return linkShare(block) >= 0.6;
}

/** The share of a block's text that sits inside links. */
function linkShare(block: TextBlock): number {
  let linked = 0;
  let total = 0;
  for (const node of block.nodes) {
    const length = node.data.trim().length;
    total += length;
    if (length === 0) continue;
    for (let el = node.parentElement; el && el !== block.element; el = el.parentElement) {
      if (el.localName === 'a') {
        linked += length;
        break;
      }
    }
  }
  return total > 0 ? linked / total : 0;
}

/** True for a story's own page: its top headline (h1) is not a link to somewhere else. */
function isStoryPage(doc: Document): boolean {
  // A live collection (the browser keeps it): cheap to ask again, and right after SPA navigation.
  for (const h of doc.getElementsByTagName('h1')) if (!h.closest('a') && h.textContent!.trim()) return true;
  return false;
}

// A site's rights line: "© 2024 …", "All rights reserved", "版权所有", "未经授权，不得转载". Not the word
// "copyright" alone, which news about copyright lawsuits uses in its own sentences.
const RIGHTS_LINE =
  /©|\bcopyright\s+(?:©|\(c\)|\d{4})|all rights reserved|版权所有|版權所有|未经(?:授权|许可)[，,]?\s*不得|未經(?:授權|許可)[，,]?\s*不得|转载请注明|轉載請註明/i;

/** True for a short block that is the site's rights or reprint notice (it names the owner, not news). */
export function isRightsNotice(block: TextBlock): boolean {
  // The pattern first: most blocks fail it without the copy that measuring their length makes.
  return (
    block.text.length < 600 &&
    RIGHTS_LINE.test(block.text) &&
    block.text.replace(/\s+/g, ' ').trim().length <= 240
  );
}

type ClassWords = 'chrome' | 'content' | 'none';

/** Class and id words of an article's own text: nearer than a widget's word, they keep it content. */
const CONTENT_WORDS = /(?:^|[\s_-])(?:content|entry|article|story|post|main)(?:$|[\s_-])/i;

/** How many ancestors of a block (besides itself) have their class and id words read. */
const CHROME_CLASS_DEPTH = 4;

/** Class and id words of a list of other stories or of comments (see inListOfOthers). */
const LIST_OF_OTHERS =
  /(?:^|[\s_-])(?:related|comments?|pinglun|recommend(?:s|ed|ations?)?|more[_-]?(?:stories|articles|news|posts)|(?:next|prev|previous)[_-](?:post|article|story)|(?:post|article|story)[_-](?:next|prev|previous))(?:$|[\s_-])/i;

/** WordPress's list of posts (the Query Loop block): on a story's own page, other stories. */
const POST_LIST = /(?:^|\s)wp-block-query(?:$|\s)/;

/** How many ancestors are searched for such a list: teaser cards nest deep. */
const LIST_OF_OTHERS_DEPTH = 12;

/** Class and id words with camelCase parts as words too ("mbArticleShareBtn" has "Share"). */
function splitCamel(raw: string): string {
  return /[a-z][A-Z]/.test(raw) ? raw.replace(/([a-z])([A-Z])/g, '$1 $2') : raw;
}
