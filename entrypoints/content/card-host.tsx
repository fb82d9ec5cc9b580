/**
 * The one card on a page: a shadow-root host (page CSS cannot reach in, our CSS cannot leak out),
 * mounted on first use, with a Preact EntityCard placed next to the mention.
 */
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { EntityCard } from '../../components/EntityCard';
import type { EntityView } from '../../lib/messages/protocol';
import { liveRange, type PageMention } from '../../lib/dom/annotator';
import { placeCard } from '../../lib/dom/position';
import type { CardStrings, Lang } from '../../lib/i18n-card';

export const HOST_TAG = 'assay-card';
/** The custom property page.css sets on the host; the card is displayed only while it is set. */
export const SHOWN_VAR = '--assay-card-display';

export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLDivElement> | undefined;
  private mounting: Promise<ShadowRootContentScriptUi<HTMLDivElement>> | undefined;
  private restoreFocus: Element | null = null;
  openFor: { entityId: string; range: AbstractRange } | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly css: string,
    private readonly onClosed: () => void,
  ) {}

  private mount() {
    this.mounting ??= createShadowRootUi(this.ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: this.css,
      onMount: (container) => {
        const frame = document.createElement('div');
        frame.className = 'assay-frame';
        container.append(frame);
        return frame;
      },
      onRemove: (frame) => {
        if (frame) render(null, frame);
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }

  /** True when `target` is inside the card (events from the shadow root retarget to its host). */
  contains(target: EventTarget | null): boolean {
    return !!this.ui && target instanceof Node && this.ui.shadowHost.contains(target);
  }

  get isOpen(): boolean {
    return this.openFor !== undefined;
  }

  /** Shows `view` next to `range`; with `focus`, moves keyboard focus into the card. */
  async open(
    view: EntityView,
    mention: PageMention,
    focus: boolean,
    lang: Lang,
    strings: CardStrings,
  ): Promise<void> {
    const { range } = mention;
    const live = liveRange(mention);
    const ui = await this.mount();
    const frame = ui.mounted;
    if (!frame) return;
    if (focus && !this.isOpen) this.restoreFocus = document.activeElement;
    this.openFor = { entityId: view.entity.id, range };
    const rects = live.getClientRects();
    const anchor = rects[0] ?? live.getBoundingClientRect();
    const place = placeCard(anchor, { width: window.innerWidth, height: window.innerHeight });
    Object.assign(frame.style, {
      position: 'fixed',
      zIndex: '2147483647',
      left: `${place.left}px`,
      width: `${place.width}px`,
      maxHeight: `${place.maxHeight}px`,
      top: place.top === undefined ? 'auto' : `${place.top}px`,
      bottom: place.bottom === undefined ? 'auto' : `${place.bottom}px`,
      // Shown only while the stylesheet the manifest injects (page.css) defines the variable: when
      // Firefox uninstalls or disables the extension it removes that stylesheet but runs none of
      // our code, and a card left open must not stay on the page.
      display: `var(${SHOWN_VAR}, none)`,
    });
    render(
      <EntityCard
        view={view}
        lang={lang}
        strings={strings}
        matchedText={mention.text}
        matchedFuzzy={mention.match === 'fuzzy'}
        claim={mention.claim && { kind: mention.claim.kind, text: mention.claim.text }}
        idPrefix="assay-card"
        onClose={() => this.close()}
      />,
      frame,
    );
    if (focus) frame.querySelector<HTMLElement>('.assay-card')?.focus({ preventScroll: true });
  }

  /** Hides the card and, if the keyboard opened it, gives focus back to where it was. */
  close(): void {
    if (!this.isOpen) return;
    this.openFor = undefined;
    const frame = this.ui?.mounted;
    if (frame) {
      render(null, frame);
      frame.style.display = 'none';
    }
    const previous = this.restoreFocus;
    this.restoreFocus = null;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    this.onClosed();
  }
}
