import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../lib/match/matcher';
import { CUE_LEXICONS } from '../../lib/match/lexicons';
import { Annotator } from '../../lib/dom/annotator';
import { isLinkList, isRightsNotice } from '../../lib/dom/page-chrome';
import { collectBlocks } from '../../lib/dom/blocks';

const matcher = new AliasMatcher(
  [
    { text: 'Amazon', entityId: 'amazon', caseSensitive: true, ambiguous: true },
    { text: 'Amazon River', entityId: 'amazon', decoy: true },
    { text: 'Step-1', entityId: 'step', caseSensitive: true, ambiguous: true },
    { text: 'StepFun', entityId: 'stepfun' },
    { text: 'R1', entityId: 'deepseek-r1', caseSensitive: true, ambiguous: true },
    { text: 'DeepSeek', entityId: 'deepseek' },
    { text: 'OpenAI', entityId: 'openai' },
    { text: 'Alpaca', entityId: 'alpaca', caseSensitive: true, ambiguous: true },
    { text: 'Meta', entityId: 'meta', caseSensitive: true, ambiguous: true },
    { text: 'Facebook', entityId: 'meta', caseSensitive: true, ambiguous: true },
    { text: '臉書', entityId: 'meta', ambiguous: true },
    { text: '阿里', entityId: 'alibaba', ambiguous: true },
    { text: '清华', entityId: 'tsinghua' },
  ],
  { 'deepseek-r1': ['deepseek'], deepseek: ['deepseek-r1'], step: ['stepfun'], stepfun: ['step'] },
  { cues: CUE_LEXICONS, companies: ['amazon', 'deepseek', 'openai', 'stepfun', 'meta', 'alibaba'] },
);
const found = (text: string) => matcher.findResolved(text).map((m) => text.slice(m.start, m.end));

