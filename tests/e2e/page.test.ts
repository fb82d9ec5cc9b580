/**
 * "The page is not ours": annotating never changes the page's DOM, never touches what a reader
 * types, survives hostile pages (replaced built-ins, custom elements, a strict CSP, pages that
 * remove our highlights), follows single-page navigation, infinite scroll and same-origin frames,
 * and stops cleanly when the extension is reloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { markedTexts, waitForMarks } from './helpers';

const ARTICLE = `<p>OpenAI said GPT-4 leads, while 01.AI's Yi-34B and Alibaba's Qwen chase it.</p>
<p>NVIDIA sells the H800 and A800 in China; ByteDance and Baidu are buyers.</p>`;

const PAGES: Record<string, { body: string; headers?: Record<string, string> }> = {
  '/plain.html': {
    body: `<!doctype html><html lang="en"><head><title>Plain</title><style>.gone{display:none}</style></head><body><main>${ARTICLE}
      <p>Visible Anthropic news<span class="gone">, hidden DeepSeek news</span>, more <b><i class="gone">Moonshot AI</i></b>.</p>
      <div class="gone"><p>A hidden story about Baichuan.</p></div>
      <p><input id="input" value=""> <textarea id="textarea"></textarea></p>
      <div id="editor" contenteditable="true"><p>Draft about</p></div>
      </main><script>window.__before = document.documentElement.outerHTML;</script></body></html>`,
  },
  '/hostile-page.html': {
    body: `<!doctype html><html lang="en"><head><title>Hostile</title><script>
      window.__errors = [];
      window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
      Node.prototype.contains = function () { throw new Error('page replaced Node.prototype.contains'); };
      Array.prototype.map = function () { throw new Error('page replaced Array.prototype.map'); };
      Element.prototype.getClientRects = function () { throw new Error('page replaced getClientRects'); };
      window.CSS = undefined;
      customElements.define('x-card', class extends HTMLElement {
        connectedCallback() { this.textContent = 'Widget text about DeepSeek and Moonshot AI.'; }
      });
      window.__clicks = 0;
      </script></head><body><main>${ARTICLE}<p><x-card></x-card></p>
      <button id="counter" onclick="window.__clicks++">Count</button></main></body></html>`,
  },
  '/csp.html': {
    headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
    body: `<!doctype html><html lang="en"><head><title>CSP</title></head><body><main>${ARTICLE}</main></body></html>`,
  },
  '/frames.html': {
    body: `<!doctype html><html lang="en"><head><title>Frames</title></head><body><main><p>Outer text about OpenAI.</p>
      <iframe id="same" src="/inner.html" title="same origin"></iframe>
      <iframe id="srcdoc" title="srcdoc" srcdoc="<p>Srcdoc text about Anthropic and Claude models.</p>"></iframe></main></body></html>`,
  },
  '/shadow.html': {
    body: `<!doctype html><html lang="en"><head><title>Shadow</title><script>
      customElements.define('x-story', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<style>p{font:18px serif}</style><p>Inside a web component: Anthropic trains Claude models on TPUs.</p>';
        }
      });
      </script></head><body><main><p>Outside: OpenAI and GPT-4.</p><x-story></x-story></main></body></html>`,
  },
  // What Firefox leaves when it drops an old content script without its clean-up (see
  // entrypoints/content/leftovers.ts): a card host and registered highlights.
  '/leftovers.html': {
    body: `<!doctype html><html lang="en"><head><title>Leftovers</title></head><body><main>${ARTICLE}</main>
      <assay-card id="stale" style="position:fixed;top:0;left:0">A card an old script left open</assay-card>
      <script>
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main p'));
      CSS.highlights.set('assay-mention-active', new Highlight(range));
      CSS.highlights.set('assay-claim', new Highlight(range));
      </script></body></html>`,
  },
  '/long-feed.html': {
    body: `<!doctype html><html lang="en"><head><title>Feed</title></head><body><main>${Array.from(
      { length: 800 },
      (_, i) =>
        `<p id="item-${i}">Story ${i}: OpenAI, Anthropic and DeepSeek ship models; NVIDIA sells the H100.</p>`,
    ).join('')}</main></body></html>`,
  },
  '/layout.html': {
    body: `<!doctype html><html lang="en"><head><title>Layout</title><style>.gone{display:none}.box{display:inline-block}</style></head><body><main>
      <div id="stacked"><span style="display:block">Learn how</span><span style="display:block">Microsoft Store</span></div>
      <p id="inline">Styled inline: <b>Open</b>AI ships models.</p>
      <p id="boxes"><span class="box">Open</span><span class="box">AI</span></p>
      <p id="revealed">A visible line.<span id="later" class="gone"> DeepSeek released a model.</span></p>
      <div id="panel" hidden><p>Baichuan raised money.</p></div>
      <details id="more"><summary>More</summary><p>Moonshot AI trains Kimi.</p></details>
      </main></body></html>`,
  },
  '/chrome.html': {
    body: `<!doctype html><html lang="en"><head><title>Chrome</title></head><body>
      <header><a href="/">Home</a> <nav><a href="/ms">Microsoft</a> <a href="/g">Google</a></nav></header>
      <main><article><header><h1>OpenAI and Anthropic raise money</h1></header>
      <p>NVIDIA supplies the chips.</p><footer>Filed under DeepSeek</footer>
      <div class="share-buttons"><a href="/s">Share on Google</a></div></article>
      <aside class="ad-slot"><p>Sponsored: Microsoft Azure</p></aside></main>
      <footer><p>© Microsoft 2026</p></footer></body></html>`,
  },
  '/many-frames.html': {
    body: `<!doctype html><html lang="en"><head><title>Frames</title></head><body><main><p>Outer text about OpenAI.</p>
      ${Array.from({ length: 12 }, (_, i) => `<iframe class="blank" title="blank ${i}"></iframe>`).join('')}
      <iframe id="tiny" width="60" height="20" title="tiny" srcdoc="<p>Tiny frame about Anthropic and Claude models here.</p>"></iframe>
      <iframe id="ad" name="google_ads_iframe_/1234/news_0" title="ad" srcdoc="<p>Advert text about Anthropic and Claude models.</p>"></iframe>
      <iframe id="story" title="story" srcdoc="<p>Srcdoc text about Anthropic and Claude models.</p>"></iframe></main></body></html>`,
  },
  '/inner.html': {
    body: `<!doctype html><html lang="en"><head><title>Inner</title></head><body><p>Inner text about NVIDIA and the H100 chip.</p></body></html>`,
  },
};

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer(undefined, (path) => PAGES[path]);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForMarks(page);
  return page;
}

describe('the page is not ours', () => {
  it('annotating leaves the DOM exactly as the page built it', async () => {
    const page = await open('plain.html');
    expect((await markedTexts(page)).length).toBeGreaterThanOrEqual(10);
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: string }).__before,
      after: document.documentElement.outerHTML,
    }));
    expect(after).toBe(before);
    // Marks are static ranges: the browser does not have to update them on the page's DOM changes.
    expect(
      await page.evaluate(() =>
        [...CSS.highlights.get('assay-mention')!].every((r) => r instanceof StaticRange),
      ),
    ).toBe(true);
    await page.close();
  });

  it('leaves out text the page hides with CSS, in hidden blocks and in hidden inline elements', async () => {
    const page = await open('plain.html');
    const texts = await markedTexts(page);
    expect(texts).toContain('Anthropic');
    expect(texts).not.toContain('DeepSeek');
    expect(texts).not.toContain('Moonshot AI');
    expect(texts).not.toContain('Baichuan');
    await page.close();
  });

  it('never marks or disturbs what a reader types in inputs, text areas and editors', async () => {
    const page = await open('plain.html');
    const typed = 'OpenAI and GPT-4 and 零一万物 ';
    for (const selector of ['#input', '#textarea']) {
      await page.click(selector);
      await page.keyboard.type(typed);
      await page.keyboard.press('Alt+Shift+KeyJ'); // our shortcut must not act inside a field
      const state = await page.$eval(selector, (el) => {
        const field = el as HTMLInputElement;
        return { value: field.value, caret: field.selectionStart, focused: document.activeElement === field };
      });
      expect(state).toEqual({ value: typed, caret: typed.length, focused: true });
    }
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' NVIDIA H100');
    await page.waitForTimeout(600); // longer than the rescan delay
    expect(await page.$eval('#editor', (el) => el.textContent)).toBe('Draft about NVIDIA H100');
    const inside = await page.evaluate(
      () =>
        [...(CSS.highlights.get('assay-mention') ?? [])].filter((r) =>
          ['input', 'textarea', 'editor'].some((id) =>
            document.getElementById(id)!.contains((r as Range).startContainer),
          ),
        ).length,
    );
    expect(inside).toBe(0);
    expect(await page.locator('assay-card .assay-card').count()).toBe(0);
    await page.close();
  });

  it('keeps working on a page that replaces built-ins and defines custom elements', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('hostile-page.html'));
    await page.click('#counter');
    await page.click('#counter');
    const state = await page.evaluate(() => ({
      clicks: (window as unknown as { __clicks: number }).__clicks,
      errors: (window as unknown as { __errors: string[] }).__errors,
      widget: document.querySelector('x-card')!.textContent,
    }));
    expect(state).toEqual({ clicks: 2, errors: [], widget: 'Widget text about DeepSeek and Moonshot AI.' });
    // Our marks exist even though the page's own CSS object is gone: ask the extension's world.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    const contexts: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) =>
      contexts.push(e.context),
    );
    await cdp.send('Runtime.disable');
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.origin.startsWith('chrome-extension://'))).toBe(true);
    const isolated = contexts.find((c) => c.origin === `chrome-extension://${browser.extensionId}`)!;
    const read = async () =>
      (
        await cdp.send('Runtime.evaluate', {
          contextId: isolated.id,
          returnByValue: true,
          // The isolated world has no test shim: read each (static) range through a live one.
          expression: `[...(CSS.highlights.get('assay-mention') ?? [])].map((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          })`,
        })
      ).result.value as string[];
    await expect.poll(read).toContain('DeepSeek');
    expect(await read()).toEqual(
      expect.arrayContaining(['OpenAI', 'GPT-4', 'Yi-34B', 'NVIDIA', 'Moonshot AI']),
    );
    await page.close();
  });

  it('works under a strict content security policy', async () => {
    const page = await open('csp.html');
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['OpenAI', 'GPT-4', 'H800']));
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('assay-mention')!].find((r) => r.toString() === 'GPT-4') as Range;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => page.locator('assay-card .assay-card h2').count()).toBe(1);
    await page.close();
  });

  it('puts back highlights a page deletes, on the next scan', async () => {
    const page = await open('plain.html');
    await page.evaluate(() => CSS.highlights.delete('assay-mention'));
    expect(await page.evaluate(() => CSS.highlights.has('assay-mention'))).toBe(false);
    await page.evaluate(() =>
      document
        .querySelector('main')!
        .append(Object.assign(document.createElement('p'), { textContent: 'More news.' })),
    );
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('assay-mention')?.size ?? 0))
      .toBeGreaterThan(5);
    await page.close();
  });

  it('follows single-page navigation and infinite scroll', async () => {
    const page = await open('plain.html');
    await page.evaluate(() => {
      history.pushState({}, '', '/next-story');
      document.querySelector('main')!.replaceChildren(
        Object.assign(document.createElement('p'), {
          textContent: 'DeepSeek released DeepSeek-V3; Moonshot AI answered.',
        }),
      );
    });
    await expect.poll(() => markedTexts(page)).toEqual(['DeepSeek', 'DeepSeek-V3', 'Moonshot AI']);
    await page.evaluate(() => {
      for (let i = 0; i < 40; i++) {
        document.querySelector('main')!.append(
          Object.assign(document.createElement('p'), {
            textContent: `Item ${i}: Anthropic and Mistral AI.`,
          }),
        );
      }
    });
    await expect.poll(async () => (await markedTexts(page)).length).toBe(3 + 80);
    await page.close();
  });

  it('registers only the marks near the viewport on a long page, and follows scrolling', async () => {
    const page = await open('long-feed.html');
    // Registered marks cost the page a marker rebuild in every frame that changes its DOM, so only
    // the blocks within a screen of the viewport have theirs in the highlight.
    const registered = () =>
      page.evaluate(() => {
        const ids = [...(CSS.highlights.get('assay-mention') ?? [])].map(
          (r) => (r.startContainer.parentElement as Element).id,
        );
        return { size: ids.length, items: [...new Set(ids)].map((id) => Number(id.slice(5))) };
      });
    await expect.poll(async () => (await registered()).items.includes(0)).toBe(true);
    const top = await registered();
    expect(Math.max(...top.items)).toBeLessThan(100);
    expect(top.size).toBe(top.items.length * 5);
    // Scrolled to the end, the last stories are marked and the first ones no longer registered. The
    // page has more marked blocks than the window watches at once: the watched stretch follows.
    await page.evaluate(() => document.getElementById('item-799')!.scrollIntoView());
    await expect.poll(async () => (await registered()).items.includes(799)).toBe(true);
    expect((await registered()).items).not.toContain(0);
    // Every story is still found: 5 names in each of the 800.
    expect(await markedTexts(page)).toHaveLength(800 * 5);
    await page.close();
  });

  it('marks text in same-origin and srcdoc frames', async () => {
    const page = await open('frames.html');
    const marksIn = (selector: string) =>
      page
        .frameLocator(selector)
        .locator('body')
        .evaluate(() => [...(CSS.highlights.get('assay-mention') ?? [])].map((r) => r.toString()));
    await expect.poll(() => marksIn('#same')).toEqual(['NVIDIA', 'H100']);
    await expect.poll(() => marksIn('#srcdoc')).toEqual(['Anthropic', 'Claude']);
    await page.close();
  });

  it('starts no scan in blank, tiny or ad frames', async () => {
    const page = await open('many-frames.html');
    // A frame that started a scan has registered its highlight (empty or not).
    const registered = (selector: string) =>
      page
        .frameLocator(selector)
        .locator('html')
        .evaluate(() => CSS.highlights.has('assay-mention'));
    await expect.poll(() => registered('#story')).toBe(true);
    // Blank frames are looked at again after 2 s: wait past that look.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const selector of ['#tiny', '#ad', 'iframe.blank >> nth=0', 'iframe.blank >> nth=11'])
      expect(await registered(selector), selector).toBe(false);
    await page.close();
  });

  it('reads boxes that layout separates as separate text, and marks text revealed later', async () => {
    const page = await open('layout.html');
    const texts = () =>
      page.evaluate(() => [...(CSS.highlights.get('assay-mention') ?? [])].map((r) => r.toString()));
    // "Learn how" and "Microsoft Store" are two block boxes: Microsoft is a word of its own there.
    // Inline styling does not split a word ("<b>Open</b>AI"); inline-block boxes do.
    await expect.poll(texts).toEqual(['Microsoft', 'OpenAI']);
    await page.evaluate(() => document.getElementById('later')!.classList.remove('gone'));
    await expect.poll(texts).toEqual(['Microsoft', 'OpenAI', 'DeepSeek']);
    await page.evaluate(() => document.getElementById('panel')!.removeAttribute('hidden'));
    await expect.poll(texts).toEqual(['Microsoft', 'OpenAI', 'DeepSeek', 'Baichuan']);
    await page.evaluate(() => ((document.getElementById('more') as HTMLDetailsElement).open = true));
    await expect.poll(texts).toEqual(['Microsoft', 'OpenAI', 'DeepSeek', 'Baichuan', 'Moonshot AI', 'Kimi']);
    await page.close();
  });

  it('leaves navigation, footers, share and ad boxes unmarked, but not an article’s own header', async () => {
    const page = await open('chrome.html');
    await expect.poll(() => markedTexts(page)).toEqual(['OpenAI', 'Anthropic', 'NVIDIA']);
    await page.close();
  });

  it('marks text in open shadow roots, opens cards there, and follows their changes', async () => {
    const page = await open('shadow.html');
    const texts = () =>
      page.evaluate(() => [...(CSS.highlights.get('assay-mention') ?? [])].map((r) => r.toString()));
    await expect.poll(texts).toEqual(['OpenAI', 'GPT-4', 'Anthropic', 'Claude', 'TPUs']);
    const point = await page.evaluate(() => {
      const range = [...CSS.highlights.get('assay-mention')!].find(
        (r) => r.toString() === 'Anthropic',
      ) as Range;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('assay-card .assay-card h2').innerText()).toContain('Anthropic');
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const p = document.querySelector('x-story')!.shadowRoot!.querySelector('p')!;
      p.textContent = 'Now about DeepSeek.';
    });
    await expect.poll(texts).toEqual(['OpenAI', 'GPT-4', 'DeepSeek']);
    await page.close();
  });

  it('removes a card and highlights an earlier instance left behind, then marks as usual', async () => {
    const page = await open('/leftovers.html');
    expect(await page.locator('#stale').count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.has('assay-mention-active'))).toBe(false);
    // The claim highlight now holds only this instance's claims (the article makes none).
    expect(await page.evaluate(() => CSS.highlights.has('assay-claim'))).toBe(false);
    expect(await markedTexts(page)).toContain('OpenAI');
    await page.close();
  });

  it('stops cleanly when the extension is reloaded: marks go, no errors', async () => {
    const page = await open('plain.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload: () => void } } }).chrome.runtime.reload(),
    );
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.has('assay-mention')), { timeout: 10_000 })
      .toBe(false);
    // Moving the pointer and typing must not reach the old script's listeners any more.
    await page.mouse.move(200, 200);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await page.waitForTimeout(300);
    expect(await page.locator('assay-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
