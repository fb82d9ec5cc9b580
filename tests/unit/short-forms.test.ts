import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../lib/match/matcher';
import { shortForms } from '../../lib/match/short-forms';
import { createMatcher } from '../../lib/match/matcher-index';
import { buildMatcherIndex } from '../../lib/match/build-index';
import type { Entity } from '../../lib/schema';

const entity = (id: string, type: Entity['type'], aliases: string[], links?: Entity['links']): Entity => ({
  id,
  type,
  name: { en: aliases[0]! },
  aliases: aliases.slice(1).map((text) => ({ text })),
  ...(links && { links }),
  notes: [],
});

const entities: Entity[] = [
  entity('github', 'company', ['GitHub']),
  entity('microsoft', 'company', ['Microsoft']),
  entity('amazon', 'company', ['Amazon', 'AWS']),
  entity('deepseek', 'company', ['DeepSeek']),
  entity('github-copilot', 'product', ['GitHub Copilot'], { developer: 'github' }),
  entity('microsoft-copilot', 'product', ['Microsoft Copilot', 'Windows Copilot'], {
    developer: 'microsoft',
  }),
  entity('amazon-bedrock', 'product', ['Amazon Bedrock', 'AWS Bedrock'], { developer: 'amazon' }),
  entity('deepseek-coder', 'model', ['DeepSeek Coder'], { developer: 'deepseek' }),
  entity('claude-3', 'model', ['Claude 3', 'Claude 3 Opus']),
  entity('scale-ai', 'company', ['Scale AI']),
  entity('moonshot-ai', 'company', ['Moonshot AI']),
  entity('kimi', 'product', ['Kimi', 'Kimi K2.5'], { developer: 'moonshot-ai' }),
  entity('deepseek-v3', 'model', ['DeepSeek-V3', 'DeepSeek V3.1'], { developer: 'deepseek' }),
  entity('gemini', 'model-family', ['Gemini']),
  entity('gemini-1-5-pro', 'model', ['Gemini 1.5 Pro'], { family: 'gemini' }),
  entity('minimax', 'company', ['MiniMax', 'MiniMax-M1']),
];

describe('short forms', () => {
  it('derives a maker-less word from full names, never a generic or taken one', () => {
    const forms = shortForms(entities).map((r) => `${r.text}→${r.entityId}`);
    expect(forms).toEqual([
      'Copilot→github-copilot',
      'Copilot→microsoft-copilot',
      'Bedrock→amazon-bedrock',
      'Opus→claude-3',
      'Scale→scale-ai',
      'Moonshot→moonshot-ai',
      'K2.5→kimi',
      'V3→deepseek-v3',
      'V3.1→deepseek-v3',
      '1.5 Pro→gemini-1-5-pro',
    ]);
  });

  const index = buildMatcherIndex(entities, '2026-12-01');
  const matcher: AliasMatcher = createMatcher(index);
  const found = (text: string) =>
    matcher.findResolved(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

  it('reads a short form as the entity its region names in full or by its maker', () => {
    expect(found('Amazon Bedrock now hosts Claude. Bedrock customers pay per token.')).toEqual([
      'Amazon Bedrock→amazon-bedrock',
      'Bedrock→amazon-bedrock',
    ]);
    expect(found('GitHub has taken Copilot from autocomplete to agents.')).toEqual([
      'GitHub→github',
      'Copilot→github-copilot',
    ]);
    expect(found('Microsoft said Copilot will ship in Windows.')).toEqual([
      'Microsoft→microsoft',
      'Copilot→microsoft-copilot',
    ]);
  });

  it("reads a model edition's nickname after its full name, but not another version's edition", () => {
    expect(found('Claude 3 Opus leads. Opus is slow; Opus 4.1 is newer.')).toEqual([
      'Claude 3 Opus→claude-3',
      'Opus→claude-3',
    ]);
  });

  it('reads a version as the model or product the region names in full, never by its maker alone', () => {
    expect(found('DeepSeek 发布了 DeepSeek V3.1。V3.1 将早前的 V3 聊天模型整合。')).toEqual([
      'DeepSeek→deepseek',
      'DeepSeek V3.1→deepseek-v3',
      'V3.1→deepseek-v3',
      'V3→deepseek-v3',
    ]);
    expect(found('Gemini 1.5 Pro takes a million tokens, but 1.5 Pro is only the first.')).toEqual([
      'Gemini 1.5 Pro→gemini-1-5-pro',
      '1.5 Pro→gemini-1-5-pro',
    ]);
    // The maker alone does not vouch for a version, nor does a company's own ("MiniMax-M1").
    expect(found('DeepSeek said V3 of its API is out. MiniMax-M1 leads; M1 is fast.')).toEqual([
      'DeepSeek→deepseek',
      'MiniMax-M1→minimax',
    ]);
    // Another name's version is not the short form ("Turbo-V3", "Apple V3").
    expect(found('DeepSeek-V3 ships; Turbo-V3 and Apple V3 do not.')).toEqual(['DeepSeek-V3→deepseek-v3']);
  });

  it('reads a company named "<word> AI" by its word once it is named in full', () => {
    expect(found('Meta invested in Scale AI. Scale hires workers to label data.')).toEqual([
      'Scale AI→scale-ai',
      'Scale→scale-ai',
    ]);
    expect(found('Scale matters in training runs.')).toEqual([]);
  });

  it('leaves the word alone without its entity, in lower case, or as the tail of another name', () => {
    expect(found('Bedrock geology shapes the valley.')).toEqual([]);
    expect(found('Amazon Bedrock is popular; granite bedrock is not.')).toEqual([
      'Amazon Bedrock→amazon-bedrock',
    ]);
    expect(found('Microsoft sells Office 365 Copilot to firms.')).toEqual(['Microsoft→microsoft']);
    expect(found('Microsoft said The Copilot app is new.')).toEqual([
      'Microsoft→microsoft',
      'Copilot→microsoft-copilot',
    ]);
  });
});
