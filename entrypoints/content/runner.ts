/**
 * One annotation session on a page: marks, hover/click/keyboard cards, rescans on DOM changes.
 * Created when Assay is on for the site, stopped (cleanly, without a trace) when it is switched
 * off, the data changes, or the extension is reloaded.
 */
import type { ContentScriptContext } from '#imports';
import type { AliasMatcher } from '../../lib/match/matcher';
import {
  Annotator,
  REVEALING_ATTRIBUTES,
  liveRange,
  rangeContainsPoint,
  type PageMention,
} from '../../lib/dom/annotator';
import { blocksInView } from '../../lib/dom/blocks';
import { MarkWindow } from '../../lib/dom/mark-window';
import { highlightName, type Settings } from '../../lib/settings';
import type { Lang } from '../../lib/i18n-card';
import { cardStringsFor } from '../../lib/i18n-card';
import { request } from '../../utils/messaging';
import { CardHost, HOST_TAG } from './card-host';
import { ACTIVE_HIGHLIGHT, CLAIM_HIGHLIGHT } from './leftovers';
import pageCss from './page.css?inline';
import { inBackground } from './schedule';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 350;
const RESCAN_MS = 250;
const FIRST_SLICE_MS = 12;
const SLICE_MS = 8;
/** What the page's changes are watched for: text, nodes, and attributes that may reveal text. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: REVEALING_ATTRIBUTES,
};

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
  let settings = initial.settings;
  let lang = initial.lang;
  let markName = highlightName(settings.markStyle);
  let stopped = false;
  // Web components' open shadow roots: read their text, give them our mark styles (a constructed
  // sheet adopted by the root: no element is added) and watch them for changes.
  const shadowRoots = new Set<ShadowRoot>();
  const onShadowRoot = (root: ShadowRoot) => {
    if (shadowRoots.has(root)) return;
    shadowRoots.add(root);
    if (!root.adoptedStyleSheets.includes(markSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, markSheet];
    observer?.observe(root, OBSERVED);
  };
  const annotator = new Annotator(matcher, {
    density: settings.markDensity,
    chromeWords: initial.chromeWords,
    checkVisibility: true,
    exclude: (el) => el.localName === HOST_TAG,
    shadowRoots: onShadowRoot,
  });
  let active: PageMention | undefined;
  let rescanPending = false;
  const card = new CardHost(ctx, cardCss, () => {
    setActive(undefined);
    if (rescanPending && !scanning) applyChanges();
  });

  // One highlight for the whole session, holding the marks near the viewport (see MarkWindow);
  // each paint passes on only the blocks whose marks changed.
  const painted = new Highlight();
  const marks = new MarkWindow(painted);
  // Created after the first scan (which may find shadow roots before there is anything to observe).
  // eslint-disable-next-line prefer-const
  let observer: MutationObserver | undefined;
  const paint = () => {
    if (stopped) return;
    marks.apply(annotator.takeChanged().map((element) => [element, annotator.rangesOf(element)] as const));
    if (CSS.highlights.get(markName) !== painted) CSS.highlights.set(markName, painted);
    if (annotator.takeClaimsChanged()) {
      const claims = annotator.claims();
      if (claims.length > 0)
        CSS.highlights.set(CLAIM_HIGHLIGHT, new Highlight(...claims.map((c) => c.range)));
      else CSS.highlights.delete(CLAIM_HIGHLIGHT);
    }
  };
  let pending: MutationRecord[] = [];
  const applyChanges = () => {
    rescanPending = false;
    const records = pending;
    pending = [];
    // A page may have removed our highlight from the registry: the next scan puts it back.
    if (annotator.update(records) || CSS.highlights.get(markName) !== painted) paint();
  };
  const setActive = (mention: PageMention | undefined) => {
    active = mention;
    if (mention) CSS.highlights.set(ACTIVE_HIGHLIGHT, new Highlight(mention.range));
    else CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  };

  let opening = 0;
  const openCard = async (mention: PageMention, focus: boolean) => {
    const ticket = ++opening;
    setActive(mention);
    try {
      const view = await request({ type: 'getEntity', id: mention.entityId });
      if (ticket !== opening || !view || ctx.isInvalid || stopped) return;
      await card.open(view, mention, focus, lang, cardStringsFor(lang));
    } catch (error) {
      console.warn('Assay: could not open the card', error);
    }
  };
  const closeCard = () => {
    opening++;
    card.close();
    setActive(undefined);
  };

  // The first slice gets one frame's budget; longer pages go on in short background-priority
  // slices (see schedule.ts), painted as they go, so no task blocks the page for long.
  let scanning = true;
  // What the reader sees is read first (a page opened mid-way, or at a #fragment, is marked there
  // before the rest), and the mark window is centred there.
  const inView = blocksInView(document, innerWidth, innerHeight);
  marks.follow(inView[Math.floor(inView.length / 2)] ?? document.body);
  const scan = annotator.startScan(document.body, inView);
  const slice = (budgetMs: number) => {
    if (stopped) return;
    const done = scan.step(budgetMs, () => performance.now());
    paint(); // only the blocks this slice read: cheap enough for every slice
    if (!done) {
      inBackground(() => slice(SLICE_MS), ctx.requestIdleCallback.bind(ctx));
      return;
    }
    scanning = false;
    if (pending.length > 0) applyChanges();
  };
  slice(FIRST_SLICE_MS);

  const mentionAt = (x: number, y: number): PageMention | undefined => {
    const caret = caretAt(x, y, [...shadowRoots]);
    if (!caret) return undefined;
    const mention = annotator.mentionAtCaret(caret.node, caret.offset);
    return mention && rangeContainsPoint(liveRange(mention), x, y) ? mention : undefined;
  };

  // Hover: open after a short pause on a mark, close once the pointer has left both mark and card.
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  let openedByPointer = false;
  const onPointer = (x: number, y: number, target: EventTarget | null) => {
    if (card.contains(target)) {
      clearTimeout(closeTimer);
      return;
    }
    const mention = mentionAt(x, y);
    if (mention) {
      clearTimeout(closeTimer);
      if (card.isOpen && card.openFor?.range === mention.range) return;
      clearTimeout(openTimer);
      openTimer = window.setTimeout(() => {
        openedByPointer = true;
        void openCard(mention, false);
      }, HOVER_OPEN_MS);
    } else {
      clearTimeout(openTimer);
      if (card.isOpen && openedByPointer) {
        clearTimeout(closeTimer);
        closeTimer = window.setTimeout(closeCard, HOVER_CLOSE_MS);
      }
    }
  };
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (stopped || settings.cardTrigger !== 'hover' || event.pointerType === 'touch' || frame) return;
      const { clientX, clientY, target } = event;
      frame = requestAnimationFrame(() => {
        frame = 0;
        onPointer(clientX, clientY, target);
      });
    },
    { passive: true },
  );

  ctx.addEventListener(
    document,
    'pointerdown',
    (event) => {
      if (!stopped && card.isOpen && !card.contains(event.target)) closeCard();
    },
    { capture: true, passive: true },
  );

  // Click mode: a click on a mark opens its card (links inside marks keep working).
  ctx.addEventListener(document, 'click', (event) => {
    if (stopped || settings.cardTrigger !== 'click' || event.button !== 0) return;
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    const mention = mentionAt(event.clientX, event.clientY);
    if (!mention) return;
    openedByPointer = false;
    void openCard(mention, false);
  });

  // Keyboard path: Alt+Shift+J / K walk the marks (the page keeps its own keys elsewhere).
  const focusStep = (step: 1 | -1, mentions: readonly PageMention[]) => {
    const current = active ? mentions.indexOf(active) : -1;
    const next = mentions[(current + step + mentions.length) % mentions.length] ?? mentions[0]!;
    show(next);
  };
  const show = (mention: PageMention) => {
    (mention.range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    openedByPointer = false;
    void openCard(mention, true);
  };
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (stopped) return;
      if (event.key === 'Escape' && card.isOpen) {
        closeCard();
        return;
      }
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== 'KeyJ' && event.code !== 'KeyK') return;
      if (isEditable(event.target) && !card.contains(event.target)) return;
      const mentions = annotator.shown();
      if (mentions.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      focusStep(event.code === 'KeyJ' ? 1 : -1, mentions);
    },
    { capture: true },
  );

  // On a page with more marked blocks than the window watches, the watched stretch follows the
  // reader (page scrolls and scrolling boxes alike), once per frame at most.
  let following = 0;
  ctx.addEventListener(
    document,
    'scroll',
    () => {
      if (stopped || following || !marks.crowded) return;
      following = requestAnimationFrame(() => {
        following = 0;
        // The text at the middle of the viewport (a container's box there would sort before all
        // of its content).
        const centre = stopped ? undefined : caretAt(innerWidth / 2, innerHeight / 2, [...shadowRoots]);
        if (centre) marks.follow(centre.node);
      });
    },
    { capture: true, passive: true },
  );

  // Pages change after load (comments, infinite scroll): rescan the touched blocks, throttled so a
  // page that never stops changing (a ticker) is still rescanned.
  let rescanTimer: number | undefined;
  observer = new MutationObserver((records) => {
    // Class and style changes are frequent and nearly always irrelevant: only those that may reveal
    // text the scan left out (see Annotator.mayReveal) wake a rescan.
    const relevant = records.filter(
      (r) =>
        !card.contains(r.target) &&
        (r.type !== 'attributes' || annotator.mayReveal(r.target, r.attributeName)),
    );
    if (relevant.length === 0) return;
    pending.push(...relevant);
    if (rescanTimer !== undefined) return;
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = undefined;
      // While a card is open its mention must stay put: rescan when it closes. During the first
      // scan, changes wait for it to finish (it reads the changed parts anyway, or they follow).
      if (card.isOpen) rescanPending = true;
      else if (!scanning) applyChanges();
    }, RESCAN_MS);
  });
  observer.observe(document.body, OBSERVED);
  for (const root of shadowRoots) observer.observe(root, OBSERVED);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    marks.disconnect();
    for (const root of shadowRoots)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== markSheet);
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    clearTimeout(rescanTimer);
    closeCard();
    CSS.highlights.delete(markName);
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    CSS.highlights.delete(CLAIM_HIGHLIGHT);
  };
  ctx.onInvalidated(stop);

  return {
    configure(next, nextLang) {
      settings = next;
      lang = nextLang;
      if (annotator.setDensity(next.markDensity)) paint();
      const name = highlightName(next.markStyle);
      if (name !== markName) {
        CSS.highlights.delete(markName);
        markName = name;
        paint();
      }
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
      const after = active?.entityId === entityId ? mentions.indexOf(active) + 1 : 0;
      show(mentions[after % mentions.length]!);
      return true;
    },
    stop,
  };
}

function caretAt(
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
