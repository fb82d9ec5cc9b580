import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

const root = resolve(import.meta.dirname, '../..');
const page = resolve(root, 'tests/fixtures/pages/zh-hundred-models.html');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const scan = (...args: string[]) =>
  spawnSync(tsx, ['scripts/scan.ts', ...args], { cwd: root, encoding: 'utf8' });

// Each case starts the CLI as a process (tsx), about a second apiece.
describe('npm run scan', { timeout: 30_000 }, () => {
  it('prints exactly one JSON object whose offsets point at the mentions', () => {
    const txt = resolve(root, 'tests/fixtures/labelled-sample.txt');
    const out = execFileSync(tsx, ['scripts/scan.ts', '--json', page, txt], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out) as {
      files: {
        file: string;
        mentions: {
          start: number;
          end: number;
          text: string;
          entity: { id: string };
          match: string;
          score: number;
        }[];
      }[];
    };
    expect(result.files.map((f) => f.file)).toEqual([page, txt]);

    const window = new Window();
    window.document.write(readFileSync(page, 'utf8'));
    const textContent = window.document.documentElement.textContent!;
    const [html, plain] = result.files;
    expect(html!.mentions.length).toBeGreaterThan(20);
    for (const m of html!.mentions) expect(textContent.slice(m.start, m.end)).toBe(m.text);
    expect(html!.mentions.map((m) => m.text)).toContain('零一万物');
    expect(html!.mentions.find((m) => m.text === 'ＧＰＴ－４')?.entity.id).toBe('gpt-4');

    const text = readFileSync(txt, 'utf8');
    for (const m of plain!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(plain!.mentions.map((m) => [m.text, m.entity.id, m.match])).toEqual([
      ['OpenAI', 'openai', 'exact'],
      ['Qwen1.5-72B-Chat', 'qwen1-5-72b', 'fuzzy'],
      ['輝達', 'nvidia', 'exact'],
    ]);
    expect(plain!.mentions[1]!.score).toBeLessThan(1);
  });

  it('fails clearly on bad arguments and unreadable files', () => {
    const none = scan();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run scan/);
    const missing = scan('--json', 'no/such/file.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file\.txt: cannot read \(ENOENT\)/);
    expect(missing.stdout).toBe('');
    expect(scan('page.pdf').stderr).toMatch(/not a \.html or \.txt file/);
    expect(scan('--xml', page).status).toBe(2);
  });
});
