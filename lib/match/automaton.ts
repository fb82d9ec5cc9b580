/**
 * Aho–Corasick automaton over normalised alias keys. Scanning costs one transition per code unit of
 * text whatever the number of aliases; the build is paid once per matcher index.
 *
 * Layout: the root's transitions are a dense table (most text characters are read from the root);
 * every other state keeps its few transitions as a linked list of edges in flat number arrays,
 * which builds fast and leaves little garbage for the collector.
 */
import type { Normalized } from '../text/fold';

/** A raw hit: key `key` (index into the keys passed to the constructor) ends at `end` (exclusive). */
export interface Hit {
  start: number;
  end: number;
  key: number;
}

export class Automaton {
  private readonly rootNext = new Int32Array(0x10000);
  /** First outgoing edge of each state (-1 = none). */
  private readonly firstEdge: number[] = [-1];
  private readonly edgeCode: number[] = [];
  private readonly edgeTarget: number[] = [];
  private readonly edgeNext: number[] = [];
  private readonly fail: number[] = [0];
  /** Key index ending at this state, or -1. */
  private readonly out: number[] = [-1];
  /** Nearest state on the failure chain that has an output (0 = none). */
  private readonly outLink: number[] = [0];
  private readonly depth: number[] = [0];

  /** Builds the automaton; `keys` must already be normalised (normalizeKey). */
  constructor(keys: readonly string[]) {
    keys.forEach((key, index) => this.insert(key, index));
    this.linkFailures();
  }

  private child(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]!;
    for (let e = this.firstEdge[state]!; e !== -1; e = this.edgeNext[e]!) {
      if (this.edgeCode[e] === code) return this.edgeTarget[e]!;
    }
    return 0;
  }

  private insert(key: string, index: number): void {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let target = this.child(state, code);
      if (target === 0) {
        target = this.fail.length;
        this.fail.push(0);
        this.out.push(-1);
        this.outLink.push(0);
        this.depth.push(this.depth[state]! + 1);
        this.firstEdge.push(-1);
        if (state === 0) this.rootNext[code] = target;
        else {
          this.edgeCode.push(code);
          this.edgeTarget.push(target);
          this.edgeNext.push(this.firstEdge[state]!);
          this.firstEdge[state] = this.edgeCode.length - 1;
        }
      }
      state = target;
    }
    if (key.length > 0 && this.out[state] === -1) this.out[state] = index;
  }

  private linkFailures(): void {
    // Breadth-first, so every failure target is final before its dependants are computed.
    const queue: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const target = this.rootNext[code]!;
      if (target !== 0) queue.push(target);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (let e = this.firstEdge[state]!; e !== -1; e = this.edgeNext[e]!) {
        const code = this.edgeCode[e]!;
        const target = this.edgeTarget[e]!;
        let f = this.fail[state]!;
        while (f !== 0 && this.child(f, code) === 0) f = this.fail[f]!;
        const fallback = this.child(f, code);
        this.fail[target] = fallback === target ? 0 : fallback;
        const ft = this.fail[target]!;
        this.outLink[target] = this.out[ft] !== -1 ? ft : this.outLink[ft]!;
        queue.push(target);
      }
    }
  }

  /** Every occurrence of every key in normalised text, in order of end position (normalised offsets). */
  scan(text: Normalized): Hit[] {
    const hits: Hit[] = [];
    const { codes, length } = text;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      let target = this.child(state, code);
      while (target === 0 && state !== 0) {
        state = this.fail[state]!;
        target = this.child(state, code);
      }
      state = target;
      if (state === 0) continue;
      for (let s = this.out[state] !== -1 ? state : this.outLink[state]!; s !== 0; s = this.outLink[s]!) {
        hits.push({ start: i + 1 - this.depth[s]!, end: i + 1, key: this.out[s]! });
      }
    }
    return hits;
  }
}
