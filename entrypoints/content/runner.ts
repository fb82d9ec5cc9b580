/**
 * One annotation session on a page: marks, hover/click/keyboard cards, rescans on DOM changes.
 * Created when Assay is on for the site, stopped (cleanly, without a trace) when it is switched
 * off, the data changes, or the extension is reloaded. The parts live beside it: what is painted
 * (painter.ts), how cards open (triggers.ts), how page changes are followed (rescans.ts).
 */
import type { ContentScriptContext } from '#imports';
import type { AliasMatcher } from '../../lib/match/matcher';
import { Annotator, liveRange, rangeContainsPoint, type PageMention } from '../../lib/dom/annotator';
import { blocksInView } from '../../lib/dom/blocks';
import { highlightName, type Settings } from '../../lib/settings';
import type { Lang } from '../../lib/i18n-card';
import { cardStringsFor } from '../../lib/i18n-card';
import { request } from '../../utils/messaging';
import { CardHost, HOST_TAG } from './card-host';
import { caretAt } from './caret';
import pageCss from './page.css?inline';
import { Painter } from './painter';
import { Rescanner } from './rescans';
import { inBackground } from './schedule';
import { watchCardTriggers, type CardSession } from './triggers';

const FIRST_SLICE_MS = 12;
const SLICE_MS = 8;

/** The mark styles for shadow roots, which the page-level stylesheet cannot reach. */
const markSheet = new CSSStyleSheet();
markSheet.replaceSync(pageCss);

export interface Runner {
  /** Applies changed settings (mark style and density, card trigger, language) without rescanning. */
  configure(settings: Settings, lang: Lang): void;
  /** Mention counts per entity, in order of first appearance. */
  counts(): { entityId: string; count: number }[];
  /** Scrolls to the next mention of the entity and opens its card; false when there is none. */
  reveal(entityId: string): boolean;
  stop(): void;
}

