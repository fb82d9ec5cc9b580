/**
 * The scan CLI's engine: the content script's own Annotator and matcher, run on a saved page parsed
 * by happy-dom (which computes styles, so hidden elements are skipped as in the browser) or on a
 * plain text file (one block per paragraph).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { parseDataset, type Entity } from '../lib/schema';
import { loadBundled } from './bundled-data';
import type { ClaimKind } from '../lib/claims/detect';
import { Annotator } from '../lib/dom/annotator';
import { paragraphs } from './paragraphs';
import { createMatcher } from '../lib/match/matcher-index';
import { buildMatcherIndex } from '../lib/match/build-index';

/** A claim cue as the scan reports it. */
export interface ScanClaim {
  start: number;
  end: number;
  text: string;
  kind: ClaimKind;
  entity: { id: string };
}

export interface ScanResult {
  mentions: ScanMention[];
  claims: ScanClaim[];
}

export interface ScanMention {
  start: number;
  end: number;
  text: string;
  entity: { id: string; name: string; type: string };
  match: 'exact' | 'fuzzy';
  score: number;
}

export interface Scanner {
  scanHtml: (html: string) => ScanMention[];
  scanText: (text: string) => ScanMention[];
  /** Mentions and claim cues (lib/claims/detect.ts) of a page. */
  scanHtmlFull: (html: string) => ScanResult;
  scanTextFull: (text: string) => ScanResult;
  entities: ReadonlyMap<string, Entity>;
}

/** Builds a scanner over a dataset file (the bundled data by default). */
export function createScanner(datasetPath?: string, options: { fuseThreshold?: number } = {}): Scanner {
  // Without a file, the data the extension bundles (curated and imported).
  const dataset = datasetPath ? parseDataset(JSON.parse(readFileSync(datasetPath, 'utf8'))) : loadBundled();
  const index = buildMatcherIndex(dataset.entities, dataset.asOf);
  const matcher = createMatcher(index, options);
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));

  const run = (document: Document, offsetOf: (node: Text) => number): ScanResult => {
    const annotator = new Annotator(matcher, { checkVisibility: true, chromeWords: index.chromeWords });
    annotator.scan(document.body);
    const span = (range: AbstractRange) => ({
      start: offsetOf(range.startContainer as Text) + range.startOffset,
      end: offsetOf(range.endContainer as Text) + range.endOffset,
    });
    const mentions = annotator.shown().map((m) => {
      const entity = entities.get(m.entityId)!;
      return {
        ...span(m.range),
        text: m.text,
        entity: { id: entity.id, name: entity.name.en, type: entity.type },
        match: m.match,
        score: m.score,
      };
    });
    const claims = annotator
      .claims()
      .map((c) => ({ ...span(c.range), text: c.text, kind: c.kind, entity: { id: c.entityId } }))
      .sort((a, b) => a.start - b.start);
    return { mentions, claims };
  };

  const newDocument = (html: string): { window: Window; document: Document } => {
    const window = new Window({
      settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
    });
    window.document.write(html);
    return { window, document: window.document as unknown as Document };
  };

  return {
    entities,
    scanHtml: (html) => scanHtmlFull(html).mentions,
    scanText: (text) => scanTextFull(text).mentions,
    scanHtmlFull,
    scanTextFull,
  };

  /** Offsets are into the document's text content (`document.documentElement.textContent`). */
  function scanHtmlFull(html: string): ScanResult {
    const { window, document } = newDocument(html);
    const offsets = new Map<Node, number>();
    let offset = 0;
    const walker = document.createTreeWalker(document.documentElement, 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      offsets.set(node, offset);
      offset += (node as Text).data.length;
    }
    const result = run(document, (node) => offsets.get(node)!);
    void window.happyDOM.close();
    return result;
  }
  /** Offsets are into the text as given; paragraphs (blank-line separated) are the blocks. */
  function scanTextFull(text: string): ScanResult {
    const { window, document } = newDocument('<!doctype html><body></body>');
    const starts = new Map<Node, number>();
    for (const paragraph of paragraphs(text)) {
      const p = document.createElement('p');
      p.textContent = paragraph.text;
      document.body.append(p);
      starts.set(p.firstChild!, paragraph.start);
    }
    const result = run(document, (node) => starts.get(node)!);
    void window.happyDOM.close();
    return result;
  }
}
