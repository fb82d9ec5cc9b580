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
