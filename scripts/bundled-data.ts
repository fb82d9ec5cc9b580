/** The bundled dataset as the extension builds it (curated + imported), for the developer tools. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataset, type Dataset } from '../lib/schema';
import { mergeBundled, parseImported } from '../lib/data/bundle';

export const CURATED_PATH = resolve(import.meta.dirname, '../data/dataset.json');
export const IMPORTED_PATH = resolve(import.meta.dirname, '../data/imported.json');

/** Reads and validates data/dataset.json and data/imported.json, merged as the background merges them. */
export function loadBundled(curatedPath = CURATED_PATH, importedPath = IMPORTED_PATH): Dataset {
  const curated = parseDataset(JSON.parse(readFileSync(curatedPath, 'utf8')));
  return mergeBundled(curated, parseImported(JSON.parse(readFileSync(importedPath, 'utf8'))));
}
