import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEpoch } from '../../scripts/import/epoch';
import { parseChineseList } from '../../scripts/import/cn-list';
import { nameUse } from '../../scripts/import/words';
import { buildImport, splitName } from '../../scripts/import/build';
import { mergeBundled, parseImported } from '../../lib/data/bundle';
import { parseDataset } from '../../lib/schema';
import { bundledRegistry } from '../../lib/sources/bundled';
import { createScanner } from '../../scripts/scan-core';

const curated = parseDataset(JSON.parse(readFileSync('data/dataset.json', 'utf8')));
const epoch = parseEpoch(readFileSync('data/sources/epoch-notable-ai-models.csv', 'utf8'));
const chineseList = parseChineseList(readFileSync('data/sources/awesome-llms-in-china.md', 'utf8'));
const manifest = JSON.parse(readFileSync('data/sources/manifest.json', 'utf8')) as {
  file: string;
  sha256: string;
}[];
const sources = manifest.map(({ file, sha256 }) => ({ file, sha256 }));
const run = () =>
  buildImport({ curated: curated.entities, epoch, chineseList, registry: bundledRegistry(), sources });

describe('importer', () => {
  it('reads every row of both snapshots', () => {
    expect(epoch).toHaveLength(976);
    expect(epoch.find((r) => r.model === 'DeepSeek-V3')).toMatchObject({
      organizations: ['DeepSeek'],
      parameters: 671e9,
      hardware: 'NVIDIA H800 SXM5',
      hardwareQuantity: 2048,
    });
    expect(chineseList.length).toBeGreaterThan(240);
    expect(chineseList[0]).toMatchObject({ company: '百度', product: '文心一言' });
  });

  it('is deterministic and never duplicates a curated entity', () => {
    const a = run();
    const b = run();
    expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data));
    const curatedIds = new Set(curated.entities.map((e) => e.id));
    expect(a.data.entities.filter((e) => curatedIds.has(e.id))).toEqual([]);
    // DeepSeek-V3 is curated: the row gives it facts, not a second entity.
    expect(a.data.entities.some((e) => e.name.en === 'DeepSeek-V3')).toBe(false);
    expect(a.data.facts['deepseek-v3']).toMatchObject({
      parameters: 671e9,
      trainingHardware: { chip: 'nvidia-h800', quantity: 2048 },
      access: 'open-weights-restricted',
    });
  });

  it('links imported models to their developer, family and base model, with sources that credit Epoch AI', () => {
    const { entities } = run().data;
    const byName = (name: string) => entities.find((e) => e.name.en === name)!;
    expect(byName('AlphaFold 2').links?.developer).toBe('google-deepmind');
    expect(byName('Qwen2.5-72B').links?.family).toBe('qwen');
    expect(byName('Qwen2.5-72B').facts!.sources.at(-1)!.publisher).toBe('Epoch AI');
    // A checkpoint of a curated model (its name and a size) belongs to that model; an edition does not.
    expect(byName('Llama 2-7B').links?.family).toBe('llama-2');
    expect(byName('GPT-4o mini').links?.family).toBeUndefined();
    // A checkpoint's row that gives its series' Chinese name: found by search, never marked.
    expect(byName('ERNIE-4.5-VL-424B-A47B').aliases.find((a) => a.text === '文心大模型4.5')).toMatchObject({
      searchOnly: true,
    });
    expect(entities.some((e) => e.links?.base?.length)).toBe(true);
  });

  it('keeps ordinary words from being marked', () => {
    expect(nameUse('Transformer')).toBe('search-only');
    expect(nameUse('Infinity')).toBe('search-only');
    expect(nameUse('Gen-2')).toBe('needs-context');
    expect(nameUse('Decision Transformer')).toBe('needs-context');
    expect(nameUse('AlphaFold')).toBe('plain');
    expect(nameUse('PaLM 2')).toBe('plain');
    expect(nameUse('文心一言')).toBe('plain');
    expect(splitName('GPT-4o (Mar 2025)')).toEqual({ base: 'GPT-4o', note: 'Mar 2025' });
  });

  it('merges with curated data winning, and the committed import is current', () => {
    const imported = parseImported(JSON.parse(readFileSync('data/imported.json', 'utf8')));
    const merged = mergeBundled(curated, imported);
    expect(merged.entities.length).toBeGreaterThanOrEqual(1000);
    expect(merged.version).toBe(`${curated.version}+${imported.version}`);
    // Re-running the importer on the committed snapshots gives the committed file (run
    // `npm run data:import` after changing curated data or the importer).
    expect(run().data.version).toBe(imported.version);
  });
});

describe('coverage', { timeout: 60_000 }, () => {
  const items = JSON.parse(readFileSync('tests/fixtures/coverage-names.json', 'utf8')) as {
    lang: string;
    sentence: string;
    name: string;
  }[];

  it('npm run scan finds at least 95% of 132 recent names (models, companies, chips, both languages) whole', () => {
    // One file per sentence, so no sentence lends another its context; one CLI run over all of them.
    const dir = mkdtempSync(join(tmpdir(), 'assay-coverage-'));
    const files = items.map((item, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
      writeFileSync(file, item.sentence);
      return file;
    });
    const out = execFileSync(resolve('node_modules/.bin/tsx'), ['scripts/scan.ts', '--json', ...files], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    rmSync(dir, { recursive: true, force: true });
    const result = JSON.parse(out) as {
      files: { file: string; mentions: { start: number; end: number }[] }[];
    };
    const missed = items.filter(({ sentence, name }, i) => {
      const at = sentence.indexOf(name);
      const mentions = result.files.find((f) => f.file === files[i])?.mentions ?? [];
      return !mentions.some((m) => m.start <= at && m.end >= at + name.length);
    });
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(items.filter((i) => i.lang === 'zh').length).toBeGreaterThanOrEqual(40);
    expect(missed.length, missed.map((m) => m.name).join(', ')).toBeLessThanOrEqual(items.length * 0.05);
  });
});

describe('versions the data lacks', () => {
  const scanner = createScanner();
  const found = (text: string) => scanner.scanText(text).map((m) => `${m.text}→${m.entity.id}`);

  it('link to their family, never to nothing or a sibling', () => {
    expect(found('Anthropic released Claude Opus 5 today.')).toEqual([
      'Anthropic→anthropic',
      'Claude Opus 5→claude',
    ]);
    expect(found('Alibaba launched Qwen4-Max this week.')).toEqual(['Alibaba→alibaba', 'Qwen4-Max→qwen']);
    expect(found('Google unveiled Gemini Ultra 2.')).toEqual(['Google→google', 'Gemini Ultra 2→gemini']);
    expect(found('The Opus 5 album sold well.')).toEqual([]);
  });
});
