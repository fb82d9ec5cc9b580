/**
 * Generated benchmark pages (deterministic): a typical news article (~10k characters, ~1,500 DOM
 * nodes, with navigation, sidebars, comments and footer) and a long feed (2,000 cards, ~1 M
 * characters, ~50k text nodes), each in English and Chinese. Whitespace between tags is kept, as in
 * real markup, so text-node counts are realistic.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '../../lib/schema';
import { namePools } from './aliases';
import { EN_WORDS, Prose, ZH_WORDS, type Lang } from './corpus';
import { createRng, type Rng } from './prng';

export type PageKind = 'article' | 'feed';
export interface PageSpec {
  name: string;
  lang: Lang;
  kind: PageKind;
}

export const PAGES: PageSpec[] = [
  { name: 'en-article', lang: 'en', kind: 'article' },
  { name: 'zh-article', lang: 'zh', kind: 'article' },
  { name: 'en-feed', lang: 'en', kind: 'feed' },
  { name: 'zh-feed', lang: 'zh', kind: 'feed' },
];

/** The content script's highlight styles, so highlights paint as they do with the extension. */
const HIGHLIGHT_CSS = readFileSync(
  resolve(import.meta.dirname, '../../entrypoints/content/page.css'),
  'utf8',
);

const PAGE_CSS = `
body { margin: 0; font: 16px/1.6 Georgia, serif; color: #1b1f24; background: #fbfaf7; }
header.site { display: flex; gap: 20px; align-items: center; padding: 10px 20px; border-bottom: 1px solid #ccc; }
header.site nav ul, footer ul, .tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
.layout { display: grid; grid-template-columns: 200px minmax(0, 1fr) 260px; gap: 24px; max-width: 1240px; margin: 0 auto; padding: 0 16px; }
aside { font: 14px/1.5 system-ui, sans-serif; }
article.card { border-bottom: 1px solid #ddd; padding: 12px 0; }
article.card h3 { margin: 4px 0; font-size: 18px; }
.meta, .byline, .card header { color: #5b6470; font: 13px/1.4 system-ui, sans-serif; }
.ph { background: #ddd; height: 240px; }
.menu, .ad { display: none; }
footer { border-top: 1px solid #ccc; margin-top: 40px; padding: 20px; font: 13px/1.5 system-ui, sans-serif; }
`;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (text: string) => `<a href="#">${esc(text)}</a>`;
const list = (tag: 'ul' | 'ol', items: string[], cls = '') =>
  `<${tag}${cls ? ` class="${cls}"` : ''}>\n${items.map((i) => `  <li>${i}</li>`).join('\n')}\n</${tag}>`;

/** Wraps part of a paragraph in inline markup (links, emphasis), as articles do. */
function inline(rng: Rng, prose: Prose, chars: number): string {
  const sentences: string[] = [];
  let length = 0;
  while (length < chars) {
    const s = prose.sentence();
    length += s.length;
    const r = rng.next();
    if (r < 0.15) sentences.push(link(s));
    else if (r < 0.22) sentences.push(`<em>${esc(s)}</em>`);
    else if (r < 0.27) sentences.push(`<strong>${esc(s)}</strong>`);
    else sentences.push(esc(s));
  }
  return sentences.join(prose.lang === 'en' ? ' ' : '');
}

