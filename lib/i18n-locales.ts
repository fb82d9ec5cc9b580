/**
 * Turns the string catalog into the browser's _locales/<lang>/messages.json format, so every UI
 * string is also available through browser.i18n (and to translators as standard files).
 */
import { stringsFor, type Lang } from './i18n';

/** The manifest's own strings, which only the browser reads. */
const MANIFEST: Record<Lang, Record<string, string>> = {
  en: {
    extName: 'Assay',
    extDescription:
      'Marks AI models, companies and chips in news and shows sourced facts: provenance, benchmark robustness, funding. Offline.',
  },
  zh: {
    extName: 'Assay',
    extDescription:
      '在新闻中标注 AI 模型、公司和芯片，并显示带来源的事实：来源与谱系、评测可信度、融资。完全离线。',
  },
};

type Message = { message: string; placeholders?: Record<string, { content: string }> };

/** messages.json content for a language: catalog paths become keys ("card_asOf"). */
export function localeMessages(lang: Lang): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(MANIFEST[lang])) out[key] = { message };
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      const names: string[] = [];
      const message = node.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!names.includes(name)) names.push(name);
        return `$${name.toUpperCase()}$`;
      });
      const key = path.join('_').replace(/[^A-Za-z0-9_]/g, '_');
      out[key] = names.length
        ? { message, placeholders: Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }])) }
        : { message };
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(stringsFor(lang), []);
  return out;
}

/** The _locales folder name for a language. */
export const LOCALE_DIRS: Record<Lang, string> = { en: 'en', zh: 'zh_CN' };
