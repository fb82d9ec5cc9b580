/**
 * Prose for the generated pages: news sentences in English and Chinese, about a third of them naming
 * AI models, companies or chips (from the bundled dataset), the rest ordinary reporting, with the odd
 * model-shaped token that is not a name ("COVID-19", "Boeing 737") as real pages have.
 */
import { pickName, type NamePools } from './aliases';
import type { Rng } from './prng';

export type Lang = 'en' | 'zh';

const EN_AI = [
  '{org} said on {day} that {model} would reach enterprise customers in {month}.',
  'The company trained {model} on a cluster of {num} {chip} chips, according to people familiar with the matter.',
  'Benchmarks published by {org} put {model} ahead of {model} on coding tasks, though independent tests were mixed.',
  'Analysts at {city} brokerages expect {org} to spend more on {chip} accelerators next year.',
  '{person}, who leads research at {org}, called {model} "a step change" in an interview.',
  'Developers who tried {model} this week reported fewer refusals than with {model}.',
  'Shares of {org} rose {pct} percent after the launch of {model}.',
  'Export rules have made the {chip} hard to buy, and {org} has turned to domestic suppliers.',
  '{org} and {org} are both reported to be in talks to license {model} for their cloud platforms.',
  'A leaked memo suggests {org} plans to retire {model} once {model} is generally available.',
  'Researchers found that {model} memorised parts of a popular test set, inflating its score.',
  'The startup raised {money} in a round led by {org}, valuing it at {money2}.',
  'In side-by-side tests, {model} answered {num} of the questions correctly.',
  'Sales of {chip} servers helped {org} beat quarterly expectations.',
  'Critics argue that {model} is built on {model} with little more than fine-tuning.',
];
const EN_PLAIN = [
  'Regulators in {city} are weighing new rules for the sector, and a draft is expected by {month}.',
  'The announcement comes after a volatile quarter for technology stocks.',
  'Officials declined to comment on the timing of the review.',
  'Several executives said hiring had slowed since the start of the year.',
  'The figures have not been independently verified.',
  'Demand for data-centre power has pushed up electricity prices in parts of the region.',
  'Investors have grown more cautious about late-stage funding rounds.',
  'The report was based on interviews with more than {num} engineers and managers.',
  'It is not clear how the rules would apply to open-source software.',
  'A spokesperson said the company was "reviewing its options" and would share more details later.',
  'Local newspapers reported long queues outside the new store in {city} on {day}.',
  'The airline grounded part of its Boeing 737 fleet after the inspection, and delays followed.',
  'Some of the new hires came from universities in {city} and {city}.',
  'Prices for memory chips rose for a third consecutive month in {month}.',
  'The government said it would publish the full consultation on {day}.',
  'Rain delayed the opening ceremony by nearly two hours.',
  'Sales of the iPhone 15 slowed in the quarter, the company said.',
  'The trial, which began in {month}, is expected to last several weeks.',
  'Hospital admissions for COVID-19 fell for the fourth week running.',
  'The council voted {num} to 3 to approve the budget for the new transit line.',
  'Many small businesses say they still struggle to find skilled staff.',
  'Critics said the plan did too little to address rising rents.',
  'The museum will reopen in {month} after a two-year renovation.',
  'Economists expect inflation to ease slowly over the coming year.',
];
const EN_HEADLINES = [
  '{org} unveils {model} as competition heats up',
  'Why {chip} shortages still shape the AI race',
  '{model} tops new leaderboard, but critics question the test',
  'Inside {org}’s push into enterprise software',
  'Regulators turn their attention to frontier models',
  '{org} raises {money} for its next model',
  'Markets rally as tech earnings beat forecasts',
  'City council approves new transit line',
  'What the new export rules mean for {org}',
  'Five takeaways from this week’s developer conference',
];