function chrome(rng: Rng, prose: Prose, words: typeof EN_WORDS) {
  const zh = prose.lang === 'zh';
  const header = [
    '<header class="site">',
    `<a class="logo" href="#">${zh ? '算力日报' : 'The Compute Ledger'}</a>`,
    `<nav>\n${list('ul', words.nav.map(link))}\n</nav>`,
    `<form class="search"><input type="search" placeholder="${zh ? '搜索' : 'Search'}"> <button>${zh ? '搜索' : 'Search'}</button></form>`,
    `<div class="menu">\n${list('ul', words.nav.map(link))}\n</div>`,
    '</header>',
  ].join('\n');
  const left = `<aside class="left">\n<h2>${zh ? '栏目' : 'Sections'}</h2>\n${list('ul', words.sections.map(link))}\n</aside>`;
  const right = [
    '<aside class="right">',
    `<section class="trending">\n<h2>${zh ? '热门' : 'Trending'}</h2>\n${list(
      'ol',
      Array.from(
        { length: 10 },
        () => `${link(prose.headline())} <span class="meta">${rng.int(2, 90)}k</span>`,
      ),
    )}\n</section>`,
    `<section class="most-read">\n<h2>${zh ? '最多阅读' : 'Most read'}</h2>\n${list(
      'ol',
      Array.from({ length: 5 }, () => link(prose.headline())),
    )}\n</section>`,
    `<section class="markets">\n<h2>${zh ? '行情' : 'Markets'}</h2>\n<table>\n${Array.from(
      { length: 10 },
      () =>
        `<tr><td>${esc(rng.pick(['NVDA', 'MSFT', 'GOOGL', 'BABA', 'BIDU', '0700.HK', 'AMD', 'TSM', 'META', 'AMZN']))}</td><td>${rng.int(50, 900)}.${rng.int(10, 99)}</td><td>${rng.chance(0.5) ? '+' : '−'}${rng.int(0, 5)}.${rng.int(0, 99)}%</td></tr>`,
    ).join('\n')}\n</table>\n</section>`,
    `<div class="ad"><p>${zh ? '广告' : 'Sponsored'}: ${esc(prose.text(120))}</p></div>`,
    `<section class="newsletter">\n<h2>${zh ? '订阅简报' : 'Newsletter'}</h2>\n<p>${esc(prose.text(140, 0.1))}</p>\n<input type="email"> <button>${zh ? '订阅' : 'Sign up'}</button>\n</section>`,
    '</aside>',
  ].join('\n');
  const footer = [
    '<footer>',
    `<div class="cols">\n${Array.from({ length: 4 }, (_, c) => list('ul', [...words.footer, ...words.sections].slice(c * 8, c * 8 + 8).map(link))).join('\n')}\n</div>`,
    `<p>© 2025 ${zh ? '算力日报。保留所有权利。' : 'The Compute Ledger. All rights reserved.'}</p>`,
    '</footer>',
    '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ page: "article" });</script>',
  ].join('\n');
  return { header, left, right, footer };
}

