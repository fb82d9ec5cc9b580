/**
 * How a reader opens and closes cards: hovering a mark (or clicking it, by setting), pressing
 * outside the card, Escape, and Alt+Shift+J / K to walk the marks by keyboard.
 */
import type { ContentScriptContext } from '#imports';
import type { PageMention } from '../../lib/dom/annotator';
import type { Settings } from '../../lib/settings';
import type { CardHost } from './card-host';
import { isEditable } from './caret';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 350;

/** The session as the triggers see it. */
export interface CardSession {
  readonly stopped: boolean;
  readonly settings: Settings;
  readonly card: CardHost;
  /** The mention whose card is open or opening. */
  readonly active: PageMention | undefined;
  /** True when the open card was opened by hovering (it then closes when the pointer leaves). */
  readonly openedByPointer: boolean;
  mentionAt(x: number, y: number): PageMention | undefined;
  /** The marks a reader can walk, in page order. */
  shown(): readonly PageMention[];
  open(mention: PageMention, how: { focus: boolean; byPointer: boolean }): void;
  /** Scrolls to a mention and opens its card with the focus in it. */
  show(mention: PageMention): void;
  close(): void;
}

/** Wires the triggers to the page (removed with `ctx`); returns what clears their timers. */
export function watchCardTriggers(ctx: ContentScriptContext, session: CardSession): () => void {
  const { card } = session;
  // Hover: open after a short pause on a mark, close once the pointer has left both mark and card.
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  const onPointer = (x: number, y: number, target: EventTarget | null) => {
    if (card.contains(target)) {
      clearTimeout(closeTimer);
      return;
    }
    const mention = session.mentionAt(x, y);
    if (mention) {
      clearTimeout(closeTimer);
      if (card.isOpen && card.openFor?.range === mention.range) return;
      clearTimeout(openTimer);
      openTimer = window.setTimeout(
        () => session.open(mention, { focus: false, byPointer: true }),
        HOVER_OPEN_MS,
      );
    } else {
      clearTimeout(openTimer);
      if (card.isOpen && session.openedByPointer) {
        clearTimeout(closeTimer);
        closeTimer = window.setTimeout(() => session.close(), HOVER_CLOSE_MS);
      }
    }
  };
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (
        session.stopped ||
        session.settings.cardTrigger !== 'hover' ||
        event.pointerType === 'touch' ||
        frame
      )
        return;
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
      if (!session.stopped && card.isOpen && !card.contains(event.target)) session.close();
    },
    { capture: true, passive: true },
  );

  // Click mode: a click on a mark opens its card (links inside marks keep working).
  ctx.addEventListener(document, 'click', (event) => {
    if (session.stopped || session.settings.cardTrigger !== 'click' || event.button !== 0) return;
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    const mention = session.mentionAt(event.clientX, event.clientY);
    if (mention) session.open(mention, { focus: false, byPointer: false });
  });

  // Keyboard path: Alt+Shift+J / K walk the marks (the page keeps its own keys elsewhere).
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      if (session.stopped) return;
      if (event.key === 'Escape' && card.isOpen) {
        session.close();
        return;
      }
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== 'KeyJ' && event.code !== 'KeyK') return;
      if (isEditable(event.target) && !card.contains(event.target)) return;
      const mentions = session.shown();
      if (mentions.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.code === 'KeyJ' ? 1 : -1;
      const current = session.active ? mentions.indexOf(session.active) : -1;
      session.show(mentions[(current + step + mentions.length) % mentions.length] ?? mentions[0]!);
    },
    { capture: true },
  );

  return () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };
}
