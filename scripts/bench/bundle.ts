/** Bundles the page-side entries (with the lib/ code under test) into IIFEs with esbuild, in memory. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export type EntryName = 'page' | 'floor' | 'markjs' | 'search';

const FILES: Record<EntryName, string> = {
  page: 'page-entry.ts',
  floor: 'floor-entry.ts',
  markjs: 'markjs-entry.ts',
  search: 'search-entry.ts',
};

/** The IIFE source of each entry. Identifiers are kept so CPU profiles name lib/ functions. */
export async function bundleEntries(): Promise<Record<EntryName, string>> {
  const out = {} as Record<EntryName, string>;
  for (const [name, file] of Object.entries(FILES) as [EntryName, string][]) {
    const result = await build({
      entryPoints: [resolve(import.meta.dirname, file)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: false,
      logLevel: 'silent',
    });
    out[name] = result.outputFiles[0]!.text;
  }
  return out;
}