const ZH_AI = [
  '{org}周二宣布，其最新的{model}将于{month}向企业客户开放。',
  '据知情人士透露，该公司使用了约{num}块{chip}训练{model}。',
  '{org}公布的评测显示，{model}在代码任务上领先{model}，但第三方测试结果不一。',
  '多家券商分析师预计，{org}明年将加大对{chip}的采购。',
  '{org}研究负责人在接受采访时称，{model}是一次“跨越式的进步”。',
  '本周试用{model}的开发者表示，它比{model}更少拒绝回答问题。',
  '{model}发布后，{org}股价上涨{pct}%。',
  '受出口管制影响，{chip}一卡难求，{org}已转向国产供应商。',
  '据报道，{org}和{org}均在洽谈{model}的授权事宜。',
  '一份内部备忘录显示，{org}计划在{model}全面上线后停用{model}。',
  '研究人员发现，{model}记住了某个常用测试集的部分题目，导致分数虚高。',
  '这家初创公司完成了{money}融资，由{org}领投，估值达到{money2}。',
  '在对比测试中，{model}答对了{num}道题。',
  '批评者认为，{model}只是在{model}的基础上做了微调。',
  '{chip}服务器的销售帮助{org}的季度业绩超出预期。',
];
const ZH_PLAIN = [
  '{city}监管部门正在研究该行业的新规，草案预计将于{month}公布。',
  '此前，科技股经历了一个波动较大的季度。',
  '有关官员拒绝就审查的时间表置评。',
  '多位高管表示，今年以来招聘明显放缓。',
  '上述数据尚未得到独立核实。',
  '数据中心用电需求上升，推高了部分地区的电价。',
  '投资者对后期融资的态度变得更加谨慎。',
  '该报告基于对{num}多名工程师和管理人员的访谈。',
  '目前尚不清楚新规将如何适用于开源软件。',
  '一位发言人表示，公司正在“评估各种选择”，稍后将公布更多细节。',
  '据当地媒体报道，{day}新店开业当天，门外排起了长队。',
  '航空公司在检查后停飞了部分波音737客机，多个航班因此延误。',
  '新员工中有不少来自{city}和{city}的高校。',
  '存储芯片价格在{month}连续第三个月上涨。',
  '政府表示将于{day}公布完整的征求意见稿。',
  '受降雨影响，开幕式推迟了近两个小时。',
  '公司表示，iPhone 15本季度销量放缓。',
  '这场审判于{month}开始，预计将持续数周。',
  '新冠肺炎住院人数连续第四周下降。',
  '市议会以{num}票对3票通过了新地铁线路的预算。',
  '许多小企业表示，仍然难以招到熟练员工。',
  '批评者认为，该计划对房租上涨问题着墨太少。',
  '博物馆经过两年的修缮，将于{month}重新开放。',
  '经济学家预计，未来一年通胀将缓慢回落。',
];
const ZH_HEADLINES = [
  '{org}发布{model}，竞争进一步升温',
  '{chip}短缺为何仍在左右AI竞赛',
  '{model}登顶新榜单，测试方法遭质疑',
  '{org}加码企业级软件市场',
  '监管机构将目光投向前沿大模型',
  '{org}完成{money}融资，用于训练下一代模型',
  '科技股财报超预期，市场全面反弹',
  '市议会批准新地铁线路',
  '出口新规对{org}意味着什么',
  '开发者大会的五个看点',
];

const EN_FILL = {
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  month: ['January', 'March', 'May', 'June', 'September', 'November'],
  city: ['London', 'Beijing', 'Shanghai', 'San Francisco', 'Berlin', 'Singapore', 'Paris', 'Shenzhen'],
  person: ['Maria Lopez', 'James Chen', 'Priya Natarajan', 'Tom Becker', 'Li Wei', 'Sarah Okafor'],
  money: ['$300 million', '$1.2 billion', '$85 million', '$6 billion', '$40 million'],
  money2: ['$4 billion', '$18 billion', '$900 million', '$61 billion'],
};
const ZH_FILL = {
  day: ['周一', '周二', '周三', '周四', '周五'],
  month: ['1月', '3月', '5月', '6月', '9月', '11月'],
  city: ['北京', '上海', '深圳', '杭州', '伦敦', '旧金山', '新加坡', '成都'],
  person: ['王磊', '陈静', '李伟', '张敏', '刘洋'],
  money: ['3亿美元', '12亿美元', '8500万美元', '60亿元人民币', '4000万美元'],
  money2: ['40亿美元', '180亿美元', '9亿美元', '610亿元人民币'],
};

export class Prose {
  private readonly ai: string[];
  private readonly plain: string[];
  private readonly headlines: string[];
  private readonly fill: typeof EN_FILL;

  constructor(
    private readonly rng: Rng,
    private readonly pools: NamePools,
    readonly lang: Lang,
    /** Share of sentences that name AI entities. */
    private readonly aiShare = 0.35,
  ) {
    this.ai = lang === 'en' ? EN_AI : ZH_AI;
    this.plain = lang === 'en' ? EN_PLAIN : ZH_PLAIN;
    this.headlines = lang === 'en' ? EN_HEADLINES : ZH_HEADLINES;
    this.fill = lang === 'en' ? EN_FILL : ZH_FILL;
  }

