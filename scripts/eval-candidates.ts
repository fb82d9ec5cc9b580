/**
 * A labelling aid for the evaluation corpus: every place in a text (a .txt file, or an .html file's
 * document textContent) where one of the dataset's names or aliases occurs, case-insensitively,
 * with its context and the entities that name. It knows nothing of the matcher: a labeller decides
 * for each place (and for names it does not list) whether the text means that entity.
 * Run: npx tsx scripts/eval-candidates.ts FILE...
 */
import { readFileSync } from 'node:fs';
import { pageText } from './eval-corpus';
import bundled from '../data/dataset.json';
import { parseDataset } from '../lib/schema';

const dataset = parseDataset(bundled);
const names = new Map<string, Set<string>>();
for (const e of dataset.entities) {
  for (const n of [e.name.en, e.name.zh, e.name.zhHant, ...e.aliases.map((a) => a.text)]) {
    if (!n) continue;
    const key = n.toLowerCase();
    if (!names.has(key)) names.set(key, new Set());
    names.get(key)!.add(e.id);
  }
}

/**
 * The text labels are found in: the file itself, or a page's textContent with script and style
 * text blanked (not removed), so the offsets printed are the evaluation's (`at` in a page's labels).
 */
export function textOf(file: string): string {
  const raw = readFileSync(file, 'utf8');
  return file.endsWith('.html') ? pageText(raw).visible : raw;
}

for (const file of process.argv.slice(2)) {
  const text = textOf(file);
  const lower = text.toLowerCase();
  const hits: { at: number; name: string; ids: string[] }[] = [];
  for (const [name, ids] of names) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      // Latin names at word boundaries only ("yi" is not in "everywhere"); CJK names anywhere.
      const word = /[\p{L}\p{N}]/u;
      const latin = /[a-z0-9]/;
      if (
        latin.test(name[0]!) &&
        at > 0 &&
        word.test(lower[at - 1]!) &&
        !/[\u2e80-\u9fff]/.test(lower[at - 1]!)
      )
        continue;
      const end = at + name.length;
      if (
        latin.test(name[name.length - 1]!) &&
        end < lower.length &&
        word.test(lower[end]!) &&
        !/[\u2e80-\u9fff]/.test(lower[end]!)
      )
        continue;
      hits.push({ at, name: text.slice(at, at + name.length), ids: [...ids] });
    }
  }
  hits.sort((a, b) => a.at - b.at || b.name.length - a.name.length);
  console.log(`# ${file}: ${hits.length} places`);
  for (const h of hits) {
    const context = text.slice(Math.max(0, h.at - 50), h.at + h.name.length + 50).replace(/\s+/g, ' ');
    console.log(`${h.at}\t${h.name}\t${h.ids.join(',')}\t…${context}…`);
  }
}
