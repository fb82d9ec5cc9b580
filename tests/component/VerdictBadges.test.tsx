import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { EntityCard } from '../../components/EntityCard';
import type { EntityView } from '../../lib/messages/protocol';
import type { Note } from '../../lib/schema';
import { stringsFor } from '../../lib/i18n';
import { benchmarkVerdict, provenanceVerdict } from '../../lib/data/verdicts';
import { testDataset } from '../helpers/dataset';

afterEach(cleanup);

const source = testDataset().entities[0]!.notes[0]!.sources[0]!;
const benchmarkNote = (id: string, outcome?: 'holds-up' | 'drops' | 'contaminated' | 'unverified'): Note => ({
  id,
  kind: 'benchmark',
  text: { en: `Benchmark finding ${id}.` },
  date: '2024-05',
  status: 'reported',
  sources: [source],
  ...(outcome ? { benchmark: { outcome } } : {}),
});

function view(overrides: Partial<EntityView> = {}): EntityView {
  const entity = testDataset().entities.find((e) => e.id === 'yi-34b')!;
  return {
    entity,
    base: [
      {
        id: 'llama',
        name: { en: 'LLaMA' },
        type: 'model-family',
        relation: 'architecture-reuse',
        status: 'confirmed',
        notes: ['llama-architecture'],
      },
    ],
    investors: [],
    edited: false,
    bundled: true,
    revision: 1,
    asOf: '2026-11-29',
    ratings: {},
    ...overrides,
  };
}

describe('verdicts', () => {
  it('reads lineage from base links, most telling relation first, alleged when disputed', () => {
    const v = view();
    v.base.push({
      id: 'gpt-4',
      name: { en: 'GPT-4' },
      type: 'model',
      relation: 'distillation',
      status: 'disputed',
    });
    expect(provenanceVerdict(v)).toMatchObject({ kind: 'derived', relation: 'distillation', alleged: true });
    expect(provenanceVerdict(view())).toMatchObject({
      kind: 'derived',
      relation: 'architecture-reuse',
      alleged: false,
    });
    const original = view({ base: [] });
    original.entity = {
      ...original.entity,
      pretraining: { status: 'company-claim', notes: ['llama-architecture'] },
    };
    expect(provenanceVerdict(original)).toMatchObject({ kind: 'original', status: 'company-claim' });
    expect(provenanceVerdict(view({ base: [] }))).toBeUndefined();
  });

  it('says scores drop when any independent check found so, else whether any holds up', () => {
    const withNotes = (notes: Note[]) => {
      const v = view();
      v.entity = { ...v.entity, notes };
      return benchmarkVerdict(v);
    };
    expect(withNotes([benchmarkNote('a', 'holds-up'), benchmarkNote('b', 'contaminated')])).toMatchObject({
      kind: 'drops',
      notes: [{ id: 'b' }],
    });
    expect(withNotes([benchmarkNote('a', 'holds-up'), benchmarkNote('c')])?.kind).toBe('holds-up');
    expect(withNotes([benchmarkNote('c', 'unverified')])?.kind).toBe('no-independent-evidence');
    expect(withNotes([])).toBeUndefined();
  });
});

describe('VerdictBadges in the card', () => {
  it('shows the badges and explains them on hover and from the keyboard', () => {
    const v = view();
    v.entity = { ...v.entity, notes: [...v.entity.notes, benchmarkNote('gsm', 'drops')] };
    render(<EntityCard view={v} lang="en" strings={stringsFor('en')} />);
    const provenance = screen.getByRole('button', { name: 'Architecture reuse of LLaMA' });
    expect(provenance.getAttribute('aria-expanded')).toBe('false');
    fireEvent.mouseEnter(provenance.parentElement!);
    const why = screen.getByRole('region', { name: /Why this badge: Architecture reuse of LLaMA/ });
    expect(within(why).getByText(/two renamed tensors/)).toBeTruthy();
    fireEvent.mouseLeave(provenance.parentElement!);
    expect(screen.queryByRole('region', { name: /Why this badge: Architecture/ })).toBeNull();

    const bench = screen.getByRole('button', { name: 'Scores drop under perturbation or contamination' });
    fireEvent.click(bench);
    expect(bench.getAttribute('aria-expanded')).toBe('true');
    const benchWhy = screen.getByRole('region', { name: /Why this badge: Scores drop/ });
    expect(within(benchWhy).getByText('Benchmark finding gsm.')).toBeTruthy();
  });

  it('says a fuzzy link is fuzzy, and a version the data lacks is one', () => {
    const { unmount } = render(
      <EntityCard view={view()} lang="en" strings={stringsFor('en')} matchedText="Yi34" matchedFuzzy />,
    );
    expect(screen.getByText('Matched as “Yi34” (fuzzy)')).toBeTruthy();
    unmount();
    render(
      <EntityCard
        view={view()}
        lang="en"
        strings={stringsFor('en')}
        matchedText="Yi-34B-Chat-4bits"
        matchedFuzzy
      />,
    );
    expect(
      screen.getByText(
        '“Yi-34B-Chat-4bits”: this version is not in the dataset; shown is what it belongs to.',
      ),
    ).toBeTruthy();
  });
});
