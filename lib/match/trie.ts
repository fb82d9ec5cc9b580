/**
 * A trie over normalised alias keys, in a flat breadth-first layout: the background builds it once
 * per data revision (buildTrie) and a content script adopts it with a few typed-array fills, instead
 * of building an automaton on every page (which was most of a typical article's annotate time).
 *
 * Scanning walks the trie from each position where a name may start. Names in Latin script start
 * at a word boundary, so mid-word positions are skipped; CJK positions are all tried, and the walk
 * from each is short (a character or two unless a name is there). This needs no failure links.
 */
import { mayStartAt, type Normalized } from '../text/fold';

/** A raw hit: key `key` (see TrieData) covers [start, end) (normalised offsets). */
export interface Hit {
  start: number;
  end: number;
  key: number;
}

/**
 * The trie as plain data (it travels in a message, as JSON: two strings, mostly printable ASCII).
 * States are numbered breadth-first; a state's children are consecutive states, sorted by label.
 * Keys are numbered by the order of their end states.
 */
export interface TrieData {
  /** The code unit on the edge into each state (state 0, the root, has none). */
  labels: string;
  /** Per state, NODE_BASE + 2 × its number of children + 1 when a key ends there. */
  nodes: string;
}

// Keeps the usual node codes printable, so JSON carries them as single bytes, not \u escapes.
const NODE_BASE = 0x30;

/**
 * Builds the trie of `keys` (normalised, distinct, non-empty). Returns it with `ids`: the trie's
 * key number of each key.
 */
export function buildTrie(keys: readonly string[]): { trie: TrieData; ids: number[] } {
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const labels: number[] = [0];
  const nodes: number[] = [];
  const ids = new Array<number>(keys.length).fill(-1);
  let nextId = 0;
  // Each state covers a run of the sorted keys sharing its prefix; its children split the run by
  // the next code unit. States are created in breadth-first order, so a state's children are
  // consecutive and come out sorted.
  const runs: [lo: number, hi: number, depth: number][] = [[0, order.length, 0]];
  for (let state = 0; state < runs.length; state++) {
    let [lo] = runs[state]!;
    const [, hi, depth] = runs[state]!;
    let ends = 0;
    if (lo < hi && keys[order[lo]!]!.length === depth) {
      ids[order[lo++]!] = nextId++;
      ends = 1;
    }
    let count = 0;
    while (lo < hi) {
      const code = keys[order[lo]!]!.charCodeAt(depth);
      let end = lo + 1;
      while (end < hi && keys[order[end]!]!.charCodeAt(depth) === code) end++;
      runs.push([lo, end, depth + 1]);
      labels.push(code);
      count++;
      lo = end;
    }
    // A state has at most one child per code unit, so this stays below the surrogate range.
    nodes.push(NODE_BASE + 2 * count + ends);
  }
  return { trie: { labels: fromCodes(labels), nodes: fromCodes(nodes) }, ids };
}

function fromCodes(codes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Children lists longer than this are binary-searched. */
const LINEAR_MAX = 8;

export class Trie {
  private readonly labels: string;
  /** Children of state s are states childStart[s] .. childStart[s + 1] - 1. */
  private readonly childStart: Int32Array;
  /** Key ending at each state, or -1. */
  private readonly out: Int32Array;
  /** The root's children by code unit (most positions of a text end their walk here). */
  private readonly rootNext = new Int32Array(0x10000);

  /** How many keys the trie holds. */
  readonly keyCount: number;

  constructor(data: TrieData) {
    const states = data.nodes.length;
    this.labels = data.labels;
    this.childStart = new Int32Array(states + 1);
    this.out = new Int32Array(states);
    let next = 1;
    let keys = 0;
    for (let s = 0; s < states; s++) {
      const node = data.nodes.charCodeAt(s) - NODE_BASE;
      this.childStart[s] = next;
      next += node >> 1;
      this.out[s] = node & 1 ? keys++ : -1;
    }
    this.childStart[states] = next;
    this.keyCount = keys;
    for (let c = this.childStart[0]!; c < this.childStart[1]!; c++)
      this.rootNext[this.labels.charCodeAt(c)] = c;
  }

  /** The number of a key (normalised), or -1 when the trie does not hold it. */
  lookup(key: string): number {
    if (key.length === 0) return -1;
    let state = this.rootNext[key.charCodeAt(0)]!;
    for (let i = 1; i < key.length && state !== 0; i++) state = this.child(state, key.charCodeAt(i));
    return state === 0 ? -1 : this.out[state]!;
  }

  private child(state: number, code: number): number {
    let lo = this.childStart[state]!;
    let hi = this.childStart[state + 1]!;
    if (hi - lo <= LINEAR_MAX) {
      for (; lo < hi; lo++) if (this.labels.charCodeAt(lo) === code) return lo;
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const label = this.labels.charCodeAt(mid);
      if (label === code) return mid;
      if (label < code) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /**
   * Every occurrence of every key in normalised text, by start. With the source `text`, positions
   * inside a Latin word are skipped (see mayStartAt): no name starts there.
   */
  scan(norm: Normalized, text?: string): Hit[] {
    const hits: Hit[] = [];
    const { codes, origin, length } = norm;
    for (let i = 0; i < length; i++) {
      let state = this.rootNext[codes[i]!]!;
      if (state === 0) continue;
      if (text !== undefined) {
        const at = origin[i]!;
        if (!mayStartAt(text, at)) continue;
      }
      for (let j = i + 1; ; j++) {
        const key = this.out[state]!;
        if (key !== -1) hits.push({ start: i, end: j, key });
        if (j >= length) break;
        state = this.child(state, codes[j]!);
        if (state === 0) break;
      }
    }
    return hits;
  }
}
