import { describe, expect, it } from 'vitest';
import { Annotator, type ChangeRecord } from '../../lib/dom/annotator';
import { isChrome } from '../../lib/dom/page-chrome';
import { collectBlocks, splitAtBoxes } from '../../lib/dom/blocks';
import { AliasMatcher } from '../../lib/match/matcher';
import { frameSkipReason, visibleLength, type FrameFacts } from '../../lib/dom/frames';
import { AD_HOSTS, adHostPatterns } from '../../lib/dom/ad-hosts';

const matcher = new AliasMatcher([
  { text: 'OpenAI', entityId: 'openai' },
  { text: 'Microsoft', entityId: 'microsoft' },
  { text: 'DeepSeek', entityId: 'deepseek' },
  { text: 'GPT-4', entityId: 'gpt-4' },
]);
const shown = (a: Annotator) => a.shown().map((m) => m.text);

describe('blocks from layout', () => {
  it('splits a block where a box starts between two words that touch', () => {
    document.body.innerHTML =
      '<div><span style="display:block">Learn how</span><span style="display:block">Microsoft Store</span></div>';
    const [block] = collectBlocks(document.body);
    expect(block!.text).toBe('Learn howMicrosoft Store');
    expect(splitAtBoxes(block!)?.map((b) => b.text)).toEqual(['Learn how', 'Microsoft Store']);
  });

  it('keeps inline styling and spaced boxes whole (no layout question without touching words)', () => {
    document.body.innerHTML = '<p><b>Open</b>AI and <span style="display:block"> Microsoft</span></p>';
    const [block] = collectBlocks(document.body);
    expect(splitAtBoxes(block!)).toBeUndefined();
  });

  it('marks a name the block boxes separate, with layout checked', () => {
    document.body.innerHTML =
      '<div><span style="display:block">Learn how</span><span style="display:flex">Microsoft Store</span></div>';
    const annotator = new Annotator(matcher, { checkVisibility: true });
    annotator.scan(document.body);
    expect(shown(annotator)).toEqual(['Microsoft']);
  });
});

describe('page chrome', () => {
  it.each([
    ['<nav><p id="x">Microsoft</p></nav>', true],
    ['<footer><p id="x">© Microsoft</p></footer>', true],
    ['<article><footer><p id="x">Filed under OpenAI</p></footer></article>', true],
    ['<header><p id="x">Site name</p></header>', true],
    ['<article><header><h1 id="x">OpenAI news</h1></header></article>', false],
    ['<main><header><h1 id="x">OpenAI news</h1></header></main>', false],
    ['<div class="social-share"><p id="x">Share</p></div>', true],
    ['<div class="ad-slot"><p id="x">Sponsored</p></div>', true],
    ['<div id="cookie-banner"><p id="x">Cookies</p></div>', true],
    ['<div class="content shadow"><p id="x">Read more</p></div>', false],
    ['<div role="navigation"><p id="x">Menu</p></div>', true],
    ['<div class="pinglun-list"><p id="x">用户评论</p></div>', true],
    // The nearest words decide: the article's own wrapper inside a layout named for its sidebar.
    [
      '<div class="l-sidebar-fixed"><div class="col"><div class="c-entry-content"><p id="x">Text</p></div></div></div>',
      false,
    ],
    ['<div class="c-entry-content"><div class="related-links"><p id="x">More</p></div></div>', true],
    ['<div class="pingpong"><p id="x">乒乓</p></div>', false],
    // A list of other stories or of comments, however deep, even around a teaser's own article.
    [
      '<div class="rp4wp-related-posts"><div class="row"><div class="col"><div class="card"><article class="post"><div><a><h2 id="x">Alibaba listing</h2></a></div></article></div></div></div></div>',
      true,
    ],
    [
      '<div id="post_comment"><div class="tie-area"><div class="tie-list"><div class="single-tie"><div class="tie-bdy"><div class="bdy-inner"><p id="x">亚马逊</p></div></div></div></div></div></div>',
      true,
    ],
    ['<div class="post_next_post"><p id="x">华为的崛起</p></div>', true],
    // The page's main element ends the search: a layout wrapper around it says nothing.
    [
      '<div class="has-related"><main><div><div><div><div><div><p id="x">Text</p></div></div></div></div></div></main></div>',
      false,
    ],
    ['<div class="next-gen"><p id="x">Text</p></div>', false],
    [
      '<main><div id="module-moreStories"><div><ul><li><div><div><p id="x">英偉達</p></div></div></li></ul></div></div></main>',
      true,
    ],
    [
      '<div class="recommend-box"><div class="recommend-item-box"><div class="content-box"><div class="desc-box"><a><div id="x">ChatGPT</div></a></div></div></div></div>',
      true,
    ],
    // One post of a forum's thread is content, not a list of comments.
    [
      '<div class="PostStream"><div class="PostStream-item"><article class="CommentPost Post"><div><div class="Post-body"><p id="x">阿里云</p></div></div></article></div></div>',
      false,
    ],
  ])('%s → %s', (html, chrome) => {
    document.body.innerHTML = html;
    expect(isChrome(document.getElementById('x')!)).toBe(chrome);
  });

  it("reads WordPress's list of posts as other stories on a story's own page only", () => {
    const list =
      '<div class="wp-block-query"><div class="wp-block-post-template"><div><h2 class="wp-block-post-title"><a id="x">Google is preparing</a></h2></div></div></div>';
    document.body.innerHTML = `<h1>A story</h1>${list}`;
    expect(isChrome(document.getElementById('x')!)).toBe(true);
    document.body.innerHTML = list; // a front page: the list is the content
    expect(isChrome(document.getElementById('x')!)).toBe(false);
  });

  it('reads class words only near the block: a wrapper’s "menu-open" does not hide the article', () => {
    document.body.className = 'menu-open has-ads';
    document.body.innerHTML =
      '<div class="page ads-enabled"><div><div><div><div><p id="x">OpenAI</p></div></div></div></div></div>';
    expect(isChrome(document.getElementById('x')!)).toBe(false);
    document.body.className = '';
  });

  it('keeps chrome mentions for counting but does not show them', () => {
    document.body.innerHTML = '<nav><p>Microsoft</p></nav><main><p>OpenAI and Microsoft.</p></main>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    expect(annotator.all().map((m) => m.text)).toEqual(['Microsoft', 'OpenAI', 'Microsoft']);
    expect(shown(annotator)).toEqual(['OpenAI', 'Microsoft']);
    expect(annotator.ranges()).toHaveLength(2);
  });
});

