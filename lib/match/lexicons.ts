/**
 * Cue words that tell what a passage is about: AI (for names that are also ordinary words) and
 * business news (for companies' names). Data, not code: they travel in the matcher index the
 * background compiles, so the content script does not carry them (see compileCueTests).
 */
import type { CueLexicons } from './context';

export const CUE_LEXICONS: CueLexicons = {
  ai: {
    latin: String.raw`AI|A\.I\.|LLMs?|GPTs?|chatbots?|(?:language |AI |foundation |open[- ]source )?models?|artificial intelligence|machine learning|neural|benchmark(?:s|ed|ing)?|open[- ]source|open weights|parameters|fine-tun(?:e|ed|ing)|inference|GPUs?|chips?|training|trained|start-?ups?|assistant|context window|tokens|valuation|funding round|leaderboard|API`,
    cjk: '大模型|模型|人工智能|智能体|助手|聊天机器人|機器人|算力|芯片|晶片|开源|開源|参数|參數|训练|訓練|推理|基准|评测|評測|生成式|语言模型|語言模型|人工智慧|融资|融資|估值|榜单|榜單',
  },
  business: {
    latin: String.raw`compan(?:y|ies)|Inc|Corp|Ltd|LLC|shares?|stocks?|shareholders?|investors?|CEO|chief executive|executives?|founder|founded|acquisitions?|acquired?|acquires|bought|buys|deal|revenue|sales|profits?|earnings|quarter(?:ly)?|retail(?:er|ers)?|e-commerce|headquarters|employees|workers|subscribers?|customers|brand|billion|million|valuation|spokes(?:man|woman|person)|announced|launched|subsidiary|owned`,
    cjk: '公司|集团|集團|股价|股價|股票|市值|收购|收購|创始人|創始人|创办|創辦|营收|營收|财报|財報|首席执行官|首席執行官|总裁|總裁|总部|總部|员工|員工|电商|電商|旗下|子公司|董事长|董事長|上市|业务|業務|投资|投資',
  },
};

/**
 * Class and id words of share, social, ad and cookie widgets, menus, breadcrumbs, sidebars, related
 * and comment boxes: a block inside one is page chrome (lib/dom/annotator.ts, ChromeDetector).
 */
export const CHROME_WORDS =
  'share|sharing|social|ad|ads|adsbygoogle|advert|advertisement|adslot|sponsor|sponsored|promo|cookie|cookies|breadcrumb|breadcrumbs|nav|navbar|menu|subscribe|newsletter|sidebar|widget|related|recommend|recommended|comments?|pinglun|pinlun|copyright|toc|footer|hot|rank|ranking|trending|popular';
