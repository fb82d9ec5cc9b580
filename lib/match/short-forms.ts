/**
 * Short forms: news names a product in full once ("GitHub Copilot", "Amazon Bedrock", "Llama 4
 * Maverick", "Kimi K2") and then by its own word or version ("Copilot", "Bedrock", "Maverick",
 * "K2"). Such a word alone is often an ordinary one, so it stands for the entity only where the same
 * page region names the entity, its maker or another relative; a version only where the region
 * names the entity itself (ContextStage.resolve).
 */
import type { Entity } from '../schema';
import type { AliasRecord } from './types';

// A short form is one capitalised Latin word: "Copilot", not "Coder 33B" or "Pro".
const SHORT_FORM = /^[A-Z][A-Za-z]{3,}$/;

// A version, alone or with an edition: "K2", "V3.1", "T1", "1.5 Pro"; not "4" or "4 Pro", which
// many things carry.
const VERSION_FORM = /^(?:[A-Z]{1,2}\d+(?:\.\d+)?|\d+\.\d+ [A-Z][a-z]+)$/;

// Words that finish many names and stand for none of them alone ("DeepSeek Coder", "Bing Chat").
const GENERIC =
  /^(?:Chat|Coder|Code|Base|Instruct|Large|Small|Mini|Lite|Plus|Turbo|Ultra|Flash|Nano|Cloud|Studio|Search|Assistant|Agents?|Models?|Labs?|Research|Vision|Voice|Enterprise|Team|Teams|Pro|Max|Edge|Open|Preview|Brain)$/;

/**
 * Derives the short forms of entities whose alias begins with their maker's or parent's name, or a
 * model's own name (an edition's nickname: "Llama 4 Scout"), of companies named "<word> AI", and
 * the versions of models and products named after their maker, family or themselves ("Kimi K2").
 */
export function shortForms(entities: readonly Entity[]): AliasRecord[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const namesOf = (e: Entity | undefined) =>
    e ? [e.name.en, ...e.aliases.filter((a) => !a.ambiguous).map((a) => a.text)] : [];
  const taken = new Set(
    entities.flatMap((e) => [e.name.en, ...e.aliases.map((a) => a.text)]).map((t) => t.toLowerCase()),
  );
  const forms = new Map<string, Set<string>>();
  // A short form is one capitalised word that is neither generic nor another name.
  const offer = (text: string, id: string) => {
    if (!(SHORT_FORM.test(text) && !GENERIC.test(text)) && !VERSION_FORM.test(text)) return;
    if (taken.has(text.toLowerCase())) return;
    let ids = forms.get(text);
    if (!ids) forms.set(text, (ids = new Set()));
    ids.add(id);
  };
  for (const entity of entities) {
    // Its maker's or parent's name, or its own: "Llama 4 Maverick" then "Maverick".
    const makers = [
      ...[entity.links?.developer, entity.links?.parent].flatMap((id) => (id ? namesOf(byId.get(id)) : [])),
      ...(entity.type === 'model' ? [entity.name.en] : []),
    ];
    const names = [entity.name.en, ...entity.aliases.filter((a) => !a.ambiguous).map((a) => a.text)];
    // A company named "<word> AI" goes by the word once named in full ("Scale AI" … "Scale"); a lab
    // is not its parent's word ("Uber AI" is not Uber).
    if (entity.type === 'company') {
      for (const name of names) if (/ AI$/.test(name)) offer(name.slice(0, -3), entity.id);
    }
    for (const name of names) {
      for (const maker of makers) {
        if (!name.toLowerCase().startsWith(`${maker.toLowerCase()} `)) continue;
        const rest = name.slice(maker.length + 1);
        if (SHORT_FORM.test(rest)) offer(rest, entity.id);
      }
    }
    // A company's own versions name models the data may not list apart ("DeepSeek-V2"): no form.
    if (entity.type === 'company' || entity.type === 'lab') continue;
    const bases = [
      ...makers,
      ...(entity.links?.family ? namesOf(byId.get(entity.links.family)) : []),
      entity.name.en,
    ];
    for (const name of names) {
      for (const base of bases) {
        const sep = name.charAt(base.length);
        if ((sep !== ' ' && sep !== '-') || !name.toLowerCase().startsWith(base.toLowerCase())) continue;
        const rest = name.slice(base.length + 1);
        if (VERSION_FORM.test(rest)) offer(rest, entity.id);
      }
    }
  }
  return [...forms].flatMap(([text, ids]) =>
    [...ids].map((entityId) => ({ text, entityId, caseSensitive: true, ambiguous: true, shortForm: true })),
  );
}
