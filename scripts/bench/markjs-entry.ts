/**
 * Page side of the mark.js 8.11.1 run: the same alias list, fed 25 names per call (one call with
 * thousands of names overflows mark.js's stack). Latin names must stand as whole words (accuracy
 * "exactly" with punctuation limiters); CJK names need accuracy "partially". The whole run is one
 * task, stopped after `capMs` and extrapolated linearly from the share of names done.
 */
import Mark from 'mark.js';
import { finishTask, now, startTask } from './harness';

const CJK = /[\u3400-\u9fff]/;
const CHUNK = 25;
const EXCLUDE = ['script', 'style', 'noscript', 'textarea', 'input', 'select', 'button', 'code', 'pre'];
const LIMITERS = [',', '.', ';', ':', '!', '?', '"', "'", '(', ')', '[', ']', '’', '“', '”', '—'];

export interface MarkjsResult {
  /** Measured ms (up to the cap). */
  elapsedMs: number;
  /** Estimated ms for the whole list (= elapsedMs when not capped). */
  markjsMs: number;
  capped: boolean;
  namesDone: number;
  names: number;
  marks: number;
}

function run(names: string[], capMs: number): MarkjsResult {
  const latin = names.filter((n) => !CJK.test(n));
  const cjk = names.filter((n) => CJK.test(n));
  // Interleave Latin and CJK chunks in proportion, so a capped run's share is representative.
  const chunks: { words: string[]; cjk: boolean }[] = [];
  const nl = Math.ceil(latin.length / CHUNK);
  const nc = Math.ceil(cjk.length / CHUNK);
  for (let i = 0, j = 0; i < nl || j < nc;) {
    if (j >= nc || (i < nl && i / nl <= j / nc))
      chunks.push({ words: latin.slice(i * CHUNK, ++i * CHUNK), cjk: false });
    else chunks.push({ words: cjk.slice(j * CHUNK, ++j * CHUNK), cjk: true });
  }
  const instance = new Mark(document.body);
  const t0 = now();
  let done = 0;
  for (const chunk of chunks) {
    instance.mark(chunk.words, {
      separateWordSearch: false,
      accuracy: chunk.cjk ? 'partially' : { value: 'exactly', limiters: LIMITERS },
      exclude: EXCLUDE,
    });
    done += chunk.words.length;
    if (now() - t0 > capMs) break;
  }
  const elapsedMs = now() - t0;
  return {
    elapsedMs,
    markjsMs: done < names.length ? (elapsedMs * names.length) / done : elapsedMs,
    capped: done < names.length,
    namesDone: done,
    names: names.length,
    marks: document.getElementsByTagName('mark').length,
  };
}

const bench = {
  run: (names: string[], capMs: number) => startTask(() => run(names, capMs)),
  finish: finishTask,
};

declare global {
  interface Window {
    __markjsBench: typeof bench;
  }
}
window.__markjsBench = bench;
