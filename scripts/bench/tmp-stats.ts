import { chromium } from 'playwright-core';
import { findChromium } from '../browser';
import { loadDataset } from './aliases';
import { PAGES, renderPage } from './pages';
const ds = loadDataset();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
for (const spec of PAGES) {
  const html = renderPage(spec, ds.entities);
  const page = await browser.newPage();
  await page.setContent(html);
  const s = await page.evaluate(() => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let t = 0, c = 0, ws = 0;
    while (w.nextNode()) { t++; const d = (w.currentNode as Text).data; c += d.length; if (!/\S/.test(d)) ws++; }
    return { text: t, ws, chars: c, elements: document.body.querySelectorAll('*').length, inner: document.body.innerText.length };
  });
  console.log(spec.name, (html.length/1e6).toFixed(2)+'M html', s);
  await page.close();
}
await browser.close();
