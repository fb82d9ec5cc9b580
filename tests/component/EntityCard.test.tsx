import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { EntityCard } from '../../components/EntityCard';
import type { EntityView } from '../../lib/messages/protocol';
import { stringsFor } from '../../lib/i18n';
import { testDataset, testRegistry } from '../helpers/dataset';
import { sourceKey } from '../../lib/sources/registry';
import type { Note } from '../../lib/schema';

/** Ratings as the background computes them, from the test registry. */
function rate(notes: Note[]): EntityView['ratings'] {
  const registry = testRegistry();
  return Object.fromEntries(
    notes
      .flatMap((n) => [...n.sources, ...(n.response?.sources ?? [])])
      .map((s) => [sourceKey(s), registry.rate(s)]),
  );
}

afterEach(cleanup);

function yiView(): EntityView {
  const entities = testDataset().entities;
  const entity = entities.find((e) => e.id === 'yi-34b')!;
  return {
    entity,
    developer: { id: '01-ai', name: { en: '01.AI', zh: '零一万物' }, type: 'company' },
    base: [{ id: 'llama', name: { en: 'LLaMA' }, type: 'model-family', relation: 'architecture-reuse' }],
    investors: [],
    edited: false,
    bundled: true,
    revision: 1,
    asOf: '2026-11-29',
    ratings: rate(entity.notes),
  };
}

