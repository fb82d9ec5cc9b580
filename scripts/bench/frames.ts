/**
 * What a page with many frames costs with Assay loaded: an article with blank placeholder frames,
 * ad-slot frames and one story frame (issue 12: one real page had 17 blank ad frames). Reports,
 * median of the runs, the page's script time, task time and JS heap (Chrome DevTools Protocol
 * metrics, all frames of the page's process) once the marks have settled, and how many frames
 * started a scan. Pass `--ext DIR` to measure another build (e.g. one from before a change).
 * Run: npm run build:chrome && npx tsx scripts/bench/frames.ts [--ext DIR] [--runs N] [--blank N]
 */
import { launchWithExtension } from '../browser';
import { startFixtureServer } from '../fixture-server';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const runs = Number(arg('--runs', '5'));
const blank = Number(arg('--blank', '17'));
const extensionDir = args.includes('--ext') ? arg('--ext', '') : undefined;

const ARTICLE = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i}: OpenAI and Anthropic train models on NVIDIA H100s; DeepSeek and Qwen chase them.</p>`,
).join('');
const page = `<!doctype html><html lang="en"><head><title>Frames</title></head><body><main>${ARTICLE}
  ${Array.from({ length: blank }, (_, i) => `<iframe title="slot ${i}" width="300" height="250"></iframe>`).join('')}
  ${Array.from({ length: 3 }, (_, i) => `<iframe name="google_ads_iframe_/1/news_${i}" title="ad ${i}" width="300" height="250" srcdoc="<p>Sponsored: try OpenAI models today.</p>"></iframe>`).join('')}
  <iframe title="story" srcdoc="<p>Embedded story about Anthropic and Claude models, with enough text to read.</p>"></iframe>
  </main></body></html>`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const server = await startFixtureServer(undefined, (path) =>
    path === '/frames.html' ? { body: page } : undefined,
  );
  const browser = await launchWithExtension(extensionDir ? { extensionDir } : {});
  const samples: { script: number; task: number; heap: number; scanning: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(server.url('frames.html'));
    await tab.waitForFunction(() => (CSS.highlights.get('assay-mention')?.size ?? 0) > 0, null, {
      timeout: 15_000,
    });
    // Past the blank frames' second look (2 s), so a build that rechecks them has done so.
    await tab.waitForTimeout(3_000);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    let scanning = 0;
    for (const frame of tab.frames()) {
      if (await frame.evaluate(() => CSS.highlights.has('assay-mention')).catch(() => false)) scanning++;
    }
    samples.push({
      script: metric('ScriptDuration') * 1000,
      task: metric('TaskDuration') * 1000,
      heap: metric('JSHeapUsedSize') / 1024 / 1024,
      scanning,
    });
    await tab.close();
  }
  await browser.close();
  await server.close();
  const m = (k: keyof (typeof samples)[number]) => median(samples.map((s) => s[k]));
  console.log(
    `${blank} blank + 3 ad frames + 1 story frame, ${extensionDir ?? 'this build'}: ` +
      `script ${m('script').toFixed(1)} ms, tasks ${m('task').toFixed(1)} ms, JS heap ${m('heap').toFixed(1)} MB, ` +
      `frames scanning ${m('scanning')} of ${blank + 5} (median of ${runs})`,
  );
}

void main();
