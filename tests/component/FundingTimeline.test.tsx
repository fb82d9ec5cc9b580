import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { FundingTimeline } from '../../components/FundingTimeline';
import { stringsFor } from '../../lib/i18n';
import type { Note } from '../../lib/schema';

afterEach(cleanup);

const round = (date: string, value: number, publisher: string): Note => ({
  id: `r-${date}`,
  kind: 'funding',
  text: { en: 'A round.' },
  date,
  status: 'confirmed',
  sources: [{ url: `https://example.com/${date}`, title: 'Round', publisher }],
  round: { valuation: { value, currency: 'USD' } },
});

// OpenAI's recorded valuations (data/dataset.json).
const notes = [
  round('2024-10-02', 157e9, 'OpenAI'),
  round('2023', 86e9, 'Reuters'),
  round('2025-03-31', 300e9, 'CNBC'),
];

describe('FundingTimeline', () => {
  it('draws valuations in time order, one point each, on a log scale', () => {
    render(<FundingTimeline notes={notes} strings={stringsFor('en')} idPrefix="t" />);
    const region = screen.getByRole('region', { name: 'Valuations over time' });
    const circles = region.querySelectorAll('circle');
    expect(circles).toHaveLength(3);
    const ys = [...circles].map((c) => Number(c.getAttribute('cy')));
    expect(ys[0]).toBeGreaterThan(ys[1]!); // higher valuation, higher point
    expect(ys[1]).toBeGreaterThan(ys[2]!);
    // Equal steps in value ratio are equal steps in height: 86 → 157 → 300 is ~1.8× then ~1.9×.
    expect(Math.abs(ys[0]! - ys[1]! - (ys[1]! - ys[2]!))).toBeLessThan(6);
  });

  it('gives each point’s date and source on focus, for keyboard and screen-reader users', () => {
    render(<FundingTimeline notes={notes} strings={stringsFor('en')} idPrefix="t" />);
    const group = screen.getByRole('group', { name: 'Valuations over time' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['US$86B', 'US$157B', 'US$300B']);
    fireEvent.focus(buttons[2]!);
    expect(screen.getByText('US$300B · 2025-03-31 · source: CNBC')).toBeTruthy();
  });

  it('is left out with fewer than two valuations', () => {
    const { container } = render(
      <FundingTimeline notes={notes.slice(0, 1)} strings={stringsFor('zh')} idPrefix="t" />,
    );
    expect(container.textContent).toBe('');
  });
});
