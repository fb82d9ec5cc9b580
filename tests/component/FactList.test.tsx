import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { FactList, compactNumber, latestValuation, scientific } from '../../components/FactList';
import { EntityCard } from '../../components/EntityCard';
import { stringsFor } from '../../lib/i18n';
import type { Facts } from '../../lib/schema';
import type { EntityView } from '../../lib/messages/protocol';

afterEach(cleanup);

// DeepSeek-V3's row in Epoch AI's Notable AI Models (data/sources/).
const facts: Facts = {
  released: '2024-12-24',
  parameters: 671e9,
  trainingCompute: { flop: 3.4078e24, confidence: 'confident' },
  trainingHardware: { name: 'NVIDIA H800 SXM5', chip: 'nvidia-h800', quantity: 2048 },
  datasetSize: 14.8e12,
  access: 'open-weights-restricted',
  country: ['CN'],
  sources: [
    { url: 'https://arxiv.org/abs/2412.19437', title: 'DeepSeek-V3 Technical Report', publisher: 'arXiv' },
    { url: 'https://epoch.ai/data/notable-ai-models', title: 'Notable AI Models', publisher: 'Epoch AI' },
  ],
};

/** The card's view of a bundled model with only structured facts (as the importer makes them). */
function modelView(id: string, name: string, modelFacts: Facts): EntityView {
  return {
    entity: {
      id,
      type: 'model',
      name: { en: name, zhUsesLatin: true },
      aliases: [],
      facts: modelFacts,
      notes: [],
    },
    base: [],
    investors: [],
    edited: false,
    bundled: true,
    revision: 1,
    asOf: '2026-11-29',
    ratings: {},
  };
}