function article(rng: Rng, prose: Prose, words: typeof EN_WORDS): string {
  const zh = prose.lang === 'zh';
  const { header, left, right, footer } = chrome(rng, prose, words);
  const paraChars = 190;
  const body: string[] = [];
  for (let i = 0; i < 26; i++) {
    if (i > 0 && i % 6 === 0) body.push(`<h2>${esc(prose.headline())}</h2>`);
    if (i === 9) body.push(`<blockquote><p>${esc(prose.text(zh ? 60 : 140))}</p></blockquote>`);
    if (i === 14)
      body.push(
        list(
          'ul',
          Array.from({ length: 4 }, () => esc(prose.sentence(0.6))),
        ),
      );
    if (i === 17)
      body.push(`<pre><code>curl https://api.example.com/v1/models | jq '.data[].id'</code></pre>`);
    body.push(`<p>${inline(rng, prose, paraChars)}</p>`);
  }
  const comments = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="comment">\n<p class="meta"><b>${zh ? `用户${1000 + i}` : `reader${1000 + i}`}</b> <time>${i + 1}h</time></p>\n<p>${esc(
        prose.text(zh ? 50 : 110),
      )}</p>\n<button>${zh ? '回复' : 'Reply'}</button> <span class="meta">${i * 3 + 1}</span> <a href="#">${zh ? '举报' : 'Report'}</a>\n</div>`,
  );
  const main = [
    '<main>',
    '<article>',
    `<p class="kicker">${zh ? '科技' : 'Technology'}</p>`,
    `<h1>${esc(prose.headline())}</h1>`,
    `<p class="byline">${zh ? '作者' : 'By'} <a href="#">${zh ? '王磊' : 'Maria Lopez'}</a> · <time>2025-06-03</time> · ${zh ? '6 分钟阅读' : '6 min read'}</p>`,
    `<figure><div class="ph"></div><figcaption>${esc(prose.sentence())}</figcaption></figure>`,
    ...body,
    `<div class="share"><button>${zh ? '分享' : 'Share'}</button> <button>${zh ? '收藏' : 'Save'}</button></div>`,
    `<section class="related">\n<h2>${zh ? '相关阅读' : 'Related'}</h2>\n${list(
      'ul',
      Array.from({ length: 5 }, () => link(prose.headline())),
    )}\n</section>`,
    `<section class="comments">\n<h2>${zh ? '评论' : 'Comments'} (12)</h2>\n${comments.join('\n')}\n</section>`,
    '</article>',
    `<section class="more">\n<h2>${zh ? '更多报道' : 'More from the Ledger'}</h2>\n${Array.from(
      { length: 24 },
      () =>
        `<div class="teaser">\n<h3>${link(prose.headline())}</h3>\n<p>${esc(prose.text(zh ? 40 : 50, 0.3))}</p>\n<span class="meta">${rng.int(1, 9)} ${zh ? '分钟' : 'min'}</span>\n</div>`,
    ).join('\n')}\n</section>`,
    '</main>',
  ].join('\n');
  return [header, '<div class="layout">', left, main, right, '</div>', footer].join('\n');
}

function feed(rng: Rng, prose: Prose, words: typeof EN_WORDS, cards = 2000): string {
  const zh = prose.lang === 'zh';
  const { header, left, right, footer } = chrome(rng, prose, words);
  const items: string[] = [];
  for (let i = 0; i < cards; i++) {
    const tags = Array.from({ length: 3 }, () => link(rng.pick(words.tags)));
    const second = rng.chance(0.4) ? `\n<p>${inline(rng, prose, zh ? 120 : 140)}</p>` : '';
    items.push(
      [
        '<article class="card">',
        `<header><a href="#" class="src">${esc(rng.pick(words.sources))}</a> · <time>${rng.int(1, 23)}h</time></header>`,
        `<h3>${link(prose.headline())}</h3>`,
        `<p>${inline(rng, prose, zh ? 370 : 290)}</p>${second}`,
        `<ul class="tags">${tags.map((t) => `<li>${t}</li>`).join('')}</ul>`,
        `<footer><button>${zh ? '赞' : 'Like'}</button> <span>${rng.int(0, 999)}</span> <button>${zh ? '评论' : 'Comment'}</button> <span>${rng.int(0, 99)}</span> <button>${zh ? '分享' : 'Share'}</button></footer>`,
        '</article>',
      ].join('\n'),
    );
  }
  const main = [
    '<main class="feed">',
    `<h1>${zh ? '最新' : 'Latest'}</h1>`,
    `<section id="live" class="live">\n<h2>${zh ? '实时更新' : 'Live updates'}</h2>\n</section>`,
    ...items,
    '</main>',
  ].join('\n');
  return [header, '<div class="layout">', left, main, right, '</div>', footer].join('\n');
}

/** The HTML of a page; `headExtra` goes into <head> (e.g. a probe script). */
export function renderPage(spec: PageSpec, entities: readonly Entity[], headExtra = ''): string {
  const rng = createRng(
    spec.name.split('').reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261),
  );
  // Chinese carries more per character: a lower share of AI sentences gives a similar density of names per
  // sentence's worth of content (one mark per ~75 characters rather than ~125 in English).
  const prose = new Prose(rng, namePools(entities, spec.lang), spec.lang, spec.lang === 'en' ? 0.35 : 0.2);
  const words = spec.lang === 'en' ? EN_WORDS : ZH_WORDS;
  const body = spec.kind === 'article' ? article(rng, prose, words) : feed(rng, prose, words);
  return `<!doctype html>
<html lang="${spec.lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spec.name}</title>
<style>${PAGE_CSS}</style>
<style>${HIGHLIGHT_CSS}</style>
${headExtra}
</head>
<body>
${body}
</body>
</html>
`;
}

/** Paragraph texts for the mutation benchmark (appended live to a long page). */
export function liveParagraphs(entities: readonly Entity[], lang: Lang, count: number): string[] {
  const rng = createRng(30_000);
  const prose = new Prose(rng, namePools(entities, lang), lang);
  return Array.from({ length: count }, () => prose.text(lang === 'en' ? 200 : 110));
}