  private fillIn(template: string): string {
    const { rng, pools } = this;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'org':
          return pickName(rng, pools.org);
        case 'model':
          // Now and then a model-shaped variant ("Llama 2-13B-Chat") the fuzzy tier links.
          return rng.chance(0.08) && this.lang === 'en'
            ? `${pickName(rng, pools.model)}-${rng.pick(['7B', '13B-Chat', 'Instruct', '70B'])}`
            : pickName(rng, pools.model);
        case 'chip':
          return pickName(rng, pools.chip);
        case 'num':
          return String(rng.int(12, 9000));
        case 'pct':
          return String(rng.int(2, 19));
        default:
          return rng.pick(this.fill[slot as keyof typeof EN_FILL]);
      }
    });
  }

  sentence(aiShare = this.aiShare): string {
    const decoy = this.rng.chance(0.01) && this.pools.decoys.length > 0;
    const base = this.fillIn(this.rng.pick(this.rng.chance(aiShare) ? this.ai : this.plain));
    if (!decoy) return base;
    const phrase = this.rng.pick(this.pools.decoys);
    return this.lang === 'en'
      ? `${base} (The ${phrase} team was not involved.)`
      : `${base}（${phrase}相关方未参与。）`;
  }

  /** Sentences up to about `chars` characters. */
  text(chars: number, aiShare = this.aiShare): string {
    const parts: string[] = [];
    let length = 0;
    while (length < chars) {
      const s = this.sentence(aiShare);
      parts.push(s);
      length += s.length + 1;
    }
    return parts.join(this.lang === 'en' ? ' ' : '');
  }

  headline(): string {
    return this.fillIn(this.rng.pick(this.headlines));
  }

  /** A short label (nav item, tag): a plain word or, sometimes, a name. */
  label(words: readonly string[], nameShare = 0.2): string {
    if (this.rng.chance(nameShare))
      return pickName(this.rng, this.rng.chance(0.5) ? this.pools.org : this.pools.model);
    return this.rng.pick(words);
  }
}

export const EN_WORDS = {
  nav: [
    'World',
    'Business',
    'Technology',
    'Markets',
    'Science',
    'Opinion',
    'Sport',
    'Culture',
    'Climate',
    'Video',
    'Podcasts',
    'Newsletters',
  ],
  sections: [
    'AI',
    'Chips',
    'Startups',
    'Policy',
    'Cloud',
    'Security',
    'Gadgets',
    'Telecoms',
    'Media',
    'Energy',
    'Health',
    'Autos',
    'Space',
    'Education',
    'Jobs',
    'Travel',
    'Property',
    'Food',
    'Books',
    'Games',
  ],
  tags: [
    '#ai',
    '#chips',
    '#funding',
    '#policy',
    '#opensource',
    '#cloud',
    '#markets',
    '#research',
    '#startups',
    '#china',
  ],
  sources: [
    'Reuters',
    'The Verge',
    'TechCrunch',
    'Bloomberg',
    'Financial Times',
    'Wired',
    'The Information',
    'Nikkei Asia',
  ],
  footer: [
    'About us',
    'Contact',
    'Careers',
    'Advertise',
    'Privacy',
    'Terms',
    'Accessibility',
    'Cookie settings',
    'Help',
    'Archive',
    'Sitemap',
    'RSS',
  ],
};
export const ZH_WORDS = {
  nav: ['国际', '财经', '科技', '市场', '科学', '评论', '体育', '文化', '气候', '视频', '播客', '订阅'],
  sections: [
    '人工智能',
    '芯片',
    '创业',
    '政策',
    '云计算',
    '安全',
    '数码',
    '通信',
    '传媒',
    '能源',
    '健康',
    '汽车',
    '航天',
    '教育',
    '职场',
    '旅行',
    '房产',
    '美食',
    '读书',
    '游戏',
  ],
  tags: ['#人工智能', '#芯片', '#融资', '#政策', '#开源', '#云计算', '#市场', '#研究', '#创业', '#出海'],
  sources: ['36氪', '财新', '第一财经', '界面新闻', '澎湃新闻', '机器之心', '量子位', '晚点LatePost'],
  footer: [
    '关于我们',
    '联系我们',
    '加入我们',
    '广告合作',
    '隐私政策',
    '用户协议',
    '无障碍',
    'Cookie 设置',
    '帮助',
    '往期',
    '网站地图',
    'RSS',
  ],
};