/** Starts annotating the document with `matcher`. */
export function startRunner(
  ctx: ContentScriptContext,
  matcher: AliasMatcher,
  cardCss: string,
  initial: { settings: Settings; lang: Lang; chromeWords: string },
): Runner {
  let lang = initial.lang;
  let scanning = true;
  let opening = 0;
  // Web components' open shadow roots: read their text, give them our mark styles (a constructed
  // sheet adopted by the root: no element is added) and watch them for changes.
  const shadowRoots = new Set<ShadowRoot>();
  const annotator = new Annotator(matcher, {
    density: initial.settings.markDensity,
    chromeWords: initial.chromeWords,
    checkVisibility: true,
    exclude: (el) => el.localName === HOST_TAG,
    shadowRoots: (root) => {
      if (shadowRoots.has(root)) return;
      shadowRoots.add(root);
      if (!root.adoptedStyleSheets.includes(markSheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, markSheet];
      rescans?.observe(root);
    },
  });
  const painter = new Painter(highlightName(initial.settings.markStyle));
  const paint = () => {
    if (!session.stopped) painter.paint(annotator);
  };
  const card = new CardHost(ctx, cardCss, () => {
    setActive(undefined);
    rescans?.flush();
  });
  const setActive = (mention: PageMention | undefined) => {
    session.active = mention;
    painter.setActive(mention?.range);
  };

  // The session state the triggers read (and this file writes).
  type State = 'stopped' | 'settings' | 'active' | 'openedByPointer';
  const session: Omit<CardSession, State> & { -readonly [K in State]: CardSession[K] } = {
    stopped: false,
    settings: initial.settings,
    card,
    active: undefined,
    openedByPointer: false,
    mentionAt(x, y) {
      const caret = caretAt(x, y, [...shadowRoots]);
      if (!caret) return undefined;
      const mention = annotator.mentionAtCaret(caret.node, caret.offset);
      return mention && rangeContainsPoint(liveRange(mention), x, y) ? mention : undefined;
    },
    shown: () => annotator.shown(),
    open(mention, { focus, byPointer }) {
      session.openedByPointer = byPointer;
      const ticket = ++opening;
      setActive(mention);
      void (async () => {
        try {
          const view = await request({ type: 'getEntity', id: mention.entityId });
          if (ticket !== opening || !view || ctx.isInvalid || session.stopped) return;
          await card.open(view, mention, focus, lang, cardStringsFor(lang));
        } catch (error) {
          console.warn('Assay: could not open the card', error);
        }
      })();
    },
    show(mention) {
      (mention.range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      session.open(mention, { focus: true, byPointer: false });
    },
    close() {
      opening++;
      card.close();
      setActive(undefined);
    },
  };

  // Created after the first slice (which may find shadow roots before there is anything to observe).
  // eslint-disable-next-line prefer-const
  let rescans: Rescanner | undefined;

  // The first slice gets one frame's budget; longer pages go on in short background-priority
  // slices (see schedule.ts), painted as they go, so no task blocks the page for long. What the
  // reader sees is read first (a page opened mid-way, or at a #fragment, is marked there before
  // the rest), and the mark window is centred there.
  const inView = blocksInView(document, innerWidth, innerHeight);
  painter.window.follow(inView[Math.floor(inView.length / 2)] ?? document.body);
  const scan = annotator.startScan(document.body, inView);
  const slice = (budgetMs: number) => {
    if (session.stopped) return;
    const done = scan.step(budgetMs, () => performance.now());
    paint(); // only the blocks this slice read: cheap enough for every slice
    if (!done) {
      inBackground(() => slice(SLICE_MS), ctx.requestIdleCallback.bind(ctx));
      return;
    }
    scanning = false;
    rescans?.flush();
  };
  slice(FIRST_SLICE_MS);

  const stopTriggers = watchCardTriggers(ctx, session);

  // On a page with more marked blocks than the window watches, the watched stretch follows the
  // reader (page scrolls and scrolling boxes alike), once per frame at most.
  let following = 0;
  ctx.addEventListener(
    document,
    'scroll',
    () => {
      if (session.stopped || following || !painter.window.crowded) return;
      following = requestAnimationFrame(() => {
        following = 0;
        // The text at the middle of the viewport (a container's box there would sort before all
        // of its content).
        const centre = session.stopped
          ? undefined
          : caretAt(innerWidth / 2, innerHeight / 2, [...shadowRoots]);
        if (centre) painter.window.follow(centre.node);
      });
    },
    { capture: true, passive: true },
  );

  rescans = new Rescanner(ctx, annotator, {
    // While a card is open its mention must stay put: rescan when it closes. During the first
    // scan, changes wait for it to finish (it reads the changed parts anyway, or they follow).
    busy: () => card.isOpen || scanning,
    ours: (target) => card.contains(target),
    // A page may have removed our highlight from the registry: the next scan puts it back.
    apply: (records) => {
      if (annotator.update(records) || !painter.registered) paint();
    },
  });
  rescans.observe(document.body);
  for (const root of shadowRoots) rescans.observe(root);

  const stop = () => {
    if (session.stopped) return;
    session.stopped = true;
    rescans?.disconnect();
    for (const root of shadowRoots)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== markSheet);
    stopTriggers();
    session.close();
    painter.clear();
  };
  ctx.onInvalidated(stop);

  return {
    configure(next, nextLang) {
      session.settings = next;
      lang = nextLang;
      if (annotator.setDensity(next.markDensity)) paint();
      if (painter.restyle(highlightName(next.markStyle))) paint();
    },
    counts() {
      const counts = new Map<string, number>();
      for (const m of annotator.all()) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      return [...counts].map(([entityId, count]) => ({ entityId, count }));
    },
    reveal(entityId) {
      // Painted mentions first: one in a footer or menu is revealed only when there is no other.
      const all = annotator.all().filter((m) => m.entityId === entityId);
      const painted = all.filter((m) => m.shown);
      const mentions = painted.length > 0 ? painted : all;
      if (mentions.length === 0) return false;
      const after = session.active?.entityId === entityId ? mentions.indexOf(session.active) + 1 : 0;
      session.show(mentions[after % mentions.length]!);
      return true;
    },
    stop,
  };
}