describe('context model', () => {
  it('reads a company name in business news as the company', () => {
    expect(found('Amazon bought Whole Foods in August, and its shares rose.')).toEqual(['Amazon']);
    expect(found('Analysts said Amazon’s grocery strategy is changing.')).toEqual(['Amazon']);
    expect(found('Amazon-owned Whole Foods cut prices.')).toEqual(['Amazon']);
    expect(found('The Amazon River floods every year.')).toEqual([]);
  });

  it('reads a name followed by its owner as the product, whatever the business context', () => {
    expect(found('Facebook parent Meta reported record revenue and shares rose.')).toEqual(['Meta']);
    expect(found('臉書母公司Meta公布財報，股價上漲。')).toEqual(['Meta']);
    expect(found('Yahoo could have bought Facebook when it had the chance, investors said.')).toEqual([
      'Facebook',
    ]);
  });

  it('reads a Chinese name after an age or a role as a person, and not on every news verb', () => {
    expect(found('阿里公司股价上涨。')).toEqual(['阿里']);
    expect(found('29岁的阿里复出，作为挑战者，他两次被拳王击倒。')).toEqual([]);
    expect(found('第二年，37岁的阿里宣布退出职业拳坛。')).toEqual([]);
    expect(found('拳王阿里发布声明。')).toEqual([]);
  });

  it('reads a capitalised word after a company name as its product, not a surname', () => {
    expect(found('The new Meta Quest headset ships with AI features.')).toEqual(['Meta']);
  });

  it('needs a related entity near a short name: AI words alone are not enough', () => {
    expect(found('The Rabbit R1 is an AI gadget with a voice assistant.')).toEqual([]);
    expect(found('DeepSeek released R1, a reasoning model.')).toEqual(['DeepSeek', 'R1']);
  });

  it("reads a surname and a Chinese name before a speaker's verb as a person", () => {
    expect(found('工程师王清华向记者表示，王清华分析称')).toEqual([]);
    expect(found('清华发布报告。本周清华表示，于清华说')).toEqual(['清华', '清华', '清华']);
  });

  it("reads no AI cue in a web address's words", () => {
    expect(found('Amazon docs: reference <https://amazon.example/api/index.html>')).toEqual([]);
    expect(found('Amazon docs: reference for the API')).toEqual(['Amazon']);
  });

  it('matches a name that is also a phrase only as it is spelt', () => {
    expect(found('StepFun trained Step-1 on its own cluster.')).toEqual(['StepFun', 'Step-1']);
    expect(found('StepFun docs: Step 1 is to install the model.')).toEqual(['StepFun']);
  });

  it('leaves names in file names and paths, and inside another model’s name', () => {
    expect(found('Add it to extra-openai-models.yaml first.')).toEqual([]);
    expect(found('See /srv/openai/config for the AI model.')).toEqual([]);
    expect(found('OpenAI/Microsoft talks continued.')).toEqual(['OpenAI']);
    expect(found('The AI model Chinese-Alpaca-2-13B was fine-tuned.')).toEqual([]);
  });

  it('reads one spelling one way across a section, not every spelling', () => {
    document.body.innerHTML =
      '<article><p>Amazon reported quarterly revenue above forecasts.</p><p>Amazon also opened a store.</p></article>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    expect(annotator.shown().map((m) => m.text)).toEqual(['Amazon', 'Amazon']);
  });

  it('treats a short block of link text as chrome', () => {
    document.body.innerHTML =
      '<p id="a"><a href="/x">Previous post: OpenAI ships a model</a></p><p id="b">OpenAI said <a href="/y">more</a> today about its plans.</p>';
    const [a, b] = collectBlocks(document.body);
    expect(isLinkList(a!)).toBe(true);
    expect(isLinkList(b!)).toBe(false);
  });

  it('treats a rights or reprint notice as chrome, not news about copyright', () => {
    document.body.innerHTML = [
      '<p>【美国The Next Web作品的中文相关权益归腾讯公司独家所有。未经授权，不得转载、摘编等。】</p>',
      '<p>© 2024 Microsoft. All rights reserved.</p>',
      '<p>The New York Times sued OpenAI and Microsoft for copyright infringement.</p>',
      '<p>Teasers: <a href="/1">Potential hitch in Zuckerberg’s stock plan for Facebook</a></p>',
    ].join('');
    const [zh, en, news, teaser] = collectBlocks(document.body);
    expect(isRightsNotice(zh!)).toBe(true);
    expect(isRightsNotice(en!)).toBe(true);
    expect(isRightsNotice(news!)).toBe(false);
    expect(isRightsNotice(teaser!)).toBe(false);
  });

  it('reads teaser headlines on a story’s page as related stories, and a feed’s headlines as content', () => {
    document.body.innerHTML =
      '<h1>Yahoo’s sale leaves shareholders with little say</h1><ul><li><a href="/s"><h2>' +
      '\n      A hitch in Zuckerberg’s stock plan for Facebook            \n   </h2></a></li></ul>';
    const teaser = collectBlocks(document.body).find((b) => b.element.localName === 'h2')!;
    expect(isLinkList(teaser)).toBe(true);
    // The link may sit inside the headline too, as teaser lists also write it.
    document.body.innerHTML =
      '<h1>Trade talks resume</h1><ul><li><h4><a href="/t">Huawei and VW bosses attend talks</a></h4>' +
      '<p>A summary that is not a link.</p></li></ul>';
    const inner = collectBlocks(document.body).find((b) => b.element.localName === 'h4')!;
    expect(isLinkList(inner)).toBe(true);
    document.body.innerHTML = '<ul><li><a href="/s"><h2>OpenAI ships a model</h2></a></li></ul>';
    expect(isLinkList(collectBlocks(document.body)[0]!)).toBe(false);
    document.body.innerHTML =
      '<h1>Story</h1><ul><li><h4>OpenAI ships a <a href="/m">model</a></h4></li></ul>';
    expect(isLinkList(collectBlocks(document.body).find((b) => b.element.localName === 'h4')!)).toBe(false);
  });
});
