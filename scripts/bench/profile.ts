/**
 * Attributes a V8 CPU profile (CDP Profiler) of one annotate run to the phases of the annotate path:
 * each sample goes to the innermost known function on its stack.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * [function name, phase, required caller name, wins from anywhere on the stack]. A sample goes to the
 * innermost matching frame, unless a frame marked "anywhere" is on its stack. esbuild may suffix a
 * digit to deduplicate names.
 */
export type PhaseTable = [RegExp, string, RegExp?, boolean?][];

/** The annotate path's phases, checked innermost first. */
export const ANNOTATE_PHASES: PhaseTable = [
  [/^\(garbage collector\)$/, 'gc'],
  [/^(checkVisibility|isRendered|withoutHidden)$/, 'extract: hidden-text check'],
  [/^(isSkippedElement|isInsideSkipped|isEditingHost)$/, 'extract: skip checks'],
  [/^blockAncestor$/, 'extract: block lookup'],
  [/^(collectBlocks|iterateBlocks|take)$/, 'extract: walk + join'],
  [/^(Trie|AliasMatcher|createMatcher|compileCues|keyInfo|nameOf|lookup)$/, 'build: adopt compiled index'],
  [/^link$/, 'match: fuzzy link (fuse.js)'],
  [/^modelTokens$/, 'match: model tokens'],
  [/^(normalize|normalizeScratch|normalizeInto|foldCode)$/, 'match: normalize'],
  [/^(scan|child)$/, 'match: trie walk', /^(find|scan)$/],
  [
    /^(exactCandidate|endAtWordBoundary|selectLeftmostLongest|stripSeparators|foldWidth)$/,
    'match: candidates',
  ],
  [/^find$/, 'match: find (other)'],
  [/^resolve$/, 'settle: resolve ambiguous'],
  [/^(rangeFor|markRange|nodeIndexAt|place)$/, 'ranges: place + markRange'],
  [/^contextRegion$/, 'regions: contextRegion'],
  [/^(settle|sameMentions)$/, 'settle (other)'],
  [/^(record|add|regionOf|scanBlock)$/, 'bookkeeping'],
  [/^all$/, 'order: sort mentions'],
  [/^(forget|forgetBlock|pruneDisconnected)$/, 'update: forget old blocks'],
  [/^update$/, 'update (other)'],
  [/^(paint|painter|Highlight|set|setNear|ranges|rangesOf|takeChanged)$/, 'register highlights'],
  [/^(step|startScan|slice)$/, 'scan (other)'],
  [/^JSON\.parse|^parse$/, 'parse index'],
];

/** The popup search's phases (lib/data/search.ts). */
export const SEARCH_PHASES: PhaseTable = [
  [/^\(garbage collector\)$/, 'gc'],
  [/^searchNotes$/, 'notes: fuse.js', undefined, true],
  [/^SearchIndex$/, 'build', undefined, true],
  [
    /^(_searchStringList|_searchObjectList|_searchLogical|searchIn|calcScore|computeScore|Fuse|createIndex)$/,
    'names: fuse.js',
  ],
  [/^search$/, 'names: fuse.js', /^(searchIn|search)$/],
  [/^(normalizeKey|normalize)$/, 'normalize query'],
  [/^search$/, 'names: exact/prefix loop + ranking'],
];

function phaseOf(
  table: PhaseTable,
  name: string,
  parent: string | undefined,
  anywhere: boolean,
): string | undefined {
  const base = name.replace(/\d+$/, '');
  for (const [pattern, phase, parentPattern, everywhere] of table) {
    if (anywhere !== !!everywhere || !pattern.test(base)) continue;
    if (parentPattern && !(parent !== undefined && parentPattern.test(parent.replace(/\d+$/, '')))) continue;
    return phase;
  }
  return undefined;
}

export interface ProfileSummary {
  totalMs: number;
  phases: { phase: string; ms: number; share: number }[];
  /** Self time per function, top entries. */
  top: { fn: string; ms: number }[];
}

export function summarizeProfile(
  profile: CpuProfile,
  table: PhaseTable = ANNOTATE_PHASES,
  topN = 12,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseCache = new Map<number, string>();
  const nameOf = (id: number | undefined) =>
    id === undefined ? undefined : byId.get(id)!.callFrame.functionName;
  const match = (id: number, anywhere: boolean): string | undefined => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const phase = phaseOf(table, nameOf(cur)!, nameOf(parent.get(cur)), anywhere);
      if (phase) return phase;
    }
    return undefined;
  };
  const phaseFor = (id: number): string => {
    let result = phaseCache.get(id);
    if (!result) {
      result = match(id, true) ?? match(id, false) ?? 'other';
      phaseCache.set(id, result);
    }
    return result;
  };
  const phases = new Map<string, number>();
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    total += ms;
    const phase = phaseFor(id);
    phases.set(phase, (phases.get(phase) ?? 0) + ms);
    self.set(name, (self.get(name) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total,
    phases: sorted(phases).map(([phase, ms]) => ({ phase, ms, share: total ? ms / total : 0 })),
    top: sorted(self)
      .slice(0, topN)
      .map(([fn, ms]) => ({ fn, ms })),
  };
}
