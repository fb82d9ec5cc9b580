/**
 * Content script: asks the background for the alias index, marks mentions with the CSS Custom
 * Highlight API (the page's DOM is never changed) and opens a fact card on hover or from the keyboard.
 */
import { defineContentScript, type ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import cardCss from '../../components/card.css?inline';
import './page.css';
import { createMatcher } from '../../lib/match/matcher-index';
import { Annotator, rangeContainsPoint, type PageMention } from '../../lib/dom/annotator';
import { langFromTag, stringsFor } from '../../lib/i18n';
import { request } from '../../utils/messaging';
import { CardHost, HOST_TAG } from './card-host';

const MARK = 'assay-mention';
const ACTIVE = 'assay-mention-active';
const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 350;
const RESCAN_MS = 250;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return; // nothing to paint with
    const index = await request({ type: 'getIndex' });
    if (ctx.isInvalid || index.aliases.length === 0) return;
    const matcher = createMatcher(index);
    const annotator = new Annotator(matcher, {
      checkVisibility: true,
      exclude: (el) => el.tagName.toLowerCase() === HOST_TAG,
    });
    runAnnotator(ctx, annotator);
  },
});

function runAnnotator(ctx: ContentScriptContext, annotator: Annotator) {
  const lang = langFromTag(browser.i18n.getUILanguage());
  let active: PageMention | undefined;
  let rescanPending = false;
  const card = new CardHost(ctx, cardCss, lang, stringsFor(lang), () => {
    setActive(undefined);
    if (rescanPending) applyChanges();
  });

  const paint = () => CSS.highlights.set(MARK, new Highlight(...annotator.all().map((m) => m.range)));
  let pending: MutationRecord[] = [];
  const applyChanges = () => {
    rescanPending = false;
    const records = pending;
    pending = [];
    if (annotator.update(records)) paint();
  };
  const setActive = (mention: PageMention | undefined) => {
    active = mention;
    if (mention) CSS.highlights.set(ACTIVE, new Highlight(mention.range));
    else CSS.highlights.delete(ACTIVE);
  };

  let opening = 0;
  const openCard = async (mention: PageMention, focus: boolean) => {
    const ticket = ++opening;
    setActive(mention);
    try {
      const view = await request({ type: 'getEntity', id: mention.entityId });
      if (ticket !== opening || !view || ctx.isInvalid) return;
      await card.open(view, mention, focus);
    } catch (error) {
      console.warn('Assay: could not open the card', error);
    }
  };
  const closeCard = () => {
    opening++;
    card.close();
    setActive(undefined);
  };

  annotator.scan(document.body);
  paint();

  // Hover: open after a short pause on a mark, close once the pointer has left both mark and card.
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  let openedByHover = false;
  const mentionAt = (x: number, y: number): PageMention | undefined => {
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    const mention = annotator.mentionAtCaret(caret.node, caret.offset);
    return mention && rangeContainsPoint(mention.range, x, y) ? mention : undefined;
  };
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
        openedByHover = true;
        void openCard(mention, false);
      }, HOVER_OPEN_MS);
    } else {
      clearTimeout(openTimer);
      if (card.isOpen && openedByHover) {
        clearTimeout(closeTimer);
        closeTimer = window.setTimeout(closeCard, HOVER_CLOSE_MS);
      }
    }
  };
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch' || frame) return;
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
      if (card.isOpen && !card.contains(event.target)) closeCard();
    },
    { capture: true, passive: true },
  );

  // Keyboard path: Alt+Shift+J / K walk the marks (the page keeps its own keys elsewhere).
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && card.isOpen) {
        closeCard();
        return;
      }
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== 'KeyJ' && event.code !== 'KeyK') return;
      if (isEditable(event.target) && !card.contains(event.target)) return;
      const mentions = annotator.all();
      if (mentions.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.code === 'KeyJ' ? 1 : -1;
      const current = active ? mentions.indexOf(active) : -1;
      const next = mentions[(current + step + mentions.length) % mentions.length] ?? mentions[0]!;
      (next.range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      openedByHover = false;
      void openCard(next, true);
    },
    { capture: true },
  );

  // Pages change after load (comments, infinite scroll): rescan after the changes settle.
  let rescanTimer: number | undefined;
  const observer = new MutationObserver((records) => {
    const relevant = records.filter((r) => !card.contains(r.target));
    if (relevant.length === 0) return;
    pending.push(...relevant);
    // Throttle, not debounce: a page that never stops changing (a ticker) still gets rescanned.
    if (rescanTimer !== undefined) return;
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = undefined;
      // While a card is open its mention must stay put: rescan when it closes.
      if (card.isOpen) rescanPending = true;
      else applyChanges();
    }, RESCAN_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });

  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    clearTimeout(rescanTimer);
    CSS.highlights.delete(MARK);
    CSS.highlights.delete(ACTIVE);
  });
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