describe('EntityCard', () => {
  it('shows names, type, developer, lineage and dated, sourced lines by section', () => {
    render(<EntityCard view={yiView()} lang="en" strings={stringsFor('en')} />);
    const dialog = screen.getByRole('dialog', { name: /Yi-34B/ });
    expect(within(dialog).getByText('Model')).toBeTruthy();
    expect(within(dialog).getByText('01.AI')).toBeTruthy();
    // Lineage shows as the provenance badge, not repeated in the facts line.
    expect(within(dialog).getByRole('button', { name: 'Architecture reuse of LLaMA' })).toBeTruthy();
    expect(dialog.querySelector('.card-header')!.textContent).not.toMatch(/reuses the architecture of/);
    // The lineage picture, and its list for screen readers.
    const lineage = within(dialog).getByRole('region', { name: 'Lineage' });
    expect(within(lineage).getByText('Built on LLaMA (reuses the architecture of)')).toBeTruthy();
    expect(lineage.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const provenance = within(dialog).getByRole('region', { name: 'Provenance' });
    expect(within(provenance).getByText(/two renamed tensors/)).toBeTruthy();
    expect(within(provenance).getByText('2023-11').tagName).toBe('TIME');
    expect(within(provenance).getByText('Disputed')).toBeTruthy();
    const links = within(provenance).getAllByRole('link', { name: 'China Money Network · 2023-12-12' });
    expect(links).toHaveLength(2); // the claim and the response
    expect(links[0]!.getAttribute('href')).toMatch(/^https:\/\/www\.chinamoneynetwork\.com\//);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(provenance).getByText(/trained Yi-34B and Yi-6B from scratch/)).toBeTruthy();
    // Sections without notes are left out, not shown empty.
    expect(within(dialog).queryByRole('region', { name: 'Funding' })).toBeNull();
    expect(within(dialog).queryByRole('region', { name: 'Compute' })).toBeNull();
    expect(within(dialog).queryByText('No sourced notes yet.')).toBeNull();
    expect(within(dialog).getByText('Dataset as of 2026-11-29')).toBeTruthy();
  });

  it('shows each section’s most important line first and the rest behind “more”', () => {
    const view = yiView();
    const disputed = view.entity.notes.find((n) => n.kind === 'provenance')!;
    // A later, undisputed line: the dispute still leads.
    view.entity.notes.push({
      ...disputed,
      id: 'later',
      status: 'confirmed',
      date: '2025-01',
      response: undefined,
    });
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} />);
    const provenance = screen.getByRole('region', { name: 'Provenance' });
    const items = [...provenance.querySelectorAll('li.note')] as HTMLElement[];
    expect(items).toHaveLength(2);
    // The dispute leads; the rest waits.
    expect(items[0]!.hidden).toBe(false);
    expect(items[0]!.textContent).toMatch(/Disputed/);
    expect(items.slice(1).every((li) => li.hidden)).toBe(true);
    const more = within(provenance).getByRole('button', { name: `${items.length - 1} more` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(items.every((li) => !li.hidden)).toBe(true);
    expect(within(provenance).getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('shows each source as publisher · date, best tier first, with the tier in words and its meaning', () => {
    const view = yiView();
    const note = view.entity.notes.find((n) => n.response)!;
    note.sources = [
      {
        publisher: 'Reuters',
        title: '[Reuters report]',
        published: '2023-11-14',
        via: 'https://finance.yahoo.com/news/yi.html',
      },
      {
        url: 'https://arxiv.org/abs/2403.04652',
        publisher: 'arXiv',
        title: 'Yi: Open Foundation Models by 01.AI',
        published: '2024-03-07',
      },
      { url: 'https://unknown.example/post', publisher: 'A blog', title: 'A post' },
    ];
    view.ratings = rate(view.entity.notes);
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} />);
    const item = screen.getByText(/two renamed tensors/).closest('li')!;
    const sources = [...item.querySelectorAll('.note-meta')[0]!.querySelectorAll('.source-item')];
    expect(sources.map((s) => s.querySelector('.tier')!.firstChild!.textContent)).toEqual([
      'primary',
      'outlet',
      'unrated',
    ]);
    expect(sources[0]!.textContent).toContain('arXiv · 2024-03-07');
    // An original cited by name is not a link; the copy read is, named by the registry.
    expect(within(sources[1] as HTMLElement).queryByRole('link', { name: /Reuters/ })).toBeNull();
    expect(
      within(sources[1] as HTMLElement)
        .getByRole('link', { name: 'via Yahoo Finance' })
        .getAttribute('href'),
    ).toBe('https://finance.yahoo.com/news/yi.html');
    // The tier mark is focusable and carries its meaning in text.
    const mark = sources[0]!.querySelector('.tier') as HTMLElement;
    expect(mark.tabIndex).toBe(0);
    expect(mark.textContent).toMatch(/primary.*subject’s own page/);
  });

  it('names tiers in Chinese for Chinese readers', () => {
    render(<EntityCard view={yiView()} lang="zh" strings={stringsFor('zh')} />);
    expect(screen.getAllByText('媒体').length).toBeGreaterThan(0);
  });

  it("shows the family's notes after the model's own, labelled", () => {
    const view = yiView();
    const familyNote = {
      ...view.entity.notes[0]!,
      id: 'family-note',
      kind: 'funding' as const,
      text: { en: 'A family-wide line.' },
    };
    view.family = { id: 'yi', name: { en: 'Yi' }, type: 'model-family', notes: [familyNote] };
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} />);
    const funding = screen.getByRole('region', { name: 'Funding' });
    expect(within(funding).getByText('About the Yi family')).toBeTruthy();
    expect(within(funding).getByText('A family-wide line.')).toBeTruthy();
    expect(within(funding).queryByText('No sourced notes yet.')).toBeNull();
  });

  it('puts the Chinese name first for Chinese readers', () => {
    const view = { ...yiView(), entity: testDataset().entities[0]! };
    render(<EntityCard view={view} lang="zh" strings={stringsFor('zh')} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('零一万物 · 01.AI');
    expect(screen.getByRole('region', { name: '融资' })).toBeTruthy();
    expect(screen.getByText('数据截至 2026-11-29')).toBeTruthy();
  });

  it('renders markup in data as inert text', () => {
    const view = yiView();
    view.entity = { ...view.entity, name: { en: '<img src=x onerror=alert(1)>' } };
    const { container } = render(<EntityCard view={view} lang="en" strings={stringsFor('en')} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says which lines may be out of date: funding after a year, provenance after five', () => {
    const view = yiView();
    const note = (id: string, kind: Note['kind'], date: string): Note => ({
      ...view.entity.notes[0]!,
      id,
      kind,
      date,
      status: 'reported',
      text: { en: `${kind} line of ${date}`, zh: `${date} 的条目` },
    });
    view.entity = {
      ...view.entity,
      notes: [note('f-old', 'funding', '2025-06'), note('p-old', 'provenance', '2023-11')],
    };
    view.ratings = rate(view.entity.notes);
    const line = (text: string) => screen.getByText(text).closest('li')!;
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} today="2026-12-07" />);
    expect(
      within(line('funding line of 2025-06')).getByText('May be out of date (as of 2025-06)'),
    ).toBeTruthy();
    expect(within(line('provenance line of 2023-11')).queryByText(/May be out of date/)).toBeNull();
    cleanup();
    render(<EntityCard view={view} lang="en" strings={stringsFor('en')} today="2026-05-01" />);
    expect(within(line('funding line of 2025-06')).queryByText(/May be out of date/)).toBeNull();
    cleanup();
    render(<EntityCard view={view} lang="zh" strings={stringsFor('zh')} today="2026-12-07" />);
    expect(within(line('2025-06 的条目')).getByText('可能已过时（截至 2025-06）')).toBeTruthy();
  });

  it('offers a close button when it can be closed', () => {
    let closed = false;
    render(
      <EntityCard view={yiView()} lang="en" strings={stringsFor('en')} onClose={() => (closed = true)} />,
    );
    screen.getByRole('button', { name: 'Close' }).click();
    expect(closed).toBe(true);
  });
});