describe('FactList', () => {
  it('formats counts and compute the way news writes them', () => {
    expect(compactNumber(671e9)).toBe('671B');
    expect(compactNumber(1.75e12)).toBe('1.75T');
    expect(compactNumber(340e6)).toBe('340M');
    expect(scientific(3.4078e24)).toBe('3.4 × 10²⁴');
  });

  it('lists the facts as terms and values, with the sources that state them', () => {
    render(<FactList facts={facts} lang="en" strings={stringsFor('en')} idPrefix="t" />);
    const strip = screen.getByRole('region', { name: 'Key facts' });
    const value = (term: string) => within(strip).getByText(term).nextElementSibling?.textContent;
    expect(value('Parameters')).toBe('671B');
    expect(value('Training compute')).toBe('3.4 × 10²⁴ FLOP (confident estimate)');
    expect(value('Trained on')).toBe('2,048 × NVIDIA H800 SXM5');
    expect(value('Training data')).toBe('14.8T data points');
    expect(value('Access')).toBe('Open weights (restricted use)');
    expect(value('Country')).toBe('China');
    const epoch = within(strip).getByRole('link', { name: 'Epoch AI' });
    expect(epoch.getAttribute('href')).toBe('https://epoch.ai/data/notable-ai-models');
    expect(epoch.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('leads a company with its latest recorded valuation', () => {
    const round = (date: string, value: number) => ({
      id: `r-${date}`,
      kind: 'funding' as const,
      text: { en: 'A round.' },
      date,
      status: 'confirmed' as const,
      sources: facts.sources.slice(1),
      round: { valuation: { value, currency: 'USD' as const } },
    });
    const valuation = latestValuation([round('2024-10-02', 157e9), round('2025-03-31', 300e9)]);
    expect(valuation).toEqual({ value: 300e9, currency: 'USD', date: '2025-03-31' });
    render(<FactList valuation={valuation} lang="en" strings={stringsFor('en')} idPrefix="t" />);
    const strip = screen.getByRole('region', { name: 'Key facts' });
    expect(within(strip).getByText('Latest valuation').nextElementSibling?.textContent).toBe(
      'US$300B (2025-03-31)',
    );
  });

  it('sums up a company’s models and the disputes and caveats noted on them', () => {
    const top = ['GPT-4', 'GPT-4o', 'ChatGPT', 'Sora', 'o1'].map((en, i) => ({
      id: `m${i}`,
      name: { en },
      type: 'model' as const,
    }));
    render(
      <FactList
        portfolio={{ count: 9, top, disputes: 2, caveats: 3, notable: { ...top[0]!, kind: 'provenance' } }}
        raised={{ value: 50.6e9, rounds: 2 }}
        lang="en"
        strings={stringsFor('en')}
        idPrefix="t"
      />,
    );
    const strip = screen.getByRole('region', { name: 'Key facts' });
    expect(within(strip).getByText('Models').nextElementSibling?.textContent).toBe(
      'GPT-4, GPT-4o, ChatGPT, Sora, o1 and 4 more',
    );
    expect(within(strip).getByText('On its models').nextElementSibling?.textContent).toBe(
      '2 provenance disputes, 3 benchmark caveats; look first at GPT-4 (Provenance)',
    );
    expect(within(strip).getByText('Raised').nextElementSibling?.textContent).toBe(
      'US$50.6B in 2 recorded rounds',
    );
  });

  it('gives a chip its generation, key figure and export status', () => {
    render(
      <FactList
        facts={{
          generation: 'Hopper',
          keyFigure: { en: '96 GB HBM3, 4.0 TB/s', zh: '96 GB HBM3，4.0 TB/s' },
          exportControl: 'china-variant',
          sources: facts.sources.slice(1),
        }}
        lang="zh"
        strings={stringsFor('zh')}
        idPrefix="t"
      />,
    );
    const strip = screen.getByRole('region', { name: '关键信息' });
    expect(within(strip).getByText('架构代际').nextElementSibling?.textContent).toBe('Hopper');
    expect(within(strip).getByText('关键指标').nextElementSibling?.textContent).toBe('96 GB HBM3，4.0 TB/s');
    expect(within(strip).getByText('美国出口管制').nextElementSibling?.textContent).toBe('中国特供版');
  });

  it('says when a chip’s export status may be out of date, counted from its latest dated source', () => {
    const chip = (published?: string) => ({
      exportControl: 'china-variant' as const,
      sources: [{ ...facts.sources[1]!, ...(published && { published }) }],
    });
    const status = (chipFacts: Facts, today: string) => {
      cleanup();
      render(<FactList facts={chipFacts} lang="en" strings={stringsFor('en')} idPrefix="t" today={today} />);
      return screen.getByText('US export rules').nextElementSibling?.textContent;
    };
    // Export rules get six months.
    expect(status(chip('2026-08-01'), '2026-12-07')).toBe('China-specific variant');
    expect(status(chip('2026-03-01'), '2026-12-07')).toBe(
      'China-specific variant · May be out of date (as of 2026-03-01)',
    );
    expect(status(chip(), '2026-12-07')).toBe('China-specific variant · May be out of date (undated)');
  });

  it('speaks Chinese in a Chinese card', () => {
    render(<FactList facts={facts} lang="zh" strings={stringsFor('zh')} idPrefix="t" />);
    const strip = screen.getByRole('region', { name: '关键信息' });
    expect(within(strip).getByText('参数量').nextElementSibling?.textContent).toBe('671B');
    expect(within(strip).getByText('开放程度').nextElementSibling?.textContent).toBe('开放权重（限制用途）');
    expect(within(strip).getByText('国家/地区').nextElementSibling?.textContent).toBe('中国');
  });

  it('leads an imported entity’s card, which then has no empty sections', () => {
    const view = modelView('alphafold-2', 'AlphaFold 2', {
      released: '2020-11-30',
      sources: facts.sources.slice(1),
    });
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} />);
    expect(screen.getByRole('region', { name: 'Key facts' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Funding' })).toBeNull();
    expect(screen.getByText('No sourced notes yet.')).toBeTruthy();
  });
});

describe('claim lead', () => {
  const base = modelView('glm-4', 'GLM-4', { access: 'open-weights', sources: facts.sources.slice(1) });

  it('says what the sentence claims, and honestly when the record is silent', () => {
    render(
      <EntityCard
        view={base}
        lang="en"
        strings={stringsFor('en')}
        claim={{ kind: 'comparison', text: 'rivals GPT-4 on MMLU' }}
      />,
    );
    const lead = screen.getByText(/This sentence claims \(comparison\):/);
    expect(lead.textContent).toContain('rivals GPT-4 on MMLU');
    expect(lead.textContent).toContain('The dataset has no record on it.');
  });

  it('points at the notes that bear on it, or at the access fact for openness', () => {
    const note = {
      id: 'n1',
      kind: 'benchmark' as const,
      text: { en: 'Scores drop on fresh tests.' },
      date: '2024-01',
      status: 'confirmed' as const,
      sources: facts.sources.slice(1),
    };
    const { unmount } = render(
      <EntityCard
        view={{ ...base, entity: { ...base.entity, notes: [note] } }}
        lang="en"
        strings={stringsFor('en')}
        claim={{ kind: 'comparison', text: 'rivals GPT-4' }}
      />,
    );
    expect(
      screen.getByRole('button', { name: 'The record: 1 Benchmark robustness note below.' }),
    ).toBeTruthy();
    unmount();
    render(
      <EntityCard
        view={base}
        lang="zh"
        strings={stringsFor('zh')}
        claim={{ kind: 'openness', text: '开源' }}
      />,
    );
    expect(screen.getByText(/本句声称（开源）：/).textContent).toContain('记录：开放权重。');
  });
});
