import { useState } from 'preact/hooks';
import type { Note } from '../lib/schema';
import type { CardStrings } from '../lib/i18n-card';
import { compactNumber, CURRENCY } from './FactList';

export interface FundingTimelineProps {
  notes: readonly Note[];
  strings: CardStrings;
  idPrefix: string;
}

interface Point {
  date: string;
  value: number;
  currency: string;
  publisher: string;
  /** Years since 1970, for the time axis. */
  t: number;
}

const WIDTH = 320;
const HEIGHT = 96;
const PAD = { left: 8, right: 8, top: 10, bottom: 18 };

/** A partial date as a point in time (a bare year or month sits at its middle). */
function timeOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return y! + ((m ?? 6.5) - 1) / 12 + ((d ?? 15) - 1) / 365;
}

/**
 * Valuations over time, on a log scale: each point a funding note's round, focusable, with its
 * source shown on hover and focus; a table says the same for screen readers. Shown from two points.
 */
export function FundingTimeline({ notes, strings, idPrefix }: FundingTimelineProps) {
  const [active, setActive] = useState<number | undefined>(undefined);
  const points: Point[] = notes
    .flatMap((n) => {
      const v = n.kind === 'funding' ? n.round?.valuation : undefined;
      return v
        ? [
            {
              date: n.date,
              value: v.value,
              currency: v.currency,
              publisher: n.sources[0]!.publisher,
              t: timeOf(n.date),
            },
          ]
        : [];
    })
    .sort((a, b) => a.t - b.t);
  // One currency per picture: the one most points use.
  const currency = points.map((p) => p.currency).sort()[Math.floor(points.length / 2)];
  const shown = points.filter((p) => p.currency === currency);
  if (shown.length < 2) return null;
  const t = strings.timeline;
  const money = (p: Point) => `${CURRENCY[p.currency] ?? `${p.currency} `}${compactNumber(p.value)}`;
  const [t0, t1] = [shown[0]!.t, shown.at(-1)!.t];
  const logs = shown.map((p) => Math.log10(p.value));
  const [v0, v1] = [Math.min(...logs), Math.max(...logs)];
  const x = (p: Point) => PAD.left + ((p.t - t0) / (t1 - t0 || 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (p: Point) =>
    HEIGHT - PAD.bottom - ((Math.log10(p.value) - v0) / (v1 - v0 || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const headingId = `${idPrefix}-timeline`;
  const focused = active === undefined ? undefined : shown[active];
  return (
    <section class="timeline" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden="true" focusable="false">
        <polyline points={shown.map((p) => `${x(p)},${y(p)}`).join(' ')} />
        {shown.map((p, i) => (
          <circle
            key={`${p.date}-${i}`}
            cx={x(p)}
            cy={y(p)}
            r={active === i ? 6 : 4}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(undefined)}
          >
            <title>{`${money(p)} · ${p.date} · ${p.publisher}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={HEIGHT - 4}>
          {shown[0]!.date.slice(0, 4)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} text-anchor="end">
          {shown.at(-1)!.date.slice(0, 4)}
        </text>
      </svg>
      {/* Keyboard users step through the points here; the line below says which one and its source. */}
      <div class="timeline-points" role="group" aria-label={t.heading}>
        {shown.map((p, i) => (
          <button
            key={`${p.date}-${i}`}
            type="button"
            class={active === i ? 'active' : undefined}
            aria-pressed={active === i}
            onFocus={() => setActive(i)}
            onClick={() => setActive(i)}
          >
            {money(p)}
          </button>
        ))}
      </div>
      <p class="timeline-detail" aria-live="polite">
        {focused ? `${money(focused)} · ${focused.date} · ${t.source} ${focused.publisher}` : t.hint}
      </p>
    </section>
  );
}
