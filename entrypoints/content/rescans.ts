/**
 * Pages change after load (comments, infinite scroll, text revealed by a class change): the changed
 * blocks are rescanned, throttled so a page that never stops changing (a ticker) is still rescanned,
 * and held back while a card is open (its mark must stay put) or the first scan runs.
 */
import type { ContentScriptContext } from '#imports';
import { REVEALING_ATTRIBUTES, type Annotator } from '../../lib/dom/annotator';

const RESCAN_MS = 250;

/** What the page's changes are watched for: text, nodes, and attributes that may reveal text. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: REVEALING_ATTRIBUTES,
};

export interface RescanHost {
  /** True while a card is open or the first scan runs: changes wait. */
  busy(): boolean;
  /** True for a node that belongs to Assay (the card), whose changes are not the page's. */
  ours(target: Node): boolean;
  /** Applies the annotator's update (repaints when it changed anything). */
  apply(records: MutationRecord[]): void;
}

export class Rescanner {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private timer: number | undefined;

  /** Watches nothing until `observe` is called. */
  constructor(
    private readonly ctx: ContentScriptContext,
    annotator: Annotator,
    private readonly host: RescanHost,
  ) {
    this.observer = new MutationObserver((records) => {
      // Class and style changes are frequent and nearly always irrelevant: only those that may
      // reveal text the scan left out (see Annotator.mayReveal) wake a rescan.
      const relevant = records.filter(
        (r) =>
          !host.ours(r.target) && (r.type !== 'attributes' || annotator.mayReveal(r.target, r.attributeName)),
      );
      if (relevant.length === 0) return;
      this.pending.push(...relevant);
      if (this.timer !== undefined) return;
      this.timer = ctx.setTimeout(() => {
        this.timer = undefined;
        if (!host.busy()) this.flush();
      }, RESCAN_MS);
    });
  }

  /** Watches a document body or an open shadow root. */
  observe(root: Node): void {
    this.observer.observe(root, OBSERVED);
  }

  /** Rescans what changed while the session was busy (a card closed, the first scan ended). */
  flush(): void {
    if (this.pending.length === 0 || this.host.busy()) return;
    const records = this.pending;
    this.pending = [];
    this.host.apply(records);
  }

  /** Stops watching. */
  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
  }
}