describe('mark density', () => {
  it('marks only the first of each name per paragraph when asked, and every one again after', () => {
    document.body.innerHTML = '<p>OpenAI, OpenAI and GPT-4; OpenAI.</p><p>OpenAI again.</p>';
    const annotator = new Annotator(matcher, { density: 'first' });
    annotator.scan(document.body);
    expect(shown(annotator)).toEqual(['OpenAI', 'GPT-4', 'OpenAI']);
    expect(annotator.setDensity('all')).toBe(true);
    expect(shown(annotator)).toEqual(['OpenAI', 'OpenAI', 'GPT-4', 'OpenAI', 'OpenAI']);
    expect(annotator.setDensity('all')).toBe(false);
  });
});

describe('text revealed later', () => {
  const mutate = (root: Node, change: () => void): ChangeRecord[] => {
    const observer = new MutationObserver(() => {});
    observer.observe(root, {
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden'],
    });
    change();
    const records = observer.takeRecords();
    observer.disconnect();
    return records;
  };

  it('reads a block again when a class change may reveal its hidden name, and ignores other changes', () => {
    document.head.innerHTML = '<style>.gone { display: none }</style>';
    document.body.innerHTML =
      '<p id="p">Seen.<span id="s" class="gone"> DeepSeek news.</span></p><p id="q">Other text.</p>';
    const annotator = new Annotator(matcher, { checkVisibility: true });
    annotator.scan(document.body);
    expect(shown(annotator)).toEqual([]);
    const q = document.getElementById('q')!;
    expect(annotator.mayReveal(q, 'class')).toBe(false);
    const s = document.getElementById('s')!;
    expect(annotator.mayReveal(s, 'class')).toBe(true);
    expect(annotator.update(mutate(document.body, () => s.classList.remove('gone')))).toBe(true);
    expect(shown(annotator)).toEqual(['DeepSeek']);
    document.head.innerHTML = '';
  });

  it('reads a subtree whose hidden attribute is removed', () => {
    document.body.innerHTML = '<div id="d" hidden><p>OpenAI news.</p></div>';
    const annotator = new Annotator(matcher, { checkVisibility: true });
    annotator.scan(document.body);
    expect(shown(annotator)).toEqual([]);
    const d = document.getElementById('d')!;
    expect(annotator.update(mutate(document.body, () => d.removeAttribute('hidden')))).toBe(true);
    expect(shown(annotator)).toEqual(['OpenAI']);
  });
});

describe('frames worth reading', () => {
  const frame = (f: Partial<FrameFacts>): FrameFacts => ({
    top: false,
    width: 600,
    height: 400,
    host: 'news.example',
    name: '',
    textLength: 500,
    ...f,
  });
  it.each([
    [frame({ top: true, width: 1, height: 1, textLength: 0 }), undefined],
    [frame({}), undefined],
    [frame({ host: 'tpc.googlesyndication.com' }), 'ad'],
    [frame({ host: 'securepubads.g.doubleclick.net' }), 'ad'],
    [frame({ name: 'google_ads_iframe_/1234/news_0' }), 'ad'],
    [frame({ name: 'sidebar-ad-2' }), 'ad'],
    [frame({ name: 'comments' }), undefined],
    [frame({ width: 120, height: 40 }), 'tiny'],
    [frame({ textLength: 3 }), 'blank'],
  ])('%o → %s', (facts, reason) => {
    expect(frameSkipReason(facts, AD_HOSTS)).toBe(reason);
  });

  it('gives the manifest a pattern for each ad host and its subdomains', () => {
    expect(adHostPatterns()).toContain('*://*.doubleclick.net/*');
    expect(adHostPatterns()).toHaveLength(AD_HOSTS.length * 2);
  });

  it('counts visible characters only, and stops counting early', () => {
    expect(visibleLength('  \n\t a b  ')).toBe(2);
    expect(visibleLength('x'.repeat(10_000), 20)).toBe(20);
  });
});
